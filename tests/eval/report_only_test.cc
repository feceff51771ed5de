// Spec 4.14 (policy state), 5.6 (report-only results), D14.

#include "gtest/gtest.h"
#include "tests/eval/ca_fixture.h"

namespace crossgate::testing {
namespace {

constexpr char kReportOnly[] = "POLICY_STATE_ENABLED_FOR_REPORTING_BUT_NOT_ENFORCED";
constexpr char kDisabled[] = "POLICY_STATE_DISABLED";

std::string P(absl::string_view id, absl::string_view grant,
              absl::string_view state = "POLICY_STATE_ENABLED",
              absl::string_view extra = "") {
  return Policy(id, absl::StrCat(AllUsersAllApps(extra), grant), state);
}

TEST(Section5_6, ReportOnlyNeverChangesTheDecision) {
  Engine e(P("ro-block", kGrantBlock, kReportOnly) + P("ro-mfa", kGrantMfa, kReportOnly));
  const Decision& d = e.Run(MemberRequest());
  EXPECT_EQ(d.outcome, Outcome::kAllow);
  EXPECT_EQ(d.requirement_count, 0);
}

TEST(Section5_6, ReportOnlySuccessWhenAlreadySatisfied) {
  Engine e(P("p", kGrantMfa, kReportOnly));
  Request r = MemberRequest();
  r.claims.mfa = true;
  e.Run(r);
  EXPECT_EQ(e.Result("p"), PolicyResult::kReportOnlySuccess);
}

TEST(Section5_6, ReportOnlyFailureForNonInteractiveRequirement) {
  Engine e(P("block", kGrantBlock, kReportOnly) + P("device", kGrantCompliant, kReportOnly));
  e.Run(MemberRequest());
  EXPECT_EQ(e.Result("block"), PolicyResult::kReportOnlyFailure);
  EXPECT_EQ(e.Result("device"), PolicyResult::kReportOnlyFailure);
}

TEST(Section5_6, ReportOnlyInterruptedWhenUserActionRequired) {
  Engine e(P("p", kGrantMfa, kReportOnly));
  e.Run(MemberRequest());
  EXPECT_EQ(e.Result("p"), PolicyResult::kReportOnlyInterrupted);
}

TEST(Section5_6, ReportOnlyNotAppliedWhenConditionsUnmet) {
  Engine e(P("p", kGrantMfa, kReportOnly, "sign_in_risk_levels: RISK_LEVEL_HIGH"));
  e.Run(MemberRequest());
  EXPECT_EQ(e.Result("p"), PolicyResult::kReportOnlyNotApplied);
}

TEST(D14, EnabledPolicyResults) {
  Engine e(P("a-ok", "") + P("b-mfa", kGrantMfa) + P("c-device", kGrantCompliant) +
           P("d-notapplied", kGrantMfa, "POLICY_STATE_ENABLED",
             "sign_in_risk_levels: RISK_LEVEL_HIGH"));
  e.Run(MemberRequest());
  EXPECT_EQ(e.Result("a-ok"), PolicyResult::kSuccess);
  EXPECT_EQ(e.Result("b-mfa"), PolicyResult::kFailure);  // needs interaction
  EXPECT_EQ(e.Result("c-device"), PolicyResult::kFailure);
  EXPECT_EQ(e.Result("d-notapplied"), PolicyResult::kNotApplied);
}

TEST(D14, DisabledPoliciesReportNotEnabledAndAreNeverEvaluated) {
  Engine e(P("p", kGrantBlock, kDisabled));
  const Decision& d = e.Run(MemberRequest());
  EXPECT_EQ(d.outcome, Outcome::kAllow);
  EXPECT_EQ(e.Result("p"), PolicyResult::kNotEnabled);
}

TEST(D14, ResultsAreInAscendingPolicyIdOrderForEveryPolicy) {
  Engine e(P("c", kGrantMfa) + P("a", kGrantMfa, kDisabled) + P("b", kGrantMfa, kReportOnly));
  const Decision& d = e.Run(MemberRequest());
  ASSERT_EQ(d.policy_results.size(), 3u);
  EXPECT_EQ(e.set().policy_id(d.policy_results[0].policy_index), "a");
  EXPECT_EQ(e.set().policy_id(d.policy_results[1].policy_index), "b");
  EXPECT_EQ(e.set().policy_id(d.policy_results[2].policy_index), "c");
  EXPECT_EQ(d.policy_results[0].result, PolicyResult::kNotEnabled);
  EXPECT_EQ(d.policy_results[1].result, PolicyResult::kReportOnlyInterrupted);
  EXPECT_EQ(d.policy_results[2].result, PolicyResult::kFailure);
}

TEST(D14, ReportOnlyBlockIsNotTheBlockingPolicy) {
  Engine e(P("a", kGrantBlock, kReportOnly) + P("b", kGrantBlock));
  const Decision& d = e.Run(MemberRequest());
  EXPECT_EQ(e.set().policy_id(d.deciding_policy), "b");
}

TEST(Section5_6, ResultStringsMatchSignInLogs) {
  EXPECT_EQ(PolicyResultName(PolicyResult::kSuccess), "success");
  EXPECT_EQ(PolicyResultName(PolicyResult::kFailure), "failure");
  EXPECT_EQ(PolicyResultName(PolicyResult::kNotApplied), "notApplied");
  EXPECT_EQ(PolicyResultName(PolicyResult::kNotEnabled), "notEnabled");
  EXPECT_EQ(PolicyResultName(PolicyResult::kReportOnlySuccess), "reportOnlySuccess");
  EXPECT_EQ(PolicyResultName(PolicyResult::kReportOnlyFailure), "reportOnlyFailure");
  EXPECT_EQ(PolicyResultName(PolicyResult::kReportOnlyNotApplied), "reportOnlyNotApplied");
  EXPECT_EQ(PolicyResultName(PolicyResult::kReportOnlyInterrupted), "reportOnlyInterrupted");
}

TEST(Section5_6, PolicyResultsCanBeTurnedOff) {
  Engine e(P("p", kGrantMfa));
  EvaluateOptions options;
  options.report_policies = false;
  const Decision& d = e.Run(MemberRequest(), options);
  EXPECT_EQ(d.outcome, Outcome::kChallenge);
  EXPECT_TRUE(d.policy_results.empty());
}

TEST(Section4_14, ReportOnlySessionControlsAreNotApplied) {
  Engine e(P("p", "session_controls { persistent_browser { is_enabled: true mode: "
                  "MODE_NEVER } }",
             kReportOnly));
  const Decision& d = e.Run(MemberRequest());
  EXPECT_EQ(d.session.persistent_browser, SessionOutcome::PersistentBrowser::kNotSet);
}

}  // namespace
}  // namespace crossgate::testing
