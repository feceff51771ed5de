#ifndef CROSSGATE_LIB_REQUEST_JSON_JSON_FIELDS_H_
#define CROSSGATE_LIB_REQUEST_JSON_JSON_FIELDS_H_

// Walking a parsed JSON tree (simdjson's DOM, see request_reader.cc) with
// errors that name the JSON path, e.g.
// `signInConditions.deviceInfo.physicalIds[2]: expected a string, got number`.
// Paths are built on the stack as a linked list and only rendered when an
// error is reported, so the happy path formats nothing.
//
// Conventions shared by every reader in lib/request_json:
// - `null` reads as absent.
// - Keys that are OData annotations (`@odata.type`, `foo@odata.type`) are
//   skipped unless the caller binds them explicitly.
// - Any other key the caller does not bind is an error (a misspelt property
//   must not silently become "not supplied").
// - Numbers are never accepted (no field of the format is a number); they
//   only appear in errors ("got number").

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/string_view.h"
#include "absl/types/optional.h"
#include "absl/types/span.h"
#include "lib/model/guid.h"
#include "simdjson.h"

namespace crossgate {
namespace request_json_internal {

using JsonValue = simdjson::dom::element;

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

// A member bound by BindMembers: absent (missing or JSON null) or a value.
// Reads like the pointer it replaces: `slot != nullptr`, `*slot`.
class JsonSlot {
 public:
  JsonSlot() = default;
  explicit JsonSlot(JsonValue value) : value_(value), present_(true) {}
  bool operator==(std::nullptr_t) const { return !present_; }
  bool operator!=(std::nullptr_t) const { return present_; }
  const JsonValue& operator*() const { return value_; }

 private:
  JsonValue value_;
  bool present_ = false;
};

// InvalidArgument("<path>: <message>").
absl::Status PathError(const JsonPath& path, absl::string_view message);

// "object", "array", "string", "number", "boolean" or "null".
absl::string_view KindName(const JsonValue& value);

// Requires `value` to be an object.
absl::Status ExpectObject(const JsonValue& value, const JsonPath& path,
                          simdjson::dom::object* out);

// The member names one kind of object binds (BindMembers), with a small
// hash index built once, so binding a member costs one lookup instead of a
// scan of the table (deviceInfo binds 31 names). Build it once per table:
// `static const KeyTable kTable(kKeys);`. At most 64 keys.
class KeyTable {
 public:
  explicit KeyTable(absl::Span<const absl::string_view> keys);
  size_t size() const { return keys_.size(); }
  absl::string_view operator[](size_t i) const { return keys_[i]; }
  // The index of `key`, or -1.
  int Find(absl::string_view key) const;

 private:
  static constexpr size_t kSlots = 128;  // > 2x the keys: short probes
  static size_t Hash(absl::string_view key) {
    if (key.empty()) return 0;
    return (key.size() * 31 + static_cast<unsigned char>(key[0]) * 7 +
            static_cast<unsigned char>(key[key.size() / 2]) * 3 +
            static_cast<unsigned char>(key.back())) &
           (kSlots - 1);
  }
  absl::Span<const absl::string_view> keys_;
  uint8_t slot_[kSlots] = {};  // 1 + key index; 0 = empty
};

// Binds the members of `object` to `keys`: slots[i] is the value of keys[i],
// or absent when the member is missing or JSON null. Matching is exact (Graph
// property names are case-sensitive). An unknown member that is not an OData
// annotation is an error; when there are several, the lexicographically
// smallest is named, so errors are deterministic. A key given twice (null
// included; also among annotations and inside annotation values, which are
// otherwise skipped) is `request: invalid JSON: duplicate key "<path>"`,
// e.g. `duplicate key "signInConditions.country"`: a request that states a
// fact twice is ambiguous (JSON leaves repeats undefined and parsers
// disagree on which wins), so it is refused (fail closed). Every object of
// an accepted request passes through here, so an accepted request has no
// repeated key anywhere.
absl::Status BindMembers(const simdjson::dom::object& object,
                         const KeyTable& keys, JsonSlot* slots,
                         const JsonPath& path);

// The same duplicate-key rule for a value the reader accepts without reading
// it (annotation values, `agentIdRiskLevel`): every object inside, at any
// depth.
absl::Status CheckNoDuplicateKeys(const JsonValue& value, const JsonPath& path);

// Typed accessors. Each reports `<path>: expected a <kind>, got <kind>`.
absl::Status GetString(const JsonValue& value, const JsonPath& path,
                       absl::string_view* out);
absl::Status GetBool(const JsonValue& value, const JsonPath& path, bool* out);
// A GUID string (`<path>: not a GUID: "<text>"`).
absl::Status GetGuid(const JsonValue& value, const JsonPath& path, Guid* out);
// The longest list a JSON request may hold (groups, roles, terms of use,
// device ids, ...): ResourceExhausted(`<path>: <n> entries; the limit is
// 100000`), CROSSGATE_ELIMIT through the C ABI. README.md "Limits"; the C
// ABI's struct path allows more (it parses nothing).
inline constexpr int kMaxRequestListEntries = 100000;

// Requires `value` to be an array.
absl::Status ExpectArray(const JsonValue& value, const JsonPath& path,
                         simdjson::dom::array* out);
// An array of GUID strings, appended to `out`.
absl::Status GetGuidList(const JsonValue& value, const JsonPath& path,
                         std::vector<Guid>* out);
// An array of strings, appended to `out`. Strings taken from the back of
// `spare` (may be null) are refilled before new ones are allocated.
absl::Status GetStringList(const JsonValue& value, const JsonPath& path,
                           std::vector<std::string>* out,
                           std::vector<std::string>* spare = nullptr);

// absl::EqualsIgnoreCase, inline (it is an out-of-line call into
// memcasecmp, and enum words are short and mostly differ in length).
inline bool SameWord(absl::string_view a, absl::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (absl::ascii_tolower(static_cast<unsigned char>(a[i])) !=
        absl::ascii_tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

// Quotes `text` for an error message, shortened to 64 bytes.
std::string QuoteForMessage(absl::string_view text);

}  // namespace request_json_internal
}  // namespace crossgate

#endif  // CROSSGATE_LIB_REQUEST_JSON_JSON_FIELDS_H_
