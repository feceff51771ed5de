#include "lib/cross_tenant/cross_tenant_stage.h"

#include "lib/cross_tenant/b2b_setting.h"

namespace crossgate::cross_tenant {
namespace {

constexpr uint32_t kCollaborationBits =
    kB2bCollaborationGuest | kB2bCollaborationMember | kOtherExternalUser;

void Block(CrossTenantResult* out, Stage stage, CrossTenantReason reason,
           XtapSide side, const Guid& config_tenant, XtapSetting setting) {
  out->allowed = false;
  out->stage = stage;
  out->reason = reason;
  out->side = side;
  out->config_tenant_id = config_tenant;
  out->setting = setting;
}

void Allow(CrossTenantResult* out, CrossTenantReason reason) {
  out->allowed = true;
  out->stage = Stage::kCrossTenantAccess;
  out->reason = reason;
}

// Evaluates one B2B-shaped setting of `config` (tenant `tenant`) and, on a
// denial, fills `out`. Returns whether it permitted.
bool Check(const CompiledCrossTenantAccess& tenant,
           const EffectiveConfiguration& config, XtapSetting which,
           XtapSide side, Stage stage, const B2BSubject& subject,
           CrossTenantResult* out) {
  const B2BVerdict v =
      EvaluateB2BSetting(config.setting(which), tenant.app_sets(), subject);
  if (v.permitted) return true;
  Block(out, stage, v.reason, side, tenant.tenant_id(), which);
  out->source = config.source;
  out->origin = v.origin;
  out->half = v.half;
  return false;
}

// Step 1: TRv2 (spec 2.12). Returns false when it blocked.
bool CheckTenantRestrictions(const CompiledCrossTenantAccess* home,
                             const CompiledCrossTenantAccess* restricting,
                             const Request& request, CrossTenantResult* out) {
  // TRv2 restricts user identities; workload identities are out of scope.
  if (!request.tenant_restrictions_signal ||
      request.principal_kind == PrincipalKind::kServicePrincipal) {
    return true;
  }
  const Guid& t = request.tenant_restrictions_tenant_id;
  if (t.is_zero()) {
    Block(out, Stage::kTenantRestrictions,
          CrossTenantReason::kTenantRestrictionsSignalWithoutTenant,
          XtapSide::kRestrictingTenant, t, XtapSetting::kTenantRestrictions);
    return false;
  }
  // TRv2 restricts the *external* identities used on T's network or
  // devices (spec 2.12): the identity's tenant is the home tenant for an
  // external user, else the resource tenant. T's own identities pass.
  const bool foreign = !request.home_tenant_id.is_zero() &&
                       request.home_tenant_id != request.resource_tenant_id;
  const Guid& identity_tenant =
      foreign ? request.home_tenant_id : request.resource_tenant_id;
  // Signing in to T itself is governed by T's inbound settings, not TRv2.
  if (t == identity_tenant || t == request.resource_tenant_id) return true;
  if (restricting == nullptr) {
    if (home != nullptr && home->tenant_id() == t) restricting = home;
  }
  if (restricting == nullptr) {
    Block(out, Stage::kTenantRestrictions,
          CrossTenantReason::kTenantRestrictionsPolicyUnavailable,
          XtapSide::kRestrictingTenant, t, XtapSetting::kTenantRestrictions);
    return false;
  }
  if (restricting->tenant_id() != t) {
    Block(out, Stage::kInternal, CrossTenantReason::kTenantMismatch,
          XtapSide::kRestrictingTenant, restricting->tenant_id(),
          XtapSetting::kTenantRestrictions);
    return false;
  }
  out->tenant_restrictions_evaluated = true;
  // "The users are the external tenant's identities and the apps are the
  // external tenant's apps" (spec 2.12, inferred): the external tenant is
  // the one signed in to, the principal as that tenant knows it.
  const B2BSubject subject{request.principal_id, request.groups,
                           request.application_id,
                           request.client_application_id};
  return Check(*restricting, restricting->ForPartner(request.resource_tenant_id),
               XtapSetting::kTenantRestrictions, XtapSide::kRestrictingTenant,
               Stage::kTenantRestrictions, subject, out);
}

// Step 3: cross-cloud (spec 2.1, 2.9). Returns false when it blocked.
bool CheckClouds(const CompiledCrossTenantAccess& resource,
                 const CompiledCrossTenantAccess* home, const Guid& h,
                 bool direct_connect, CrossTenantResult* out) {
  const Cloud rc = resource.cloud();
  const Cloud hc = home != nullptr ? home->cloud() : rc;
  if (SameCloud(rc, hc)) return true;
  const Guid& r = resource.tenant_id();
  if (direct_connect) {
    Block(out, Stage::kCrossTenantAccess,
          CrossTenantReason::kCrossCloudDirectConnectUnsupported,
          XtapSide::kResourceTenant, r, XtapSetting::kAllowedCloudEndpoints);
    return false;
  }
  if (!resource.AllowsCloud(hc)) {
    Block(out, Stage::kCrossTenantAccess, CrossTenantReason::kCloudNotAllowed,
          XtapSide::kResourceTenant, r, XtapSetting::kAllowedCloudEndpoints);
    return false;
  }
  if (resource.FindPartner(h) == nullptr) {
    Block(out, Stage::kCrossTenantAccess,
          CrossTenantReason::kCrossCloudRequiresPartnerEntry,
          XtapSide::kResourceTenant, r, XtapSetting::kPartners);
    return false;
  }
  if (home == nullptr) return true;  // unreachable: hc == rc without H
  if (!home->AllowsCloud(rc)) {
    Block(out, Stage::kCrossTenantAccess, CrossTenantReason::kCloudNotAllowed,
          XtapSide::kHomeTenant, h, XtapSetting::kAllowedCloudEndpoints);
    return false;
  }
  if (home->FindPartner(r) == nullptr) {
    Block(out, Stage::kCrossTenantAccess,
          CrossTenantReason::kCrossCloudRequiresPartnerEntry,
          XtapSide::kHomeTenant, h, XtapSetting::kPartners);
    return false;
  }
  return true;
}

}  // namespace

absl::string_view B2bAccessKindName(B2bAccessKind kind) {
  switch (kind) {
    case B2bAccessKind::kNone:
      return "none";
    case B2bAccessKind::kCollaboration:
      return "b2bCollaboration";
    case B2bAccessKind::kDirectConnect:
      return "b2bDirectConnect";
    case B2bAccessKind::kBoth:
      return "b2bCollaboration+b2bDirectConnect";
  }
  return "unknown";
}

uint32_t AdditionalUserTypeBits(const CompiledCrossTenantAccess& resource,
                                const Request& request) noexcept {
  const Guid& h = request.home_tenant_id;
  if (h.is_zero() || h == request.resource_tenant_id) return 0;
  const EffectiveConfiguration* entry = resource.FindPartner(h);
  return entry != nullptr && !entry->invalid && entry->is_service_provider
             ? static_cast<uint32_t>(kServiceProvider)
             : 0u;
}

void EvaluateCrossTenant(const CompiledCrossTenantAccess& resource,
                         const CompiledCrossTenantAccess* home,
                         const CompiledCrossTenantAccess* restricting,
                         const Request& request,
                         CrossTenantResult* out) noexcept {
  if (out == nullptr) return;
  *out = CrossTenantResult();
  const Guid& r = resource.tenant_id();
  if (r != request.resource_tenant_id) {
    Block(out, Stage::kInternal, CrossTenantReason::kTenantMismatch,
          XtapSide::kResourceTenant, r, XtapSetting::kNone);
    return;
  }
  out->extra_user_type_bits = AdditionalUserTypeBits(resource, request);

  if (!CheckTenantRestrictions(home, restricting, request, out)) {
    return;
  }

  // Step 2: applicability (D3).
  if (request.principal_kind == PrincipalKind::kServicePrincipal) {
    Allow(out, CrossTenantReason::kNotApplicableWorkloadIdentity);
    return;
  }
  if (!request.is_external()) {
    Allow(out, CrossTenantReason::kNotApplicableInternalUser);
    return;
  }
  if (request.identity_source != IdentitySource::kUnspecified &&
      request.identity_source != IdentitySource::kEntra) {
    Allow(out, CrossTenantReason::kNotApplicableNonEntraIdentity);
    return;
  }
  const uint32_t types = request.external_user_types;
  bool collaboration = (types & kCollaborationBits) != 0;
  const bool direct_connect = (types & kB2bDirectConnectUser) != 0;
  if (types != 0 && !collaboration && !direct_connect) {
    // No B2B setting applies (D3), but the resource tenant's inbound trust
    // for the partner still decides whose MFA and device claims count
    // (spec 2.11, 5.5): a delegated admin's home MFA is trusted or not.
    const Guid& home_id = request.home_tenant_id;
    if (!home_id.is_zero() && home_id != r) {
      out->inbound_trust = resource.ForPartner(home_id).inbound_trust;
    }
    Allow(out, (types & kServiceProvider) != 0
                   ? CrossTenantReason::kNotApplicableServiceProviderOnly
                   : CrossTenantReason::kNotApplicableInternalUser);
    return;
  }
  if (types == 0) collaboration = true;  // a foreign home tenant, no type
  out->access_kind = collaboration && direct_connect
                         ? B2bAccessKind::kBoth
                         : (direct_connect ? B2bAccessKind::kDirectConnect
                                           : B2bAccessKind::kCollaboration);

  const Guid& h = request.home_tenant_id;
  if (h.is_zero() || h == r) {
    Block(out, Stage::kCrossTenantAccess, CrossTenantReason::kMissingHomeTenant,
          XtapSide::kResourceTenant, r, XtapSetting::kNone);
    return;
  }
  if (home != nullptr && home->tenant_id() != h) {
    Block(out, Stage::kInternal, CrossTenantReason::kTenantMismatch,
          XtapSide::kHomeTenant, home->tenant_id(), XtapSetting::kNone);
    return;
  }

  // Eff_R(H) and, when H is in the bundle, Eff_H(R) (spec 2.9).
  const EffectiveConfiguration& at_r = resource.ForPartner(h);
  const EffectiveConfiguration* at_h =
      home != nullptr ? &home->ForPartner(r) : nullptr;
  out->home_outbound_evaluated = at_h != nullptr;
  out->inbound_trust = at_r.inbound_trust;
  out->is_in_multi_tenant_organization = at_r.is_in_multi_tenant_organization;
  out->automatic_consent_inbound = at_r.automatic_consent_inbound;
  out->automatic_consent_outbound =
      at_h != nullptr && at_h->automatic_consent_outbound;
  out->automatic_redemption =
      out->automatic_consent_inbound && out->automatic_consent_outbound;

  if (!CheckClouds(resource, home, h, direct_connect, out)) {
    out->source = out->side == XtapSide::kHomeTenant && at_h != nullptr
                      ? at_h->source
                      : at_r.source;
    return;
  }

  // Step 4: inbound at R, then outbound at H (both must permit).
  const B2BSubject subject{request.home_user_id, request.home_groups,
                           request.application_id,
                           request.client_application_id};
  struct Pair {
    bool applies;
    XtapSetting inbound;
    XtapSetting outbound;
  };
  const Pair pairs[] = {
      {collaboration, XtapSetting::kB2bCollaborationInbound,
       XtapSetting::kB2bCollaborationOutbound},
      {direct_connect, XtapSetting::kB2bDirectConnectInbound,
       XtapSetting::kB2bDirectConnectOutbound},
  };
  XtapSetting first_inbound = XtapSetting::kNone;
  for (const Pair& p : pairs) {
    if (!p.applies) continue;
    if (first_inbound == XtapSetting::kNone) first_inbound = p.inbound;
    if (!Check(resource, at_r, p.inbound, XtapSide::kResourceTenant,
               Stage::kCrossTenantAccess, subject, out)) {
      return;
    }
    if (at_h != nullptr &&
        !Check(*home, *at_h, p.outbound, XtapSide::kHomeTenant,
               Stage::kCrossTenantAccess, subject, out)) {
      return;
    }
  }

  Allow(out, CrossTenantReason::kAllowed);
  out->side = XtapSide::kResourceTenant;
  out->config_tenant_id = r;
  out->source = at_r.source;
  out->setting = first_inbound;
  out->origin = at_r.setting(first_inbound).users_and_groups->origin;
}

}  // namespace crossgate::cross_tenant
