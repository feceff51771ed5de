// THIS CODE SHOULD NEVER BE USED IN PRODUCTION (see reference_evaluator.h).

#include "tests/reference/reference_conditions.h"

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "lib/model/cidr.h"
#include "lib/model/guid.h"

namespace crossgate {
namespace reference {
namespace {

using policy::v1::ConditionalAccessPolicy;
using policy::v1::ConditionSet;
using policy::v1::GuestsOrExternalUsers;
using policy::v1::NamedLocation;

constexpr char kZeroGuid[] = "00000000-0000-0000-0000-000000000000";

bool IsGuid(const std::string& s) { return ParseGuid(s).has_value(); }

template <typename List>
bool ListContains(const List& list, const std::string& value) {
  for (const auto& s : list) {
    if (s == value) return true;
  }
  return false;
}

// D7: a keyword the reference does not know matches everything in an
// include list and nothing in an exclude list. Known keywords are the
// caller's; any other non-GUID string is such an unknown keyword.
template <typename List>
bool HasUnknownKeyword(const List& list,
                       std::initializer_list<const char*> known) {
  for (const std::string& s : list) {
    if (IsGuid(s)) continue;
    bool is_known = false;
    for (const char* k : known) is_known = is_known || s == k;
    if (!is_known) return true;
  }
  return false;
}

template <typename List>
bool AnyIn(const List& list, const std::vector<std::string>& values) {
  for (const std::string& v : values) {
    if (ListContains(list, v)) return true;
  }
  return false;
}

// Which proto guest types the principal carries.
bool CarriesType(uint32_t types, policy::v1::GuestOrExternalUserType t) {
  using G = policy::v1::GuestOrExternalUserType;
  switch (t) {
    case G::GUEST_OR_EXTERNAL_USER_TYPE_INTERNAL_GUEST:
      return types & kInternalGuest;
    case G::GUEST_OR_EXTERNAL_USER_TYPE_B2B_COLLABORATION_GUEST:
      return types & kB2bCollaborationGuest;
    case G::GUEST_OR_EXTERNAL_USER_TYPE_B2B_COLLABORATION_MEMBER:
      return types & kB2bCollaborationMember;
    case G::GUEST_OR_EXTERNAL_USER_TYPE_B2B_DIRECT_CONNECT_USER:
      return types & kB2bDirectConnectUser;
    case G::GUEST_OR_EXTERNAL_USER_TYPE_OTHER_EXTERNAL_USER:
      return types & kOtherExternalUser;
    case G::GUEST_OR_EXTERNAL_USER_TYPE_SERVICE_PROVIDER:
      return types & kServiceProvider;
    default:
      return false;  // `none` selects nobody
  }
}

// conditionalAccessGuestsOrExternalUsers (4.3): the principal carries a
// selected type and, unless that type is internalGuest (D8), its home tenant
// passes the externalTenants filter.
bool GuestsMatch(const GuestsOrExternalUsers& g, const RequestContext& ctx) {
  bool tenant_ok = true;
  if (g.has_external_tenants() &&
      g.external_tenants_membership_kind() ==
          GuestsOrExternalUsers::MEMBERSHIP_KIND_ENUMERATED) {
    tenant_ok = ListContains(g.external_tenant_ids(), ctx.home_tenant_id);
  }
  for (int t : g.guest_or_external_user_types()) {
    auto type = static_cast<policy::v1::GuestOrExternalUserType>(t);
    if (!CarriesType(ctx.types, type)) continue;
    if (type == policy::v1::GUEST_OR_EXTERNAL_USER_TYPE_INTERNAL_GUEST) {
      return true;
    }
    if (tenant_ok) return true;
  }
  return false;
}

bool IsGuestOrExternal(const RequestContext& ctx) {
  return ctx.types != 0 || ctx.external_entra ||
         ctx.claim_context == ClaimContext::kNonEntraExternal;
}

// One named-location id (or keyword) against the request (4.8, D16).
// Whether a location is being tested for an include list or an exclude list:
// a request without an IP address could come from anywhere, so (fail closed)
// it is inside every non-empty IP location for inclusion and inside none for
// exclusion.
enum class Side { kInclude, kExclude };

bool InLocation(const std::string& id, const RequestContext& ctx, Side side);

bool IpInRanges(const std::vector<std::string>& cidrs, const Request& req,
                Side side) {
  if (!req.has_ip) return side == Side::kInclude && !cidrs.empty();
  for (const std::string& text : cidrs) {
    absl::optional<Cidr> cidr = ParseCidr(text);
    if (cidr.has_value()) {
      if (cidr->Contains(req.ip)) return true;
      continue;
    }
    absl::optional<IpAddress> ip = ParseIpAddress(text);  // a bare address
    if (ip.has_value() && *ip == req.ip) return true;
  }
  return false;
}

bool InNamedLocation(const NamedLocation& loc, const Request& req, Side side) {
  if (loc.has_ip()) {
    std::vector<std::string> cidrs;
    for (const auto& r : loc.ip().ip_ranges())
      cidrs.push_back(r.cidr_address());
    return IpInRanges(cidrs, req, side);
  }
  if (loc.has_country()) {
    const auto& c = loc.country();
    const char* code = c.country_lookup_method() ==
                               policy::v1::CountryNamedLocation::
                                   LOOKUP_METHOD_AUTHENTICATOR_APP_GPS
                           ? req.gps_country
                           : req.country;
    if (code[0] == 0 && code[1] == 0) {
      return c.include_unknown_countries_and_regions();
    }
    return ListContains(c.countries_and_regions(), std::string(code, 2));
  }
  if (loc.has_compliant_network()) return req.compliant_network;
  return false;
}

bool InLocation(const std::string& id, const RequestContext& ctx, Side side) {
  const Request& req = *ctx.request;
  const auto& tenant = *ctx.tenant;
  if (id == kZeroGuid) {  // D16: the MFA trusted IPs
    std::vector<std::string> ips(tenant.mfa_trusted_ips().begin(),
                                 tenant.mfa_trusted_ips().end());
    return IpInRanges(ips, req, side);
  }
  if (id == "AllTrusted") {
    // D16: trusted IP locations, compliant-network locations, MFA trusted IPs.
    for (const NamedLocation& loc : tenant.named_locations()) {
      const bool trusted = (loc.has_ip() && loc.ip().is_trusted()) ||
                           loc.has_compliant_network();
      if (trusted && InNamedLocation(loc, req, side)) return true;
    }
    return InLocation(kZeroGuid, ctx, side);
  }
  for (const NamedLocation& loc : tenant.named_locations()) {
    if (loc.id() == id) return InNamedLocation(loc, req, side);
  }
  // An id the tenant does not define (the loader lets this through only
  // when the export has no named locations): fail closed, in it for an
  // include, not for an exclude.
  return side == Side::kInclude;
}

policy::v1::RiskLevel ToProto(RiskLevel level) {
  switch (level) {
    case RiskLevel::kLow:
      return policy::v1::RISK_LEVEL_LOW;
    case RiskLevel::kMedium:
      return policy::v1::RISK_LEVEL_MEDIUM;
    case RiskLevel::kHigh:
      return policy::v1::RISK_LEVEL_HIGH;
    case RiskLevel::kHidden:
      return policy::v1::RISK_LEVEL_HIDDEN;
    case RiskLevel::kUnspecified:  // read as `none`
    case RiskLevel::kNoRisk:
      return policy::v1::RISK_LEVEL_NONE;
  }
  return policy::v1::RISK_LEVEL_NONE;
}

// 4.9: an empty list is no condition; otherwise the request's level must be
// listed.
template <typename List>
bool RiskMatch(const List& levels, RiskLevel level) {
  if (levels.empty()) return true;
  for (int l : levels) {
    if (l == ToProto(level)) return true;
  }
  return false;
}

bool InsiderRiskMatch(const ConditionSet& c, const Request& req) {
  if (c.insider_risk_levels().empty()) return true;  // D15
  policy::v1::InsiderRiskLevel want;
  switch (req.insider_risk) {
    case InsiderRisk::kMinor:
      want = policy::v1::INSIDER_RISK_LEVEL_MINOR;
      break;
    case InsiderRisk::kModerate:
      want = policy::v1::INSIDER_RISK_LEVEL_MODERATE;
      break;
    case InsiderRisk::kElevated:
      want = policy::v1::INSIDER_RISK_LEVEL_ELEVATED;
      break;
    default:
      return false;  // no insider-risk signal matches no level
  }
  for (int l : c.insider_risk_levels()) {
    if (l == want) return true;
  }
  return false;
}

// D12: a guest's device is visible only when the resource tenant trusts the
// home tenant's device claims; otherwise it is an unregistered device.
const device_filter::DeviceAttributes* VisibleDevice(
    const RequestContext& ctx) {
  switch (ctx.claim_context) {
    case ClaimContext::kMember:
    case ClaimContext::kServicePrincipal:
      return ctx.request->device;
    case ClaimContext::kEntraCollaboration:
    case ClaimContext::kEntraDirectConnect:
      return ctx.trust.compliant_device || ctx.trust.hybrid_joined_device
                 ? ctx.request->device
                 : nullptr;
    case ClaimContext::kNonEntraExternal:
      return nullptr;
  }
  return nullptr;
}

}  // namespace

bool UsersMatch(const policy::v1::Users& u, const RequestContext& ctx) {
  const std::string& id = ctx.principal_id;
  const bool guest = IsGuestOrExternal(ctx);
  bool included =
      ListContains(u.include_users(), "All") ||  // D8: direct connect too
      (!id.empty() && ListContains(u.include_users(), id)) ||
      (guest && ListContains(u.include_users(), "GuestsOrExternalUsers")) ||
      HasUnknownKeyword(u.include_users(),
                        {"All", "None", "GuestsOrExternalUsers"}) ||
      AnyIn(u.include_groups(), ctx.groups) ||
      HasUnknownKeyword(u.include_groups(), {}) ||
      AnyIn(u.include_roles(), ctx.roles) ||
      HasUnknownKeyword(u.include_roles(), {}) ||
      (u.has_include_guests_or_external_users() &&
       GuestsMatch(u.include_guests_or_external_users(), ctx));
  bool excluded =
      (!id.empty() && ListContains(u.exclude_users(), id)) ||
      (guest && ListContains(u.exclude_users(), "GuestsOrExternalUsers")) ||
      AnyIn(u.exclude_groups(), ctx.groups) ||
      AnyIn(u.exclude_roles(), ctx.roles) ||
      (u.has_exclude_guests_or_external_users() &&
       GuestsMatch(u.exclude_guests_or_external_users(), ctx));
  return included && !excluded;  // exclusion wins (4.3)
}

bool WorkloadIdentityMatch(const policy::v1::ClientApplications& c,
                           const RequestContext& ctx) {
  const std::string& id = ctx.principal_id;
  // 4.5: `ServicePrincipalsInMyTenant` names every service principal of the
  // tenant, which a request's principal is.
  bool included =
      ListContains(c.include_service_principals(),
                   "ServicePrincipalsInMyTenant") ||
      (!id.empty() && ListContains(c.include_service_principals(), id)) ||
      HasUnknownKeyword(c.include_service_principals(),
                        {"ServicePrincipalsInMyTenant"});
  bool excluded =
      ListContains(c.exclude_service_principals(),
                   "ServicePrincipalsInMyTenant") ||
      (!id.empty() && ListContains(c.exclude_service_principals(), id));
  return included && !excluded;
}

bool ResourceMatch(const policy::v1::Applications& a,
                   const RequestContext& ctx) {
  const Request& req = *ctx.request;
  switch (req.target_kind) {
    case TargetKind::kUserAction: {
      const char* urn = req.user_action == UserAction::kRegisterSecurityInfo
                            ? "urn:user:registersecurityinfo"
                        : req.user_action == UserAction::kRegisterDevice
                            ? "urn:user:registerdevice"
                            : nullptr;
      if (urn == nullptr) return false;
      for (const std::string& s : a.include_user_actions()) {
        if (absl::EqualsIgnoreCase(s, urn)) return true;
      }
      return false;
    }
    case TargetKind::kAuthenticationContext: {
      if (req.authentication_context == 0) return false;
      const std::string want = absl::StrCat("c", req.authentication_context);
      return ListContains(a.include_authentication_context_class_references(),
                          want);
    }
    case TargetKind::kUnspecified:
    case TargetKind::kApplication:
      break;
  }
  // 4.4: the resource app; sets expand through the app-set table (D18); an
  // application filter (custom security attributes) is not evaluated and
  // reads as matching.
  const std::string& app = ctx.application_id;
  auto in_list = [&](const auto& list, bool include) {
    for (const std::string& s : list) {
      if (include && s == "All") return true;
      if (s == "Office365" || s == "MicrosoftAdminPortals" ||
          s == "AllMicrosoftApps") {
        if (!app.empty() && AppInSet(*ctx.tenant, *ctx.options, s, app)) {
          return true;
        }
        continue;
      }
      if (s == "All" || s == "None") continue;
      if (!IsGuid(s)) {
        if (include) return true;  // D7 unknown keyword
        continue;
      }
      if (!app.empty() && s == app) return true;
    }
    return false;
  };
  return in_list(a.include_applications(), true) &&
         !in_list(a.exclude_applications(), false);
}

bool PlatformMatch(const ConditionSet& c, const RequestContext& ctx) {
  if (!c.has_platforms() || c.platforms().include_platforms().empty()) {
    return true;  // 5.2 / D15
  }
  // A request that does not say its platform is in scope of every platform
  // condition (fail closed: the policy's controls apply).
  if (ctx.request->platform == Platform::kUnspecified) return true;
  policy::v1::DevicePlatform p = policy::v1::DEVICE_PLATFORM_UNSPECIFIED;
  switch (ctx.request->platform) {
    case Platform::kAndroid:
      p = policy::v1::DEVICE_PLATFORM_ANDROID;
      break;
    case Platform::kIos:
      p = policy::v1::DEVICE_PLATFORM_IOS;
      break;
    case Platform::kWindows:
      p = policy::v1::DEVICE_PLATFORM_WINDOWS;
      break;
    case Platform::kWindowsPhone:
      p = policy::v1::DEVICE_PLATFORM_WINDOWS_PHONE;
      break;
    case Platform::kMacOs:
      p = policy::v1::DEVICE_PLATFORM_MACOS;
      break;
    case Platform::kLinux:
      p = policy::v1::DEVICE_PLATFORM_LINUX;
      break;
    case Platform::kUnspecified:
    case Platform::kUnknown:
      break;
  }
  // 4.7: an unknown platform matches `all` and is never excluded.
  bool included = false, excluded = false;
  for (int i : c.platforms().include_platforms()) {
    included = included || i == policy::v1::DEVICE_PLATFORM_ALL ||
               (p != policy::v1::DEVICE_PLATFORM_UNSPECIFIED && i == p);
  }
  if (p != policy::v1::DEVICE_PLATFORM_UNSPECIFIED) {
    for (int e : c.platforms().exclude_platforms()) {
      excluded = excluded || e == policy::v1::DEVICE_PLATFORM_ALL || e == p;
    }
  }
  return included && !excluded;
}

bool ClientAppMatch(const ConditionSet& c, const RequestContext& ctx) {
  if (c.client_app_types().empty()) return true;  // 4.6: since Aug 2020
  // A request that does not say its client app is in scope of every
  // client-app condition (fail closed).
  if (ctx.request->client_app == ClientApp::kUnspecified) return true;
  for (int t : c.client_app_types()) {
    switch (ctx.request->client_app) {
      case ClientApp::kBrowser:
        if (t == policy::v1::CLIENT_APP_TYPE_BROWSER) return true;
        break;
      case ClientApp::kMobileAppsAndDesktopClients:
        if (t == policy::v1::CLIENT_APP_TYPE_MOBILE_APPS_AND_DESKTOP_CLIENTS) {
          return true;
        }
        break;
      case ClientApp::kExchangeActiveSync:
        if (t == policy::v1::CLIENT_APP_TYPE_EXCHANGE_ACTIVE_SYNC ||
            t == policy::v1::CLIENT_APP_TYPE_EAS_SUPPORTED) {
          return true;
        }
        break;
      case ClientApp::kOther:
        if (t == policy::v1::CLIENT_APP_TYPE_OTHER) return true;
        break;
      case ClientApp::kUnspecified:
        break;
    }
    if (t == policy::v1::CLIENT_APP_TYPE_ALL) return true;
  }
  return false;
}

bool LocationMatch(const ConditionSet& c, const RequestContext& ctx) {
  if (!c.has_locations() || c.locations().include_locations().empty()) {
    return true;  // 5.2 / D15
  }
  bool included = false, excluded = false;
  for (const std::string& id : c.locations().include_locations()) {
    if (id == "All") {
      included = true;  // any IP on the internet
    } else if (id != "AllTrusted" && !IsGuid(id)) {
      included = true;  // D7 unknown keyword
    } else {
      included = included || InLocation(id, ctx, Side::kInclude);
    }
  }
  for (const std::string& id : c.locations().exclude_locations()) {
    if (id == "All") {
      excluded = true;
    } else if (id == "AllTrusted" || IsGuid(id)) {
      excluded = excluded || InLocation(id, ctx, Side::kExclude);
    }
  }
  return included && !excluded;
}

bool AuthenticationFlowMatch(const ConditionSet& c, const RequestContext& ctx) {
  if (!c.has_authentication_flows() ||
      c.authentication_flows().transfer_methods().empty()) {
    return true;  // D15
  }
  policy::v1::TransferMethod want;
  switch (ctx.request->authentication_flow) {
    case AuthenticationFlow::kDeviceCodeFlow:
      want = policy::v1::TRANSFER_METHOD_DEVICE_CODE_FLOW;
      break;
    case AuthenticationFlow::kAuthenticationTransfer:
      want = policy::v1::TRANSFER_METHOD_AUTHENTICATION_TRANSFER;
      break;
    default:
      return false;  // an ordinary sign-in uses no transfer method
  }
  for (int m : c.authentication_flows().transfer_methods()) {
    if (m == want) return true;  // `none` matches no request (D15)
  }
  return false;
}

Applicability PolicyApplies(const ConditionalAccessPolicy& policy,
                            const RequestContext& ctx) {
  Applicability out;
  const ConditionSet& c = policy.conditions();
  auto fail = [&out](WhatIfReason r) {
    out.applies = false;
    out.reason = r;
    return out;
  };

  // Users or workload identities (4.3, 4.5). A user request needs a user
  // assignment; a service-principal request a workload-identity assignment.
  if (ctx.is_service_principal) {
    if (!c.has_client_applications() ||
        !WorkloadIdentityMatch(c.client_applications(), ctx)) {
      return fail(WhatIfReason::kWorkloadIdentities);
    }
  } else if (!c.has_users() || !UsersMatch(c.users(), ctx)) {
    return fail(WhatIfReason::kUsers);
  }
  if (!RiskMatch(c.service_principal_risk_levels(),
                 ctx.request->service_principal_risk)) {
    return fail(WhatIfReason::kWorkloadIdentities);
  }

  // Target resource (4.4), named by the kind of target the request has.
  if (!c.has_applications() || !ResourceMatch(c.applications(), ctx)) {
    switch (ctx.request->target_kind) {
      case TargetKind::kUserAction:
        return fail(WhatIfReason::kUserActions);
      case TargetKind::kAuthenticationContext:
        return fail(WhatIfReason::kAuthenticationContext);
      default:
        return fail(WhatIfReason::kApplication);
    }
  }

  if (!PlatformMatch(c, ctx)) return fail(WhatIfReason::kDevicePlatform);

  // Filter for devices (4.10), through the library's filter evaluator.
  if (c.has_devices() && c.devices().has_device_filter() &&
      !c.devices().device_filter().rule().empty()) {
    const policy::v1::Filter& f = c.devices().device_filter();
    if (!ctx.options->device_filter) {
      out.error = "device filter present but no matcher configured";
      return out;
    }
    absl::StatusOr<bool> m =
        ctx.options->device_filter(f.rule(), VisibleDevice(ctx));
    if (!m.ok()) {
      out.error = absl::StrCat("device filter: ", m.status().ToString());
      return out;
    }
    const bool applies =
        f.mode() == policy::v1::Filter::MODE_EXCLUDE ? !*m : *m;
    if (!applies) return fail(WhatIfReason::kDevices);
  }

  if (!ClientAppMatch(c, ctx)) return fail(WhatIfReason::kClientApps);
  if (!LocationMatch(c, ctx)) return fail(WhatIfReason::kLocation);
  if (!RiskMatch(c.sign_in_risk_levels(), ctx.request->sign_in_risk)) {
    return fail(WhatIfReason::kSignInRisk);
  }
  if (!RiskMatch(c.user_risk_levels(), ctx.request->user_risk)) {
    return fail(WhatIfReason::kUserRisk);
  }
  if (!InsiderRiskMatch(c, *ctx.request))
    return fail(WhatIfReason::kInsiderRisk);
  if (!AuthenticationFlowMatch(c, ctx)) {
    return fail(WhatIfReason::kAuthenticationFlow);
  }
  // Conditions the model lists as unsupported read as matching (the policy's
  // controls still apply: the fail-closed reading).
  out.applies = true;
  return out;
}

}  // namespace reference
}  // namespace crossgate
