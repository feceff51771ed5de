#ifndef CROSSGATE_LIB_COMPILE_NORMALIZE_CONTROLS_H_
#define CROSSGATE_LIB_COMPILE_NORMALIZE_CONTROLS_H_

// Grant and session controls -> CompiledGrant / GrantAtoms / CompiledSession
// (spec 4.12, 4.13; D9, D17). Atoms carry tenant-local refs.

#include <string>

#include "crossgate/policy/v1/conditional_access.pb.h"
#include "lib/compile/policy_model.h"
#include "lib/compile/tenant_context.h"

namespace crossgate {

void NormalizeGrant(const policy::v1::ConditionalAccessPolicy& policy,
                    const std::string& policy_path, TenantContext& ctx,
                    NormalizedPolicy* out);

void NormalizeSession(const policy::v1::ConditionalAccessPolicy& policy,
                      const std::string& policy_path, TenantContext& ctx,
                      NormalizedPolicy* out);

}  // namespace crossgate

#endif  // CROSSGATE_LIB_COMPILE_NORMALIZE_CONTROLS_H_
