// FormatRequestJson round trips, and the ParsedRequest ownership invariant
// (spans stay valid across copies, moves and reuse).

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/request_json/request_reader.h"
#include "lib/request_json/request_writer.h"
#include "tests/request_json/request_test_util.h"

namespace crossgate {
namespace {

using ::testing::IsEmpty;
using testing_request_json::ContosoDefaults;
using testing_request_json::ExpectSameRequest;
using testing_request_json::G;
using testing_request_json::ReadFileOrDie;
using testing_request_json::SharedDir;

constexpr char kRich[] = R"json({
  "signInIdentity": {"userId": "aaaaaaaa-0000-4000-8000-000000000001",
    "externalTenantId": "33333333-3333-4333-8333-333333333333",
    "userType": "guest", "identitySource": "samlWsFederation",
    "homeUserId": "bbbbbbbb-0000-4000-8000-000000000002",
    "groups": ["cccccccc-0000-4000-8000-000000000003"],
    "homeGroups": ["dddddddd-0000-4000-8000-000000000005"], "roles": []},
  "signInContext": {"authenticationContextValue": "c12",
                    "clientApplicationId": "d3590ed6-52b3-4102-aeff-aad2292ab01c"},
  "signInConditions": {"devicePlatform": "chromeOS", "clientAppType": "other",
    "ipAddress": "198.51.100.7", "country": "de", "gpsCountry": "fr",
    "compliantNetwork": true, "signInRiskLevel": "hidden",
    "userRiskLevel": "none", "servicePrincipalRiskLevel": "low",
    "insiderRiskLevel": "minor",
    "authenticationFlow": {"transferMethod": "authenticationTransfer"},
    "deviceInfo": {"displayName": "quote\"and\\slash\ttab", "isCompliant": true,
                   "physicalIds": [], "systemLabels": ["MultiUser"],
                   "trustType": "Workplace", "extensionAttribute9": ""}},
  "claims": {"mfa": true, "mfaOrigin": "resource",
    "authenticationMethods": ["fido2"], "acceptedTermsOfUse": [],
    "satisfiedCustomControls": ["a", "b"]},
  "tenantRestrictions": {"tenantId": "44444444-4444-4444-8444-444444444444"}
})json";

void ExpectRoundTrip(const std::string& json) {
  auto first = ParseRequestJson(json, ContosoDefaults(), nullptr);
  ASSERT_TRUE(first.ok()) << first.status();
  std::string formatted = FormatRequestJson(*first);
  std::vector<std::string> notes;
  auto second = ParseRequestJson(formatted, RequestDefaults(), &notes);
  ASSERT_TRUE(second.ok()) << second.status() << "\n" << formatted;
  ExpectSameRequest(first->request(), second->request());
  EXPECT_EQ(first->applied_policies_only(), second->applied_policies_only());
  EXPECT_EQ(first->device().registered, second->device().registered);
  EXPECT_EQ(first->device().present, second->device().present);
  for (int i = 0; i < kDeviceStringCount; ++i) {
    EXPECT_EQ(first->device().strings[i], second->device().strings[i]);
  }
  EXPECT_EQ(first->device().is_compliant, second->device().is_compliant);
  EXPECT_EQ(first->device().physical_ids, second->device().physical_ids);
  EXPECT_EQ(first->device().system_labels, second->device().system_labels);
  // The written form is a fixed point.
  EXPECT_EQ(FormatRequestJson(*second), formatted);
  // Every directory fact is explicit: the written form needs no directory
  // defaults (only values the Request leaves unspecified stay unspecified).
  for (const std::string& note : notes) {
    for (const char* fact :
         {"resourceTenantId", "signInIdentity.userType",
          "signInIdentity.externalUserType", "signInIdentity.groups",
          "signInIdentity.homeGroups", "signInIdentity.roles",
          "signInIdentity.homeUserId", "claims"}) {
      EXPECT_FALSE(absl::StartsWith(note, absl::StrCat(fact, " ")))
          << note << "\n"
          << formatted;
    }
  }
}

TEST(RequestRoundTripTest, RichRequest) { ExpectRoundTrip(kRich); }

TEST(RequestRoundTripTest, GraphSample) {
  ExpectRoundTrip(ReadFileOrDie(
      SharedDir() + "/spec/graph-samples/ca-whatif-evaluate-request.json"));
}

TEST(RequestRoundTripTest, ServicePrincipalAndUserAction) {
  ExpectRoundTrip(R"json({
    "signInIdentity": {"servicePrincipalId": "c65b94a5-0049-439a-a6fd-bce307077730"},
    "signInContext": {"includeApplications": ["00000003-0000-0ff1-ce00-000000000000"]},
    "signInConditions": {"servicePrincipalRiskLevel": "high"}})json");
  ExpectRoundTrip(R"json({
    "signInIdentity": {"userId": "aaaaaaaa-0000-4000-8000-000000000001",
                       "externalUserType": "b2bDirectConnectUser",
                       "externalTenantId": "33333333-3333-4333-8333-333333333333"},
    "signInContext": {"userAction": "registerOrJoinDevices"},
    "signInConditions": {"deviceInfo": {"registered": false, "model": "x"}}})json");
}

TEST(RequestRoundTripTest, FormatsGraphSpellings) {
  auto parsed = ParseRequestJson(kRich, ContosoDefaults(), nullptr);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  std::string json = FormatRequestJson(parsed->request());
  EXPECT_THAT(
      json,
      ::testing::HasSubstr(
          R"("signInIdentity":{"@odata.type":"#microsoft.graph.userSignIn",)"));
  EXPECT_THAT(json,
              ::testing::HasSubstr(R"("devicePlatform":"unknownFutureValue")"));
  EXPECT_THAT(json,
              ::testing::HasSubstr(R"("authenticationContextValue":"c12")"));
  EXPECT_THAT(json, ::testing::HasSubstr(R"("country":"DE")"));
  EXPECT_THAT(json, ::testing::HasSubstr(
                        R"("externalUserType":"b2bCollaborationGuest")"));
  EXPECT_THAT(json,
              ::testing::HasSubstr(R"("authenticationMethods":["fido2"])"));
  // The Request-only form writes the device the engine sees; for a
  // registered device that is what the ParsedRequest form writes too.
  EXPECT_THAT(json, ::testing::HasSubstr(
                        R"("deviceInfo":{"registered":true,"displayName":)"));
  EXPECT_EQ(
      json,
      FormatRequestJson(*parsed).substr(
          0, FormatRequestJson(*parsed).rfind(",\"appliedPoliciesOnly\"")) +
          "}");
}

TEST(RequestRoundTripTest, JsonQuoteEscapes) {
  EXPECT_EQ(JsonQuote("a\"b\\c\n\x01\xc3\xa9"),
            "\"a\\\"b\\\\c\\n\\u0001\xc3\xa9\"");
}

// Short strings live inside std::string (SSO) and move with it; the views
// must follow. Each check overwrites the source afterwards, so a view still
// pointing into the source would read the new content.
TEST(ParsedRequestTest, CopiesAndMovesKeepSpansValid) {
  constexpr char kOther[] = R"json({
    "signInIdentity": {"userId": "aaaaaaaa-0000-4000-8000-000000000009",
                       "groups": ["cccccccc-0000-4000-8000-000000000099"]},
    "signInContext": {"userAction": "registerSecurityInformation"},
    "claims": {"satisfiedCustomControls": ["x", "y"]}})json";
  RequestReader reader;
  auto expect_rich = [](const ParsedRequest& p) {
    const Request& r = p.request();
    ASSERT_EQ(r.claims.satisfied_custom_controls.size(), 2u);
    EXPECT_EQ(r.claims.satisfied_custom_controls[0], "a");
    EXPECT_EQ(r.claims.satisfied_custom_controls[1], "b");
    ASSERT_EQ(r.groups.size(), 1u);
    EXPECT_EQ(r.groups[0], G("cccccccc-0000-4000-8000-000000000003"));
  };

  ParsedRequest source;
  ASSERT_TRUE(reader.Parse(kRich, ContosoDefaults(), &source, nullptr).ok());
  ParsedRequest copied(source);
  ParsedRequest copy_assigned;
  copy_assigned = source;
  ASSERT_TRUE(reader.Parse(kOther, ContosoDefaults(), &source, nullptr).ok());
  expect_rich(copied);
  expect_rich(copy_assigned);

  ParsedRequest moved(std::move(copied));
  ASSERT_TRUE(reader.Parse(kOther, ContosoDefaults(), &copied, nullptr).ok());
  expect_rich(moved);
  ParsedRequest move_assigned;
  move_assigned = std::move(moved);
  ASSERT_TRUE(reader.Parse(kOther, ContosoDefaults(), &moved, nullptr).ok());
  expect_rich(move_assigned);

  // Vector regrowth moves elements.
  std::vector<ParsedRequest> many;
  for (int i = 0; i < 20; ++i) many.push_back(move_assigned);
  for (const ParsedRequest& p : many) expect_rich(p);

  // A moved-from object is empty, not dangling.
  ParsedRequest emptied(std::move(many[0]));
  EXPECT_THAT(many[0].request().groups, IsEmpty());
  EXPECT_THAT(many[0].request().claims.satisfied_custom_controls, IsEmpty());
  expect_rich(emptied);
}

TEST(ParsedRequestTest, ReaderReuseLeavesNothingBehind) {
  RequestReader reader;
  ParsedRequest parsed;
  ASSERT_TRUE(reader.Parse(kRich, ContosoDefaults(), &parsed, nullptr).ok());
  ASSERT_TRUE(
      reader
          .Parse(
              R"json({"signInIdentity": {"userId": "aaaaaaaa-0000-4000-8000-000000000009"},
                                 "signInContext": {"userAction": "registerSecurityInformation"}})json",
              ContosoDefaults(), &parsed, nullptr)
          .ok());
  auto fresh = ParseRequestJson(
      R"json({"signInIdentity": {"userId": "aaaaaaaa-0000-4000-8000-000000000009"},
              "signInContext": {"userAction": "registerSecurityInformation"}})json",
      ContosoDefaults(), nullptr);
  ASSERT_TRUE(fresh.ok());
  ExpectSameRequest(parsed.request(), fresh->request());
  EXPECT_FALSE(parsed.device().has_attributes());
  EXPECT_FALSE(parsed.applied_policies_only());

  // A failed parse leaves a valid (if meaningless) request behind, and the
  // next parse starts clean.
  EXPECT_FALSE(
      reader
          .Parse("{\"signInIdentity\": 1}", ContosoDefaults(), &parsed, nullptr)
          .ok());
  ASSERT_TRUE(reader.Parse(kRich, ContosoDefaults(), &parsed, nullptr).ok());
  EXPECT_EQ(parsed.request().claims.satisfied_custom_controls.size(), 2u);
}

}  // namespace
}  // namespace crossgate
