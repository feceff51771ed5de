#ifndef CROSSGATE_TESTS_REFERENCE_REFERENCE_DECISION_H_
#define CROSSGATE_TESTS_REFERENCE_REFERENCE_DECISION_H_

// The reference evaluator's answer: the same content as crossgate::Decision
// (lib/eval/decision.h) with ids spelled as strings instead of snapshot
// indexes, so two evaluators' answers compare and print without a snapshot.
//
// TEST-ONLY. Part of the crossgate_testing support library.

#include <string>
#include <vector>

#include "lib/eval/decision.h"

namespace crossgate {
namespace reference {

struct ReferenceRequirement {
  RequirementKind kind = RequirementKind::kMfa;
  // The strength / terms-of-use / custom-control id for those kinds; empty
  // for the others.
  std::string ref;
  std::string policy_id;  // the (first, by id) policy that asked for it
  // Alternatives share a group number (an OR grant); every group must be met.
  int group = 0;
  // Where the user is prompted for it (spec 5.5, 6.4); kNone for a block's
  // unmet controls.
  ChallengeLocation where = ChallengeLocation::kNone;

  friend bool operator==(const ReferenceRequirement& a,
                         const ReferenceRequirement& b) {
    return a.kind == b.kind && a.ref == b.ref && a.policy_id == b.policy_id &&
           a.group == b.group && a.where == b.where;
  }
};

struct ReferencePolicyOutcome {
  std::string policy_id;
  PolicyResult result = PolicyResult::kNotApplied;
  WhatIfReason reason = WhatIfReason::kNone;

  friend bool operator==(const ReferencePolicyOutcome& a,
                         const ReferencePolicyOutcome& b) {
    return a.policy_id == b.policy_id && a.result == b.result &&
           a.reason == b.reason;
  }
};

struct ReferenceDecision {
  Outcome outcome = Outcome::kBlock;  // fail closed until decided
  Stage stage = Stage::kNone;
  ChallengeLocation challenge_location = ChallengeLocation::kNone;
  // Why, in words (e.g. "cross-tenant access: b2bCollaborationInbound").
  std::string reason;
  std::string deciding_policy_id;  // empty when no policy decided

  // Unmet interactive requirements in prompt order (D11); empty unless the
  // outcome is a challenge (a block's unmet controls are named in `reason`).
  std::vector<ReferenceRequirement> requirements;
  SessionOutcome session;  // merged over applying enabled policies (D17)
  // One entry per policy of the tenant, ascending id (D14); empty after a
  // cross-tenant denial (D5).
  std::vector<ReferencePolicyOutcome> policy_results;
  // Annotations that do not change the outcome, e.g. D2's
  // "home outbound not evaluated".
  std::vector<std::string> notes;

  // Multi-line, stable, human-readable rendering for failure messages.
  std::string DebugString() const;
};

// Stable names used by DebugString and by tests' failure messages.
const char* OutcomeName(Outcome outcome);
const char* StageName(Stage stage);
const char* ChallengeLocationName(ChallengeLocation location);
const char* RequirementKindName(RequirementKind kind);
const char* PolicyResultName(PolicyResult result);  // spec 5.6 wire strings
const char* WhatIfReasonName(WhatIfReason reason);  // spec 5.7 wire strings
std::string SessionDebugString(const SessionOutcome& session);
bool SessionEquals(const SessionOutcome& a, const SessionOutcome& b);

}  // namespace reference
}  // namespace crossgate

#endif  // CROSSGATE_TESTS_REFERENCE_REFERENCE_DECISION_H_
