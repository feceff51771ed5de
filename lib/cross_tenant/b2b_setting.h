#ifndef CROSSGATE_LIB_CROSS_TENANT_B2B_SETTING_H_
#define CROSSGATE_LIB_CROSS_TENANT_B2B_SETTING_H_

// Evaluating one B2B-shaped setting (b2bCollaborationInbound/Outbound,
// b2bDirectConnectInbound/Outbound, tenantRestrictions) for one (user, app)
// pair, exactly as spec 2.8:
//
//   userOK := usersAndGroups.accessType == allowed ? inU : !inU
//   appOK  := applications.accessType  == allowed ? inA : !inA
//   if both halves are blocked: permitted := !(inU and inA)
//   else:                       permitted := userOK and appOK
//
// The block/block branch is the subtle one: it blocks only the intersection
// (the ninth row of the official interpretation table).

#include "absl/types/span.h"
#include "lib/app_sets/app_set_table.h"
#include "lib/cross_tenant/cross_tenant_reason.h"
#include "lib/cross_tenant/target_half.h"
#include "lib/model/guid.h"
#include "lib/model/guid_list.h"

namespace crossgate::cross_tenant {

// A resolved setting: both halves, after inheritance. INVARIANT: neither
// pointer is null once compiled; they point into the owning
// CompiledCrossTenantAccess.
struct EffectiveB2BSetting {
  const TargetHalf* users_and_groups = nullptr;
  const TargetHalf* applications = nullptr;
};

// Who and what a setting is checked against. Which ids go here depends on the
// direction (spec 2.4, 2.9): B2B settings get the user's home-tenant id and
// groups; tenant restrictions get the identity as the resource tenant knows it.
struct B2BSubject {
  Guid user;
  GuidList groups;  // transitive
  Guid app;         // resource app id
  Guid client_app;  // optional client app id
};

struct B2BVerdict {
  bool permitted = false;
  CrossTenantReason reason = CrossTenantReason::kNotEvaluated;
  XtapHalf half = XtapHalf::kNone;
  // Origin of the half that decided (the users half when both did, or when
  // the verdict is an allow).
  SettingOrigin origin = SettingOrigin::kServiceDefault;
};

// Evaluates `setting` for `subject`, matching app-set keywords through
// `app_table` (the evaluating tenant's table). No allocation, no locks.
// A setting with an invalid half, or with a null half (never produced by the
// compiler), denies with kInvalidSetting.
B2BVerdict EvaluateB2BSetting(const EffectiveB2BSetting& setting,
                              const AppSetTable& app_table,
                              const B2BSubject& subject) noexcept;

// True when the setting permits at least one (user, app) pair for some user
// of the partner tenant whose id and groups are unknown — i.e. the setting
// does not explicitly block the whole partner. Used at invitation time
// (spec 2.10), when the invitee's user id and groups are not known yet.
bool PermitsSomeUser(const EffectiveB2BSetting& setting) noexcept;

}  // namespace crossgate::cross_tenant

#endif  // CROSSGATE_LIB_CROSS_TENANT_B2B_SETTING_H_
