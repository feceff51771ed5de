#ifndef CROSSGATE_LIB_REQUEST_JSON_REQUEST_ENUMS_H_
#define CROSSGATE_LIB_REQUEST_JSON_REQUEST_ENUMS_H_

// The enum strings of the request JSON format (docs/request.md) and the
// lib/eval/request.h values they map to. Parsing is case-insensitive (the
// What-If body is hand-written as often as generated); formatting writes the
// Graph spelling. Each Parse* returns false for a string it does not know and
// leaves `*out` alone.

#include <cstdint>

#include "absl/strings/string_view.h"
#include "lib/eval/request.h"

namespace crossgate {
namespace request_json_internal {

// What a devicePlatform string means. `all` (the What-If default) and
// `unknownFutureValue` are not platforms; the reader decides what to do.
enum class PlatformWord : uint8_t { kPlatform, kAll, kUnknownFutureValue };
bool ParsePlatform(absl::string_view text, Platform* out, PlatformWord* word);
absl::string_view PlatformName(Platform value);  // "" for kUnspecified

// clientAppType. `all` (the What-If default) sets *is_all and leaves *out
// kUnspecified; `easSupported` and the deprecated `easUnsupported` read as
// exchangeActiveSync.
bool ParseClientApp(absl::string_view text, ClientApp* out, bool* is_all);
absl::string_view ClientAppName(ClientApp value);

// riskLevel: none, low, medium, high, hidden.
bool ParseRiskLevel(absl::string_view text, RiskLevel* out);
absl::string_view RiskLevelName(RiskLevel value);

// insiderRiskLevel: none (= kUnspecified), minor, moderate, elevated.
bool ParseInsiderRisk(absl::string_view text, InsiderRisk* out);
absl::string_view InsiderRiskName(InsiderRisk value);

// authenticationFlow.transferMethod: none (= kUnspecified), deviceCodeFlow,
// authenticationTransfer.
bool ParseTransferMethod(absl::string_view text, AuthenticationFlow* out);
absl::string_view TransferMethodName(AuthenticationFlow value);

// userAction: Graph's registerSecurityInformation / registerOrJoinDevices, or
// the policy spellings urn:user:registersecurityinfo / urn:user:registerdevice.
bool ParseUserAction(absl::string_view text, UserAction* out);
absl::string_view UserActionName(UserAction value);

// identitySource (crossgate extension): entra, microsoftAccount,
// emailOneTimePasscode, social, samlWsFederation.
bool ParseIdentitySource(absl::string_view text, IdentitySource* out);
absl::string_view IdentitySourceName(IdentitySource value);

// One member of conditionalAccessGuestOrExternalUserTypes as an
// ExternalUserTypeBit (`none` is 0).
bool ParseExternalUserType(absl::string_view text, uint32_t* bit);
// Comma-joined names of the bits, in Graph's order; "none" for 0.
std::string ExternalUserTypesName(uint32_t bits);

// mfaOrigin / deviceClaimsOrigin (crossgate extension): home, resource.
bool ParseClaimOrigin(absl::string_view text, ClaimOrigin* out);
absl::string_view ClaimOriginName(ClaimOrigin value);

// One authenticationMethodModes string as its
// crossgate.policy.v1.AuthenticationMethodMode number (1..17).
bool ParseAuthenticationMethod(absl::string_view text, int* mode);
absl::string_view AuthenticationMethodName(int mode);  // "" if out of range

}  // namespace request_json_internal
}  // namespace crossgate

#endif  // CROSSGATE_LIB_REQUEST_JSON_REQUEST_ENUMS_H_
