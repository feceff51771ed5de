#include "bindings/cli/decision_render.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "bindings/cli/terminal.h"
#include "bindings/cli/verbs.h"
#include "lib/cross_tenant/cross_tenant_reason.h"
#include "lib/eval/evaluator.h"

namespace crossgate_cli {

using crossgate::Decision;
using crossgate::Outcome;

std::string OutcomeLabel(Outcome outcome) {
  return absl::AsciiStrToUpper(crossgate::OutcomeName(outcome));
}

std::string RequirementLabel(const crossgate::Requirement& r,
                             const crossgate::CompiledPolicySet& set) {
  std::string label(crossgate::RequirementKindName(r.kind));
  if (r.kind == crossgate::RequirementKind::kAuthenticationStrength &&
      r.ref < set.strength_count()) {
    absl::StrAppend(&label, " \"", set.strength_display_name(r.ref), "\"");
  } else if (absl::string_view id = set.RequirementId(r); !id.empty()) {
    absl::StrAppend(&label, " ", id);
  }
  return label;
}

namespace {

std::string PolicyName(const crossgate::CompiledPolicySet& set, int64_t index) {
  if (index < 0 || index >= set.policy_count()) return "(none)";
  absl::string_view name =
      set.policy_display_name(static_cast<uint32_t>(index));
  return std::string(name.empty() ? set.policy_id(static_cast<uint32_t>(index))
                                  : name);
}

std::string Minutes(int32_t minutes) {
  if (minutes < 0) return "everyTime";
  if (minutes % (24 * 60) == 0) return absl::StrCat(minutes / (24 * 60), "d");
  if (minutes % 60 == 0) return absl::StrCat(minutes / 60, "h");
  return absl::StrCat(minutes, "min");
}

}  // namespace

std::string SessionSummary(const crossgate::SessionOutcome& s) {
  using S = crossgate::SessionOutcome;
  std::vector<std::string> parts;
  if (s.sign_in_frequency_minutes != 0) {
    parts.push_back(
        absl::StrCat("signInFrequency ", Minutes(s.sign_in_frequency_minutes)));
  }
  if (s.persistent_browser == S::PersistentBrowser::kAlways) {
    parts.push_back("persistentBrowser always");
  } else if (s.persistent_browser == S::PersistentBrowser::kNever) {
    parts.push_back("persistentBrowser never");
  }
  if (s.application_enforced_restrictions) {
    parts.push_back("applicationEnforcedRestrictions");
  }
  switch (s.cloud_app_security) {
    case S::CloudAppSecurity::kMcasConfigured:
      parts.push_back("cloudAppSecurity mcasConfigured");
      break;
    case S::CloudAppSecurity::kMonitorOnly:
      parts.push_back("cloudAppSecurity monitorOnly");
      break;
    case S::CloudAppSecurity::kBlockDownloads:
      parts.push_back("cloudAppSecurity blockDownloads");
      break;
    case S::CloudAppSecurity::kNotSet:
      break;
  }
  if (s.disable_resilience_defaults)
    parts.push_back("disableResilienceDefaults");
  if (s.secure_sign_in_session) parts.push_back("secureSignInSession");
  if (s.continuous_access_evaluation_strict) {
    parts.push_back("continuousAccessEvaluation strict");
  }
  if (s.continuous_access_evaluation_disabled) {
    parts.push_back("continuousAccessEvaluation disabled");
  }
  if (s.ignored_for_direct_connect) {
    parts.push_back("(session controls not applied to direct connect)");
  }
  return absl::StrJoin(parts, ", ");
}

std::string DecisionReason(const Decision& d, const Policies& policies) {
  const crossgate::CompiledPolicySet& set = *policies.set;
  const auto xtap = static_cast<crossgate::cross_tenant::CrossTenantReason>(
      d.cross_tenant_reason);
  switch (d.outcome) {
    case Outcome::kAllow:
      return "every applying policy is satisfied";
    case Outcome::kChallenge: {
      std::vector<std::string> parts;
      for (int i = 0; i < d.requirement_count; ++i) {
        parts.push_back(RequirementLabel(d.requirements[i], set));
      }
      return absl::StrCat(
          absl::StrJoin(parts, ", then "), " at ",
          crossgate::ChallengeLocationName(d.challenge_location));
    }
    case Outcome::kBlock:
      break;
  }
  std::string reason(crossgate::ReasonName(d.reason));
  if (d.stage == crossgate::Stage::kCrossTenantAccess ||
      d.stage == crossgate::Stage::kTenantRestrictions) {
    return absl::StrCat(crossgate::StageName(d.stage), ": ",
                        crossgate::cross_tenant::CrossTenantReasonName(xtap));
  }
  if (d.deciding_policy >= 0) {
    return absl::StrCat("blocked by ", PolicyName(set, d.deciding_policy), " (",
                        reason, ")");
  }
  return reason;
}

void PrintDecision(std::FILE* out, const Decision& d, const Policies& policies,
                   bool color, absl::string_view cross_tenant_detail) {
  const crossgate::CompiledPolicySet& set = *policies.set;
  const Color outcome_color = d.outcome == Outcome::kAllow   ? Color::kGreen
                              : d.outcome == Outcome::kBlock ? Color::kRed
                                                             : Color::kYellow;
  auto row = [&](absl::string_view key, const std::string& value) {
    std::fprintf(out, "%-14.*s %s\n", static_cast<int>(key.size()), key.data(),
                 value.c_str());
  };
  row("decision", Paint(OutcomeLabel(d.outcome), outcome_color, color));
  row("reason", DecisionReason(d, policies));
  row("stage", std::string(crossgate::StageName(d.stage)));
  row("tenant",
      d.tenant_index >= 0
          ? std::string(set.tenant_id(static_cast<uint32_t>(d.tenant_index)))
          : std::string("(unknown)"));
  if (d.cross_tenant_reason != 0) {
    using crossgate::cross_tenant::CrossTenantReason;
    const auto xtap = static_cast<CrossTenantReason>(d.cross_tenant_reason);
    // The B2B checks ran (so D2 may have skipped the home side) unless the
    // stage found them not applicable.
    const bool b2b =
        xtap != CrossTenantReason::kNotApplicableInternalUser &&
        xtap != CrossTenantReason::kNotApplicableNonEntraIdentity &&
        xtap != CrossTenantReason::kNotApplicableServiceProviderOnly &&
        xtap != CrossTenantReason::kNotApplicableWorkloadIdentity;
    if (b2b && !cross_tenant_detail.empty()) {
      row("cross-tenant", std::string(cross_tenant_detail));
    } else {
      row("cross-tenant",
          absl::StrCat(crossgate::cross_tenant::CrossTenantReasonName(xtap),
                       b2b && !d.home_outbound_evaluated
                           ? " (home outbound not evaluated)"
                           : ""));
    }
  }
  for (int i = 0; i < d.requirement_count; ++i) {
    const crossgate::Requirement& r = d.requirements[i];
    int same_group = 0;
    for (int j = 0; j < d.requirement_count; ++j) {
      same_group += d.requirements[j].group == r.group;
    }
    row(i == 0 ? "requirements" : "",
        absl::StrCat(i + 1, ". ", RequirementLabel(r, set), "  [",
                     crossgate::ChallengeLocationName(r.where), "; ",
                     PolicyName(set, r.policy_index),
                     same_group > 1
                         ? absl::StrCat("; one of alternatives group ", r.group)
                         : "",
                     "]"));
  }
  std::string session = SessionSummary(d.session);
  if (!session.empty()) row("session", session);
  std::vector<std::string> applied, report_only;
  for (const crossgate::PolicyOutcome& p : d.policy_results) {
    using R = crossgate::PolicyResult;
    if (p.result == R::kSuccess || p.result == R::kFailure) {
      applied.push_back(absl::StrCat(PolicyName(set, p.policy_index), " (",
                                     crossgate::PolicyResultName(p.result),
                                     ")"));
    } else if (p.result == R::kReportOnlySuccess ||
               p.result == R::kReportOnlyFailure ||
               p.result == R::kReportOnlyInterrupted) {
      report_only.push_back(absl::StrCat(PolicyName(set, p.policy_index), " (",
                                         crossgate::PolicyResultName(p.result),
                                         ")"));
    }
  }
  // Policy id order (D14) reads as random to people: list by name.
  std::sort(applied.begin(), applied.end());
  std::sort(report_only.begin(), report_only.end());
  for (size_t i = 0; i < applied.size(); ++i) {
    row(i == 0 ? "applied" : "", applied[i]);
  }
  for (size_t i = 0; i < report_only.size(); ++i) {
    row(i == 0 ? "report-only" : "", report_only[i]);
  }
}

int ExitCodeFor(const Decision& d) {
  switch (d.outcome) {
    case Outcome::kAllow:
      return kExitAllow;
    case Outcome::kChallenge:
      return kExitChallenge;
    case Outcome::kBlock:
      return kExitBlock;
  }
  return kExitBlock;
}

}  // namespace crossgate_cli
