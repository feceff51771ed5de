#ifndef CROSSGATE_LIB_EVAL_REQUEST_CONTEXT_H_
#define CROSSGATE_LIB_EVAL_REQUEST_CONTEXT_H_

// Facts about one request that the Conditional Access stage derives once:
// who the claims come from (the claim context of spec 5.5), the effective
// external user types (D4), the inbound trust, the device the resource
// tenant may see (D12), and the claim origins with their defaults resolved.

#include <cstdint>

#include "lib/eval/inbound_trust.h"
#include "lib/eval/request.h"

namespace crossgate {

// Whose claims a request carries (spec 5.5).
enum class ClaimContext : uint8_t {
  kMember = 0,           // claims are the resource tenant's own
  kEntraCollaboration,   // external Entra user, B2B collaboration
  kEntraDirectConnect,   // external Entra user, B2B direct connect
  kNonEntraExternal,     // MSA, email OTP, social, SAML/WS-Fed
  kServicePrincipal,     // workload identity
};

struct RequestContext {
  const Request* request = nullptr;
  ClaimContext claims = ClaimContext::kMember;
  InboundTrust trust;           // zero unless an external Entra user
  uint32_t external_types = 0;  // request bits | D4 bits
  // The principal is a guest or external user for the
  // `GuestsOrExternalUsers` keyword: it carries a type, or comes from
  // another Entra tenant, or is a non-Entra identity.
  bool guest_or_external = false;
  bool external = false;        // any context but kMember / kServicePrincipal
  bool direct_connect = false;  // kEntraDirectConnect
  bool non_entra = false;       // kNonEntraExternal
  bool workload = false;        // kServicePrincipal
  bool legacy = false;          // exchangeActiveSync / other client (D13)
  bool device_code = false;     // device-code flow (spec 4.11)
  bool mfa_from_home = false;   // MFA claim/methods came from the home tenant
  bool device_from_home = false;
  // Methods that count for MFA-implying strengths and authentication
  // strengths (6.4): all of them for members; for externals only what the
  // resource tenant can use.
  uint32_t usable_methods = 0;
  // The device as the resource tenant's filters see it (null = unregistered).
  const device_filter::DeviceAttributes* device = nullptr;
};

// `trust` is the inbound trust for the request's home tenant (used only for
// external Entra users).
RequestContext MakeRequestContext(const Request& request,
                                  const InboundTrust& trust) noexcept;

// Method bits (1u << AuthenticationMethodMode) available for MFA done in the
// resource tenant by an external user (spec 6.4 "resource tenant" column),
// password included as the first factor.
uint32_t ResourceTenantMethods();

}  // namespace crossgate

#endif  // CROSSGATE_LIB_EVAL_REQUEST_CONTEXT_H_
