#include "lib/eval/request_context.h"

#include "crossgate/policy/v1/authentication_strength.pb.h"

namespace crossgate {
namespace {

namespace pb = ::crossgate::policy::v1;

constexpr uint32_t M(pb::AuthenticationMethodMode m) {
  return uint32_t{1} << static_cast<int>(m);
}

}  // namespace

uint32_t ResourceTenantMethods() {
  return M(pb::AUTHENTICATION_METHOD_MODE_PASSWORD) |
         M(pb::AUTHENTICATION_METHOD_MODE_SMS) |
         M(pb::AUTHENTICATION_METHOD_MODE_VOICE) |
         M(pb::AUTHENTICATION_METHOD_MODE_MICROSOFT_AUTHENTICATOR_PUSH) |
         M(pb::AUTHENTICATION_METHOD_MODE_SOFTWARE_OATH);
}

RequestContext MakeRequestContext(const Request& request,
                                  const InboundTrust& trust) noexcept {
  RequestContext c;
  c.request = &request;
  c.legacy = request.client_app == ClientApp::kExchangeActiveSync ||
             request.client_app == ClientApp::kOther;
  c.device_code =
      request.authentication_flow == AuthenticationFlow::kDeviceCodeFlow;
  if (request.principal_kind == PrincipalKind::kServicePrincipal) {
    c.claims = ClaimContext::kServicePrincipal;
    c.workload = true;
    c.device = request.device;
    return c;
  }
  const IdentitySource source = request.identity_source;
  const bool entra = source == IdentitySource::kUnspecified ||
                     source == IdentitySource::kEntra;
  // A user from another Entra tenant is the cross-tenant case (spec 2.9,
  // D3); guest type bits alone (e.g. internalGuest) keep the claims the
  // resource tenant's own.
  const bool other_home = !request.home_tenant_id.is_zero() &&
                          request.home_tenant_id != request.resource_tenant_id;
  uint32_t types = request.external_user_types;
  const Claims& cl = request.claims;
  auto from_home = [](ClaimOrigin o) {
    return o == ClaimOrigin::kHomeTenant || o == ClaimOrigin::kUnspecified;
  };
  if (!entra) {
    c.claims = ClaimContext::kNonEntraExternal;  // no trust: R does their MFA
  } else if (other_home) {
    c.claims = (types & kB2bDirectConnectUser) ? ClaimContext::kEntraDirectConnect
                                               : ClaimContext::kEntraCollaboration;
    c.trust = trust;
    types |= trust.extra_user_types;  // D4
  }
  c.external = c.claims != ClaimContext::kMember;
  c.direct_connect = c.claims == ClaimContext::kEntraDirectConnect;
  c.non_entra = c.claims == ClaimContext::kNonEntraExternal;
  c.external_types = types;
  c.guest_or_external = types != 0 || c.external;
  c.mfa_from_home = c.external && from_home(cl.mfa_origin);
  c.device_from_home = c.external && from_home(cl.device_origin);

  switch (c.claims) {
    case ClaimContext::kMember:
      c.usable_methods = cl.authentication_methods;
      c.device = request.device;
      break;
    case ClaimContext::kEntraCollaboration:
      // 6.4: MFA done in R counts with the resource column; home methods
      // only through MFA trust.
      c.usable_methods = cl.mfa_origin == ClaimOrigin::kResourceTenant
                             ? cl.authentication_methods & ResourceTenantMethods()
                             : (c.trust.mfa_accepted ? cl.authentication_methods : 0);
      break;
    case ClaimContext::kEntraDirectConnect:
      c.usable_methods =
          c.mfa_from_home && c.trust.mfa_accepted ? cl.authentication_methods : 0;
      break;
    default:
      break;  // 6.4: strengths are for Entra identities only
  }
  if (c.claims == ClaimContext::kEntraCollaboration ||
      c.claims == ClaimContext::kEntraDirectConnect) {
    // D12: a guest's device is visible only with device-claim trust.
    if (c.trust.compliant_device_accepted || c.trust.hybrid_joined_device_accepted) {
      c.device = request.device;
    }
  }
  return c;
}

}  // namespace crossgate
