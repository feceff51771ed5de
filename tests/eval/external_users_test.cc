// Spec 1 (flow steps 5-6), 2.11 (trust), 5.5 (translating home claims),
// 6.4 (strengths for external users); D1 (trust inheritance), D12.

#include "gtest/gtest.h"
#include "tests/eval/ca_fixture.h"

namespace crossgate::testing {
namespace {

namespace pb = ::crossgate::policy::v1;

// Direct connect is blocked by the service defaults (spec 2.6); the partner
// entry allows it inbound so the tests reach Conditional Access.
constexpr char kAllowDirectConnect[] =
    "b2b_direct_connect_inbound { users_and_groups { access_type: ACCESS_TYPE_ALLOWED "
    "targets { target: \"AllUsers\" target_type: TARGET_TYPE_USER } } applications { "
    "access_type: ACCESS_TYPE_ALLOWED targets { target: \"AllApplications\" "
    "target_type: TARGET_TYPE_APPLICATION } } }";

std::string Trust(bool mfa, bool compliant, bool hybrid) {
  return absl::StrCat(
      "cross_tenant_access_policy { partners { tenant_id: \"", kHomeTenantId,
      "\" settings { ", kAllowDirectConnect, " inbound_trust { is_mfa_accepted: ",
      mfa ? "true" : "false", " is_compliant_device_accepted: ",
      compliant ? "true" : "false", " is_hybrid_azure_ad_joined_device_accepted: ",
      hybrid ? "true" : "false", " } } } }");
}

// Only direct connect allowed, no trust.
std::string NoTrust() { return Trust(false, false, false); }

std::string P(absl::string_view id, absl::string_view grant) {
  return Policy(id, absl::StrCat(AllUsersAllApps(), grant));
}

Request Guest(uint32_t types = kB2bCollaborationGuest) {
  Request r = MemberRequest();
  r.home_tenant_id = G(kHomeTenantId);
  r.external_user_types = types;
  r.identity_source = IdentitySource::kEntra;
  return r;
}

uint32_t Methods(std::initializer_list<pb::AuthenticationMethodMode> modes) {
  uint32_t m = 0;
  for (auto mode : modes) m |= 1u << mode;
  return m;
}

TEST(Section5_5, TrustedHomeMfaSatisfiesMfa) {
  Engine e(P("p", kGrantMfa) + Trust(true, false, false));
  Request r = Guest();
  r.claims.mfa = true;
  r.claims.mfa_origin = ClaimOrigin::kHomeTenant;
  EXPECT_EQ(e.Run(r).outcome, Outcome::kAllow);
}

TEST(Section5_5, TrustedMfaMissingIsChallengedInHomeTenant) {
  Engine e(P("p", kGrantMfa) + Trust(true, false, false));
  const Decision& d = e.Run(Guest());
  EXPECT_EQ(d.outcome, Outcome::kChallenge);
  EXPECT_EQ(d.challenge_location, ChallengeLocation::kHomeTenant);
  EXPECT_EQ(e.Requirements(), "mfa@home");
}

TEST(Section5_5, UntrustedMfaIsChallengedInResourceTenantForCollaboration) {
  Engine e(P("p", kGrantMfa));
  Request r = Guest();
  r.claims.mfa = true;  // done at home, but home MFA is not trusted
  r.claims.mfa_origin = ClaimOrigin::kHomeTenant;
  const Decision& d = e.Run(r);
  EXPECT_EQ(d.outcome, Outcome::kChallenge);
  EXPECT_EQ(d.challenge_location, ChallengeLocation::kResourceTenant);
  r.claims.mfa_origin = ClaimOrigin::kResourceTenant;  // MFA done in R
  EXPECT_EQ(e.Run(r).outcome, Outcome::kAllow);
}

TEST(Section5_5, UnspecifiedClaimOriginOfExternalReadsAsHome) {
  Engine e(P("p", kGrantMfa));
  Request r = Guest();
  r.claims.mfa = true;
  EXPECT_EQ(e.Run(r).outcome, Outcome::kChallenge);
}

TEST(Section5_5, UntrustedMfaBlocksDirectConnect) {
  Engine e(P("p", kGrantMfa) + NoTrust());
  Request r = Guest(kB2bDirectConnectUser);
  r.claims.mfa = true;
  r.claims.mfa_origin = ClaimOrigin::kHomeTenant;
  EXPECT_EQ(e.Run(r).outcome, Outcome::kBlock);
  EXPECT_EQ(e.ReasonText(), "directConnectRequiresMfaTrust");
}

TEST(Section5_5, TrustedMfaDirectConnect) {
  Engine e(P("p", kGrantMfa) + Trust(true, false, false));
  Request r = Guest(kB2bDirectConnectUser);
  EXPECT_EQ(e.Run(r).outcome, Outcome::kChallenge);
  EXPECT_EQ(e.Requirements(), "mfa@home");
  r.claims.mfa = true;
  EXPECT_EQ(e.Run(r).outcome, Outcome::kAllow);
}

TEST(Section5_5, TrustedCompliantDeviceClaimSatisfiesCompliantDevice) {
  Engine e(P("p", kGrantCompliant) + Trust(false, true, false));
  Request r = Guest();
  r.claims.compliant_device = true;
  EXPECT_EQ(e.Run(r).outcome, Outcome::kAllow);
  r.claims.compliant_device = false;
  EXPECT_EQ(e.Run(r).outcome, Outcome::kBlock);
  EXPECT_EQ(e.ReasonText(), "compliantDeviceRequired");
}

TEST(Section5_5, UntrustedDeviceRequirementBlocks) {
  Engine e(P("p", kGrantCompliant) + Trust(true, false, true));
  Request r = Guest();
  r.claims.compliant_device = true;
  EXPECT_EQ(e.Run(r).outcome, Outcome::kBlock);
  EXPECT_EQ(e.ReasonText(), "deviceClaimsNotTrusted");
  r.external_user_types = kB2bDirectConnectUser;
  EXPECT_EQ(e.Run(r).outcome, Outcome::kBlock);
}

TEST(Section5_5, TrustedHybridJoinClaim) {
  Engine e(P("p", "grant_controls { operator: OPERATOR_OR built_in_controls: "
                  "BUILT_IN_CONTROL_DOMAIN_JOINED_DEVICE }") +
           Trust(false, false, true));
  Request r = Guest();
  r.claims.hybrid_joined_device = true;
  EXPECT_EQ(e.Run(r).outcome, Outcome::kAllow);
}

TEST(Section5_5, AppStateAndPasswordChangeBlockExternals) {
  for (const char* control : {"APPROVED_APPLICATION", "COMPLIANT_APPLICATION",
                              "PASSWORD_CHANGE", "RISK_REMEDIATION"}) {
    Engine e(P("p", absl::StrCat("grant_controls { operator: OPERATOR_AND "
                                 "built_in_controls: BUILT_IN_CONTROL_", control, " }")) +
             Trust(true, true, true));
    Request r = Guest();
    r.claims.approved_application = r.claims.app_protection_policy = true;
    r.claims.password_changed = r.claims.risk_remediated = true;
    EXPECT_EQ(e.Run(r).outcome, Outcome::kBlock) << control;
    EXPECT_EQ(e.ReasonText(), "externalUserUnsupportedControl");
  }
}

TEST(Section5_5, TermsOfUseForCollaborationChallengesInResourceTenant) {
  Engine e(P("p", "grant_controls { operator: OPERATOR_AND terms_of_use: "
                  "\"f0000000-0000-0000-0000-000000000001\" }"));
  const Decision& d = e.Run(Guest());
  EXPECT_EQ(d.outcome, Outcome::kChallenge);
  EXPECT_EQ(d.challenge_location, ChallengeLocation::kResourceTenant);
}

TEST(D5, CrossTenantDenialBlocksWithoutPolicyResults) {
  Engine e(P("p", kGrantMfa));  // service defaults block direct connect
  const Decision& d = e.Run(Guest(kB2bDirectConnectUser));
  EXPECT_EQ(d.outcome, Outcome::kBlock);
  EXPECT_EQ(d.stage, Stage::kCrossTenantAccess);
  EXPECT_EQ(e.ReasonText(), "crossTenantAccessDenied");
  EXPECT_TRUE(d.policy_results.empty());
  EXPECT_NE(d.cross_tenant_reason, 0);
}

TEST(D2, HomeOutboundNotEvaluatedWhenHomeTenantIsNotInTheBundle) {
  Engine e(P("p", kGrantMfa));
  const Decision& d = e.Run(Guest());
  EXPECT_EQ(d.outcome, Outcome::kChallenge);
  EXPECT_FALSE(d.home_outbound_evaluated);
}

TEST(Section5_5, TermsOfUseBlocksDirectConnect) {
  Engine e(P("p", "grant_controls { operator: OPERATOR_AND terms_of_use: "
                  "\"f0000000-0000-0000-0000-000000000001\" }") +
           Trust(true, true, true));
  EXPECT_EQ(e.Run(Guest(kB2bDirectConnectUser)).outcome, Outcome::kBlock);
  EXPECT_EQ(e.ReasonText(), "directConnectTermsOfUseUnsupported");
}

TEST(D12, CustomControlsBlockExternalUsers) {
  Engine e(P("p", "grant_controls { operator: OPERATOR_AND "
                  "custom_authentication_factors: \"Duo\" }") +
           Trust(true, true, true));
  Request r = Guest();
  absl::string_view done[] = {"Duo"};
  r.claims.satisfied_custom_controls = done;
  EXPECT_EQ(e.Run(r).outcome, Outcome::kBlock);
  EXPECT_EQ(e.ReasonText(), "externalUserCustomControl");
}

TEST(Section5_5, NonEntraExternalsDoMfaInResourceTenant) {
  Engine e(P("p", kGrantMfa) + Trust(true, true, true));
  Request r = Guest(kB2bCollaborationGuest);
  r.identity_source = IdentitySource::kEmailOneTimePasscode;
  const Decision& d = e.Run(r);
  EXPECT_EQ(d.outcome, Outcome::kChallenge);
  EXPECT_EQ(d.challenge_location, ChallengeLocation::kResourceTenant);
  r.claims.mfa = true;
  r.claims.mfa_origin = ClaimOrigin::kHomeTenant;  // e.g. Google 2FA: not counted
  EXPECT_EQ(e.Run(r).outcome, Outcome::kChallenge);
  r.claims.mfa_origin = ClaimOrigin::kResourceTenant;
  EXPECT_EQ(e.Run(r).outcome, Outcome::kAllow);
}

TEST(Section5_5, NonEntraExternalsHaveNoDeviceTrust) {
  Engine e(P("p", kGrantCompliant) + Trust(true, true, true));
  Request r = Guest();
  r.identity_source = IdentitySource::kMicrosoftAccount;
  r.claims.compliant_device = true;
  EXPECT_EQ(e.Run(r).outcome, Outcome::kBlock);
}

TEST(D1, PartnerTrustInheritsUnsetMembersFromDefault) {
  std::string tenant = absl::StrCat(
      P("p", kGrantMfa),
      "cross_tenant_access_policy { default_configuration { settings { inbound_trust { "
      "is_mfa_accepted: true } } } partners { tenant_id: \"", kHomeTenantId,
      "\" settings { inbound_trust { is_compliant_device_accepted: true } } } }");
  Engine e(tenant);
  EXPECT_EQ(e.Requirements(), "");
  e.Run(Guest());
  EXPECT_EQ(e.Requirements(), "mfa@home");  // MFA trust inherited
}

TEST(D1, DefaultTrustAppliesToNonPartners) {
  std::string tenant = absl::StrCat(
      P("p", kGrantMfa),
      "cross_tenant_access_policy { default_configuration { settings { inbound_trust { "
      "is_mfa_accepted: true } } } }");
  Engine e(tenant);
  Request r = Guest();
  r.home_tenant_id = G(kOtherTenantId);
  e.Run(r);
  EXPECT_EQ(e.Requirements(), "mfa@home");
}

TEST(Section5_5, ServiceDefaultTrustsNothing) {
  Engine e(P("p", kGrantMfa));
  e.Run(Guest());
  EXPECT_EQ(e.Requirements(), "mfa");
}

TEST(Section5_5, CallerSuppliedTrustRecordOverridesTheTable) {
  Engine e(P("p", kGrantMfa));
  InboundTrust trust;
  trust.mfa_accepted = true;
  EvaluateOptions options;
  options.inbound_trust = &trust;
  e.Run(Guest(), options);
  EXPECT_EQ(e.Requirements(), "mfa@home");
}

TEST(Section5_5, InternalGuestClaimsAreResourceTenantClaims) {
  Engine e(P("p", kGrantCompliant));
  Request r = MemberRequest();
  r.external_user_types = kInternalGuest;
  r.claims.compliant_device = true;
  EXPECT_EQ(e.Run(r).outcome, Outcome::kAllow);
}

std::string StrengthPolicy(absl::string_view strength) {
  return P("p", absl::StrCat("grant_controls { operator: OPERATOR_AND "
                             "authentication_strength_id: \"", strength, "\" }"));
}

TEST(Section6_4, TrustedHomeMethodsInHomeColumnSatisfyStrength) {
  Engine e(StrengthPolicy(kPhishingResistantStrength) + Trust(true, false, false));
  Request r = Guest();
  r.claims.mfa = true;
  r.claims.authentication_methods = Methods({pb::AUTHENTICATION_METHOD_MODE_FIDO2});
  EXPECT_EQ(e.Run(r).outcome, Outcome::kAllow);
  r.claims.authentication_methods = Methods(
      {pb::AUTHENTICATION_METHOD_MODE_PASSWORD, pb::AUTHENTICATION_METHOD_MODE_SMS});
  EXPECT_EQ(e.Run(r).outcome, Outcome::kChallenge);
  EXPECT_EQ(e.Requirements(),
            absl::StrCat("authenticationStrength:", kPhishingResistantStrength, "@home"));
}

TEST(Section6_4, HomeMethodsOutsideTheHomeColumnDoNotCount) {
  Engine e(StrengthPolicy(kMfaStrength) + Trust(true, false, false));
  Request r = Guest();
  r.claims.authentication_methods =
      Methods({pb::AUTHENTICATION_METHOD_MODE_TEMPORARY_ACCESS_PASS_ONE_TIME});
  EXPECT_EQ(e.Run(r).outcome, Outcome::kChallenge);
}

TEST(Section6_4, UntrustedExternalsUseResourceColumn) {
  Engine e(StrengthPolicy(kMfaStrength));
  Request r = Guest();
  r.claims.mfa_origin = ClaimOrigin::kResourceTenant;
  r.claims.authentication_methods = Methods(
      {pb::AUTHENTICATION_METHOD_MODE_PASSWORD, pb::AUTHENTICATION_METHOD_MODE_SMS});
  EXPECT_EQ(e.Run(r).outcome, Outcome::kAllow);
  r.claims.authentication_methods = Methods(
      {pb::AUTHENTICATION_METHOD_MODE_PASSWORD, pb::AUTHENTICATION_METHOD_MODE_HARDWARE_OATH});
  const Decision& d = e.Run(r);  // hardware OATH is not in the resource column
  EXPECT_EQ(d.outcome, Outcome::kChallenge);
  EXPECT_EQ(d.challenge_location, ChallengeLocation::kResourceTenant);
}

TEST(Section6_4, PhishingResistantNeverSatisfiableWithoutMfaTrust) {
  for (const char* strength : {kPhishingResistantStrength, kPasswordlessStrength}) {
    Engine e(StrengthPolicy(strength));
    Request r = Guest();
    r.claims.authentication_methods = Methods({pb::AUTHENTICATION_METHOD_MODE_FIDO2});
    EXPECT_EQ(e.Run(r).outcome, Outcome::kBlock) << strength;
    EXPECT_EQ(e.ReasonText(), "authenticationStrengthUnavailable");
  }
}

TEST(Section6_4, DirectConnectNeedsMfaTrustForStrengths) {
  Engine e(StrengthPolicy(kMfaStrength) + NoTrust());
  EXPECT_EQ(e.Run(Guest(kB2bDirectConnectUser)).outcome, Outcome::kBlock);
  EXPECT_EQ(e.ReasonText(), "directConnectRequiresMfaTrust");
}

TEST(Section6_4, NonEntraExternalsCannotMeetStrengths) {
  Engine e(StrengthPolicy(kPhishingResistantStrength) + Trust(true, false, false));
  Request r = Guest();
  r.identity_source = IdentitySource::kSocial;
  EXPECT_EQ(e.Run(r).outcome, Outcome::kBlock);
  // 6.4: strengths apply only to externals authenticating with Entra ID;
  // even the MFA strength is out of reach (they take the `mfa` grant).
  Engine f(StrengthPolicy(kMfaStrength));
  EXPECT_EQ(f.Run(r).outcome, Outcome::kBlock);
  EXPECT_EQ(f.ReasonText(), "authenticationStrengthUnavailable");
}

TEST(Section5_5, DirectConnectGetsNoSessionControls) {
  Engine e(Policy("p", absl::StrCat(AllUsersAllApps(),
                                    "session_controls { sign_in_frequency { is_enabled: "
                                    "true type: UNIT_HOURS value: 4 } "
                                    "disable_resilience_defaults: true }")) +
           Trust(true, false, false));
  const Decision& d = e.Run(Guest(kB2bDirectConnectUser));
  EXPECT_EQ(d.outcome, Outcome::kAllow);
  EXPECT_EQ(d.session.sign_in_frequency_minutes, 0);
  EXPECT_TRUE(d.session.ignored_for_direct_connect);
  EXPECT_TRUE(d.session.disable_resilience_defaults);
  const Decision& g = e.Run(Guest());
  EXPECT_EQ(g.session.sign_in_frequency_minutes, 240);
}

TEST(Section4_9, PasswordChangeUserRiskPolicyBlocksGuests) {
  Engine e(Policy("p", absl::StrCat(AllUsersAllApps("user_risk_levels: RISK_LEVEL_HIGH"),
                                    "grant_controls { operator: OPERATOR_AND "
                                    "built_in_controls: BUILT_IN_CONTROL_MFA "
                                    "built_in_controls: BUILT_IN_CONTROL_PASSWORD_CHANGE }")));
  Request r = Guest();
  r.user_risk = RiskLevel::kHigh;
  EXPECT_EQ(e.Run(r).outcome, Outcome::kBlock);
  r = MemberRequest();
  r.user_risk = RiskLevel::kHigh;
  EXPECT_EQ(e.Run(r).outcome, Outcome::kChallenge);
}

}  // namespace
}  // namespace crossgate::testing
