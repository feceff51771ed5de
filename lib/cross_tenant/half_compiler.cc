#include "lib/cross_tenant/half_compiler.h"

#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "lib/app_sets/app_set_table.h"
#include "lib/model/guid.h"

namespace crossgate::cross_tenant_internal {
namespace {

using cross_tenant::AccessType;
using cross_tenant::GuidSet;
using cross_tenant::TargetHalf;
using policy::v1::CrossTenantAccessTarget;
using policy::v1::CrossTenantAccessTargetConfiguration;

constexpr absl::string_view kAllUsers = "AllUsers";
constexpr absl::string_view kAllApplications = "AllApplications";

bool LooksLikePlaceholder(absl::string_view text) {
  return absl::StartsWith(text, "<") && absl::EndsWith(text, ">");
}

}  // namespace

TargetHalf CompileHalf(const CrossTenantAccessTargetConfiguration& config,
                       const HalfContext& context, IssueCollector& issues) {
  TargetHalf half;
  half.origin = context.origin;
  const bool users_half = context.kind == HalfKind::kUsersAndGroups;

  switch (config.access_type()) {
    case CrossTenantAccessTargetConfiguration::ACCESS_TYPE_ALLOWED:
      half.access = AccessType::kAllowed;
      break;
    case CrossTenantAccessTargetConfiguration::ACCESS_TYPE_BLOCKED:
      half.access = AccessType::kBlocked;
      break;
    default:  // unspecified or a number the schema does not know
      issues.Error(IssueCode::kUnknownEnum,
                   absl::StrCat(context.path, "/accessType"),
                   "accessType is missing or unknown; the setting denies "
                   "everyone (fail closed)");
      half.invalid = true;
  }

  if (config.targets_size() == 0) {
    // Spec 2.7: an empty targets array is unconfirmed; read it as an error.
    issues.Error(IssueCode::kMissingField,
                 absl::StrCat(context.path, "/targets"),
                 "targets is empty; the setting denies everyone (fail closed)");
    half.invalid = true;
  }

  std::vector<Guid> users, groups, apps;
  for (int i = 0; i < config.targets_size(); ++i) {
    const CrossTenantAccessTarget& t = config.targets(i);
    const std::string target_path =
        absl::StrCat(context.path, "/targets[", i, "]");
    const absl::string_view target = t.target();
    const auto type = t.target_type();

    const bool type_known =
        type == CrossTenantAccessTarget::TARGET_TYPE_USER ||
        type == CrossTenantAccessTarget::TARGET_TYPE_GROUP ||
        type == CrossTenantAccessTarget::TARGET_TYPE_APPLICATION;
    if (!type_known) {
      issues.Error(IssueCode::kUnknownEnum,
                   absl::StrCat(target_path, "/targetType"),
                   "targetType is missing or unknown");
      half.invalid = true;
      continue;
    }
    const bool app_type =
        type == CrossTenantAccessTarget::TARGET_TYPE_APPLICATION;
    if (users_half == app_type) {
      issues.Error(IssueCode::kInvalidCombination,
                   absl::StrCat(target_path, "/targetType"),
                   users_half ? "usersAndGroups targets must be users or groups"
                              : "applications targets must be applications");
      half.invalid = true;
      continue;
    }

    // Keywords (spec 2.4).
    if (target == kAllUsers || target == kAllApplications ||
        AppSetFromKeyword(target).has_value()) {
      const bool ok = users_half
                          ? (target == kAllUsers &&
                             type == CrossTenantAccessTarget::TARGET_TYPE_USER)
                          : target != kAllUsers;
      if (!ok) {
        issues.Error(
            IssueCode::kInvalidCombination,
            absl::StrCat(target_path, "/target"),
            absl::StrCat("keyword '", target, "' is not valid in this half"));
        half.invalid = true;
      } else if (target == kAllUsers || target == kAllApplications) {
        half.all = true;
      } else {
        half.app_sets |= static_cast<uint8_t>(
            1u << static_cast<int>(*AppSetFromKeyword(target)));
      }
      continue;
    }

    absl::optional<Guid> id = ParseGuid(target);
    if (!id.has_value()) {
      issues.Error(
          LooksLikePlaceholder(target) ? IssueCode::kPlaceholderId
                                       : IssueCode::kBadGuid,
          absl::StrCat(target_path, "/target"),
          absl::StrCat("'", target, "' is neither an id nor a keyword"));
      half.invalid = true;
      continue;
    }
    if (users_half && context.only_all_users) {
      // Spec 2.8: specific users/groups cannot be targeted in an inbound
      // default.
      issues.Error(IssueCode::kInvalidCombination,
                   absl::StrCat(target_path, "/target"),
                   "the inbound default may only target AllUsers (spec 2.8)");
      half.invalid = true;
      continue;
    }
    switch (type) {
      case CrossTenantAccessTarget::TARGET_TYPE_USER:
        users.push_back(*id);
        break;
      case CrossTenantAccessTarget::TARGET_TYPE_GROUP:
        groups.push_back(*id);
        break;
      default:
        apps.push_back(*id);
        break;
    }
  }
  half.users = GuidSet(std::move(users));
  half.groups = GuidSet(std::move(groups));
  half.apps = GuidSet(std::move(apps));
  return half;
}

void CheckHalfCombination(TargetHalf& users, TargetHalf& apps,
                          const std::string& setting_path,
                          IssueCollector& issues) {
  if (users.invalid || apps.invalid) return;
  if (users.access == AccessType::kBlocked && users.all &&
      apps.access == AccessType::kAllowed) {
    issues.Error(IssueCode::kInvalidCombination,
                 absl::StrCat(setting_path, "/usersAndGroups"),
                 "blocking all users requires blocking all applications "
                 "(spec 2.8); the setting denies everyone");
    users.invalid = true;
  }
  if (apps.access == AccessType::kBlocked && apps.all &&
      users.access == AccessType::kAllowed) {
    issues.Error(IssueCode::kInvalidCombination,
                 absl::StrCat(setting_path, "/applications"),
                 "blocking all applications requires blocking all users "
                 "(spec 2.8); the setting denies everyone");
    apps.invalid = true;
  }
}

}  // namespace crossgate::cross_tenant_internal
