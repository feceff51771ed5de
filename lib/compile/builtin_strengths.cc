#include "lib/compile/builtin_strengths.h"

#include <initializer_list>

namespace crossgate {
namespace {

using policy::v1::AuthenticationMethodMode;
using policy::v1::AuthenticationStrengthPolicy;
using M = policy::v1::AuthenticationMethodMode;

constexpr M kPassword = policy::v1::AUTHENTICATION_METHOD_MODE_PASSWORD;
constexpr M kVoice = policy::v1::AUTHENTICATION_METHOD_MODE_VOICE;
constexpr M kHardwareOath = policy::v1::AUTHENTICATION_METHOD_MODE_HARDWARE_OATH;
constexpr M kSoftwareOath = policy::v1::AUTHENTICATION_METHOD_MODE_SOFTWARE_OATH;
constexpr M kSms = policy::v1::AUTHENTICATION_METHOD_MODE_SMS;
constexpr M kFido2 = policy::v1::AUTHENTICATION_METHOD_MODE_FIDO2;
constexpr M kWhfb =
    policy::v1::AUTHENTICATION_METHOD_MODE_WINDOWS_HELLO_FOR_BUSINESS;
constexpr M kPush =
    policy::v1::AUTHENTICATION_METHOD_MODE_MICROSOFT_AUTHENTICATOR_PUSH;
constexpr M kDevicePush = policy::v1::AUTHENTICATION_METHOD_MODE_DEVICE_BASED_PUSH;
constexpr M kTapOnce =
    policy::v1::AUTHENTICATION_METHOD_MODE_TEMPORARY_ACCESS_PASS_ONE_TIME;
constexpr M kTapMulti =
    policy::v1::AUTHENTICATION_METHOD_MODE_TEMPORARY_ACCESS_PASS_MULTI_USE;
constexpr M kX509Single =
    policy::v1::AUTHENTICATION_METHOD_MODE_X509_CERTIFICATE_SINGLE_FACTOR;
constexpr M kX509Multi =
    policy::v1::AUTHENTICATION_METHOD_MODE_X509_CERTIFICATE_MULTI_FACTOR;
constexpr M kFedSingle =
    policy::v1::AUTHENTICATION_METHOD_MODE_FEDERATED_SINGLE_FACTOR;
constexpr M kFedMulti =
    policy::v1::AUTHENTICATION_METHOD_MODE_FEDERATED_MULTI_FACTOR;

using Combo = std::initializer_list<M>;

AuthenticationStrengthPolicy Make(const char* id, const char* name,
                                  std::initializer_list<Combo> combos) {
  AuthenticationStrengthPolicy p;
  p.set_id(id);
  p.set_display_name(name);
  p.set_policy_type(AuthenticationStrengthPolicy::POLICY_TYPE_BUILT_IN);
  p.set_requirements_satisfied(
      AuthenticationStrengthPolicy::REQUIREMENTS_SATISFIED_MFA);
  for (const Combo& combo : combos) {
    auto* c = p.add_allowed_combinations();
    for (M m : combo) c->add_modes(m);
  }
  return p;
}

std::vector<AuthenticationStrengthPolicy>* BuildTable() {
  auto* table = new std::vector<AuthenticationStrengthPolicy>();
  table->push_back(Make(
      "00000000-0000-0000-0000-000000000002", "Multifactor authentication",
      {{kWhfb},
       {kFido2},
       {kX509Multi},
       {kDevicePush},
       {kTapOnce},
       {kTapMulti},
       {kPassword, kPush},
       {kPassword, kSoftwareOath},
       {kPassword, kHardwareOath},
       {kPassword, kX509Single},
       {kPassword, kX509Multi},
       {kPassword, kSms},
       {kPassword, kVoice},
       {kFedMulti},
       {kPush, kFedSingle},
       {kSoftwareOath, kFedSingle},
       {kHardwareOath, kFedSingle},
       {kSms, kFedSingle},
       {kVoice, kFedSingle}}));
  table->push_back(Make("00000000-0000-0000-0000-000000000003",
                        "Passwordless MFA",
                        {{kWhfb}, {kFido2}, {kX509Multi}, {kDevicePush}}));
  table->push_back(Make("00000000-0000-0000-0000-000000000004",
                        "Phishing-resistant MFA",
                        {{kWhfb}, {kFido2}, {kX509Multi}}));
  return table;
}

}  // namespace

const std::vector<AuthenticationStrengthPolicy>& ShippedBuiltInStrengths() {
  static const std::vector<AuthenticationStrengthPolicy>* table = BuildTable();
  return *table;
}

}  // namespace crossgate
