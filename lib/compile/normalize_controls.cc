#include "lib/compile/normalize_controls.h"

#include <algorithm>
#include <cstdint>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace crossgate {
namespace {

namespace pb = ::crossgate::policy::v1;

uint32_t Bit(RequirementKind kind) {
  return uint32_t{1} << static_cast<int>(kind);
}

}  // namespace

void NormalizeGrant(const pb::ConditionalAccessPolicy& policy,
                    const std::string& policy_path, TenantContext& ctx,
                    NormalizedPolicy* out) {
  if (!policy.has_grant_controls()) return;  // session-only policy
  const pb::GrantControls& g = policy.grant_controls();
  const std::string base = policy_path + "/grantControls";
  CompiledGrant& grant = out->grant;
  // Unspecified operator reads as AND, the stricter one.
  grant.or_operator = g.operator_() == pb::GrantControls::OPERATOR_OR;
  for (int i = 0; i < g.built_in_controls_size(); ++i) {
    switch (g.built_in_controls(i)) {
      case pb::BUILT_IN_CONTROL_BLOCK: grant.block = true; break;  // D9
      case pb::BUILT_IN_CONTROL_MFA: grant.builtin_mask |= Bit(RequirementKind::kMfa); break;
      case pb::BUILT_IN_CONTROL_COMPLIANT_DEVICE: grant.builtin_mask |= Bit(RequirementKind::kCompliantDevice); break;
      case pb::BUILT_IN_CONTROL_DOMAIN_JOINED_DEVICE: grant.builtin_mask |= Bit(RequirementKind::kHybridJoinedDevice); break;
      case pb::BUILT_IN_CONTROL_APPROVED_APPLICATION: grant.builtin_mask |= Bit(RequirementKind::kApprovedApplication); break;
      case pb::BUILT_IN_CONTROL_COMPLIANT_APPLICATION: grant.builtin_mask |= Bit(RequirementKind::kAppProtectionPolicy); break;
      case pb::BUILT_IN_CONTROL_PASSWORD_CHANGE: grant.builtin_mask |= Bit(RequirementKind::kPasswordChange); break;
      case pb::BUILT_IN_CONTROL_RISK_REMEDIATION: grant.builtin_mask |= Bit(RequirementKind::kRiskRemediation); break;
      default:
        ctx.issues->Error(IssueCode::kUnknownEnum,
                          absl::StrCat(base, "/builtInControls[", i, "]"),
                          "unknown grant control (D7)");
    }
  }
  for (int i = 0; i < g.custom_authentication_factors_size(); ++i) {
    auto it = ctx.custom_control_index.find(g.custom_authentication_factors(i));
    if (it == ctx.custom_control_index.end()) continue;  // empty id, reported
    out->atoms.push_back({RequirementKind::kCustomControl, it->second, it->second});
  }
  for (int i = 0; i < g.terms_of_use_size(); ++i) {
    absl::optional<Guid> id = ParseGuid(g.terms_of_use(i));
    if (!id.has_value()) {
      ReportBadId(ctx, absl::StrCat(base, "/termsOfUse[", i, "]"),
                  g.terms_of_use(i));
      continue;
    }
    auto it = ctx.terms_of_use_index.find(FormatGuid(*id));
    if (it != ctx.terms_of_use_index.end()) {
      out->atoms.push_back({RequirementKind::kTermsOfUse, it->second, it->second});
    }
  }
  if (!g.authentication_strength_id().empty()) {
    auto it = ctx.strength_index.find(
        absl::AsciiStrToLower(g.authentication_strength_id()));
    if (it == ctx.strength_index.end() &&
        !ctx.authentication_strengths_exported) {
      // Not in the export: no method combination is known to meet it, so
      // it is unsatisfiable (fail closed).
      ctx.issues->Warning(IssueCode::kDanglingReference,
                          base + "/authenticationStrength/id",
                          absl::StrCat("authentication strength ",
                                       g.authentication_strength_id(),
                                       " is not in the export; read as "
                                       "unsatisfiable"));
      const std::string key = absl::AsciiStrToLower(g.authentication_strength_id());
      it = ctx.strength_index.emplace(key, ctx.strengths.size()).first;
      ctx.strengths.emplace_back();
      ctx.strength_ids.push_back(g.authentication_strength_id());
      ctx.strength_names.push_back("");
    }
    if (it == ctx.strength_index.end()) {
      ctx.issues->Error(IssueCode::kDanglingReference,
                        base + "/authenticationStrength/id",
                        absl::StrCat("authentication strength ",
                                     g.authentication_strength_id(),
                                     " does not exist in this tenant"));
    } else {
      out->atoms.push_back(
          {RequirementKind::kAuthenticationStrength, it->second, it->second});
      if (grant.builtin_mask & Bit(RequirementKind::kMfa)) {
        ctx.issues->Warning(IssueCode::kInvalidCombination, base,
                            "mfa and authenticationStrength in one policy "
                            "(spec 4.12); both are required as written");
      }
    }
  }
  grant.present = grant.block || grant.builtin_mask != 0 || !out->atoms.empty();
  grant.atom_count = static_cast<uint32_t>(out->atoms.size());
}

void NormalizeSession(const pb::ConditionalAccessPolicy& policy,
                      const std::string& policy_path, TenantContext& ctx,
                      NormalizedPolicy* out) {
  if (!policy.has_session_controls()) return;
  const pb::SessionControls& s = policy.session_controls();
  const std::string base = policy_path + "/sessionControls";
  CompiledSession& o = out->session;
  if (s.has_sign_in_frequency() && s.sign_in_frequency().is_enabled()) {
    const auto& f = s.sign_in_frequency();
    using F = pb::SessionControls::SignInFrequency;
    if (f.frequency_interval() == F::FREQUENCY_INTERVAL_EVERY_TIME) {
      o.sign_in_frequency_minutes = -1;
    } else if (f.value() > 0 && (f.type() == F::UNIT_DAYS || f.type() == F::UNIT_HOURS)) {
      int64_t minutes = static_cast<int64_t>(f.value()) *
                        (f.type() == F::UNIT_DAYS ? 24 * 60 : 60);
      o.sign_in_frequency_minutes =
          static_cast<int32_t>(std::min<int64_t>(minutes, INT32_MAX));
    } else {
      ctx.issues->Warning(IssueCode::kInvalidCombination,
                          base + "/signInFrequency",
                          "enabled signInFrequency without a positive value "
                          "and unit; ignored");
    }
  }
  if (s.has_persistent_browser() && s.persistent_browser().is_enabled()) {
    using P = pb::SessionControls::PersistentBrowser;
    if (s.persistent_browser().mode() == P::MODE_NEVER) {
      o.persistent_browser = SessionOutcome::PersistentBrowser::kNever;
    } else if (s.persistent_browser().mode() == P::MODE_ALWAYS) {
      o.persistent_browser = SessionOutcome::PersistentBrowser::kAlways;
    }
  }
  o.application_enforced_restrictions =
      s.application_enforced_restrictions().is_enabled();
  if (s.has_cloud_app_security() && s.cloud_app_security().is_enabled()) {
    using C = pb::SessionControls::CloudAppSecurity;
    switch (s.cloud_app_security().cloud_app_security_type()) {
      case C::TYPE_BLOCK_DOWNLOADS: o.cloud_app_security = SessionOutcome::CloudAppSecurity::kBlockDownloads; break;
      case C::TYPE_MONITOR_ONLY: o.cloud_app_security = SessionOutcome::CloudAppSecurity::kMonitorOnly; break;
      default: o.cloud_app_security = SessionOutcome::CloudAppSecurity::kMcasConfigured; break;
    }
  }
  o.disable_resilience_defaults = s.disable_resilience_defaults();
  o.secure_sign_in_session = s.secure_sign_in_session().is_enabled();
  using E = pb::SessionControls::ContinuousAccessEvaluation;
  switch (s.continuous_access_evaluation().mode()) {
    case E::MODE_STRICT_ENFORCEMENT:
    case E::MODE_STRICT_LOCATION: o.cae_strict = true; break;
    case E::MODE_DISABLED: o.cae_disabled = true; break;
    default: break;
  }
  for (int i = 0; i < s.unsupported_controls_size(); ++i) {
    ctx.issues->Warning(IssueCode::kUnsupportedFeature,
                        absl::StrCat(base, "/unsupportedControls[", i, "]"),
                        absl::StrCat("session control \"", s.unsupported_controls(i),
                                     "\" is not evaluated"));
  }
  o.present = o.sign_in_frequency_minutes != 0 ||
              o.persistent_browser != SessionOutcome::PersistentBrowser::kNotSet ||
              o.application_enforced_restrictions ||
              o.cloud_app_security != SessionOutcome::CloudAppSecurity::kNotSet ||
              o.disable_resilience_defaults || o.secure_sign_in_session ||
              o.cae_strict || o.cae_disabled;
}

}  // namespace crossgate
