// Spec 4.12 (grant controls), 5.3 (combining policies), 6 (authentication
// strengths); D9, D10, D11, D13.

#include <cstdio>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "tests/eval/ca_fixture.h"

namespace crossgate::testing {
namespace {

namespace pb = ::crossgate::policy::v1;

constexpr char kTou1[] = "f0000000-0000-0000-0000-000000000001";
constexpr char kTou2[] = "f0000000-0000-0000-0000-000000000002";

std::string Grant(absl::string_view op, absl::string_view controls) {
  std::string body = absl::StrCat("grant_controls { operator: OPERATOR_", op);
  for (absl::string_view c : absl::StrSplit(controls, ',', absl::SkipEmpty())) {
    if (absl::StartsWith(c, "tou:")) {
      absl::StrAppend(&body, " terms_of_use: \"", c.substr(4), "\"");
    } else if (absl::StartsWith(c, "custom:")) {
      absl::StrAppend(&body, " custom_authentication_factors: \"", c.substr(7), "\"");
    } else if (absl::StartsWith(c, "strength:")) {
      absl::StrAppend(&body, " authentication_strength_id: \"", c.substr(9), "\"");
    } else {
      absl::StrAppend(&body, " built_in_controls: BUILT_IN_CONTROL_", c);
    }
  }
  return body + " }";
}

std::string P(absl::string_view id, absl::string_view op, absl::string_view controls,
              absl::string_view state = "POLICY_STATE_ENABLED") {
  return Policy(id, absl::StrCat(AllUsersAllApps(), Grant(op, controls)), state);
}

uint32_t Methods(std::initializer_list<pb::AuthenticationMethodMode> modes) {
  uint32_t m = 0;
  for (auto mode : modes) m |= 1u << mode;
  return m;
}

TEST(Section5_3, NoApplicablePolicyAllows) {
  Engine e(Policy("p", absl::StrCat("conditions { users { include_users: \"None\" } "
                                    "applications { include_applications: \"All\" } } ",
                                    kGrantBlock)));
  const Decision& d = e.Run(MemberRequest());
  EXPECT_EQ(d.outcome, Outcome::kAllow);
  EXPECT_EQ(d.stage, Stage::kConditionalAccess);
  EXPECT_EQ(d.deciding_policy, -1);
}

TEST(Section5_3, BlockWins) {
  Engine e(P("a-mfa", "OR", "MFA") + P("b-block", "OR", "BLOCK"));
  Request r = MemberRequest();
  r.claims.mfa = true;
  const Decision& d = e.Run(r);
  EXPECT_EQ(d.outcome, Outcome::kBlock);
  EXPECT_EQ(e.ReasonText(), "blockControl");
  EXPECT_EQ(e.set().policy_id(d.deciding_policy), "b-block");
}

TEST(D9, BlockAmongOrControlsBlocks) {
  Engine e(P("p", "OR", "MFA,BLOCK"));
  Request r = MemberRequest();
  r.claims.mfa = true;
  EXPECT_EQ(e.Run(r).outcome, Outcome::kBlock);
  EXPECT_EQ(e.ReasonText(), "blockControl");
}

TEST(Section5_3, EveryApplicablePolicyMustBeSatisfied) {
  Engine e(P("a", "OR", "MFA") + P("b", "OR", "MFA,COMPLIANT_DEVICE") +
           P("c", "AND", "tou:" + std::string(kTou1)));
  Request r = MemberRequest();
  r.claims.mfa = true;
  EXPECT_EQ(e.Run(r).outcome, Outcome::kChallenge);
  EXPECT_EQ(e.Requirements(), absl::StrCat("termsOfUse:", kTou1));
  Guid accepted[] = {G(kTou1)};
  r.claims.accepted_terms_of_use = accepted;
  EXPECT_EQ(e.Run(r).outcome, Outcome::kAllow);
}

TEST(Section5_3, AndNeedsEveryControl) {
  Engine e(P("p", "AND", "MFA,COMPLIANT_DEVICE"));
  Request r = MemberRequest();
  r.claims.compliant_device = true;
  EXPECT_EQ(e.Run(r).outcome, Outcome::kChallenge);
  EXPECT_EQ(e.Requirements(), "mfa");
  r.claims.mfa = true;
  EXPECT_EQ(e.Run(r).outcome, Outcome::kAllow);
}

TEST(Section5_3, OrNeedsAnyControl) {
  Engine e(P("p", "OR", "MFA,COMPLIANT_DEVICE"));
  Request r = MemberRequest();
  r.claims.compliant_device = true;
  EXPECT_EQ(e.Run(r).outcome, Outcome::kAllow);
  r.claims.compliant_device = false;
  // The device alternative cannot be prompted for (D10); MFA can.
  EXPECT_EQ(e.Run(r).outcome, Outcome::kChallenge);
  EXPECT_EQ(e.Requirements(), "mfa");
}

TEST(Section5_3, SessionOnlyPolicyIsSatisfied) {
  Engine e(Policy("p", absl::StrCat(AllUsersAllApps(),
                                    "session_controls { persistent_browser { is_enabled: "
                                    "true mode: MODE_NEVER } }")));
  EXPECT_EQ(e.Run(MemberRequest()).outcome, Outcome::kAllow);
  EXPECT_EQ(e.Result("p"), PolicyResult::kSuccess);
}

TEST(D10, UnmetCompliantDeviceIsABlockNotAChallenge) {
  Engine e(P("p", "OR", "COMPLIANT_DEVICE"));
  EXPECT_EQ(e.Run(MemberRequest()).outcome, Outcome::kBlock);
  EXPECT_EQ(e.ReasonText(), "compliantDeviceRequired");
}

TEST(D10, UnmetDeviceAndAppStateControlsNameTheControl) {
  struct Case {
    const char* control;
    const char* reason;
  } cases[] = {{"DOMAIN_JOINED_DEVICE", "domainJoinedDeviceRequired"},
               {"APPROVED_APPLICATION", "approvedApplicationRequired"},
               {"COMPLIANT_APPLICATION", "compliantApplicationRequired"}};
  for (const Case& c : cases) {
    Engine e(P("p", "AND", c.control));
    EXPECT_EQ(e.Run(MemberRequest()).outcome, Outcome::kBlock) << c.control;
    EXPECT_EQ(e.ReasonText(), c.reason);
  }
}

TEST(D10, OrOfDeviceControlsBlocksOnlyWhenNoneMet) {
  Engine e(P("p", "OR", "COMPLIANT_DEVICE,DOMAIN_JOINED_DEVICE"));
  Request r = MemberRequest();
  r.claims.hybrid_joined_device = true;
  EXPECT_EQ(e.Run(r).outcome, Outcome::kAllow);
  r.claims.hybrid_joined_device = false;
  EXPECT_EQ(e.Run(r).outcome, Outcome::kBlock);
  EXPECT_EQ(e.ReasonText(), "compliantDeviceRequired");
}

TEST(D10, ApprovedAppOrAppProtection) {
  Engine e(P("p", "OR", "APPROVED_APPLICATION,COMPLIANT_APPLICATION"));
  Request r = MemberRequest();
  r.claims.app_protection_policy = true;
  EXPECT_EQ(e.Run(r).outcome, Outcome::kAllow);
}

TEST(D10, PasswordChangeAndRiskRemediationAreChallenges) {
  Engine e(P("p", "AND", "MFA,PASSWORD_CHANGE") + P("q", "AND", "RISK_REMEDIATION"));
  Request r = MemberRequest();
  EXPECT_EQ(e.Run(r).outcome, Outcome::kChallenge);
  EXPECT_EQ(e.Requirements(), "mfa;passwordChange;riskRemediation");
  r.claims.mfa = r.claims.password_changed = r.claims.risk_remediated = true;
  EXPECT_EQ(e.Run(r).outcome, Outcome::kAllow);
}

TEST(D11, PromptOrderStrengthThenMfaThenPasswordThenRiskThenTermsThenCustom) {
  Engine e(P("a", "AND", absl::StrCat("custom:Duo,tou:", kTou2)) +
           P("b", "AND", "PASSWORD_CHANGE,RISK_REMEDIATION") +
           P("c", "AND", absl::StrCat("tou:", kTou1, ",MFA")) +
           P("d", "AND", absl::StrCat("strength:", kPhishingResistantStrength)));
  EXPECT_EQ(e.Run(MemberRequest()).outcome, Outcome::kChallenge);
  // A strength that implies MFA also satisfies `mfa` (D11): no separate mfa.
  EXPECT_EQ(e.Requirements(),
            absl::StrCat("authenticationStrength:", kPhishingResistantStrength,
                         ";passwordChange;riskRemediation;termsOfUse:", kTou1,
                         ";termsOfUse:", kTou2, ";customControl:Duo"));
}

TEST(D11, MfaStaysWhenNoStrengthImpliesIt) {
  std::string tenant = absl::StrCat(
      P("a", "AND", "MFA") + P("b", "AND", "strength:aaaa0000-1111-2222-3333-444444444444"),
      "authentication_strength_policies { id: \"aaaa0000-1111-2222-3333-444444444444\" "
      "policy_type: POLICY_TYPE_CUSTOM requirements_satisfied: REQUIREMENTS_SATISFIED_NONE "
      "allowed_combinations { modes: AUTHENTICATION_METHOD_MODE_FIDO2 } }");
  Engine e(tenant);
  e.Run(MemberRequest());
  EXPECT_EQ(e.Requirements(),
            "authenticationStrength:aaaa0000-1111-2222-3333-444444444444;mfa");
}

TEST(Section5_3, OrAlternativesAreGrouped) {
  Engine e(P("p", "OR", absl::StrCat("MFA,tou:", kTou1)));
  e.Run(MemberRequest());
  EXPECT_EQ(e.Requirements(), absl::StrCat("mfa|termsOfUse:", kTou1));
  EXPECT_EQ(e.decision().requirements[0].group, e.decision().requirements[1].group);
}

TEST(Section5_3, RequiredControlSubsumesAnOrGroupContainingIt) {
  Engine e(P("a", "OR", absl::StrCat("MFA,tou:", kTou1)) + P("b", "OR", "MFA"));
  e.Run(MemberRequest());
  EXPECT_EQ(e.Requirements(), "mfa");
}

TEST(Section5_3, SameRequirementFromTwoPoliciesAppearsOnce) {
  Engine e(P("a", "OR", "MFA") + P("b", "AND", "MFA"));
  const Decision& d = e.Run(MemberRequest());
  EXPECT_EQ(e.Requirements(), "mfa");
  EXPECT_EQ(e.set().policy_id(d.requirements[0].policy_index), "a");
}

TEST(D14, BlockingPolicyIsFirstByIdWithBlockElseFirstUnmeetable) {
  Engine e(P("c-block", "OR", "BLOCK") + P("a-compliant", "OR", "COMPLIANT_DEVICE") +
           P("b-block", "OR", "BLOCK"));
  const Decision& d = e.Run(MemberRequest());
  EXPECT_EQ(e.set().policy_id(d.deciding_policy), "b-block");
  Engine f(P("z", "OR", "MFA") + P("b-compliant", "OR", "COMPLIANT_DEVICE") +
           P("a-hybrid", "OR", "DOMAIN_JOINED_DEVICE"));
  const Decision& g = f.Run(MemberRequest());
  EXPECT_EQ(g.outcome, Outcome::kBlock);
  EXPECT_EQ(f.set().policy_id(g.deciding_policy), "a-hybrid");
  EXPECT_EQ(f.ReasonText(), "domainJoinedDeviceRequired");
}

TEST(D13, LegacyClientsSatisfyNoGrantEvenWithClaims) {
  Engine e(P("p", "OR", "MFA,COMPLIANT_DEVICE"));
  Request r = MemberRequest();
  r.claims.mfa = true;
  r.claims.compliant_device = true;
  for (ClientApp c : {ClientApp::kExchangeActiveSync, ClientApp::kOther}) {
    r.client_app = c;
    EXPECT_EQ(e.Run(r).outcome, Outcome::kBlock);
    EXPECT_EQ(e.ReasonText(), "legacyClientCannotSatisfyGrant");
  }
  r.client_app = ClientApp::kMobileAppsAndDesktopClients;
  EXPECT_EQ(e.Run(r).outcome, Outcome::kAllow);
}

TEST(D13, LegacyClientsStillPassSessionOnlyPolicies) {
  Engine e(Policy("p", absl::StrCat(AllUsersAllApps(),
                                    "session_controls { disable_resilience_defaults: true }")));
  Request r = MemberRequest();
  r.client_app = ClientApp::kOther;
  EXPECT_EQ(e.Run(r).outcome, Outcome::kAllow);
}

TEST(Section4_12, TermsOfUseSatisfiedByAcceptance) {
  Engine e(P("p", "AND", absl::StrCat("tou:", kTou1, ",tou:", kTou2)));
  Request r = MemberRequest();
  Guid accepted[] = {G(kTou2)};
  r.claims.accepted_terms_of_use = accepted;
  EXPECT_EQ(e.Run(r).outcome, Outcome::kChallenge);
  EXPECT_EQ(e.Requirements(), absl::StrCat("termsOfUse:", kTou1));
}

TEST(Section4_12, CustomControlSatisfiedById) {
  Engine e(P("p", "AND", "custom:Duo"));
  Request r = MemberRequest();
  EXPECT_EQ(e.Run(r).outcome, Outcome::kChallenge);
  absl::string_view done[] = {"Duo"};
  r.claims.satisfied_custom_controls = done;
  EXPECT_EQ(e.Run(r).outcome, Outcome::kAllow);
}

TEST(Section4_11, DeviceCodeFlowCannotSatisfyDeviceGrants) {
  Engine e(P("p", "OR", "COMPLIANT_DEVICE"));
  Request r = MemberRequest();
  r.claims.compliant_device = true;
  r.authentication_flow = AuthenticationFlow::kDeviceCodeFlow;
  EXPECT_EQ(e.Run(r).outcome, Outcome::kBlock);
  EXPECT_EQ(e.ReasonText(), "deviceCodeFlowCannotSatisfyDeviceGrant");
}

TEST(Section6_3, StrengthSatisfiedWhenMethodsCoverOneCombination) {
  Engine e(P("p", "AND", absl::StrCat("strength:", kMfaStrength)));
  Request r = MemberRequest();
  r.claims.authentication_methods = Methods({pb::AUTHENTICATION_METHOD_MODE_PASSWORD});
  EXPECT_EQ(e.Run(r).outcome, Outcome::kChallenge);
  EXPECT_EQ(e.Requirements(), absl::StrCat("authenticationStrength:", kMfaStrength));
  r.claims.authentication_methods = Methods(
      {pb::AUTHENTICATION_METHOD_MODE_PASSWORD, pb::AUTHENTICATION_METHOD_MODE_SMS});
  EXPECT_EQ(e.Run(r).outcome, Outcome::kAllow);
  r.claims.authentication_methods = Methods({pb::AUTHENTICATION_METHOD_MODE_SMS});
  EXPECT_EQ(e.Run(r).outcome, Outcome::kChallenge);  // sms alone covers none
}

TEST(Section6_2, BuiltInStrengthsComeFromTheShippedTable) {
  Engine e(P("a", "AND", absl::StrCat("strength:", kPasswordlessStrength)) +
           P("b", "AND", absl::StrCat("strength:", kPhishingResistantStrength)));
  Request r = MemberRequest();
  r.claims.authentication_methods = Methods({pb::AUTHENTICATION_METHOD_MODE_DEVICE_BASED_PUSH});
  e.Run(r);
  EXPECT_EQ(e.Result("a"), PolicyResult::kSuccess);
  EXPECT_EQ(e.Result("b"), PolicyResult::kFailure);
  r.claims.authentication_methods = Methods({pb::AUTHENTICATION_METHOD_MODE_FIDO2});
  EXPECT_EQ(e.Run(r).outcome, Outcome::kAllow);
}

TEST(Section6_2, TenantExportedBuiltInOverridesShippedDefinition) {
  std::string tenant = absl::StrCat(
      P("p", "AND", absl::StrCat("strength:", kPhishingResistantStrength)),
      "authentication_strength_policies { id: \"", kPhishingResistantStrength,
      "\" display_name: \"Phishing-resistant MFA\" policy_type: POLICY_TYPE_BUILT_IN "
      "requirements_satisfied: REQUIREMENTS_SATISFIED_MFA allowed_combinations { modes: "
      "AUTHENTICATION_METHOD_MODE_QR_CODE_PIN } }");
  Engine e(tenant);
  Request r = MemberRequest();
  r.claims.authentication_methods = Methods({pb::AUTHENTICATION_METHOD_MODE_FIDO2});
  EXPECT_EQ(e.Run(r).outcome, Outcome::kChallenge);
  r.claims.authentication_methods = Methods({pb::AUTHENTICATION_METHOD_MODE_QR_CODE_PIN});
  EXPECT_EQ(e.Run(r).outcome, Outcome::kAllow);
}

TEST(Section6_3, CustomStrengthCombinations) {
  std::string tenant = absl::StrCat(
      P("p", "AND", "strength:aaaa0000-1111-2222-3333-444444444444"),
      "authentication_strength_policies { id: \"aaaa0000-1111-2222-3333-444444444444\" "
      "policy_type: POLICY_TYPE_CUSTOM requirements_satisfied: REQUIREMENTS_SATISFIED_MFA "
      "allowed_combinations { modes: AUTHENTICATION_METHOD_MODE_PASSWORD modes: "
      "AUTHENTICATION_METHOD_MODE_HARDWARE_OATH } }");
  Engine e(tenant);
  Request r = MemberRequest();
  r.claims.authentication_methods =
      Methods({pb::AUTHENTICATION_METHOD_MODE_PASSWORD,
               pb::AUTHENTICATION_METHOD_MODE_HARDWARE_OATH,
               pb::AUTHENTICATION_METHOD_MODE_SMS});
  EXPECT_EQ(e.Run(r).outcome, Outcome::kAllow);
  r.claims.authentication_methods = Methods({pb::AUTHENTICATION_METHOD_MODE_FIDO2});
  EXPECT_EQ(e.Run(r).outcome, Outcome::kChallenge);
}

TEST(Section5_3, SeveralStrengthsMustAllBeSatisfied) {
  Engine e(P("a", "AND", absl::StrCat("strength:", kMfaStrength)) +
           P("b", "AND", absl::StrCat("strength:", kPhishingResistantStrength)));
  Request r = MemberRequest();
  r.claims.authentication_methods = Methods(
      {pb::AUTHENTICATION_METHOD_MODE_PASSWORD, pb::AUTHENTICATION_METHOD_MODE_SMS});
  EXPECT_EQ(e.Run(r).outcome, Outcome::kChallenge);
  EXPECT_EQ(e.Requirements(),
            absl::StrCat("authenticationStrength:", kPhishingResistantStrength));
  r.claims.authentication_methods = Methods({pb::AUTHENTICATION_METHOD_MODE_FIDO2});
  EXPECT_EQ(e.Run(r).outcome, Outcome::kAllow);  // one method satisfies both
}

TEST(Section5_3, TooManyRequirementsFailsClosed) {
  std::string policies;
  for (int i = 0; i < Decision::kMaxRequirements + 2; ++i) {
    char tou[40];
    std::snprintf(tou, sizeof(tou), "f0000000-0000-0000-0000-%012d", i + 10);
    policies += P(absl::StrCat("p", i), "AND", absl::StrCat("tou:", tou));
  }
  Engine e(policies);
  EXPECT_EQ(e.Run(MemberRequest()).outcome, Outcome::kBlock);
  EXPECT_EQ(e.ReasonText(), "tooManyRequirements");
}

}  // namespace
}  // namespace crossgate::testing
