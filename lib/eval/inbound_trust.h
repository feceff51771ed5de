#ifndef CROSSGATE_LIB_EVAL_INBOUND_TRUST_H_
#define CROSSGATE_LIB_EVAL_INBOUND_TRUST_H_

// The resource tenant's effective inbound trust for the user's home tenant
// (spec 2.11, 5.5) plus the Conditional Access user-type bits cross-tenant
// settings add (D4). The Conditional Access stage reads only this record;
// where it comes from (the compiled cross-tenant settings, or a caller
// override) is the pipeline's business.

#include <cstdint>

namespace crossgate {

struct InboundTrust {
  bool mfa_accepted = false;                   // isMfaAccepted
  bool compliant_device_accepted = false;      // isCompliantDeviceAccepted
  bool hybrid_joined_device_accepted = false;  // isHybridAzureADJoinedDeviceAccepted
  // ExternalUserTypeBit values the cross-tenant stage adds to the request's
  // own (D4: a partner with isServiceProvider adds kServiceProvider).
  uint32_t extra_user_types = 0;
};

}  // namespace crossgate

#endif  // CROSSGATE_LIB_EVAL_INBOUND_TRUST_H_
