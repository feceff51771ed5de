// Admission-time decisions allocate nothing either: CanInvite (including
// email normalization and the cross-tenant check), CanSelfServiceSignUp and
// RedemptionOrder are counted with a global operator new.

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "lib/collaboration/invitation.h"
#include "lib/collaboration/redemption.h"
#include "lib/collaboration/self_service_sign_up.h"
#include "tests/collaboration/collaboration_test_support.h"
#include "tests/testing/counting_new.h"

namespace crossgate::collaboration {
namespace {

using xtap_testing::G;

TEST(NoAllocation, AdmissionDecisionsAllocateNothing) {
  const TenantArtifacts t = CompileTenant(R"pb(
    authorization_policy {
      allow_invites_from: ALLOW_INVITES_FROM_ADMINS_AND_GUEST_INVITERS
    }
    invitation_domain_policy {
      blocked_domains: "gmail.com"
      blocked_domains: "live.com"
    }
    authentication_flows_policy {
      self_service_sign_up_enabled: true
      self_service_sign_up_application_ids: "a0000000-0000-0000-0000-000000000003"
    }
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
    }
  )pb");
  const std::vector<Guid> ga = {kGlobalAdministratorRole};
  Inviter admin;
  admin.roles = ga;
  Inviter member;
  const std::string long_email = "x@" + std::string(300, 'a') + ".com";
  const Guid adatum = G("33333333-3333-3333-3333-333333333333");
  const Guid app = G("a0000000-0000-0000-0000-000000000003");

  int allowed = 0;
  const long before = testing::AllocationCount();
  for (int i = 0; i < 500; ++i) {
    allowed += CanInvite(t.collaboration, t.access, admin, "Bob@Fabrikam.COM.",
                         absl::nullopt)
                   .allowed;
    allowed += CanInvite(t.collaboration, t.access, admin, "bob@gmail.com",
                         absl::nullopt)
                   .allowed;
    allowed +=
        CanInvite(t.collaboration, t.access, admin, "bob@adatum.com", adatum)
            .allowed;
    allowed += CanInvite(t.collaboration, t.access, member, "bob@fabrikam.com",
                         absl::nullopt)
                   .allowed;
    allowed +=
        CanInvite(t.collaboration, t.access, admin, long_email, absl::nullopt)
            .allowed;
    allowed += CanSelfServiceSignUp(t.collaboration, app).allowed;
    allowed +=
        RedemptionOrder(t.collaboration, t.access, adatum).primary_count > 0;
  }
  EXPECT_EQ(testing::AllocationCount() - before, 0);
  EXPECT_EQ(allowed, 500 * 3);
}

}  // namespace
}  // namespace crossgate::collaboration
