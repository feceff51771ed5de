// Bad input that reaches the cross-tenant compiler: each problem is a load
// issue with a Graph-property path, and is decided under the fail-closed
// reading (the setting denies everyone).

#include <string>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "lib/cross_tenant/compiled_cross_tenant.h"
#include "tests/cross_tenant/xtap_test_support.h"

namespace crossgate::cross_tenant {
namespace {

using xtap_testing::G;
using xtap_testing::TenantFromText;

constexpr char kTenant[] = "11111111-1111-1111-1111-111111111111";
constexpr char kPartner[] = "22222222-2222-2222-2222-222222222222";
const std::string kPolicyPath =
    std::string("tenants/") + kTenant + "/crossTenantAccessPolicy";
const std::string kPartnerPath = kPolicyPath + "/partners/" + kPartner;

struct Result {
  absl::StatusOr<CompiledCrossTenantAccess> compiled;
  IssueCollector issues;
};

// Compiles with fail_on_error=false so the fail-closed reading is visible.
std::unique_ptr<Result> CompileText(const std::string& policy_text,
                                    const std::string& tenant_extra = "") {
  auto r = std::make_unique<Result>();
  CrossTenantCompileOptions options;
  options.fail_on_error = false;
  r->compiled = CompiledCrossTenantAccess::Compile(
      TenantFromText(std::string("tenant_id: '") + kTenant + "' " +
                     tenant_extra + " cross_tenant_access_policy { " +
                     policy_text + " }"),
      AppSetTable::Default(), options, &r->issues);
  return r;
}

std::string PartnerWith(const std::string& settings) {
  return std::string("partners { tenant_id: '") + kPartner + "' settings { " +
         settings + " } }";
}

bool HasError(const IssueCollector& issues, IssueCode code,
              const std::string& path) {
  for (const LoadIssue& i : issues.issues()) {
    if (i.is_error() && i.code == code && i.path == path) return true;
  }
  return false;
}

std::string Dump(const IssueCollector& issues) {
  std::string out;
  for (const LoadIssue& i : issues.issues()) out += i.ToString() + "\n";
  return out;
}

bool DeniesEveryone(const EffectiveB2BSetting& s, const AppSetTable& apps) {
  const std::vector<Guid> groups = {G("aaaaaaaa-0000-0000-0000-000000000001")};
  const B2BVerdict v =
      EvaluateB2BSetting(s, apps,
                         {G("cccccccc-0000-0000-0000-000000000001"), groups,
                          G("bbbbbbbb-0000-0000-0000-000000000001"), Guid{}});
  return !v.permitted && v.reason == CrossTenantReason::kInvalidSetting;
}

const char kAllApps[] =
    "applications { access_type: ACCESS_TYPE_ALLOWED targets { target: "
    "'AllApplications' "
    "target_type: TARGET_TYPE_APPLICATION } }";

TEST(Section2_4, UnknownAccessTypeIsLoadErrorAndDeniesEveryone) {
  auto r = CompileText(
      PartnerWith(std::string("b2b_collaboration_inbound { users_and_groups { "
                              "targets { target: 'AllUsers' "
                              "target_type: TARGET_TYPE_USER } } ") +
                  kAllApps + " }"));
  ASSERT_TRUE(r->compiled.ok());
  EXPECT_TRUE(HasError(
      r->issues, IssueCode::kUnknownEnum,
      kPartnerPath + "/b2bCollaborationInbound/usersAndGroups/accessType"))
      << Dump(r->issues);
  EXPECT_TRUE(r->compiled->has_errors());
  EXPECT_TRUE(DeniesEveryone(
      r->compiled->ForPartner(G(kPartner)).b2b_collaboration_inbound,
      r->compiled->app_sets()));
}

TEST(Section2_4, UnknownTargetTypeIsLoadError) {
  auto r = CompileText(
      PartnerWith(std::string("b2b_collaboration_inbound { users_and_groups { "
                              "access_type: ACCESS_TYPE_ALLOWED "
                              "targets { target: 'AllUsers' } } ") +
                  kAllApps + " }"));
  EXPECT_TRUE(HasError(
      r->issues, IssueCode::kUnknownEnum,
      kPartnerPath +
          "/b2bCollaborationInbound/usersAndGroups/targets[0]/targetType"))
      << Dump(r->issues);
  EXPECT_TRUE(DeniesEveryone(
      r->compiled->ForPartner(G(kPartner)).b2b_collaboration_inbound,
      r->compiled->app_sets()));
}

TEST(Section2_4, TargetTypeMustMatchTheHalf) {
  auto r = CompileText(
      PartnerWith("b2b_collaboration_inbound { applications { access_type: "
                  "ACCESS_TYPE_ALLOWED "
                  "targets { target: 'aaaaaaaa-0000-0000-0000-000000000001' "
                  "target_type: TARGET_TYPE_GROUP } } }"));
  EXPECT_TRUE(HasError(
      r->issues, IssueCode::kInvalidCombination,
      kPartnerPath +
          "/b2bCollaborationInbound/applications/targets[0]/targetType"))
      << Dump(r->issues);
}

TEST(Section2_4, KeywordInTheWrongHalfIsLoadError) {
  auto r = CompileText(PartnerWith(
      "b2b_collaboration_inbound { users_and_groups { access_type: "
      "ACCESS_TYPE_ALLOWED "
      "targets { target: 'Office365' target_type: TARGET_TYPE_USER } } }"));
  EXPECT_TRUE(
      HasError(r->issues, IssueCode::kInvalidCombination,
               kPartnerPath +
                   "/b2bCollaborationInbound/usersAndGroups/targets[0]/target"))
      << Dump(r->issues);
}

TEST(Section2_4, TargetThatIsNeitherIdNorKeywordIsLoadError) {
  auto r = CompileText(PartnerWith(
      "b2b_collaboration_inbound { users_and_groups { access_type: "
      "ACCESS_TYPE_ALLOWED "
      "targets { target: 'allusers' target_type: TARGET_TYPE_USER } "
      "targets { target: '<PartnerGroup>' target_type: TARGET_TYPE_GROUP } } "
      "}"));
  EXPECT_TRUE(
      HasError(r->issues, IssueCode::kBadGuid,
               kPartnerPath +
                   "/b2bCollaborationInbound/usersAndGroups/targets[0]/target"))
      << Dump(r->issues);
  EXPECT_TRUE(
      HasError(r->issues, IssueCode::kPlaceholderId,
               kPartnerPath +
                   "/b2bCollaborationInbound/usersAndGroups/targets[1]/target"))
      << Dump(r->issues);
}

TEST(Section2_7, EmptyTargetsIsLoadErrorAndDeniesEveryone) {
  auto r =
      CompileText(PartnerWith("b2b_collaboration_outbound { users_and_groups { "
                              "access_type: ACCESS_TYPE_BLOCKED } }"));
  EXPECT_TRUE(HasError(
      r->issues, IssueCode::kMissingField,
      kPartnerPath + "/b2bCollaborationOutbound/usersAndGroups/targets"))
      << Dump(r->issues);
  EXPECT_TRUE(DeniesEveryone(
      r->compiled->ForPartner(G(kPartner)).b2b_collaboration_outbound,
      r->compiled->app_sets()));
}

TEST(Section2_8, BlockingAllUsersWhileAllowingAppsIsLoadError) {
  auto r = CompileText(PartnerWith(
      "b2b_collaboration_inbound { users_and_groups { access_type: "
      "ACCESS_TYPE_BLOCKED "
      "targets { target: 'AllUsers' target_type: TARGET_TYPE_USER } } "
      "applications { access_type: ACCESS_TYPE_ALLOWED targets { target: "
      "'bbbbbbbb-0000-0000-0000-000000000001' target_type: "
      "TARGET_TYPE_APPLICATION } } }"));
  EXPECT_TRUE(
      HasError(r->issues, IssueCode::kInvalidCombination,
               kPartnerPath + "/b2bCollaborationInbound/usersAndGroups"))
      << Dump(r->issues);
  EXPECT_TRUE(DeniesEveryone(
      r->compiled->ForPartner(G(kPartner)).b2b_collaboration_inbound,
      r->compiled->app_sets()));
}

TEST(Section2_8, BlockingAllAppsWhileAllowingUsersIsLoadError) {
  auto r = CompileText(
      PartnerWith("b2b_collaboration_outbound { users_and_groups { "
                  "access_type: ACCESS_TYPE_ALLOWED "
                  "targets { target: 'aaaaaaaa-0000-0000-0000-000000000001' "
                  "target_type: TARGET_TYPE_GROUP } } "
                  "applications { access_type: ACCESS_TYPE_BLOCKED targets { "
                  "target: 'AllApplications' "
                  "target_type: TARGET_TYPE_APPLICATION } } }"));
  EXPECT_TRUE(HasError(r->issues, IssueCode::kInvalidCombination,
                       kPartnerPath + "/b2bCollaborationOutbound/applications"))
      << Dump(r->issues);
}

TEST(Section2_8, SpecificUsersInInboundDefaultIsLoadError) {
  for (const char* setting :
       {"b2b_collaboration_inbound", "b2b_direct_connect_inbound"}) {
    auto r = CompileText(
        std::string("default_configuration { settings { ") + setting +
        " { users_and_groups { access_type: ACCESS_TYPE_ALLOWED targets { "
        "target: 'aaaaaaaa-0000-0000-0000-000000000001' target_type: "
        "TARGET_TYPE_GROUP } } } } }");
    const std::string graph =
        std::string(setting) == "b2b_collaboration_inbound"
            ? "b2bCollaborationInbound"
            : "b2bDirectConnectInbound";
    EXPECT_TRUE(HasError(r->issues, IssueCode::kInvalidCombination,
                         kPolicyPath + "/default/" + graph +
                             "/usersAndGroups/targets[0]/target"))
        << Dump(r->issues);
    EXPECT_TRUE(
        DeniesEveryone(r->compiled->default_configuration().setting(
                           std::string(setting) == "b2b_collaboration_inbound"
                               ? XtapSetting::kB2bCollaborationInbound
                               : XtapSetting::kB2bDirectConnectInbound),
                       r->compiled->app_sets()));
  }
}

TEST(Section2_8, SpecificUsersInOutboundDefaultAndPartnerInboundAreFine) {
  auto r = CompileText(
      "default_configuration { settings { b2b_collaboration_outbound { "
      "users_and_groups { "
      "access_type: ACCESS_TYPE_ALLOWED targets { target: "
      "'aaaaaaaa-0000-0000-0000-000000000001' "
      "target_type: TARGET_TYPE_GROUP } } } } } " +
      PartnerWith("b2b_collaboration_inbound { users_and_groups { access_type: "
                  "ACCESS_TYPE_ALLOWED targets { target: "
                  "'aaaaaaaa-0000-0000-0000-000000000001' target_type: "
                  "TARGET_TYPE_GROUP } } }"));
  EXPECT_FALSE(r->issues.has_errors()) << Dump(r->issues);
}

TEST(Section2_3, DuplicatePartnerIsLoadErrorAndEverySettingDenies) {
  auto r = CompileText(PartnerWith("inbound_trust { is_mfa_accepted: true }") +
                       " " + PartnerWith(""));
  EXPECT_TRUE(HasError(r->issues, IssueCode::kDuplicateId, kPartnerPath))
      << Dump(r->issues);
  const EffectiveConfiguration& p = r->compiled->ForPartner(G(kPartner));
  EXPECT_TRUE(p.invalid);
  EXPECT_FALSE(p.inbound_trust.mfa_accepted);
  for (XtapSetting s : {XtapSetting::kB2bCollaborationInbound,
                        XtapSetting::kB2bCollaborationOutbound,
                        XtapSetting::kB2bDirectConnectInbound,
                        XtapSetting::kB2bDirectConnectOutbound,
                        XtapSetting::kTenantRestrictions}) {
    EXPECT_TRUE(DeniesEveryone(p.setting(s), r->compiled->app_sets()))
        << XtapSettingName(s);
  }
}

TEST(Section2_3, PartnerTenantIdMustBeGuid) {
  auto r = CompileText("partners { tenant_id: 'contoso.com' }");
  EXPECT_TRUE(HasError(r->issues, IssueCode::kBadGuid,
                       kPolicyPath + "/partners[0]/tenantId"))
      << Dump(r->issues);
  EXPECT_EQ(r->compiled->partner_count(), 0u);
}

TEST(Section2_1, UnknownCloudEndpointsAreLoadErrors) {
  auto r = CompileText(
      "allowed_cloud_endpoints: 'microsoftonline.us' "
      "allowed_cloud_endpoints: 'microsoftonline.de'",
      "cloud: 'example.cloud'");
  EXPECT_TRUE(HasError(r->issues, IssueCode::kUnknownEnum,
                       kPolicyPath + "/allowedCloudEndpoints[1]"))
      << Dump(r->issues);
  EXPECT_TRUE(HasError(r->issues, IssueCode::kUnknownEnum,
                       std::string("tenants/") + kTenant + "/cloud"))
      << Dump(r->issues);
  EXPECT_EQ(r->compiled->cloud(), Cloud::kUnknown);
  EXPECT_TRUE(r->compiled->AllowsCloud(Cloud::kUsGovernment));
  EXPECT_FALSE(r->compiled->AllowsCloud(Cloud::kUnknown));
}

TEST(Section2_5, TenantRestrictionsDevicesFilterIsAWarning) {
  auto r = CompileText(PartnerWith(
      "tenant_restrictions { devices { mode: MODE_INCLUDE rule: 'x' } }"));
  EXPECT_FALSE(r->issues.has_errors()) << Dump(r->issues);
  ASSERT_EQ(r->issues.issues().size(), 1u);
  EXPECT_EQ(r->issues.issues()[0].code, IssueCode::kUnsupportedFeature);
}

TEST(FailOnError, CompileFailsWithTheFirstErrorOfThisTenant) {
  IssueCollector issues;
  issues.Error(IssueCode::kIo, "earlier/tenant", "unrelated earlier error");
  auto c = CompiledCrossTenantAccess::Compile(
      TenantFromText(
          std::string("tenant_id: '") + kTenant +
          "' cross_tenant_access_policy { " +
          PartnerWith("b2b_collaboration_outbound { users_and_groups { "
                      "access_type: ACCESS_TYPE_BLOCKED } }") +
          " }"),
      AppSetTable::Default(), {}, &issues);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StartsWith(
      c.status().message(),
      kPartnerPath + "/b2bCollaborationOutbound/usersAndGroups/targets"))
      << c.status();
  // Without a collector, the status still names the path.
  auto c2 = CompiledCrossTenantAccess::Compile(
      TenantFromText(
          std::string("tenant_id: '") + kTenant +
          "' cross_tenant_access_policy { partners { tenant_id: 'x' } }"),
      AppSetTable::Default(), {}, nullptr);
  ASSERT_FALSE(c2.ok());
  EXPECT_TRUE(absl::StrContains(c2.status().message(), "partners[0]/tenantId"));
}

TEST(FailOnError, TenantIdMustBeGuid) {
  auto c =
      CompiledCrossTenantAccess::Compile(TenantFromText("tenant_id: 'contoso'"),
                                         AppSetTable::Default(), {}, nullptr);
  ASSERT_FALSE(c.ok());
  EXPECT_TRUE(
      absl::StrContains(c.status().message(), "tenants/contoso/tenantId"));
}

}  // namespace
}  // namespace crossgate::cross_tenant
