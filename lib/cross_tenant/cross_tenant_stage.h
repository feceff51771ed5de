#ifndef CROSSGATE_LIB_CROSS_TENANT_CROSS_TENANT_STAGE_H_
#define CROSSGATE_LIB_CROSS_TENANT_CROSS_TENANT_STAGE_H_

// File: cross_tenant_stage.h
//
// The cross-tenant access stage of the decision pipeline (spec 1 step 2,
// spec 2.9, 2.12; D2-D5). It runs before Conditional Access: a denial here is
// a block with stage crossTenantAccess (or tenantRestrictions) and CA is not
// evaluated (D5). An allow hands the CA engine the resource tenant's
// effective inbound trust for the home tenant (spec 2.11, 5.5) and the
// user-type bits to add (D4).
//
// What is checked, in order (the first failure decides):
//  1. Tenant restrictions v2, when the request carries the TRv2 signal
//     naming a tenant T other than the resource tenant R: T's effective
//     tenantRestrictions for R, with the identity as R knows it
//     (principal_id, groups) and the app (spec 2.12). T must be in the bundle;
//     otherwise the request is blocked (fail closed: crossgate cannot enforce
//     a policy it does not have).
//  2. Applicability (D3): members, internal guests, workload identities,
//     principals that are only `serviceProvider`, and non-Entra identities
//     (Request.identity_source) skip the B2B checks. An external user with no
//     type bits but a foreign home tenant is read as B2B collaboration.
//  3. Cross-cloud (spec 2.1, 2.9): when R and H are in different clouds, both
//     must list the other's cloud in allowedCloudEndpoints and hold an
//     explicit partner entry for the other; direct connect is not supported
//     across clouds. H's cloud is known only when H is in the bundle; without
//     it H is assumed to be in R's cloud.
//  4. B2B collaboration (guest, member, otherExternalUser) or direct connect
//     (b2bDirectConnectUser; a request carrying both must pass both): R's
//     inbound setting for H, then H's outbound setting for R when H is in the
//     bundle. D2: when H is not in the bundle its outbound side is not
//     evaluated (its own token service enforced it) and the result says so
//     (home_outbound_evaluated = false) — also for direct connect, where R's
//     inbound then decides alone.
//
// Thread safety and cost: EvaluateCrossTenant is thread-safe, noexcept, and
// does no allocation, locking or parsing: at most three hash lookups plus
// binary searches over compiled target sets (O(g log k) for g request groups
// and k group targets).

#include <cstdint>
#include <type_traits>

#include "lib/cross_tenant/compiled_cross_tenant.h"
#include "lib/cross_tenant/cross_tenant_reason.h"
#include "lib/cross_tenant/effective_configuration.h"
#include "lib/eval/decision.h"
#include "lib/eval/request.h"
#include "lib/model/guid.h"

namespace crossgate::cross_tenant {

// Which B2B settings applied (D3).
enum class B2bAccessKind : uint8_t {
  kNone = 0,
  kCollaboration = 1,
  kDirectConnect = 2,
  kBoth = 3,
};

absl::string_view B2bAccessKindName(B2bAccessKind kind);

// The stage's answer. Fixed-size and trivially copyable.
struct CrossTenantResult {
  bool allowed = false;  // fail closed until decided
  // kCrossTenantAccess, kTenantRestrictions, or kInternal (tenant mismatch).
  Stage stage = Stage::kNone;
  CrossTenantReason reason = CrossTenantReason::kNotEvaluated;

  // The configuration that decided: whose (side, tenant), which entry
  // (default or partner <id>), where the deciding half came from, the
  // setting and the half. For an allow of an applicable request these name
  // R's inbound setting.
  XtapSide side = XtapSide::kNone;
  Guid config_tenant_id;
  ConfigSource source;
  SettingOrigin origin = SettingOrigin::kServiceDefault;
  XtapSetting setting = XtapSetting::kNone;
  XtapHalf half = XtapHalf::kNone;

  B2bAccessKind access_kind = B2bAccessKind::kNone;
  // D2: false when the home tenant is not in the bundle ("home outbound not
  // evaluated").
  bool home_outbound_evaluated = false;
  bool tenant_restrictions_evaluated = false;

  // R's effective inbound trust for H (spec 2.11); all false when the B2B
  // checks did not apply.
  EffectiveInboundTrust inbound_trust;
  // Bits (ExternalUserTypeBit) the CA engine adds to the request's user types
  // (D4: kServiceProvider for users of an isServiceProvider partner).
  uint32_t extra_user_type_bits = 0;
  // Automatic redemption (spec 2.5): R's inbound and H's outbound consent
  // settings and whether both hold. Reported only; never affects access.
  bool automatic_consent_inbound = false;
  bool automatic_consent_outbound = false;  // false when H is not evaluated
  bool automatic_redemption = false;
  bool is_in_multi_tenant_organization = false;  // R's entry for H
};

static_assert(std::is_trivially_copyable_v<CrossTenantResult>,
              "CrossTenantResult is filled on the decision path");

// Evaluates the stage for `request` against the resource tenant R
// (`resource`, required; its tenant id must equal request.resource_tenant_id),
// the home tenant H (`home`, null when H is not in the bundle; D2) and the
// TRv2 tenant T (`restricting`, null when T is not in the bundle; when null
// and T is R or H, that tenant is used). Never fails: a mismatch between the
// compiled tenants and the request blocks with kTenantMismatch.
void EvaluateCrossTenant(const CompiledCrossTenantAccess& resource,
                         const CompiledCrossTenantAccess* home,
                         const CompiledCrossTenantAccess* restricting,
                         const Request& request,
                         CrossTenantResult* out) noexcept;

// Convenience for requests without a separate TRv2 tenant.
inline void EvaluateCrossTenant(const CompiledCrossTenantAccess& resource,
                                const CompiledCrossTenantAccess* home,
                                const Request& request,
                                CrossTenantResult* out) noexcept {
  EvaluateCrossTenant(resource, home, nullptr, request, out);
}

// D4: the user-type bits the CA engine adds for `request` in tenant
// `resource`: kServiceProvider when the user's home tenant has a partner
// entry with isServiceProvider. No allocation.
uint32_t AdditionalUserTypeBits(const CompiledCrossTenantAccess& resource,
                                const Request& request) noexcept;

}  // namespace crossgate::cross_tenant

#endif  // CROSSGATE_LIB_CROSS_TENANT_CROSS_TENANT_STAGE_H_
