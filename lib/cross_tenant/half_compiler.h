#ifndef CROSSGATE_LIB_CROSS_TENANT_HALF_COMPILER_H_
#define CROSSGATE_LIB_CROSS_TENANT_HALF_COMPILER_H_

// Internal to lib/cross_tenant: validates one
// crossTenantAccessPolicyTargetConfiguration from the model and compiles it
// to a TargetHalf (spec 2.4). Every problem becomes a load issue whose path
// ends in the Graph property (`.../usersAndGroups/targets[2]/targetType`),
// and marks the half invalid (the setting then denies: fail closed).

#include <string>

#include "crossgate/policy/v1/cross_tenant_access.pb.h"
#include "lib/cross_tenant/target_half.h"
#include "lib/load/load_issue.h"

namespace crossgate::cross_tenant_internal {

enum class HalfKind { kUsersAndGroups, kApplications };

struct HalfContext {
  HalfKind kind = HalfKind::kUsersAndGroups;
  cross_tenant::SettingOrigin origin = cross_tenant::SettingOrigin::kDefault;
  // Spec 2.8: only `AllUsers` may appear in an inbound default.
  bool only_all_users = false;
  std::string path;  // the half's path, e.g.
                     // ".../b2bCollaborationInbound/usersAndGroups"
};

cross_tenant::TargetHalf CompileHalf(
    const policy::v1::CrossTenantAccessTargetConfiguration& config,
    const HalfContext& context, IssueCollector& issues);

// Spec 2.8 portal rule, checked when a setting carries both halves: blocking
// all users requires blocking all applications, and the reverse. A violation
// is an error on the blocking half, which becomes invalid.
void CheckHalfCombination(cross_tenant::TargetHalf& users,
                          cross_tenant::TargetHalf& apps,
                          const std::string& setting_path,
                          IssueCollector& issues);

}  // namespace crossgate::cross_tenant_internal

#endif  // CROSSGATE_LIB_CROSS_TENANT_HALF_COMPILER_H_
