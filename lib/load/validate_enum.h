#ifndef CROSSGATE_LIB_LOAD_VALIDATE_ENUM_H_
#define CROSSGATE_LIB_LOAD_VALIDATE_ENUM_H_

// Enum checks for the model. Proto3 enums are open: a binary bundle can
// carry any number, so validation rejects numbers the schema does not define
// (D7) and, where Graph requires a value, UNSPECIFIED.

#include <google/protobuf/generated_enum_reflection.h>
#include <google/protobuf/repeated_field.h>

#include <string>

#include "absl/strings/str_cat.h"
#include "lib/load/graph_enum.h"
#include "lib/load/validate_internal.h"

namespace crossgate {
namespace load_internal {

// `required`: UNSPECIFIED (0) is a kMissingField error. Returns true when
// the value is a defined, non-zero value.
inline bool CheckEnumValue(Validator& v,
                           const google::protobuf::EnumDescriptor* type,
                           int value, const std::string& path, bool required) {
  if (value == 0) {
    if (required) {
      v.Error(IssueCode::kMissingField, path,
              absl::StrCat("missing (expected ", GraphEnumValues(type), ")"));
    }
    return false;
  }
  if (type->FindValueByNumber(value) == nullptr) {
    v.Error(IssueCode::kUnknownEnum, path,
            absl::StrCat("unknown value ", value, " (expected ",
                         GraphEnumValues(type), ")"));
    return false;
  }
  return true;
}

template <typename E>
bool CheckEnum(Validator& v, int value, const std::string& path,
               bool required) {
  return CheckEnumValue(v, google::protobuf::GetEnumDescriptor<E>(), value,
                        path, required);
}

// Every element of a repeated enum field must be defined and non-zero.
template <typename E>
void CheckEnumList(Validator& v,
                   const google::protobuf::RepeatedField<int>& list,
                   const std::string& path) {
  for (int i = 0; i < list.size(); ++i) {
    CheckEnum<E>(v, list[i], absl::StrCat(path, "[", i, "]"), true);
  }
}

}  // namespace load_internal
}  // namespace crossgate

#endif  // CROSSGATE_LIB_LOAD_VALIDATE_ENUM_H_
