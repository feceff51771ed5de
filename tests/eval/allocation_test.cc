// Nothing on the decision path allocates (issue #4): a counting global
// allocator proves Evaluate makes zero allocations per call, on a generated
// 200-policy tenant and on requests exercising every stage.

#include "gtest/gtest.h"
#include "lib/engine/engine.h"
#include "tests/eval/ca_fixture.h"
#include "tests/eval/generated_tenant.h"
#include "tests/testing/counting_new.h"

namespace crossgate::testing {
namespace {

TEST(ZeroAllocation, CounterSeesAllocations) {
  long before = AllocationCount();
  int* volatile p = new int(3);
  delete p;
  EXPECT_EQ(AllocationCount(), before + 1);
}

TEST(ZeroAllocation, EvaluateOnGeneratedTenant) {
  GeneratedTenant tenant = GenerateTenant(200);
  auto set = Compile(tenant.bundle);
  ASSERT_NE(set, nullptr);
  EvalScratch scratch(*set);
  std::vector<std::vector<Guid>> groups(64);
  std::vector<Request> requests;
  for (int v = 0; v < 64; ++v)
    requests.push_back(GeneratedRequest(tenant, v, &groups[v]));
  Decision d;
  EvaluateOptions options;
  EvaluateOptions what_if;
  what_if.what_if = true;
  what_if.what_if_unsupplied_not_applied = true;
  int outcomes[3] = {0, 0, 0};
  const long before = AllocationCount();
  for (int round = 0; round < 10; ++round) {
    for (const Request& r : requests) {
      Evaluate(*set, r, options, scratch, &d);
      ++outcomes[static_cast<int>(d.outcome)];
      Evaluate(*set, r, what_if, scratch, &d);
    }
  }
  EXPECT_EQ(AllocationCount(), before);
  // The generated traffic reaches every outcome.
  EXPECT_GT(outcomes[static_cast<int>(Outcome::kAllow)], 0);
  EXPECT_GT(outcomes[static_cast<int>(Outcome::kChallenge)], 0);
  EXPECT_GT(outcomes[static_cast<int>(Outcome::kBlock)], 0);
}

TEST(ZeroAllocation, ChallengesExternalsStrengthsAndLocations) {
  std::string tenant = absl::StrCat(
      "named_locations { id: \"eeeeeeee-0000-0000-0000-000000000001\" ip { "
      "is_trusted: true "
      "ip_ranges { cidr_address: \"203.0.113.0/24\" } ip_ranges { "
      "cidr_address: "
      "\"2001:db8::/32\" ipv6: true } } } ",
      Policy("a", absl::StrCat(
                      AllUsersAllApps("locations { include_locations: \"All\" "
                                      "exclude_locations: \"AllTrusted\" }"),
                      kGrantMfa)),
      Policy("b",
             absl::StrCat(
                 AllUsersAllApps(),
                 "grant_controls { operator: OPERATOR_OR "
                 "authentication_strength_id: \"",
                 kPhishingResistantStrength,
                 "\" terms_of_use: \"f0000000-0000-0000-0000-000000000001\" "
                 "custom_authentication_factors: \"Duo\" }")),
      Policy("c",
             absl::StrCat(AllUsersAllApps(),
                          "session_controls { sign_in_frequency { "
                          "is_enabled: true type: UNIT_HOURS value: 1 } }")),
      "cross_tenant_access_policy { partners { tenant_id: \"", kHomeTenantId,
      "\" settings { inbound_trust { is_mfa_accepted: true } } } }");
  auto set = Compile(TenantBundle(tenant));
  ASSERT_NE(set, nullptr);
  EvalScratch scratch(*set);
  Request member = MemberRequest();
  member.has_ip = true;
  member.ip = *ParseIpAddress("2001:db8::5");
  Request guest = MemberRequest();
  guest.home_tenant_id = G(kHomeTenantId);
  guest.external_user_types = kB2bCollaborationGuest;
  Request unknown_tenant = MemberRequest();
  unknown_tenant.resource_tenant_id = G(kOtherTenantId);
  Decision d;
  const long before = AllocationCount();
  Evaluate(*set, member, EvaluateOptions(), scratch, &d);
  EXPECT_EQ(d.outcome, Outcome::kChallenge);
  Evaluate(*set, guest, EvaluateOptions(), scratch, &d);
  EXPECT_EQ(d.outcome, Outcome::kChallenge);
  Evaluate(*set, unknown_tenant, EvaluateOptions(), scratch, &d);
  EXPECT_EQ(d.outcome, Outcome::kBlock);
  EXPECT_EQ(AllocationCount(), before);
}

TEST(ZeroAllocation, EngineEvaluateAfterWarmUp) {
  GeneratedTenant tenant = GenerateTenant(50);
  crossgate::Engine engine;
  ASSERT_TRUE(engine.Load(tenant.bundle).ok());
  std::vector<Guid> groups;
  Request r = GeneratedRequest(tenant, 3, &groups);
  Decision d;
  engine.Evaluate(r, EvaluateOptions(), &d);  // warms this thread's cache
  const long before = AllocationCount();
  for (int i = 0; i < 100; ++i) engine.Evaluate(r, EvaluateOptions(), &d);
  EXPECT_EQ(AllocationCount(), before);
  EXPECT_EQ(d.generation, 1u);
}

}  // namespace
}  // namespace crossgate::testing
