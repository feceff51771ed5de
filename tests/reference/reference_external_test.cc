// Spec 2.11, 5.5, 6 and D12 against the reference evaluator: how an external
// user's claims count, where challenges happen, authentication strengths.

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/reference/reference_test_util.h"

namespace crossgate {
namespace reference {
namespace test {
namespace {

using policy::v1::AuthenticationMethodMode;
constexpr auto kPassword = policy::v1::AUTHENTICATION_METHOD_MODE_PASSWORD;
constexpr auto kSms = policy::v1::AUTHENTICATION_METHOD_MODE_SMS;
constexpr auto kFido2 = policy::v1::AUTHENTICATION_METHOD_MODE_FIDO2;
constexpr auto kHardwareOath =
    policy::v1::AUTHENTICATION_METHOD_MODE_HARDWARE_OATH;

std::string Trust(absl::string_view members) {
  return absl::StrCat("cross_tenant_access_policy { partners { tenant_id: \"",
                      kHome, "\" settings { inbound_trust { ", members,
                      " } } } }");
}

std::string Grants(absl::string_view body) {
  return absl::StrCat("grant_controls { operator: OPERATOR_AND ", body, " }");
}

std::string StrengthGrant(absl::string_view id) {
  return Grants(absl::StrCat("authentication_strength_id: \"", id, "\""));
}

constexpr char kMfa[] = "built_in_controls: BUILT_IN_CONTROL_MFA";

TEST(ReferenceExternalTest, UntrustedMfaIsChallengedInTheResourceTenant) {
  auto b = OnePolicy(kAllUsersAllApps, Grants(kMfa));
  ReferenceDecision d = Eval(b, Guest());
  ASSERT_EQ(d.outcome, Outcome::kChallenge);
  EXPECT_EQ(d.challenge_location, ChallengeLocation::kResourceTenant);
  // A home MFA claim does not count without trust.
  d = Eval(b, Guest().Mfa(ClaimOrigin::kHomeTenant));
  EXPECT_EQ(d.outcome, Outcome::kChallenge);
  EXPECT_EQ(Eval(b, Guest().Mfa(ClaimOrigin::kResourceTenant)).outcome,
            Outcome::kAllow);
}

TEST(ReferenceExternalTest, TrustedMfaIsChallengedAtHomeAndHomeClaimCounts) {
  auto b =
      OnePolicy(kAllUsersAllApps, Grants(kMfa), Trust("is_mfa_accepted: true"));
  ReferenceDecision d = Eval(b, Guest());
  ASSERT_EQ(d.outcome, Outcome::kChallenge);
  EXPECT_EQ(d.challenge_location, ChallengeLocation::kHomeTenant);
  EXPECT_EQ(Eval(b, Guest().Mfa(ClaimOrigin::kHomeTenant)).outcome,
            Outcome::kAllow);
  EXPECT_EQ(Eval(b, Guest().Mfa()).outcome, Outcome::kAllow)
      << "unspecified origin reads as home for externals";
}

TEST(ReferenceExternalTest, DirectConnectNeedsMfaTrust) {
  auto untrusted =
      OnePolicy(kAllUsersAllApps, Grants(kMfa), AllowDirectConnectFromHome());
  ReferenceDecision d = Eval(untrusted, Guest(kB2bDirectConnectUser));
  EXPECT_EQ(d.outcome, Outcome::kBlock);
  EXPECT_EQ(d.stage, Stage::kConditionalAccess);
  auto trusted = OnePolicy(
      kAllUsersAllApps, Grants(kMfa),
      AllowDirectConnectFromHome("inbound_trust { is_mfa_accepted: true }"));
  d = Eval(trusted, Guest(kB2bDirectConnectUser));
  EXPECT_EQ(d.outcome, Outcome::kChallenge);
  EXPECT_EQ(d.challenge_location, ChallengeLocation::kHomeTenant);
  EXPECT_EQ(Eval(trusted, Guest(kB2bDirectConnectUser).Mfa()).outcome,
            Outcome::kAllow);
}

TEST(ReferenceExternalTest, DeviceClaimsCountOnlyThroughDeviceTrust) {
  auto untrusted =
      OnePolicy(kAllUsersAllApps,
                Grants("built_in_controls: BUILT_IN_CONTROL_COMPLIANT_DEVICE"));
  EXPECT_EQ(Eval(untrusted, Guest().CompliantDevice()).outcome,
            Outcome::kBlock);
  auto trusted =
      OnePolicy(kAllUsersAllApps,
                Grants("built_in_controls: BUILT_IN_CONTROL_COMPLIANT_DEVICE"),
                Trust("is_compliant_device_accepted: true"));
  EXPECT_EQ(Eval(trusted, Guest().CompliantDevice()).outcome, Outcome::kAllow);
  EXPECT_EQ(Eval(trusted, Guest()).outcome, Outcome::kBlock);
  // Hybrid join needs its own trust member.
  auto hybrid = OnePolicy(
      kAllUsersAllApps,
      Grants("built_in_controls: BUILT_IN_CONTROL_DOMAIN_JOINED_DEVICE"),
      Trust("is_compliant_device_accepted: true"));
  EXPECT_EQ(Eval(hybrid, Guest().HybridJoinedDevice()).outcome,
            Outcome::kBlock);
}

TEST(ReferenceExternalTest,
     AppGrantsPasswordChangeAndCustomControlsBlockGuests) {
  for (const char* control :
       {"built_in_controls: BUILT_IN_CONTROL_APPROVED_APPLICATION",
        "built_in_controls: BUILT_IN_CONTROL_COMPLIANT_APPLICATION",
        "built_in_controls: BUILT_IN_CONTROL_PASSWORD_CHANGE",
        "custom_authentication_factors: \"Duo\""}) {
    auto b = OnePolicy(kAllUsersAllApps, Grants(control));
    ReferenceDecision d = Eval(b, Guest()
                                      .ApprovedApp()
                                      .AppProtection()
                                      .PasswordChanged()
                                      .SatisfyCustomControl("Duo"));
    EXPECT_EQ(d.outcome, Outcome::kBlock) << control;  // 5.5, D12
  }
}

TEST(ReferenceExternalTest, TermsOfUseForCollaborationNotDirectConnect) {
  auto b = OnePolicy(kAllUsersAllApps,
                     Grants(absl::StrCat("terms_of_use: \"", kTerms, "\"")),
                     AllowDirectConnectFromHome());
  EXPECT_EQ(Eval(b, Guest()).outcome, Outcome::kChallenge);
  EXPECT_EQ(Eval(b, Guest().AcceptTerms(kTerms)).outcome, Outcome::kAllow);
  EXPECT_EQ(Eval(b, Guest(kB2bDirectConnectUser).AcceptTerms(kTerms)).outcome,
            Outcome::kBlock);
}

TEST(ReferenceExternalTest, NonEntraGuestsDoMfaInTheResourceTenantOnly) {
  auto b =
      OnePolicy(kAllUsersAllApps, Grants(kMfa), Trust("is_mfa_accepted: true"));
  testing::RequestBuilder otp = Member();
  otp.External("", kB2bCollaborationGuest,
               IdentitySource::kEmailOneTimePasscode);
  ReferenceDecision d = Eval(b, otp);
  ASSERT_EQ(d.outcome, Outcome::kChallenge);
  EXPECT_EQ(d.challenge_location, ChallengeLocation::kResourceTenant);
  EXPECT_EQ(Eval(b, otp.Mfa(ClaimOrigin::kResourceTenant)).outcome,
            Outcome::kAllow);
  // 6.4: strengths are for Entra identities only.
  auto strength = OnePolicy(kAllUsersAllApps, StrengthGrant(kMfaStrength));
  testing::RequestBuilder msa = Member();
  msa.External("", kB2bCollaborationGuest, IdentitySource::kMicrosoftAccount);
  EXPECT_EQ(Eval(strength, msa).outcome, Outcome::kBlock);
}

TEST(ReferenceExternalTest, InternalGuestsAreTreatedLikeMembers) {
  auto b =
      OnePolicy(kAllUsersAllApps,
                Grants("built_in_controls: BUILT_IN_CONTROL_COMPLIANT_DEVICE"));
  testing::RequestBuilder r = Member();
  r.External(kResource, kInternalGuest).CompliantDevice();
  EXPECT_EQ(Eval(b, r).outcome, Outcome::kAllow);
}

TEST(ReferenceStrengthTest, MembersMeetAStrengthByCoveringOneCombination) {
  auto b = OnePolicy(kAllUsersAllApps, StrengthGrant(kPhishingResistant));
  ReferenceDecision d = Eval(b, Member().Methods({kPassword, kSms}).Mfa());
  ASSERT_EQ(d.outcome, Outcome::kChallenge);
  EXPECT_EQ(d.requirements[0].kind, RequirementKind::kAuthenticationStrength);
  EXPECT_EQ(d.requirements[0].ref, kPhishingResistant);
  EXPECT_EQ(Eval(b, Member().Methods({kFido2})).outcome, Outcome::kAllow);
  auto mfa_strength = OnePolicy(kAllUsersAllApps, StrengthGrant(kMfaStrength));
  EXPECT_EQ(Eval(mfa_strength, Member().Methods({kPassword, kSms})).outcome,
            Outcome::kAllow);
  EXPECT_EQ(Eval(mfa_strength, Member().Methods({kSms})).outcome,
            Outcome::kChallenge);
}

TEST(ReferenceStrengthTest, TenantStrengthsResolveById) {
  auto b = OnePolicy(kAllUsersAllApps, StrengthGrant("custom-1"),
                     "authentication_strength_policies { id: \"custom-1\" "
                     "policy_type: POLICY_TYPE_CUSTOM allowed_combinations { "
                     "modes: AUTHENTICATION_METHOD_MODE_HARDWARE_OATH modes: "
                     "AUTHENTICATION_METHOD_MODE_PASSWORD } }");
  EXPECT_EQ(Eval(b, Member().Methods({kPassword, kHardwareOath})).outcome,
            Outcome::kAllow);
  EXPECT_EQ(Eval(b, Member().Methods({kFido2})).outcome, Outcome::kChallenge);
  // A dangling strength id can never be met.
  auto dangling = OnePolicy(kAllUsersAllApps, StrengthGrant("missing"));
  EXPECT_EQ(Eval(dangling, Member().Methods({kFido2})).outcome,
            Outcome::kBlock);
}

TEST(ReferenceStrengthTest, UntrustedGuestsCanMeetOnlyResourceColumnStrengths) {
  // 6.4: without MFA trust only SMS, voice, push and software OATH exist in R.
  auto mfa = OnePolicy(kAllUsersAllApps, StrengthGrant(kMfaStrength));
  ReferenceDecision d = Eval(mfa, Guest());
  ASSERT_EQ(d.outcome, Outcome::kChallenge);
  EXPECT_EQ(d.challenge_location, ChallengeLocation::kResourceTenant);
  EXPECT_EQ(
      Eval(mfa,
           Guest().Methods({kPassword, kSms}).Mfa(ClaimOrigin::kResourceTenant))
          .outcome,
      Outcome::kAllow);
  EXPECT_EQ(Eval(mfa, Guest()
                          .Methods({kPassword, kHardwareOath})
                          .Mfa(ClaimOrigin::kResourceTenant))
                .outcome,
            Outcome::kChallenge)
      << "hardware OATH done in the resource tenant does not count";
  auto phishing =
      OnePolicy(kAllUsersAllApps, StrengthGrant(kPhishingResistant));
  EXPECT_EQ(Eval(phishing, Guest()).outcome, Outcome::kBlock);
  auto passwordless =
      OnePolicy(kAllUsersAllApps, StrengthGrant(kPasswordlessStrength));
  EXPECT_EQ(Eval(passwordless, Guest()).outcome, Outcome::kBlock);
}

TEST(ReferenceStrengthTest, TrustedGuestsMeetStrengthsWithHomeMethods) {
  auto b = OnePolicy(kAllUsersAllApps, StrengthGrant(kPhishingResistant),
                     Trust("is_mfa_accepted: true"));
  ReferenceDecision d = Eval(b, Guest());
  ASSERT_EQ(d.outcome, Outcome::kChallenge);
  EXPECT_EQ(d.challenge_location, ChallengeLocation::kHomeTenant);
  EXPECT_EQ(
      Eval(b, Guest().Methods({kFido2}).Mfa(ClaimOrigin::kHomeTenant)).outcome,
      Outcome::kAllow);
}

TEST(ReferenceStrengthTest, MfaClaimIsTheAuthorityOnMfa) {
  // Methods alone do not stand in for the MFA claim.
  auto b = OnePolicy(kAllUsersAllApps, Grants(kMfa));
  EXPECT_EQ(Eval(b, Member().Methods({kFido2})).outcome, Outcome::kChallenge);
  EXPECT_EQ(Eval(b, Member().Mfa()).outcome, Outcome::kAllow);
}

}  // namespace
}  // namespace test
}  // namespace reference
}  // namespace crossgate
