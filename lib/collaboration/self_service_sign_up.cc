#include "lib/collaboration/self_service_sign_up.h"

namespace crossgate::collaboration {

SignUpDecision CanSelfServiceSignUp(
    const CompiledExternalCollaboration& collaboration,
    const Guid& app) noexcept {
  SignUpDecision d;
  if (!collaboration.self_service_sign_up_policy_present()) {
    d.reason = SignUpReason::kPolicyAbsent;
  } else if (!collaboration.self_service_sign_up_enabled()) {
    d.reason = SignUpReason::kDisabled;
  } else if (!collaboration.HasSignUpUserFlow(app)) {
    d.reason = SignUpReason::kNoUserFlowForApp;
  } else {
    d.allowed = true;
    d.reason = SignUpReason::kAllowed;
  }
  return d;
}

absl::string_view SignUpReasonName(SignUpReason reason) {
  switch (reason) {
    case SignUpReason::kNotEvaluated:
      return "not evaluated (fail closed)";
    case SignUpReason::kAllowed:
      return "allowed, sign-up enabled and app has a user flow";
    case SignUpReason::kPolicyAbsent:
      return "blocked, no authenticationFlowsPolicy";
    case SignUpReason::kDisabled:
      return "blocked, selfServiceSignUp disabled";
    case SignUpReason::kNoUserFlowForApp:
      return "blocked, app has no sign-up user flow";
  }
  return "unknown";
}

}  // namespace crossgate::collaboration
