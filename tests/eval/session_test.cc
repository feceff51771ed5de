// Spec 4.13 (session controls), 5.4 (across policies), D17.

#include "gtest/gtest.h"
#include "tests/eval/ca_fixture.h"

namespace crossgate::testing {
namespace {

std::string S(absl::string_view id, absl::string_view session,
              absl::string_view grant = "") {
  return Policy(id, absl::StrCat(AllUsersAllApps(), grant, " session_controls { ",
                                 session, " }"));
}

TEST(D17, ShortestSignInFrequencyWins) {
  Engine e(S("a", "sign_in_frequency { is_enabled: true type: UNIT_DAYS value: 1 }") +
           S("b", "sign_in_frequency { is_enabled: true type: UNIT_HOURS value: 8 }"));
  EXPECT_EQ(e.Run(MemberRequest()).session.sign_in_frequency_minutes, 8 * 60);
}

TEST(D17, EveryTimeBeatsAnyInterval) {
  Engine e(S("a", "sign_in_frequency { is_enabled: true type: UNIT_HOURS value: 1 }") +
           S("b", "sign_in_frequency { is_enabled: true frequency_interval: "
                  "FREQUENCY_INTERVAL_EVERY_TIME }"));
  EXPECT_EQ(e.Run(MemberRequest()).session.sign_in_frequency_minutes, -1);
}

TEST(D17, PersistentBrowserNeverBeatsAlways) {
  Engine e(S("a", "persistent_browser { is_enabled: true mode: MODE_ALWAYS }") +
           S("b", "persistent_browser { is_enabled: true mode: MODE_NEVER }"));
  EXPECT_EQ(e.Run(MemberRequest()).session.persistent_browser,
            SessionOutcome::PersistentBrowser::kNever);
}

TEST(D17, AppEnforcedAndCloudAppSecurityCollected) {
  Engine e(S("a", "application_enforced_restrictions { is_enabled: true }") +
           S("b", "cloud_app_security { is_enabled: true cloud_app_security_type: "
                  "TYPE_MONITOR_ONLY }") +
           S("c", "cloud_app_security { is_enabled: true cloud_app_security_type: "
                  "TYPE_BLOCK_DOWNLOADS }"));
  const Decision& d = e.Run(MemberRequest());
  EXPECT_TRUE(d.session.application_enforced_restrictions);
  EXPECT_EQ(d.session.cloud_app_security, SessionOutcome::CloudAppSecurity::kBlockDownloads);
}

TEST(Section4_13, DisabledControlsDoNothing) {
  Engine e(S("a", "sign_in_frequency { is_enabled: false type: UNIT_HOURS value: 1 } "
                  "persistent_browser { is_enabled: false mode: MODE_NEVER } "
                  "cloud_app_security { is_enabled: false }"));
  const Decision& d = e.Run(MemberRequest());
  EXPECT_EQ(d.session.sign_in_frequency_minutes, 0);
  EXPECT_EQ(d.session.persistent_browser, SessionOutcome::PersistentBrowser::kNotSet);
  EXPECT_EQ(d.session.cloud_app_security, SessionOutcome::CloudAppSecurity::kNotSet);
}

TEST(Section4_13, ResilienceTokenProtectionAndCae) {
  Engine e(S("a", "disable_resilience_defaults: true secure_sign_in_session { is_enabled: true }") +
           S("b", "continuous_access_evaluation { mode: MODE_DISABLED }"));
  const Decision& d = e.Run(MemberRequest());
  EXPECT_TRUE(d.session.disable_resilience_defaults);
  EXPECT_TRUE(d.session.secure_sign_in_session);
  EXPECT_TRUE(d.session.continuous_access_evaluation_disabled);
  Engine f(S("a", "continuous_access_evaluation { mode: MODE_STRICT_LOCATION }") +
           S("b", "continuous_access_evaluation { mode: MODE_DISABLED }"));
  const Decision& g = f.Run(MemberRequest());
  EXPECT_TRUE(g.session.continuous_access_evaluation_strict);
  EXPECT_FALSE(g.session.continuous_access_evaluation_disabled);  // strict wins
}

TEST(Section5_4, SessionControlsComeOnlyFromApplyingEnforcedPolicies) {
  Engine e(S("a", "persistent_browser { is_enabled: true mode: MODE_NEVER }") +
           Policy("b", absl::StrCat(AllUsersAllApps("sign_in_risk_levels: RISK_LEVEL_HIGH"),
                                    " session_controls { sign_in_frequency { is_enabled: true "
                                    "type: UNIT_HOURS value: 1 } }")));
  const Decision& d = e.Run(MemberRequest());
  EXPECT_EQ(d.session.persistent_browser, SessionOutcome::PersistentBrowser::kNever);
  EXPECT_EQ(d.session.sign_in_frequency_minutes, 0);
}

TEST(Section5_1, SessionControlsReportedWithAChallenge) {
  Engine e(S("a", "persistent_browser { is_enabled: true mode: MODE_NEVER }", kGrantMfa));
  const Decision& d = e.Run(MemberRequest());
  EXPECT_EQ(d.outcome, Outcome::kChallenge);
  EXPECT_EQ(d.session.persistent_browser, SessionOutcome::PersistentBrowser::kNever);
}

TEST(Section5_1, NoSessionControlsOnBlock) {
  Engine e(S("a", "persistent_browser { is_enabled: true mode: MODE_NEVER }") +
           Policy("b", absl::StrCat(AllUsersAllApps(), kGrantBlock)));
  const Decision& d = e.Run(MemberRequest());
  EXPECT_EQ(d.outcome, Outcome::kBlock);
  EXPECT_EQ(d.session.persistent_browser, SessionOutcome::PersistentBrowser::kNotSet);
}

}  // namespace
}  // namespace crossgate::testing
