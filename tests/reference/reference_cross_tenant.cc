// THIS CODE SHOULD NEVER BE USED IN PRODUCTION (see reference_evaluator.h).

#include "tests/reference/reference_cross_tenant.h"

#include "absl/strings/str_cat.h"

namespace crossgate {
namespace reference {
namespace {

using policy::v1::B2BSetting;
using policy::v1::CrossTenantAccessSettings;
using policy::v1::CrossTenantAccessTarget;
using policy::v1::CrossTenantAccessTargetConfiguration;
using policy::v1::TenantPolicies;

constexpr char kDefaultCloud[] = "microsoftonline.com";

CrossTenantAccessTargetConfiguration AllTargets(
    CrossTenantAccessTargetConfiguration::AccessType access,
    const char* keyword, CrossTenantAccessTarget::TargetType type) {
  CrossTenantAccessTargetConfiguration c;
  c.set_access_type(access);
  CrossTenantAccessTarget* t = c.add_targets();
  t->set_target(keyword);
  t->set_target_type(type);
  return c;
}

// Section 2.6: the service defaults. Collaboration is allowed for all users
// and apps, direct connect blocked for all.
EffectiveB2BSetting ServiceDefault(bool allowed) {
  auto access = allowed
                    ? CrossTenantAccessTargetConfiguration::ACCESS_TYPE_ALLOWED
                    : CrossTenantAccessTargetConfiguration::ACCESS_TYPE_BLOCKED;
  return {
      AllTargets(access, "AllUsers", CrossTenantAccessTarget::TARGET_TYPE_USER),
      AllTargets(access, "AllApplications",
                 CrossTenantAccessTarget::TARGET_TYPE_APPLICATION)};
}

// The setting named by `field` in a settings message, or null when absent.
using SettingField = const B2BSetting* (*)(const CrossTenantAccessSettings&);

const B2BSetting* CollaborationInbound(const CrossTenantAccessSettings& s) {
  return s.has_b2b_collaboration_inbound() ? &s.b2b_collaboration_inbound()
                                           : nullptr;
}
const B2BSetting* CollaborationOutbound(const CrossTenantAccessSettings& s) {
  return s.has_b2b_collaboration_outbound() ? &s.b2b_collaboration_outbound()
                                            : nullptr;
}
const B2BSetting* DirectConnectInbound(const CrossTenantAccessSettings& s) {
  return s.has_b2b_direct_connect_inbound() ? &s.b2b_direct_connect_inbound()
                                            : nullptr;
}
const B2BSetting* DirectConnectOutbound(const CrossTenantAccessSettings& s) {
  return s.has_b2b_direct_connect_outbound() ? &s.b2b_direct_connect_outbound()
                                             : nullptr;
}

// D1: each half comes from the partner when the partner has it, else from
// the default when the default has it, else from the service default.
EffectiveB2BSetting ResolveB2B(const CrossTenantAccessSettings* partner,
                               const CrossTenantAccessSettings* defaults,
                               SettingField field,
                               const EffectiveB2BSetting& service_default) {
  const B2BSetting* p = partner != nullptr ? field(*partner) : nullptr;
  const B2BSetting* d = defaults != nullptr ? field(*defaults) : nullptr;
  EffectiveB2BSetting out = service_default;
  if (p != nullptr && p->has_users_and_groups()) {
    out.users_and_groups = p->users_and_groups();
  } else if (d != nullptr && d->has_users_and_groups()) {
    out.users_and_groups = d->users_and_groups();
  }
  if (p != nullptr && p->has_applications()) {
    out.applications = p->applications();
  } else if (d != nullptr && d->has_applications()) {
    out.applications = d->applications();
  }
  return out;
}

// D1 for inboundTrust: member by member.
template <typename Has, typename Get>
bool ResolveTrustMember(const CrossTenantAccessSettings* partner,
                        const CrossTenantAccessSettings* defaults, Has has,
                        Get get) {
  if (partner != nullptr && partner->has_inbound_trust() &&
      has(partner->inbound_trust())) {
    return get(partner->inbound_trust());
  }
  if (defaults != nullptr && defaults->has_inbound_trust() &&
      has(defaults->inbound_trust())) {
    return get(defaults->inbound_trust());
  }
  return false;  // 2.6: nothing is trusted by default
}

bool TargetsContainUser(const CrossTenantAccessTargetConfiguration& c,
                        const std::string& user_id,
                        const std::vector<std::string>& group_ids) {
  for (const CrossTenantAccessTarget& t : c.targets()) {
    if (t.target() == "AllUsers") return true;
    if (t.target_type() == CrossTenantAccessTarget::TARGET_TYPE_USER &&
        !user_id.empty() && t.target() == user_id) {
      return true;
    }
    if (t.target_type() == CrossTenantAccessTarget::TARGET_TYPE_GROUP &&
        Contains(group_ids, t.target())) {
      return true;
    }
  }
  return false;
}

bool TargetsContainApp(const CrossTenantAccessTargetConfiguration& c,
                       const std::vector<std::string>& app_ids,
                       const TenantPolicies& set_tenant,
                       const ReferenceOptions& options) {
  for (const CrossTenantAccessTarget& t : c.targets()) {
    if (t.target() == "AllApplications") return true;
    for (const std::string& app : app_ids) {
      if (t.target() == "Office365" || t.target() == "AllMicrosoftApps") {
        if (AppInSet(set_tenant, options, t.target(), app)) return true;
      } else if (t.target_type() ==
                     CrossTenantAccessTarget::TARGET_TYPE_APPLICATION &&
                 t.target() == app) {
        return true;
      }
    }
  }
  return false;
}

// userOK / appOK of section 2.8. An access type other than allowed/blocked
// permits nothing (fail closed).
bool HalfOk(const CrossTenantAccessTargetConfiguration& c, bool in) {
  switch (c.access_type()) {
    case CrossTenantAccessTargetConfiguration::ACCESS_TYPE_ALLOWED:
      return in;
    case CrossTenantAccessTargetConfiguration::ACCESS_TYPE_BLOCKED:
      return !in;
    default:
      return false;
  }
}

std::string CloudOf(const TenantPolicies& t) {
  return t.cloud().empty() ? kDefaultCloud : t.cloud();
}

bool AllowsCloud(const TenantPolicies& t, const std::string& cloud) {
  for (const std::string& c :
       t.cross_tenant_access_policy().allowed_cloud_endpoints()) {
    if (c == cloud) return true;
  }
  return false;
}

}  // namespace

EffectiveCrossTenantSettings EffectiveSettings(
    const TenantPolicies& tenant, const std::string& partner_tenant_id) {
  const policy::v1::CrossTenantAccessPolicy& xtap =
      tenant.cross_tenant_access_policy();
  const CrossTenantAccessSettings* defaults =
      xtap.has_default_configuration() &&
              xtap.default_configuration().has_settings()
          ? &xtap.default_configuration().settings()
          : nullptr;
  const CrossTenantAccessSettings* partner = nullptr;
  EffectiveCrossTenantSettings out;
  for (const policy::v1::CrossTenantAccessPartner& p : xtap.partners()) {
    if (!partner_tenant_id.empty() && p.tenant_id() == partner_tenant_id) {
      out.has_partner = true;
      out.is_service_provider =
          p.has_is_service_provider() && p.is_service_provider();
      if (p.has_settings()) partner = &p.settings();
      break;
    }
  }
  out.collaboration_inbound =
      ResolveB2B(partner, defaults, CollaborationInbound, ServiceDefault(true));
  out.collaboration_outbound = ResolveB2B(
      partner, defaults, CollaborationOutbound, ServiceDefault(true));
  out.direct_connect_inbound = ResolveB2B(
      partner, defaults, DirectConnectInbound, ServiceDefault(false));
  out.direct_connect_outbound = ResolveB2B(
      partner, defaults, DirectConnectOutbound, ServiceDefault(false));
  using policy::v1::InboundTrust;
  out.inbound_trust.mfa = ResolveTrustMember(
      partner, defaults,
      [](const InboundTrust& t) { return t.has_is_mfa_accepted(); },
      [](const InboundTrust& t) { return t.is_mfa_accepted(); });
  out.inbound_trust.compliant_device = ResolveTrustMember(
      partner, defaults,
      [](const InboundTrust& t) {
        return t.has_is_compliant_device_accepted();
      },
      [](const InboundTrust& t) { return t.is_compliant_device_accepted(); });
  out.inbound_trust.hybrid_joined_device = ResolveTrustMember(
      partner, defaults,
      [](const InboundTrust& t) {
        return t.has_is_hybrid_azure_ad_joined_device_accepted();
      },
      [](const InboundTrust& t) {
        return t.is_hybrid_azure_ad_joined_device_accepted();
      });

  // TRv2 (2.12): same shape and inheritance; where neither the partner nor
  // the default configures a half, that half restricts nothing.
  const policy::v1::TenantRestrictions* ptr =
      partner != nullptr && partner->has_tenant_restrictions()
          ? &partner->tenant_restrictions()
          : nullptr;
  const policy::v1::TenantRestrictions* dtr =
      defaults != nullptr && defaults->has_tenant_restrictions()
          ? &defaults->tenant_restrictions()
          : nullptr;
  // Spec 2.6 "all access settings disabled by default": a tenant that sends
  // the TRv2 signal without a policy blocks every external identity.
  out.tenant_restrictions = ServiceDefault(false);
  if (ptr != nullptr && ptr->has_users_and_groups()) {
    out.tenant_restrictions.users_and_groups = ptr->users_and_groups();
    out.tenant_restrictions_configured = true;
  } else if (dtr != nullptr && dtr->has_users_and_groups()) {
    out.tenant_restrictions.users_and_groups = dtr->users_and_groups();
    out.tenant_restrictions_configured = true;
  }
  if (ptr != nullptr && ptr->has_applications()) {
    out.tenant_restrictions.applications = ptr->applications();
    out.tenant_restrictions_configured = true;
  } else if (dtr != nullptr && dtr->has_applications()) {
    out.tenant_restrictions.applications = dtr->applications();
    out.tenant_restrictions_configured = true;
  }
  return out;
}

bool B2BSettingPermits(const EffectiveB2BSetting& s, const std::string& user_id,
                       const std::vector<std::string>& group_ids,
                       const std::vector<std::string>& app_ids,
                       const TenantPolicies& set_tenant,
                       const ReferenceOptions& options) {
  const bool in_u = TargetsContainUser(s.users_and_groups, user_id, group_ids);
  const bool in_a =
      TargetsContainApp(s.applications, app_ids, set_tenant, options);
  using AT = CrossTenantAccessTargetConfiguration;
  // The one formula that reproduces the nine rows of section 2.8: block/block
  // blocks only the intersection.
  if (s.users_and_groups.access_type() == AT::ACCESS_TYPE_BLOCKED &&
      s.applications.access_type() == AT::ACCESS_TYPE_BLOCKED) {
    return !(in_u && in_a);
  }
  return HalfOk(s.users_and_groups, in_u) && HalfOk(s.applications, in_a);
}

StageVerdict EvaluateCrossTenantAccess(const RequestContext& ctx) {
  StageVerdict v;
  if (!ctx.external_entra) return v;  // D3: non-Entra and internal skip XTAP
  const uint32_t t = ctx.types;
  const bool direct_connect = (t & kB2bDirectConnectUser) != 0;
  // D3; an external Entra principal without any type is read as a
  // collaboration user (fail closed: it is checked rather than skipped).
  const bool collaboration =
      (t & (kB2bCollaborationGuest | kB2bCollaborationMember |
            kOtherExternalUser)) != 0 ||
      (t & ~static_cast<uint32_t>(kInternalGuest)) == 0;
  if (!direct_connect && !collaboration) return v;  // serviceProvider only

  std::vector<std::string> apps;
  if (!ctx.application_id.empty()) apps.push_back(ctx.application_id);
  if (!ctx.client_application_id.empty()) {
    apps.push_back(ctx.client_application_id);
  }

  // Cross-cloud (2.9): both tenants must enable each other's cloud and name
  // each other as partners. Decidable only when both are in the bundle.
  if (ctx.home != nullptr && CloudOf(*ctx.home) != CloudOf(*ctx.tenant)) {
    const bool ok =
        AllowsCloud(*ctx.tenant, CloudOf(*ctx.home)) &&
        AllowsCloud(*ctx.home, CloudOf(*ctx.tenant)) &&
        EffectiveSettings(*ctx.tenant, ctx.home_tenant_id).has_partner &&
        EffectiveSettings(*ctx.home, ctx.resource_tenant_id).has_partner;
    if (!ok) {
      v.permitted = false;
      v.reason = "cross-tenant access: cross-cloud collaboration not enabled";
      return v;
    }
  }

  const EffectiveCrossTenantSettings in =
      EffectiveSettings(*ctx.tenant, ctx.home_tenant_id);
  struct Check {
    bool applies;
    const char* name;
    const EffectiveB2BSetting* inbound;
  };
  const Check checks[] = {
      {direct_connect, "b2bDirectConnect", &in.direct_connect_inbound},
      {collaboration, "b2bCollaboration", &in.collaboration_inbound},
  };
  for (const Check& c : checks) {
    if (!c.applies) continue;
    if (!B2BSettingPermits(*c.inbound, ctx.home_user_id, ctx.home_groups, apps,
                           *ctx.tenant, *ctx.options)) {
      v.permitted = false;
      v.reason = absl::StrCat("cross-tenant access: resource tenant ", c.name,
                              "Inbound");
      return v;
    }
    if (ctx.home == nullptr) {
      v.notes.push_back("home outbound not evaluated");  // D2
      continue;
    }
    const EffectiveCrossTenantSettings out =
        EffectiveSettings(*ctx.home, ctx.resource_tenant_id);
    const EffectiveB2BSetting& outbound =
        c.inbound == &in.direct_connect_inbound ? out.direct_connect_outbound
                                                : out.collaboration_outbound;
    if (!B2BSettingPermits(outbound, ctx.home_user_id, ctx.home_groups, apps,
                           *ctx.home, *ctx.options)) {
      v.permitted = false;
      v.reason =
          absl::StrCat("cross-tenant access: home tenant ", c.name, "Outbound");
      return v;
    }
  }
  return v;
}

StageVerdict EvaluateTenantRestrictions(const RequestContext& ctx) {
  StageVerdict v;
  const Request& req = *ctx.request;
  if (!req.tenant_restrictions_signal || ctx.is_service_principal) return v;
  const std::string owner = FormatGuid(req.tenant_restrictions_tenant_id);
  const TenantPolicies* owner_tenant = FindTenant(*ctx.bundle, owner);
  if (owner_tenant == nullptr) {
    // Fail closed: the signal names a policy the bundle does not hold.
    v.permitted = false;
    v.reason = "tenant restrictions: signalled tenant not in bundle";
    return v;
  }
  // The identity's tenant and its ids there.
  const bool foreign = !ctx.home_tenant_id.empty() &&
                       ctx.home_tenant_id != ctx.resource_tenant_id;
  const std::string identity_tenant =
      foreign ? ctx.home_tenant_id : ctx.resource_tenant_id;
  // The owner's own identities, and sign-ins to the owner itself (its
  // inbound settings govern those), are not restricted.
  if (identity_tenant == owner || ctx.resource_tenant_id == owner) return v;
  // The external tenant is the one signed in to (spec 2.12: its identities
  // and its apps).
  const EffectiveCrossTenantSettings eff =
      EffectiveSettings(*owner_tenant, ctx.resource_tenant_id);
  std::vector<std::string> apps;
  if (!ctx.application_id.empty()) apps.push_back(ctx.application_id);
  if (!ctx.client_application_id.empty()) {
    apps.push_back(ctx.client_application_id);
  }
  if (!B2BSettingPermits(eff.tenant_restrictions, ctx.principal_id, ctx.groups,
                         apps,
                         *owner_tenant, *ctx.options)) {
    v.permitted = false;
    v.reason = "tenant restrictions: blocked by the signalled tenant's policy";
  }
  return v;
}

}  // namespace reference
}  // namespace crossgate
