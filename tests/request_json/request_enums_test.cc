// Every enum string of the request format, through the whole reader, in the
// Graph spelling and in other letter cases.

#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "lib/request_json/request_reader.h"
#include "tests/request_json/request_test_util.h"

namespace crossgate {
namespace {

using testing_request_json::ContosoDefaults;

constexpr char kUser[] =
    R"("signInIdentity": {"userId": "aaaaaaaa-0000-4000-8000-000000000001"})";
constexpr char kApp[] =
    R"("signInContext": {"includeApplications": ["00000003-0000-0ff1-ce00-000000000000"]})";

// Parses the request with `conditions` as signInConditions, in the given
// spelling and upper- and lower-cased.
std::vector<ParsedRequest> ParseAllCases(
    absl::string_view member, absl::string_view value,
    const char* where = "signInConditions") {
  std::vector<ParsedRequest> out;
  for (const std::string& spelling :
       {std::string(value), absl::AsciiStrToUpper(value),
        absl::AsciiStrToLower(value)}) {
    std::string inner = absl::StrCat("{\"", member, "\": \"", spelling, "\"}");
    std::string json =
        std::string(where) == "signInConditions"
            ? absl::StrCat("{", kUser, ",", kApp,
                           ",\"signInConditions\": ", inner, "}")
            : absl::StrCat("{", kUser, ",\"signInContext\": ", inner, "}");
    auto parsed = ParseRequestJson(json, ContosoDefaults(), nullptr);
    EXPECT_TRUE(parsed.ok()) << json << ": " << parsed.status();
    if (parsed.ok()) out.push_back(*std::move(parsed));
  }
  return out;
}

TEST(RequestEnumsTest, DevicePlatforms) {
  struct {
    const char* text;
    Platform value;
  } cases[] = {{"android", Platform::kAndroid},
               {"iOS", Platform::kIos},
               {"windows", Platform::kWindows},
               {"windowsPhone", Platform::kWindowsPhone},
               {"macOS", Platform::kMacOs},
               {"linux", Platform::kLinux},
               {"unknownFutureValue", Platform::kUnknown},
               {"all", Platform::kUnspecified},
               {"chromeOS", Platform::kUnknown}};
  for (const auto& c : cases) {
    for (const ParsedRequest& p : ParseAllCases("devicePlatform", c.text)) {
      EXPECT_EQ(p.request().platform, c.value) << c.text;
    }
  }
}

TEST(RequestEnumsTest, ClientAppTypes) {
  struct {
    const char* text;
    ClientApp value;
  } cases[] = {
      {"browser", ClientApp::kBrowser},
      {"mobileAppsAndDesktopClients", ClientApp::kMobileAppsAndDesktopClients},
      {"exchangeActiveSync", ClientApp::kExchangeActiveSync},
      {"easSupported", ClientApp::kExchangeActiveSync},
      {"easUnsupported", ClientApp::kExchangeActiveSync},
      {"other", ClientApp::kOther},
      {"all", ClientApp::kUnspecified}};
  for (const auto& c : cases) {
    for (const ParsedRequest& p : ParseAllCases("clientAppType", c.text)) {
      EXPECT_EQ(p.request().client_app, c.value) << c.text;
    }
  }
}

TEST(RequestEnumsTest, RiskLevels) {
  struct {
    const char* text;
    RiskLevel value;
  } cases[] = {{"none", RiskLevel::kNoRisk},
               {"low", RiskLevel::kLow},
               {"medium", RiskLevel::kMedium},
               {"high", RiskLevel::kHigh},
               {"hidden", RiskLevel::kHidden}};
  for (const auto& c : cases) {
    for (const ParsedRequest& p : ParseAllCases("signInRiskLevel", c.text)) {
      EXPECT_EQ(p.request().sign_in_risk, c.value) << c.text;
    }
    for (const ParsedRequest& p : ParseAllCases("userRiskLevel", c.text)) {
      EXPECT_EQ(p.request().user_risk, c.value) << c.text;
    }
    for (const ParsedRequest& p :
         ParseAllCases("servicePrincipalRiskLevel", c.text)) {
      EXPECT_EQ(p.request().service_principal_risk, c.value) << c.text;
    }
  }
}

TEST(RequestEnumsTest, InsiderRiskLevels) {
  struct {
    const char* text;
    InsiderRisk value;
  } cases[] = {{"none", InsiderRisk::kUnspecified},
               {"minor", InsiderRisk::kMinor},
               {"moderate", InsiderRisk::kModerate},
               {"elevated", InsiderRisk::kElevated}};
  for (const auto& c : cases) {
    for (const ParsedRequest& p : ParseAllCases("insiderRiskLevel", c.text)) {
      EXPECT_EQ(p.request().insider_risk, c.value) << c.text;
    }
  }
}

TEST(RequestEnumsTest, TransferMethods) {
  struct {
    const char* text;
    AuthenticationFlow value;
  } cases[] = {
      {"none", AuthenticationFlow::kUnspecified},
      {"deviceCodeFlow", AuthenticationFlow::kDeviceCodeFlow},
      {"authenticationTransfer", AuthenticationFlow::kAuthenticationTransfer}};
  for (const auto& c : cases) {
    std::string json = absl::StrCat(
        "{", kUser, ",", kApp,
        R"(,"signInConditions": {"authenticationFlow": {"transferMethod": ")",
        c.text, "\"}}}");
    auto parsed = ParseRequestJson(json, ContosoDefaults(), nullptr);
    ASSERT_TRUE(parsed.ok()) << parsed.status();
    EXPECT_EQ(parsed->request().authentication_flow, c.value) << c.text;
  }
}

TEST(RequestEnumsTest, UserActions) {
  struct {
    const char* text;
    UserAction value;
  } cases[] = {
      {"registerSecurityInformation", UserAction::kRegisterSecurityInfo},
      {"registerOrJoinDevices", UserAction::kRegisterDevice},
      {"urn:user:registersecurityinfo", UserAction::kRegisterSecurityInfo},
      {"urn:user:registerdevice", UserAction::kRegisterDevice}};
  for (const auto& c : cases) {
    for (const ParsedRequest& p :
         ParseAllCases("userAction", c.text, "signInContext")) {
      EXPECT_EQ(p.request().user_action, c.value) << c.text;
      EXPECT_EQ(p.request().target_kind, TargetKind::kUserAction);
    }
  }
}

std::string IdentityJson(absl::string_view extra) {
  return absl::StrCat(
      R"({"signInIdentity": {"userId": "aaaaaaaa-0000-4000-8000-000000000001", )",
      extra, "},", kApp, "}");
}

TEST(RequestEnumsTest, IdentitySources) {
  struct {
    const char* text;
    IdentitySource value;
  } cases[] = {{"entra", IdentitySource::kEntra},
               {"microsoftAccount", IdentitySource::kMicrosoftAccount},
               {"emailOneTimePasscode", IdentitySource::kEmailOneTimePasscode},
               {"social", IdentitySource::kSocial},
               {"samlWsFederation", IdentitySource::kSamlWsFederation}};
  for (const auto& c : cases) {
    for (const std::string& spelling :
         {std::string(c.text), absl::AsciiStrToUpper(c.text)}) {
      auto parsed = ParseRequestJson(
          IdentityJson(absl::StrCat(R"("identitySource": ")", spelling, "\"")),
          ContosoDefaults(), nullptr);
      ASSERT_TRUE(parsed.ok()) << parsed.status();
      EXPECT_EQ(parsed->request().identity_source, c.value) << spelling;
    }
  }
}

TEST(RequestEnumsTest, ExternalUserTypes) {
  struct {
    const char* text;
    uint32_t bits;
  } cases[] = {
      {"none", 0},
      {"internalGuest", kInternalGuest},
      {"b2bCollaborationGuest", kB2bCollaborationGuest},
      {"b2bCollaborationMember", kB2bCollaborationMember},
      {"b2bDirectConnectUser", kB2bDirectConnectUser},
      {"otherExternalUser", kOtherExternalUser},
      {"serviceProvider", kServiceProvider},
      {"B2BCOLLABORATIONGUEST, serviceprovider",
       kB2bCollaborationGuest | kServiceProvider},
  };
  for (const auto& c : cases) {
    auto parsed = ParseRequestJson(
        IdentityJson(absl::StrCat(R"("externalUserType": ")", c.text, "\"")),
        ContosoDefaults(), nullptr);
    ASSERT_TRUE(parsed.ok()) << parsed.status();
    EXPECT_EQ(parsed->request().external_user_types, c.bits) << c.text;
  }
}

TEST(RequestEnumsTest, UserTypes) {
  for (const char* text : {"member", "Member", "MEMBER"}) {
    auto parsed = ParseRequestJson(
        IdentityJson(absl::StrCat(R"("userType": ")", text, "\"")),
        ContosoDefaults(), nullptr);
    ASSERT_TRUE(parsed.ok()) << parsed.status();
    EXPECT_EQ(parsed->request().external_user_types, 0u);
  }
  for (const char* text : {"guest", "Guest"}) {
    auto parsed = ParseRequestJson(
        IdentityJson(absl::StrCat(R"("userType": ")", text, "\"")),
        ContosoDefaults(), nullptr);
    ASSERT_TRUE(parsed.ok()) << parsed.status();
    EXPECT_EQ(parsed->request().external_user_types, uint32_t{kInternalGuest});
  }
}

std::string ClaimsJson(absl::string_view claims) {
  return absl::StrCat("{", kUser, ",", kApp, R"(,"claims": )", claims, "}");
}

TEST(RequestEnumsTest, ClaimOrigins) {
  struct {
    const char* text;
    ClaimOrigin value;
  } cases[] = {{"home", ClaimOrigin::kHomeTenant},
               {"Resource", ClaimOrigin::kResourceTenant}};
  for (const auto& c : cases) {
    auto parsed =
        ParseRequestJson(ClaimsJson(absl::StrCat(
                             R"({"mfaOrigin": ")", c.text,
                             R"(", "deviceClaimsOrigin": ")", c.text, "\"}")),
                         ContosoDefaults(), nullptr);
    ASSERT_TRUE(parsed.ok()) << parsed.status();
    EXPECT_EQ(parsed->request().claims.mfa_origin, c.value);
    EXPECT_EQ(parsed->request().claims.device_origin, c.value);
  }
}

// authenticationMethodModes (spec 6.1) -> bit (1 << AuthenticationMethodMode).
TEST(RequestEnumsTest, AuthenticationMethods) {
  const char* names[] = {"password",
                         "voice",
                         "hardwareOath",
                         "softwareOath",
                         "sms",
                         "fido2",
                         "windowsHelloForBusiness",
                         "microsoftAuthenticatorPush",
                         "deviceBasedPush",
                         "temporaryAccessPassOneTime",
                         "temporaryAccessPassMultiUse",
                         "email",
                         "x509CertificateSingleFactor",
                         "x509CertificateMultiFactor",
                         "federatedSingleFactor",
                         "federatedMultiFactor",
                         "qrCodePin"};
  uint32_t all = 0;
  for (int i = 0; i < 17; ++i) {
    auto parsed = ParseRequestJson(
        ClaimsJson(absl::StrCat(R"({"authenticationMethods": [")",
                                absl::AsciiStrToUpper(names[i]), "\"]}")),
        ContosoDefaults(), nullptr);
    ASSERT_TRUE(parsed.ok()) << parsed.status();
    EXPECT_EQ(parsed->request().claims.authentication_methods, 1u << (i + 1))
        << names[i];
    all |= 1u << (i + 1);
  }
  std::string list;
  for (const char* name : names) {
    absl::StrAppend(&list, list.empty() ? "" : ",", "\"", name, "\"");
  }
  auto parsed = ParseRequestJson(
      ClaimsJson(absl::StrCat(R"({"authenticationMethods": [)", list, "]}")),
      ContosoDefaults(), nullptr);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(parsed->request().claims.authentication_methods, all);
}

TEST(RequestEnumsTest, DeviceTrustTypesAndOwnership) {
  struct {
    const char* text;
    const char* canonical;
  } trust[] = {{"AzureAD", "AzureAD"},     {"azuread", "AzureAD"},
               {"EntraID", "AzureAD"},     {"ServerAD", "ServerAD"},
               {"Workplace", "Workplace"}, {"WORKPLACE", "Workplace"}};
  for (const auto& c : trust) {
    auto parsed = ParseRequestJson(
        absl::StrCat("{", kUser, ",", kApp,
                     R"(,"signInConditions": {"deviceInfo": {"trustType": ")",
                     c.text, "\"}}}"),
        ContosoDefaults(), nullptr);
    ASSERT_TRUE(parsed.ok()) << parsed.status();
    EXPECT_EQ(parsed->device().get(DeviceText::kTrustType), c.canonical);
  }
  struct {
    const char* member;
    const char* text;
    const char* canonical;
  } owner[] = {{"ownership", "personal", "Personal"},
               {"ownership", "Company", "Company"},
               {"deviceOwnership", "COMPANY", "Company"},
               {"deviceOwnership", "Personal", "Personal"}};
  for (const auto& c : owner) {
    auto parsed = ParseRequestJson(
        absl::StrCat("{", kUser, ",", kApp,
                     R"(,"signInConditions": {"deviceInfo": {")", c.member,
                     R"(": ")", c.text, "\"}}}"),
        ContosoDefaults(), nullptr);
    ASSERT_TRUE(parsed.ok()) << parsed.status();
    EXPECT_EQ(parsed->device().get(DeviceText::kDeviceOwnership), c.canonical);
  }
}

}  // namespace
}  // namespace crossgate
