#ifndef CROSSGATE_LIB_REQUEST_JSON_JSON_FIELDS_H_
#define CROSSGATE_LIB_REQUEST_JSON_JSON_FIELDS_H_

// Walking a parsed JSON tree (google::protobuf::Value) with errors that name
// the JSON path, e.g. `signInConditions.deviceInfo.physicalIds[2]: expected a
// string, got number`. Paths are built on the stack as a linked list and only
// rendered when an error is reported, so the happy path formats nothing.
//
// Conventions shared by every reader in lib/request_json:
// - `null` reads as absent.
// - Keys that are OData annotations (`@odata.type`, `foo@odata.type`) are
//   skipped unless the caller binds them explicitly.
// - Any other key the caller does not bind is an error (a misspelt property
//   must not silently become "not supplied").

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "google/protobuf/struct.pb.h"
#include "lib/model/guid.h"

namespace crossgate {
namespace request_json_internal {

// One step of a JSON path. The root has no parent and renders as `request`.
struct JsonPath {
  const JsonPath* parent = nullptr;
  absl::string_view key;  // member name; empty for an array element
  int index = -1;         // array index, or -1

  JsonPath Child(absl::string_view member) const { return {this, member, -1}; }
  JsonPath Element(int i) const { return {this, {}, i}; }
  // `signInConditions.deviceInfo.physicalIds[2]`; the root alone is `request`.
  std::string ToString() const;
};

// InvalidArgument("<path>: <message>").
absl::Status PathError(const JsonPath& path, absl::string_view message);

// "object", "array", "string", "number", "boolean" or "null".
absl::string_view KindName(const google::protobuf::Value& value);

// Requires `value` to be an object; `what` is used in the error.
absl::Status ExpectObject(const google::protobuf::Value& value,
                          const JsonPath& path,
                          const google::protobuf::Struct** out);

// Binds the members of `object` to `keys`: slots[i] points at the value of
// keys[i], or is null when the member is absent or JSON null. Matching is
// exact (Graph property names are case-sensitive). An unknown member that is
// not an OData annotation is an error; when there are several, the
// lexicographically smallest is named, so errors are deterministic.
absl::Status BindMembers(const google::protobuf::Struct& object,
                         absl::Span<const absl::string_view> keys,
                         const google::protobuf::Value** slots,
                         const JsonPath& path);

// Typed accessors. Each reports `<path>: expected a <kind>, got <kind>`.
absl::Status GetString(const google::protobuf::Value& value,
                       const JsonPath& path, absl::string_view* out);
absl::Status GetBool(const google::protobuf::Value& value, const JsonPath& path,
                     bool* out);
// A GUID string (`<path>: not a GUID: "<text>"`).
absl::Status GetGuid(const google::protobuf::Value& value, const JsonPath& path,
                     Guid* out);
// The longest list a JSON request may hold (groups, roles, terms of use,
// device ids, ...): `<path>: <n> entries; the limit is 100000`. README.md
// "Limits"; the C ABI's struct path allows more (it parses nothing).
inline constexpr int kMaxRequestListEntries = 100000;

// An array of GUID strings, appended to `out`.
absl::Status GetGuidList(const google::protobuf::Value& value,
                         const JsonPath& path, std::vector<Guid>* out);
// An array of strings, appended to `out`.
absl::Status GetStringList(const google::protobuf::Value& value,
                           const JsonPath& path, std::vector<std::string>* out);

// Quotes `text` for an error message, shortened to 64 bytes.
std::string QuoteForMessage(absl::string_view text);

}  // namespace request_json_internal
}  // namespace crossgate

#endif  // CROSSGATE_LIB_REQUEST_JSON_JSON_FIELDS_H_
