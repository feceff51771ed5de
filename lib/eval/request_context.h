#ifndef CROSSGATE_LIB_EVAL_REQUEST_CONTEXT_H_
#define CROSSGATE_LIB_EVAL_REQUEST_CONTEXT_H_

// Facts about one request that the Conditional Access stage derives once:
// the effective external user types (D4), whether home-tenant claims need
// translating (spec 5.5), the inbound trust, the device the resource tenant
// may see (D12), and the claim origins with their defaults resolved.

#include <cstdint>

#include "lib/eval/inbound_trust.h"
#include "lib/eval/request.h"

namespace crossgate {

struct RequestContext {
  const Request* request = nullptr;
  InboundTrust trust;
  uint32_t external_types = 0;  // request bits | trust.extra_user_types
  bool external = false;        // claims come from another tenant (5.5)
  bool direct_connect = false;  // b2bDirectConnectUser among the types
  bool non_entra = false;       // MSA, OTP, social, SAML/WS-Fed identity
  bool workload = false;        // service principal
  bool legacy = false;          // exchangeActiveSync / other client (D13)
  bool device_code = false;     // device-code flow (spec 4.11)
  bool mfa_from_home = false;   // the MFA claim/methods came from the home tenant
  bool device_from_home = false;
  // The device as the resource tenant's filters see it (null = unregistered).
  const device_filter::DeviceAttributes* device = nullptr;
};

// `trust` is the inbound trust for the request's home tenant (ignored for
// members and non-Entra identities).
RequestContext MakeRequestContext(const Request& request,
                                  const InboundTrust& trust) noexcept;

}  // namespace crossgate

#endif  // CROSSGATE_LIB_EVAL_REQUEST_CONTEXT_H_
