// Spec 4.8 (locations and named locations), D15, D16.

#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "tests/eval/ca_fixture.h"

namespace crossgate::testing {
namespace {

constexpr char kOffice[] = "eeeeeeee-0000-0000-0000-000000000001";   // trusted IP
constexpr char kPartner[] = "eeeeeeee-0000-0000-0000-000000000002";  // untrusted IP
constexpr char kCountries[] = "eeeeeeee-0000-0000-0000-000000000003";
constexpr char kGps[] = "eeeeeeee-0000-0000-0000-000000000004";
constexpr char kNetwork[] = "eeeeeeee-0000-0000-0000-000000000005";
constexpr char kUnknownOk[] = "eeeeeeee-0000-0000-0000-000000000006";

std::string Locations() {
  return absl::StrCat(
      "named_locations { id: \"", kOffice, "\" ip { is_trusted: true ",
      "ip_ranges { cidr_address: \"203.0.113.0/24\" } ",
      "ip_ranges { cidr_address: \"2001:db8:1::/48\" ipv6: true } } } ",
      "named_locations { id: \"", kPartner, "\" ip { ",
      "ip_ranges { cidr_address: \"192.0.2.0/24\" } ",
      "ip_ranges { cidr_address: \"203.0.113.128/25\" } } } ",
      "named_locations { id: \"", kCountries, "\" country { ",
      "countries_and_regions: \"US\" countries_and_regions: \"CA\" } } ",
      "named_locations { id: \"", kGps, "\" country { countries_and_regions: \"US\" ",
      "country_lookup_method: LOOKUP_METHOD_AUTHENTICATOR_APP_GPS } } ",
      "named_locations { id: \"", kNetwork, "\" compliant_network { } } ",
      "named_locations { id: \"", kUnknownOk, "\" country { countries_and_regions: \"FR\" ",
      "include_unknown_countries_and_regions: true } } ",
      "mfa_trusted_ips: \"198.51.100.0/24\" ");
}

std::string LocationPolicy(absl::string_view id, absl::string_view include,
                           absl::string_view exclude = "") {
  std::string body = "locations {";
  for (absl::string_view l : absl::StrSplit(include, ',', absl::SkipEmpty())) {
    absl::StrAppend(&body, " include_locations: \"", l, "\"");
  }
  for (absl::string_view l : absl::StrSplit(exclude, ',', absl::SkipEmpty())) {
    absl::StrAppend(&body, " exclude_locations: \"", l, "\"");
  }
  body += " }";
  return Policy(id, absl::StrCat(AllUsersAllApps(body), kGrantMfa));
}

Request From(absl::string_view ip) {
  Request r = MemberRequest();
  r.has_ip = true;
  r.ip = *ParseIpAddress(ip);
  return r;
}

TEST(Section4_8, AbsentLocationsMeansAll) {
  Engine e(Locations() + Policy("p", absl::StrCat(AllUsersAllApps(), kGrantMfa)));
  e.Run(From("8.8.8.8"));
  EXPECT_TRUE(e.Applies("p"));
}

TEST(Section4_8, IncludeAllMeansAnyIp) {
  Engine e(Locations() + LocationPolicy("p", "All"));
  e.Run(From("8.8.8.8"));
  EXPECT_TRUE(e.Applies("p"));
  e.Run(MemberRequest());  // no IP at all
  EXPECT_TRUE(e.Applies("p"));
}

TEST(Section4_8, IpNamedLocationMatchesByCidr) {
  Engine e(Locations() + LocationPolicy("p", kPartner));
  e.Run(From("192.0.2.77"));
  EXPECT_TRUE(e.Applies("p"));
  e.Run(From("192.0.3.1"));
  EXPECT_FALSE(e.Applies("p"));
  e.Run(From("203.0.113.200"));  // second range
  EXPECT_TRUE(e.Applies("p"));
  e.Run(From("203.0.113.5"));  // only in the office range
  EXPECT_FALSE(e.Applies("p"));
}

TEST(Section4_8, Ipv6RangesMatchIpv6Addresses) {
  Engine e(Locations() + LocationPolicy("p", kOffice));
  e.Run(From("2001:db8:1:ffff::1"));
  EXPECT_TRUE(e.Applies("p"));
  e.Run(From("2001:db8:2::1"));
  EXPECT_FALSE(e.Applies("p"));
}

TEST(Section4_8, Ipv4AndIpv6FamiliesDoNotMix) {
  Engine e(absl::StrCat("named_locations { id: \"", kPartner,
                        "\" ip { ip_ranges { cidr_address: \"::ffff:0:0/96\" ipv6: true } } } ",
                        LocationPolicy("p", kPartner)));
  e.Run(From("192.0.2.1"));  // an IPv4 address is not inside an IPv6 range
  EXPECT_FALSE(e.Applies("p"));
}

TEST(Section4_8, AnyOfSelectedLocations) {
  Engine e(Locations() + LocationPolicy("p", absl::StrCat(kPartner, ",", kOffice)));
  e.Run(From("203.0.113.5"));
  EXPECT_TRUE(e.Applies("p"));
  e.Run(From("192.0.2.5"));
  EXPECT_TRUE(e.Applies("p"));
}

TEST(Section4_8, AllExcludingTrustedLocations) {
  Engine e(Locations() + LocationPolicy("p", "All", "AllTrusted"));
  e.Run(From("203.0.113.5"));  // trusted named location
  EXPECT_FALSE(e.Applies("p"));
  e.Run(From("192.0.2.5"));  // named but not trusted
  EXPECT_TRUE(e.Applies("p"));
  e.Run(From("8.8.8.8"));
  EXPECT_TRUE(e.Applies("p"));
}

TEST(Section4_8, OverlappingRangesExcludeWins) {
  // 203.0.113.200 is in the trusted office /24 and the partner /25.
  Engine e(Locations() + LocationPolicy("p", kPartner, kOffice));
  e.Run(From("203.0.113.200"));
  EXPECT_FALSE(e.Applies("p"));
}

TEST(D16, AllTrustedIncludesMfaTrustedIps) {
  Engine e(Locations() + LocationPolicy("p", "All", "AllTrusted"));
  e.Run(From("198.51.100.9"));
  EXPECT_FALSE(e.Applies("p"));
}

TEST(D16, ZeroGuidIsTheMfaTrustedIpsLocation) {
  Engine e(Locations() +
           LocationPolicy("p", "All", "00000000-0000-0000-0000-000000000000"));
  e.Run(From("198.51.100.9"));
  EXPECT_FALSE(e.Applies("p"));
  e.Run(From("203.0.113.5"));  // trusted, but not an MFA trusted IP
  EXPECT_TRUE(e.Applies("p"));
}

TEST(D16, ZeroGuidWithoutTrustedIpsMatchesNothing) {
  Engine e(LocationPolicy("p", "00000000-0000-0000-0000-000000000000"));
  e.Run(From("198.51.100.9"));
  EXPECT_FALSE(e.Applies("p"));
}

TEST(D16, AllTrustedIncludesCompliantNetworkLocations) {
  Engine e(Locations() + LocationPolicy("p", "All", "AllTrusted"));
  Request r = From("8.8.8.8");
  r.compliant_network = true;
  e.Run(r);
  EXPECT_FALSE(e.Applies("p"));
}

TEST(Section4_8, CompliantNetworkLocationMatchesTheFlag) {
  Engine e(Locations() + LocationPolicy("p", kNetwork));
  Request r = From("8.8.8.8");
  e.Run(r);
  EXPECT_FALSE(e.Applies("p"));
  r.compliant_network = true;
  e.Run(r);
  EXPECT_TRUE(e.Applies("p"));
}

TEST(Section4_8, CountryLocationUsesClientIpCountry) {
  Engine e(Locations() + LocationPolicy("p", kCountries));
  Request r = From("8.8.8.8");
  r.country[0] = 'C';
  r.country[1] = 'A';
  e.Run(r);
  EXPECT_TRUE(e.Applies("p"));
  r.country[0] = 'D';
  r.country[1] = 'E';
  e.Run(r);
  EXPECT_FALSE(e.Applies("p"));
  r.gps_country[0] = 'U';  // GPS does not count for clientIpAddress lookup
  r.gps_country[1] = 'S';
  e.Run(r);
  EXPECT_FALSE(e.Applies("p"));
}

TEST(Section4_8, CountryLocationWithGpsLookupUsesGpsCountry) {
  Engine e(Locations() + LocationPolicy("p", kGps));
  Request r = From("8.8.8.8");
  r.country[0] = 'U';
  r.country[1] = 'S';
  e.Run(r);
  EXPECT_FALSE(e.Applies("p"));
  r.gps_country[0] = 'U';
  r.gps_country[1] = 'S';
  e.Run(r);
  EXPECT_TRUE(e.Applies("p"));
}

TEST(Section4_8, IncludeUnknownCountriesMatchesUnmappedIps) {
  Engine e(Locations() + LocationPolicy("p", kUnknownOk) +
           LocationPolicy("q", kCountries));
  Request r = From("8.8.8.8");  // no country
  e.Run(r);
  EXPECT_TRUE(e.Applies("p"));
  EXPECT_FALSE(e.Applies("q"));
}

TEST(Section4_8, CountryExclusionBlocksOutsideAllowedCountries) {
  Engine e(Locations() +
           Policy("p", absl::StrCat(AllUsersAllApps(absl::StrCat(
                                        "locations { include_locations: \"All\" "
                                        "exclude_locations: \"", kCountries, "\" }")),
                                    kGrantBlock)));
  Request r = From("8.8.8.8");
  r.country[0] = 'U';
  r.country[1] = 'S';
  EXPECT_EQ(e.Run(r).outcome, Outcome::kAllow);
  r.country[0] = 'R';
  r.country[1] = 'U';
  EXPECT_EQ(e.Run(r).outcome, Outcome::kBlock);
  r.country[0] = 0;  // unknown country: not excluded
  r.country[1] = 0;
  EXPECT_EQ(e.Run(r).outcome, Outcome::kBlock);
}

TEST(Section4_8, MissingIpIsInScopeOfIpIncludesAndNoIpExcludes) {
  Engine e(Locations() + LocationPolicy("inc", kPartner) +
           LocationPolicy("exc", "All", "AllTrusted"));
  e.Run(MemberRequest());  // has_ip = false
  EXPECT_TRUE(e.Applies("inc"));
  EXPECT_TRUE(e.Applies("exc"));
}

TEST(D15, EmptyIncludeLocationsIsNotConfigured) {
  Engine e(Locations() + LocationPolicy("p", "", kPartner));
  e.Run(From("192.0.2.1"));
  EXPECT_TRUE(e.Applies("p"));
}

TEST(D7, UnknownKeywordInIncludeLocationsMatchesEverywhere) {
  Engine e(Locations() + LocationPolicy("p", "AllCompliantNetworkLocations"));
  e.Run(From("8.8.8.8"));
  EXPECT_TRUE(e.Applies("p"));
}

TEST(D7, UnknownKeywordInExcludeLocationsExcludesNothing) {
  Engine e(Locations() + LocationPolicy("p", "All", "SomethingNew"));
  e.Run(From("8.8.8.8"));
  EXPECT_TRUE(e.Applies("p"));
}

}  // namespace
}  // namespace crossgate::testing
