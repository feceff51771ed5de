// The wrappings and encodings Graph exports come in all load to the same
// model (docs/loading.md, "Accepted shapes").

#include <google/protobuf/util/message_differencer.h>

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "lib/load/loader.h"
#include "tests/load/test_util.h"

namespace crossgate {
namespace {

namespace pb = ::crossgate::policy::v1;
using google::protobuf::util::MessageDifferencer;
using testing::Dump;

const char kPolicy[] = R"({
  "id": "6B5E999B-0BA8-4186-A106-E0296C1C4358",
  "displayName": "Demo",
  "state": "Enabled",
  "conditions": {
    "clientAppTypes": ["All"],
    "users": {"includeUsers": ["all"], "excludeGroups": ["{124C5B6A-FFA5-483A-9B88-04C3FCE5574A}"]},
    "applications": {"includeApplications": ["office365"]}
  },
  "grantControls": {"operator": "OR", "builtInControls": ["MFA"]}
})";

pb::PolicyBundle MustLoad(const std::string& text,
                          const LoadOptions& options = LoadOptions()) {
  std::vector<LoadIssue> issues;
  auto bundle = LoadJsonText(text, options, &issues);
  EXPECT_TRUE(bundle.ok()) << bundle.status() << "\n" << Dump(issues);
  return bundle.ok() ? *bundle : pb::PolicyBundle();
}

std::string Utf16(const std::string& ascii, bool big_endian) {
  std::string out = big_endian ? "\xFE\xFF" : "\xFF\xFE";
  for (char c : ascii) {
    if (big_endian) out.push_back('\0');
    out.push_back(c);
    if (!big_endian) out.push_back('\0');
  }
  return out;
}

TEST(JsonShapesTest, CanonicalizesIdsKeywordsAndEnums) {
  pb::PolicyBundle bundle = MustLoad(kPolicy);
  ASSERT_EQ(bundle.tenants_size(), 1);
  ASSERT_EQ(bundle.tenants(0).conditional_access_policies_size(), 1);
  const pb::ConditionalAccessPolicy& p =
      bundle.tenants(0).conditional_access_policies(0);
  EXPECT_EQ(p.id(), "6b5e999b-0ba8-4186-a106-e0296c1c4358");
  EXPECT_EQ(p.state(), pb::POLICY_STATE_ENABLED);
  EXPECT_EQ(p.conditions().users().include_users(0), "All");
  EXPECT_EQ(p.conditions().users().exclude_groups(0),
            "124c5b6a-ffa5-483a-9b88-04c3fce5574a");
  EXPECT_EQ(p.conditions().applications().include_applications(0), "Office365");
  EXPECT_EQ(p.conditions().client_app_types(0), pb::CLIENT_APP_TYPE_ALL);
  EXPECT_EQ(p.grant_controls().built_in_controls(0), pb::BUILT_IN_CONTROL_MFA);
}

TEST(JsonShapesTest, EveryWrappingLoadsTheSameModel) {
  pb::PolicyBundle single = MustLoad(kPolicy);
  std::vector<std::string> wrapped = {
      absl::StrCat("[", kPolicy, "]"),
      absl::StrCat(
          R"({"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#identity/conditionalAccess/policies","value":[)",
          kPolicy, "]}"),
      absl::StrCat(R"({"status":200,"body":)", kPolicy, "}"),
      absl::StrCat(R"({"status":200,"headers":{},"body":{"value":[)", kPolicy,
                   "]}}"),
      absl::StrCat("\xEF\xBB\xBF", kPolicy),
      Utf16(kPolicy, /*big_endian=*/false),
      Utf16(kPolicy, /*big_endian=*/true),
  };
  for (const std::string& text : wrapped) {
    pb::PolicyBundle bundle = MustLoad(text);
    EXPECT_TRUE(MessageDifferencer::Equals(single, bundle))
        << text.substr(0, 60) << "\n"
        << bundle.DebugString();
  }
}

TEST(JsonShapesTest, ToleratesAnnotationsActionsAndUnknownProperties) {
  const std::string annotated = R"json({
    "@odata.context": "https://graph.microsoft.com/beta/$metadata#identity/conditionalAccess/policies/$entity",
    "@odata.type": "#microsoft.graph.conditionalAccessPolicy",
    "@odata.id": "identity/conditionalAccess/policies('x')",
    "id": "6b5e999b-0ba8-4186-a106-e0296c1c4358",
    "displayName": "Demo",
    "state@odata.type": "#microsoft.graph.conditionalAccessPolicyState",
    "state": "enabled",
    "partialEnablementStrategy": null,
    "someFutureProperty": {"nested": [1, 2]},
    "conditions": {
      "@odata.type": "#microsoft.graph.conditionalAccessConditionSet",
      "clientAppTypes@odata.type": "#Collection(microsoft.graph.conditionalAccessClientApp)",
      "clientAppTypes": ["all"],
      "times": null, "deviceStates": null, "clients": null,
      "users": {"includeUsers": ["All"], "excludeGroups": ["124c5b6a-ffa5-483a-9b88-04c3fce5574a"]},
      "applications": {"includeApplications": ["Office365"], "applicationFilter": null}
    },
    "grantControls": {"operator": "OR", "builtInControls": ["mfa"],
      "authenticationStrength@odata.context": "https://x", "authenticationStrength": null},
    "#microsoft.graph.restore": {"title": "restore", "target": "https://x"}
  })json";
  std::vector<LoadIssue> issues;
  auto bundle = LoadJsonText(annotated, LoadOptions(), &issues);
  ASSERT_TRUE(bundle.ok()) << bundle.status() << Dump(issues);
  pb::PolicyBundle plain = MustLoad(kPolicy);
  // Only display name and case differences separate them from kPolicy.
  EXPECT_TRUE(MessageDifferencer::Equals(plain, *bundle)) << Dump(issues);
  EXPECT_EQ(bundle->tenants(0)
                .conditional_access_policies(0)
                .conditions()
                .unsupported_conditions_size(),
            0);
}

TEST(JsonShapesTest, FlagsAsStringWithSpacesOrAsArray) {
  auto load = [](absl::string_view types) {
    return MustLoad(absl::StrCat(
        R"({"id":"p","state":"enabled","conditions":{"users":{"includeGuestsOrExternalUsers":{"guestOrExternalUserTypes":)",
        types, R"(,"externalTenants":{"membershipKind":"all"}}}}})"));
  };
  pb::PolicyBundle as_string = load(R"("internalGuest, serviceProvider")");
  pb::PolicyBundle as_array = load(R"(["internalGuest","serviceProvider"])");
  EXPECT_TRUE(MessageDifferencer::Equals(as_string, as_array));
  const auto& g = as_string.tenants(0)
                      .conditional_access_policies(0)
                      .conditions()
                      .users()
                      .include_guests_or_external_users();
  ASSERT_EQ(g.guest_or_external_user_types_size(), 2);
  EXPECT_EQ(g.guest_or_external_user_types(1),
            pb::GUEST_OR_EXTERNAL_USER_TYPE_SERVICE_PROVIDER);
  EXPECT_TRUE(g.has_external_tenants());
  EXPECT_EQ(g.external_tenants_membership_kind(),
            pb::GuestsOrExternalUsers::MEMBERSHIP_KIND_ALL);
}

TEST(JsonShapesTest, MembershipKindFromODataType) {
  pb::PolicyBundle b = MustLoad(
      R"({"id":"p","state":"enabled","conditions":{"users":{"includeGuestsOrExternalUsers":{"guestOrExternalUserTypes":"b2bCollaborationGuest","externalTenants":{"@odata.type":"#microsoft.graph.conditionalAccessEnumeratedExternalTenants","members":["3D0F5DEC-5D3D-455C-8016-E2AF1AE4D31A"]}}}}})");
  const auto& g = b.tenants(0)
                      .conditional_access_policies(0)
                      .conditions()
                      .users()
                      .include_guests_or_external_users();
  EXPECT_EQ(g.external_tenants_membership_kind(),
            pb::GuestsOrExternalUsers::MEMBERSHIP_KIND_ENUMERATED);
  EXPECT_EQ(g.external_tenant_ids(0), "3d0f5dec-5d3d-455c-8016-e2af1ae4d31a");
}

TEST(JsonShapesTest, EnumsAreTrimmedAndCaseInsensitive) {
  pb::PolicyBundle b = MustLoad(R"({
    "tenantId": "9c5d131d-b1c3-4fc4-9e3f-c6557947d551",
    "b2bCollaborationInbound": {
      "usersAndGroups": {"accessType": " blocked", "targets": [{"target": "AllUsers", "targetType": "User"}]}
    }
  })");
  const auto& partner = b.tenants(0).cross_tenant_access_policy().partners(0);
  EXPECT_EQ(partner.settings()
                .b2b_collaboration_inbound()
                .users_and_groups()
                .access_type(),
            pb::CrossTenantAccessTargetConfiguration::ACCESS_TYPE_BLOCKED);
  EXPECT_EQ(partner.settings()
                .b2b_collaboration_inbound()
                .users_and_groups()
                .targets(0)
                .target_type(),
            pb::CrossTenantAccessTarget::TARGET_TYPE_USER);
}

TEST(JsonShapesTest, DeprecatedEasUnsupportedReadsAsExchangeActiveSync) {
  pb::PolicyBundle b = MustLoad(
      R"({"id":"p","state":"enabled","conditions":{"clientAppTypes":["easUnsupported"]}})");
  EXPECT_EQ(
      b.tenants(0).conditional_access_policies(0).conditions().client_app_types(
          0),
      pb::CLIENT_APP_TYPE_EXCHANGE_ACTIVE_SYNC);
}

TEST(JsonShapesTest, RecognizesKindsByShapeWithoutODataAnnotations) {
  pb::PolicyBundle b = MustLoad(R"([
    {"id":"0a0a0a0a-0000-4000-8000-000000000001","displayName":"ip","ipRanges":[{"cidrAddress":"2001:4898:80e8:7:d92a:7695:fda1:9d62/48"}]},
    {"id":"0a0a0a0a-0000-4000-8000-000000000002","countriesAndRegions":["us","ca"]},
    {"id":"6e301588-db43-4d12-a79b-b2b2cc6cfad5","allowedCombinations":["fido2","password, sms"]},
    {"id":"authorizationPolicy","allowInvitesFrom":"adminsAndGuestInviters"},
    {"selfServiceSignUp":{"isEnabled":true}},
    {"allowExternalIdToUseEmailOtp":"disabled","state":"enabled"}
  ])");
  const pb::TenantPolicies& t = b.tenants(0);
  ASSERT_EQ(t.named_locations_size(), 2);
  // Host bits are cleared and the range stored canonical (spec 4.8).
  EXPECT_EQ(t.named_locations(0).ip().ip_ranges(0).cidr_address(),
            "2001:4898:80e8::/48");
  EXPECT_TRUE(t.named_locations(0).ip().ip_ranges(0).ipv6());
  EXPECT_EQ(t.named_locations(1).country().countries_and_regions(0), "US");
  ASSERT_EQ(t.authentication_strength_policies_size(), 1);
  const auto& s = t.authentication_strength_policies(0);
  ASSERT_EQ(s.allowed_combinations_size(), 2);
  EXPECT_EQ(s.allowed_combinations(1).modes_size(), 2);
  EXPECT_EQ(
      t.authorization_policy().allow_invites_from(),
      pb::AuthorizationPolicy::ALLOW_INVITES_FROM_ADMINS_AND_GUEST_INVITERS);
  EXPECT_TRUE(t.authentication_flows_policy().self_service_sign_up_enabled());
  EXPECT_EQ(t.email_otp_configuration().allow_external_id_to_use_email_otp(),
            pb::EmailOtpConfiguration::EXTERNAL_ID_OTP_DISABLED);
  EXPECT_TRUE(t.named_locations_exported());
  EXPECT_TRUE(t.authentication_strengths_exported());
}

TEST(JsonShapesTest, SkipsDocumentsThatCarryNoPolicy) {
  for (
      const char* text : {
          R"({"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#invitations/$entity","id":"x","invitedUserEmailAddress":"a@b.c"})",
          R"({"signInIdentity":{"@odata.type":"#microsoft.graph.userSignIn"},"signInContext":{}})",
          R"({"cases":[{"b2bSetting":{}}]})",
          R"({"@odata.type":"#microsoft.graph.fido2AuthenticationMethodConfiguration","id":"Fido2","state":"enabled"})",
      }) {
    std::vector<LoadIssue> issues;
    auto b = LoadJsonText(text, LoadOptions(), &issues);
    ASSERT_TRUE(b.ok()) << text << Dump(issues);
    pb::TenantPolicies empty;
    empty.set_tenant_id(b->tenants(0).tenant_id());
    EXPECT_TRUE(MessageDifferencer::Equals(b->tenants(0), empty))
        << "nothing but the tenant id: " << b->DebugString();
    EXPECT_NE(testing::FindIssue(issues, IssueCode::kSkippedDocument, "input"),
              nullptr)
        << Dump(issues);
  }
}

TEST(JsonShapesTest, LegacyB2BManagementPolicyDefinition) {
  pb::PolicyBundle b = MustLoad(R"({
    "id": "a1b2", "type": "B2BManagementPolicy", "isOrganizationDefault": true,
    "definition": ["{\"B2BManagementPolicy\":{\"InvitationsAllowedAndBlockedDomainsPolicy\":{\"AllowedDomains\":[],\"BlockedDomains\":[\"Live.com.\",\" gmail.com\"]}}}"]
  })");
  const auto& d = b.tenants(0).invitation_domain_policy();
  EXPECT_EQ(d.allowed_domains_size(), 0);
  ASSERT_EQ(d.blocked_domains_size(), 2);
  EXPECT_EQ(d.blocked_domains(0), "live.com");
  EXPECT_EQ(d.blocked_domains(1), "gmail.com");
}

TEST(JsonShapesTest, OtherLegacyPolicyIsSkipped) {
  std::vector<LoadIssue> issues;
  auto b = LoadJsonText(
      R"({"value":[{"id":"x","definition":["{\"TokenLifetimePolicy\":{\"Version\":1}}"]}]})",
      LoadOptions(), &issues);
  ASSERT_TRUE(b.ok()) << Dump(issues);
  EXPECT_FALSE(b->tenants(0).has_invitation_domain_policy());
  EXPECT_NE(
      testing::FindIssue(issues, IssueCode::kSkippedDocument, "input/value[0]"),
      nullptr)
      << Dump(issues);
}

TEST(JsonShapesTest, TenantRestrictionDevicesModeMapsToFilterMode) {
  pb::PolicyBundle b = MustLoad(R"({
    "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#policies/crossTenantAccessPolicy/default/$entity",
    "tenantRestrictions": {"devices": {"mode": "blocked", "rule": "device.trustType -eq \"Workplace\""}}
  })");
  const auto& tr = b.tenants(0)
                       .cross_tenant_access_policy()
                       .default_configuration()
                       .settings()
                       .tenant_restrictions();
  EXPECT_EQ(tr.devices().mode(), pb::Filter::MODE_EXCLUDE);
  EXPECT_FALSE(tr.has_users_and_groups());
}

}  // namespace
}  // namespace crossgate
