#ifndef CROSSGATE_BINDINGS_CLI_REQUEST_INPUT_H_
#define CROSSGATE_BINDINGS_CLI_REQUEST_INPUT_H_

// Reading requests for the deciding verbs: whole files, and errors that say
// where. A JSON syntax error is reported as "<file>:<line>:<column>: invalid
// JSON: <what>", a request the reader rejects as "<file>[:<line>]: <JSON
// path>: <what>" (lib/request_json's message).

#include <cstdio>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "bindings/cli/policy_source.h"
#include "lib/request_json/parsed_request.h"
#include "lib/request_json/request_reader.h"

namespace crossgate_cli {

// The whole file ("-" = standard input). NotFound / PermissionDenied /
// Unknown with "<path>: cannot read: <strerror>".
absl::StatusOr<std::string> ReadWholeFile(const std::string& path);

// Where a protobuf JSON syntax error happened. protobuf's message is
// "<what>\n<up to 20 bytes before and after>\n<spaces>^"; the caret's column
// and the excerpt locate the byte offset in `text`. Returns false when the
// message does not carry an excerpt or it cannot be found.
struct TextPosition {
  int line = 1;    // 1-based
  int column = 1;  // 1-based, in bytes
};
bool LocateJsonError(absl::string_view text, absl::string_view message,
                     TextPosition* out);

// The first line of protobuf's message ("Expected : between key:value
// pair."), without the excerpt; a repeated key reads "duplicate key "a"".
std::string JsonErrorSummary(absl::string_view message);

// Parses one request. On error returns InvalidArgument whose message is the
// located, user-facing text (see the file comment); `source` names the file
// and `line` (0 = whole file) the JSONL line. `text_padded`: the
// crossgate::kRequestJsonPadding bytes after `text` are readable, so it is
// parsed in place (RequestReader::ParsePadded).
absl::Status ParseRequestAt(crossgate::RequestReader& reader,
                            absl::string_view text,
                            const crossgate::RequestDefaults& defaults,
                            absl::string_view source, int line,
                            crossgate::ParsedRequest* out,
                            std::vector<std::string>* notes,
                            bool text_padded = false);

// Reads and parses the single request in file `path` for `policies` (the
// bundle's only tenant is the default resource tenant) and checks that its
// resource tenant is loaded: the shared front half of `check` and `what-if`.
// Errors carry the located message (ParseRequestAt, CheckTenantKnown).
absl::Status ReadRequestFile(const Policies& policies, const std::string& path,
                             crossgate::ParsedRequest* out,
                             std::vector<std::string>* notes);

}  // namespace crossgate_cli

#endif  // CROSSGATE_BINDINGS_CLI_REQUEST_INPUT_H_
