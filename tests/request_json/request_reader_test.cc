#include "lib/request_json/request_reader.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/model/cidr.h"
#include "lib/request_json/request_device.h"
#include "tests/request_json/request_test_util.h"

namespace crossgate {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using testing_request_json::ContosoDefaults;
using testing_request_json::G;
using testing_request_json::ReadFileOrDie;
using testing_request_json::SharedDir;

constexpr char kContoso[] = "11111111-1111-4111-8111-111111111111";

// Every member of the format, each with a non-default value.
constexpr char kEveryField[] = R"json({
  "resourceTenantId": "22222222-2222-4222-8222-222222222222",
  "signInIdentity": {
    "@odata.type": "#microsoft.graph.userSignIn",
    "userId": "aaaaaaaa-0000-4000-8000-000000000001",
    "externalTenantId": "33333333-3333-4333-8333-333333333333",
    "externalUserType": "b2bCollaborationGuest,b2bDirectConnectUser",
    "userType": "guest",
    "identitySource": "entra",
    "homeUserId": "bbbbbbbb-0000-4000-8000-000000000002",
    "groups": ["cccccccc-0000-4000-8000-000000000003",
               "cccccccc-0000-4000-8000-000000000004"],
    "homeGroups": ["dddddddd-0000-4000-8000-000000000005"],
    "roles": ["62e90394-69f5-4237-9190-012177145e10"]
  },
  "signInContext": {
    "@odata.type": "#microsoft.graph.applicationContext",
    "includeApplications": ["00000003-0000-0ff1-ce00-000000000000"],
    "clientApplicationId": "d3590ed6-52b3-4102-aeff-aad2292ab01c"
  },
  "signInConditions": {
    "devicePlatform": "iOS",
    "clientAppType": "mobileAppsAndDesktopClients",
    "ipAddress": "2001:db8::17",
    "country": "nl",
    "gpsCountry": "BE",
    "compliantNetwork": true,
    "signInRiskLevel": "low",
    "userRiskLevel": "high",
    "servicePrincipalRiskLevel": "medium",
    "insiderRiskLevel": "elevated",
    "authenticationFlow": {"transferMethod": "deviceCodeFlow"},
    "deviceInfo": {
      "registered": true,
      "deviceId": "EEEEEEEE-0000-4000-8000-000000000006",
      "displayName": "SAW-0042",
      "ownership": "company",
      "enrollmentProfileName": "Autopilot SAW",
      "isCompliant": true,
      "manufacturer": "Contoso Devices",
      "mdmAppId": "0000000a-0000-0000-c000-000000000000",
      "model": "Surface Laptop 7",
      "operatingSystem": "Windows",
      "operatingSystemVersion": "10.0.26100",
      "physicalIds": ["[ZTDId]:abc", "[OrderId]:SAW"],
      "profileType": "SecureVM",
      "systemLabels": ["M365Managed"],
      "trustType": "EntraID",
      "extensionAttribute1": "SAW",
      "extensionAttribute15": "tier0"
    }
  },
  "claims": {
    "mfa": true,
    "mfaOrigin": "home",
    "authenticationMethods": ["password", "microsoftAuthenticatorPush"],
    "compliantDevice": false,
    "hybridJoinedDevice": true,
    "deviceClaimsOrigin": "home",
    "approvedApplication": true,
    "appProtectionPolicy": true,
    "passwordChanged": true,
    "riskRemediated": true,
    "acceptedTermsOfUse": ["ffffffff-0000-4000-8000-000000000007"],
    "satisfiedCustomControls": ["DuoMfa"]
  },
  "tenantRestrictions": {"tenantId": "44444444-4444-4444-8444-444444444444"},
  "appliedPoliciesOnly": true
})json";

TEST(RequestReaderTest, ReadsEveryField) {
  std::vector<std::string> notes;
  auto parsed = ParseRequestJson(kEveryField, ContosoDefaults(), &notes);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  const Request& r = parsed->request();
  EXPECT_EQ(r.resource_tenant_id, G("22222222-2222-4222-8222-222222222222"));
  EXPECT_EQ(r.principal_kind, PrincipalKind::kUser);
  EXPECT_EQ(r.principal_id, G("aaaaaaaa-0000-4000-8000-000000000001"));
  EXPECT_EQ(r.home_tenant_id, G("33333333-3333-4333-8333-333333333333"));
  EXPECT_EQ(r.external_user_types,
            uint32_t{kB2bCollaborationGuest | kB2bDirectConnectUser});
  EXPECT_EQ(r.identity_source, IdentitySource::kEntra);
  EXPECT_EQ(r.home_user_id, G("bbbbbbbb-0000-4000-8000-000000000002"));
  EXPECT_THAT(r.groups, ElementsAre(G("cccccccc-0000-4000-8000-000000000003"),
                                    G("cccccccc-0000-4000-8000-000000000004")));
  EXPECT_THAT(r.home_groups,
              ElementsAre(G("dddddddd-0000-4000-8000-000000000005")));
  EXPECT_THAT(r.roles, ElementsAre(G("62e90394-69f5-4237-9190-012177145e10")));
  EXPECT_EQ(r.target_kind, TargetKind::kApplication);
  EXPECT_EQ(r.application_id, G("00000003-0000-0ff1-ce00-000000000000"));
  EXPECT_EQ(r.client_application_id, G("d3590ed6-52b3-4102-aeff-aad2292ab01c"));
  EXPECT_EQ(r.platform, Platform::kIos);
  EXPECT_EQ(r.client_app, ClientApp::kMobileAppsAndDesktopClients);
  ASSERT_TRUE(r.has_ip);
  EXPECT_EQ(FormatIpAddress(r.ip), "2001:db8::17");
  EXPECT_EQ(std::string(r.country, 2), "NL");
  EXPECT_EQ(std::string(r.gps_country, 2), "BE");
  EXPECT_TRUE(r.compliant_network);
  EXPECT_EQ(r.sign_in_risk, RiskLevel::kLow);
  EXPECT_EQ(r.user_risk, RiskLevel::kHigh);
  EXPECT_EQ(r.service_principal_risk, RiskLevel::kMedium);
  EXPECT_EQ(r.insider_risk, InsiderRisk::kElevated);
  EXPECT_EQ(r.authentication_flow, AuthenticationFlow::kDeviceCodeFlow);

  const RequestDevice& d = parsed->device();
  EXPECT_TRUE(d.registered);
  EXPECT_EQ(d.get(DeviceText::kDeviceId),
            "eeeeeeee-0000-4000-8000-000000000006");
  EXPECT_EQ(d.get(DeviceText::kDisplayName), "SAW-0042");
  EXPECT_EQ(d.get(DeviceText::kDeviceOwnership), "Company");
  EXPECT_EQ(d.get(DeviceText::kEnrollmentProfileName), "Autopilot SAW");
  EXPECT_EQ(d.is_compliant, absl::optional<bool>(true));
  EXPECT_EQ(d.get(DeviceText::kManufacturer), "Contoso Devices");
  EXPECT_EQ(d.get(DeviceText::kMdmAppId),
            "0000000a-0000-0000-c000-000000000000");
  EXPECT_EQ(d.get(DeviceText::kModel), "Surface Laptop 7");
  EXPECT_EQ(d.get(DeviceText::kOperatingSystem), "Windows");
  EXPECT_EQ(d.get(DeviceText::kOperatingSystemVersion), "10.0.26100");
  EXPECT_THAT(d.physical_ids, ElementsAre("[ZTDId]:abc", "[OrderId]:SAW"));
  EXPECT_EQ(d.get(DeviceText::kProfileType), "SecureVM");
  EXPECT_THAT(d.system_labels, ElementsAre("M365Managed"));
  EXPECT_EQ(d.get(DeviceText::kTrustType), "AzureAD");
  EXPECT_EQ(d.get(DeviceText::kExtensionAttribute1), "SAW");
  EXPECT_EQ(d.strings[static_cast<int>(DeviceText::kExtensionAttribute1) + 14],
            "tier0");
  // extensionAttribute2 was not given: null, not "".
  EXPECT_FALSE(
      (d.present >> (static_cast<int>(DeviceText::kExtensionAttribute1) + 1)) &
      1u);

  const Claims& c = r.claims;
  EXPECT_TRUE(c.mfa);
  EXPECT_EQ(c.mfa_origin, ClaimOrigin::kHomeTenant);
  EXPECT_EQ(c.authentication_methods, (1u << 1) | (1u << 8));
  EXPECT_FALSE(c.compliant_device);  // stated false: not derived from device
  EXPECT_TRUE(c.hybrid_joined_device);
  EXPECT_EQ(c.device_origin, ClaimOrigin::kHomeTenant);
  EXPECT_TRUE(c.approved_application);
  EXPECT_TRUE(c.app_protection_policy);
  EXPECT_TRUE(c.password_changed);
  EXPECT_TRUE(c.risk_remediated);
  EXPECT_THAT(c.accepted_terms_of_use,
              ElementsAre(G("ffffffff-0000-4000-8000-000000000007")));
  ASSERT_EQ(c.satisfied_custom_controls.size(), 1u);
  EXPECT_EQ(c.satisfied_custom_controls[0], "DuoMfa");

  EXPECT_TRUE(r.tenant_restrictions_signal);
  EXPECT_EQ(r.tenant_restrictions_tenant_id,
            G("44444444-4444-4444-8444-444444444444"));
  EXPECT_TRUE(parsed->applied_policies_only());
  // Everything was stated: nothing defaulted.
  EXPECT_THAT(notes, IsEmpty());
}

// The beta What-If sample (shared/spec/graph-samples) is accepted as it is;
// the directory facts it lacks are defaulted, and the reader says so.
TEST(RequestReaderTest, AcceptsGraphWhatIfSample) {
  std::string json = ReadFileOrDie(
      SharedDir() + "/spec/graph-samples/ca-whatif-evaluate-request.json");
  std::vector<std::string> notes;
  auto parsed = ParseRequestJson(json, ContosoDefaults(), &notes);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  const Request& r = parsed->request();
  EXPECT_EQ(r.resource_tenant_id, G(kContoso));
  EXPECT_EQ(r.principal_kind, PrincipalKind::kUser);
  EXPECT_EQ(r.principal_id, G("15dc174b-f34c-4588-ac45-61d6e05dce93"));
  EXPECT_EQ(r.external_user_types, 0u);
  EXPECT_EQ(r.home_user_id, r.principal_id);
  EXPECT_EQ(r.target_kind, TargetKind::kAuthenticationContext);
  EXPECT_EQ(r.authentication_context, 37);
  EXPECT_EQ(r.platform, Platform::kWindows);
  EXPECT_EQ(r.client_app, ClientApp::kMobileAppsAndDesktopClients);
  EXPECT_EQ(r.sign_in_risk, RiskLevel::kMedium);
  EXPECT_EQ(r.user_risk, RiskLevel::kNoRisk);
  EXPECT_EQ(std::string(r.country, 2), "US");
  ASSERT_TRUE(r.has_ip);
  EXPECT_EQ(FormatIpAddress(r.ip), "40.77.182.32");
  EXPECT_EQ(r.insider_risk, InsiderRisk::kModerate);
  EXPECT_EQ(r.authentication_flow, AuthenticationFlow::kAuthenticationTransfer);
  EXPECT_TRUE(parsed->device().registered);
  EXPECT_EQ(parsed->device().get(DeviceText::kProfileType), "Standard");
  EXPECT_TRUE(parsed->applied_policies_only());
  EXPECT_THAT(
      notes,
      ElementsAre(
          "resourceTenantId not given: using the bundle's only tenant "
          "11111111-1111-4111-8111-111111111111",
          "signInIdentity.userType not given: read as member of the resource "
          "tenant",
          "signInIdentity.groups not given: the user is in no groups",
          "signInIdentity.roles not given: the user holds no directory roles",
          "signInConditions.deviceInfo.registered not given: the device is "
          "registered (attributes are given)",
          "claims not given: the session has no MFA, device or app claims"));
}

// The other request bodies of the Graph evaluate page (examples 1, 3, 4).
TEST(RequestReaderTest, AcceptsGraphDocExamples) {
  constexpr char kExample1[] = R"json({
    "signInIdentity": {"@odata.type": "#microsoft.graph.userSignIn",
                       "userId": "15dc174b-f34c-4588-ac45-61d6e05dce93"},
    "signInContext": {"@odata.type": "#microsoft.graph.applicationContext",
                      "includeApplications": ["00000003-0000-0ff1-ce00-000000000000"]},
    "signInConditions": {"devicePlatform": "android", "clientAppType": "browser",
      "signInRiskLevel": "high", "userRiskLevel": "high", "country": "US",
      "ipAddress": "40.77.182.32", "insiderRiskLevel": "elevated",
      "authenticationFlow": {"transferMethod": "deviceCodeFlow"},
      "deviceInfo": {"isCompliant": true}},
    "appliedPoliciesOnly": true})json";
  auto one = ParseRequestJson(kExample1, ContosoDefaults(), nullptr);
  ASSERT_TRUE(one.ok()) << one.status();
  EXPECT_EQ(one->request().application_id,
            G("00000003-0000-0ff1-ce00-000000000000"));
  EXPECT_EQ(one->request().platform, Platform::kAndroid);
  EXPECT_TRUE(one->device().registered);
  // A registered compliant device stands in for the compliant-device claim.
  EXPECT_TRUE(one->request().claims.compliant_device);

  constexpr char kExample3[] = R"json({
    "signInIdentity": {"@odata.type": "#microsoft.graph.userSignIn",
                       "userId": "15dc174b-f34c-4588-ac45-61d6e05dce93"},
    "signInContext": {"@odata.type": "#microsoft.graph.userActionContext",
                      "userAction": "registerSecurityInformation"},
    "signInConditions": {"devicePlatform": "macOS", "clientAppType": "browser",
      "signInRiskLevel": "low", "userRiskLevel": "high",
      "servicePrincipalRiskLevel": "none", "country": "CA",
      "ipAddress": "40.77.182.32", "insiderRiskLevel": "minor",
      "authenticationFlow": {"transferMethod": "deviceCodeFlow"},
      "deviceInfo": {"trustType": "EntraID"}},
    "appliedPoliciesOnly": true})json";
  auto three = ParseRequestJson(kExample3, ContosoDefaults(), nullptr);
  ASSERT_TRUE(three.ok()) << three.status();
  EXPECT_EQ(three->request().target_kind, TargetKind::kUserAction);
  EXPECT_EQ(three->request().user_action, UserAction::kRegisterSecurityInfo);
  EXPECT_EQ(three->request().service_principal_risk, RiskLevel::kNoRisk);
  EXPECT_EQ(three->device().get(DeviceText::kTrustType), "AzureAD");

  constexpr char kExample4[] = R"json({
    "signInIdentity": {"@odata.type": "#microsoft.graph.servicePrincipalSignIn",
                       "servicePrincipalId": "c65b94a5-0049-439a-a6fd-bce307077730"},
    "signInContext": {"@odata.type": "#microsoft.graph.applicationContext",
                      "includeApplications": ["00000003-0000-0ff1-ce00-000000000000"]},
    "signInConditions": {"servicePrincipalRiskLevel": "high", "country": "CA",
                         "ipAddress": "40.77.182.32"},
    "appliedPoliciesOnly": true})json";
  std::vector<std::string> notes;
  auto four = ParseRequestJson(kExample4, ContosoDefaults(), &notes);
  ASSERT_TRUE(four.ok()) << four.status();
  EXPECT_EQ(four->request().principal_kind, PrincipalKind::kServicePrincipal);
  EXPECT_EQ(four->request().principal_id,
            G("c65b94a5-0049-439a-a6fd-bce307077730"));
  EXPECT_EQ(four->request().service_principal_risk, RiskLevel::kHigh);
  // Workload identities have no groups, device or claims to default.
  EXPECT_THAT(notes, ElementsAre("resourceTenantId not given: using the "
                                 "bundle's only tenant "
                                 "11111111-1111-4111-8111-111111111111"));
}

TEST(RequestReaderTest, MinimalMemberNotesEveryDefault) {
  std::vector<std::string> notes;
  auto parsed = ParseRequestJson(
      R"json({"signInIdentity": {"userId": "aaaaaaaa-0000-4000-8000-000000000001"},
              "signInContext": {"includeApplications":
                                ["00000003-0000-0ff1-ce00-000000000000"]}})json",
      ContosoDefaults(), &notes);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(parsed->request().device, nullptr);
  EXPECT_THAT(
      notes,
      ElementsAre(
          "resourceTenantId not given: using the bundle's only tenant "
          "11111111-1111-4111-8111-111111111111",
          "signInIdentity.userType not given: read as member of the resource "
          "tenant",
          "signInIdentity.groups not given: the user is in no groups",
          "signInIdentity.roles not given: the user holds no directory roles",
          "signInConditions.devicePlatform not given: not supplied",
          "signInConditions.clientAppType not given: not supplied",
          "signInConditions.deviceInfo not given: the device is unregistered",
          "claims not given: the session has no MFA, device or app claims"));
}

TEST(RequestReaderTest, GuestFromPartnerNotesHomeFacts) {
  std::vector<std::string> notes;
  auto parsed = ParseRequestJson(
      R"json({"resourceTenantId": "11111111-1111-4111-8111-111111111111",
              "signInIdentity": {"userId": "aaaaaaaa-0000-4000-8000-000000000001",
                                 "externalTenantId": "33333333-3333-4333-8333-333333333333",
                                 "groups": [], "roles": []},
              "signInContext": {"includeApplications":
                                ["00000003-0000-0ff1-ce00-000000000000"]},
              "signInConditions": {"devicePlatform": "windows",
                                   "clientAppType": "browser"},
              "claims": {"mfa": true}})json",
      RequestDefaults(), &notes);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  const Request& r = parsed->request();
  EXPECT_EQ(r.external_user_types, uint32_t{kB2bCollaborationGuest});
  EXPECT_TRUE(r.is_external());
  EXPECT_TRUE(r.home_user_id.is_zero());
  EXPECT_THAT(
      notes,
      ElementsAre(
          "signInIdentity.userType not given: read as guest (the account is "
          "external)",
          "signInIdentity.externalUserType not given: derived "
          "b2bCollaborationGuest",
          "signInIdentity.identitySource not given: entra",
          "signInIdentity.homeUserId not given: cross-tenant access user "
          "targets cannot match this user",
          "signInIdentity.homeGroups not given: the user is in no home-tenant "
          "groups",
          "signInConditions.deviceInfo not given: the device is unregistered"));
}

TEST(RequestReaderTest, DirectConnectUserUsesUserIdAtHome) {
  std::vector<std::string> notes;
  auto parsed = ParseRequestJson(
      R"json({"signInIdentity": {"userId": "aaaaaaaa-0000-4000-8000-000000000001",
                                 "externalTenantId": "33333333-3333-4333-8333-333333333333",
                                 "externalUserType": "b2bDirectConnectUser",
                                 "homeGroups": []},
              "signInContext": {"includeApplications":
                                ["cc15fd57-2c6c-4117-a88c-83b1d56b4bbe"]},
              "signInConditions": {"devicePlatform": "windows",
                                   "clientAppType": "mobileAppsAndDesktopClients"},
              "claims": {"mfa": true, "mfaOrigin": "home"}})json",
      ContosoDefaults(), &notes);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  const Request& r = parsed->request();
  EXPECT_EQ(r.external_user_types, uint32_t{kB2bDirectConnectUser});
  EXPECT_EQ(r.home_user_id, r.principal_id);
  EXPECT_THAT(
      notes,
      ElementsAre(
          "resourceTenantId not given: using the bundle's only tenant "
          "11111111-1111-4111-8111-111111111111",
          "signInIdentity.identitySource not given: entra",
          "signInIdentity.homeUserId not given: using userId (a "
          "direct-connect user has no object in the resource tenant)",
          "signInConditions.deviceInfo not given: the device is unregistered"));
}

// Spec 4.3 classification when externalUserType is not given.
TEST(RequestReaderTest, DerivesExternalUserType) {
  struct Case {
    const char* identity_extra;
    uint32_t types;
  } cases[] = {
      {"", 0},
      {R"("userType": "member")", 0},
      {R"("userType": "guest")", kInternalGuest},
      {R"("userType": "guest", "externalTenantId": "33333333-3333-4333-8333-333333333333")",
       kB2bCollaborationGuest},
      {R"("userType": "member", "externalTenantId": "33333333-3333-4333-8333-333333333333")",
       kB2bCollaborationMember},
      {R"("externalTenantId": "33333333-3333-4333-8333-333333333333")",
       kB2bCollaborationGuest},
      // The home tenant being the resource tenant is not cross-tenant.
      {R"("userType": "guest", "externalTenantId": "11111111-1111-4111-8111-111111111111")",
       kInternalGuest},
      {R"("identitySource": "social")", kB2bCollaborationGuest},
      {R"("identitySource": "emailOneTimePasscode", "userType": "guest")",
       kB2bCollaborationGuest},
      {R"("identitySource": "microsoftAccount", "userType": "member")",
       kB2bCollaborationMember},
      {R"("externalUserType": "otherExternalUser")", kOtherExternalUser},
      {R"("externalUserType": "none", "userType": "member")", 0},
      {R"("externalUserType": ["serviceProvider", "b2bCollaborationGuest"])",
       kServiceProvider | kB2bCollaborationGuest},
  };
  for (const Case& c : cases) {
    std::string json = absl::StrCat(
        R"({"signInIdentity": {"userId": "aaaaaaaa-0000-4000-8000-000000000001")",
        *c.identity_extra ? ", " : "", c.identity_extra,
        R"(}, "signInContext": {"includeApplications": ["00000003-0000-0ff1-ce00-000000000000"]}})");
    auto parsed = ParseRequestJson(json, ContosoDefaults(), nullptr);
    ASSERT_TRUE(parsed.ok()) << c.identity_extra << ": " << parsed.status();
    EXPECT_EQ(parsed->request().external_user_types, c.types)
        << c.identity_extra;
  }
}

TEST(RequestReaderTest, MemberHomeGroupsAreItsGroups) {
  auto parsed = ParseRequestJson(
      R"json({"signInIdentity": {"userId": "aaaaaaaa-0000-4000-8000-000000000001",
               "groups": ["cccccccc-0000-4000-8000-000000000003"]},
              "signInContext": {"includeApplications":
                                ["00000003-0000-0ff1-ce00-000000000000"]}})json",
      ContosoDefaults(), nullptr);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_THAT(parsed->request().home_groups,
              ElementsAre(G("cccccccc-0000-4000-8000-000000000003")));
  EXPECT_EQ(parsed->request().home_user_id, parsed->request().principal_id);
}

TEST(RequestReaderTest, DeviceRegistrationAndDerivedClaims) {
  auto read = [](const char* device_info, std::vector<std::string>* notes) {
    std::string json = absl::StrCat(
        R"({"signInIdentity": {"userId": "aaaaaaaa-0000-4000-8000-000000000001", "groups": [], "roles": []},
            "signInContext": {"includeApplications": ["00000003-0000-0ff1-ce00-000000000000"]},
            "signInConditions": {"devicePlatform": "windows", "clientAppType": "browser",
                                 "deviceInfo": )",
        device_info, "}}");
    return ParseRequestJson(json, ContosoDefaults(), notes);
  };
  std::vector<std::string> notes;
  auto hybrid =
      read(R"({"trustType": "serverad", "isCompliant": false})", &notes);
  ASSERT_TRUE(hybrid.ok()) << hybrid.status();
  EXPECT_TRUE(hybrid->device().registered);
  EXPECT_EQ(hybrid->device().get(DeviceText::kTrustType), "ServerAD");
  EXPECT_TRUE(hybrid->request().claims.hybrid_joined_device);
  EXPECT_FALSE(hybrid->request().claims.compliant_device);
  EXPECT_THAT(notes, ::testing::Contains(
                         "claims.hybridJoinedDevice not given: true from "
                         "signInConditions.deviceInfo.trustType ServerAD"));

  notes.clear();
  auto unregistered = read(
      R"({"registered": false, "isCompliant": true, "extensionAttribute1": "SAW"})",
      &notes);
  ASSERT_TRUE(unregistered.ok()) << unregistered.status();
  EXPECT_FALSE(unregistered->device().registered);
  EXPECT_EQ(unregistered->request().device, nullptr);
  // An unregistered device's compliance is no claim.
  EXPECT_FALSE(unregistered->request().claims.compliant_device);
  EXPECT_THAT(notes, ::testing::Contains(
                         "signInConditions.deviceInfo.registered is false: the "
                         "device's attributes are ignored (an unregistered "
                         "device has no filter properties)"));

  notes.clear();
  auto empty = read("{}", &notes);
  ASSERT_TRUE(empty.ok());
  EXPECT_FALSE(empty->device().registered);
  EXPECT_THAT(notes, ::testing::Contains("signInConditions.deviceInfo is "
                                         "empty: the device is unregistered"));

  auto owner = read(R"({"deviceOwnership": "Personal"})", nullptr);
  ASSERT_TRUE(owner.ok());
  EXPECT_EQ(owner->device().get(DeviceText::kDeviceOwnership), "Personal");
  auto unknown_owner =
      read(R"({"ownership": "unknown", "model": "x"})", nullptr);
  ASSERT_TRUE(unknown_owner.ok());
  EXPECT_FALSE(unknown_owner->device().has(DeviceText::kDeviceOwnership));
}

// Request::device is the device_filter::DeviceAttributes view of the
// ParsedRequest's device storage, and follows copies and moves.
TEST(RequestReaderTest, DeviceAttributesForTheEngine) {
  auto parsed = ParseRequestJson(kEveryField, ContosoDefaults(), nullptr);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  ParsedRequest copy = *parsed;
  ParsedRequest moved = std::move(*parsed);
  for (const ParsedRequest* p : {&copy, &moved}) {
    const device_filter::DeviceAttributes* d = p->request().device;
    ASSERT_NE(d, nullptr);
    EXPECT_TRUE(d->registered);
    EXPECT_EQ((*d)[DeviceText::kTrustType],
              absl::optional<absl::string_view>("AzureAD"));
    EXPECT_EQ((*d)[DeviceText::kDeviceOwnership],
              absl::optional<absl::string_view>("Company"));
    EXPECT_EQ((*d)[device_filter::ExtensionAttribute(1)],
              absl::optional<absl::string_view>("SAW"));
    EXPECT_EQ((*d)[device_filter::ExtensionAttribute(15)],
              absl::optional<absl::string_view>("tier0"));
    EXPECT_FALSE((*d)[device_filter::ExtensionAttribute(2)].has_value());
    EXPECT_EQ(d->is_compliant, absl::optional<bool>(true));
    ASSERT_TRUE(d->physical_ids.has_value());
    EXPECT_THAT(*d->physical_ids, ElementsAre("[ZTDId]:abc", "[OrderId]:SAW"));
    ASSERT_TRUE(d->system_labels.has_value());
    EXPECT_THAT(*d->system_labels, ElementsAre("M365Managed"));
    // The views point into the object that owns them.
    const char* self = reinterpret_cast<const char*>(p);
    EXPECT_TRUE(reinterpret_cast<const char*>(d) >= self &&
                reinterpret_cast<const char*>(d) < self + sizeof(*p));
  }
}

TEST(RequestReaderTest, UnknownPlatformIsKUnknownWithNote) {
  std::vector<std::string> notes;
  auto parsed = ParseRequestJson(
      R"json({"signInIdentity": {"userId": "aaaaaaaa-0000-4000-8000-000000000001"},
              "signInContext": {"includeApplications":
                                ["00000003-0000-0ff1-ce00-000000000000"]},
              "signInConditions": {"devicePlatform": "chromeOS"}})json",
      ContosoDefaults(), &notes);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(parsed->request().platform, Platform::kUnknown);
  EXPECT_THAT(notes, ::testing::Contains(
                         "signInConditions.devicePlatform \"chromeOS\" is not "
                         "a known platform: read as an unknown platform"));
}

TEST(RequestReaderTest, AllMeansNotSupplied) {
  std::vector<std::string> notes;
  auto parsed = ParseRequestJson(
      R"json({"signInIdentity": {"userId": "aaaaaaaa-0000-4000-8000-000000000001"},
              "signInContext": {"includeApplications":
                                ["00000003-0000-0ff1-ce00-000000000000"]},
              "signInConditions": {"devicePlatform": "ALL", "clientAppType": "all"}})json",
      ContosoDefaults(), &notes);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(parsed->request().platform, Platform::kUnspecified);
  EXPECT_EQ(parsed->request().client_app, ClientApp::kUnspecified);
  EXPECT_THAT(notes, ::testing::Contains("signInConditions.devicePlatform "
                                         "\"all\": read as not supplied"));
  EXPECT_THAT(notes, ::testing::Contains("signInConditions.clientAppType "
                                         "\"all\": read as not supplied"));
}

TEST(RequestReaderTest, ContextKindsWithoutODataType) {
  auto action = ParseRequestJson(
      R"json({"signInIdentity": {"userId": "aaaaaaaa-0000-4000-8000-000000000001"},
              "signInContext": {"userAction": "urn:user:registerdevice"}})json",
      ContosoDefaults(), nullptr);
  ASSERT_TRUE(action.ok()) << action.status();
  EXPECT_EQ(action->request().target_kind, TargetKind::kUserAction);
  EXPECT_EQ(action->request().user_action, UserAction::kRegisterDevice);

  auto context = ParseRequestJson(
      R"json({"signInIdentity": {"userId": "aaaaaaaa-0000-4000-8000-000000000001"},
              "signInContext": {"authenticationContextValue": "C99"}})json",
      ContosoDefaults(), nullptr);
  ASSERT_TRUE(context.ok()) << context.status();
  EXPECT_EQ(context->request().authentication_context, 99);

  auto sp = ParseRequestJson(
      R"json({"signInIdentity": {"servicePrincipalId": "c65b94a5-0049-439a-a6fd-bce307077730"},
              "signInContext": {"authenticationContextValue": "c1"}})json",
      ContosoDefaults(), nullptr);
  ASSERT_TRUE(sp.ok()) << sp.status();
  EXPECT_EQ(sp->request().principal_kind, PrincipalKind::kServicePrincipal);
}

TEST(RequestReaderTest, IgnoresODataAnnotationsAndNulls) {
  auto parsed = ParseRequestJson(
      R"json({"@odata.context": "https://graph.microsoft.com/beta/$metadata",
              "signInIdentity": {"userId": "aaaaaaaa-0000-4000-8000-000000000001",
                                 "externalTenantId": null,
                                 "groups@odata.type": "#Collection(String)"},
              "signInContext": {"includeApplications":
                                ["00000003-0000-0ff1-ce00-000000000000"]},
              "signInConditions": null, "claims": null})json",
      ContosoDefaults(), nullptr);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_TRUE(parsed->request().home_tenant_id.is_zero());
}

}  // namespace
}  // namespace crossgate

namespace crossgate {
namespace {

// Every ```json block of docs/request.md is a valid request.
TEST(RequestDocsTest, ExamplesInDocsParse) {
  std::string doc = testing_request_json::ReadFileOrDie(
      std::string(CROSSGATE_SOURCE_DIR) + "/docs/request.md");
  int blocks = 0;
  size_t pos = 0;
  while ((pos = doc.find("```json\n", pos)) != std::string::npos) {
    pos += 8;
    size_t end = doc.find("```", pos);
    ASSERT_NE(end, std::string::npos);
    std::string json = doc.substr(pos, end - pos);
    auto parsed = ParseRequestJson(
        json, testing_request_json::ContosoDefaults(), nullptr);
    EXPECT_TRUE(parsed.ok()) << parsed.status() << "\n" << json;
    ++blocks;
    pos = end + 3;
  }
  EXPECT_EQ(blocks, 6);
}

}  // namespace
}  // namespace crossgate
