#include "lib/compile/normalize_conditions.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "lib/compile/device_filter_adapter.h"
#include "lib/eval/request.h"

namespace crossgate {
namespace {

namespace pb = ::crossgate::policy::v1;
using Strings = google::protobuf::RepeatedPtrField<std::string>;

std::string Item(const std::string& base, absl::string_view name, int i) {
  return absl::StrCat(base, "/", name, "[", i, "]");
}

// Reads a Graph id list. `keyword` handles the list's own keywords and
// returns true when it did; GUIDs go to `ids`; unknown keywords follow D7
// (`*any` = true for include lists); anything else is an error.
template <typename KeywordFn>
void ReadIds(const Strings& list, bool include, const std::string& base,
             absl::string_view name, TenantContext& ctx,
             std::vector<Guid>* ids, bool* any, KeywordFn keyword) {
  for (int i = 0; i < list.size(); ++i) {
    const std::string& text = list.Get(i);
    Guid guid;
    switch (ClassifyIdToken(text, &guid)) {
      case IdTokenKind::kGuid:
        ids->push_back(guid);
        break;
      case IdTokenKind::kKeyword:
        if (keyword(text, Item(base, name, i))) break;
        ReportUnknownKeyword(ctx, Item(base, name, i), text, include);
        if (include && any != nullptr) *any = true;
        break;
      case IdTokenKind::kInvalid:
        ReportBadId(ctx, Item(base, name, i), text);
        break;
    }
  }
}

auto NoKeywords() {
  return [](absl::string_view, const std::string&) { return false; };
}

void Misplaced(TenantContext& ctx, const std::string& path,
               absl::string_view text) {
  ctx.issues->Warning(IssueCode::kInvalidCombination, path,
                      absl::StrCat("keyword \"", text,
                                   "\" is not valid in an exclude list; "
                                   "ignored (the policy applies more widely)"));
}

constexpr uint32_t kAllExternalTypes = kInternalGuest | kB2bCollaborationGuest |
                                       kB2bCollaborationMember |
                                       kB2bDirectConnectUser |
                                       kOtherExternalUser | kServiceProvider;

bool ReadGuestSelector(const pb::GuestsOrExternalUsers& in,
                       const std::string& path, TenantContext& ctx,
                       GuestSelector* out) {
  for (int i = 0; i < in.guest_or_external_user_types_size(); ++i) {
    switch (in.guest_or_external_user_types(i)) {
      case pb::GUEST_OR_EXTERNAL_USER_TYPE_NONE: break;
      case pb::GUEST_OR_EXTERNAL_USER_TYPE_INTERNAL_GUEST: out->types |= kInternalGuest; break;
      case pb::GUEST_OR_EXTERNAL_USER_TYPE_B2B_COLLABORATION_GUEST: out->types |= kB2bCollaborationGuest; break;
      case pb::GUEST_OR_EXTERNAL_USER_TYPE_B2B_COLLABORATION_MEMBER: out->types |= kB2bCollaborationMember; break;
      case pb::GUEST_OR_EXTERNAL_USER_TYPE_B2B_DIRECT_CONNECT_USER: out->types |= kB2bDirectConnectUser; break;
      case pb::GUEST_OR_EXTERNAL_USER_TYPE_OTHER_EXTERNAL_USER: out->types |= kOtherExternalUser; break;
      case pb::GUEST_OR_EXTERNAL_USER_TYPE_SERVICE_PROVIDER: out->types |= kServiceProvider; break;
      default:
        ctx.issues->Error(IssueCode::kUnknownEnum,
                          Item(path, "guestOrExternalUserTypes", i),
                          "unknown guest or external user type (D7)");
        return false;
    }
  }
  out->all_tenants = true;
  if (in.has_external_tenants()) {
    bool enumerated =
        in.external_tenants_membership_kind() ==
            pb::GuestsOrExternalUsers::MEMBERSHIP_KIND_ENUMERATED ||
        (in.external_tenants_membership_kind() ==
             pb::GuestsOrExternalUsers::MEMBERSHIP_KIND_UNSPECIFIED &&
         in.external_tenant_ids_size() > 0);
    if (enumerated) {
      out->all_tenants = false;
      for (int i = 0; i < in.external_tenant_ids_size(); ++i) {
        absl::optional<Guid> id = ParseGuid(in.external_tenant_ids(i));
        if (!id.has_value()) {
          ReportBadId(ctx, Item(path, "externalTenants/members", i),
                      in.external_tenant_ids(i));
          continue;
        }
        out->tenants.push_back(*id);
      }
    }
    if (out->types == 0) {
      ctx.issues->Warning(IssueCode::kInvalidCombination,
                          path + "/externalTenants",
                          "externalTenants without guestOrExternalUserTypes "
                          "selects nobody");
    }
  }
  return true;
}

void NormalizeUsers(const pb::Users& users, const std::string& base,
                    TenantContext& ctx, NormalizedPolicy* out) {
  const GuestSelector all_guests{kAllExternalTypes, true, {}};
  ReadIds(users.include_users(), true, base, "includeUsers", ctx,
          &out->include_users, &out->users_all,
          [&](absl::string_view k, const std::string&) {
            if (k == "All") { out->users_all = true; return true; }
            if (k == "None") return true;
            if (k == "GuestsOrExternalUsers") {
              out->include_guests.push_back(all_guests);  // 4.3 (inferred)
              return true;
            }
            return false;
          });
  ReadIds(users.exclude_users(), false, base, "excludeUsers", ctx,
          &out->exclude_users, nullptr,
          [&](absl::string_view k, const std::string& path) {
            if (k == "GuestsOrExternalUsers") {
              out->exclude_guests.push_back(all_guests);
              return true;
            }
            if (k == "None") return true;
            if (k == "All") { Misplaced(ctx, path, k); return true; }
            return false;
          });
  ReadIds(users.include_groups(), true, base, "includeGroups", ctx,
          &out->include_groups, &out->users_all, NoKeywords());
  ReadIds(users.exclude_groups(), false, base, "excludeGroups", ctx,
          &out->exclude_groups, nullptr, NoKeywords());
  ReadIds(users.include_roles(), true, base, "includeRoles", ctx,
          &out->include_roles, &out->users_all, NoKeywords());
  ReadIds(users.exclude_roles(), false, base, "excludeRoles", ctx,
          &out->exclude_roles, nullptr, NoKeywords());
  if (users.has_include_guests_or_external_users()) {
    GuestSelector s;
    if (ReadGuestSelector(users.include_guests_or_external_users(),
                          base + "/includeGuestsOrExternalUsers", ctx, &s)) {
      out->include_guests.push_back(std::move(s));
    }
  }
  if (users.has_exclude_guests_or_external_users()) {
    GuestSelector s;
    if (ReadGuestSelector(users.exclude_guests_or_external_users(),
                          base + "/excludeGuestsOrExternalUsers", ctx, &s)) {
      out->exclude_guests.push_back(std::move(s));
    }
  }
}

void NormalizeWorkload(const pb::ClientApplications& apps,
                       const std::string& base, TenantContext& ctx,
                       NormalizedPolicy* out) {
  ReadIds(apps.include_service_principals(), true, base,
          "includeServicePrincipals", ctx, &out->include_service_principals,
          &out->service_principals_all,
          [&](absl::string_view k, const std::string&) {
            if (k == "ServicePrincipalsInMyTenant") {
              out->service_principals_all = true;
              return true;
            }
            return k == "None";
          });
  ReadIds(apps.exclude_service_principals(), false, base,
          "excludeServicePrincipals", ctx, &out->exclude_service_principals,
          nullptr, NoKeywords());
  out->workload = apps.include_service_principals_size() > 0;
  if (!apps.service_principal_filter().rule().empty()) {
    absl::Status valid =
        ValidateAttributeFilterRule(apps.service_principal_filter().rule());
    if (!valid.ok()) {
      ctx.issues->Error(IssueCode::kBadDeviceFilter,
                        base + "/servicePrincipalFilter/rule",
                        std::string(valid.message()));
      return;
    }
    out->service_principal_filter = true;
    ctx.issues->Warning(IssueCode::kUnsupportedFeature,
                        base + "/servicePrincipalFilter",
                        "service principal filters are not evaluated; the "
                        "policy is read as applying (fail closed)");
  }
}

void NormalizeTargets(const pb::Applications& apps, const std::string& base,
                      TenantContext& ctx, NormalizedPolicy* out) {
  int kinds = (apps.include_applications_size() > 0) +
              (apps.include_user_actions_size() > 0) +
              (apps.include_authentication_context_class_references_size() > 0);
  if (kinds > 1) {
    ctx.issues->Error(IssueCode::kInvalidCombination, base,
                      "a policy targets applications, user actions or "
                      "authentication contexts, not several (spec 4.4)");
    return;
  }
  if (apps.include_applications_size() > 0) {
    out->target = PolicyTarget::kApplications;
    ReadIds(apps.include_applications(), true, base, "includeApplications",
            ctx, &out->include_apps, &out->apps_all,
            [&](absl::string_view k, const std::string&) {
              if (k == "All") {
                out->apps_all = out->apps_all_direct = true;
                return true;
              }
              if (k == "None") return true;
              if (!AppSetResolver::IsAppSetName(k)) return false;
              auto ids = ctx.app_sets->Resolve(k);
              if (ids.has_value()) {
                out->include_apps_via_set.insert(
                    out->include_apps_via_set.end(), ids->begin(), ids->end());
              }
              return true;
            });
    // Unknown include keywords match everything, in What-If too.
    if (out->apps_all && !out->apps_all_direct) {
      for (const std::string& t : apps.include_applications()) {
        if (ClassifyIdToken(t, nullptr) == IdTokenKind::kKeyword &&
            !AppSetResolver::IsAppSetName(t) && t != "None") {
          out->apps_all_direct = true;
        }
      }
    }
    ReadIds(apps.exclude_applications(), false, base, "excludeApplications",
            ctx, &out->exclude_apps, nullptr,
            [&](absl::string_view k, const std::string& path) {
              if (k == "None") return true;
              if (k == "All") { Misplaced(ctx, path, k); return true; }
              if (!AppSetResolver::IsAppSetName(k)) return false;
              auto ids = ctx.app_sets->Resolve(k);
              if (ids.has_value()) {
                out->exclude_apps_via_set.insert(
                    out->exclude_apps_via_set.end(), ids->begin(), ids->end());
              }
              return true;
            });
  } else if (apps.include_user_actions_size() > 0) {
    out->target = PolicyTarget::kUserActions;
    for (int i = 0; i < apps.include_user_actions_size(); ++i) {
      const std::string& a = apps.include_user_actions(i);
      if (absl::EqualsIgnoreCase(a, "urn:user:registersecurityinfo")) {
        out->user_actions[static_cast<int>(UserAction::kRegisterSecurityInfo)] = true;
      } else if (absl::EqualsIgnoreCase(a, "urn:user:registerdevice")) {
        out->user_actions[static_cast<int>(UserAction::kRegisterDevice)] = true;
      } else {
        ReportUnknownKeyword(ctx, Item(base, "includeUserActions", i), a, true);
        for (int v = 1; v < kUserActionValues; ++v) out->user_actions[v] = true;
      }
    }
  } else if (apps.include_authentication_context_class_references_size() > 0) {
    out->target = PolicyTarget::kAuthenticationContexts;
    for (int i = 0;
         i < apps.include_authentication_context_class_references_size(); ++i) {
      const std::string& c = apps.include_authentication_context_class_references(i);
      int n = 0;
      if (c.size() >= 2 && (c[0] == 'c' || c[0] == 'C') &&
          absl::SimpleAtoi(absl::string_view(c).substr(1), &n) && n >= 1 &&
          n < kAuthContextValues) {
        out->auth_contexts[n] = true;
      } else {
        ReportUnknownKeyword(
            ctx, Item(base, "includeAuthenticationContextClassReferences", i),
            c, true);
        for (int v = 1; v < kAuthContextValues; ++v) out->auth_contexts[v] = true;
      }
    }
  }
  const pb::Filter& filter = apps.application_filter();
  if (!filter.rule().empty()) {
    absl::Status valid = ValidateAttributeFilterRule(filter.rule());
    if (!valid.ok()) {
      ctx.issues->Error(IssueCode::kBadDeviceFilter,
                        base + "/applicationFilter/rule",
                        std::string(valid.message()));
      return;
    }
    // Requests carry no custom security attributes, so the filter cannot be
    // tested: include mode reads as every app, exclude mode removes none.
    if (filter.mode() == pb::Filter::MODE_EXCLUDE) {
      out->application_filter = FilterMode::kExclude;
    } else {
      out->application_filter = FilterMode::kInclude;
      if (out->target == PolicyTarget::kNone) out->target = PolicyTarget::kApplications;
      if (out->target == PolicyTarget::kApplications) {
        out->apps_all = out->apps_all_direct = true;
      }
    }
    ctx.issues->Warning(IssueCode::kUnsupportedFeature,
                        base + "/applicationFilter",
                        "application filters are not evaluated; read as "
                        "matching every application (fail closed)");
  }
}

template <typename Enum, typename Fn>
bool ForEachEnum(const google::protobuf::RepeatedField<int>& list,
                 const std::string& base, absl::string_view name,
                 TenantContext& ctx, Fn fn) {
  for (int i = 0; i < list.size(); ++i) {
    if (!fn(static_cast<Enum>(list.Get(i)))) {
      ctx.issues->Error(IssueCode::kUnknownEnum, Item(base, name, i),
                        absl::StrCat("unknown value ", list.Get(i), " (D7)"));
      return false;
    }
  }
  return true;
}

void NormalizeClientApps(const pb::ConditionSet& c, const std::string& base,
                         TenantContext& ctx, NormalizedPolicy* out) {
  auto& cond = out->client_app;
  bool all = c.client_app_types_size() == 0;  // spec 4.6: [] = all
  std::array<bool, kClientAppValues> m{};
  ForEachEnum<pb::ClientAppType>(
      c.client_app_types(), base, "clientAppTypes", ctx,
      [&](pb::ClientAppType t) {
        switch (t) {
          case pb::CLIENT_APP_TYPE_ALL: all = true; return true;
          case pb::CLIENT_APP_TYPE_BROWSER: m[static_cast<int>(ClientApp::kBrowser)] = true; return true;
          case pb::CLIENT_APP_TYPE_MOBILE_APPS_AND_DESKTOP_CLIENTS: m[static_cast<int>(ClientApp::kMobileAppsAndDesktopClients)] = true; return true;
          case pb::CLIENT_APP_TYPE_EXCHANGE_ACTIVE_SYNC:
          case pb::CLIENT_APP_TYPE_EAS_SUPPORTED: m[static_cast<int>(ClientApp::kExchangeActiveSync)] = true; return true;
          case pb::CLIENT_APP_TYPE_OTHER: m[static_cast<int>(ClientApp::kOther)] = true; return true;
          default: return false;
        }
      });
  cond.configured = !all;
  if (all) {
    cond.matches.fill(true);
  } else {
    cond.matches = m;
    cond.matches[0] = true;  // not supplied: in scope (fail closed)
  }
}

int PlatformValue(pb::DevicePlatform p) {
  switch (p) {
    case pb::DEVICE_PLATFORM_ANDROID: return static_cast<int>(Platform::kAndroid);
    case pb::DEVICE_PLATFORM_IOS: return static_cast<int>(Platform::kIos);
    case pb::DEVICE_PLATFORM_WINDOWS: return static_cast<int>(Platform::kWindows);
    case pb::DEVICE_PLATFORM_WINDOWS_PHONE: return static_cast<int>(Platform::kWindowsPhone);
    case pb::DEVICE_PLATFORM_MACOS: return static_cast<int>(Platform::kMacOs);
    case pb::DEVICE_PLATFORM_LINUX: return static_cast<int>(Platform::kLinux);
    default: return -1;
  }
}

void NormalizePlatforms(const pb::ConditionSet& c, const std::string& base,
                        TenantContext& ctx, NormalizedPolicy* out) {
  auto& cond = out->platform;
  cond.matches.fill(true);
  if (!c.has_platforms()) return;
  const pb::Platforms& p = c.platforms();
  if (p.include_platforms_size() == 0) {
    if (p.exclude_platforms_size() > 0) {
      ctx.issues->Warning(IssueCode::kInvalidCombination, base + "/platforms",
                          "excludePlatforms without includePlatforms: the "
                          "condition is not configured (D15)");
    }
    return;
  }
  bool include_all = false, exclude_all = false;
  std::array<bool, kPlatformValues> inc{}, exc{};
  auto read = [&](bool* all, std::array<bool, kPlatformValues>* set) {
    return [all, set](pb::DevicePlatform v) {
      if (v == pb::DEVICE_PLATFORM_ALL) { *all = true; return true; }
      int value = PlatformValue(v);
      if (value < 0) return false;
      (*set)[value] = true;
      return true;
    };
  };
  ForEachEnum<pb::DevicePlatform>(p.include_platforms(), base + "/platforms",
                                  "includePlatforms", ctx,
                                  read(&include_all, &inc));
  ForEachEnum<pb::DevicePlatform>(p.exclude_platforms(), base + "/platforms",
                                  "excludePlatforms", ctx,
                                  read(&exclude_all, &exc));
  cond.configured = true;
  for (int v = 1; v < kPlatformValues; ++v) {
    cond.matches[v] = (include_all || inc[v]) && !(exclude_all || exc[v]);
  }
  // Spec 4.7: an unknown platform matches `all` only and is never excluded.
  cond.matches[static_cast<int>(Platform::kUnknown)] = include_all;
  cond.matches[0] = true;  // not supplied: in scope (fail closed)
}

int RiskValue(pb::RiskLevel r) {
  switch (r) {
    case pb::RISK_LEVEL_NONE: return static_cast<int>(RiskLevel::kNoRisk);
    case pb::RISK_LEVEL_LOW: return static_cast<int>(RiskLevel::kLow);
    case pb::RISK_LEVEL_MEDIUM: return static_cast<int>(RiskLevel::kMedium);
    case pb::RISK_LEVEL_HIGH: return static_cast<int>(RiskLevel::kHigh);
    case pb::RISK_LEVEL_HIDDEN: return static_cast<int>(RiskLevel::kHidden);
    default: return -1;
  }
}

void NormalizeRisk(const google::protobuf::RepeatedField<int>& list,
                   const std::string& base, absl::string_view name,
                   TenantContext& ctx, EnumCondition<kRiskValues>* cond) {
  if (list.empty()) {  // spec 4.9: [] = not configured
    cond->matches.fill(true);
    return;
  }
  cond->configured = true;
  ForEachEnum<pb::RiskLevel>(list, base, name, ctx, [&](pb::RiskLevel r) {
    int v = RiskValue(r);
    if (v < 0) return false;
    cond->matches[v] = true;
    return true;
  });
  // Not supplied reads as `none` (no risk detected).
  cond->matches[0] = cond->matches[static_cast<int>(RiskLevel::kNoRisk)];
}

void NormalizeInsiderRisk(const pb::ConditionSet& c, const std::string& base,
                          TenantContext& ctx, NormalizedPolicy* out) {
  auto& cond = out->insider_risk;
  if (c.insider_risk_levels_size() == 0) {  // D15
    cond.matches.fill(true);
    return;
  }
  cond.configured = true;
  ForEachEnum<pb::InsiderRiskLevel>(
      c.insider_risk_levels(), base, "insiderRiskLevels", ctx,
      [&](pb::InsiderRiskLevel r) {
        switch (r) {
          case pb::INSIDER_RISK_LEVEL_MINOR: cond.matches[static_cast<int>(InsiderRisk::kMinor)] = true; return true;
          case pb::INSIDER_RISK_LEVEL_MODERATE: cond.matches[static_cast<int>(InsiderRisk::kModerate)] = true; return true;
          case pb::INSIDER_RISK_LEVEL_ELEVATED: cond.matches[static_cast<int>(InsiderRisk::kElevated)] = true; return true;
          default: return false;
        }
      });
}

void NormalizeFlows(const pb::ConditionSet& c, const std::string& base,
                    TenantContext& ctx, NormalizedPolicy* out) {
  auto& cond = out->flow;
  if (!c.has_authentication_flows() ||
      c.authentication_flows().transfer_methods_size() == 0) {  // D15
    cond.matches.fill(true);
    return;
  }
  cond.configured = true;
  ForEachEnum<pb::TransferMethod>(
      c.authentication_flows().transfer_methods(),
      base + "/authenticationFlows", "transferMethods", ctx,
      [&](pb::TransferMethod m) {
        switch (m) {
          case pb::TRANSFER_METHOD_NONE: return true;  // matches nothing (D15)
          case pb::TRANSFER_METHOD_DEVICE_CODE_FLOW: cond.matches[static_cast<int>(AuthenticationFlow::kDeviceCodeFlow)] = true; return true;
          case pb::TRANSFER_METHOD_AUTHENTICATION_TRANSFER: cond.matches[static_cast<int>(AuthenticationFlow::kAuthenticationTransfer)] = true; return true;
          default: return false;
        }
      });
}

void ReadLocations(const Strings& list, bool include, const std::string& base,
                   absl::string_view name, TenantContext& ctx,
                   NormalizedPolicy* out) {
  std::vector<uint32_t>* target =
      include ? &out->include_locations : &out->exclude_locations;
  for (int i = 0; i < list.size(); ++i) {
    const std::string& text = list.Get(i);
    std::string path = Item(base, name, i);
    Guid guid;
    switch (ClassifyIdToken(text, &guid)) {
      case IdTokenKind::kGuid: {
        auto it = ctx.location_index.find(guid);
        if (it == ctx.location_index.end()) {
          if (ctx.named_locations_exported) {
            ctx.issues->Error(IssueCode::kDanglingReference, path,
                              absl::StrCat("named location ", text,
                                           " does not exist in this tenant"));
          } else {
            // The export has no named locations: the request may be in it.
            // Fail closed: every request is in it for an include, none for
            // an exclude, so the policy applies.
            ctx.issues->Warning(
                IssueCode::kDanglingReference, path,
                absl::StrCat("named location ", text,
                             " is not in the export; read as containing "
                             "every request for includes, none for excludes"));
            if (include) out->location_include_all = true;
          }
        } else {
          target->push_back(it->second);
        }
        break;
      }
      case IdTokenKind::kKeyword:
        if (text == "AllTrusted") {
          target->insert(target->end(), ctx.trusted_locations.begin(),
                         ctx.trusted_locations.end());
        } else if (text == "All") {
          if (include) {
            out->location_include_all = true;
          } else {
            Misplaced(ctx, path, text);
          }
        } else {
          ReportUnknownKeyword(ctx, path, text, include);
          if (include) out->location_include_all = true;
        }
        break;
      case IdTokenKind::kInvalid:
        ReportBadId(ctx, path, text);
        break;
    }
  }
}

void NormalizeLocations(const pb::ConditionSet& c, const std::string& base,
                        TenantContext& ctx, NormalizedPolicy* out) {
  if (!c.has_locations()) return;
  const pb::Locations& l = c.locations();
  if (l.include_locations_size() == 0) {
    if (l.exclude_locations_size() > 0) {
      ctx.issues->Warning(IssueCode::kInvalidCombination, base + "/locations",
                          "excludeLocations without includeLocations: the "
                          "condition is not configured (D15)");
    }
    return;
  }
  out->location_configured = true;
  ReadLocations(l.include_locations(), true, base + "/locations",
                "includeLocations", ctx, out);
  ReadLocations(l.exclude_locations(), false, base + "/locations",
                "excludeLocations", ctx, out);
}

void NormalizeDevices(const pb::ConditionSet& c, const std::string& base,
                      TenantContext& ctx, NormalizedPolicy* out) {
  if (!c.has_devices() || c.devices().device_filter().rule().empty()) return;
  const pb::Filter& f = c.devices().device_filter();
  switch (f.mode()) {
    case pb::Filter::MODE_INCLUDE: out->device_filter_mode = FilterMode::kInclude; break;
    case pb::Filter::MODE_EXCLUDE: out->device_filter_mode = FilterMode::kExclude; break;
    default:
      ctx.issues->Error(IssueCode::kUnknownEnum, base + "/devices/deviceFilter/mode",
                        "deviceFilter needs mode include or exclude");
      return;
  }
  out->device_filter_rule = f.rule();
}

}  // namespace

void NormalizeConditions(const pb::ConditionSet& c,
                         const std::string& policy_path, TenantContext& ctx,
                         NormalizedPolicy* out) {
  const std::string base = policy_path + "/conditions";
  NormalizeUsers(c.users(), base + "/users", ctx, out);
  NormalizeWorkload(c.client_applications(), base + "/clientApplications", ctx, out);
  NormalizeTargets(c.applications(), base + "/applications", ctx, out);
  NormalizeClientApps(c, base, ctx, out);
  NormalizePlatforms(c, base, ctx, out);
  NormalizeLocations(c, base, ctx, out);
  NormalizeDevices(c, base, ctx, out);
  NormalizeRisk(c.sign_in_risk_levels(), base, "signInRiskLevels", ctx, &out->sign_in_risk);
  NormalizeRisk(c.user_risk_levels(), base, "userRiskLevels", ctx, &out->user_risk);
  NormalizeRisk(c.service_principal_risk_levels(), base,
                "servicePrincipalRiskLevels", ctx, &out->service_principal_risk);
  NormalizeInsiderRisk(c, base, ctx, out);
  NormalizeFlows(c, base, ctx, out);
  for (int i = 0; i < c.unsupported_conditions_size(); ++i) {
    ctx.issues->Warning(IssueCode::kUnsupportedFeature,
                        Item(base, "unsupportedConditions", i),
                        absl::StrCat("condition \"", c.unsupported_conditions(i),
                                     "\" is not evaluated; read as matching "
                                     "(fail closed)"));
  }
}

}  // namespace crossgate
