#include "lib/load/json_document.h"

#include <google/protobuf/util/json_util.h>

#include <algorithm>
#include <string>

#include "absl/strings/str_cat.h"
#include "lib/load/limits.h"

namespace crossgate {
namespace load_internal {

int JsonNestingDepth(absl::string_view utf8, int limit) {
  int depth = 0;
  int max_depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < utf8.size(); ++i) {
    char c = utf8[i];
    if (in_string) {
      if (c == '\\') {
        ++i;  // skip the escaped character
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      max_depth = std::max(max_depth, ++depth);
      if (max_depth > limit) return max_depth;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return max_depth;
}

absl::Status ParseJson(absl::string_view utf8, int max_depth,
                       google::protobuf::Value* out) {
  int limit = std::clamp(max_depth, 1, kMaxSupportedJsonDepth);
  if (JsonNestingDepth(utf8, limit) > limit) {
    return absl::ResourceExhaustedError(
        absl::StrCat("JSON nesting deeper than ", limit, " levels"));
  }
  google::protobuf::util::JsonParseOptions options;
  auto status = google::protobuf::util::JsonStringToMessage(
      google::protobuf::StringPiece(utf8.data(), utf8.size()), out, options);
  if (!status.ok()) {
    // protobuf appends the input line and a caret; keep the first line.
    std::string message(status.message());
    message = message.substr(0, message.find('\n'));
    return absl::InvalidArgumentError(
        absl::StrCat("not valid JSON: ", message));
  }
  return absl::OkStatus();
}

}  // namespace load_internal
}  // namespace crossgate
