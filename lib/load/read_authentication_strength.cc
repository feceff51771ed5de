#include "lib/load/read_authentication_strength.h"

namespace crossgate {
namespace load_internal {
namespace {

namespace pb = ::crossgate::policy::v1;
using google::protobuf::GetEnumDescriptor;

void ReadCombination(JsonReader& r, const Value& item, const std::string& path,
                     pb::AuthenticationMethodCombination* out) {
  if (item.kind_case() != Value::kStringValue) {
    r.WrongType(path, "a string", item);
    return;
  }
  r.SplitFlags(item.string_value(), path,
               GetEnumDescriptor<pb::AuthenticationMethodMode>(),
               out->mutable_modes());
}

// A combination configuration restricts its combinations only when it sets
// something beyond its id and the combinations it applies to.
bool Restricts(const Struct& config) {
  for (const auto& [key, value] : config.fields()) {
    if (key == "id" || key == "appliesToCombinations" || IsAnnotationKey(key)) {
      continue;
    }
    if (IsConfigured(value)) return true;
  }
  return false;
}

}  // namespace

void ReadAuthenticationStrength(JsonReader& r, const Struct& obj,
                                const std::string& path,
                                pb::AuthenticationStrengthPolicy* out) {
  std::string id;
  if (r.String(obj, "id", path, &id)) out->set_id(CanonicalId(id));
  r.String(obj, "displayName", path, out->mutable_display_name());
  r.String(obj, "description", path, out->mutable_description());
  pb::AuthenticationStrengthPolicy::PolicyType type{};
  if (r.Enum(obj, "policyType", path, &type)) out->set_policy_type(type);
  pb::AuthenticationStrengthPolicy::RequirementsSatisfied req{};
  if (r.Enum(obj, "requirementsSatisfied", path, &req)) {
    out->set_requirements_satisfied(req);
  }
  if (const ListValue* list = r.List(obj, "allowedCombinations", path)) {
    for (int i = 0; i < list->values_size(); ++i) {
      ReadCombination(r, list->values(i),
                      Element(path, "allowedCombinations", i),
                      out->add_allowed_combinations());
    }
  }
  const ListValue* configs = r.List(obj, "combinationConfigurations", path);
  if (configs == nullptr) return;
  for (int i = 0; i < configs->values_size(); ++i) {
    std::string cpath = Element(path, "combinationConfigurations", i);
    const Value& config = configs->values(i);
    if (config.kind_case() != Value::kStructValue) {
      r.WrongType(cpath, "an object", config);
      continue;
    }
    if (!Restricts(config.struct_value())) continue;
    const ListValue* applies =
        r.List(config.struct_value(), "appliesToCombinations", cpath);
    if (applies == nullptr) continue;
    for (int k = 0; k < applies->values_size(); ++k) {
      ReadCombination(r, applies->values(k),
                      Element(cpath, "appliesToCombinations", k),
                      out->add_configured_combinations());
    }
    r.issues().Warning(
        IssueCode::kUnsupportedFeature, cpath,
        "advanced options (allowed AAGUIDs, certificate issuers or policy "
        "OIDs) cannot be verified by crossgate; the combinations they apply "
        "to are kept in configured_combinations");
  }
}

}  // namespace load_internal
}  // namespace crossgate
