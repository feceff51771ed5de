// Spec 4.12, 4.14, 5.1, 5.3, 5.6 and D9-D11, D13, D14 against the reference
// evaluator: grant controls, combination across policies, per-policy results.

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/reference/reference_test_util.h"

namespace crossgate {
namespace reference {
namespace test {
namespace {

std::string PolicyText(absl::string_view id, absl::string_view grants,
                       absl::string_view state = "POLICY_STATE_ENABLED",
                       absl::string_view conditions = kAllUsersAllApps) {
  return absl::StrCat("conditional_access_policies { id: \"", id,
                      "\" state: ", state, " conditions { ", conditions, " } ",
                      grants, " } ");
}

policy::v1::PolicyBundle Tenant(absl::string_view policies) {
  return ParseBundle(absl::StrCat("tenants { tenant_id: \"", kResource, "\" ",
                                  policies, " }"));
}

std::string Grant(absl::string_view op, absl::string_view body) {
  return absl::StrCat("grant_controls { operator: OPERATOR_", op, " ", body,
                      " }");
}

constexpr char kMfa[] = "built_in_controls: BUILT_IN_CONTROL_MFA ";
constexpr char kCompliant[] =
    "built_in_controls: BUILT_IN_CONTROL_COMPLIANT_DEVICE ";
constexpr char kHybrid[] =
    "built_in_controls: BUILT_IN_CONTROL_DOMAIN_JOINED_DEVICE ";
constexpr char kApproved[] =
    "built_in_controls: BUILT_IN_CONTROL_APPROVED_APPLICATION ";
constexpr char kAppProtection[] =
    "built_in_controls: BUILT_IN_CONTROL_COMPLIANT_APPLICATION ";
constexpr char kPasswordChange[] =
    "built_in_controls: BUILT_IN_CONTROL_PASSWORD_CHANGE ";
constexpr char kBlockControl[] = "built_in_controls: BUILT_IN_CONTROL_BLOCK ";

std::string Terms(absl::string_view id) {
  return absl::StrCat("terms_of_use: \"", id, "\" ");
}
std::string Strength(absl::string_view id) {
  return absl::StrCat("authentication_strength_id: \"", id, "\" ");
}

TEST(ReferenceGrantsTest, NoApplicablePolicyAllows) {
  ReferenceDecision d = Eval(Tenant(""), Member());
  EXPECT_EQ(d.outcome, Outcome::kAllow);
  EXPECT_EQ(d.stage, Stage::kConditionalAccess);
  EXPECT_TRUE(d.policy_results.empty());
}

TEST(ReferenceGrantsTest, UnknownResourceTenantIsARequestBlock) {
  testing::RequestBuilder r = Member();
  r.Tenant(kOther);
  ReferenceDecision d = Eval(Tenant(""), r);
  EXPECT_EQ(d.outcome, Outcome::kBlock);
  EXPECT_EQ(d.stage, Stage::kRequest);
}

TEST(ReferenceGrantsTest, BlockWinsWhateverTheOperator) {
  // D9: block under OR with mfa still blocks, even with MFA done.
  auto b = Tenant(absl::StrCat(
      PolicyText("a", Grant("OR", absl::StrCat(kMfa, kBlockControl))),
      PolicyText("b", Grant("AND", kMfa))));
  ReferenceDecision d = Eval(b, Member().Mfa());
  EXPECT_EQ(d.outcome, Outcome::kBlock);
  EXPECT_EQ(d.deciding_policy_id, "a");
  EXPECT_EQ(ResultOf(d, "a").result, PolicyResult::kFailure);
  EXPECT_EQ(ResultOf(d, "b").result, PolicyResult::kSuccess);
}

TEST(ReferenceGrantsTest, EveryApplicablePolicyMustBeSatisfied) {
  auto b = Tenant(absl::StrCat(PolicyText("mfa", Grant("AND", kMfa)),
                               PolicyText("tou", Grant("AND", Terms(kTerms)))));
  ReferenceDecision d = Eval(b, Member());
  ASSERT_EQ(d.outcome, Outcome::kChallenge) << d.DebugString();
  EXPECT_EQ(d.challenge_location, ChallengeLocation::kResourceTenant);
  ASSERT_EQ(d.requirements.size(), 2u);
  EXPECT_EQ(d.requirements[0],
            (ReferenceRequirement{RequirementKind::kMfa, "", "mfa", 0,
                                  ChallengeLocation::kResourceTenant}));
  EXPECT_EQ(d.requirements[1],
            (ReferenceRequirement{RequirementKind::kTermsOfUse, kTerms, "tou",
                                  1, ChallengeLocation::kResourceTenant}));
  d = Eval(b, Member().Mfa().AcceptTerms(kTerms));
  EXPECT_EQ(d.outcome, Outcome::kAllow) << d.DebugString();
  EXPECT_TRUE(d.requirements.empty());
}

TEST(ReferenceGrantsTest, OrNeedsOneControlAndOffersOnlyInteractiveOnes) {
  auto b = Tenant(PolicyText("p", Grant("OR", absl::StrCat(kMfa, kCompliant))));
  EXPECT_EQ(Eval(b, Member().CompliantDevice()).outcome, Outcome::kAllow);
  EXPECT_EQ(Eval(b, Member().Mfa()).outcome, Outcome::kAllow);
  ReferenceDecision d = Eval(b, Member());
  ASSERT_EQ(d.outcome, Outcome::kChallenge);
  ASSERT_EQ(d.requirements.size(), 1u);
  EXPECT_EQ(d.requirements[0].kind, RequirementKind::kMfa);
}

TEST(ReferenceGrantsTest, OrAlternativesShareAGroup) {
  auto b = Tenant(PolicyText(
      "p", Grant("OR", absl::StrCat(Terms(kTerms2), kMfa, Terms(kTerms)))));
  ReferenceDecision d = Eval(b, Member());
  ASSERT_EQ(d.requirements.size(), 3u) << d.DebugString();
  EXPECT_EQ(d.requirements[0].kind, RequirementKind::kMfa);
  EXPECT_EQ(d.requirements[1].ref, kTerms);
  EXPECT_EQ(d.requirements[2].ref, kTerms2);
  for (const auto& r : d.requirements) EXPECT_EQ(r.group, 0);
}

TEST(ReferenceGrantsTest, UnmetDeviceAndAppGrantsBlock) {
  // D10: compliant / hybrid / approved app / app protection are not
  // challenges; the block names the unmet controls.
  for (const char* control : {kCompliant, kHybrid, kApproved, kAppProtection}) {
    auto b = Tenant(PolicyText("p", Grant("AND", absl::StrCat(kMfa, control))));
    ReferenceDecision d = Eval(b, Member());
    EXPECT_EQ(d.outcome, Outcome::kBlock) << control;
    EXPECT_EQ(d.deciding_policy_id, "p");
    EXPECT_TRUE(d.requirements.empty()) << d.DebugString();
    EXPECT_EQ(d.reason.find("mfa"), std::string::npos) << d.reason;
    EXPECT_NE(d.reason.find("cannot be met"), std::string::npos) << d.reason;
  }
  auto b =
      Tenant(PolicyText("p", Grant("AND", absl::StrCat(kCompliant, kHybrid))));
  EXPECT_EQ(Eval(b, Member().CompliantDevice().HybridJoinedDevice()).outcome,
            Outcome::kAllow);
  auto app = Tenant(
      PolicyText("p", Grant("OR", absl::StrCat(kApproved, kAppProtection))));
  EXPECT_EQ(Eval(app, Member().AppProtection()).outcome, Outcome::kAllow);
  ReferenceDecision d = Eval(app, Member());
  EXPECT_EQ(d.outcome, Outcome::kBlock);
  EXPECT_NE(d.reason.find("approvedApplication, compliantApplication"),
            std::string::npos)
      << d.reason;
}

TEST(ReferenceGrantsTest, DeviceCodeFlowCannotSatisfyDeviceGrants) {
  // 4.11: the device state belongs to the other device.
  auto b =
      Tenant(PolicyText("p", Grant("OR", absl::StrCat(kCompliant, kHybrid))));
  EXPECT_EQ(Eval(b, Member().CompliantDevice()).outcome, Outcome::kAllow);
  EXPECT_EQ(Eval(b, Member().CompliantDevice().Flow(
                        AuthenticationFlow::kDeviceCodeFlow))
                .outcome,
            Outcome::kBlock);
}

TEST(ReferenceGrantsTest, BlockingPolicyIsTheFirstByIdThatCannotBeMet) {
  auto b = Tenant(absl::StrCat(PolicyText("c", Grant("AND", kCompliant)),
                               PolicyText("b", Grant("AND", kMfa)),
                               PolicyText("a", Grant("AND", kHybrid))));
  ReferenceDecision d = Eval(b, Member());
  EXPECT_EQ(d.outcome, Outcome::kBlock);
  EXPECT_EQ(d.deciding_policy_id, "a");  // D14
  ASSERT_EQ(d.policy_results.size(), 3u);
  EXPECT_EQ(d.policy_results[0].policy_id, "a");
  EXPECT_EQ(d.policy_results[1].policy_id, "b");
  EXPECT_EQ(d.policy_results[2].policy_id, "c");
  // A block control outranks an earlier unmeetable policy.
  auto with_block =
      Tenant(absl::StrCat(PolicyText("a", Grant("AND", kHybrid)),
                          PolicyText("z", Grant("OR", kBlockControl))));
  EXPECT_EQ(Eval(with_block, Member()).deciding_policy_id, "z");
}

TEST(ReferenceGrantsTest, LegacyClientsCannotSatisfyAnyGrant) {
  auto b = Tenant(PolicyText("p", Grant("OR", absl::StrCat(kMfa, kCompliant))));
  ReferenceDecision d = Eval(
      b,
      Member().Client(ClientApp::kExchangeActiveSync).Mfa().CompliantDevice());
  EXPECT_EQ(d.outcome, Outcome::kBlock);  // D13
  auto session_only =
      Tenant(PolicyText("p",
                        "session_controls { application_enforced_restrictions "
                        "{ is_enabled: true } }"));
  EXPECT_EQ(Eval(session_only, Member().Client(ClientApp::kOther)).outcome,
            Outcome::kAllow);
}

TEST(ReferenceGrantsTest, PromptOrderStrengthsMfaPasswordTermsCustom) {
  // D11.
  auto b = Tenant(absl::StrCat(
      PolicyText(
          "p1",
          Grant("AND", absl::StrCat("custom_authentication_factors: \"Duo\" ",
                                    Terms(kTerms)))),
      PolicyText("p2", Grant("AND", absl::StrCat(kPasswordChange, kMfa))),
      PolicyText("p3", Grant("AND", Strength(kMfaStrength)))));
  ReferenceDecision d = Eval(b, Member());
  ASSERT_EQ(d.outcome, Outcome::kChallenge);
  ASSERT_EQ(d.requirements.size(), 5u) << d.DebugString();
  EXPECT_EQ(d.requirements[0].kind, RequirementKind::kAuthenticationStrength);
  EXPECT_EQ(d.requirements[1].kind, RequirementKind::kMfa);
  EXPECT_EQ(d.requirements[2].kind, RequirementKind::kPasswordChange);
  EXPECT_EQ(d.requirements[3].kind, RequirementKind::kTermsOfUse);
  EXPECT_EQ(d.requirements[4].kind, RequirementKind::kCustomControl);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(d.requirements[i].group, i);
}

TEST(ReferenceGrantsTest, SameRequirementFromTwoPoliciesIsAskedOnce) {
  auto b = Tenant(absl::StrCat(PolicyText("b", Grant("AND", kMfa)),
                               PolicyText("a", Grant("OR", kMfa))));
  ReferenceDecision d = Eval(b, Member());
  ASSERT_EQ(d.requirements.size(), 1u);
  EXPECT_EQ(d.requirements[0].policy_id, "a");
}

TEST(ReferenceGrantsTest, ReportOnlyResultsNeverEnforce) {
  const char* ro = "POLICY_STATE_ENABLED_FOR_REPORTING_BUT_NOT_ENFORCED";
  auto b = Tenant(absl::StrCat(
      PolicyText("1", Grant("AND", kMfa), ro),
      PolicyText("2", Grant("AND", kCompliant), ro),
      PolicyText("3", Grant("OR", kBlockControl), ro),
      PolicyText("4", Grant("AND", kMfa), ro,
                 "users { include_users: \"None\" } applications { "
                 "include_applications: \"All\" }"),
      PolicyText("5", Grant("AND", kMfa), "POLICY_STATE_DISABLED")));
  ReferenceDecision d = Eval(b, Member());
  EXPECT_EQ(d.outcome, Outcome::kAllow);
  EXPECT_EQ(ResultOf(d, "1").result, PolicyResult::kReportOnlyInterrupted);
  EXPECT_EQ(ResultOf(d, "2").result, PolicyResult::kReportOnlyFailure);
  EXPECT_EQ(ResultOf(d, "3").result, PolicyResult::kReportOnlyFailure);
  EXPECT_EQ(ResultOf(d, "4").result, PolicyResult::kReportOnlyNotApplied);
  EXPECT_EQ(ResultOf(d, "4").reason, WhatIfReason::kUsers);
  EXPECT_EQ(ResultOf(d, "5").result, PolicyResult::kNotEnabled);
  d = Eval(b, Member().Mfa());
  EXPECT_EQ(ResultOf(d, "1").result, PolicyResult::kReportOnlySuccess);
}

TEST(ReferenceGrantsTest, EnabledResultsSuccessFailureNotApplied) {
  auto b = Tenant(absl::StrCat(
      PolicyText("1", Grant("AND", kMfa)),
      PolicyText("2", "session_controls { disable_resilience_defaults: true }"),
      PolicyText("3", Grant("AND", kMfa), "POLICY_STATE_ENABLED",
                 "users { include_users: \"All\" } applications { "
                 "include_applications: \"None\" }")));
  ReferenceDecision d = Eval(b, Member());
  EXPECT_EQ(ResultOf(d, "1").result, PolicyResult::kFailure);  // D14
  EXPECT_EQ(ResultOf(d, "2").result, PolicyResult::kSuccess);
  EXPECT_EQ(ResultOf(d, "3").result, PolicyResult::kNotApplied);
  EXPECT_EQ(ResultOf(d, "3").reason, WhatIfReason::kApplication);
  d = Eval(b, Member().Mfa());
  EXPECT_EQ(ResultOf(d, "1").result, PolicyResult::kSuccess);
  EXPECT_EQ(d.outcome, Outcome::kAllow);
  EXPECT_TRUE(d.session.disable_resilience_defaults);
}

TEST(ReferenceGrantsTest, PasswordChangeAndRiskRemediationAreChallenges) {
  auto b = Tenant(PolicyText(
      "p", Grant("AND", absl::StrCat(kMfa, kPasswordChange)),
      "POLICY_STATE_ENABLED",
      "users { include_users: \"All\" } applications { include_applications: "
      "\"All\" } user_risk_levels: RISK_LEVEL_HIGH"));
  ReferenceDecision d = Eval(b, Member().UserRisk(RiskLevel::kHigh).Mfa());
  ASSERT_EQ(d.outcome, Outcome::kChallenge);
  EXPECT_EQ(d.requirements[0].kind, RequirementKind::kPasswordChange);
  EXPECT_EQ(Eval(b, Member().UserRisk(RiskLevel::kHigh).Mfa().PasswordChanged())
                .outcome,
            Outcome::kAllow);
  auto rr = Tenant(PolicyText(
      "p",
      Grant("AND", absl::StrCat(
                       "built_in_controls: BUILT_IN_CONTROL_RISK_REMEDIATION ",
                       Strength(kMfaStrength)))));
  d = Eval(rr, Member());
  ASSERT_EQ(d.requirements.size(), 2u);
  EXPECT_EQ(d.requirements[1].kind, RequirementKind::kRiskRemediation);
}

TEST(ReferenceGrantsTest, CustomControlsForMembers) {
  auto b = Tenant(
      PolicyText("p", Grant("AND", "custom_authentication_factors: \"Duo\"")));
  EXPECT_EQ(Eval(b, Member()).outcome, Outcome::kChallenge);
  EXPECT_EQ(Eval(b, Member().SatisfyCustomControl("Duo")).outcome,
            Outcome::kAllow);
}

}  // namespace
}  // namespace test
}  // namespace reference
}  // namespace crossgate
