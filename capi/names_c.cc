// Static strings: status codes (sqlite3_errstr) and enum values as JSON and
// sign-in logs spell them (spec 5.6, 5.7). These strings are ABI: they are
// never changed once released, only appended.
#include <cstdint>

#include "capi/core.h"
#include "crossgate/crossgate.h"
#include "lib/load/load_issue.h"

namespace {

template <size_t N>
const char* Lookup(const char* const (&table)[N], int value) {
  return value >= 0 && static_cast<size_t>(value) < N ? table[value] : nullptr;
}

constexpr const char* kOutcomes[] = {"block", "allow", "challenge"};
constexpr const char* kStages[] = {"none", "request", "crossTenantAccess",
                                   "tenantRestrictions", "conditionalAccess",
                                   "internal", "externalCollaboration"};
constexpr const char* kLocations[] = {"none", "homeTenant", "resourceTenant"};
constexpr const char* kRequirements[] = {
    "authenticationStrength", "mfa", "passwordChange", "riskRemediation",
    "termsOfUse", "customControl", "compliantDevice", "domainJoinedDevice",
    "approvedApplication", "compliantApplication"};
// appliedConditionalAccessPolicy.result wire values (spec 5.6).
constexpr const char* kPolicyResults[] = {
    "notApplied", "success", "failure", "notEnabled", "reportOnlySuccess",
    "reportOnlyFailure", "reportOnlyNotApplied", "reportOnlyInterrupted"};
// What-If analysisReasons wire values (spec 5.7).
constexpr const char* kWhatIfReasons[] = {
    "none", "notSet", "notEnoughInformation", "invalidCondition", "users",
    "workloadIdentities", "application", "userActions",
    "authenticationContext", "devicePlatform", "devices", "clientApps",
    "location", "signInRisk", "emptyPolicy", "invalidPolicy",
    "policyNotEnabled", "userRisk", "time", "insiderRisk",
    "authenticationFlow"};
static_assert(sizeof(kWhatIfReasons) / sizeof(kWhatIfReasons[0]) ==
              CROSSGATE_WHATIF_AUTHENTICATION_FLOW + 1);
static_assert(sizeof(kPolicyResults) / sizeof(kPolicyResults[0]) ==
              CROSSGATE_POLICY_REPORT_ONLY_INTERRUPTED + 1);

}  // namespace

extern "C" {

CROSSGATE_API const char* crossgate_status_string(int status) {
  switch (status) {
    case CROSSGATE_OK: return "ok";
    case CROSSGATE_EINVALID: return "invalid argument";
    case CROSSGATE_EVERSION: return "unsupported struct_size (header/library version mismatch)";
    case CROSSGATE_EPARSE: return "input does not parse";
    case CROSSGATE_ESEMANTIC: return "input breaks the policy schema";
    case CROSSGATE_ELIMIT: return "input exceeds a limit";
    case CROSSGATE_ENOMEM: return "out of memory";
    case CROSSGATE_EINTERNAL: return "internal error";
    case CROSSGATE_EIO: return "input could not be read";
    case CROSSGATE_ENOTLOADED: return "no policies loaded";
    case CROSSGATE_EENUM: return "unknown enum value";
    case CROSSGATE_EBUFSIZE: return "buffer too small";
    case CROSSGATE_ERANGE: return "index out of range";
    case CROSSGATE_ESTALE: return "decision is from another snapshot";
    case CROSSGATE_EUNSUPPORTED: return "not supported by this build";
  }
  return "unknown status";
}

CROSSGATE_API const char* crossgate_enum_string(int kind, int value) {
  switch (kind) {
    case CROSSGATE_ENUM_OUTCOME: return Lookup(kOutcomes, value);
    case CROSSGATE_ENUM_STAGE: return Lookup(kStages, value);
    case CROSSGATE_ENUM_CHALLENGE_LOCATION: return Lookup(kLocations, value);
    case CROSSGATE_ENUM_REQUIREMENT: return Lookup(kRequirements, value);
    case CROSSGATE_ENUM_POLICY_RESULT: return Lookup(kPolicyResults, value);
    case CROSSGATE_ENUM_WHATIF_REASON: return Lookup(kWhatIfReasons, value);
    case CROSSGATE_ENUM_DECISION_REASON:
      return crossgate::capi::DecisionReasonName(value);
    case CROSSGATE_ENUM_INVITATION_REASON:
    case CROSSGATE_ENUM_SIGN_UP_REASON:
      return crossgate::capi::CheckReasonName(kind, value);
    case CROSSGATE_ENUM_ISSUE_CODE:
      if (value < 0 || value > static_cast<int>(crossgate::IssueCode::kIo)) {
        return nullptr;
      }
      return crossgate::IssueCodeName(static_cast<crossgate::IssueCode>(value))
          .data();
  }
  return nullptr;
}

}  // extern "C"
