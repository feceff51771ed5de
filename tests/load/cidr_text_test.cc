#include "lib/load/cidr_text.h"

#include "gtest/gtest.h"

namespace crossgate {
namespace load_internal {
namespace {

TEST(CidrTextTest, ClearsHostBits) {
  auto v6 = ParseCidrText("2001:4898:80e8:7:d92a:7695:fda1:9d62/48");
  ASSERT_TRUE(v6.has_value());
  EXPECT_EQ(FormatCidr(*v6), "2001:4898:80e8::/48");
  auto v4 = ParseCidrText("192.0.2.77/24");
  ASSERT_TRUE(v4.has_value());
  EXPECT_EQ(FormatCidr(*v4), "192.0.2.0/24");
  EXPECT_FALSE(v4->base.v6);
}

TEST(CidrTextTest, RejectsMalformed) {
  for (const char* bad :
       {"", "10.0.0.0", "10.0.0.0/", "10.0.0.0/33", "10.0.0.300/24", "::/129",
        "10.0.0.0/-1", " 10.0.0.0/24", "10.0.0.0/24 ", "10.0.0.0/2a",
        "fe80::1%eth0/64"}) {
    EXPECT_FALSE(ParseCidrText(bad).has_value()) << bad;
  }
}

TEST(CidrTextTest, KeepsPrefixForValidation) {
  auto wide = ParseCidrText("10.0.0.0/8");
  ASSERT_TRUE(wide.has_value());
  EXPECT_LT(wide->prefix, kMinCidrPrefix);
}

}  // namespace
}  // namespace load_internal
}  // namespace crossgate
