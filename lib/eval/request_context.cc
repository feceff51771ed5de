#include "lib/eval/request_context.h"

namespace crossgate {

RequestContext MakeRequestContext(const Request& request,
                                  const InboundTrust& trust) noexcept {
  RequestContext c;
  c.request = &request;
  const IdentitySource source = request.identity_source;
  // D3 / spec 5.5: non-Entra identities have no home tenant to trust.
  c.non_entra = source != IdentitySource::kUnspecified &&
                source != IdentitySource::kEntra;
  c.workload = request.principal_kind == PrincipalKind::kServicePrincipal;
  c.legacy = request.client_app == ClientApp::kExchangeActiveSync ||
             request.client_app == ClientApp::kOther;
  c.device_code =
      request.authentication_flow == AuthenticationFlow::kDeviceCodeFlow;

  const bool other_home = !request.home_tenant_id.is_zero() &&
                          request.home_tenant_id != request.resource_tenant_id;
  uint32_t types = request.external_user_types;
  // internalGuest credentials live in the resource tenant: no translation.
  c.external = !c.workload && (other_home || (types & ~uint32_t{kInternalGuest}) != 0);
  if (c.external && !c.non_entra) {
    c.trust = trust;
    types |= trust.extra_user_types;  // D4
  }
  // An external principal the caller did not classify reads as
  // otherExternalUser ("everyone else who isn't an internal member").
  if (c.external && types == 0) types = kOtherExternalUser;
  c.external_types = c.workload ? 0 : types;
  c.direct_connect = (types & kB2bDirectConnectUser) != 0;

  auto from_home = [&](ClaimOrigin origin) {
    if (!c.external) return false;  // a member's home is the resource tenant
    return origin == ClaimOrigin::kHomeTenant ||
           origin == ClaimOrigin::kUnspecified;
  };
  c.mfa_from_home = from_home(request.claims.mfa_origin);
  c.device_from_home = from_home(request.claims.device_origin);

  // D12: a guest's device is visible only with device-claim trust.
  c.device = request.device;
  if (c.external && !c.trust.compliant_device_accepted &&
      !c.trust.hybrid_joined_device_accepted) {
    c.device = nullptr;
  }
  return c;
}

}  // namespace crossgate
