// Conditional Access policies in the model (entra-semantics.md section 4,
// decisions D7, D15, D16).

#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "lib/load/json_reader.h"
#include "lib/load/keywords.h"
#include "lib/load/validate_enum.h"
#include "lib/load/validate_internal.h"

namespace crossgate {
namespace load_internal {
namespace {

namespace pb = ::crossgate::policy::v1;

std::string At(const std::string& path, absl::string_view key) {
  return absl::StrCat(path, "/", key);
}

// `c1` .. `c99` (spec 4.4).
bool IsAuthContext(absl::string_view ref) {
  if (ref.size() < 2 || ref.size() > 3 || ref[0] != 'c' || ref[1] == '0') {
    return false;
  }
  int n = 0;
  for (char c : ref.substr(1)) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  return absl::SimpleAtoi(ref.substr(1), &n) && n >= 1 && n <= 99;
}

void CheckGuests(Validator& v, const pb::GuestsOrExternalUsers& g,
                 const std::string& path) {
  CheckEnumList<pb::GuestOrExternalUserType>(
      v, g.guest_or_external_user_types(),
      At(path, "guestOrExternalUserTypes"));
  std::string tpath = At(path, "externalTenants");
  if (!g.has_external_tenants()) {
    if (g.external_tenants_membership_kind() != 0 ||
        g.external_tenant_ids_size() > 0) {
      v.Error(IssueCode::kInvalidCombination, tpath,
              "tenant members given but has_external_tenants is false");
    }
    return;
  }
  if (g.guest_or_external_user_types_size() == 0) {
    v.Error(IssueCode::kInvalidCombination, tpath,
            "externalTenants needs guestOrExternalUserTypes");
  }
  using G = pb::GuestsOrExternalUsers;
  if (!CheckEnum<G::MembershipKind>(v, g.external_tenants_membership_kind(),
                                    At(tpath, "membershipKind"), true)) {
    return;
  }
  std::string mpath = At(tpath, "members");
  if (g.external_tenants_membership_kind() == G::MEMBERSHIP_KIND_ALL) {
    if (g.external_tenant_ids_size() > 0) {
      v.Error(IssueCode::kInvalidCombination, mpath,
              "membershipKind all takes no members");
    }
    return;
  }
  if (g.external_tenant_ids_size() == 0) {
    // An empty enumeration would match no tenant: fail-open in include.
    v.Error(IssueCode::kMissingField, mpath,
            "enumerated external tenants need at least one tenant id");
  }
  v.CheckIdList(g.external_tenant_ids(), Validator::IdList::kGuidOnly, mpath);
}

void CheckUsers(Validator& v, const pb::Users& u, const std::string& path) {
  using L = Validator::IdList;
  v.CheckIdList(u.include_users(), L::kUsers, At(path, "includeUsers"));
  v.CheckIdList(u.exclude_users(), L::kUsers, At(path, "excludeUsers"));
  v.CheckIdList(u.include_groups(), L::kGuidOnly, At(path, "includeGroups"));
  v.CheckIdList(u.exclude_groups(), L::kGuidOnly, At(path, "excludeGroups"));
  v.CheckIdList(u.include_roles(), L::kGuidOnly, At(path, "includeRoles"));
  v.CheckIdList(u.exclude_roles(), L::kGuidOnly, At(path, "excludeRoles"));
  if (u.has_include_guests_or_external_users()) {
    CheckGuests(v, u.include_guests_or_external_users(),
                At(path, "includeGuestsOrExternalUsers"));
  }
  if (u.has_exclude_guests_or_external_users()) {
    CheckGuests(v, u.exclude_guests_or_external_users(),
                At(path, "excludeGuestsOrExternalUsers"));
  }
}

void CheckApplications(Validator& v, const pb::Applications& a,
                       const std::string& path) {
  using L = Validator::IdList;
  v.CheckIdList(a.include_applications(), L::kApplications,
                At(path, "includeApplications"));
  v.CheckIdList(a.exclude_applications(), L::kApplications,
                At(path, "excludeApplications"));
  std::string upath = At(path, "includeUserActions");
  for (int i = 0; i < a.include_user_actions_size(); ++i) {
    const std::string& action = a.include_user_actions(i);
    if (std::find(std::begin(kUserActions), std::end(kUserActions),
                  absl::string_view(action)) == std::end(kUserActions)) {
      v.Error(IssueCode::kUnknownEnum, absl::StrCat(upath, "[", i, "]"),
              absl::StrCat("unknown user action \"", action,
                           "\" (expected urn:user:registersecurityinfo, "
                           "urn:user:registerdevice)"));
    }
  }
  std::string cpath = At(path, "includeAuthenticationContextClassReferences");
  for (int i = 0; i < a.include_authentication_context_class_references_size();
       ++i) {
    const std::string& ref =
        a.include_authentication_context_class_references(i);
    if (!IsAuthContext(ref)) {
      v.Error(IssueCode::kUnknownEnum, absl::StrCat(cpath, "[", i, "]"),
              absl::StrCat("\"", ref,
                           "\" is not an authentication context (c1..c99)"));
    }
  }
  if (a.has_application_filter()) {
    v.ValidateFilter(a.application_filter(), At(path, "applicationFilter"),
                     /*device_rule=*/false);
  }
}

void CheckLocations(Validator& v, const TenantScope& scope,
                    const pb::Locations& l, const std::string& path) {
  for (int include = 1; include >= 0; --include) {
    const auto& ids = include ? l.include_locations() : l.exclude_locations();
    std::string lpath =
        At(path, include ? "includeLocations" : "excludeLocations");
    v.CheckIdList(ids, Validator::IdList::kLocations, lpath);
    for (int i = 0; i < ids.size(); ++i) {
      const std::string& id = ids[i];
      // The zero GUID is the tenant's MFA trusted IPs (D16).
      if (id == kZeroGuid || scope.location_ids.contains(id)) continue;
      // Keywords, placeholders and malformed ids are reported above.
      if (!IsCanonicalGuid(id)) continue;
      v.Dangling(scope, scope.tenant->named_locations_exported(),
                 absl::StrCat(lpath, "[", i, "]"),
                 absl::StrCat("named location ", id, " is not defined"));
    }
  }
}

void CheckConditions(Validator& v, const TenantScope& scope,
                     const pb::ConditionSet& c, const std::string& path) {
  if (c.has_users()) CheckUsers(v, c.users(), At(path, "users"));
  if (c.has_applications()) {
    CheckApplications(v, c.applications(), At(path, "applications"));
  }
  if (c.has_client_applications()) {
    using L = Validator::IdList;
    std::string cpath = At(path, "clientApplications");
    const pb::ClientApplications& ca = c.client_applications();
    v.CheckIdList(ca.include_service_principals(), L::kServicePrincipals,
                  At(cpath, "includeServicePrincipals"));
    v.CheckIdList(ca.exclude_service_principals(), L::kServicePrincipals,
                  At(cpath, "excludeServicePrincipals"));
    if (ca.has_service_principal_filter()) {
      v.ValidateFilter(ca.service_principal_filter(),
                       At(cpath, "servicePrincipalFilter"), false);
    }
  }
  CheckEnumList<pb::ClientAppType>(v, c.client_app_types(),
                                   At(path, "clientAppTypes"));
  if (c.has_platforms()) {
    std::string ppath = At(path, "platforms");
    CheckEnumList<pb::DevicePlatform>(v, c.platforms().include_platforms(),
                                      At(ppath, "includePlatforms"));
    CheckEnumList<pb::DevicePlatform>(v, c.platforms().exclude_platforms(),
                                      At(ppath, "excludePlatforms"));
  }
  if (c.has_locations()) {
    CheckLocations(v, scope, c.locations(), At(path, "locations"));
  }
  if (c.has_devices() && c.devices().has_device_filter()) {
    v.ValidateFilter(c.devices().device_filter(),
                     At(path, "devices/deviceFilter"), /*device_rule=*/true);
  }
  CheckEnumList<pb::RiskLevel>(v, c.sign_in_risk_levels(),
                               At(path, "signInRiskLevels"));
  CheckEnumList<pb::RiskLevel>(v, c.user_risk_levels(),
                               At(path, "userRiskLevels"));
  CheckEnumList<pb::RiskLevel>(v, c.service_principal_risk_levels(),
                               At(path, "servicePrincipalRiskLevels"));
  CheckEnumList<pb::InsiderRiskLevel>(v, c.insider_risk_levels(),
                                      At(path, "insiderRiskLevels"));
  if (c.has_authentication_flows()) {
    CheckEnumList<pb::TransferMethod>(
        v, c.authentication_flows().transfer_methods(),
        At(path, "authenticationFlows/transferMethods"));
  }
}

void CheckGrant(Validator& v, const TenantScope& scope,
                const pb::GrantControls& g, const std::string& path) {
  CheckEnumList<pb::BuiltInControl>(v, g.built_in_controls(),
                                    At(path, "builtInControls"));
  v.CheckIdList(g.terms_of_use(), Validator::IdList::kGuidOnly,
                At(path, "termsOfUse"));
  std::string fpath = At(path, "customAuthenticationFactors");
  for (int i = 0; i < g.custom_authentication_factors_size(); ++i) {
    if (g.custom_authentication_factors(i).empty()) {
      v.Error(IssueCode::kMissingField, absl::StrCat(fpath, "[", i, "]"),
              "empty custom control id");
    }
  }
  int controls = g.built_in_controls_size() + g.terms_of_use_size() +
                 g.custom_authentication_factors_size() +
                 (g.authentication_strength_id().empty() ? 0 : 1);
  CheckEnum<pb::GrantControls::Operator>(v, g.operator_(), At(path, "operator"),
                                         controls > 0);
  if (g.authentication_strength_id().empty()) return;
  std::string spath = At(path, "authenticationStrength/id");
  if (!v.CheckGuid(g.authentication_strength_id(), spath,
                   "authentication strength id")) {
    return;
  }
  if (!scope.strength_ids.contains(g.authentication_strength_id())) {
    v.Dangling(scope, scope.tenant->authentication_strengths_exported(), spath,
               absl::StrCat("authentication strength ",
                            g.authentication_strength_id(), " is not defined"));
  }
  for (int control : g.built_in_controls()) {
    if (control == pb::BUILT_IN_CONTROL_MFA) {
      // Spec 4.12: `mfa` and an authentication strength cannot share a policy.
      v.Error(IssueCode::kInvalidCombination, At(path, "builtInControls"),
              "mfa and authenticationStrength cannot be combined");
    }
  }
}

void CheckSession(Validator& v, const pb::SessionControls& s,
                  const std::string& path) {
  using SC = pb::SessionControls;
  if (s.has_cloud_app_security()) {
    CheckEnum<SC::CloudAppSecurity::Type>(
        v, s.cloud_app_security().cloud_app_security_type(),
        At(path, "cloudAppSecurity/cloudAppSecurityType"), false);
  }
  if (s.has_sign_in_frequency()) {
    const SC::SignInFrequency& f = s.sign_in_frequency();
    std::string fpath = At(path, "signInFrequency");
    CheckEnum<SC::SignInFrequency::AuthenticationType>(
        v, f.authentication_type(), At(fpath, "authenticationType"), false);
    CheckEnum<SC::SignInFrequency::FrequencyInterval>(
        v, f.frequency_interval(), At(fpath, "frequencyInterval"), false);
    bool unit_ok = CheckEnum<SC::SignInFrequency::Unit>(
        v, f.type(), At(fpath, "type"), false);
    bool time_based = f.frequency_interval() !=
                      SC::SignInFrequency::FREQUENCY_INTERVAL_EVERY_TIME;
    if (f.is_enabled() && time_based) {
      if (f.value() <= 0) {
        v.Error(IssueCode::kMissingField, At(fpath, "value"),
                "an enabled time-based sign-in frequency needs a positive "
                "value");
      }
      if (!unit_ok && f.type() == 0) {
        v.Error(IssueCode::kMissingField, At(fpath, "type"),
                "an enabled time-based sign-in frequency needs days or hours");
      }
    }
  }
  if (s.has_persistent_browser()) {
    CheckEnum<SC::PersistentBrowser::Mode>(v, s.persistent_browser().mode(),
                                           At(path, "persistentBrowser/mode"),
                                           s.persistent_browser().is_enabled());
  }
  if (s.has_continuous_access_evaluation()) {
    CheckEnum<SC::ContinuousAccessEvaluation::Mode>(
        v, s.continuous_access_evaluation().mode(),
        At(path, "continuousAccessEvaluation/mode"), false);
  }
}

}  // namespace

void Validator::ValidatePolicy(TenantScope& scope,
                               const pb::ConditionalAccessPolicy& policy,
                               const std::string& path) {
  CheckDisplayName(policy.display_name(), At(path, "displayName"));
  CheckEnum<pb::PolicyState>(*this, policy.state(), At(path, "state"), true);
  if (!policy.has_conditions()) {
    Error(IssueCode::kMissingField, At(path, "conditions"),
          "a policy needs its conditions");
  } else {
    CheckConditions(*this, scope, policy.conditions(), At(path, "conditions"));
  }
  if (policy.has_grant_controls()) {
    CheckGrant(*this, scope, policy.grant_controls(),
               At(path, "grantControls"));
  }
  if (policy.has_session_controls()) {
    CheckSession(*this, policy.session_controls(), At(path, "sessionControls"));
  }
}

}  // namespace load_internal
}  // namespace crossgate
