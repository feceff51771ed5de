#include "lib/request_json/json_fields.h"

#include <string>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace crossgate {
namespace request_json_internal {

using google::protobuf::Struct;
using google::protobuf::Value;

namespace {

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

absl::Status WrongKind(const Value& value, const JsonPath& path,
                       absl::string_view expected) {
  return PathError(
      path, absl::StrCat("expected ", expected, ", got ", KindName(value)));
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

absl::string_view KindName(const Value& value) {
  switch (value.kind_case()) {
    case Value::kStructValue:
      return "object";
    case Value::kListValue:
      return "array";
    case Value::kStringValue:
      return "string";
    case Value::kNumberValue:
      return "number";
    case Value::kBoolValue:
      return "boolean";
    default:
      return "null";
  }
}

std::string QuoteForMessage(absl::string_view text) {
  constexpr size_t kMax = 64;
  bool cut = text.size() > kMax;
  if (cut) text = text.substr(0, kMax);
  return absl::StrCat("\"", absl::Utf8SafeCEscape(text), cut ? "...\"" : "\"");
}

absl::Status ExpectObject(const Value& value, const JsonPath& path,
                          const Struct** out) {
  if (value.kind_case() != Value::kStructValue) {
    return WrongKind(value, path, "an object");
  }
  *out = &value.struct_value();
  return absl::OkStatus();
}

absl::Status BindMembers(const Struct& object,
                         absl::Span<const absl::string_view> keys,
                         const Value** slots, const JsonPath& path) {
  for (size_t i = 0; i < keys.size(); ++i) slots[i] = nullptr;
  const std::string* unknown = nullptr;
  for (const auto& [key, value] : object.fields()) {
    size_t i = 0;
    while (i < keys.size() && keys[i] != key) ++i;
    if (i < keys.size()) {
      if (value.kind_case() != Value::kNullValue &&
          value.kind_case() != Value::KIND_NOT_SET) {
        slots[i] = &value;
      }
      continue;
    }
    if (IsAnnotation(key)) continue;
    if (unknown == nullptr || key < *unknown) unknown = &key;
  }
  if (unknown != nullptr) {
    return PathError(path.Child(*unknown), "unknown property");
  }
  return absl::OkStatus();
}

absl::Status GetString(const Value& value, const JsonPath& path,
                       absl::string_view* out) {
  if (value.kind_case() != Value::kStringValue) {
    return WrongKind(value, path, "a string");
  }
  *out = value.string_value();
  return absl::OkStatus();
}

absl::Status GetBool(const Value& value, const JsonPath& path, bool* out) {
  if (value.kind_case() != Value::kBoolValue) {
    return WrongKind(value, path, "true or false");
  }
  *out = value.bool_value();
  return absl::OkStatus();
}

absl::Status GetGuid(const Value& value, const JsonPath& path, Guid* out) {
  absl::string_view text;
  if (absl::Status s = GetString(value, path, &text); !s.ok()) return s;
  absl::optional<Guid> guid = ParseGuid(text);
  if (!guid.has_value()) {
    return PathError(path, absl::StrCat("not a GUID: ", QuoteForMessage(text)));
  }
  *out = *guid;
  return absl::OkStatus();
}

absl::Status GetGuidList(const Value& value, const JsonPath& path,
                         std::vector<Guid>* out) {
  if (value.kind_case() != Value::kListValue) {
    return WrongKind(value, path, "an array");
  }
  const auto& items = value.list_value().values();
  if (items.size() > kMaxRequestListEntries) {
    return PathError(path, absl::StrCat(items.size(), " entries; the limit is ",
                                        kMaxRequestListEntries));
  }
  for (int i = 0; i < items.size(); ++i) {
    Guid guid;
    if (absl::Status s = GetGuid(items[i], path.Element(i), &guid); !s.ok()) {
      return s;
    }
    out->push_back(guid);
  }
  return absl::OkStatus();
}

absl::Status GetStringList(const Value& value, const JsonPath& path,
                           std::vector<std::string>* out) {
  if (value.kind_case() != Value::kListValue) {
    return WrongKind(value, path, "an array");
  }
  const auto& items = value.list_value().values();
  if (items.size() > kMaxRequestListEntries) {
    return PathError(path, absl::StrCat(items.size(), " entries; the limit is ",
                                        kMaxRequestListEntries));
  }
  for (int i = 0; i < items.size(); ++i) {
    absl::string_view text;
    if (absl::Status s = GetString(items[i], path.Element(i), &text); !s.ok()) {
      return s;
    }
    out->emplace_back(text);
  }
  return absl::OkStatus();
}

}  // namespace request_json_internal
}  // namespace crossgate
