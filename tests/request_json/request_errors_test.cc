// Error paths of the request reader: each names the JSON path and says what
// is wrong, and the exact message is part of the format's contract
// (docs/request.md).

#include <string>
#include <vector>

#include "absl/strings/match.h"
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

// A request made of the given top-level members.
std::string Body(absl::string_view members) {
  return absl::StrCat("{", members, "}");
}
std::string WithConditions(absl::string_view conditions) {
  return Body(
      absl::StrCat(kUser, ",", kApp, R"(,"signInConditions": )", conditions));
}
std::string WithIdentity(absl::string_view identity) {
  return Body(absl::StrCat(R"("signInIdentity": )", identity, ",", kApp));
}
std::string WithContext(absl::string_view context) {
  return Body(absl::StrCat(kUser, R"(,"signInContext": )", context));
}
std::string WithClaims(absl::string_view claims) {
  return Body(absl::StrCat(kUser, ",", kApp, R"(,"claims": )", claims));
}

std::string ErrorOf(const std::string& json,
                    const RequestDefaults& defaults = ContosoDefaults()) {
  std::vector<std::string> notes;
  auto parsed = ParseRequestJson(json, defaults, &notes);
  if (parsed.ok()) return "OK";
  EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument);
  return std::string(parsed.status().message());
}

TEST(RequestErrorsTest, NotJsonOrNotAnObject) {
  EXPECT_TRUE(absl::StartsWith(ErrorOf("{\"signInIdentity\": "),
                               "request: invalid JSON: "));
  EXPECT_TRUE(absl::StartsWith(ErrorOf(""), "request: invalid JSON: "));
  EXPECT_EQ(ErrorOf("[1, 2]"), "request: expected a JSON object, got array");
  EXPECT_EQ(ErrorOf("\"text\""), "request: expected a JSON object, got string");
}

TEST(RequestErrorsTest, RequiredMembers) {
  EXPECT_EQ(ErrorOf(Body(kApp)), "signInIdentity: required");
  EXPECT_EQ(ErrorOf(Body(kUser)), "signInContext: required");
  EXPECT_EQ(ErrorOf(WithIdentity("{}")), "signInIdentity.userId: required");
  EXPECT_EQ(
      ErrorOf(WithIdentity(
          R"({"@odata.type": "#microsoft.graph.servicePrincipalSignIn"})")),
      "signInIdentity.servicePrincipalId: required");
  EXPECT_EQ(ErrorOf(WithContext("{}")),
            "signInContext: one of includeApplications, userAction or "
            "authenticationContextValue is required");
  EXPECT_EQ(ErrorOf(WithContext(
                R"({"@odata.type": "#microsoft.graph.authContext"})")),
            "signInContext.authenticationContextValue: required");
  EXPECT_EQ(ErrorOf(Body(absl::StrCat(kUser, ",", kApp)), RequestDefaults()),
            "resourceTenantId: required (there is no default tenant)");
  EXPECT_EQ(ErrorOf(Body(absl::StrCat(kUser, ",", kApp,
                                      R"(,"tenantRestrictions": {})"))),
            "tenantRestrictions.tenantId: required");
}

TEST(RequestErrorsTest, UnknownProperties) {
  EXPECT_EQ(ErrorOf(Body(absl::StrCat(kUser, ",", kApp, R"(,"grups": [])"))),
            "grups: unknown property");
  EXPECT_EQ(
      ErrorOf(WithIdentity(
          R"({"userId": "aaaaaaaa-0000-4000-8000-000000000001", "grups": []})")),
      "signInIdentity.grups: unknown property");
  // Several unknown members: the smallest name is reported.
  EXPECT_EQ(ErrorOf(WithConditions(R"({"zeta": 1, "alpha": 2})")),
            "signInConditions.alpha: unknown property");
  EXPECT_EQ(ErrorOf(WithConditions(R"({"deviceInfo": {"isManaged": true}})")),
            "signInConditions.deviceInfo.isManaged: unknown property");
  EXPECT_EQ(ErrorOf(WithClaims(R"({"mfaa": true})")),
            "claims.mfaa: unknown property");
  EXPECT_EQ(
      ErrorOf(WithConditions(
          R"({"authenticationFlow": {"transferMethods": "deviceCodeFlow"}})")),
      "signInConditions.authenticationFlow.transferMethods: unknown "
      "property");
  // Property names are case-sensitive, like Graph's.
  EXPECT_EQ(ErrorOf(WithConditions(R"({"DevicePlatform": "windows"})")),
            "signInConditions.DevicePlatform: unknown property");
}

TEST(RequestErrorsTest, PropertiesOfTheOtherType) {
  EXPECT_EQ(ErrorOf(WithIdentity(
                R"({"@odata.type": "#microsoft.graph.servicePrincipalSignIn",
              "servicePrincipalId": "c65b94a5-0049-439a-a6fd-bce307077730",
              "groups": []})")),
            "signInIdentity.groups: not a property of "
            "#microsoft.graph.servicePrincipalSignIn");
  EXPECT_EQ(ErrorOf(WithIdentity(
                R"({"userId": "aaaaaaaa-0000-4000-8000-000000000001",
                    "servicePrincipalId": "c65b94a5-0049-439a-a6fd-bce307077730"})")),
            "signInIdentity.servicePrincipalId: not a property of "
            "#microsoft.graph.userSignIn");
  EXPECT_EQ(ErrorOf(WithContext(
                R"({"@odata.type": "#microsoft.graph.applicationContext",
                    "includeApplications": ["00000003-0000-0ff1-ce00-000000000000"],
                    "userAction": "registerSecurityInformation"})")),
            "signInContext.userAction: not a property of "
            "#microsoft.graph.applicationContext");
  EXPECT_EQ(ErrorOf(WithContext(
                R"({"userAction": "registerSecurityInformation",
                    "authenticationContextValue": "c1"})")),
            "signInContext.authenticationContextValue: not a property of "
            "#microsoft.graph.userActionContext");
  EXPECT_EQ(ErrorOf(WithIdentity(
                R"({"@odata.type": "#microsoft.graph.agentSignIn"})")),
            "signInIdentity.@odata.type: unknown value "
            "\"#microsoft.graph.agentSignIn\"");
}

TEST(RequestErrorsTest, WrongJsonTypes) {
  EXPECT_EQ(ErrorOf(WithIdentity(R"({"userId": 42})")),
            "signInIdentity.userId: expected a string, got number");
  EXPECT_EQ(ErrorOf(WithIdentity("[]")),
            "signInIdentity: expected an object, got array");
  EXPECT_EQ(
      ErrorOf(WithIdentity(
          R"({"userId": "aaaaaaaa-0000-4000-8000-000000000001", "groups": "x"})")),
      "signInIdentity.groups: expected an array, got string");
  EXPECT_EQ(ErrorOf(WithConditions(R"({"compliantNetwork": "yes"})")),
            "signInConditions.compliantNetwork: expected true or false, got "
            "string");
  EXPECT_EQ(
      ErrorOf(WithConditions(R"({"deviceInfo": {"physicalIds": ["a", 7]}})")),
      "signInConditions.deviceInfo.physicalIds[1]: expected a string, "
      "got number");
  EXPECT_EQ(
      ErrorOf(WithContext(
          R"({"includeApplications": "00000003-0000-0ff1-ce00-000000000000"})")),
      "signInContext.includeApplications: expected an array, got "
      "string");
  EXPECT_EQ(ErrorOf(WithClaims(R"({"authenticationMethods": "password"})")),
            "claims.authenticationMethods: expected an array, got string");
  EXPECT_EQ(ErrorOf(Body(absl::StrCat(kUser, ",", kApp,
                                      R"(,"appliedPoliciesOnly": 1)"))),
            "appliedPoliciesOnly: expected true or false, got number");
}

TEST(RequestErrorsTest, BadIds) {
  EXPECT_EQ(ErrorOf(WithIdentity(R"({"userId": "alice@contoso.com"})")),
            "signInIdentity.userId: not a GUID: \"alice@contoso.com\"");
  EXPECT_EQ(ErrorOf(WithIdentity(
                R"({"userId": "aaaaaaaa-0000-4000-8000-000000000001",
                    "groups": ["cccccccc-0000-4000-8000-000000000003", "Sales"]})")),
            "signInIdentity.groups[1]: not a GUID: \"Sales\"");
  EXPECT_EQ(ErrorOf(WithContext(R"({"includeApplications": ["Office365"]})")),
            "signInContext.includeApplications[0]: not a GUID: \"Office365\"");
  EXPECT_EQ(
      ErrorOf(WithContext(
          R"({"includeApplications": ["00000003-0000-0ff1-ce00-000000000000",
                                            "00000002-0000-0ff1-ce00-000000000000"]})")),
      "signInContext.includeApplications: exactly one application id "
      "is supported, got 2");
  EXPECT_EQ(ErrorOf(WithContext(R"({"includeApplications": []})")),
            "signInContext.includeApplications: exactly one application id "
            "is supported, got 0");
  EXPECT_EQ(
      ErrorOf(Body(absl::StrCat(
          kUser, ",", kApp,
          R"(,"resourceTenantId": "00000000-0000-0000-0000-000000000000")"))),
      "resourceTenantId: must not be the zero GUID");
  EXPECT_EQ(ErrorOf(WithConditions(R"({"deviceInfo": {"deviceId": "SAW-1"}})")),
            "signInConditions.deviceInfo.deviceId: not a GUID: \"SAW-1\"");
  EXPECT_EQ(ErrorOf(WithClaims(R"({"acceptedTermsOfUse": ["tou"]})")),
            "claims.acceptedTermsOfUse[0]: not a GUID: \"tou\"");
}

TEST(RequestErrorsTest, BadValues) {
  EXPECT_EQ(ErrorOf(WithConditions(R"({"clientAppType": "desktop"})")),
            "signInConditions.clientAppType: unknown value \"desktop\"");
  EXPECT_EQ(ErrorOf(WithConditions(R"({"signInRiskLevel": "severe"})")),
            "signInConditions.signInRiskLevel: unknown value \"severe\"");
  EXPECT_EQ(
      ErrorOf(WithConditions(R"({"userRiskLevel": "unknownFutureValue"})")),
      "signInConditions.userRiskLevel: unknown value "
      "\"unknownFutureValue\"");
  EXPECT_EQ(ErrorOf(WithConditions(R"({"insiderRiskLevel": "high"})")),
            "signInConditions.insiderRiskLevel: unknown value \"high\"");
  EXPECT_EQ(ErrorOf(WithConditions(
                R"({"authenticationFlow": {"transferMethod": "qr"}})")),
            "signInConditions.authenticationFlow.transferMethod: unknown "
            "value \"qr\"");
  EXPECT_EQ(ErrorOf(WithConditions(R"({"ipAddress": "10.0.0.256"})")),
            "signInConditions.ipAddress: not an IP address: \"10.0.0.256\"");
  EXPECT_EQ(ErrorOf(WithConditions(R"({"country": "USA"})")),
            "signInConditions.country: expected an ISO 3166 alpha-2 country "
            "code, got \"USA\"");
  EXPECT_EQ(ErrorOf(WithConditions(R"({"gpsCountry": "1A"})")),
            "signInConditions.gpsCountry: expected an ISO 3166 alpha-2 "
            "country code, got \"1A\"");
  EXPECT_EQ(
      ErrorOf(WithConditions(R"({"deviceInfo": {"trustType": "Hybrid"}})")),
      "signInConditions.deviceInfo.trustType: unknown value \"Hybrid\"");
  EXPECT_EQ(
      ErrorOf(WithConditions(R"({"deviceInfo": {"ownership": "corporate"}})")),
      "signInConditions.deviceInfo.ownership: unknown value "
      "\"corporate\"");
  EXPECT_EQ(
      ErrorOf(WithConditions(
          R"({"deviceInfo": {"ownership": "company", "deviceOwnership": "Company"}})")),
      "signInConditions.deviceInfo.ownership: give either ownership or "
      "deviceOwnership, not both");
  EXPECT_EQ(ErrorOf(WithContext(R"({"userAction": "resetPassword"})")),
            "signInContext.userAction: unknown value \"resetPassword\"");
  for (const char* bad : {"c0", "c100", "c", "37", "c07", "d1", "c1x"}) {
    EXPECT_EQ(ErrorOf(WithContext(absl::StrCat(
                  R"({"authenticationContextValue": ")", bad, "\"}"))),
              absl::StrCat("signInContext.authenticationContextValue: "
                           "expected c1..c99, got \"",
                           bad, "\""));
  }
  EXPECT_EQ(ErrorOf(WithClaims(R"({"mfaOrigin": "partner"})")),
            "claims.mfaOrigin: unknown value \"partner\"");
  EXPECT_EQ(ErrorOf(WithClaims(
                R"({"authenticationMethods": ["password", "magicLink"]})")),
            "claims.authenticationMethods[1]: unknown value \"magicLink\"");
}

TEST(RequestErrorsTest, IdentityContradictions) {
  EXPECT_EQ(ErrorOf(WithIdentity(
                R"({"userId": "aaaaaaaa-0000-4000-8000-000000000001",
                    "userType": "visitor"})")),
            "signInIdentity.userType: unknown value \"visitor\"");
  EXPECT_EQ(ErrorOf(WithIdentity(
                R"({"userId": "aaaaaaaa-0000-4000-8000-000000000001",
                    "identitySource": "google"})")),
            "signInIdentity.identitySource: unknown value \"google\"");
  EXPECT_EQ(ErrorOf(WithIdentity(
                R"({"userId": "aaaaaaaa-0000-4000-8000-000000000001",
                    "externalUserType": "b2bCollaborationGuest,partner"})")),
            "signInIdentity.externalUserType: unknown value \"partner\"");
  EXPECT_EQ(ErrorOf(WithIdentity(
                R"({"userId": "aaaaaaaa-0000-4000-8000-000000000001",
                    "userType": "member",
                    "externalUserType": "b2bCollaborationGuest"})")),
            "signInIdentity.externalUserType: b2bCollaborationGuest "
            "contradicts userType member");
  EXPECT_EQ(ErrorOf(WithIdentity(
                R"({"userId": "aaaaaaaa-0000-4000-8000-000000000001",
                    "userType": "guest",
                    "externalUserType": "b2bCollaborationMember"})")),
            "signInIdentity.externalUserType: b2bCollaborationMember "
            "contradicts userType guest");
  EXPECT_EQ(ErrorOf(WithIdentity(
                R"({"userId": "aaaaaaaa-0000-4000-8000-000000000001",
                    "externalTenantId": "33333333-3333-4333-8333-333333333333",
                    "externalUserType": "internalGuest"})")),
            "signInIdentity.externalUserType: internalGuest is a local "
            "account of the resource tenant, but externalTenantId names "
            "another tenant");
  EXPECT_EQ(ErrorOf(WithIdentity(
                R"({"userId": "aaaaaaaa-0000-4000-8000-000000000001",
                    "externalTenantId": "00000000-0000-0000-0000-000000000000"})")),
            "signInIdentity.externalTenantId: must not be the zero GUID");
}

TEST(RequestErrorsTest, LongValuesAreShortenedInMessages) {
  std::string long_value(100, 'x');
  EXPECT_EQ(ErrorOf(WithConditions(
                absl::StrCat(R"({"clientAppType": ")", long_value, "\"}"))),
            absl::StrCat("signInConditions.clientAppType: unknown value \"",
                         std::string(64, 'x'), "...\""));
}

}  // namespace
}  // namespace crossgate
