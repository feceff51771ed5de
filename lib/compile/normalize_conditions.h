#ifndef CROSSGATE_LIB_COMPILE_NORMALIZE_CONDITIONS_H_
#define CROSSGATE_LIB_COMPILE_NORMALIZE_CONDITIONS_H_

// conditionalAccessConditionSet -> NormalizedPolicy condition fields
// (spec 4.2-4.11, 5.2; D7, D8, D15, D16). Problems are reported to
// ctx.issues under `policy_path` + "/conditions/...".

#include <string>

#include "crossgate/policy/v1/conditional_access.pb.h"
#include "lib/compile/policy_model.h"
#include "lib/compile/tenant_context.h"

namespace crossgate {

void NormalizeConditions(const policy::v1::ConditionSet& conditions,
                         const std::string& policy_path, TenantContext& ctx,
                         NormalizedPolicy* out);

}  // namespace crossgate

#endif  // CROSSGATE_LIB_COMPILE_NORMALIZE_CONDITIONS_H_
