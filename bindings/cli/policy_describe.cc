#include "bindings/cli/policy_describe.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "lib/compile/builtin_strengths.h"

namespace crossgate_cli {

namespace pb = crossgate::policy::v1;

namespace {

const char* BuiltInName(pb::BuiltInControl control) {
  switch (control) {
    case pb::BUILT_IN_CONTROL_BLOCK:
      return "block";
    case pb::BUILT_IN_CONTROL_MFA:
      return "mfa";
    case pb::BUILT_IN_CONTROL_COMPLIANT_DEVICE:
      return "compliantDevice";
    case pb::BUILT_IN_CONTROL_DOMAIN_JOINED_DEVICE:
      return "domainJoinedDevice";
    case pb::BUILT_IN_CONTROL_APPROVED_APPLICATION:
      return "approvedApplication";
    case pb::BUILT_IN_CONTROL_COMPLIANT_APPLICATION:
      return "compliantApplication";
    case pb::BUILT_IN_CONTROL_PASSWORD_CHANGE:
      return "passwordChange";
    case pb::BUILT_IN_CONTROL_RISK_REMEDIATION:
      return "riskRemediation";
    default:
      return "unknown";
  }
}

std::string StrengthName(const std::string& id,
                         const pb::TenantPolicies& tenant) {
  for (const auto& s : tenant.authentication_strength_policies()) {
    if (s.id() == id) return s.display_name().empty() ? id : s.display_name();
  }
  for (const auto& s : crossgate::ShippedBuiltInStrengths()) {
    if (s.id() == id) return s.display_name().empty() ? id : s.display_name();
  }
  return id;
}

std::string Frequency(const pb::SessionControls::SignInFrequency& f) {
  if (f.frequency_interval() ==
      pb::SessionControls::SignInFrequency::FREQUENCY_INTERVAL_EVERY_TIME) {
    return "everyTime";
  }
  const char* unit =
      f.type() == pb::SessionControls::SignInFrequency::UNIT_DAYS ? "d" : "h";
  return absl::StrCat(f.value(), unit);
}

}  // namespace

const char* StateName(pb::PolicyState state) {
  switch (state) {
    case pb::POLICY_STATE_ENABLED:
      return "enabled";
    case pb::POLICY_STATE_DISABLED:
      return "disabled";
    case pb::POLICY_STATE_ENABLED_FOR_REPORTING_BUT_NOT_ENFORCED:
      return "enabledForReportingButNotEnforced";
    default:
      return "unknown";
  }
}

std::vector<std::string> GrantItems(const pb::ConditionalAccessPolicy& policy,
                                    const pb::TenantPolicies& tenant) {
  std::vector<std::string> items;
  if (!policy.has_grant_controls()) return items;
  const pb::GrantControls& g = policy.grant_controls();
  for (int c : g.built_in_controls()) {
    items.push_back(BuiltInName(static_cast<pb::BuiltInControl>(c)));
  }
  if (!g.authentication_strength_id().empty()) {
    items.push_back(
        absl::StrCat("authenticationStrength:",
                     StrengthName(g.authentication_strength_id(), tenant)));
  }
  for (const auto& t : g.terms_of_use()) {
    items.push_back(absl::StrCat("termsOfUse:", t));
  }
  for (const auto& c : g.custom_authentication_factors()) {
    items.push_back(absl::StrCat("customAuthenticationFactor:", c));
  }
  return items;
}

const char* GrantOperator(const pb::ConditionalAccessPolicy& policy) {
  return policy.grant_controls().operator_() == pb::GrantControls::OPERATOR_OR
             ? "OR"
             : "AND";
}

std::string GrantText(const pb::ConditionalAccessPolicy& policy,
                      const pb::TenantPolicies& tenant) {
  std::vector<std::string> items = GrantItems(policy, tenant);
  if (items.empty()) return "-";
  return absl::StrJoin(items, absl::StrCat(" ", GrantOperator(policy), " "));
}

std::vector<std::string> SessionItems(
    const pb::ConditionalAccessPolicy& policy) {
  std::vector<std::string> items;
  if (!policy.has_session_controls()) return items;
  const pb::SessionControls& s = policy.session_controls();
  if (s.sign_in_frequency().is_enabled()) {
    items.push_back(
        absl::StrCat("signInFrequency ", Frequency(s.sign_in_frequency())));
  }
  if (s.persistent_browser().is_enabled()) {
    items.push_back(
        absl::StrCat("persistentBrowser ",
                     s.persistent_browser().mode() ==
                             pb::SessionControls::PersistentBrowser::MODE_ALWAYS
                         ? "always"
                         : "never"));
  }
  if (s.application_enforced_restrictions().is_enabled()) {
    items.push_back("applicationEnforcedRestrictions");
  }
  if (s.cloud_app_security().is_enabled()) {
    const char* type = "mcasConfigured";
    switch (s.cloud_app_security().cloud_app_security_type()) {
      case pb::SessionControls::CloudAppSecurity::TYPE_MONITOR_ONLY:
        type = "monitorOnly";
        break;
      case pb::SessionControls::CloudAppSecurity::TYPE_BLOCK_DOWNLOADS:
        type = "blockDownloads";
        break;
      default:
        break;
    }
    items.push_back(absl::StrCat("cloudAppSecurity ", type));
  }
  if (s.disable_resilience_defaults())
    items.push_back("disableResilienceDefaults");
  switch (s.continuous_access_evaluation().mode()) {
    case pb::SessionControls::ContinuousAccessEvaluation::
        MODE_STRICT_ENFORCEMENT:
      items.push_back("continuousAccessEvaluation strictEnforcement");
      break;
    case pb::SessionControls::ContinuousAccessEvaluation::MODE_STRICT_LOCATION:
      items.push_back("continuousAccessEvaluation strictLocation");
      break;
    case pb::SessionControls::ContinuousAccessEvaluation::MODE_DISABLED:
      items.push_back("continuousAccessEvaluation disabled");
      break;
    default:
      break;
  }
  if (s.secure_sign_in_session().is_enabled())
    items.push_back("secureSignInSession");
  for (const auto& u : s.unsupported_controls()) {
    items.push_back(absl::StrCat(u, " (not evaluated)"));
  }
  return items;
}

}  // namespace crossgate_cli
