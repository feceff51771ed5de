// Spec 3.1 (allowInvitesFrom), 3.2 (domain lists), 2.10 (interplay with
// cross-tenant access), 3.5 (invitations), D6.

#include "lib/collaboration/invitation.h"

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "tests/collaboration/collaboration_test_support.h"

namespace crossgate::collaboration {
namespace {

using xtap_testing::G;

const Guid kFabrikam = G("22222222-2222-2222-2222-222222222222");
const Guid kAdatum = G("33333333-3333-3333-3333-333333333333");
const std::vector<Guid> kNoRoles;
const std::vector<Guid> kGa = {G("62e90394-69f5-4237-9190-012177145e10")};
const std::vector<Guid> kUa = {G("fe930be7-5e62-47db-91af-98c3a49a38b1")};
const std::vector<Guid> kGi = {G("95e79109-95c0-4d8e-aee3-d01accf2d47b")};
const std::vector<Guid> kOtherRole = {
    G("9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3")};

InvitationDecision Invite(const TenantArtifacts& t, InviterType type,
                          const std::vector<Guid>& roles,
                          absl::string_view email,
                          absl::optional<Guid> home = absl::nullopt) {
  Inviter inviter;
  inviter.type = type;
  inviter.roles = roles;
  return CanInvite(t.collaboration, t.access, inviter, email, home);
}

TEST(D6, RoleTemplateConstantsMatchTheirIds) {
  EXPECT_EQ(kGlobalAdministratorRole, kGa[0]);
  EXPECT_EQ(kUserAdministratorRole, kUa[0]);
  EXPECT_EQ(kGuestInviterRole, kGi[0]);
}

TEST(Section3_1, AllowInvitesFromTable) {
  struct Who {
    const char* name;
    InviterType type;
    const std::vector<Guid>* roles;
    InviterStanding standing;
  };
  const Who who[] = {
      {"member", InviterType::kMember, &kNoRoles, InviterStanding::kMember},
      {"member with another role", InviterType::kMember, &kOtherRole,
       InviterStanding::kMember},
      {"guest", InviterType::kGuest, &kNoRoles, InviterStanding::kGuest},
      {"application", InviterType::kApplication, &kGa,
       InviterStanding::kApplication},
      {"global admin", InviterType::kMember, &kGa,
       InviterStanding::kAdministrator},
      {"user admin", InviterType::kMember, &kUa,
       InviterStanding::kAdministrator},
      {"member guest inviter", InviterType::kMember, &kGi,
       InviterStanding::kGuestInviter},
      {"guest guest inviter", InviterType::kGuest, &kGi,
       InviterStanding::kGuestInviter},
  };
  struct Setting {
    const char* proto;
    bool allowed[8];  // in `who` order
  };
  const Setting settings[] = {
      {"ALLOW_INVITES_FROM_NONE",
       {false, false, false, false, false, false, false, false}},
      {"ALLOW_INVITES_FROM_ADMINS_AND_GUEST_INVITERS",
       {false, false, false, false, true, true, true, true}},
      {"ALLOW_INVITES_FROM_ADMINS_GUEST_INVITERS_AND_ALL_MEMBERS",
       {true, true, false, true, true, true, true, true}},
      {"ALLOW_INVITES_FROM_EVERYONE",
       {true, true, true, true, true, true, true, true}},
  };
  for (const Setting& s : settings) {
    const TenantArtifacts t = CompileTenant(
        std::string("authorization_policy { allow_invites_from: ") + s.proto +
        " }");
    for (int i = 0; i < 8; ++i) {
      const InvitationDecision d =
          Invite(t, who[i].type, *who[i].roles, "a@b.example");
      EXPECT_EQ(d.allowed, s.allowed[i]) << s.proto << " / " << who[i].name;
      EXPECT_EQ(d.standing, who[i].standing) << who[i].name;
      if (!s.allowed[i]) {
        EXPECT_EQ(d.reason, InvitationReason::kInviterNotPermitted);
      }
    }
  }
}

TEST(D6, AbsentAuthorizationPolicyMeansEveryone) {
  const TenantArtifacts t = CompileTenant("");
  EXPECT_FALSE(t.collaboration.authorization_policy_present());
  EXPECT_EQ(t.collaboration.allow_invites_from(), AllowInvitesFrom::kEveryone);
  EXPECT_TRUE(Invite(t, InviterType::kGuest, kNoRoles, "a@b.example").allowed);
  // A present policy without the property reads the same way.
  const TenantArtifacts t2 =
      CompileTenant("authorization_policy { id: 'authorizationPolicy' }");
  EXPECT_TRUE(Invite(t2, InviterType::kGuest, kNoRoles, "a@b.example").allowed);
}

TEST(Section3_2, BlocklistBlocksListedDomainsOnly) {
  const TenantArtifacts t = CompileTenant(
      "invitation_domain_policy { blocked_domains: 'live.com' blocked_domains: "
      "'Gmail.com.' }");
  EXPECT_EQ(t.collaboration.domain_mode(), DomainListMode::kBlockList);
  InvitationDecision d =
      Invite(t, InviterType::kMember, kNoRoles, "x@live.com");
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.reason, InvitationReason::kDomainBlocked);
  EXPECT_TRUE(d.domain_listed);
  EXPECT_FALSE(
      Invite(t, InviterType::kMember, kNoRoles, "x@GMAIL.com").allowed);
  // Exact match only: a subdomain is another domain (D6).
  d = Invite(t, InviterType::kMember, kNoRoles, "x@mail.live.com");
  EXPECT_TRUE(d.allowed);
  EXPECT_EQ(d.reason, InvitationReason::kAllowedNoDomainRestriction);
}

TEST(Section3_2, AllowlistBlocksEverythingElse) {
  const TenantArtifacts t = CompileTenant(
      "invitation_domain_policy { allowed_domains: 'fabrikam.com' }");
  EXPECT_EQ(t.collaboration.domain_mode(), DomainListMode::kAllowList);
  InvitationDecision d =
      Invite(t, InviterType::kMember, kNoRoles, "x@Fabrikam.com.");
  EXPECT_TRUE(d.allowed);
  EXPECT_EQ(d.reason, InvitationReason::kAllowedDomainAllowlisted);
  d = Invite(t, InviterType::kMember, kNoRoles, "x@sales.fabrikam.com");
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.reason, InvitationReason::kDomainNotInAllowlist);
}

TEST(Section3_2, NoListAllowsAnyDomain) {
  const TenantArtifacts t = CompileTenant("invitation_domain_policy { }");
  EXPECT_EQ(t.collaboration.domain_mode(), DomainListMode::kNoList);
  EXPECT_TRUE(
      Invite(t, InviterType::kMember, kNoRoles, "x@anything.example").allowed);
}

const char kXtap[] = R"pb(
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
    partners {
      tenant_id: "22222222-2222-2222-2222-222222222222"
      settings {
        b2b_collaboration_inbound {
          users_and_groups {
            access_type: ACCESS_TYPE_ALLOWED
            targets {
              target: "f0000000-0000-0000-0000-000000000001"
              target_type: TARGET_TYPE_GROUP
            }
          }
          applications {
            access_type: ACCESS_TYPE_ALLOWED
            targets {
              target: "AllApplications"
              target_type: TARGET_TYPE_APPLICATION
            }
          }
        }
      }
    }
  }
)pb";

TEST(Section2_10, BlocklistBeatsCrossTenantAccess) {
  const TenantArtifacts t = CompileTenant(
      std::string(kXtap) +
      " invitation_domain_policy { blocked_domains: 'fabrikam.com' }");
  const InvitationDecision d =
      Invite(t, InviterType::kMember, kNoRoles, "x@fabrikam.com", kFabrikam);
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.reason, InvitationReason::kDomainBlocked);
  EXPECT_FALSE(d.cross_tenant_evaluated);
}

TEST(Section2_10, AllowlistAllowsUnlessCrossTenantAccessBlocks) {
  const TenantArtifacts t =
      CompileTenant(std::string(kXtap) +
                    " invitation_domain_policy { allowed_domains: 'adatum.com' "
                    "allowed_domains: 'fabrikam.com' }");
  InvitationDecision d =
      Invite(t, InviterType::kMember, kNoRoles, "x@adatum.com", kAdatum);
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.reason, InvitationReason::kBlockedByCrossTenantAccess);
  EXPECT_TRUE(d.cross_tenant_evaluated);
  EXPECT_TRUE(d.cross_tenant_source.is_partner);
  EXPECT_EQ(d.cross_tenant_source.partner_tenant_id, kAdatum);
  d = Invite(t, InviterType::kMember, kNoRoles, "x@fabrikam.com", kFabrikam);
  EXPECT_TRUE(d.allowed);
  EXPECT_EQ(d.reason, InvitationReason::kAllowedDomainAllowlisted);
}

TEST(Section2_10, NeitherListCrossTenantAccessDecides) {
  const TenantArtifacts t = CompileTenant(kXtap);
  InvitationDecision d =
      Invite(t, InviterType::kMember, kNoRoles, "x@adatum.com", kAdatum);
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.reason, InvitationReason::kBlockedByCrossTenantAccess);
  d = Invite(t, InviterType::kMember, kNoRoles, "x@fabrikam.com", kFabrikam);
  EXPECT_TRUE(d.allowed);
  EXPECT_EQ(d.reason, InvitationReason::kAllowedByCrossTenantAccess);
  // A tenant with no entry gets the (service) default, which allows.
  d = Invite(t, InviterType::kMember, kNoRoles, "x@other.example",
             G("99999999-9999-9999-9999-999999999999"));
  EXPECT_TRUE(d.allowed);
  EXPECT_FALSE(d.cross_tenant_source.is_partner);
}

TEST(Section2_10, GroupScopedInboundDoesNotBlockTheInvitation) {
  // Fabrikam admits one group; the invitee's groups are unknown at
  // invitation time, so the invitation is not blocked (sign-in decides).
  const TenantArtifacts t = CompileTenant(kXtap);
  EXPECT_TRUE(
      Invite(t, InviterType::kMember, kNoRoles, "x@fabrikam.com", kFabrikam)
          .allowed);
}

TEST(Section2_10, UnknownOrOwnInviteeTenantSkipsCrossTenantAccess) {
  const TenantArtifacts t = CompileTenant(kXtap);
  InvitationDecision d =
      Invite(t, InviterType::kMember, kNoRoles, "x@adatum.com");
  EXPECT_TRUE(d.allowed);
  EXPECT_FALSE(d.cross_tenant_evaluated);
  d = Invite(t, InviterType::kMember, kNoRoles, "x@adatum.com", Guid{});
  EXPECT_FALSE(d.cross_tenant_evaluated);
  d = Invite(t, InviterType::kMember, kNoRoles, "x@adatum.com", G(kTenantId));
  EXPECT_FALSE(d.cross_tenant_evaluated);
}

TEST(Section3_5, InvalidInviteeEmailIsRejected) {
  const TenantArtifacts t = CompileTenant("");
  for (const char* email : {"", "bob", "bob@", "@contoso.com",
                            "bob@*.contoso.com", "bob@contoso..com"}) {
    const InvitationDecision d =
        Invite(t, InviterType::kMember, kNoRoles, email);
    EXPECT_FALSE(d.allowed) << email;
    EXPECT_EQ(d.reason, InvitationReason::kInvalidInviteeEmail) << email;
  }
}

TEST(FailClosed, InvitationNeedsTheSameTenantsArtifacts) {
  const TenantArtifacts t = CompileTenant("");
  auto other = cross_tenant::CompiledCrossTenantAccess::Compile(
      xtap_testing::TenantFromText(
          "tenant_id: '22222222-2222-2222-2222-222222222222'"),
      AppSetTable::Default(), {}, nullptr);
  ASSERT_TRUE(other.ok());
  const InvitationDecision d = CanInvite(t.collaboration, *other, Inviter{},
                                         "a@b.example", absl::nullopt);
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.reason, InvitationReason::kTenantMismatch);
}

TEST(Explanations, InvitationDecisionFormats) {
  const TenantArtifacts t = CompileTenant(
      std::string(kXtap) +
      " invitation_domain_policy { blocked_domains: 'gmail.com' }");
  EXPECT_EQ(FormatInvitationDecision(
                Invite(t, InviterType::kGuest, kGi, "a@gmail.com")),
            "invitation: blocked, domain blocked; allowInvitesFrom=everyone, "
            "inviter=guest "
            "inviter, domain list=blocklist (listed)");
  EXPECT_TRUE(absl::StrContains(
      FormatInvitationDecision(
          Invite(t, InviterType::kMember, kNoRoles, "a@adatum.com", kAdatum)),
      "b2bCollaborationInbound from partner "
      "33333333-3333-3333-3333-333333333333"));
}

}  // namespace
}  // namespace crossgate::collaboration
