#include "lib/model/guid.h"

#include "absl/container/flat_hash_set.h"
#include "gtest/gtest.h"

namespace crossgate {
namespace {

TEST(GuidTest, RoundTripsCanonicalForm) {
  auto g = ParseGuid("72f988bf-86f1-41af-91ab-2d7cd011db47");
  ASSERT_TRUE(g.has_value());
  EXPECT_EQ(FormatGuid(*g), "72f988bf-86f1-41af-91ab-2d7cd011db47");
}

TEST(GuidTest, AcceptsUpperCaseAndBraces) {
  auto upper = ParseGuid("{72F988BF-86F1-41AF-91AB-2D7CD011DB47}");
  auto lower = ParseGuid("72f988bf-86f1-41af-91ab-2d7cd011db47");
  ASSERT_TRUE(upper && lower);
  EXPECT_EQ(*upper, *lower);
}

TEST(GuidTest, RejectsMalformed) {
  for (const char* bad :
       {"", "All", "<AdministratorGroup>", " 72f988bf-86f1-41af-91ab-2d7cd011db47",
        "72f988bf-86f1-41af-91ab-2d7cd011db4", "72f988bf-86f1-41af-91ab-2d7cd011db477",
        "72f988bf_86f1-41af-91ab-2d7cd011db47", "72f988bg-86f1-41af-91ab-2d7cd011db47",
        "{72f988bf-86f1-41af-91ab-2d7cd011db47", "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"}) {
    EXPECT_FALSE(ParseGuid(bad).has_value()) << bad;
  }
}

TEST(GuidTest, OrdersAndHashes) {
  Guid a = *ParseGuid("00000000-0000-0000-0000-000000000001");
  Guid b = *ParseGuid("00000000-0000-0000-0000-000000000002");
  Guid c = *ParseGuid("00000001-0000-0000-0000-000000000000");
  EXPECT_LT(a, b);
  EXPECT_LT(b, c);
  EXPECT_TRUE(Guid{}.is_zero());
  absl::flat_hash_set<Guid> set = {a, b, c, a};
  EXPECT_EQ(set.size(), 3u);
}

}  // namespace
}  // namespace crossgate
