#include "lib/request_json/request_enums.h"

#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_join.h"
#include "crossgate/policy/v1/authentication_strength.pb.h"
#include "lib/request_json/json_fields.h"

namespace crossgate {
namespace request_json_internal {

namespace {

// One table per enum: the first entry for a value is its canonical (Graph)
// spelling; later entries are accepted aliases.
template <typename E>
struct Name {
  absl::string_view text;
  E value;
};

template <typename E, size_t N>
bool Lookup(const Name<E> (&table)[N], absl::string_view text, E* out) {
  for (const Name<E>& entry : table) {
    if (SameWord(entry.text, text)) {
      *out = entry.value;
      return true;
    }
  }
  return false;
}

template <typename E, size_t N>
absl::string_view Spell(const Name<E> (&table)[N], E value) {
  for (const Name<E>& entry : table) {
    if (entry.value == value) return entry.text;
  }
  return "";
}

constexpr Name<Platform> kPlatforms[] = {
    {"android", Platform::kAndroid},
    {"iOS", Platform::kIos},
    {"windows", Platform::kWindows},
    {"windowsPhone", Platform::kWindowsPhone},
    {"macOS", Platform::kMacOs},
    {"linux", Platform::kLinux},
    {"unknownFutureValue", Platform::kUnknown},
};

constexpr Name<ClientApp> kClientApps[] = {
    {"browser", ClientApp::kBrowser},
    {"mobileAppsAndDesktopClients", ClientApp::kMobileAppsAndDesktopClients},
    {"exchangeActiveSync", ClientApp::kExchangeActiveSync},
    {"easSupported", ClientApp::kExchangeActiveSync},
    {"easUnsupported", ClientApp::kExchangeActiveSync},
    {"other", ClientApp::kOther},
};

constexpr Name<RiskLevel> kRiskLevels[] = {
    {"none", RiskLevel::kNoRisk},   {"low", RiskLevel::kLow},
    {"medium", RiskLevel::kMedium}, {"high", RiskLevel::kHigh},
    {"hidden", RiskLevel::kHidden},
};

constexpr Name<InsiderRisk> kInsiderRisks[] = {
    {"none", InsiderRisk::kUnspecified},
    {"minor", InsiderRisk::kMinor},
    {"moderate", InsiderRisk::kModerate},
    {"elevated", InsiderRisk::kElevated},
};

constexpr Name<AuthenticationFlow> kTransferMethods[] = {
    {"none", AuthenticationFlow::kUnspecified},
    {"deviceCodeFlow", AuthenticationFlow::kDeviceCodeFlow},
    {"authenticationTransfer", AuthenticationFlow::kAuthenticationTransfer},
};

constexpr Name<UserAction> kUserActions[] = {
    {"registerSecurityInformation", UserAction::kRegisterSecurityInfo},
    {"registerOrJoinDevices", UserAction::kRegisterDevice},
    {"urn:user:registersecurityinfo", UserAction::kRegisterSecurityInfo},
    {"urn:user:registerdevice", UserAction::kRegisterDevice},
};

constexpr Name<IdentitySource> kIdentitySources[] = {
    {"entra", IdentitySource::kEntra},
    {"microsoftAccount", IdentitySource::kMicrosoftAccount},
    {"emailOneTimePasscode", IdentitySource::kEmailOneTimePasscode},
    {"social", IdentitySource::kSocial},
    {"samlWsFederation", IdentitySource::kSamlWsFederation},
};

// Graph's order of conditionalAccessGuestOrExternalUserTypes.
constexpr Name<uint32_t> kExternalUserTypes[] = {
    {"internalGuest", kInternalGuest},
    {"b2bCollaborationGuest", kB2bCollaborationGuest},
    {"b2bCollaborationMember", kB2bCollaborationMember},
    {"b2bDirectConnectUser", kB2bDirectConnectUser},
    {"otherExternalUser", kOtherExternalUser},
    {"serviceProvider", kServiceProvider},
    {"none", 0u},
};

constexpr Name<ClaimOrigin> kClaimOrigins[] = {
    {"home", ClaimOrigin::kHomeTenant},
    {"resource", ClaimOrigin::kResourceTenant},
};

namespace pb = ::crossgate::policy::v1;
constexpr Name<int> kMethods[] = {
    {"password", pb::AUTHENTICATION_METHOD_MODE_PASSWORD},
    {"voice", pb::AUTHENTICATION_METHOD_MODE_VOICE},
    {"hardwareOath", pb::AUTHENTICATION_METHOD_MODE_HARDWARE_OATH},
    {"softwareOath", pb::AUTHENTICATION_METHOD_MODE_SOFTWARE_OATH},
    {"sms", pb::AUTHENTICATION_METHOD_MODE_SMS},
    {"fido2", pb::AUTHENTICATION_METHOD_MODE_FIDO2},
    {"windowsHelloForBusiness",
     pb::AUTHENTICATION_METHOD_MODE_WINDOWS_HELLO_FOR_BUSINESS},
    {"microsoftAuthenticatorPush",
     pb::AUTHENTICATION_METHOD_MODE_MICROSOFT_AUTHENTICATOR_PUSH},
    {"deviceBasedPush", pb::AUTHENTICATION_METHOD_MODE_DEVICE_BASED_PUSH},
    {"temporaryAccessPassOneTime",
     pb::AUTHENTICATION_METHOD_MODE_TEMPORARY_ACCESS_PASS_ONE_TIME},
    {"temporaryAccessPassMultiUse",
     pb::AUTHENTICATION_METHOD_MODE_TEMPORARY_ACCESS_PASS_MULTI_USE},
    {"email", pb::AUTHENTICATION_METHOD_MODE_EMAIL},
    {"x509CertificateSingleFactor",
     pb::AUTHENTICATION_METHOD_MODE_X509_CERTIFICATE_SINGLE_FACTOR},
    {"x509CertificateMultiFactor",
     pb::AUTHENTICATION_METHOD_MODE_X509_CERTIFICATE_MULTI_FACTOR},
    {"federatedSingleFactor",
     pb::AUTHENTICATION_METHOD_MODE_FEDERATED_SINGLE_FACTOR},
    {"federatedMultiFactor",
     pb::AUTHENTICATION_METHOD_MODE_FEDERATED_MULTI_FACTOR},
    {"qrCodePin", pb::AUTHENTICATION_METHOD_MODE_QR_CODE_PIN},
};
// Claims.authentication_methods is a uint32_t of (1u << mode).
static_assert(pb::AuthenticationMethodMode_MAX < 32);

}  // namespace

bool ParsePlatform(absl::string_view text, Platform* out, PlatformWord* word) {
  if (SameWord(text, "all")) {
    *word = PlatformWord::kAll;
    return true;
  }
  if (!Lookup(kPlatforms, text, out)) return false;
  *word = *out == Platform::kUnknown ? PlatformWord::kUnknownFutureValue
                                     : PlatformWord::kPlatform;
  return true;
}

absl::string_view PlatformName(Platform value) {
  if (value == Platform::kUnknown) return "unknownFutureValue";
  return Spell(kPlatforms, value);
}

bool ParseClientApp(absl::string_view text, ClientApp* out, bool* is_all) {
  *is_all = SameWord(text, "all");
  if (*is_all) return true;
  return Lookup(kClientApps, text, out);
}
absl::string_view ClientAppName(ClientApp value) {
  return Spell(kClientApps, value);
}

bool ParseRiskLevel(absl::string_view text, RiskLevel* out) {
  return Lookup(kRiskLevels, text, out);
}
absl::string_view RiskLevelName(RiskLevel value) {
  return Spell(kRiskLevels, value);
}

bool ParseInsiderRisk(absl::string_view text, InsiderRisk* out) {
  return Lookup(kInsiderRisks, text, out);
}
absl::string_view InsiderRiskName(InsiderRisk value) {
  return Spell(kInsiderRisks, value);
}

bool ParseTransferMethod(absl::string_view text, AuthenticationFlow* out) {
  return Lookup(kTransferMethods, text, out);
}
absl::string_view TransferMethodName(AuthenticationFlow value) {
  return Spell(kTransferMethods, value);
}

bool ParseUserAction(absl::string_view text, UserAction* out) {
  return Lookup(kUserActions, text, out);
}
absl::string_view UserActionName(UserAction value) {
  return Spell(kUserActions, value);
}

bool ParseIdentitySource(absl::string_view text, IdentitySource* out) {
  return Lookup(kIdentitySources, text, out);
}
absl::string_view IdentitySourceName(IdentitySource value) {
  return Spell(kIdentitySources, value);
}

bool ParseExternalUserType(absl::string_view text, uint32_t* bit) {
  return Lookup(kExternalUserTypes, text, bit);
}

std::string ExternalUserTypesName(uint32_t bits) {
  std::string out;
  for (const auto& entry : kExternalUserTypes) {
    if (entry.value != 0 && (bits & entry.value) != 0) {
      if (!out.empty()) out.push_back(',');
      out.append(entry.text.data(), entry.text.size());
    }
  }
  return out.empty() ? "none" : out;
}

bool ParseClaimOrigin(absl::string_view text, ClaimOrigin* out) {
  return Lookup(kClaimOrigins, text, out);
}
absl::string_view ClaimOriginName(ClaimOrigin value) {
  return Spell(kClaimOrigins, value);
}

bool ParseAuthenticationMethod(absl::string_view text, int* mode) {
  return Lookup(kMethods, text, mode);
}
absl::string_view AuthenticationMethodName(int mode) {
  return Spell(kMethods, mode);
}

}  // namespace request_json_internal
}  // namespace crossgate
