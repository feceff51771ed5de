// Spec 4.13, 5.4 and D17 against the reference evaluator: session controls
// merge to the most restrictive over applying enabled policies.

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/reference/reference_test_util.h"

namespace crossgate {
namespace reference {
namespace test {
namespace {

policy::v1::PolicyBundle WithSessions(
    std::initializer_list<std::pair<const char*, const char*>> policies) {
  std::string text = absl::StrCat("tenants { tenant_id: \"", kResource, "\" ");
  int i = 0;
  for (const auto& [state, session] : policies) {
    absl::StrAppend(&text, "conditional_access_policies { id: \"p", i++,
                    "\" state: ", state, " conditions { ", kAllUsersAllApps,
                    " } session_controls { ", session, " } } ");
  }
  return ParseBundle(absl::StrCat(text, "}"));
}

constexpr char kOn[] = "POLICY_STATE_ENABLED";
constexpr char kReportOnly[] =
    "POLICY_STATE_ENABLED_FOR_REPORTING_BUT_NOT_ENFORCED";

TEST(ReferenceSessionTest, ShortestSignInFrequencyWins) {
  auto b = WithSessions(
      {{kOn, "sign_in_frequency { is_enabled: true type: UNIT_DAYS value: 1 }"},
       {kOn,
        "sign_in_frequency { is_enabled: true type: UNIT_HOURS value: 4 }"},
       {kOn,
        "sign_in_frequency { is_enabled: false type: UNIT_HOURS value: 1 }"}});
  EXPECT_EQ(Eval(b, Member()).session.sign_in_frequency_minutes, 240);
  auto every = WithSessions(
      {{kOn,
        "sign_in_frequency { is_enabled: true type: UNIT_HOURS value: 1 }"},
       {kOn,
        "sign_in_frequency { is_enabled: true frequency_interval: "
        "FREQUENCY_INTERVAL_EVERY_TIME }"}});
  EXPECT_EQ(Eval(every, Member()).session.sign_in_frequency_minutes, -1);
}

TEST(ReferenceSessionTest, NeverBeatsAlwaysAndCollectsRestrictions) {
  auto b = WithSessions(
      {{kOn,
        "persistent_browser { is_enabled: true mode: MODE_ALWAYS } "
        "cloud_app_security { is_enabled: true cloud_app_security_type: "
        "TYPE_MONITOR_ONLY }"},
       {kOn,
        "persistent_browser { is_enabled: true mode: MODE_NEVER } "
        "application_enforced_restrictions { is_enabled: true } "
        "cloud_app_security { is_enabled: true cloud_app_security_type: "
        "TYPE_BLOCK_DOWNLOADS }"},
       {kOn,
        "persistent_browser { is_enabled: true mode: MODE_ALWAYS } "
        "secure_sign_in_session { is_enabled: true } "
        "continuous_access_evaluation { mode: MODE_STRICT_LOCATION }"}});
  ReferenceDecision d = Eval(b, Member());
  EXPECT_EQ(d.session.persistent_browser,
            SessionOutcome::PersistentBrowser::kNever);
  EXPECT_TRUE(d.session.application_enforced_restrictions);
  EXPECT_EQ(d.session.cloud_app_security,
            SessionOutcome::CloudAppSecurity::kBlockDownloads);
  EXPECT_TRUE(d.session.secure_sign_in_session);
  EXPECT_TRUE(d.session.continuous_access_evaluation_strict);
  EXPECT_FALSE(d.session.disable_resilience_defaults);
}

TEST(ReferenceSessionTest, ReportOnlyAndNotApplyingPoliciesDoNotContribute) {
  auto b = WithSessions(
      {{kReportOnly,
        "sign_in_frequency { is_enabled: true type: UNIT_HOURS value: 1 }"},
       {"POLICY_STATE_DISABLED", "disable_resilience_defaults: true"},
       {kOn, "persistent_browser { is_enabled: true mode: MODE_ALWAYS }"}});
  ReferenceDecision d = Eval(b, Member());
  EXPECT_EQ(d.session.sign_in_frequency_minutes, 0);
  EXPECT_FALSE(d.session.disable_resilience_defaults);
  EXPECT_EQ(d.session.persistent_browser,
            SessionOutcome::PersistentBrowser::kAlways);
}

TEST(ReferenceSessionTest, DirectConnectIgnoresUnsupportedSessionControls) {
  // 5.5: no app-enforced restrictions, Defender for Cloud Apps, sign-in
  // frequency or persistent browser for direct connect users.
  std::string tenant = absl::StrCat(
      "tenants { tenant_id: \"", kResource, "\" ", AllowDirectConnectFromHome(),
      " conditional_access_policies { id: \"p\" state: POLICY_STATE_ENABLED "
      "conditions { ",
      kAllUsersAllApps,
      " } session_controls { sign_in_frequency { is_enabled: true type: "
      "UNIT_HOURS value: 1 } persistent_browser { is_enabled: true mode: "
      "MODE_NEVER } application_enforced_restrictions { is_enabled: true } "
      "disable_resilience_defaults: true } } }");
  auto b = ParseBundle(tenant);
  ReferenceDecision d = Eval(b, Guest(kB2bDirectConnectUser));
  ASSERT_EQ(d.outcome, Outcome::kAllow) << d.DebugString();
  EXPECT_EQ(d.session.sign_in_frequency_minutes, 0);
  EXPECT_EQ(d.session.persistent_browser,
            SessionOutcome::PersistentBrowser::kNotSet);
  EXPECT_FALSE(d.session.application_enforced_restrictions);
  EXPECT_TRUE(d.session.disable_resilience_defaults);
  d = Eval(b, Guest());
  EXPECT_EQ(d.session.sign_in_frequency_minutes, 60);
}

TEST(ReferenceSessionTest, AllowsAndChallengesCarrySessionControlsBlocksDoNot) {
  auto b = ParseBundle(absl::StrCat(
      "tenants { tenant_id: \"", kResource,
      "\" conditional_access_policies { id: \"p\" state: POLICY_STATE_ENABLED "
      "conditions { ",
      kAllUsersAllApps, " } ", kRequireMfa,
      " session_controls { disable_resilience_defaults: true } } }"));
  // The controls that apply once the challenge is met.
  EXPECT_TRUE(Eval(b, Member()).session.disable_resilience_defaults);
  EXPECT_TRUE(Eval(b, Member().Mfa()).session.disable_resilience_defaults);
  ReferenceDecision blocked = Eval(b, Member().Client(ClientApp::kOther));
  EXPECT_EQ(blocked.outcome, Outcome::kBlock);
  EXPECT_FALSE(blocked.session.disable_resilience_defaults);
}

}  // namespace
}  // namespace test
}  // namespace reference
}  // namespace crossgate
