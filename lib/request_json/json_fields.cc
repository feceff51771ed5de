#include "lib/request_json/json_fields.h"

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace crossgate {
namespace request_json_internal {

using simdjson::dom::array;
using simdjson::dom::element_type;
using simdjson::dom::object;

namespace {

absl::string_view View(std::string_view s) { return {s.data(), s.size()}; }

void AppendPath(const JsonPath& path, std::string* out) {
  if (path.parent == nullptr) return;  // the root contributes nothing
  AppendPath(*path.parent, out);
  if (path.index >= 0) {
    absl::StrAppend(out, "[", path.index, "]");
  } else {
    if (!out->empty()) out->push_back('.');
    out->append(path.key.data(), path.key.size());
  }
}

// `@odata.type`, `@odata.context`, `includeUsers@odata.type`, ...
bool IsAnnotation(absl::string_view key) {
  return absl::StrContains(key, "@odata.");
}

absl::Status WrongKind(const JsonValue& value, const JsonPath& path,
                       absl::string_view expected) {
  return PathError(
      path, absl::StrCat("expected ", expected, ", got ", KindName(value)));
}

absl::Status TooManyEntries(const JsonPath& path, size_t entries) {
  return absl::ResourceExhaustedError(
      absl::StrCat(path.ToString(), ": ", entries, " entries; the limit is ",
                   kMaxRequestListEntries));
}

// Key equality with the cheap tests inline: most keys differ in length or
// first byte, so memcmp runs about once per member (the match).
bool SameKey(absl::string_view a, absl::string_view b) {
  return a.size() == b.size() && (a.empty() || a[0] == b[0]) &&
         std::memcmp(a.data(), b.data(), a.size()) == 0;
}

absl::Status Duplicate(const JsonPath& at) {
  return absl::InvalidArgumentError(
      absl::StrCat("request: invalid JSON: duplicate key \"",
                   absl::Utf8SafeCEscape(at.ToString()), "\""));
}

// Objects up to this many members are checked pairwise (no allocation);
// larger ones (never in a real request) with a hash set, so a hostile
// object with 10^6 members costs O(n), not O(n^2).
constexpr size_t kPairwiseMembers = 16;

// The first key of `members` that repeats an earlier one, in order.
absl::Status DuplicateMember(const object& members, const JsonPath& path) {
  const bool small = members.size() <= kPairwiseMembers;
  absl::string_view seen[kPairwiseMembers];
  absl::flat_hash_set<absl::string_view> large;
  size_t count = 0;
  for (simdjson::dom::key_value_pair member : members) {
    const absl::string_view key = View(member.key);
    bool repeated = false;
    if (small) {
      for (size_t i = 0; i < count && !repeated; ++i) {
        repeated = SameKey(seen[i], key);
      }
      seen[count++] = key;
    } else {
      repeated = !large.insert(key).second;
    }
    if (repeated) return Duplicate(path.Child(key));
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status CheckNoDuplicateKeys(const JsonValue& value,
                                  const JsonPath& path) {
  if (value.type() == element_type::OBJECT) {
    const object members = value.get_object().value_unsafe();
    if (absl::Status s = DuplicateMember(members, path); !s.ok()) return s;
    for (simdjson::dom::key_value_pair member : members) {
      if (absl::Status s =
              CheckNoDuplicateKeys(member.value, path.Child(View(member.key)));
          !s.ok()) {
        return s;
      }
    }
  } else if (value.type() == element_type::ARRAY) {
    const array items = value.get_array().value_unsafe();
    int i = 0;
    for (JsonValue item : items) {
      if (absl::Status s = CheckNoDuplicateKeys(item, path.Element(i++));
          !s.ok()) {
        return s;
      }
    }
  }
  return absl::OkStatus();
}

std::string JsonPath::ToString() const {
  std::string out;
  AppendPath(*this, &out);
  if (out.empty()) out = "request";
  return out;
}

absl::Status PathError(const JsonPath& path, absl::string_view message) {
  return absl::InvalidArgumentError(
      absl::StrCat(path.ToString(), ": ", message));
}

absl::string_view KindName(const JsonValue& value) {
  switch (value.type()) {
    case element_type::OBJECT:
      return "object";
    case element_type::ARRAY:
      return "array";
    case element_type::STRING:
      return "string";
    case element_type::INT64:
    case element_type::UINT64:
    case element_type::DOUBLE:
      return "number";
    case element_type::BOOL:
      return "boolean";
    case element_type::NULL_VALUE:
      return "null";
  }
  return "null";
}

std::string QuoteForMessage(absl::string_view text) {
  constexpr size_t kMax = 64;
  bool cut = text.size() > kMax;
  if (cut) text = text.substr(0, kMax);
  return absl::StrCat("\"", absl::Utf8SafeCEscape(text), cut ? "...\"" : "\"");
}

absl::Status ExpectObject(const JsonValue& value, const JsonPath& path,
                          object* out) {
  if (value.type() != element_type::OBJECT) {
    return WrongKind(value, path, "an object");
  }
  *out = value.get_object().value_unsafe();
  return absl::OkStatus();
}

absl::Status ExpectArray(const JsonValue& value, const JsonPath& path,
                         array* out) {
  if (value.type() != element_type::ARRAY) {
    return WrongKind(value, path, "an array");
  }
  *out = value.get_array().value_unsafe();
  return absl::OkStatus();
}

KeyTable::KeyTable(absl::Span<const absl::string_view> keys) : keys_(keys) {
  for (size_t k = 0; k < keys.size() && k < 64; ++k) {
    size_t at = Hash(keys[k]);
    while (slot_[at] != 0) at = (at + 1) & (kSlots - 1);
    slot_[at] = static_cast<uint8_t>(k + 1);
  }
}

int KeyTable::Find(absl::string_view key) const {
  for (size_t at = Hash(key); slot_[at] != 0; at = (at + 1) & (kSlots - 1)) {
    const int k = slot_[at] - 1;
    if (SameKey(keys_[k], key)) return k;
  }
  return -1;
}

absl::Status BindMembers(const object& members, const KeyTable& keys,
                         JsonSlot* slots, const JsonPath& path) {
  if (keys.size() > 64) {  // `bound` is a 64-bit mask; tables hold <= 31
    return absl::InternalError("BindMembers: more than 64 keys");
  }
  for (size_t i = 0; i < keys.size(); ++i) slots[i] = JsonSlot();
  uint64_t bound = 0;  // bit i: keys[i] was seen (null included)
  absl::string_view unknown;
  bool any_unknown = false, any_annotation = false;
  for (simdjson::dom::key_value_pair member : members) {
    const absl::string_view key = View(member.key);
    const int i = keys.Find(key);
    if (i >= 0) {
      if ((bound >> i) & 1) return Duplicate(path.Child(key));
      bound |= uint64_t{1} << i;
      if (member.value.type() != element_type::NULL_VALUE) {
        slots[i] = JsonSlot(member.value);
      }
      continue;
    }
    if (IsAnnotation(key)) {
      any_annotation = true;
      continue;
    }
    if (!any_unknown || key < unknown) unknown = key;
    any_unknown = true;
  }
  // Repeats among unbound annotations, and inside their values (skipped
  // unread, but a request with a repeated key is refused wherever it is).
  if (any_annotation) {
    if (absl::Status s = DuplicateMember(members, path); !s.ok()) return s;
    for (simdjson::dom::key_value_pair member : members) {
      const absl::string_view key = View(member.key);
      if (!IsAnnotation(key)) continue;
      if (absl::Status s = CheckNoDuplicateKeys(member.value, path.Child(key));
          !s.ok()) {
        return s;
      }
    }
  }
  if (any_unknown) return PathError(path.Child(unknown), "unknown property");
  return absl::OkStatus();
}

absl::Status GetString(const JsonValue& value, const JsonPath& path,
                       absl::string_view* out) {
  if (value.type() != element_type::STRING) {
    return WrongKind(value, path, "a string");
  }
  *out = View(value.get_string().value_unsafe());
  return absl::OkStatus();
}

absl::Status GetBool(const JsonValue& value, const JsonPath& path, bool* out) {
  if (value.type() != element_type::BOOL) {
    return WrongKind(value, path, "true or false");
  }
  *out = value.get_bool().value_unsafe();
  return absl::OkStatus();
}

namespace {}  // namespace

absl::Status GetGuid(const JsonValue& value, const JsonPath& path, Guid* out) {
  absl::string_view text;
  if (absl::Status s = GetString(value, path, &text); !s.ok()) return s;
  absl::optional<Guid> guid = ParseGuid(text);
  if (!guid.has_value()) {
    return PathError(path, absl::StrCat("not a GUID: ", QuoteForMessage(text)));
  }
  *out = *guid;
  return absl::OkStatus();
}

absl::Status GetGuidList(const JsonValue& value, const JsonPath& path,
                         std::vector<Guid>* out) {
  array items;
  if (absl::Status s = ExpectArray(value, path, &items); !s.ok()) return s;
  const size_t count = items.size();
  if (count > kMaxRequestListEntries) return TooManyEntries(path, count);
  int i = 0;
  for (JsonValue item : items) {
    Guid guid;
    if (absl::Status s = GetGuid(item, path.Element(i), &guid); !s.ok()) {
      return s;
    }
    out->push_back(guid);
    ++i;
  }
  return absl::OkStatus();
}

absl::Status GetStringList(const JsonValue& value, const JsonPath& path,
                           std::vector<std::string>* out,
                           std::vector<std::string>* spare) {
  array items;
  if (absl::Status s = ExpectArray(value, path, &items); !s.ok()) return s;
  const size_t count = items.size();
  if (count > kMaxRequestListEntries) return TooManyEntries(path, count);
  int i = 0;
  for (JsonValue item : items) {
    absl::string_view text;
    if (absl::Status s = GetString(item, path.Element(i), &text); !s.ok()) {
      return s;
    }
    if (spare != nullptr && !spare->empty()) {
      out->push_back(std::move(spare->back()));
      spare->pop_back();
      out->back().assign(text.data(), text.size());
    } else {
      out->emplace_back(text);
    }
    ++i;
  }
  return absl::OkStatus();
}

}  // namespace request_json_internal
}  // namespace crossgate
