#ifndef CROSSGATE_LIB_COLLABORATION_SELF_SERVICE_SIGN_UP_H_
#define CROSSGATE_LIB_COLLABORATION_SELF_SERVICE_SIGN_UP_H_

// Self-service sign-up (spec 3.3): may an external user create a guest
// account through an app's sign-up user flow? Needs
// authenticationFlowsPolicy.selfServiceSignUp.isEnabled and a sign-up user
// flow attached to the app (the crossgate extension
// `self_service_sign_up_application_ids`; Graph keeps that link on the user
// flow). An absent policy reads as disabled (fail closed).

#include <cstdint>

#include "absl/strings/string_view.h"
#include "lib/collaboration/compiled_collaboration.h"
#include "lib/model/guid.h"

namespace crossgate::collaboration {

enum class SignUpReason : uint8_t {
  kNotEvaluated = 0,
  kAllowed,
  kPolicyAbsent,      // no authenticationFlowsPolicy: disabled
  kDisabled,          // selfServiceSignUp.isEnabled false or null
  kNoUserFlowForApp,  // enabled, but the app has no sign-up user flow
};

struct SignUpDecision {
  bool allowed = false;
  SignUpReason reason = SignUpReason::kNotEvaluated;
};

// Thread-safe, no allocation.
SignUpDecision CanSelfServiceSignUp(
    const CompiledExternalCollaboration& collaboration,
    const Guid& app) noexcept;

absl::string_view SignUpReasonName(SignUpReason reason);

}  // namespace crossgate::collaboration

#endif  // CROSSGATE_LIB_COLLABORATION_SELF_SERVICE_SIGN_UP_H_
