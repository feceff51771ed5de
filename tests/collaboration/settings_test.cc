// Spec 3.1 (guest access level), 3.3 (self-service sign-up), 3.4 and 2.5
// (email OTP, redemption order), and the load issues of the external
// collaboration settings (D6), with the graph samples.

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "lib/collaboration/invitation.h"
#include "lib/collaboration/redemption.h"
#include "lib/collaboration/self_service_sign_up.h"
#include "tests/collaboration/collaboration_test_support.h"

namespace crossgate::collaboration {
namespace {

using xtap_testing::G;

const Guid kApp = G("a0000000-0000-0000-0000-000000000003");
const Guid kOtherApp = G("a0000000-0000-0000-0000-000000000004");
const std::string kTenantPath = std::string("tenants/") + kTenantId;

struct Compiled {
  absl::StatusOr<CompiledExternalCollaboration> compiled;
  IssueCollector issues;
};

std::unique_ptr<Compiled> CompileLoose(const std::string& body) {
  auto c = std::make_unique<Compiled>();
  CollaborationCompileOptions options;
  options.fail_on_error = false;
  c->compiled = CompiledExternalCollaboration::Compile(
      xtap_testing::TenantFromText(std::string("tenant_id: '") + kTenantId +
                                   "' " + body),
      options, &c->issues);
  return c;
}

bool HasIssue(const IssueCollector& issues, IssueCode code,
              const std::string& path, bool error = true) {
  for (const LoadIssue& i : issues.issues()) {
    if (i.code == code && i.path == path && i.is_error() == error) return true;
  }
  return false;
}

// --- Spec 3.1 guestUserRoleId ----------------------------------------------

TEST(Section3_1, GuestAccessLevelsAndLabels) {
  struct Case {
    const char* id;
    GuestAccessLevel level;
    const char* label;
  };
  for (const Case& c :
       {Case{"a0b1b346-4d3e-4e8b-98f8-753987be4970",
             GuestAccessLevel::kSameAsMembers,
             "same access as members (most inclusive)"},
        Case{"10dae51f-b6af-4016-8d66-8c2a99b929b3", GuestAccessLevel::kLimited,
             "limited access to properties and memberships of directory "
             "objects"},
        Case{"2af84b1e-32c8-42b7-82bc-daa82404023b",
             GuestAccessLevel::kRestricted,
             "restricted to properties and memberships of their own directory "
             "objects "
             "(most restrictive)"}}) {
    const TenantArtifacts t = CompileTenant(
        std::string("authorization_policy { guest_user_role_id: '") + c.id +
        "' }");
    EXPECT_EQ(t.collaboration.guest_access_level(), c.level);
    EXPECT_EQ(FormatGuid(t.collaboration.guest_user_role_id()), c.id);
    EXPECT_EQ(GuestAccessLevelLabel(c.level), c.label);
  }
}

TEST(Section3_1, GuestAccessDefaultsToLimited) {
  const TenantArtifacts t = CompileTenant("");
  EXPECT_EQ(t.collaboration.guest_access_level(), GuestAccessLevel::kLimited);
  EXPECT_EQ(FormatGuid(t.collaboration.guest_user_role_id()),
            "10dae51f-b6af-4016-8d66-8c2a99b929b3");
}

TEST(Section3_1, UnknownGuestRoleIsReportedNotFatal) {
  auto c = CompileLoose(
      "authorization_policy { guest_user_role_id: "
      "'9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3' }");
  ASSERT_TRUE(c->compiled.ok());
  EXPECT_EQ(c->compiled->guest_access_level(), GuestAccessLevel::kUnknown);
  EXPECT_TRUE(HasIssue(c->issues, IssueCode::kUnknownKeyword,
                       kTenantPath + "/authorizationPolicy/guestUserRoleId",
                       false));
  auto bad =
      CompileLoose("authorization_policy { guest_user_role_id: 'guest' }");
  EXPECT_TRUE(HasIssue(bad->issues, IssueCode::kBadGuid,
                       kTenantPath + "/authorizationPolicy/guestUserRoleId"));
}

TEST(Section3_1, UnknownAllowInvitesFromFailsClosed) {
  auto c = CompileLoose("authorization_policy { allow_invites_from: 17 }");
  ASSERT_TRUE(c->compiled.ok());
  EXPECT_TRUE(HasIssue(c->issues, IssueCode::kUnknownEnum,
                       kTenantPath + "/authorizationPolicy/allowInvitesFrom"));
  EXPECT_EQ(c->compiled->allow_invites_from(), AllowInvitesFrom::kNone);
}

// --- D6 domain list load issues --------------------------------------------

TEST(D6, BothListsAreALoadErrorAndDenyEveryInvitation) {
  auto c = CompileLoose(
      "invitation_domain_policy { allowed_domains: 'a.com' blocked_domains: "
      "'b.com' }");
  ASSERT_TRUE(c->compiled.ok());
  EXPECT_TRUE(HasIssue(c->issues, IssueCode::kInvalidCombination,
                       kTenantPath + "/invitationDomainPolicy"));
  auto access = cross_tenant::CompiledCrossTenantAccess::Compile(
      xtap_testing::TenantFromText(std::string("tenant_id: '") + kTenantId +
                                   "'"),
      AppSetTable::Default(), {}, nullptr);
  const InvitationDecision d =
      CanInvite(*c->compiled, *access, Inviter{}, "x@a.com", absl::nullopt);
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.reason, InvitationReason::kDomainPolicyInvalid);
}

TEST(D6, WildcardDomainIsALoadErrorWithPath) {
  auto c = CompileLoose(
      "invitation_domain_policy { blocked_domains: 'ok.com' blocked_domains: "
      "'*.contoso.com' }");
  EXPECT_TRUE(
      HasIssue(c->issues, IssueCode::kBadDomain,
               kTenantPath + "/invitationDomainPolicy/blockedDomains[1]"));
  EXPECT_TRUE(c->compiled->domain_policy_invalid());
  // fail_on_error (the default) turns it into the compile status.
  auto strict = CompiledExternalCollaboration::Compile(
      xtap_testing::TenantFromText(
          std::string("tenant_id: '") + kTenantId +
          "' invitation_domain_policy { allowed_domains: 'a b' }"),
      {}, nullptr);
  ASSERT_FALSE(strict.ok());
  EXPECT_NE(strict.status().message().find(
                "invitationDomainPolicy/allowedDomains[0]"),
            std::string::npos);
}

// --- Spec 3.3 self-service sign-up ------------------------------------------

TEST(Section3_3, SignUpNeedsThePolicyEnabledAndAUserFlowForTheApp) {
  const TenantArtifacts on = CompileTenant(
      "authentication_flows_policy { self_service_sign_up_enabled: true "
      "self_service_sign_up_application_ids: "
      "'a0000000-0000-0000-0000-000000000003' }");
  EXPECT_TRUE(CanSelfServiceSignUp(on.collaboration, kApp).allowed);
  EXPECT_EQ(CanSelfServiceSignUp(on.collaboration, kOtherApp).reason,
            SignUpReason::kNoUserFlowForApp);
  EXPECT_FALSE(CanSelfServiceSignUp(on.collaboration, Guid{}).allowed);

  const TenantArtifacts off = CompileTenant(
      "authentication_flows_policy { self_service_sign_up_enabled: false "
      "self_service_sign_up_application_ids: "
      "'a0000000-0000-0000-0000-000000000003' }");
  EXPECT_EQ(CanSelfServiceSignUp(off.collaboration, kApp).reason,
            SignUpReason::kDisabled);

  const TenantArtifacts unset =
      CompileTenant("authentication_flows_policy { id: 'x' }");
  EXPECT_EQ(CanSelfServiceSignUp(unset.collaboration, kApp).reason,
            SignUpReason::kDisabled);

  const TenantArtifacts absent = CompileTenant("");
  EXPECT_EQ(CanSelfServiceSignUp(absent.collaboration, kApp).reason,
            SignUpReason::kPolicyAbsent);
}

TEST(Section3_3, BadSignUpAppIdIsALoadError) {
  auto c = CompileLoose(
      "authentication_flows_policy { self_service_sign_up_enabled: true "
      "self_service_sign_up_application_ids: 'app-one' }");
  EXPECT_TRUE(HasIssue(
      c->issues, IssueCode::kBadGuid,
      kTenantPath +
          "/authenticationFlowsPolicy/selfServiceSignUpApplicationIds[0]"));
}

TEST(GraphSamples, AuthenticationFlowsPolicyGet) {
  XTAP_SKIP_JSON_UNDER_TSAN();
  auto text =
      xtap_testing::ReadGraphSample("authentication-flows-policy-get.json");
  ASSERT_TRUE(text.ok());
  auto json = xtap_testing::ParseJson(*text);
  ASSERT_TRUE(json.ok());
  policy::v1::TenantPolicies t;
  t.set_tenant_id(kTenantId);
  xtap_testing::AuthenticationFlowsFromJson(
      json->struct_value(), t.mutable_authentication_flows_policy());
  auto c = CompiledExternalCollaboration::Compile(t, {}, nullptr);
  ASSERT_TRUE(c.ok());
  EXPECT_TRUE(c->self_service_sign_up_enabled());
  // Enabled, but no app has a sign-up user flow in the sample.
  EXPECT_EQ(CanSelfServiceSignUp(*c, kApp).reason,
            SignUpReason::kNoUserFlowForApp);
}

TEST(GraphSamples, AuthorizationPolicyGet) {
  XTAP_SKIP_JSON_UNDER_TSAN();
  auto text = xtap_testing::ReadGraphSample("authorization-policy-get.json");
  ASSERT_TRUE(text.ok());
  auto json = xtap_testing::ParseJson(*text);
  ASSERT_TRUE(json.ok());
  policy::v1::TenantPolicies t;
  t.set_tenant_id(kTenantId);
  xtap_testing::AuthorizationFromJson(json->struct_value(),
                                      t.mutable_authorization_policy());
  auto c = CompiledExternalCollaboration::Compile(t, {}, nullptr);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->allow_invites_from(), AllowInvitesFrom::kEveryone);
  EXPECT_EQ(c->guest_access_level(),
            GuestAccessLevel::kLimited);  // not in the sample
  auto access = cross_tenant::CompiledCrossTenantAccess::Compile(
      t, AppSetTable::Default(), {}, nullptr);
  Inviter guest;
  guest.type = InviterType::kGuest;
  EXPECT_TRUE(
      CanInvite(*c, *access, guest, "a@b.example", absl::nullopt).allowed);
}

// --- Spec 3.4 / 2.5 email OTP and redemption order ---------------------------

TEST(Section3_4, EmailOtpIsOnUnlessExternalIdUseIsDisabled) {
  EXPECT_TRUE(CompileTenant("").collaboration.email_otp_enabled_for_guests());
  EXPECT_TRUE(
      CompileTenant(
          "email_otp_configuration { allow_external_id_to_use_email_otp: "
          "EXTERNAL_ID_OTP_DEFAULT }")
          .collaboration.email_otp_enabled_for_guests());
  EXPECT_FALSE(
      CompileTenant(
          "email_otp_configuration { state: STATE_ENABLED "
          "allow_external_id_to_use_email_otp: EXTERNAL_ID_OTP_DISABLED }")
          .collaboration.email_otp_enabled_for_guests());
}

TEST(GraphSamples, EmailOtpMethodConfigGet) {
  XTAP_SKIP_JSON_UNDER_TSAN();
  auto text = xtap_testing::ReadGraphSample("email-otp-method-config-get.json");
  ASSERT_TRUE(text.ok());
  auto json = xtap_testing::ParseJson(*text);
  ASSERT_TRUE(json.ok());
  policy::v1::TenantPolicies t;
  t.set_tenant_id(kTenantId);
  xtap_testing::EmailOtpFromJson(json->struct_value(),
                                 t.mutable_email_otp_configuration());
  auto c = CompiledExternalCollaboration::Compile(t, {}, nullptr);
  ASSERT_TRUE(c.ok());
  EXPECT_TRUE(c->email_otp_enabled_for_guests());
  auto access = cross_tenant::CompiledCrossTenantAccess::Compile(
      t, AppSetTable::Default(), {}, nullptr);
  EXPECT_EQ(RedemptionOrder(*c, *access, absl::nullopt).fallback,
            RedemptionProvider::kEmailOneTimePasscode);
}

std::vector<RedemptionProvider> Primary(const RedemptionPlan& p) {
  return std::vector<RedemptionProvider>(p.primary,
                                         p.primary + p.primary_count);
}

TEST(Section2_5, ServiceDefaultRedemptionOrder) {
  const TenantArtifacts t = CompileTenant("");
  const RedemptionPlan p =
      RedemptionOrder(t.collaboration, t.access, absl::nullopt);
  EXPECT_FALSE(p.configured);
  EXPECT_EQ(Primary(p), (std::vector<RedemptionProvider>{
                            RedemptionProvider::kAzureActiveDirectory,
                            RedemptionProvider::kExternalFederation,
                            RedemptionProvider::kSocialIdentityProviders}));
  EXPECT_EQ(p.configured_fallback, RedemptionProvider::kDefaultConfiguredIdp);
  EXPECT_EQ(p.fallback, RedemptionProvider::kEmailOneTimePasscode);
}

const char kRedemption[] = R"pb(
  cross_tenant_access_policy {
    default_configuration {
      invitation_redemption_identity_provider_configuration {
        primary_identity_provider_precedence_order:
            IDENTITY_PROVIDER_SOCIAL_IDENTITY_PROVIDERS
        primary_identity_provider_precedence_order:
            IDENTITY_PROVIDER_AZURE_ACTIVE_DIRECTORY
        fallback_identity_provider: IDENTITY_PROVIDER_EMAIL_ONE_TIME_PASSCODE
      }
    }
  }
)pb";

TEST(Section2_5, ConfiguredOrderIsKept) {
  const TenantArtifacts t = CompileTenant(kRedemption);
  const RedemptionPlan p =
      RedemptionOrder(t.collaboration, t.access, absl::nullopt);
  EXPECT_TRUE(p.configured);
  EXPECT_EQ(Primary(p), (std::vector<RedemptionProvider>{
                            RedemptionProvider::kSocialIdentityProviders,
                            RedemptionProvider::kAzureActiveDirectory}));
  EXPECT_EQ(p.fallback, RedemptionProvider::kEmailOneTimePasscode);
}

TEST(Section3_4, OtpFallbackBecomesMicrosoftAccountWhenOtpIsOff) {
  const TenantArtifacts t = CompileTenant(
      std::string(kRedemption) +
      " email_otp_configuration { allow_external_id_to_use_email_otp: "
      "EXTERNAL_ID_OTP_DISABLED }");
  const RedemptionPlan p =
      RedemptionOrder(t.collaboration, t.access, absl::nullopt);
  EXPECT_FALSE(p.email_otp_enabled);
  EXPECT_EQ(p.configured_fallback, RedemptionProvider::kEmailOneTimePasscode);
  EXPECT_EQ(p.fallback, RedemptionProvider::kMicrosoftAccount);
}

TEST(Section2_10, RedemptionDropsEntraForATenantCrossTenantAccessBlocks) {
  const TenantArtifacts t = CompileTenant(std::string(R"pb(
    cross_tenant_access_policy {
      partners {
        tenant_id: "33333333-3333-3333-3333-333333333333"
        settings {
          b2b_collaboration_inbound {
            users_and_groups {
              access_type: ACCESS_TYPE_BLOCKED
              targets { target: "AllUsers" target_type: TARGET_TYPE_USER }
            }
            applications {
              access_type: ACCESS_TYPE_BLOCKED
              targets {
                target: "AllApplications"
                target_type: TARGET_TYPE_APPLICATION
              }
            }
          }
        }
      }
    })pb"));
  const RedemptionPlan blocked = RedemptionOrder(
      t.collaboration, t.access, G("33333333-3333-3333-3333-333333333333"));
  EXPECT_TRUE(blocked.entra_dropped_by_cross_tenant_access);
  EXPECT_EQ(Primary(blocked),
            (std::vector<RedemptionProvider>{
                RedemptionProvider::kExternalFederation,
                RedemptionProvider::kSocialIdentityProviders}));
  const RedemptionPlan other = RedemptionOrder(
      t.collaboration, t.access, G("22222222-2222-2222-2222-222222222222"));
  EXPECT_FALSE(other.entra_dropped_by_cross_tenant_access);
  EXPECT_EQ(other.primary_count, 3);
}

TEST(Section2_5, InvalidRedemptionEntriesAreLoadErrorsAndDropped) {
  auto c = CompileLoose(R"pb(
    cross_tenant_access_policy {
      default_configuration {
        invitation_redemption_identity_provider_configuration {
          primary_identity_provider_precedence_order:
              IDENTITY_PROVIDER_AZURE_ACTIVE_DIRECTORY
          primary_identity_provider_precedence_order:
              IDENTITY_PROVIDER_EMAIL_ONE_TIME_PASSCODE
          primary_identity_provider_precedence_order:
              IDENTITY_PROVIDER_AZURE_ACTIVE_DIRECTORY
          primary_identity_provider_precedence_order:
              IDENTITY_PROVIDER_UNSPECIFIED
          fallback_identity_provider: IDENTITY_PROVIDER_EXTERNAL_FEDERATION
        }
      }
    })pb");
  ASSERT_TRUE(c->compiled.ok());
  const std::string base = kTenantPath +
                           "/crossTenantAccessPolicy/default/"
                           "invitationRedemptionIdentityProviderConfiguration";
  EXPECT_TRUE(HasIssue(c->issues, IssueCode::kInvalidCombination,
                       base + "/primaryIdentityProviderPrecedenceOrder[1]"));
  EXPECT_TRUE(HasIssue(c->issues, IssueCode::kDuplicateId,
                       base + "/primaryIdentityProviderPrecedenceOrder[2]"));
  EXPECT_TRUE(HasIssue(c->issues, IssueCode::kUnknownEnum,
                       base + "/primaryIdentityProviderPrecedenceOrder[3]"));
  EXPECT_TRUE(HasIssue(c->issues, IssueCode::kInvalidCombination,
                       base + "/fallbackIdentityProvider"));
  EXPECT_EQ(c->compiled->redemption_primary().size(), 1u);
  EXPECT_EQ(c->compiled->redemption_fallback(),
            RedemptionProvider::kDefaultConfiguredIdp);
}

}  // namespace
}  // namespace crossgate::collaboration
