// Spec 2.6-2.9, 2.12 and D1-D5 against the reference evaluator's cross-tenant
// stage.

#include "tests/reference/reference_cross_tenant.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/reference/reference_test_util.h"

namespace crossgate {
namespace reference {
namespace test {
namespace {

std::string Half(absl::string_view name, absl::string_view access,
                 absl::string_view target, absl::string_view type) {
  return absl::StrCat(name, " { access_type: ACCESS_TYPE_", access,
                      " targets { target: \"", target,
                      "\" target_type: TARGET_TYPE_", type, " } }");
}

// One row of the section 2.8 interpretation table: g1 = kGroup1, a1 =
// kExchange.
struct Row {
  const char* users_access;
  const char* users_target;
  const char* apps_access;
  const char* apps_target;
  // Expected for: g1 member to a1, g1 member to other app, non-member to a1,
  // non-member to other app.
  bool g1_a1, g1_other, other_a1, other_other;
};

class NineCaseTableTest : public ::testing::TestWithParam<Row> {};

TEST_P(NineCaseTableTest, MatchesTheDocumentedOutcome) {
  const Row& r = GetParam();
  EffectiveB2BSetting s;
  const bool all_users = std::string(r.users_target) == "AllUsers";
  const bool all_apps = std::string(r.apps_target) == "AllApplications";
  policy::v1::B2BSetting parsed;
  ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(
      absl::StrCat(
          Half("users_and_groups", r.users_access,
               all_users ? "AllUsers" : kGroup1, all_users ? "USER" : "GROUP"),
          Half("applications", r.apps_access,
               all_apps ? "AllApplications" : kExchange, "APPLICATION")),
      &parsed));
  s.users_and_groups = parsed.users_and_groups();
  s.applications = parsed.applications();
  policy::v1::TenantPolicies tenant;
  ReferenceOptions o;
  const std::vector<std::string> member_groups = {kGroup1};
  const std::vector<std::string> no_groups;
  EXPECT_EQ(B2BSettingPermits(s, kBob, member_groups, {kExchange}, tenant, o),
            r.g1_a1);
  EXPECT_EQ(B2BSettingPermits(s, kBob, member_groups, {kCustomApp}, tenant, o),
            r.g1_other);
  EXPECT_EQ(B2BSettingPermits(s, kBob, no_groups, {kExchange}, tenant, o),
            r.other_a1);
  EXPECT_EQ(B2BSettingPermits(s, kBob, no_groups, {kCustomApp}, tenant, o),
            r.other_other);
}

INSTANTIATE_TEST_SUITE_P(
    Spec28, NineCaseTableTest,
    ::testing::Values(
        Row{"BLOCKED", "AllUsers", "BLOCKED", "AllApplications", false, false,
            false, false},
        Row{"ALLOWED", "AllUsers", "ALLOWED", "AllApplications", true, true,
            true, true},
        Row{"ALLOWED", "g1", "ALLOWED", "AllApplications", true, true, false,
            false},
        Row{"ALLOWED", "AllUsers", "ALLOWED", "a1", true, false, true, false},
        Row{"ALLOWED", "g1", "BLOCKED", "a1", false, true, false, false},
        Row{"BLOCKED", "g1", "BLOCKED", "AllApplications", false, false, true,
            true},
        Row{"BLOCKED", "g1", "ALLOWED", "a1", false, false, true, false},
        Row{"ALLOWED", "g1", "ALLOWED", "a1", true, false, false, false},
        Row{"BLOCKED", "g1", "BLOCKED", "a1", false, true, true, true}));

std::string Partner(absl::string_view tenant, absl::string_view settings,
                    absl::string_view more = "") {
  return absl::StrCat("partners { tenant_id: \"", tenant, "\" settings { ",
                      settings, " } ", more, " }");
}

std::string Xtap(absl::string_view default_settings,
                 absl::string_view partners) {
  return absl::StrCat(
      "cross_tenant_access_policy { default_configuration { "
      "settings { ",
      default_settings, " } } ", partners, " }");
}

policy::v1::PolicyBundle Resource(absl::string_view xtap,
                                  absl::string_view home_tenant = "") {
  return ParseBundle(absl::StrCat(
      "tenants { tenant_id: \"", kResource, "\" ", xtap,
      " conditional_access_policies { id: \"p\" state: POLICY_STATE_ENABLED "
      "conditions { ",
      kAllUsersAllApps, " } ", kRequireMfa, " } } ", home_tenant));
}

TEST(ReferenceCrossTenantTest,
     ServiceDefaultsAllowCollaborationBlockDirectConnect) {
  auto b = Resource("");  // 2.6
  EXPECT_EQ(Eval(b, Guest().Mfa(ClaimOrigin::kResourceTenant)).outcome,
            Outcome::kAllow);
  ReferenceDecision d = Eval(b, Guest(kB2bDirectConnectUser));
  EXPECT_EQ(d.outcome, Outcome::kBlock);
  EXPECT_EQ(d.stage, Stage::kCrossTenantAccess);
  EXPECT_TRUE(d.policy_results.empty());  // D5
}

TEST(ReferenceCrossTenantTest,
     PartnerOverridesDefaultAndInheritsMissingHalves) {
  // D1: the partner configures only the users half of collaboration inbound;
  // the applications half comes from the default (only SharePoint).
  auto b = Resource(Xtap(
      absl::StrCat("b2b_collaboration_inbound { ",
                   Half("users_and_groups", "ALLOWED", "AllUsers", "USER"),
                   Half("applications", "ALLOWED", kSharePoint, "APPLICATION"),
                   " }"),
      Partner(kHome, absl::StrCat(
                         "b2b_collaboration_inbound { ",
                         Half("users_and_groups", "ALLOWED", kGroup1, "GROUP"),
                         " }"))));
  testing::RequestBuilder in_group = Guest();
  in_group.AddHomeGroup(kGroup1)
      .App(kSharePoint)
      .Mfa(ClaimOrigin::kResourceTenant);
  EXPECT_EQ(Eval(b, in_group).outcome, Outcome::kAllow);
  EXPECT_EQ(Eval(b, in_group.App(kExchange)).stage, Stage::kCrossTenantAccess);
  testing::RequestBuilder outsider = Guest();
  outsider.App(kSharePoint);
  EXPECT_EQ(Eval(b, outsider).stage, Stage::kCrossTenantAccess);
  // Another tenant gets the default: every user, SharePoint only.
  testing::RequestBuilder other = Member();
  other.External(kOther, kB2bCollaborationGuest)
      .HomeUser(kBob)
      .App(kSharePoint)
      .Mfa(ClaimOrigin::kResourceTenant);
  EXPECT_EQ(Eval(b, other).outcome, Outcome::kAllow);
}

TEST(ReferenceCrossTenantTest, InboundTrustInheritsMemberByMember) {
  policy::v1::TenantPolicies t;
  ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(
      absl::StrCat(
          Xtap("inbound_trust { is_mfa_accepted: true "
               "is_compliant_device_accepted: true }",
               Partner(kHome,
                       "inbound_trust { is_compliant_device_accepted: false "
                       "is_hybrid_azure_ad_joined_device_accepted: true }"))),
      &t));
  EffectiveCrossTenantSettings e = EffectiveSettings(t, kHome);
  EXPECT_TRUE(e.has_partner);
  EXPECT_TRUE(e.inbound_trust.mfa);                // from the default
  EXPECT_FALSE(e.inbound_trust.compliant_device);  // partner says false
  EXPECT_TRUE(e.inbound_trust.hybrid_joined_device);
  EffectiveCrossTenantSettings other = EffectiveSettings(t, kOther);
  EXPECT_FALSE(other.has_partner);
  EXPECT_TRUE(other.inbound_trust.compliant_device);
  EXPECT_FALSE(other.inbound_trust.hybrid_joined_device);
}

TEST(ReferenceCrossTenantTest,
     HomeOutboundIsCheckedOnlyWhenTheHomeTenantIsLoaded) {
  const std::string home = absl::StrCat(
      "tenants { tenant_id: \"", kHome, "\" ",
      Xtap("",
           Partner(kResource, absl::StrCat("b2b_collaboration_outbound { ",
                                           Half("users_and_groups", "BLOCKED",
                                                kGroup2, "GROUP"),
                                           " }"))),
      " }");
  auto both = Resource("", home);
  testing::RequestBuilder r = Guest();
  r.Mfa(ClaimOrigin::kResourceTenant);
  ReferenceDecision d = Eval(both, r);
  EXPECT_EQ(d.outcome, Outcome::kAllow);
  EXPECT_TRUE(d.notes.empty());
  d = Eval(both, r.AddHomeGroup(kGroup2));
  EXPECT_EQ(d.stage, Stage::kCrossTenantAccess);
  EXPECT_NE(d.reason.find("Outbound"), std::string::npos) << d.reason;
  // D2: without the home tenant only the resource side is decided.
  d = Eval(Resource(""), r);
  EXPECT_EQ(d.outcome, Outcome::kAllow);
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_EQ(d.notes[0], "home outbound not evaluated");
}

TEST(ReferenceCrossTenantTest, DirectConnectNeedsBothSides) {
  const std::string home_allows = absl::StrCat(
      "tenants { tenant_id: \"", kHome, "\" ",
      Xtap("", Partner(kResource,
                       absl::StrCat("b2b_direct_connect_outbound { ",
                                    Half("users_and_groups", "ALLOWED",
                                         "AllUsers", "USER"),
                                    Half("applications", "ALLOWED",
                                         "AllApplications", "APPLICATION"),
                                    " }"))),
      " }");
  const std::string home_silent =
      absl::StrCat("tenants { tenant_id: \"", kHome, "\" }");
  auto allowed_in = ParseBundle(absl::StrCat(
      "tenants { tenant_id: \"", kResource, "\" ",
      AllowDirectConnectFromHome("inbound_trust { is_mfa_accepted: true }"),
      " } "));
  policy::v1::PolicyBundle with_home = allowed_in;
  with_home.MergeFrom(ParseBundle(home_allows));
  policy::v1::PolicyBundle home_blocks = allowed_in;
  home_blocks.MergeFrom(ParseBundle(home_silent));
  testing::RequestBuilder dc = Guest(kB2bDirectConnectUser);
  EXPECT_EQ(Eval(with_home, dc).outcome, Outcome::kAllow);
  EXPECT_EQ(Eval(home_blocks, dc).stage, Stage::kCrossTenantAccess);
  EXPECT_EQ(Eval(allowed_in, dc).outcome, Outcome::kAllow);  // D2
}

TEST(ReferenceCrossTenantTest, WhichSettingApplies) {
  // D3: block all inbound collaboration.
  auto b = Resource(Xtap(
      absl::StrCat(
          "b2b_collaboration_inbound { ",
          Half("users_and_groups", "BLOCKED", "AllUsers", "USER"),
          Half("applications", "BLOCKED", "AllApplications", "APPLICATION"),
          " }"),
      Partner(kOther, "", "is_service_provider: true")));
  EXPECT_EQ(Eval(b, Guest()).stage, Stage::kCrossTenantAccess);
  EXPECT_EQ(Eval(b, Guest(kB2bCollaborationMember)).stage,
            Stage::kCrossTenantAccess);
  EXPECT_EQ(Eval(b, Guest(kOtherExternalUser)).stage,
            Stage::kCrossTenantAccess);
  // Service provider only: no B2B setting applies.
  testing::RequestBuilder csp = Member();
  csp.External(kOther, kServiceProvider)
      .HomeUser(kBob)
      .Mfa(ClaimOrigin::kResourceTenant);
  EXPECT_EQ(Eval(b, csp).stage, Stage::kConditionalAccess);
  // Non-Entra identities skip cross-tenant settings.
  testing::RequestBuilder google = Member();
  google.External("", kB2bCollaborationGuest, IdentitySource::kSocial)
      .Mfa(ClaimOrigin::kResourceTenant);
  EXPECT_EQ(Eval(b, google).outcome, Outcome::kAllow);
  // Members never meet cross-tenant settings.
  EXPECT_EQ(Eval(b, Member().Mfa()).outcome, Outcome::kAllow);
}

TEST(ReferenceCrossTenantTest, CrossCloudNeedsBothCloudsAndPartnerEntries) {
  const std::string gov_home =
      absl::StrCat("tenants { tenant_id: \"", kHome,
                   "\" cloud: \"microsoftonline.us\" "
                   "cross_tenant_access_policy { allowed_cloud_endpoints: "
                   "\"microsoftonline.com\" ",
                   Partner(kResource, ""), " } }");
  auto without = Resource("", gov_home);
  testing::RequestBuilder r = Guest();
  r.Mfa(ClaimOrigin::kResourceTenant);
  EXPECT_EQ(Eval(without, r).stage, Stage::kCrossTenantAccess);
  auto with = Resource(
      absl::StrCat("cross_tenant_access_policy { allowed_cloud_endpoints: "
                   "\"microsoftonline.us\" ",
                   Partner(kHome, ""), " }"),
      gov_home);
  EXPECT_EQ(Eval(with, r).outcome, Outcome::kAllow);
}

TEST(ReferenceTenantRestrictionsTest, EnforcedOnlyWithTheSignal) {
  // kOther owns the network; it lets its users use kResource identities
  // (the tenant signed in to, spec 2.12) for SharePoint only.
  const std::string owner = absl::StrCat(
      "tenants { tenant_id: \"", kOther, "\" ",
      Xtap("", Partner(kResource, absl::StrCat("tenant_restrictions { ",
                                               Half("users_and_groups", "ALLOWED",
                                                    "AllUsers", "USER"),
                                               Half("applications", "ALLOWED",
                                                    kSharePoint, "APPLICATION"),
                                               " }"))),
      " }");
  auto b = Resource("", owner);
  testing::RequestBuilder r = Guest();
  r.Mfa(ClaimOrigin::kResourceTenant);
  EXPECT_EQ(Eval(b, r).outcome, Outcome::kAllow);
  r.TenantRestrictions(kOther);
  EXPECT_EQ(Eval(b, r).stage, Stage::kTenantRestrictions);
  EXPECT_EQ(Eval(b, r.App(kSharePoint)).outcome, Outcome::kAllow);
  testing::RequestBuilder member = Member();
  member.Mfa().TenantRestrictions(kOther);
  EXPECT_EQ(Eval(b, member).stage, Stage::kTenantRestrictions);
  EXPECT_EQ(Eval(b, member.App(kSharePoint)).outcome, Outcome::kAllow);
  // A tenant with no TRv2 policy that sends the signal blocks every
  // external identity ("all access settings disabled by default").
  const std::string bare =
      absl::StrCat("tenants { tenant_id: \"", kOther, "\" }");
  EXPECT_EQ(Eval(Resource("", bare), member).stage, Stage::kTenantRestrictions);
  // The owner's own identities are never restricted.
  testing::RequestBuilder own = Member();
  own.External(kOther, kB2bCollaborationGuest)
      .HomeUser(kBob)
      .Mfa(ClaimOrigin::kResourceTenant);
  own.TenantRestrictions(kOther);
  EXPECT_EQ(Eval(b, own).outcome, Outcome::kAllow);
  testing::RequestBuilder unknown_owner = Member();
  unknown_owner.Mfa().TenantRestrictions(
      "44444444-4444-4444-4444-444444444444");
  EXPECT_EQ(Eval(b, unknown_owner).stage, Stage::kTenantRestrictions)
      << "fail closed on a signal naming an unknown tenant";
}

}  // namespace
}  // namespace test
}  // namespace reference
}  // namespace crossgate
