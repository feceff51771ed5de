#include "lib/load/model_path.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace crossgate {
namespace load_internal {
namespace {

using google::protobuf::FieldDescriptor;

// Fields whose Graph path is not their json_name.
absl::string_view GraphName(const FieldDescriptor* field) {
  const std::string& name = field->full_name();
  if (name ==
      "crossgate.policy.v1.CrossTenantAccessPolicy.default_configuration") {
    return "default";
  }
  if (name == "crossgate.policy.v1.CrossTenantAccessDefault.settings" ||
      name == "crossgate.policy.v1.CrossTenantAccessPartner.settings") {
    return "";
  }
  if (name == "crossgate.policy.v1.GuestsOrExternalUsers.external_tenant_ids") {
    return "externalTenants/members";
  }
  if (name == "crossgate.policy.v1.GrantControls.authentication_strength_id") {
    return "authenticationStrength/id";
  }
  return field->json_name();
}

}  // namespace

std::string PathSegment(absl::string_view id) {
  constexpr size_t kMaxSegment = 128;
  std::string out;
  for (size_t i = 0; i < id.size() && i < kMaxSegment; ++i) {
    const unsigned char c = static_cast<unsigned char>(id[i]);
    if (c < 0x20 || c == 0x7f || c == '\\') {
      absl::StrAppend(&out, "\\x", absl::Hex(c, absl::kZeroPad2));
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  if (id.size() > kMaxSegment)
    absl::StrAppend(&out, "...(", id.size(), " bytes)");
  return out;
}

bool HasControlByte(absl::string_view id) {
  for (char ch : id) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c == 0x7f) return true;
  }
  return false;
}

std::string FieldPath(const std::string& path, const FieldDescriptor* field) {
  absl::string_view name = GraphName(field);
  if (name.empty()) return path;
  return path.empty() ? std::string(name) : absl::StrCat(path, "/", name);
}

std::string ElementPath(const std::string& path,
                        const google::protobuf::Message& element, int index) {
  const auto* descriptor = element.GetDescriptor();
  for (const char* key : {"id", "tenant_id"}) {
    const FieldDescriptor* id = descriptor->FindFieldByName(key);
    if (id == nullptr || id->type() != FieldDescriptor::TYPE_STRING ||
        id->is_repeated()) {
      continue;
    }
    const std::string& value = element.GetReflection()->GetString(element, id);
    if (!value.empty()) return absl::StrCat(path, "/", PathSegment(value));
  }
  return absl::StrCat(path, "[", index, "]");
}

std::string ModelPathStep::ToString() const {
  if (parent == nullptr) return "";
  std::string path = parent->ToString();
  if (field != nullptr) return FieldPath(path, field);
  if (element != nullptr) return ElementPath(path, *element, index);
  return absl::StrCat(path, "[", index, "]");
}

}  // namespace load_internal
}  // namespace crossgate
