#ifndef CROSSGATE_LIB_LOAD_READ_CROSS_TENANT_H_
#define CROSSGATE_LIB_LOAD_READ_CROSS_TENANT_H_

// Cross-tenant access settings JSON (spec section 2) -> model. Null and
// absent stay absent at every level the proto can express (a partner's null
// setting, a B2B setting with one half, a null inboundTrust member), because
// absent means "inherit from the default" (D1).

#include "crossgate/policy/v1/cross_tenant_access.pb.h"
#include "lib/load/json_reader.h"

namespace crossgate {
namespace load_internal {

// crossTenantAccessPolicy: `displayName`, `allowedCloudEndpoints`, and the
// nested `default` / `partners` when the export expanded them. Partners are
// appended to `out->partners()`; the caller checks duplicates.
void ReadCrossTenantAccessPolicy(JsonReader& r, const Struct& obj,
                                 const std::string& path,
                                 policy::v1::CrossTenantAccessPolicy* out);

// crossTenantAccessPolicyConfigurationDefault.
void ReadCrossTenantDefault(JsonReader& r, const Struct& obj,
                            const std::string& path,
                            policy::v1::CrossTenantAccessDefault* out);

// crossTenantAccessPolicyConfigurationPartner.
void ReadCrossTenantPartner(JsonReader& r, const Struct& obj,
                            const std::string& path,
                            policy::v1::CrossTenantAccessPartner* out);

// crossTenantIdentitySyncPolicyPartner
// (`…/partners/{id}/identitySynchronization`).
void ReadIdentitySynchronization(JsonReader& r, const Struct& obj,
                                 const std::string& path,
                                 policy::v1::IdentitySynchronization* out);

// The partner's tenant id as the model stores it ("" when absent), for
// building paths before the partner is read.
std::string PeekTenantId(const Struct& obj);

}  // namespace load_internal
}  // namespace crossgate

#endif  // CROSSGATE_LIB_LOAD_READ_CROSS_TENANT_H_
