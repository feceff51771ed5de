#ifndef CROSSGATE_LIB_EVAL_APPLICABILITY_H_
#define CROSSGATE_LIB_EVAL_APPLICABILITY_H_

// Which policies apply to a request (spec 5.2): one bitset per condition
// dimension from the tenant's indexes, ANDed word by word, then the residual
// device-filter checks. Allocation-free; rows live in the EvalScratch.

#include <cstdint>

#include "lib/compile/compiled_tenant.h"
#include "lib/eval/evaluator.h"
#include "lib/eval/request_context.h"
#include "lib/eval/scratch.h"

namespace crossgate {

// Per-dimension match sets (bit = local policy) of the last computation,
// kept for What-If reasons.
struct DimensionRows {
  const uint64_t* principal = nullptr;
  const uint64_t* target = nullptr;
  const uint64_t* client_app = nullptr;
  const uint64_t* platform = nullptr;
  const uint64_t* location = nullptr;
  const uint64_t* sign_in_risk = nullptr;
  const uint64_t* user_risk = nullptr;
  const uint64_t* service_principal_risk = nullptr;
  const uint64_t* insider_risk = nullptr;
  const uint64_t* flow = nullptr;
};

// Returns the applicable set (enforced and report-only policies) in a
// scratch row. W = the tenant's word count if 1..4, else 0 (bitset.h).
template <uint32_t W>
const uint64_t* ComputeApplicable(const CompiledTenant& tenant,
                                  const RequestContext& ctx,
                                  const EvaluateOptions& options,
                                  EvalScratch& scratch,
                                  DimensionRows* dims) noexcept;

// The device-filter condition of one policy (spec 4.10, D12). Policies
// without a filter, and filters this build cannot evaluate, apply.
bool DeviceFilterApplies(const CompiledTenant& tenant,
                         const CompiledPolicy& policy,
                         const RequestContext& ctx) noexcept;

// What-If: the first condition (spec 5.7 order) policy `local` fails, or
// kNone when it applies.
WhatIfReason FirstFailingCondition(const CompiledTenant& tenant,
                                   uint32_t local, const DimensionRows& dims,
                                   const RequestContext& ctx) noexcept;

}  // namespace crossgate

#endif  // CROSSGATE_LIB_EVAL_APPLICABILITY_H_
