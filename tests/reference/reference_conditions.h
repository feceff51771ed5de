#ifndef CROSSGATE_TESTS_REFERENCE_REFERENCE_CONDITIONS_H_
#define CROSSGATE_TESTS_REFERENCE_REFERENCE_CONDITIONS_H_

// THIS CODE SHOULD NEVER BE USED IN PRODUCTION (see reference_evaluator.h).
//
// Spec 5.2 `applies(P, req)`, one condition at a time, in the order of the
// What-If reason enum (5.7), so the first condition that fails names the
// policy's `analysisReasons`.

#include <string>

#include "crossgate/policy/v1/bundle.pb.h"
#include "lib/eval/decision.h"
#include "tests/reference/reference_context.h"

namespace crossgate {
namespace reference {

struct Applicability {
  bool applies = false;
  WhatIfReason reason = WhatIfReason::kNone;  // the first failing condition
  std::string error;  // non-empty: could not decide (fail closed upstream)
};

// Whether the assignments and conditions of `policy` match the request. The
// policy's state is the caller's business.
Applicability PolicyApplies(const policy::v1::ConditionalAccessPolicy& policy,
                            const RequestContext& ctx);

// The individual conditions, exposed for unit tests. Each returns true when
// the condition matches (an unconfigured condition matches, 5.2 / D15).
bool UsersMatch(const policy::v1::Users& users, const RequestContext& ctx);
bool WorkloadIdentityMatch(const policy::v1::ClientApplications& apps,
                           const RequestContext& ctx);
bool ResourceMatch(const policy::v1::Applications& apps,
                   const RequestContext& ctx);
bool PlatformMatch(const policy::v1::ConditionSet& c,
                   const RequestContext& ctx);
bool ClientAppMatch(const policy::v1::ConditionSet& c,
                    const RequestContext& ctx);
bool LocationMatch(const policy::v1::ConditionSet& c,
                   const RequestContext& ctx);
bool AuthenticationFlowMatch(const policy::v1::ConditionSet& c,
                             const RequestContext& ctx);

}  // namespace reference
}  // namespace crossgate

#endif  // CROSSGATE_TESTS_REFERENCE_REFERENCE_CONDITIONS_H_
