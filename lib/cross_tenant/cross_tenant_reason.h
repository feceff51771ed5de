#ifndef CROSSGATE_LIB_CROSS_TENANT_CROSS_TENANT_REASON_H_
#define CROSSGATE_LIB_CROSS_TENANT_CROSS_TENANT_REASON_H_

// The vocabulary a cross-tenant decision explains itself with: which setting,
// which half, which rule. Fixed enums with static names, so the decision path
// never builds a string (cross_tenant_format.h builds one for logs).
//
// A decision reads as
//   <setting>.<half>: <reason>
// e.g. "b2bCollaborationInbound.applications: blocked, app not in targets".

#include <cstdint>

#include "absl/strings/string_view.h"

namespace crossgate::cross_tenant {

// The XTAP setting a rule belongs to (Graph property names).
enum class XtapSetting : uint8_t {
  kNone = 0,
  kB2bCollaborationInbound,
  kB2bCollaborationOutbound,
  kB2bDirectConnectInbound,
  kB2bDirectConnectOutbound,
  kTenantRestrictions,
  kAllowedCloudEndpoints,  // cross-cloud rules (spec 2.1, 2.9)
  kPartners,               // cross-cloud: an explicit partner entry is needed
};

// Which half of a B2B setting decided.
enum class XtapHalf : uint8_t {
  kNone = 0,
  kUsersAndGroups,
  kApplications,
  kBoth,  // block/block: the (user, app) pair is in both blocked halves
};

// Whose configuration decided.
enum class XtapSide : uint8_t {
  kNone = 0,
  kResourceTenant,     // R, the tenant that owns the resource (inbound)
  kHomeTenant,         // H, the user's home tenant (outbound)
  kRestrictingTenant,  // T, the tenant that sent the TRv2 signal (spec 2.12)
};

// The rule that decided. Values are stable (they are reported).
enum class CrossTenantReason : uint8_t {
  kNotEvaluated = 0,  // fail-closed initial value: never an allow
  // Allowed.
  kAllowed,                           // every applicable setting permits
  kNotApplicableInternalUser,         // a member or internal guest of R
  kNotApplicableNonEntraIdentity,     // D3: OTP, MSA, social, SAML/WS-Fed
  kNotApplicableServiceProviderOnly,  // D3: only `serviceProvider`
  kNotApplicableWorkloadIdentity,     // a service principal (spec 4.5)
  // One B2B-shaped setting denied (spec 2.8).
  kUserNotInAllowedTargets,
  kUserInBlockedTargets,
  kAppNotInAllowedTargets,
  kAppInBlockedTargets,
  kUserAndAppInBlockedTargets,  // block/block intersection
  kInvalidSetting,              // the setting had a load error (fail closed)
  // Cross-cloud (spec 2.1, 2.9).
  kCloudNotAllowed,
  kCrossCloudRequiresPartnerEntry,
  kCrossCloudDirectConnectUnsupported,
  // The request cannot be decided.
  kMissingHomeTenant,  // an external Entra user without a home tenant id
  kTenantRestrictionsSignalWithoutTenant,
  kTenantRestrictionsPolicyUnavailable,  // TRv2 tenant not in the bundle
  kTenantMismatch,  // compiled tenant does not match the request (internal)
};

// Static names. Setting/half names are the Graph property names; reasons are
// short phrases ("blocked, app not in targets").
absl::string_view XtapSettingName(XtapSetting setting);
absl::string_view XtapHalfName(XtapHalf half);
absl::string_view XtapSideName(XtapSide side);
absl::string_view CrossTenantReasonName(CrossTenantReason reason);

// True for the kNotApplicable* and kAllowed reasons.
bool IsAllowingReason(CrossTenantReason reason);

}  // namespace crossgate::cross_tenant

#endif  // CROSSGATE_LIB_CROSS_TENANT_CROSS_TENANT_REASON_H_
