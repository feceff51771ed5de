#ifndef CROSSGATE_LIB_EVAL_EVALUATOR_H_
#define CROSSGATE_LIB_EVAL_EVALUATOR_H_

// Evaluate(): one Request against a CompiledPolicySet -> Decision.
//
// Pipeline (spec 1): resource tenant lookup (unknown tenant = block), the
// cross-tenant stage (lib/cross_tenant: tenant restrictions, B2B
// collaboration / direct connect; a denial blocks with stage
// kCrossTenantAccess or kTenantRestrictions and no per-policy results, D5),
// then Conditional Access over the tenant's indexed tables, with the inbound
// trust and D4 user-type bits the cross-tenant stage found. Nothing here
// allocates, locks or parses; the scratch must come from the same set (or
// one it Fits), else the decision is block with Reason::kScratchTooSmall.

#include <cstdint>

#include "absl/strings/string_view.h"
#include "lib/compile/compiled_policy_set.h"
#include "lib/eval/decision.h"
#include "lib/eval/inbound_trust.h"
#include "lib/eval/request.h"
#include "lib/eval/scratch.h"

namespace crossgate {

//   option                          default  meaning
//   report_policies                 true     fill Decision::policy_results (D14)
//   what_if                         false    fill PolicyOutcome::applies/reason
//                                            with the first failing condition (5.7)
//   what_if_unsupplied_not_applied  false    What-If reading: a policy that
//                                            conditions on something the request
//                                            does not supply does not apply (5.7);
//                                            also app sets do not expand
//   inbound_trust                   null     overrides the inbound trust (and
//                                            D4 bits) the cross-tenant stage found
struct EvaluateOptions {
  bool report_policies = true;
  bool what_if = false;
  bool what_if_unsupplied_not_applied = false;
  const InboundTrust* inbound_trust = nullptr;
};

void Evaluate(const CompiledPolicySet& set, const Request& request,
              const EvaluateOptions& options, EvalScratch& scratch,
              Decision* out) noexcept;

// Static names (never empty; "unknown" for out-of-range values).
absl::string_view ReasonName(uint16_t reason);
absl::string_view OutcomeName(Outcome outcome);
absl::string_view StageName(Stage stage);
// Sign-in log strings: `success`, `reportOnlyInterrupted`, ...
absl::string_view PolicyResultName(PolicyResult result);
// What-If `analysisReasons` strings: `users`, `location`, ...
absl::string_view WhatIfReasonName(WhatIfReason reason);
absl::string_view RequirementKindName(RequirementKind kind);
absl::string_view ChallengeLocationName(ChallengeLocation location);

}  // namespace crossgate

#endif  // CROSSGATE_LIB_EVAL_EVALUATOR_H_
