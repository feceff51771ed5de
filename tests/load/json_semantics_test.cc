// What the loader keeps and how it reads what crossgate cannot evaluate:
// null versus absent (D1), unknown conditions and controls, unknown keywords
// (D7), inline strengths, references, placeholders.

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "lib/load/loader.h"
#include "tests/load/test_util.h"

namespace crossgate {
namespace {

namespace pb = ::crossgate::policy::v1;
using testing::Dump;
using testing::FindIssue;

const std::string kT = "tenants/00000000-0000-0000-0000-000000000000";

pb::PolicyBundle MustLoad(const std::string& text,
                          std::vector<LoadIssue>* issues = nullptr,
                          const LoadOptions& options = LoadOptions()) {
  std::vector<LoadIssue> local;
  if (issues == nullptr) issues = &local;
  auto bundle = LoadJsonText(text, options, issues);
  EXPECT_TRUE(bundle.ok()) << bundle.status() << "\n" << Dump(*issues);
  return bundle.ok() ? *bundle : pb::PolicyBundle();
}

TEST(NullAbsentTest, PartnerNullSettingsStayAbsent) {
  // The Graph sample: only b2bDirectConnectInbound set, the rest null.
  pb::PolicyBundle b = MustLoad(R"({
    "tenantId": "9c5d131d-b1c3-4fc4-9e3f-c6557947d551",
    "inboundTrust": null,
    "automaticUserConsentSettings": {"inboundAllowed": null, "outboundAllowed": null},
    "b2bCollaborationInbound": null,
    "b2bCollaborationOutbound": null,
    "b2bDirectConnectOutbound": null,
    "b2bDirectConnectInbound": {
      "usersAndGroups": {"accessType": "allowed", "targets": [{"target": "AllUsers", "targetType": "user"}]},
      "applications": {"accessType": "allowed", "targets": [{"target": "Office365", "targetType": "application"}]}
    }
  })");
  const pb::CrossTenantAccessPartner& p =
      b.tenants(0).cross_tenant_access_policy().partners(0);
  const pb::CrossTenantAccessSettings& s = p.settings();
  EXPECT_FALSE(s.has_inbound_trust());
  EXPECT_FALSE(s.has_b2b_collaboration_inbound());
  EXPECT_FALSE(s.has_b2b_collaboration_outbound());
  EXPECT_FALSE(s.has_b2b_direct_connect_outbound());
  ASSERT_TRUE(s.has_b2b_direct_connect_inbound());
  ASSERT_TRUE(s.has_automatic_user_consent_settings());
  EXPECT_FALSE(s.automatic_user_consent_settings().has_inbound_allowed());
  EXPECT_FALSE(s.automatic_user_consent_settings().has_outbound_allowed());
  EXPECT_FALSE(p.has_is_service_provider());
  EXPECT_FALSE(
      b.tenants(0).cross_tenant_access_policy().has_default_configuration());
}

TEST(NullAbsentTest, OneHalfOfAB2BSettingKeepsTheOtherAbsent) {
  pb::PolicyBundle b = MustLoad(R"({
    "tenantId": "3d0f5dec-5d3d-455c-8016-e2af1ae4d31a",
    "b2bDirectConnectOutbound": {"usersAndGroups": {"accessType": "blocked",
        "targets": [{"target": "6f546279-4da5-4b53-a095-09ea0cef9971", "targetType": "group"}]}},
    "b2bDirectConnectInbound": {"applications": {"accessType": "allowed",
        "targets": [{"target": "Office365", "targetType": "application"}]}}
  })");
  const auto& s =
      b.tenants(0).cross_tenant_access_policy().partners(0).settings();
  EXPECT_TRUE(s.b2b_direct_connect_outbound().has_users_and_groups());
  EXPECT_FALSE(s.b2b_direct_connect_outbound().has_applications());
  EXPECT_FALSE(s.b2b_direct_connect_inbound().has_users_and_groups());
  EXPECT_TRUE(s.b2b_direct_connect_inbound().has_applications());
}

TEST(NullAbsentTest, InboundTrustMembersNullStayUnset) {
  pb::PolicyBundle b = MustLoad(R"({
    "tenantId": "3d0f5dec-5d3d-455c-8016-e2af1ae4d31a",
    "inboundTrust": {"isMfaAccepted": true, "isCompliantDeviceAccepted": null}
  })");
  const auto& t = b.tenants(0)
                      .cross_tenant_access_policy()
                      .partners(0)
                      .settings()
                      .inbound_trust();
  EXPECT_TRUE(t.has_is_mfa_accepted());
  EXPECT_TRUE(t.is_mfa_accepted());
  EXPECT_FALSE(t.has_is_compliant_device_accepted());
  EXPECT_FALSE(t.has_is_hybrid_azure_ad_joined_device_accepted());
}

TEST(NullAbsentTest, NullGrantAndSessionControlsStayAbsent) {
  pb::PolicyBundle b = MustLoad(
      R"({"id":"p","state":"disabled","conditions":{"locations":null,"platforms":null},"grantControls":null,"sessionControls":null})");
  const auto& p = b.tenants(0).conditional_access_policies(0);
  EXPECT_FALSE(p.has_grant_controls());
  EXPECT_FALSE(p.has_session_controls());
  EXPECT_FALSE(p.conditions().has_locations());
  EXPECT_FALSE(p.conditions().has_platforms());
}

TEST(UnsupportedTest, UnknownConditionBlocksAreKeptWithWarnings) {
  std::vector<LoadIssue> issues;
  pb::PolicyBundle b = MustLoad(R"({
    "id": "p", "state": "enabled",
    "conditions": {
      "users": {"includeUsers": ["All"]},
      "applications": {"includeApplications": ["All"], "networkAccess": {"includeTrafficProfiles": "internet"}},
      "clientApplications": {"includeServicePrincipals": [], "includeAgentIdServicePrincipals": ["All"]},
      "agents": {"includeAgentUsers": ["All"], "excludeAgentUsers": [], "agentFilter": null},
      "times": null,
      "deviceStates": {"includeStates": [], "excludeStates": []},
      "devices": {"deviceFilter": null, "includeDevices": ["All"]},
      "agentIdRiskLevels": "high"
    }
  })",
                                &issues);
  const auto& c = b.tenants(0).conditional_access_policies(0).conditions();
  std::vector<std::string> unsupported(c.unsupported_conditions().begin(),
                                       c.unsupported_conditions().end());
  EXPECT_EQ(unsupported,
            (std::vector<std::string>{
                "applications/networkAccess",
                "clientApplications/includeAgentIdServicePrincipals",
                "devices/includeDevices", "agentIdRiskLevels", "agents"}));
  const LoadIssue* agents =
      FindIssue(issues, IssueCode::kUnsupportedFeature,
                kT + "/conditionalAccessPolicies/p/conditions/agents");
  ASSERT_NE(agents, nullptr) << Dump(issues);
  EXPECT_FALSE(agents->is_error());
}

TEST(UnsupportedTest, UnknownSessionControlsAreKeptWithWarnings) {
  std::vector<LoadIssue> issues;
  pb::PolicyBundle b = MustLoad(R"({
    "id": "p", "state": "enabled", "conditions": {"users": {"includeUsers": ["All"]}},
    "sessionControls": {
      "networkAccessSecurity": {"policyId": "x", "isEnabled": true},
      "blockSensitiveActions": null,
      "globalSecureAccessFilteringProfile": {"profileId": "y", "isEnabled": false},
      "signInFrequency": {"isEnabled": true, "frequencyInterval": "everyTime",
                          "authenticationType": "primaryAndSecondaryAuthentication", "value": null, "type": null}
    }
  })",
                                &issues);
  const auto& s =
      b.tenants(0).conditional_access_policies(0).session_controls();
  ASSERT_EQ(s.unsupported_controls_size(), 1);
  EXPECT_EQ(s.unsupported_controls(0), "networkAccessSecurity");
  EXPECT_EQ(
      s.sign_in_frequency().frequency_interval(),
      pb::SessionControls::SignInFrequency::FREQUENCY_INTERVAL_EVERY_TIME);
  EXPECT_NE(FindIssue(issues, IssueCode::kUnsupportedFeature,
                      kT + "/conditionalAccessPolicies/p/sessionControls/"
                           "networkAccessSecurity"),
            nullptr)
      << Dump(issues);
}

TEST(KeywordTest, UnknownKeywordIsAWarningAndKept) {
  std::vector<LoadIssue> issues;
  pb::PolicyBundle b = MustLoad(
      R"({"id":"p","state":"enabled","conditions":{"users":{"includeUsers":["AllAgentIdUsers"]},"applications":{"includeApplications":["AllAgentIdResources"]}}})",
      &issues);
  EXPECT_EQ(b.tenants(0)
                .conditional_access_policies(0)
                .conditions()
                .users()
                .include_users(0),
            "AllAgentIdUsers");
  const LoadIssue* w = FindIssue(issues, IssueCode::kUnknownKeyword,
                                 kT + "/conditionalAccessPolicies/p/conditions/"
                                      "applications/includeApplications[0]");
  ASSERT_NE(w, nullptr) << Dump(issues);
  EXPECT_FALSE(w->is_error());
}

TEST(StateTest, MissingStateReadsAsEnabledWithAWarning) {
  std::vector<LoadIssue> issues;
  pb::PolicyBundle b = MustLoad(
      R"({"conditions":{"devices":{"deviceFilter":{"mode":"exclude","rule":"device.extensionAttribute1 -ne \"SAW\""}}}})",
      &issues);
  EXPECT_EQ(b.tenants(0).conditional_access_policies(0).state(),
            pb::POLICY_STATE_ENABLED);
  EXPECT_NE(FindIssue(issues, IssueCode::kMissingField,
                      kT + "/conditionalAccessPolicies[0]/state"),
            nullptr)
      << Dump(issues);
}

TEST(StrengthTest, InlineCustomStrengthBecomesATenantStrength) {
  std::vector<LoadIssue> issues;
  pb::PolicyBundle b = MustLoad(R"({
    "id": "p", "state": "enabled", "conditions": {"users": {"includeUsers": ["All"]}},
    "grantControls": {"operator": "OR", "authenticationStrength": {
      "id": "6f1ed154-c9eb-4217-9cbe-e3d690bdc8ce", "policyType": "custom", "requirementsSatisfied": "mfa",
      "allowedCombinations": ["fido2", "temporaryAccessPassOneTime"]}}
  })",
                                &issues);
  const pb::TenantPolicies& t = b.tenants(0);
  ASSERT_EQ(t.authentication_strength_policies_size(), 1);
  EXPECT_EQ(t.authentication_strength_policies(0).id(),
            "6f1ed154-c9eb-4217-9cbe-e3d690bdc8ce");
  // Inline definitions do not make the tenant's strengths "exported".
  EXPECT_FALSE(t.authentication_strengths_exported());
  EXPECT_EQ(testing::CountErrors(issues), 0);
}

TEST(StrengthTest, InlineBuiltInStrengthIsNotCopied) {
  pb::PolicyBundle b = MustLoad(R"({
    "id": "p", "state": "enabled", "conditions": {"users": {"includeUsers": ["All"]}},
    "grantControls": {"operator": "OR", "authenticationStrength": {
      "id": "00000000-0000-0000-0000-000000000004", "policyType": "builtIn",
      "allowedCombinations": ["fido2"]}}
  })");
  EXPECT_EQ(b.tenants(0).authentication_strength_policies_size(), 0);
  EXPECT_EQ(b.tenants(0)
                .conditional_access_policies(0)
                .grant_controls()
                .authentication_strength_id(),
            "00000000-0000-0000-0000-000000000004");
}

TEST(StrengthTest, CombinationConfigurationsAreRecorded) {
  std::vector<LoadIssue> issues;
  pb::PolicyBundle b = MustLoad(R"({
    "id": "12345678-1234-1234-1234-123456789012", "policyType": "custom",
    "allowedCombinations": ["fido2", "password,sms"],
    "combinationConfigurations": [
      {"@odata.type": "#microsoft.graph.fido2CombinationConfiguration", "id": "b",
       "appliesToCombinations": ["fido2"], "allowedAAGUIDs": ["90a3ccdf-635c-4729-a248-9b709135078f"]},
      {"id": "c", "appliesToCombinations": ["password,sms"]}
    ]
  })",
                                &issues);
  const auto& s = b.tenants(0).authentication_strength_policies(0);
  ASSERT_EQ(s.configured_combinations_size(), 1);
  EXPECT_EQ(s.configured_combinations(0).modes(0),
            pb::AUTHENTICATION_METHOD_MODE_FIDO2);
  EXPECT_NE(FindIssue(issues, IssueCode::kUnsupportedFeature,
                      kT + "/authenticationStrengthPolicies/"
                           "12345678-1234-1234-1234-123456789012/"
                           "combinationConfigurations[0]"),
            nullptr)
      << Dump(issues);
}

TEST(ReferenceTest, UncheckableReferencesWarnUnlessStrict) {
  const std::string text = R"({"id":"p","state":"enabled","conditions":{
      "users":{"includeUsers":["All"]},
      "locations":{"includeLocations":["All"],"excludeLocations":["00000000-0000-0000-0000-000000000000","d2136c9c-b049-47ae-b9cf-316e04ef7198"]}},
      "grantControls":{"operator":"OR","authenticationStrength":{"id":"6e301588-db43-4d12-a79b-b2b2cc6cfad5"}}})";
  std::vector<LoadIssue> issues;
  MustLoad(text, &issues);
  const std::string loc =
      kT +
      "/conditionalAccessPolicies/p/conditions/locations/excludeLocations[1]";
  const LoadIssue* w = FindIssue(issues, IssueCode::kDanglingReference, loc);
  ASSERT_NE(w, nullptr) << Dump(issues);
  EXPECT_FALSE(w->is_error());
  // The zero GUID (MFA trusted IPs, D16) always exists.
  EXPECT_EQ(FindIssue(issues, IssueCode::kDanglingReference,
                      kT + "/conditionalAccessPolicies/p/conditions/locations/"
                           "excludeLocations[0]"),
            nullptr);

  LoadOptions strict;
  strict.strict_references = true;
  auto failed = LoadJsonText(text, strict, &issues);
  EXPECT_FALSE(failed.ok());
  const LoadIssue* e = FindIssue(issues, IssueCode::kDanglingReference, loc);
  ASSERT_NE(e, nullptr) << Dump(issues);
  EXPECT_TRUE(e->is_error());
  EXPECT_NE(FindIssue(issues, IssueCode::kDanglingReference,
                      kT + "/conditionalAccessPolicies/p/grantControls/"
                           "authenticationStrength/id"),
            nullptr);
}

TEST(ReferenceTest, ReferencesResolveWithinOneDocument) {
  std::vector<LoadIssue> issues;
  MustLoad(
      R"({"namedLocations":[{"@odata.type":"#microsoft.graph.ipNamedLocation",
      "id":"0a0a0a0a-0000-4000-8000-000000000001","ipRanges":[{"cidrAddress":"192.0.2.0/24"}]}],
    "conditionalAccessPolicies":[{"id":"p","state":"enabled","conditions":{
      "locations":{"includeLocations":["0A0A0A0A-0000-4000-8000-000000000001"]}}}]})",
      &issues);
  EXPECT_EQ(FindIssue(issues, IssueCode::kDanglingReference,
                      kT + "/conditionalAccessPolicies/p/conditions/locations/"
                           "includeLocations[0]"),
            nullptr)
      << Dump(issues);
}

TEST(PlaceholderTest, AllowPlaceholdersLoadsWithWarnings) {
  const std::string text =
      R"({"displayName":"100 - <RING> - Admins","state":"enabled",
    "conditions":{"users":{"includeGroups":["<AdministratorGroup>"],
                           "excludeGroups":["xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"]}}})";
  std::vector<LoadIssue> issues;
  EXPECT_FALSE(LoadJsonText(text, LoadOptions(), &issues).ok());
  EXPECT_EQ(testing::CountErrors(issues), 3) << Dump(issues);

  LoadOptions allow;
  allow.allow_placeholders = true;
  pb::PolicyBundle b = MustLoad(text, &issues, allow);
  // Kept verbatim: an id that matches nothing.
  EXPECT_EQ(b.tenants(0)
                .conditional_access_policies(0)
                .conditions()
                .users()
                .include_groups(0),
            "<AdministratorGroup>");
  const LoadIssue* w = FindIssue(
      issues, IssueCode::kPlaceholderId,
      kT + "/conditionalAccessPolicies[0]/conditions/users/includeGroups[0]");
  ASSERT_NE(w, nullptr) << Dump(issues);
  EXPECT_FALSE(w->is_error());
}

TEST(PlaceholderTest, PlaceholderTenantIdIsAlwaysAnError) {
  LoadOptions allow;
  allow.allow_placeholders = true;
  std::vector<LoadIssue> issues;
  EXPECT_FALSE(LoadJsonText(R"({"tenantId":"<TenantId>","namedLocations":[]})",
                            allow, &issues)
                   .ok());
  EXPECT_NE(FindIssue(issues, IssueCode::kPlaceholderId,
                      "tenants/<TenantId>/tenantId"),
            nullptr)
      << Dump(issues);
}

}  // namespace
}  // namespace crossgate
