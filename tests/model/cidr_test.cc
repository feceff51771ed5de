#include "lib/model/cidr.h"

#include "gtest/gtest.h"

namespace crossgate {
namespace {

TEST(CidrTest, ParsesIpv4AndContains) {
  auto cidr = ParseCidr("203.0.113.0/24");
  ASSERT_TRUE(cidr.has_value());
  EXPECT_EQ(FormatCidr(*cidr), "203.0.113.0/24");
  EXPECT_TRUE(cidr->Contains(*ParseIpAddress("203.0.113.77")));
  EXPECT_FALSE(cidr->Contains(*ParseIpAddress("203.0.114.1")));
  // IPv4 ranges never contain IPv6 addresses, even v4-mapped ones.
  EXPECT_FALSE(cidr->Contains(*ParseIpAddress("::ffff:203.0.113.77")));
}

TEST(CidrTest, ParsesIpv6AndContains) {
  auto cidr = ParseCidr("2001:db8:1234::/48");
  ASSERT_TRUE(cidr.has_value());
  EXPECT_TRUE(cidr->Contains(*ParseIpAddress("2001:db8:1234:ffff::1")));
  EXPECT_FALSE(cidr->Contains(*ParseIpAddress("2001:db8:1235::1")));
  EXPECT_FALSE(cidr->Contains(*ParseIpAddress("10.0.0.1")));
}

TEST(CidrTest, OddPrefixes) {
  auto cidr = ParseCidr("10.128.0.0/9");
  ASSERT_TRUE(cidr.has_value());
  EXPECT_TRUE(cidr->Contains(*ParseIpAddress("10.200.1.1")));
  EXPECT_FALSE(cidr->Contains(*ParseIpAddress("10.1.1.1")));
  auto host = ParseCidr("192.0.2.1/32");
  ASSERT_TRUE(host.has_value());
  EXPECT_TRUE(host->Contains(*ParseIpAddress("192.0.2.1")));
  EXPECT_FALSE(host->Contains(*ParseIpAddress("192.0.2.2")));
}

TEST(CidrTest, RejectsMalformed) {
  for (const char* bad :
       {"", "10.0.0.0", "10.0.0.0/", "10.0.0.0/33", "10.0.0.0/-1", "10.0.0.1/24",
        "10.0.0/24", "256.0.0.0/8", "2001:db8::/129", "2001:db8::1/64",
        "10.0.0.0/2a", " 10.0.0.0/24", "10.0.0.0/24 ", "fe80::1%eth0/64"}) {
    EXPECT_FALSE(ParseCidr(bad).has_value()) << bad;
  }
}

TEST(CidrTest, FormatsIpv6Canonically) {
  EXPECT_EQ(FormatIpAddress(*ParseIpAddress("2001:0DB8:0000:0000::0001")),
            "2001:db8::1");
}

}  // namespace
}  // namespace crossgate
