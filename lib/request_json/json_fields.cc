#include "lib/request_json/json_fields.h"

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

// Objects up to this many members are checked pairwise (no allocation);
// larger ones (never in a real request) with a hash set, so a hostile
// object with 10^6 members costs O(n), not O(n^2).
constexpr size_t kPairwiseMembers = 16;

absl::Status DuplicateIn(const JsonValue& value, const JsonPath& path) {
  switch (value.type()) {
    case element_type::OBJECT: {
      object members = value.get_object().value_unsafe();
      const bool small = members.size() <= kPairwiseMembers;
      std::string_view seen[kPairwiseMembers];
      absl::flat_hash_set<absl::string_view> large;
      size_t count = 0;
      for (simdjson::dom::key_value_pair member : members) {
        bool repeated;
        if (small) {
          repeated = false;
          for (size_t i = 0; i < count && !repeated; ++i) {
            repeated = seen[i] == member.key;
          }
          seen[count++] = member.key;
        } else {
          repeated = !large.insert(View(member.key)).second;
        }
        JsonPath at = path.Child(View(member.key));
        if (repeated) {
          return absl::InvalidArgumentError(
              absl::StrCat("request: invalid JSON: duplicate key \"",
                           absl::Utf8SafeCEscape(at.ToString()), "\""));
        }
        if (absl::Status s = DuplicateIn(member.value, at); !s.ok()) return s;
      }
      return absl::OkStatus();
    }
    case element_type::ARRAY: {
      const array items = value.get_array().value_unsafe();
      int i = 0;
      for (JsonValue item : items) {
        if (item.type() == element_type::OBJECT ||
            item.type() == element_type::ARRAY) {
          if (absl::Status s = DuplicateIn(item, path.Element(i)); !s.ok()) {
            return s;
          }
        }
        ++i;
      }
      return absl::OkStatus();
    }
    default:
      return absl::OkStatus();
  }
}

}  // namespace

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

absl::Status FindDuplicateKey(const JsonValue& root) {
  return DuplicateIn(root, JsonPath());
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

absl::Status BindMembers(const object& members,
                         absl::Span<const absl::string_view> keys,
                         JsonSlot* slots, const JsonPath& path) {
  for (size_t i = 0; i < keys.size(); ++i) slots[i] = JsonSlot();
  absl::string_view unknown;
  bool any_unknown = false;
  for (simdjson::dom::key_value_pair member : members) {
    const absl::string_view key = View(member.key);
    size_t i = 0;
    while (i < keys.size() && keys[i] != key) ++i;
    if (i < keys.size()) {
      if (member.value.type() != element_type::NULL_VALUE) {
        slots[i] = JsonSlot(member.value);
      }
      continue;
    }
    if (IsAnnotation(key)) continue;
    if (!any_unknown || key < unknown) unknown = key;
    any_unknown = true;
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
                           std::vector<std::string>* out) {
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
    out->emplace_back(text);
    ++i;
  }
  return absl::OkStatus();
}

}  // namespace request_json_internal
}  // namespace crossgate
