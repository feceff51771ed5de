#ifndef CROSSGATE_BINDINGS_CLI_CROSS_TENANT_VIEW_H_
#define CROSSGATE_BINDINGS_CLI_CROSS_TENANT_VIEW_H_

// The cross-tenant access settings a request consults (What-If view): runs
// lib/cross_tenant's stage exactly as Evaluate does (same tenants, same
// request) and lists which tenant's which setting, from which entry
// (partner or default), was read.

#include <string>
#include <vector>

#include "bindings/cli/policy_source.h"
#include "lib/cross_tenant/cross_tenant_stage.h"
#include "lib/eval/request.h"

namespace crossgate_cli {

struct CrossTenantView {
  crossgate::cross_tenant::CrossTenantResult result;
  std::string summary;  // FormatCrossTenantResult
  // "b2bCollaborationInbound of resource tenant <R> (partner entry <H>)", ...
  std::vector<std::string> consulted;
};

// `request`'s resource tenant must be loaded.
CrossTenantView ViewCrossTenant(const Policies& policies,
                                const crossgate::Request& request);

}  // namespace crossgate_cli

#endif  // CROSSGATE_BINDINGS_CLI_CROSS_TENANT_VIEW_H_
