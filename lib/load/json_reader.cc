#include "lib/load/json_reader.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string_view>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "lib/model/guid.h"

namespace crossgate {
namespace load_internal {

bool IsAnnotationKey(absl::string_view key) {
  if (key.empty()) return false;
  if (key[0] == '@' || key[0] == '#' || key[0] == '$') return true;
  // Property annotations: `createdDateTime@odata.type`.
  return key.find('@') != absl::string_view::npos;
}

absl::string_view JsonTypeName(const Value& v) {
  switch (v.kind_case()) {
    case Value::kNullValue:
      return "null";
    case Value::kNumberValue:
      return "a number";
    case Value::kStringValue:
      return "a string";
    case Value::kBoolValue:
      return "a boolean";
    case Value::kStructValue:
      return "an object";
    case Value::kListValue:
      return "an array";
    default:
      return "nothing";
  }
}

bool IsConfigured(const Value& v) {
  switch (v.kind_case()) {
    case Value::kStringValue:
      return !v.string_value().empty();
    case Value::kNumberValue:
    case Value::kBoolValue:
      return true;
    case Value::kListValue:
      return v.list_value().values_size() > 0;
    case Value::kStructValue: {
      const auto& fields = v.struct_value().fields();
      auto enabled = fields.find("isEnabled");
      if (enabled != fields.end() &&
          enabled->second.kind_case() == Value::kBoolValue &&
          !enabled->second.bool_value()) {
        return false;
      }
      for (const auto& [key, member] : fields) {
        if (!IsAnnotationKey(key) && IsConfigured(member)) return true;
      }
      return false;
    }
    default:
      return false;
  }
}

bool IsCanonicalGuid(absl::string_view text) {
  if (text.size() != 36 || !ParseGuid(text).has_value()) return false;
  for (char c : text) {
    if (c >= 'A' && c <= 'F') return false;
  }
  return true;
}

std::string CanonicalId(absl::string_view text,
                        absl::Span<const absl::string_view> keywords) {
  if (IsCanonicalGuid(text)) return std::string(text);
  if (absl::optional<Guid> guid = ParseGuid(text)) return FormatGuid(*guid);
  for (absl::string_view keyword : keywords) {
    if (absl::EqualsIgnoreCase(keyword, text)) return std::string(keyword);
  }
  return std::string(text);
}

const Value* JsonReader::Find(const Struct& obj, absl::string_view key) {
  // Heterogeneous lookup: no std::string per probe.
  auto it = obj.fields().find(std::string_view(key.data(), key.size()));
  return it == obj.fields().end() ? nullptr : &it->second;
}

void JsonReader::WrongType(absl::string_view path, absl::string_view expected,
                           const Value& found) {
  issues_.Error(
      IssueCode::kWrongType, std::string(path),
      absl::StrCat("expected ", expected, ", found ", JsonTypeName(found)));
}

bool JsonReader::String(const Struct& obj, absl::string_view key,
                        absl::string_view path, std::string* out) {
  const Value* v = Find(obj, key);
  if (IsNull(v)) return false;
  if (v->kind_case() != Value::kStringValue) {
    WrongType(Child(path, key), "a string", *v);
    return false;
  }
  *out = v->string_value();
  return true;
}

bool JsonReader::Bool(const Struct& obj, absl::string_view key,
                      absl::string_view path, bool* out) {
  const Value* v = Find(obj, key);
  if (IsNull(v)) return false;
  if (v->kind_case() != Value::kBoolValue) {
    WrongType(Child(path, key), "a boolean", *v);
    return false;
  }
  *out = v->bool_value();
  return true;
}

bool JsonReader::Int32(const Struct& obj, absl::string_view key,
                       absl::string_view path, int32_t* out) {
  const Value* v = Find(obj, key);
  if (IsNull(v)) return false;
  double d = v->number_value();
  if (v->kind_case() != Value::kNumberValue || std::trunc(d) != d ||
      d < std::numeric_limits<int32_t>::min() ||
      d > std::numeric_limits<int32_t>::max()) {
    WrongType(Child(path, key), "a 32-bit integer", *v);
    return false;
  }
  *out = static_cast<int32_t>(d);
  return true;
}

const Struct* JsonReader::Object(const Struct& obj, absl::string_view key,
                                 absl::string_view path) {
  const Value* v = Find(obj, key);
  if (IsNull(v)) return nullptr;
  if (v->kind_case() != Value::kStructValue) {
    WrongType(Child(path, key), "an object", *v);
    return nullptr;
  }
  return &v->struct_value();
}

const ListValue* JsonReader::List(const Struct& obj, absl::string_view key,
                                  absl::string_view path) {
  const Value* v = Find(obj, key);
  if (IsNull(v)) return nullptr;
  if (v->kind_case() != Value::kListValue) {
    WrongType(Child(path, key), "an array", *v);
    return nullptr;
  }
  return &v->list_value();
}

void JsonReader::StringList(
    const Struct& obj, absl::string_view key, absl::string_view path,
    google::protobuf::RepeatedPtrField<std::string>* out) {
  const ListValue* list = List(obj, key, path);
  if (list == nullptr) return;
  out->Reserve(list->values_size());
  for (int i = 0; i < list->values_size(); ++i) {
    const Value& item = list->values(i);
    if (item.kind_case() != Value::kStringValue) {
      WrongType(Element(path, key, i), "a string", item);
      continue;
    }
    *out->Add() = item.string_value();
  }
}

void JsonReader::IdList(const Struct& obj, absl::string_view key,
                        absl::string_view path,
                        absl::Span<const absl::string_view> keywords,
                        google::protobuf::RepeatedPtrField<std::string>* out) {
  const ListValue* list = List(obj, key, path);
  if (list == nullptr) return;
  out->Reserve(list->values_size());
  for (int i = 0; i < list->values_size(); ++i) {
    const Value& item = list->values(i);
    if (item.kind_case() != Value::kStringValue) {
      WrongType(Element(path, key, i), "a string", item);
      continue;
    }
    *out->Add() = CanonicalId(item.string_value(), keywords);
  }
}

bool JsonReader::EnumValue(const Struct& obj, absl::string_view key,
                           absl::string_view path,
                           const google::protobuf::EnumDescriptor* type,
                           int* out) {
  std::string text;
  if (!String(obj, key, path, &text)) return false;
  absl::optional<int> v = LookupGraphEnum(type, text);
  if (!v) {
    issues_.Error(IssueCode::kUnknownEnum, Child(path, key),
                  absl::StrCat("unknown value \"", text, "\" (expected ",
                               GraphEnumValues(type), ")"));
    return false;
  }
  *out = *v;
  return true;
}

void JsonReader::EnumList(const Struct& obj, absl::string_view key,
                          absl::string_view path,
                          const google::protobuf::EnumDescriptor* type,
                          google::protobuf::RepeatedField<int>* out) {
  const ListValue* list = List(obj, key, path);
  if (list == nullptr) return;
  for (int i = 0; i < list->values_size(); ++i) {
    const Value& item = list->values(i);
    if (item.kind_case() != Value::kStringValue) {
      WrongType(Element(path, key, i), "a string", item);
      continue;
    }
    absl::optional<int> v = LookupGraphEnum(type, item.string_value());
    if (!v) {
      issues_.Error(IssueCode::kUnknownEnum, Element(path, key, i),
                    absl::StrCat("unknown value \"", item.string_value(),
                                 "\" (expected ", GraphEnumValues(type), ")"));
      continue;
    }
    out->Add(*v);
  }
}

void JsonReader::SplitFlags(absl::string_view text, absl::string_view item_path,
                            const google::protobuf::EnumDescriptor* type,
                            google::protobuf::RepeatedField<int>* out) {
  if (absl::StripAsciiWhitespace(text).empty()) return;
  for (absl::string_view item : absl::StrSplit(text, ',')) {
    absl::optional<int> v = LookupGraphEnum(type, item);
    if (!v) {
      issues_.Error(
          IssueCode::kUnknownEnum, std::string(item_path),
          absl::StrCat("unknown value \"", absl::StripAsciiWhitespace(item),
                       "\" in \"", text, "\" (expected ", GraphEnumValues(type),
                       ")"));
      continue;
    }
    out->Add(*v);
  }
}

void JsonReader::Flags(const Struct& obj, absl::string_view key,
                       absl::string_view path,
                       const google::protobuf::EnumDescriptor* type,
                       google::protobuf::RepeatedField<int>* out) {
  const Value* v = Find(obj, key);
  if (IsNull(v)) return;
  if (v->kind_case() == Value::kStringValue) {
    SplitFlags(v->string_value(), Child(path, key), type, out);
    return;
  }
  if (v->kind_case() == Value::kListValue) {
    EnumList(obj, key, path, type, out);
    return;
  }
  WrongType(Child(path, key), "a comma-separated string or an array", *v);
}

std::vector<std::string> UnknownKeys(
    const Struct& obj, absl::Span<const absl::string_view> known) {
  std::vector<std::string> unknown;
  for (const auto& [key, value] : obj.fields()) {
    if (IsAnnotationKey(key) || !IsConfigured(value)) continue;
    if (std::find(known.begin(), known.end(), absl::string_view(key)) !=
        known.end()) {
      continue;
    }
    unknown.push_back(key);
  }
  std::sort(unknown.begin(), unknown.end());  // map order is unspecified
  return unknown;
}

void JsonReader::CollectUnknown(
    const Struct& obj, absl::Span<const absl::string_view> known,
    absl::string_view path, absl::string_view prefix, absl::string_view message,
    google::protobuf::RepeatedPtrField<std::string>* names) {
  for (const std::string& key : UnknownKeys(obj, known)) {
    *names->Add() = absl::StrCat(prefix, key);
    issues_.Warning(IssueCode::kUnsupportedFeature, Child(path, key),
                    std::string(message));
  }
}

}  // namespace load_internal
}  // namespace crossgate
