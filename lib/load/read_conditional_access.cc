// conditionalAccessPolicy, grant and session controls (entra-semantics.md
// 4.1, 4.12-4.14).

#include "lib/load/read_conditional_access.h"

#include "lib/load/read_authentication_strength.h"

namespace crossgate {
namespace load_internal {
namespace {

namespace pb = ::crossgate::policy::v1;
using google::protobuf::GetEnumDescriptor;

void ReadGrantControls(
    JsonReader& r, const Struct& obj, const std::string& path,
    pb::GrantControls* out,
    std::vector<pb::AuthenticationStrengthPolicy>* inline_strengths) {
  pb::GrantControls::Operator op{};
  if (r.Enum(obj, "operator", path, &op)) out->set_operator_(op);
  r.EnumList(obj, "builtInControls", path,
             GetEnumDescriptor<pb::BuiltInControl>(),
             out->mutable_built_in_controls());
  r.StringList(obj, "customAuthenticationFactors", path,
               out->mutable_custom_authentication_factors());
  r.IdList(obj, "termsOfUse", path, {}, out->mutable_terms_of_use());
  if (const Struct* strength = r.Object(obj, "authenticationStrength", path)) {
    std::string spath = Child(path, "authenticationStrength");
    std::string id;
    if (r.String(*strength, "id", spath, &id)) {
      out->set_authentication_strength_id(CanonicalId(id));
    } else {
      r.issues().Error(IssueCode::kMissingField, Child(spath, "id"),
                       "an authentication strength needs its id");
    }
    // GET responses inline the whole strength; keep the definition so a
    // lone policy export can still resolve a custom strength.
    if (JsonReader::Find(*strength, "allowedCombinations") != nullptr) {
      pb::AuthenticationStrengthPolicy definition;
      ReadAuthenticationStrength(r, *strength, spath, &definition);
      inline_strengths->push_back(std::move(definition));
    }
  }
  // A grant property crossgate does not know could be a control it cannot
  // enforce; ignoring it would widen access, so it fails the load (D7).
  for (const std::string& key : UnknownKeys(
           obj, {"operator", "builtInControls", "customAuthenticationFactors",
                 "termsOfUse", "authenticationStrength"})) {
    r.issues().Error(IssueCode::kUnsupportedFeature, Child(path, key),
                     "unknown grant control; crossgate cannot enforce it");
  }
}

void ReadSessionControls(JsonReader& r, const Struct& obj,
                         const std::string& path, pb::SessionControls* out) {
  using SC = pb::SessionControls;
  if (const Struct* s =
          r.Object(obj, "applicationEnforcedRestrictions", path)) {
    bool enabled = false;
    r.Bool(*s, "isEnabled", Child(path, "applicationEnforcedRestrictions"),
           &enabled);
    out->mutable_application_enforced_restrictions()->set_is_enabled(enabled);
  }
  if (const Struct* s = r.Object(obj, "cloudAppSecurity", path)) {
    std::string spath = Child(path, "cloudAppSecurity");
    SC::CloudAppSecurity* c = out->mutable_cloud_app_security();
    bool enabled = false;
    if (r.Bool(*s, "isEnabled", spath, &enabled)) c->set_is_enabled(enabled);
    SC::CloudAppSecurity::Type type{};
    if (r.Enum(*s, "cloudAppSecurityType", spath, &type)) {
      c->set_cloud_app_security_type(type);
    }
  }
  if (const Struct* s = r.Object(obj, "signInFrequency", path)) {
    std::string spath = Child(path, "signInFrequency");
    SC::SignInFrequency* f = out->mutable_sign_in_frequency();
    bool enabled = false;
    if (r.Bool(*s, "isEnabled", spath, &enabled)) f->set_is_enabled(enabled);
    SC::SignInFrequency::Unit unit{};
    if (r.Enum(*s, "type", spath, &unit)) f->set_type(unit);
    int32_t value = 0;
    if (r.Int32(*s, "value", spath, &value)) f->set_value(value);
    SC::SignInFrequency::AuthenticationType auth{};
    if (r.Enum(*s, "authenticationType", spath, &auth)) {
      f->set_authentication_type(auth);
    }
    SC::SignInFrequency::FrequencyInterval interval{};
    if (r.Enum(*s, "frequencyInterval", spath, &interval)) {
      f->set_frequency_interval(interval);
    }
  }
  if (const Struct* s = r.Object(obj, "persistentBrowser", path)) {
    std::string spath = Child(path, "persistentBrowser");
    SC::PersistentBrowser* p = out->mutable_persistent_browser();
    bool enabled = false;
    if (r.Bool(*s, "isEnabled", spath, &enabled)) p->set_is_enabled(enabled);
    SC::PersistentBrowser::Mode mode{};
    if (r.Enum(*s, "mode", spath, &mode)) p->set_mode(mode);
  }
  bool disable_resilience = false;
  if (r.Bool(obj, "disableResilienceDefaults", path, &disable_resilience)) {
    out->set_disable_resilience_defaults(disable_resilience);
  }
  if (const Struct* s = r.Object(obj, "continuousAccessEvaluation", path)) {
    SC::ContinuousAccessEvaluation::Mode mode{};
    auto* cae = out->mutable_continuous_access_evaluation();
    if (r.Enum(*s, "mode", Child(path, "continuousAccessEvaluation"), &mode)) {
      cae->set_mode(mode);
    }
  }
  if (const Struct* s = r.Object(obj, "secureSignInSession", path)) {
    bool enabled = false;
    r.Bool(*s, "isEnabled", Child(path, "secureSignInSession"), &enabled);
    out->mutable_secure_sign_in_session()->set_is_enabled(enabled);
  }
  // `blockSensitiveActions`, `networkAccessSecurity`,
  // `globalSecureAccessFilteringProfile`, ...: reported, never granting.
  r.CollectUnknown(
      obj,
      {"applicationEnforcedRestrictions", "cloudAppSecurity", "signInFrequency",
       "persistentBrowser", "disableResilienceDefaults",
       "continuousAccessEvaluation", "secureSignInSession"},
      path, "",
      "session control not applied by crossgate; it is kept in "
      "unsupported_controls and reported with decisions",
      out->mutable_unsupported_controls());
}

}  // namespace

void ReadConditionalAccessPolicy(
    JsonReader& r, const Struct& obj, const std::string& path,
    pb::ConditionalAccessPolicy* out,
    std::vector<pb::AuthenticationStrengthPolicy>* inline_strengths) {
  std::string id;
  if (r.String(obj, "id", path, &id)) out->set_id(CanonicalId(id));
  r.String(obj, "displayName", path, out->mutable_display_name());
  pb::PolicyState state{};
  if (r.Enum(obj, "state", path, &state)) {
    out->set_state(state);
  } else if (JsonReader::IsNull(JsonReader::Find(obj, "state"))) {
    // Request bodies (PATCH) may leave `state` out. Reading it as enabled
    // is the fail-closed choice: the policy's controls apply.
    out->set_state(pb::POLICY_STATE_ENABLED);
    r.issues().Warning(IssueCode::kMissingField, Child(path, "state"),
                       "no state; read as enabled (fail closed)");
  }
  if (const Struct* c = r.Object(obj, "conditions", path)) {
    ReadConditionSet(r, *c, Child(path, "conditions"),
                     out->mutable_conditions());
  }
  if (const Struct* g = r.Object(obj, "grantControls", path)) {
    ReadGrantControls(r, *g, Child(path, "grantControls"),
                      out->mutable_grant_controls(), inline_strengths);
  }
  if (const Struct* s = r.Object(obj, "sessionControls", path)) {
    ReadSessionControls(r, *s, Child(path, "sessionControls"),
                        out->mutable_session_controls());
  }
  r.String(obj, "templateId", path, out->mutable_template_id());
  r.String(obj, "createdDateTime", path, out->mutable_created_date_time());
  r.String(obj, "modifiedDateTime", path, out->mutable_modified_date_time());
}

}  // namespace load_internal
}  // namespace crossgate
