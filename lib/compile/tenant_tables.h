#ifndef CROSSGATE_LIB_COMPILE_TENANT_TABLES_H_
#define CROSSGATE_LIB_COMPILE_TENANT_TABLES_H_

// Tenant-wide tables the per-policy normalizers resolve against: named
// locations (plus the zero-GUID MFA trusted IPs, D16), authentication
// strengths (shipped built-ins overridden by the tenant's own, spec 6.2),
// and terms-of-use and custom-control ids.

#include "crossgate/policy/v1/bundle.pb.h"
#include "lib/compile/compiled_tenant.h"
#include "lib/compile/tenant_context.h"

namespace crossgate {

void BuildLocationTable(const policy::v1::TenantPolicies& tenant,
                        TenantContext& ctx);
void BuildStrengthTable(const policy::v1::TenantPolicies& tenant,
                        TenantContext& ctx);
void CollectControlIds(const policy::v1::TenantPolicies& tenant,
                       TenantContext& ctx);

// Method bits (1u << AuthenticationMethodMode) that count for an external
// user's MFA done in the home tenant (MFA trust on) or in the resource
// tenant (spec 6.4), password included as the first factor.
uint32_t HomeTenantMethods();
uint32_t ResourceTenantMethods();

}  // namespace crossgate

#endif  // CROSSGATE_LIB_COMPILE_TENANT_TABLES_H_
