// The pipeline around Conditional Access (spec 1): tenant lookup, scratch
// sizing, decision bookkeeping and names.

#include "gtest/gtest.h"
#include "tests/eval/ca_fixture.h"

namespace crossgate::testing {
namespace {

TEST(Section1, UnknownResourceTenantBlocks) {
  Engine e(Policy("p", AllUsersAllApps()));
  Request r = MemberRequest();
  r.resource_tenant_id = G(kOtherTenantId);
  const Decision& d = e.Run(r);
  EXPECT_EQ(d.outcome, Outcome::kBlock);
  EXPECT_EQ(d.stage, Stage::kRequest);
  EXPECT_EQ(e.ReasonText(), "unknownResourceTenant");
  EXPECT_TRUE(d.policy_results.empty());
  EXPECT_EQ(d.tenant_index, -1);
}

TEST(Section1, ScratchTooSmallBlocks) {
  std::string policies;
  for (int i = 0; i < 100; ++i) policies += Policy(absl::StrCat("p", i), AllUsersAllApps());
  auto set = Compile(TenantBundle(policies));
  EvalScratch small(1, 1);
  Decision d;
  Evaluate(*set, MemberRequest(), EvaluateOptions(), small, &d);
  EXPECT_EQ(d.outcome, Outcome::kBlock);
  EXPECT_EQ(d.stage, Stage::kInternal);
  EXPECT_EQ(ReasonName(d.reason), "scratchTooSmall");
}

TEST(Section1, DecisionCarriesTenantAndBundleVersion) {
  Engine e(Policy("p", AllUsersAllApps()));
  const Decision& d = e.Run(MemberRequest());
  EXPECT_EQ(d.outcome, Outcome::kAllow);
  EXPECT_EQ(d.tenant_index, 0);
  EXPECT_EQ(d.bundle_version, 7u);
  EXPECT_EQ(d.stage, Stage::kConditionalAccess);
}

TEST(Section1, DecisionIsResetBetweenCalls) {
  Engine e(Policy("p", absl::StrCat(AllUsersAllApps(), kGrantMfa)));
  Request r = MemberRequest();
  e.Run(r);
  EXPECT_EQ(e.decision().requirement_count, 1);
  r.claims.mfa = true;
  const Decision& d = e.Run(r);
  EXPECT_EQ(d.outcome, Outcome::kAllow);
  EXPECT_EQ(d.requirement_count, 0);
  EXPECT_EQ(d.deciding_policy, -1);
  EXPECT_EQ(d.challenge_location, ChallengeLocation::kNone);
}

TEST(Section1, ManyTenantsEachEvaluatedWithItsOwnPolicies) {
  policy::v1::PolicyBundle bundle =
      TenantBundle(Policy("p", absl::StrCat(AllUsersAllApps(), kGrantBlock)));
  for (int i = 0; i < 5; ++i) {
    auto* t = bundle.add_tenants();
    t->set_tenant_id(absl::StrCat("44444444-4444-4444-4444-00000000000", i));
  }
  Engine e(bundle);
  Request r = MemberRequest();
  EXPECT_EQ(e.Run(r).outcome, Outcome::kBlock);
  r.resource_tenant_id = G("44444444-4444-4444-4444-000000000003");
  const Decision& d = e.Run(r);
  EXPECT_EQ(d.outcome, Outcome::kAllow);
  EXPECT_EQ(d.tenant_index, 4);
}

TEST(Names, EveryReasonHasAName) {
  for (uint16_t r = 0; r < static_cast<uint16_t>(Reason::kReasonCount); ++r) {
    EXPECT_NE(ReasonName(r), "unknown") << r;
    EXPECT_FALSE(ReasonName(r).empty());
  }
  EXPECT_EQ(ReasonName(9999), "unknown");
  EXPECT_EQ(OutcomeName(Outcome::kChallenge), "challenge");
  EXPECT_EQ(StageName(Stage::kCrossTenantAccess), "crossTenantAccess");
  EXPECT_EQ(RequirementKindName(RequirementKind::kHybridJoinedDevice), "domainJoinedDevice");
  EXPECT_EQ(ChallengeLocationName(ChallengeLocation::kHomeTenant), "homeTenant");
}

}  // namespace
}  // namespace crossgate::testing
