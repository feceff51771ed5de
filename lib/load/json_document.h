#ifndef CROSSGATE_LIB_LOAD_JSON_DOCUMENT_H_
#define CROSSGATE_LIB_LOAD_JSON_DOCUMENT_H_

// Parses JSON text into a google::protobuf::Value with protobuf's JSON
// utilities (we do not hand-write a JSON parser), after checking the nesting
// depth ourselves: protobuf's parser has a fixed recursion limit that object
// nesting reaches at 34 levels, and its error text for that case says nothing
// useful.

#include <google/protobuf/struct.pb.h>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace crossgate {
namespace load_internal {

// Returns the maximum nesting depth of `utf8` (objects and arrays), counting
// only brackets outside strings. Stops counting once `limit` is exceeded.
int JsonNestingDepth(absl::string_view utf8, int limit);

// Parses one JSON document. InvalidArgument for malformed JSON (duplicate
// keys included), ResourceExhausted when deeper than `max_depth` (clamped to
// kMaxSupportedJsonDepth).
absl::Status ParseJson(absl::string_view utf8, int max_depth,
                       google::protobuf::Value* out);

}  // namespace load_internal
}  // namespace crossgate

#endif  // CROSSGATE_LIB_LOAD_JSON_DOCUMENT_H_
