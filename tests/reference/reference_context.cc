// THIS CODE SHOULD NEVER BE USED IN PRODUCTION (see reference_evaluator.h).

#include "tests/reference/reference_context.h"

#include "lib/model/guid.h"
#include "tests/reference/reference_cross_tenant.h"

namespace crossgate {
namespace reference {
namespace {

std::string IdOrEmpty(const Guid& g) {
  return g.is_zero() ? std::string() : FormatGuid(g);
}

std::vector<std::string> Ids(GuidList guids) {
  std::vector<std::string> out;
  for (const Guid& g : guids) out.push_back(FormatGuid(g));
  return out;
}

bool IsEntra(IdentitySource source) {
  return source == IdentitySource::kUnspecified ||
         source == IdentitySource::kEntra;
}

}  // namespace

bool Contains(const std::vector<std::string>& list, const std::string& value) {
  for (const std::string& s : list) {
    if (s == value) return true;
  }
  return false;
}

const policy::v1::TenantPolicies* FindTenant(
    const policy::v1::PolicyBundle& bundle, const std::string& tenant_id) {
  for (const policy::v1::TenantPolicies& t : bundle.tenants()) {
    if (t.tenant_id() == tenant_id) return &t;
  }
  return nullptr;
}

bool AppInSet(const policy::v1::TenantPolicies& tenant,
              const ReferenceOptions& options, const std::string& keyword,
              const std::string& app_id) {
  // D18: the tenant's own entry replaces the shipped one for that keyword.
  for (const policy::v1::AppSet& set : tenant.app_sets()) {
    if (set.name() != keyword) continue;
    for (const std::string& id : set.app_ids()) {
      if (id == app_id) return true;
    }
    return false;
  }
  // Every Office 365 app and admin portal is a Microsoft app: an override of
  // those sets widens AllMicrosoftApps unless the tenant replaced it too.
  if (keyword == "AllMicrosoftApps" &&
      (AppInSet(tenant, options, "Office365", app_id) ||
       AppInSet(tenant, options, "MicrosoftAdminPortals", app_id))) {
    return true;
  }
  auto it = options.app_sets.find(keyword);
  if (it == options.app_sets.end()) return false;
  return Contains(it->second, app_id);
}

RequestContext MakeRequestContext(const policy::v1::PolicyBundle& bundle,
                                  const policy::v1::TenantPolicies& tenant,
                                  const Request& request,
                                  const ReferenceOptions& options) {
  RequestContext ctx;
  ctx.bundle = &bundle;
  ctx.tenant = &tenant;
  ctx.request = &request;
  ctx.options = &options;
  ctx.resource_tenant_id = FormatGuid(request.resource_tenant_id);
  ctx.principal_id = IdOrEmpty(request.principal_id);
  ctx.home_tenant_id = IdOrEmpty(request.home_tenant_id);
  ctx.home_user_id = IdOrEmpty(request.home_user_id);
  ctx.application_id = IdOrEmpty(request.application_id);
  ctx.client_application_id = IdOrEmpty(request.client_application_id);
  ctx.groups = Ids(request.groups);
  ctx.roles = Ids(request.roles);
  ctx.home_groups = Ids(request.home_groups);
  ctx.is_service_principal =
      request.principal_kind == PrincipalKind::kServicePrincipal;
  ctx.types = request.external_user_types;

  if (ctx.is_service_principal) {
    ctx.claim_context = ClaimContext::kServicePrincipal;
    return ctx;
  }
  // The pair (home, resource) is a cross-tenant pair when the user comes
  // from another Entra tenant (spec 2.9, D3).
  ctx.external_entra = IsEntra(request.identity_source) &&
                       !ctx.home_tenant_id.empty() &&
                       ctx.home_tenant_id != ctx.resource_tenant_id;
  if (!IsEntra(request.identity_source)) {
    ctx.claim_context = ClaimContext::kNonEntraExternal;
  } else if (ctx.external_entra) {
    ctx.claim_context = (ctx.types & kB2bDirectConnectUser) != 0
                            ? ClaimContext::kEntraDirectConnect
                            : ClaimContext::kEntraCollaboration;
    ctx.home = FindTenant(bundle, ctx.home_tenant_id);
    const EffectiveCrossTenantSettings eff =
        EffectiveSettings(tenant, ctx.home_tenant_id);
    ctx.trust = eff.inbound_trust;
    if (eff.is_service_provider) ctx.types |= kServiceProvider;  // D4
  } else {
    ctx.claim_context = ClaimContext::kMember;
  }
  return ctx;
}

}  // namespace reference
}  // namespace crossgate
