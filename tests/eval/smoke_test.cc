#include "gtest/gtest.h"
#include "tests/eval/ca_fixture.h"

namespace crossgate::testing {
namespace {

TEST(Smoke, MfaPolicyChallengesThenAllows) {
  Engine e(Policy("p1", absl::StrCat(AllUsersAllApps(), kGrantMfa)));
  Request r = MemberRequest();
  EXPECT_EQ(e.Run(r).outcome, Outcome::kChallenge);
  EXPECT_EQ(e.Requirements(), "mfa");
  r.claims.mfa = true;
  EXPECT_EQ(e.Run(r).outcome, Outcome::kAllow);
  EXPECT_EQ(e.Result("p1"), PolicyResult::kSuccess);
}

}  // namespace
}  // namespace crossgate::testing
