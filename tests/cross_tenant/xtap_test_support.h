#ifndef CROSSGATE_TESTS_CROSS_TENANT_XTAP_TEST_SUPPORT_H_
#define CROSSGATE_TESTS_CROSS_TENANT_XTAP_TEST_SUPPORT_H_

// Test-only helpers for the cross-tenant and collaboration suites: Guid and
// textproto shorthands, file access to /work/shared, and a small converter
// from Graph-shaped JSON (the tenant-document shape of lib/load) to the
// policy model, used for the graph samples and the scenario table until the
// JSON loader is on main. THIS IS NOT A LOADER: it maps the properties these
// suites need and ignores everything else.

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "crossgate/policy/v1/bundle.pb.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/text_format.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "lib/model/guid.h"

// Debian 12's libprotobuf (3.21) crashes inside google::protobuf::Map (the
// fields of a Struct) in code built with GCC's -fsanitize=thread, even in a
// single-threaded program (checked with a ten-line program). Tests that read
// JSON through google::protobuf::Value skip themselves under TSan; the
// decision code they cover runs under TSan in the other tests.
#if defined(__SANITIZE_THREAD__)
#define XTAP_SKIP_JSON_UNDER_TSAN() \
  GTEST_SKIP() << "protobuf Map crashes under GCC TSan (Debian 12)"
#else
#define XTAP_SKIP_JSON_UNDER_TSAN() \
  do {                              \
  } while (0)
#endif

namespace crossgate::xtap_testing {

namespace pb = ::crossgate::policy::v1;
using google::protobuf::ListValue;
using google::protobuf::Struct;
using google::protobuf::Value;

// Parses a GUID literal; a bad literal fails the test and yields zero.
inline Guid G(absl::string_view text) {
  absl::optional<Guid> g = ParseGuid(text);
  EXPECT_TRUE(g.has_value()) << "bad test GUID " << text;
  return g.value_or(Guid{});
}

inline pb::TenantPolicies TenantFromText(absl::string_view text) {
  pb::TenantPolicies tenant;
  EXPECT_TRUE(
      google::protobuf::TextFormat::ParseFromString(std::string(text), &tenant))
      << text;
  return tenant;
}

inline std::string SharedDir() {
  if (const char* env = std::getenv("CROSSGATE_SHARED_DIR")) return env;
  return CROSSGATE_SHARED_DIR;
}

inline absl::StatusOr<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read ", path));
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline absl::StatusOr<std::string> ReadGraphSample(absl::string_view name) {
  return ReadFile(absl::StrCat(SharedDir(), "/spec/graph-samples/", name));
}

inline absl::StatusOr<Value> ParseJson(absl::string_view text) {
  Value value;
  google::protobuf::util::JsonParseOptions options;
  auto status = google::protobuf::util::JsonStringToMessage(
      google::protobuf::StringPiece(text.data(), text.size()), &value, options);
  if (!status.ok()) {
    return absl::InvalidArgumentError(std::string(status.message()));
  }
  return value;
}

// --- Graph JSON -> model (the subset these suites use) ---------------------

inline const Value* Field(const Struct& obj, absl::string_view key) {
  auto it = obj.fields().find(std::string(key));
  if (it == obj.fields().end() || it->second.kind_case() == Value::kNullValue) {
    return nullptr;
  }
  return &it->second;
}

inline const Struct* ObjectField(const Struct& obj, absl::string_view key) {
  const Value* v = Field(obj, key);
  return v != nullptr && v->kind_case() == Value::kStructValue
             ? &v->struct_value()
             : nullptr;
}

inline const ListValue* ListField(const Struct& obj, absl::string_view key) {
  const Value* v = Field(obj, key);
  return v != nullptr && v->kind_case() == Value::kListValue ? &v->list_value()
                                                             : nullptr;
}

inline std::string StringField(const Struct& obj, absl::string_view key) {
  const Value* v = Field(obj, key);
  return v != nullptr && v->kind_case() == Value::kStringValue
             ? v->string_value()
             : std::string();
}

// Sets *out and returns true when `key` holds a boolean (null = absent).
inline bool BoolField(const Struct& obj, absl::string_view key, bool* out) {
  const Value* v = Field(obj, key);
  if (v == nullptr || v->kind_case() != Value::kBoolValue) return false;
  *out = v->bool_value();
  return true;
}

inline void TargetConfigFromJson(
    const Struct& obj, pb::CrossTenantAccessTargetConfiguration* out) {
  // Spec 2.4 quirk: trim, then match case-sensitively.
  const std::string access(
      absl::StripAsciiWhitespace(StringField(obj, "accessType")));
  if (access == "allowed") out->set_access_type(out->ACCESS_TYPE_ALLOWED);
  if (access == "blocked") out->set_access_type(out->ACCESS_TYPE_BLOCKED);
  if (const ListValue* targets = ListField(obj, "targets")) {
    for (const Value& item : targets->values()) {
      pb::CrossTenantAccessTarget* t = out->add_targets();
      if (item.kind_case() != Value::kStructValue) continue;
      t->set_target(StringField(item.struct_value(), "target"));
      const std::string type = StringField(item.struct_value(), "targetType");
      if (type == "user") t->set_target_type(t->TARGET_TYPE_USER);
      if (type == "group") t->set_target_type(t->TARGET_TYPE_GROUP);
      if (type == "application") t->set_target_type(t->TARGET_TYPE_APPLICATION);
    }
  }
}

template <typename Setting>
void HalvesFromJson(const Struct& obj, Setting* out) {
  if (const Struct* u = ObjectField(obj, "usersAndGroups")) {
    TargetConfigFromJson(*u, out->mutable_users_and_groups());
  }
  if (const Struct* a = ObjectField(obj, "applications")) {
    TargetConfigFromJson(*a, out->mutable_applications());
  }
}

inline void SettingsFromJson(const Struct& obj,
                             pb::CrossTenantAccessSettings* out) {
  struct B2B {
    const char* key;
    pb::B2BSetting* (pb::CrossTenantAccessSettings::*mut)();
  };
  const B2B settings[] = {
      {"b2bCollaborationInbound",
       &pb::CrossTenantAccessSettings::mutable_b2b_collaboration_inbound},
      {"b2bCollaborationOutbound",
       &pb::CrossTenantAccessSettings::mutable_b2b_collaboration_outbound},
      {"b2bDirectConnectInbound",
       &pb::CrossTenantAccessSettings::mutable_b2b_direct_connect_inbound},
      {"b2bDirectConnectOutbound",
       &pb::CrossTenantAccessSettings::mutable_b2b_direct_connect_outbound},
  };
  for (const B2B& s : settings) {
    if (const Struct* o = ObjectField(obj, s.key))
      HalvesFromJson(*o, (out->*s.mut)());
  }
  if (const Struct* tr = ObjectField(obj, "tenantRestrictions")) {
    HalvesFromJson(*tr, out->mutable_tenant_restrictions());
  }
  if (const Struct* t = ObjectField(obj, "inboundTrust")) {
    auto* trust = out->mutable_inbound_trust();
    bool v;
    if (BoolField(*t, "isMfaAccepted", &v)) trust->set_is_mfa_accepted(v);
    if (BoolField(*t, "isCompliantDeviceAccepted", &v)) {
      trust->set_is_compliant_device_accepted(v);
    }
    if (BoolField(*t, "isHybridAzureADJoinedDeviceAccepted", &v)) {
      trust->set_is_hybrid_azure_ad_joined_device_accepted(v);
    }
  }
  if (const Struct* c = ObjectField(obj, "automaticUserConsentSettings")) {
    auto* consent = out->mutable_automatic_user_consent_settings();
    bool v;
    if (BoolField(*c, "inboundAllowed", &v)) consent->set_inbound_allowed(v);
    if (BoolField(*c, "outboundAllowed", &v)) consent->set_outbound_allowed(v);
  }
}

inline pb::InvitationRedemptionIdentityProviderConfiguration::IdentityProvider
IdpFromJson(absl::string_view name) {
  using C = pb::InvitationRedemptionIdentityProviderConfiguration;
  if (name == "azureActiveDirectory")
    return C::IDENTITY_PROVIDER_AZURE_ACTIVE_DIRECTORY;
  if (name == "externalFederation")
    return C::IDENTITY_PROVIDER_EXTERNAL_FEDERATION;
  if (name == "socialIdentityProviders")
    return C::IDENTITY_PROVIDER_SOCIAL_IDENTITY_PROVIDERS;
  if (name == "emailOneTimePasscode")
    return C::IDENTITY_PROVIDER_EMAIL_ONE_TIME_PASSCODE;
  if (name == "microsoftAccount") return C::IDENTITY_PROVIDER_MICROSOFT_ACCOUNT;
  if (name == "defaultConfiguredIdp")
    return C::IDENTITY_PROVIDER_DEFAULT_CONFIGURED_IDP;
  return C::IDENTITY_PROVIDER_UNSPECIFIED;
}

// A `crossTenantAccessPolicy/default` object (GET .../default response).
inline void DefaultFromJson(const Struct& obj,
                            pb::CrossTenantAccessDefault* out) {
  SettingsFromJson(obj, out->mutable_settings());
  bool v;
  if (BoolField(obj, "isServiceDefault", &v)) out->set_is_service_default(v);
  if (const Struct* idp = ObjectField(
          obj, "invitationRedemptionIdentityProviderConfiguration")) {
    auto* cfg =
        out->mutable_invitation_redemption_identity_provider_configuration();
    if (const ListValue* order =
            ListField(*idp, "primaryIdentityProviderPrecedenceOrder")) {
      for (const Value& p : order->values()) {
        cfg->add_primary_identity_provider_precedence_order(
            IdpFromJson(p.string_value()));
      }
    }
    const std::string fallback = StringField(*idp, "fallbackIdentityProvider");
    if (!fallback.empty())
      cfg->set_fallback_identity_provider(IdpFromJson(fallback));
  }
}

// A partner object (GET .../partners/{id} response).
inline void PartnerFromJson(const Struct& obj,
                            pb::CrossTenantAccessPartner* out) {
  out->set_tenant_id(absl::AsciiStrToLower(StringField(obj, "tenantId")));
  SettingsFromJson(obj, out->mutable_settings());
  bool v;
  if (BoolField(obj, "isServiceProvider", &v)) out->set_is_service_provider(v);
  if (BoolField(obj, "isInMultiTenantOrganization", &v)) {
    out->set_is_in_multi_tenant_organization(v);
  }
}

inline void StringsFromJson(
    const Struct& obj, absl::string_view key,
    google::protobuf::RepeatedPtrField<std::string>* out) {
  if (const ListValue* list = ListField(obj, key)) {
    for (const Value& v : list->values())
      out->Add(std::string(v.string_value()));
  }
}

inline pb::AuthorizationPolicy::AllowInvitesFrom AllowInvitesFromJson(
    absl::string_view s) {
  if (s == "none") return pb::AuthorizationPolicy::ALLOW_INVITES_FROM_NONE;
  if (s == "adminsAndGuestInviters") {
    return pb::AuthorizationPolicy::
        ALLOW_INVITES_FROM_ADMINS_AND_GUEST_INVITERS;
  }
  if (s == "adminsGuestInvitersAndAllMembers") {
    return pb::AuthorizationPolicy::
        ALLOW_INVITES_FROM_ADMINS_GUEST_INVITERS_AND_ALL_MEMBERS;
  }
  if (s == "everyone")
    return pb::AuthorizationPolicy::ALLOW_INVITES_FROM_EVERYONE;
  return pb::AuthorizationPolicy::ALLOW_INVITES_FROM_UNSPECIFIED;
}

inline void AuthorizationFromJson(const Struct& obj,
                                  pb::AuthorizationPolicy* out) {
  out->set_id(StringField(obj, "id"));
  out->set_allow_invites_from(
      AllowInvitesFromJson(StringField(obj, "allowInvitesFrom")));
  out->set_guest_user_role_id(
      absl::AsciiStrToLower(StringField(obj, "guestUserRoleId")));
}

inline void AuthenticationFlowsFromJson(const Struct& obj,
                                        pb::AuthenticationFlowsPolicy* out) {
  out->set_id(StringField(obj, "id"));
  if (const Struct* s = ObjectField(obj, "selfServiceSignUp")) {
    bool v;
    if (BoolField(*s, "isEnabled", &v))
      out->set_self_service_sign_up_enabled(v);
  }
  StringsFromJson(obj, "selfServiceSignUpApplicationIds",
                  out->mutable_self_service_sign_up_application_ids());
}

inline void EmailOtpFromJson(const Struct& obj,
                             pb::EmailOtpConfiguration* out) {
  const std::string state = StringField(obj, "state");
  if (state == "enabled")
    out->set_state(pb::EmailOtpConfiguration::STATE_ENABLED);
  if (state == "disabled")
    out->set_state(pb::EmailOtpConfiguration::STATE_DISABLED);
  const std::string ext = StringField(obj, "allowExternalIdToUseEmailOtp");
  if (ext == "default") {
    out->set_allow_external_id_to_use_email_otp(
        pb::EmailOtpConfiguration::EXTERNAL_ID_OTP_DEFAULT);
  }
  if (ext == "enabled") {
    out->set_allow_external_id_to_use_email_otp(
        pb::EmailOtpConfiguration::EXTERNAL_ID_OTP_ENABLED);
  }
  if (ext == "disabled") {
    out->set_allow_external_id_to_use_email_otp(
        pb::EmailOtpConfiguration::EXTERNAL_ID_OTP_DISABLED);
  }
}

// A tenant document: {"tenantId", "cloud", "crossTenantAccessPolicy":
// {"allowedCloudEndpoints", "default", "partners"}, "authorizationPolicy",
// "authenticationFlowsPolicy", "invitationDomainPolicy",
// "emailOtpConfiguration", "appSets": [{"name", "appIds"}]}.
inline pb::TenantPolicies TenantFromJsonObject(const Struct& obj) {
  pb::TenantPolicies t;
  t.set_tenant_id(absl::AsciiStrToLower(StringField(obj, "tenantId")));
  t.set_cloud(StringField(obj, "cloud"));
  if (const Struct* x = ObjectField(obj, "crossTenantAccessPolicy")) {
    auto* policy = t.mutable_cross_tenant_access_policy();
    StringsFromJson(*x, "allowedCloudEndpoints",
                    policy->mutable_allowed_cloud_endpoints());
    if (const Struct* d = ObjectField(*x, "default")) {
      DefaultFromJson(*d, policy->mutable_default_configuration());
    }
    if (const ListValue* partners = ListField(*x, "partners")) {
      for (const Value& p : partners->values()) {
        PartnerFromJson(p.struct_value(), policy->add_partners());
      }
    }
  }
  if (const Struct* a = ObjectField(obj, "authorizationPolicy")) {
    AuthorizationFromJson(*a, t.mutable_authorization_policy());
  }
  if (const Struct* f = ObjectField(obj, "authenticationFlowsPolicy")) {
    AuthenticationFlowsFromJson(*f, t.mutable_authentication_flows_policy());
  }
  if (const Struct* d = ObjectField(obj, "invitationDomainPolicy")) {
    StringsFromJson(
        *d, "allowedDomains",
        t.mutable_invitation_domain_policy()->mutable_allowed_domains());
    StringsFromJson(
        *d, "blockedDomains",
        t.mutable_invitation_domain_policy()->mutable_blocked_domains());
  }
  if (const Struct* e = ObjectField(obj, "emailOtpConfiguration")) {
    EmailOtpFromJson(*e, t.mutable_email_otp_configuration());
  }
  if (const ListValue* sets = ListField(obj, "appSets")) {
    for (const Value& s : sets->values()) {
      pb::AppSet* set = t.add_app_sets();
      set->set_name(StringField(s.struct_value(), "name"));
      StringsFromJson(s.struct_value(), "appIds", set->mutable_app_ids());
    }
  }
  return t;
}

}  // namespace crossgate::xtap_testing

#endif  // CROSSGATE_TESTS_CROSS_TENANT_XTAP_TEST_SUPPORT_H_
