// Spec 2.8: evaluating one B2B setting, including the nine official
// interpretation vectors read from the graph-samples file.

#include "lib/cross_tenant/b2b_setting.h"

#include <string>

#include "absl/strings/str_replace.h"
#include "gtest/gtest.h"
#include "lib/cross_tenant/compiled_cross_tenant.h"
#include "tests/cross_tenant/xtap_test_support.h"

namespace crossgate::cross_tenant {
namespace {

using xtap_testing::G;
using xtap_testing::TenantFromText;

const char kTenant[] = "11111111-1111-1111-1111-111111111111";
const char kG1[] = "aaaaaaaa-0000-0000-0000-000000000001";
const char kA1[] = "bbbbbbbb-0000-0000-0000-000000000001";
const char kOther[] = "bbbbbbbb-0000-0000-0000-000000000002";
const char kUser[] = "cccccccc-0000-0000-0000-000000000001";

// Compiles `setting_text` (a B2BSetting textproto) as the default's
// b2bCollaborationOutbound, where specific users and groups are allowed.
CompiledCrossTenantAccess CompileOutbound(const std::string& setting_text) {
  policy::v1::TenantPolicies t = TenantFromText(
      std::string("tenant_id: '") + kTenant +
      "' cross_tenant_access_policy { default_configuration { settings { "
      "b2b_collaboration_outbound { " +
      setting_text + " } } } }");
  IssueCollector issues;
  auto compiled = CompiledCrossTenantAccess::Compile(t, AppSetTable::Default(),
                                                     {}, &issues);
  EXPECT_TRUE(compiled.ok()) << compiled.status();
  return *std::move(compiled);
}

std::string Half(
    const char* name, const char* access,
    std::initializer_list<std::pair<const char*, const char*>> targets) {
  std::string out = std::string(name) + " { access_type: " + access;
  for (const auto& [target, type] : targets) {
    out += std::string(" targets { target: '") + target +
           "' target_type: " + type + " }";
  }
  return out + " }";
}

B2BVerdict Eval(const CompiledCrossTenantAccess& c, const Guid& user,
                std::initializer_list<Guid> groups, const Guid& app,
                const Guid& client = Guid{}) {
  std::vector<Guid> g(groups);
  return EvaluateB2BSetting(
      c.default_configuration().b2b_collaboration_outbound, c.app_sets(),
      {user, g, app, client});
}

constexpr const char* kAllowed = "ACCESS_TYPE_ALLOWED";
constexpr const char* kBlocked = "ACCESS_TYPE_BLOCKED";

TEST(Section2_8, InterpretationVectorsFromGraphSamples) {
  XTAP_SKIP_JSON_UNDER_TSAN();
  auto text = xtap_testing::ReadGraphSample(
      "derived-xtap-b2bsetting-interpretation-cases.json");
  ASSERT_TRUE(text.ok()) << text.status();
  // g1 / a1 are placeholders in the derived vectors; give them real ids.
  const std::string json = absl::StrReplaceAll(
      *text,
      {{"\"target\": \"g1\"", std::string("\"target\": \"") + kG1 + "\""},
       {"\"target\": \"a1\"", std::string("\"target\": \"") + kA1 + "\""}});
  ASSERT_NE(json.find(kG1), std::string::npos);
  ASSERT_NE(json.find(kA1), std::string::npos);
  auto doc = xtap_testing::ParseJson(json);
  ASSERT_TRUE(doc.ok()) << doc.status();
  const auto* cases = xtap_testing::ListField(doc->struct_value(), "cases");
  ASSERT_NE(cases, nullptr);
  ASSERT_EQ(cases->values_size(), 9);
  int checked = 0;
  for (const auto& c : cases->values()) {
    const auto& obj = c.struct_value();
    const std::string description =
        xtap_testing::StringField(obj, "description");
    policy::v1::TenantPolicies t;
    t.set_tenant_id(kTenant);
    xtap_testing::HalvesFromJson(*xtap_testing::ObjectField(obj, "b2bSetting"),
                                 t.mutable_cross_tenant_access_policy()
                                     ->mutable_default_configuration()
                                     ->mutable_settings()
                                     ->mutable_b2b_collaboration_outbound());
    auto compiled = CompiledCrossTenantAccess::Compile(
        t, AppSetTable::Default(), {}, nullptr);
    ASSERT_TRUE(compiled.ok()) << description << ": " << compiled.status();
    const auto* expected = xtap_testing::ObjectField(obj, "expected");
    for (const char* who : {"userInG1", "userNotInG1"}) {
      const auto* row = xtap_testing::ObjectField(*expected, who);
      ASSERT_NE(row, nullptr);
      for (const char* app : {"a1", "other"}) {
        bool want = false;
        ASSERT_TRUE(xtap_testing::BoolField(*row, app, &want));
        const bool in_g1 = std::string(who) == "userInG1";
        const B2BVerdict v = Eval(*compiled, G(kUser),
                                  in_g1 ? std::initializer_list<Guid>{G(kG1)}
                                        : std::initializer_list<Guid>{},
                                  G(std::string(app) == "a1" ? kA1 : kOther));
        EXPECT_EQ(v.permitted, want)
            << description << " / " << who << " / " << app;
        EXPECT_EQ(v.permitted, v.reason == CrossTenantReason::kAllowed);
        ++checked;
      }
    }
  }
  EXPECT_EQ(checked, 36);
}

TEST(Section2_8, BlockBlockBlocksOnlyIntersection) {
  auto c = CompileOutbound(
      Half("users_and_groups", kBlocked, {{kG1, "TARGET_TYPE_GROUP"}}) +
      Half(" applications", kBlocked, {{kA1, "TARGET_TYPE_APPLICATION"}}));
  const B2BVerdict v = Eval(c, G(kUser), {G(kG1)}, G(kA1));
  EXPECT_FALSE(v.permitted);
  EXPECT_EQ(v.reason, CrossTenantReason::kUserAndAppInBlockedTargets);
  EXPECT_EQ(v.half, XtapHalf::kBoth);
  EXPECT_TRUE(Eval(c, G(kUser), {G(kG1)}, G(kOther)).permitted);
  EXPECT_TRUE(Eval(c, G(kUser), {}, G(kA1)).permitted);
  EXPECT_TRUE(Eval(c, G(kUser), {}, G(kOther)).permitted);
}

TEST(Section2_8, AllowedUsersNotInTargetsNamesUsersHalf) {
  auto c = CompileOutbound(
      Half("users_and_groups", kAllowed, {{kG1, "TARGET_TYPE_GROUP"}}) +
      Half(" applications", kAllowed,
           {{"AllApplications", "TARGET_TYPE_APPLICATION"}}));
  const B2BVerdict v = Eval(c, G(kUser), {}, G(kA1));
  EXPECT_FALSE(v.permitted);
  EXPECT_EQ(v.reason, CrossTenantReason::kUserNotInAllowedTargets);
  EXPECT_EQ(v.half, XtapHalf::kUsersAndGroups);
  EXPECT_EQ(v.origin, SettingOrigin::kDefault);
}

TEST(Section2_8, AllowedAppNotInTargetsNamesApplicationsHalf) {
  auto c = CompileOutbound(
      Half("users_and_groups", kAllowed, {{"AllUsers", "TARGET_TYPE_USER"}}) +
      Half(" applications", kAllowed, {{kA1, "TARGET_TYPE_APPLICATION"}}));
  const B2BVerdict v = Eval(c, G(kUser), {}, G(kOther));
  EXPECT_EQ(v.reason, CrossTenantReason::kAppNotInAllowedTargets);
  EXPECT_EQ(v.half, XtapHalf::kApplications);
}

TEST(Section2_8, BlockedUsersWithAllowedAppsNamesUsersHalf) {
  auto c = CompileOutbound(
      Half("users_and_groups", kBlocked, {{kG1, "TARGET_TYPE_GROUP"}}) +
      Half(" applications", kAllowed, {{kA1, "TARGET_TYPE_APPLICATION"}}));
  EXPECT_EQ(Eval(c, G(kUser), {G(kG1)}, G(kA1)).reason,
            CrossTenantReason::kUserInBlockedTargets);
  EXPECT_EQ(Eval(c, G(kUser), {}, G(kOther)).reason,
            CrossTenantReason::kAppNotInAllowedTargets);
}

TEST(Section2_8, AllowedUsersWithBlockedAppNamesApplicationsHalf) {
  auto c = CompileOutbound(
      Half("users_and_groups", kAllowed, {{kG1, "TARGET_TYPE_GROUP"}}) +
      Half(" applications", kBlocked, {{kA1, "TARGET_TYPE_APPLICATION"}}));
  EXPECT_EQ(Eval(c, G(kUser), {G(kG1)}, G(kA1)).reason,
            CrossTenantReason::kAppInBlockedTargets);
}

TEST(Section2_8, UserTargetMatchesUserId) {
  auto c = CompileOutbound(
      Half("users_and_groups", kAllowed, {{kUser, "TARGET_TYPE_USER"}}) +
      Half(" applications", kAllowed,
           {{"AllApplications", "TARGET_TYPE_APPLICATION"}}));
  EXPECT_TRUE(Eval(c, G(kUser), {}, G(kA1)).permitted);
  EXPECT_FALSE(Eval(c, G(kG1), {}, G(kA1)).permitted);
  // A user id given as a group does not match a user target.
  EXPECT_FALSE(Eval(c, Guid{}, {G(kUser)}, G(kA1)).permitted);
}

TEST(Section2_8, GroupTargetsMatchTransitiveGroupList) {
  auto c = CompileOutbound(
      Half("users_and_groups", kAllowed, {{kG1, "TARGET_TYPE_GROUP"}}) +
      Half(" applications", kAllowed,
           {{"AllApplications", "TARGET_TYPE_APPLICATION"}}));
  // The caller supplies the transitive list; the match is anywhere in it.
  std::vector<Guid> many;
  for (uint64_t i = 1; i <= 3000; ++i) many.push_back(Guid{i, i});
  many.push_back(G(kG1));
  EXPECT_TRUE(
      EvaluateB2BSetting(c.default_configuration().b2b_collaboration_outbound,
                         c.app_sets(), {G(kUser), many, G(kA1), Guid{}})
          .permitted);
  many.pop_back();
  EXPECT_FALSE(
      EvaluateB2BSetting(c.default_configuration().b2b_collaboration_outbound,
                         c.app_sets(), {G(kUser), many, G(kA1), Guid{}})
          .permitted);
}

TEST(Section2_4, ApplicationTargetMatchesClientOrResourceAppId) {
  auto c = CompileOutbound(
      Half("users_and_groups", kAllowed, {{"AllUsers", "TARGET_TYPE_USER"}}) +
      Half(" applications", kAllowed, {{kA1, "TARGET_TYPE_APPLICATION"}}));
  EXPECT_TRUE(Eval(c, G(kUser), {}, G(kOther), G(kA1)).permitted);  // client
  EXPECT_TRUE(Eval(c, G(kUser), {}, G(kA1), G(kOther)).permitted);  // resource
  EXPECT_FALSE(Eval(c, G(kUser), {}, G(kOther), G(kOther)).permitted);
}

TEST(Section2_4, Office365KeywordMatchesThroughAppSetTable) {
  auto c = CompileOutbound(
      Half("users_and_groups", kAllowed, {{"AllUsers", "TARGET_TYPE_USER"}}) +
      Half(" applications", kAllowed,
           {{"Office365", "TARGET_TYPE_APPLICATION"}}));
  const Guid exchange = G("00000002-0000-0ff1-ce00-000000000000");
  const Guid azure_portal = G("c44b4083-3bb0-49c1-b47d-974e53cbdf3c");
  EXPECT_TRUE(Eval(c, G(kUser), {}, exchange).permitted);
  EXPECT_FALSE(Eval(c, G(kUser), {}, azure_portal).permitted);
}

TEST(Section2_4, AllMicrosoftAppsKeywordMatchesAnyShippedFirstPartyApp) {
  auto c = CompileOutbound(
      Half("users_and_groups", kAllowed, {{"AllUsers", "TARGET_TYPE_USER"}}) +
      Half(" applications", kBlocked,
           {{"AllMicrosoftApps", "TARGET_TYPE_APPLICATION"}}));
  EXPECT_FALSE(Eval(c, G(kUser), {}, G("00000003-0000-0000-c000-000000000000"))
                   .permitted);
  EXPECT_FALSE(Eval(c, G(kUser), {}, G("c44b4083-3bb0-49c1-b47d-974e53cbdf3c"))
                   .permitted);
  EXPECT_TRUE(Eval(c, G(kUser), {}, G(kA1)).permitted);  // a third-party app
}

TEST(Section2_8, ZeroIdsNeverMatchSpecificTargets) {
  auto c = CompileOutbound(
      Half("users_and_groups", kAllowed, {{kUser, "TARGET_TYPE_USER"}}) +
      Half(" applications", kAllowed, {{kA1, "TARGET_TYPE_APPLICATION"}}));
  EXPECT_FALSE(Eval(c, Guid{}, {Guid{}}, G(kA1)).permitted);
  EXPECT_FALSE(Eval(c, G(kUser), {}, Guid{}).permitted);
}

TEST(Section2_10, PermitsSomeUserDistinguishesExplicitBlocks) {
  struct Case {
    std::string setting;
    bool permits;
  };
  const Case cases[] = {
      {Half("users_and_groups", kBlocked, {{"AllUsers", "TARGET_TYPE_USER"}}) +
           Half(" applications", kBlocked,
                {{"AllApplications", "TARGET_TYPE_APPLICATION"}}),
       false},
      {Half("users_and_groups", kAllowed, {{kG1, "TARGET_TYPE_GROUP"}}) +
           Half(" applications", kAllowed, {{kA1, "TARGET_TYPE_APPLICATION"}}),
       true},
      {Half("users_and_groups", kBlocked, {{kG1, "TARGET_TYPE_GROUP"}}) +
           Half(" applications", kBlocked,
                {{"AllApplications", "TARGET_TYPE_APPLICATION"}}),
       true},
      {Half("users_and_groups", kBlocked, {{"AllUsers", "TARGET_TYPE_USER"}}) +
           Half(" applications", kBlocked, {{kA1, "TARGET_TYPE_APPLICATION"}}),
       true},  // block/block: only a1 is blocked
      {Half("users_and_groups", kAllowed, {{"AllUsers", "TARGET_TYPE_USER"}}) +
           Half(" applications", kAllowed,
                {{"AllApplications", "TARGET_TYPE_APPLICATION"}}),
       true},
  };
  for (const Case& c : cases) {
    auto compiled = CompileOutbound(c.setting);
    EXPECT_EQ(PermitsSomeUser(
                  compiled.default_configuration().b2b_collaboration_outbound),
              c.permits)
        << c.setting;
  }
  EXPECT_FALSE(PermitsSomeUser(EffectiveB2BSetting{}));
}

}  // namespace
}  // namespace crossgate::cross_tenant
