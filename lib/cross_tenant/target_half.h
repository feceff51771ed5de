#ifndef CROSSGATE_LIB_CROSS_TENANT_TARGET_HALF_H_
#define CROSSGATE_LIB_CROSS_TENANT_TARGET_HALF_H_

// One compiled half of a B2B-shaped setting (spec 2.4): the `usersAndGroups`
// or the `applications` crossTenantAccessPolicyTargetConfiguration, with its
// targets resolved to Guid sets and keyword flags at compile time.
//
// Halves are owned by a CompiledCrossTenantAccess and shared by pointer: a
// partner that inherits a half from the default points at the default's
// half. They are immutable once compiled.

#include <cstdint>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "lib/app_sets/app_set_table.h"
#include "lib/cross_tenant/guid_set.h"
#include "lib/model/guid.h"
#include "lib/model/guid_list.h"

namespace crossgate::cross_tenant {

// Graph `accessType`. Unknown values never compile to either (they make the
// half invalid, see TargetHalf::invalid).
enum class AccessType : uint8_t { kAllowed = 0, kBlocked = 1 };

// Where a half (or an inbound-trust / consent member) came from, for
// explanations (spec 2.7, D1).
enum class SettingOrigin : uint8_t {
  kServiceDefault = 0,  // the out-of-box value of spec 2.6
  kDefault,             // the tenant's default configuration
  kPartner,             // the partner entry itself
  // Strict inheritance only: the partner's setting is present but this half
  // (or member) is absent and is read as "not configured" (see
  // CrossTenantCompileOptions::strict_partner_inheritance).
  kNotConfigured,
};

// "service default", "default", "partner", "not configured" (static).
absl::string_view SettingOriginName(SettingOrigin origin);

struct TargetHalf {
  AccessType access = AccessType::kBlocked;
  // The half had a load error (unknown accessType/targetType, empty targets,
  // a forbidden target). The whole setting then denies everyone: the
  // fail-closed reading.
  bool invalid = false;
  // `AllUsers` (usersAndGroups) or `AllApplications` (applications).
  bool all = false;
  // Application-set keywords among the targets, as 1 << AppSetId.
  uint8_t app_sets = 0;
  SettingOrigin origin = SettingOrigin::kServiceDefault;
  GuidSet users;   // targetType user
  GuidSet groups;  // targetType group
  GuidSet apps;    // targetType application (client or resource app ids)

  // inU(u) of spec 2.8: AllUsers, the user id, or any of its transitive
  // groups. O(log users + n log groups), no allocation.
  bool MatchesUser(const Guid& user, GuidList user_groups) const noexcept {
    if (all) return true;
    if (!user.is_zero() && users.Contains(user)) return true;
    return groups.ContainsAny(user_groups);
  }

  // inA(a) of spec 2.8: AllApplications, the resource or the client app id
  // (spec 2.4: either may be targeted), or an app-set keyword whose set (in
  // the evaluating tenant's table) holds either id. Zero ids never match a
  // specific target.
  bool MatchesApp(const AppSetTable& app_table, const Guid& app,
                  const Guid& client_app) const noexcept {
    if (all) return true;
    if ((!app.is_zero() && apps.Contains(app)) ||
        (!client_app.is_zero() && apps.Contains(client_app))) {
      return true;
    }
    for (int s = 0; s < kAppSetCount; ++s) {
      if ((app_sets & (1u << s)) == 0) continue;
      const auto set = static_cast<AppSetId>(s);
      if (app_table.Contains(set, app) || app_table.Contains(set, client_app)) {
        return true;
      }
    }
    return false;
  }
};

}  // namespace crossgate::cross_tenant

#endif  // CROSSGATE_LIB_CROSS_TENANT_TARGET_HALF_H_
