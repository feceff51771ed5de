#include "bindings/cli/request_input.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "bindings/cli/batch_checker.h"

namespace crossgate_cli {

absl::StatusOr<std::string> ReadWholeFile(const std::string& path) {
  if (path == "-") {
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    return buffer.str();
  }
  struct stat st;
  if (stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": cannot read: Is a directory"));
  }
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const int err = errno;
    std::string message = absl::StrCat(
        path, ": cannot read: ", err != 0 ? std::strerror(err) : "cannot open");
    if (err == ENOENT) return absl::NotFoundError(message);
    if (err == EACCES) return absl::PermissionDeniedError(message);
    return absl::UnknownError(message);
  }
  std::string text((std::istreambuf_iterator<char>(in)),
                   std::istreambuf_iterator<char>());
  if (in.bad()) {
    // A directory opens but cannot be read.
    return absl::UnknownError(absl::StrCat(
        path, ": cannot read: ", std::strerror(errno ? errno : EIO)));
  }
  return text;
}

std::string JsonErrorSummary(absl::string_view message) {
  absl::string_view first = message.substr(0, message.find('\n'));
  // "(struct_value.fields[0]) a: Repeated map key: 'a' is already set."
  constexpr absl::string_view kRepeated = "Repeated map key: '";
  if (size_t at = first.find(kRepeated); at != absl::string_view::npos) {
    absl::string_view key = first.substr(at + kRepeated.size());
    key = key.substr(0, key.find('\''));
    return absl::StrCat("duplicate key \"", key, "\"");
  }
  return std::string(first);
}

bool LocateJsonError(absl::string_view text, absl::string_view message,
                     TextPosition* out) {
  // protobuf (util/internal/json_stream_parser.cc, ReportFailure) quotes up
  // to 20 bytes either side of the failing offset p, starting no earlier than
  // the chunk it was parsing (which may begin at p itself when it re-parses
  // a held-back token), then a caret under p.
  const size_t first = message.find('\n');
  const size_t last = message.rfind('\n');
  if (first == absl::string_view::npos || last <= first) return false;
  absl::string_view excerpt = message.substr(first + 1, last - first - 1);
  absl::string_view caret = message.substr(last + 1);
  if (caret.empty() || caret.back() != '^') return false;
  const size_t caret_column = caret.size() - 1;  // p - begin
  size_t offset;
  if (excerpt.empty()) {
    // Nothing left to quote: the input ended early. Point just past the
    // last non-blank byte.
    offset = text.find_last_not_of(" \t\r\n");
    offset = offset == absl::string_view::npos ? 0 : offset + 1;
  } else {
    // The parser stops at the first error reading left to right, so the
    // first occurrence is the failing one.
    const size_t begin = text.find(excerpt);
    if (begin == absl::string_view::npos) return false;
    offset = begin + caret_column;
  }
  if (offset > text.size()) return false;
  TextPosition pos;
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++pos.line;
      pos.column = 1;
    } else {
      ++pos.column;
    }
  }
  *out = pos;
  return true;
}

absl::Status ParseRequestAt(crossgate::RequestReader& reader,
                            absl::string_view text,
                            const crossgate::RequestDefaults& defaults,
                            absl::string_view source, int line,
                            crossgate::ParsedRequest* out,
                            std::vector<std::string>* notes, bool text_padded) {
  absl::Status status = text_padded
                            ? reader.ParsePadded(text, defaults, out, notes)
                            : reader.Parse(text, defaults, out, notes);
  if (status.ok()) return status;
  absl::string_view message = status.message();
  constexpr absl::string_view kInvalidJson = "request: invalid JSON: ";
  if (absl::StartsWith(message, kInvalidJson)) {
    absl::string_view detail = message.substr(kInvalidJson.size());
    TextPosition pos;
    const bool located = LocateJsonError(text, detail, &pos);
    const int out_line = line > 0 ? line + pos.line - 1 : pos.line;
    if (located) {
      return absl::InvalidArgumentError(
          absl::StrCat(source, ":", out_line, ":", pos.column,
                       ": invalid JSON: ", JsonErrorSummary(detail)));
    }
    return absl::InvalidArgumentError(
        absl::StrCat(source, line > 0 ? absl::StrCat(":", line) : "",
                     ": invalid JSON: ", JsonErrorSummary(detail)));
  }
  return absl::InvalidArgumentError(absl::StrCat(
      source, line > 0 ? absl::StrCat(":", line) : "", ": ", message));
}

absl::Status ReadRequestFile(const Policies& policies, const std::string& path,
                             crossgate::ParsedRequest* out,
                             std::vector<std::string>* notes) {
  absl::StatusOr<std::string> text = ReadWholeFile(path);
  if (!text.ok()) return text.status();
  crossgate::RequestReader reader;
  crossgate::RequestDefaults defaults;
  defaults.resource_tenant_id = policies.OnlyTenant();
  absl::Status status =
      ParseRequestAt(reader, *text, defaults, path, 0, out, notes);
  if (!status.ok()) return status;
  return CheckTenantKnown(out->request(), policies, path);
}

}  // namespace crossgate_cli
