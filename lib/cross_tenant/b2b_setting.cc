#include "lib/cross_tenant/b2b_setting.h"

namespace crossgate::cross_tenant {
namespace {

bool Permitted(AccessType users_access, bool in_u, AccessType apps_access,
               bool in_a) {
  // Spec 2.8: block/block blocks only the intersection.
  if (users_access == AccessType::kBlocked &&
      apps_access == AccessType::kBlocked) {
    return !(in_u && in_a);
  }
  const bool user_ok = users_access == AccessType::kAllowed ? in_u : !in_u;
  const bool app_ok = apps_access == AccessType::kAllowed ? in_a : !in_a;
  return user_ok && app_ok;
}

}  // namespace

B2BVerdict EvaluateB2BSetting(const EffectiveB2BSetting& setting,
                              const AppSetTable& app_table,
                              const B2BSubject& subject) noexcept {
  B2BVerdict v;
  const TargetHalf* users = setting.users_and_groups;
  const TargetHalf* apps = setting.applications;
  if (users == nullptr || apps == nullptr) {
    v.reason = CrossTenantReason::kInvalidSetting;
    return v;
  }
  // A load error anywhere in the setting denies everyone (fail closed).
  if (users->invalid || apps->invalid) {
    v.reason = CrossTenantReason::kInvalidSetting;
    v.half =
        users->invalid ? XtapHalf::kUsersAndGroups : XtapHalf::kApplications;
    v.origin = users->invalid ? users->origin : apps->origin;
    return v;
  }

  const bool in_u = users->MatchesUser(subject.user, subject.groups);
  const bool in_a =
      apps->MatchesApp(app_table, subject.app, subject.client_app);
  v.permitted = Permitted(users->access, in_u, apps->access, in_a);
  v.origin = users->origin;
  if (v.permitted) {
    v.reason = CrossTenantReason::kAllowed;
    return v;
  }

  if (users->access == AccessType::kBlocked &&
      apps->access == AccessType::kBlocked) {
    v.reason = CrossTenantReason::kUserAndAppInBlockedTargets;
    v.half = XtapHalf::kBoth;
    return v;
  }
  // Otherwise userOK and appOK was false; name the users half first when
  // both failed.
  const bool user_ok = users->access == AccessType::kAllowed ? in_u : !in_u;
  if (!user_ok) {
    v.reason = users->access == AccessType::kAllowed
                   ? CrossTenantReason::kUserNotInAllowedTargets
                   : CrossTenantReason::kUserInBlockedTargets;
    v.half = XtapHalf::kUsersAndGroups;
    return v;
  }
  v.reason = apps->access == AccessType::kAllowed
                 ? CrossTenantReason::kAppNotInAllowedTargets
                 : CrossTenantReason::kAppInBlockedTargets;
  v.half = XtapHalf::kApplications;
  v.origin = apps->origin;
  return v;
}

bool PermitsSomeUser(const EffectiveB2BSetting& setting) noexcept {
  const TargetHalf* users = setting.users_and_groups;
  const TargetHalf* apps = setting.applications;
  if (users == nullptr || apps == nullptr || users->invalid || apps->invalid) {
    return false;
  }
  // An unknown user may or may not be in a specific target list, and some app
  // may or may not be in a specific app list; with an `All` keyword the
  // membership is fixed. Try every possible combination.
  for (bool in_u : {true, false}) {
    if (users->all && !in_u) continue;
    for (bool in_a : {true, false}) {
      if (apps->all && !in_a) continue;
      if (Permitted(users->access, in_u, apps->access, in_a)) return true;
    }
  }
  return false;
}

}  // namespace crossgate::cross_tenant
