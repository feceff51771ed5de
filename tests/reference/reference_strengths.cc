// THIS CODE SHOULD NEVER BE USED IN PRODUCTION (see reference_evaluator.h).

#include "tests/reference/reference_strengths.h"

#include <initializer_list>

namespace crossgate {
namespace reference {
namespace {

using policy::v1::AuthenticationMethodMode;
using policy::v1::AuthenticationStrengthPolicy;

constexpr AuthenticationMethodMode kPassword =
    policy::v1::AUTHENTICATION_METHOD_MODE_PASSWORD;
constexpr AuthenticationMethodMode kVoice =
    policy::v1::AUTHENTICATION_METHOD_MODE_VOICE;
constexpr AuthenticationMethodMode kHardwareOath =
    policy::v1::AUTHENTICATION_METHOD_MODE_HARDWARE_OATH;
constexpr AuthenticationMethodMode kSoftwareOath =
    policy::v1::AUTHENTICATION_METHOD_MODE_SOFTWARE_OATH;
constexpr AuthenticationMethodMode kSms =
    policy::v1::AUTHENTICATION_METHOD_MODE_SMS;
constexpr AuthenticationMethodMode kFido2 =
    policy::v1::AUTHENTICATION_METHOD_MODE_FIDO2;
constexpr AuthenticationMethodMode kWhfb =
    policy::v1::AUTHENTICATION_METHOD_MODE_WINDOWS_HELLO_FOR_BUSINESS;
constexpr AuthenticationMethodMode kPush =
    policy::v1::AUTHENTICATION_METHOD_MODE_MICROSOFT_AUTHENTICATOR_PUSH;
constexpr AuthenticationMethodMode kDeviceBasedPush =
    policy::v1::AUTHENTICATION_METHOD_MODE_DEVICE_BASED_PUSH;
constexpr AuthenticationMethodMode kTapOneTime =
    policy::v1::AUTHENTICATION_METHOD_MODE_TEMPORARY_ACCESS_PASS_ONE_TIME;
constexpr AuthenticationMethodMode kTapMultiUse =
    policy::v1::AUTHENTICATION_METHOD_MODE_TEMPORARY_ACCESS_PASS_MULTI_USE;
constexpr AuthenticationMethodMode kX509Single =
    policy::v1::AUTHENTICATION_METHOD_MODE_X509_CERTIFICATE_SINGLE_FACTOR;
constexpr AuthenticationMethodMode kX509Multi =
    policy::v1::AUTHENTICATION_METHOD_MODE_X509_CERTIFICATE_MULTI_FACTOR;
constexpr AuthenticationMethodMode kFederatedSingle =
    policy::v1::AUTHENTICATION_METHOD_MODE_FEDERATED_SINGLE_FACTOR;
constexpr AuthenticationMethodMode kFederatedMulti =
    policy::v1::AUTHENTICATION_METHOD_MODE_FEDERATED_MULTI_FACTOR;

using Combination = std::initializer_list<AuthenticationMethodMode>;

AuthenticationStrengthPolicy Make(
    const char* id, const char* name,
    std::initializer_list<Combination> combinations) {
  AuthenticationStrengthPolicy s;
  s.set_id(id);
  s.set_display_name(name);
  s.set_policy_type(AuthenticationStrengthPolicy::POLICY_TYPE_BUILT_IN);
  s.set_requirements_satisfied(
      AuthenticationStrengthPolicy::REQUIREMENTS_SATISFIED_MFA);
  for (const Combination& c : combinations) {
    auto* combo = s.add_allowed_combinations();
    for (AuthenticationMethodMode m : c) combo->add_modes(m);
  }
  return s;
}

}  // namespace

const std::vector<AuthenticationStrengthPolicy>& BuiltInStrengths() {
  // Spec 6.2, transcribed row by row.
  static const auto* kTable = new std::vector<AuthenticationStrengthPolicy>{
      Make("00000000-0000-0000-0000-000000000002", "Multifactor authentication",
           {{kWhfb},
            {kFido2},
            {kX509Multi},
            {kDeviceBasedPush},
            {kTapOneTime},
            {kTapMultiUse},
            {kPassword, kPush},
            {kPassword, kSoftwareOath},
            {kPassword, kHardwareOath},
            {kPassword, kX509Single},
            {kPassword, kX509Multi},
            {kPassword, kSms},
            {kPassword, kVoice},
            {kFederatedMulti},
            {kPush, kFederatedSingle},
            {kSoftwareOath, kFederatedSingle},
            {kHardwareOath, kFederatedSingle},
            {kSms, kFederatedSingle},
            {kVoice, kFederatedSingle}}),
      Make("00000000-0000-0000-0000-000000000003", "Passwordless MFA",
           {{kWhfb}, {kFido2}, {kX509Multi}, {kDeviceBasedPush}}),
      Make("00000000-0000-0000-0000-000000000004", "Phishing resistant MFA",
           {{kWhfb}, {kFido2}, {kX509Multi}}),
  };
  return *kTable;
}

const AuthenticationStrengthPolicy* FindStrength(
    const policy::v1::TenantPolicies& tenant, const std::string& id) {
  for (const AuthenticationStrengthPolicy& s :
       tenant.authentication_strength_policies()) {
    if (s.id() == id) return &s;
  }
  for (const AuthenticationStrengthPolicy& s : BuiltInStrengths()) {
    if (s.id() == id) return &s;
  }
  return nullptr;
}

uint32_t MethodBit(AuthenticationMethodMode mode) {
  return 1u << static_cast<int>(mode);
}

bool MethodsSatisfy(const AuthenticationStrengthPolicy& strength,
                    uint32_t method_bits) {
  for (const auto& combination : strength.allowed_combinations()) {
    if (combination.modes().empty()) continue;  // covers nothing
    bool covered = true;
    for (int m : combination.modes()) {
      covered =
          covered &&
          (method_bits & MethodBit(static_cast<AuthenticationMethodMode>(m)));
    }
    if (covered) return true;
  }
  return false;
}

uint32_t HomeTenantMethods() {
  return MethodBit(kPassword) | MethodBit(kSms) | MethodBit(kVoice) |
         MethodBit(kPush) | MethodBit(kDeviceBasedPush) |
         MethodBit(kSoftwareOath) | MethodBit(kHardwareOath) |
         MethodBit(kFido2) | MethodBit(kWhfb) | MethodBit(kX509Single) |
         MethodBit(kX509Multi);
}

uint32_t ResourceTenantMethods() {
  return MethodBit(kPassword) | MethodBit(kSms) | MethodBit(kVoice) |
         MethodBit(kPush) | MethodBit(kSoftwareOath);
}

}  // namespace reference
}  // namespace crossgate
