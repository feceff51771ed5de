#ifndef CROSSGATE_LIB_COMPILE_BUILD_INDEX_H_
#define CROSSGATE_LIB_COMPILE_BUILD_INDEX_H_

// NormalizedPolicies -> the bitset indexes of a CompiledTenant (see the
// layout comment in compiled_tenant.h). Policies arrive in local order
// (ascending id); disabled policies get no bits.

#include <vector>

#include "lib/compile/compiled_tenant.h"
#include "lib/compile/policy_model.h"

namespace crossgate {

void BuildPolicyIndex(const std::vector<NormalizedPolicy>& policies,
                      CompiledTenant* tenant);

void BuildLocationIndex(const std::vector<NormalizedPolicy>& policies,
                        const std::vector<LocationModel>& locations,
                        CompiledTenant* tenant);

}  // namespace crossgate

#endif  // CROSSGATE_LIB_COMPILE_BUILD_INDEX_H_
