#include "tests/reference/reference_decision.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace crossgate {
namespace reference {

const char* OutcomeName(Outcome outcome) {
  switch (outcome) {
    case Outcome::kBlock:
      return "block";
    case Outcome::kAllow:
      return "allow";
    case Outcome::kChallenge:
      return "challenge";
  }
  return "?";
}

const char* StageName(Stage stage) {
  switch (stage) {
    case Stage::kNone:
      return "none";
    case Stage::kRequest:
      return "request";
    case Stage::kCrossTenantAccess:
      return "crossTenantAccess";
    case Stage::kTenantRestrictions:
      return "tenantRestrictions";
    case Stage::kConditionalAccess:
      return "conditionalAccess";
    case Stage::kInternal:
      return "internal";
  }
  return "?";
}

const char* ChallengeLocationName(ChallengeLocation location) {
  switch (location) {
    case ChallengeLocation::kNone:
      return "none";
    case ChallengeLocation::kHomeTenant:
      return "homeTenant";
    case ChallengeLocation::kResourceTenant:
      return "resourceTenant";
  }
  return "?";
}

const char* RequirementKindName(RequirementKind kind) {
  switch (kind) {
    case RequirementKind::kAuthenticationStrength:
      return "authenticationStrength";
    case RequirementKind::kMfa:
      return "mfa";
    case RequirementKind::kPasswordChange:
      return "passwordChange";
    case RequirementKind::kRiskRemediation:
      return "riskRemediation";
    case RequirementKind::kTermsOfUse:
      return "termsOfUse";
    case RequirementKind::kCustomControl:
      return "customControl";
    case RequirementKind::kCompliantDevice:
      return "compliantDevice";
    case RequirementKind::kHybridJoinedDevice:
      return "domainJoinedDevice";
    case RequirementKind::kApprovedApplication:
      return "approvedApplication";
    case RequirementKind::kAppProtectionPolicy:
      return "compliantApplication";
  }
  return "?";
}

const char* PolicyResultName(PolicyResult result) {
  switch (result) {
    case PolicyResult::kNotApplied:
      return "notApplied";
    case PolicyResult::kSuccess:
      return "success";
    case PolicyResult::kFailure:
      return "failure";
    case PolicyResult::kNotEnabled:
      return "notEnabled";
    case PolicyResult::kReportOnlySuccess:
      return "reportOnlySuccess";
    case PolicyResult::kReportOnlyFailure:
      return "reportOnlyFailure";
    case PolicyResult::kReportOnlyNotApplied:
      return "reportOnlyNotApplied";
    case PolicyResult::kReportOnlyInterrupted:
      return "reportOnlyInterrupted";
  }
  return "?";
}

const char* WhatIfReasonName(WhatIfReason reason) {
  switch (reason) {
    case WhatIfReason::kNone:
      return "";
    case WhatIfReason::kNotSet:
      return "notSet";
    case WhatIfReason::kNotEnoughInformation:
      return "notEnoughInformation";
    case WhatIfReason::kInvalidCondition:
      return "invalidCondition";
    case WhatIfReason::kUsers:
      return "users";
    case WhatIfReason::kWorkloadIdentities:
      return "workloadIdentities";
    case WhatIfReason::kApplication:
      return "application";
    case WhatIfReason::kUserActions:
      return "userActions";
    case WhatIfReason::kAuthenticationContext:
      return "authenticationContext";
    case WhatIfReason::kDevicePlatform:
      return "devicePlatform";
    case WhatIfReason::kDevices:
      return "devices";
    case WhatIfReason::kClientApps:
      return "clientApps";
    case WhatIfReason::kLocation:
      return "location";
    case WhatIfReason::kSignInRisk:
      return "signInRisk";
    case WhatIfReason::kEmptyPolicy:
      return "emptyPolicy";
    case WhatIfReason::kInvalidPolicy:
      return "invalidPolicy";
    case WhatIfReason::kPolicyNotEnabled:
      return "policyNotEnabled";
    case WhatIfReason::kUserRisk:
      return "userRisk";
    case WhatIfReason::kTime:
      return "time";
    case WhatIfReason::kInsiderRisk:
      return "insiderRisk";
    case WhatIfReason::kAuthenticationFlow:
      return "authenticationFlow";
  }
  return "?";
}

std::string SessionDebugString(const SessionOutcome& s) {
  static constexpr const char* kBrowser[] = {"notSet", "always", "never"};
  static constexpr const char* kMcas[] = {"notSet", "mcasConfigured",
                                          "monitorOnly", "blockDownloads"};
  return absl::StrCat(
      "signInFrequencyMinutes=", s.sign_in_frequency_minutes,
      " persistentBrowser=", kBrowser[static_cast<int>(s.persistent_browser)],
      " appEnforcedRestrictions=", s.application_enforced_restrictions,
      " cloudAppSecurity=", kMcas[static_cast<int>(s.cloud_app_security)],
      " disableResilienceDefaults=", s.disable_resilience_defaults,
      " secureSignInSession=", s.secure_sign_in_session,
      " caeStrict=", s.continuous_access_evaluation_strict);
}

bool SessionEquals(const SessionOutcome& a, const SessionOutcome& b) {
  return a.sign_in_frequency_minutes == b.sign_in_frequency_minutes &&
         a.persistent_browser == b.persistent_browser &&
         a.application_enforced_restrictions ==
             b.application_enforced_restrictions &&
         a.cloud_app_security == b.cloud_app_security &&
         a.disable_resilience_defaults == b.disable_resilience_defaults &&
         a.secure_sign_in_session == b.secure_sign_in_session &&
         a.continuous_access_evaluation_strict ==
             b.continuous_access_evaluation_strict;
}

std::string ReferenceDecision::DebugString() const {
  std::string out = absl::StrCat(
      "outcome=", OutcomeName(outcome), " stage=", StageName(stage),
      " location=", ChallengeLocationName(challenge_location),
      "\n  reason: ", reason, "\n  deciding policy: ",
      deciding_policy_id.empty() ? "-" : deciding_policy_id,
      "\n  session: ", SessionDebugString(session), "\n  requirements:");
  if (requirements.empty()) absl::StrAppend(&out, " -");
  for (const ReferenceRequirement& r : requirements) {
    absl::StrAppend(&out, "\n    [group ", r.group, "] ",
                    RequirementKindName(r.kind),
                    r.ref.empty() ? "" : absl::StrCat("(", r.ref, ")"),
                    " from ", r.policy_id,
                    r.where == ChallengeLocation::kNone
                        ? ""
                        : absl::StrCat(" at ", ChallengeLocationName(r.where)));
  }
  absl::StrAppend(&out, "\n  policies:");
  if (policy_results.empty()) absl::StrAppend(&out, " -");
  for (const ReferencePolicyOutcome& p : policy_results) {
    absl::StrAppend(&out, "\n    ", p.policy_id, " ",
                    PolicyResultName(p.result));
    if (p.reason != WhatIfReason::kNone) {
      absl::StrAppend(&out, " (", WhatIfReasonName(p.reason), ")");
    }
  }
  if (!notes.empty()) {
    absl::StrAppend(&out, "\n  notes: ", absl::StrJoin(notes, "; "));
  }
  return out;
}

}  // namespace reference
}  // namespace crossgate
