#ifndef CROSSGATE_LIB_EVAL_DECISION_H_
#define CROSSGATE_LIB_EVAL_DECISION_H_

// The answer to one Request: allow (with merged session controls), block
// (stage, policy, reason) or challenge (where, and the unmet requirements in
// prompt order, alternatives grouped). Fixed-size and trivially copyable, so
// evaluation fills it without allocating; per-policy results live in the
// caller's EvalScratch and are viewed through a span.

#include <cstdint>

#include "absl/types/span.h"
#include "lib/model/guid.h"

namespace crossgate {

enum class Outcome : uint8_t { kBlock = 0, kAllow, kChallenge };

// Which stage decided (spec 1; D5: a cross-tenant denial stops evaluation).
enum class Stage : uint8_t {
  kNone = 0,
  kRequest,             // the request itself is unusable (fail closed)
  kCrossTenantAccess,   // XTAP B2B collaboration / direct connect
  kTenantRestrictions,  // TRv2 (spec 2.12)
  kConditionalAccess,
  kInternal,  // broken invariant: always block
};

enum class ChallengeLocation : uint8_t {
  kNone = 0,
  kHomeTenant,      // trusted MFA not yet done: prompt at home (spec 5.5)
  kResourceTenant,  // prompt in the resource tenant
};

// An unmet requirement. Interactive kinds are challenges; the others only ever
// appear as block reasons (D10).
enum class RequirementKind : uint8_t {
  kAuthenticationStrength = 0,  // ref = strength index in the snapshot
  kMfa,
  kPasswordChange,
  kRiskRemediation,
  kTermsOfUse,     // ref = terms-of-use index in the snapshot
  kCustomControl,  // ref = custom control index in the snapshot
  kCompliantDevice,
  kHybridJoinedDevice,
  kApprovedApplication,
  kAppProtectionPolicy,
};

struct Requirement {
  RequirementKind kind = RequirementKind::kMfa;
  uint32_t ref = 0;           // index into the snapshot's id tables, by kind
  uint32_t policy_index = 0;  // the policy that asked for it
  // Requirements with the same group number are alternatives (an OR grant);
  // every group must be met.
  uint16_t group = 0;
  // Where the user is prompted for this requirement (spec 5.5, 6.4).
  ChallengeLocation where = ChallengeLocation::kResourceTenant;
};

// Why a request was blocked (or, for kNone, not blocked). Stable numeric
// values; ReasonName() in lib/eval/evaluator.h gives each a static name.
enum class Reason : uint16_t {
  kNone = 0,
  kUnknownResourceTenant,    // resource tenant not in the bundle
  kCrossTenantAccessDenied,  // XTAP stage denied (D5)
  kBlockControl,             // a policy with `block` applies (D9)
  kCompliantDeviceRequired,  // D10
  kHybridJoinedDeviceRequired,
  kApprovedApplicationRequired,
  kAppProtectionPolicyRequired,
  kLegacyClientCannotSatisfy,  // D13
  kWorkloadIdentityCannotSatisfy,
  kDirectConnectRequiresMfaTrust,   // spec 1 step 6, 6.4
  kExternalUserUnsupportedControl,  // approved app, app protection, password
                                    // change, risk remediation (5.5)
  kDirectConnectTermsOfUse,         // 5.5: ToU not supported for direct connect
  kExternalUserCustomControl,       // D12
  kDeviceNotTrustedForExternalUser,    // 2.11: device claims not trusted
  kAuthenticationStrengthUnavailable,  // no acceptable method combination (6.4)
  kDeviceCodeFlowDeviceGrant,  // 4.11: device-code flow carries no device state
  kTooManyRequirements,        // challenge overflow (fail closed)
  kScratchTooSmall,            // EvalScratch not sized for this set
  kInternalError,
  kNoPolicySet,  // the engine has nothing published yet
  kReasonCount,  // keep last
};

// Sign-in log result strings (spec 5.6).
enum class PolicyResult : uint8_t {
  kNotApplied = 0,
  kSuccess,
  kFailure,
  kNotEnabled,
  kReportOnlySuccess,
  kReportOnlyFailure,
  kReportOnlyNotApplied,
  kReportOnlyInterrupted,
};

// What-If `analysisReasons`: the first condition that did not match (5.7).
enum class WhatIfReason : uint8_t {
  kNone = 0,  // applies
  kNotSet,
  kNotEnoughInformation,
  kInvalidCondition,
  kUsers,
  kWorkloadIdentities,
  kApplication,
  kUserActions,
  kAuthenticationContext,
  kDevicePlatform,
  kDevices,
  kClientApps,
  kLocation,
  kSignInRisk,
  kEmptyPolicy,
  kInvalidPolicy,
  kPolicyNotEnabled,
  kUserRisk,
  kTime,
  kInsiderRisk,
  kAuthenticationFlow,
};

struct PolicyOutcome {
  uint32_t policy_index = 0;  // global index into the snapshot's policy table
  PolicyResult result = PolicyResult::kNotApplied;
  WhatIfReason reason = WhatIfReason::kNone;  // filled in What-If mode only
  bool applies = false;  // What-If `policyApplies`: every condition matched
};

// Session controls merged across applying enabled policies (D17).
struct SessionOutcome {
  // Shortest sign-in frequency in minutes; 0 = not set; -1 = everyTime.
  int32_t sign_in_frequency_minutes = 0;
  enum class PersistentBrowser : uint8_t { kNotSet = 0, kAlways, kNever };
  PersistentBrowser persistent_browser = PersistentBrowser::kNotSet;
  enum class CloudAppSecurity : uint8_t {
    kNotSet = 0,
    kMcasConfigured,
    kMonitorOnly,
    kBlockDownloads
  };
  CloudAppSecurity cloud_app_security = CloudAppSecurity::kNotSet;
  // The boolean controls, in the order of the C ABI's CROSSGATE_SESSION_*
  // bits.
  bool application_enforced_restrictions = false;
  bool disable_resilience_defaults = false;
  bool secure_sign_in_session = false;
  bool continuous_access_evaluation_strict = false;
  // CAE `disabled` requested by an applying policy (spec 4.13).
  bool continuous_access_evaluation_disabled = false;
  // Direct-connect users do not get these controls (spec 5.5); set when an
  // applying policy had sign-in frequency, persistent browser, app-enforced
  // restrictions or Defender for Cloud Apps and they were dropped.
  bool ignored_for_direct_connect = false;
};

struct Decision {
  static constexpr int kMaxRequirements = 32;

  Outcome outcome = Outcome::kBlock;  // fail closed until decided
  Stage stage = Stage::kNone;
  ChallengeLocation challenge_location = ChallengeLocation::kNone;
  // A stable reason code (see ReasonName in the evaluator) and the policy
  // that decided: for a block the blocking policy (D14), for a challenge the
  // first challenged policy by id; -1 when none.
  uint16_t reason = 0;
  int32_t deciding_policy = -1;

  // Unmet requirements in prompt order (D11). Overflow fails closed (block).
  Requirement requirements[kMaxRequirements];
  uint8_t requirement_count = 0;

  SessionOutcome session;

  // Per-policy results in ascending policy id order (D14); points into the
  // EvalScratch passed to Evaluate and is valid until its next use.
  absl::Span<const PolicyOutcome> policy_results;

  uint64_t bundle_version = 0;
  uint64_t generation = 0;  // which published snapshot answered

  // Appended fields.
  // The resource tenant's index in the snapshot (-1 when unknown).
  int32_t tenant_index = -1;
  // The cross-tenant stage's reason (lib/cross_tenant CrossTenantReason:
  // why it allowed, denied or did not apply); 0 = not evaluated.
  uint16_t cross_tenant_reason = 0;
  // D2: false when the home tenant is not in the bundle, so its outbound
  // settings were not evaluated.
  bool home_outbound_evaluated = false;
};

}  // namespace crossgate

#endif  // CROSSGATE_LIB_EVAL_DECISION_H_
