#ifndef CROSSGATE_TESTS_REFERENCE_REFERENCE_CROSS_TENANT_H_
#define CROSSGATE_TESTS_REFERENCE_REFERENCE_CROSS_TENANT_H_

// THIS CODE SHOULD NEVER BE USED IN PRODUCTION (see reference_evaluator.h).
//
// Cross-tenant access settings, straight from spec section 2: effective
// settings with property-wise inheritance (2.7, D1), one B2B setting's
// verdict (2.8), which settings a request meets (2.9, D2, D3) and tenant
// restrictions v2 (2.12). Written independently of lib/'s cross-tenant code.

#include <string>
#include <vector>

#include "crossgate/policy/v1/bundle.pb.h"
#include "tests/reference/reference_context.h"

namespace crossgate {
namespace reference {

// One B2B setting with both halves resolved (never missing).
struct EffectiveB2BSetting {
  policy::v1::CrossTenantAccessTargetConfiguration users_and_groups;
  policy::v1::CrossTenantAccessTargetConfiguration applications;
};

// Eff_X(P): tenant X's configuration for partner tenant P (2.9 notation).
struct EffectiveCrossTenantSettings {
  bool has_partner = false;  // X has a partner entry for P
  bool is_service_provider = false;
  EffectiveB2BSetting collaboration_inbound;
  EffectiveB2BSetting collaboration_outbound;
  EffectiveB2BSetting direct_connect_inbound;
  EffectiveB2BSetting direct_connect_outbound;
  Trust inbound_trust;
  // TRv2 is enforced only where configured (2.6: disabled by default).
  bool tenant_restrictions_configured = false;
  EffectiveB2BSetting tenant_restrictions;
};

EffectiveCrossTenantSettings EffectiveSettings(
    const policy::v1::TenantPolicies& tenant,
    const std::string& partner_tenant_id);

// Section 2.8: whether setting `s` permits the user (id + transitive groups,
// in the tenant whose users the setting names) to reach any of `app_ids`.
// `set_tenant` resolves app-set keywords (D18).
bool B2BSettingPermits(const EffectiveB2BSetting& s, const std::string& user_id,
                       const std::vector<std::string>& group_ids,
                       const std::vector<std::string>& app_ids,
                       const policy::v1::TenantPolicies& set_tenant,
                       const ReferenceOptions& options);

struct StageVerdict {
  bool permitted = true;
  std::string reason;              // why not, when !permitted
  std::vector<std::string> notes;  // e.g. D2 "home outbound not evaluated"
};

// Section 2.9 with D2/D3: the inbound check at the resource tenant and, when
// the home tenant is in the bundle, the outbound check at home.
StageVerdict EvaluateCrossTenantAccess(const RequestContext& ctx);

// Section 2.12: only when the request carries the TRv2 signal.
StageVerdict EvaluateTenantRestrictions(const RequestContext& ctx);

}  // namespace reference
}  // namespace crossgate

#endif  // CROSSGATE_TESTS_REFERENCE_REFERENCE_CROSS_TENANT_H_
