#ifndef CROSSGATE_LIB_EVAL_CONDITIONAL_ACCESS_STAGE_H_
#define CROSSGATE_LIB_EVAL_CONDITIONAL_ACCESS_STAGE_H_

// The Conditional Access stage for one tenant (spec 5): find applicable
// policies through the tenant's bitset indexes, resolve their grants against
// the claims (after trust translation), and decide. Report-only policies are
// resolved into the per-policy results only (the shadow table); they never
// reach the enforcement path.

#include "lib/compile/compiled_tenant.h"
#include "lib/eval/decision.h"
#include "lib/eval/evaluator.h"
#include "lib/eval/request_context.h"
#include "lib/eval/scratch.h"

namespace crossgate {

// Writes outcome, reason, requirements, session and per-policy results into
// *out (whose other fields the caller has reset). `trust` is the inbound
// trust record for the request's home tenant (until lib/cross_tenant lands:
// the compiled partner table or a caller override).
void EvaluateConditionalAccess(const CompiledTenant& tenant,
                               const Request& request,
                               const InboundTrust& trust,
                               const EvaluateOptions& options,
                               EvalScratch& scratch, Decision* out) noexcept;

}  // namespace crossgate

#endif  // CROSSGATE_LIB_EVAL_CONDITIONAL_ACCESS_STAGE_H_
