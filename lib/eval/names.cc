// Static names for decision enums. Policy results and What-If reasons use
// the exact Graph strings (spec 5.6, 5.7) so output compares with sign-in logs.

#include "absl/strings/string_view.h"
#include "lib/eval/evaluator.h"

namespace crossgate {
namespace {

template <size_t N>
absl::string_view Lookup(const absl::string_view (&names)[N], size_t i) {
  return i < N ? names[i] : absl::string_view("unknown");
}

constexpr absl::string_view kReasonNames[] = {
    "none",
    "unknownResourceTenant",
    "crossTenantAccessDenied",
    "blockControl",
    "compliantDeviceRequired",
    "domainJoinedDeviceRequired",
    "approvedApplicationRequired",
    "compliantApplicationRequired",
    "legacyClientCannotSatisfyGrant",
    "workloadIdentityCannotSatisfyGrant",
    "directConnectRequiresMfaTrust",
    "externalUserUnsupportedControl",
    "directConnectTermsOfUseUnsupported",
    "externalUserCustomControl",
    "deviceClaimsNotTrusted",
    "authenticationStrengthUnavailable",
    "deviceCodeFlowCannotSatisfyDeviceGrant",
    "tooManyRequirements",
    "scratchTooSmall",
    "internalError",
    "noPolicySet",
};
static_assert(sizeof(kReasonNames) / sizeof(kReasonNames[0]) ==
              static_cast<size_t>(Reason::kReasonCount));

constexpr absl::string_view kOutcomeNames[] = {"block", "allow", "challenge"};
constexpr absl::string_view kStageNames[] = {
    "none",          "request",           "crossTenantAccess",
    "tenantRestrictions", "conditionalAccess", "internal"};
constexpr absl::string_view kPolicyResultNames[] = {
    "notApplied",        "success",           "failure",
    "notEnabled",        "reportOnlySuccess", "reportOnlyFailure",
    "reportOnlyNotApplied", "reportOnlyInterrupted"};
constexpr absl::string_view kWhatIfNames[] = {
    "none",           "notSet",           "notEnoughInformation",
    "invalidCondition", "users",          "workloadIdentities",
    "application",    "userActions",      "authenticationContext",
    "devicePlatform", "devices",          "clientApps",
    "location",       "signInRisk",       "emptyPolicy",
    "invalidPolicy",  "policyNotEnabled", "userRisk",
    "time",           "insiderRisk",      "authenticationFlow"};
constexpr absl::string_view kRequirementNames[] = {
    "authenticationStrength", "mfa",            "passwordChange",
    "riskRemediation",        "termsOfUse",     "customControl",
    "compliantDevice",        "domainJoinedDevice", "approvedApplication",
    "compliantApplication"};
constexpr absl::string_view kLocationNames[] = {"none", "homeTenant",
                                                "resourceTenant"};

}  // namespace

absl::string_view ReasonName(uint16_t reason) {
  return Lookup(kReasonNames, reason);
}
absl::string_view OutcomeName(Outcome outcome) {
  return Lookup(kOutcomeNames, static_cast<size_t>(outcome));
}
absl::string_view StageName(Stage stage) {
  return Lookup(kStageNames, static_cast<size_t>(stage));
}
absl::string_view PolicyResultName(PolicyResult result) {
  return Lookup(kPolicyResultNames, static_cast<size_t>(result));
}
absl::string_view WhatIfReasonName(WhatIfReason reason) {
  return Lookup(kWhatIfNames, static_cast<size_t>(reason));
}
absl::string_view RequirementKindName(RequirementKind kind) {
  return Lookup(kRequirementNames, static_cast<size_t>(kind));
}
absl::string_view ChallengeLocationName(ChallengeLocation location) {
  return Lookup(kLocationNames, static_cast<size_t>(location));
}

}  // namespace crossgate
