// Spec 4.6-4.11 (client apps, platforms, locations, risks, device filters,
// authentication flows) and D12, D15, D16 against the reference evaluator.

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/reference/reference_test_util.h"

namespace crossgate {
namespace reference {
namespace test {
namespace {

// A blocking policy on all users and apps plus `condition`.
policy::v1::PolicyBundle BlockWhen(absl::string_view condition,
                                   absl::string_view tenant_extra = "") {
  return OnePolicy(absl::StrCat(kAllUsersAllApps, " ", condition), kBlock,
                   tenant_extra);
}

WhatIfReason NotAppliedReason(const policy::v1::PolicyBundle& b,
                              testing::RequestBuilder r,
                              const ReferenceOptions& o = {}) {
  ReferenceDecision d = Eval(b, r, o);
  ReferencePolicyOutcome p = ResultOf(d, "p1");
  if (p.result == PolicyResult::kFailure) return WhatIfReason::kNone;
  EXPECT_EQ(p.result, PolicyResult::kNotApplied) << d.DebugString();
  return p.reason;
}

constexpr WhatIfReason kApplies = WhatIfReason::kNone;

TEST(ReferenceClientAppsTest, EmptyMeansAllAndListsSelect) {
  EXPECT_EQ(NotAppliedReason(BlockWhen(""), Member().Client(ClientApp::kOther)),
            kApplies);
  auto legacy = BlockWhen(
      "client_app_types: CLIENT_APP_TYPE_EXCHANGE_ACTIVE_SYNC "
      "client_app_types: CLIENT_APP_TYPE_OTHER");
  EXPECT_EQ(NotAppliedReason(legacy, Member()), WhatIfReason::kClientApps);
  EXPECT_EQ(
      NotAppliedReason(legacy, Member().Client(ClientApp::kExchangeActiveSync)),
      kApplies);
  EXPECT_EQ(NotAppliedReason(legacy, Member().Client(ClientApp::kOther)),
            kApplies);
  // Fail closed: a request that does not say its client app is in scope.
  EXPECT_EQ(NotAppliedReason(legacy, Member().Client(ClientApp::kUnspecified)),
            kApplies);
  auto all = BlockWhen("client_app_types: CLIENT_APP_TYPE_ALL");
  EXPECT_EQ(NotAppliedReason(
                all, Member().Client(ClientApp::kMobileAppsAndDesktopClients)),
            kApplies);
}

TEST(ReferencePlatformsTest,
     IncludeAllExcludeSupportedCatchesUnknownPlatforms) {
  // 4.7: Microsoft's recipe for blocking unsupported platforms.
  auto b = BlockWhen(
      "platforms { include_platforms: DEVICE_PLATFORM_ALL "
      "exclude_platforms: DEVICE_PLATFORM_WINDOWS exclude_platforms: "
      "DEVICE_PLATFORM_MACOS exclude_platforms: DEVICE_PLATFORM_IOS "
      "exclude_platforms: DEVICE_PLATFORM_ANDROID }");
  EXPECT_EQ(NotAppliedReason(b, Member()), WhatIfReason::kDevicePlatform);
  EXPECT_EQ(NotAppliedReason(b, Member().OnPlatform(Platform::kLinux)),
            kApplies);
  EXPECT_EQ(NotAppliedReason(b, Member().OnPlatform(Platform::kUnknown)),
            kApplies);
  EXPECT_EQ(NotAppliedReason(b, Member().OnPlatform(Platform::kUnspecified)),
            kApplies);
}

TEST(ReferencePlatformsTest, UnsuppliedPlatformIsInScopeOfEveryCondition) {
  // Fail closed: a request that does not say its platform meets the
  // policy's controls.
  auto ios = BlockWhen("platforms { include_platforms: DEVICE_PLATFORM_IOS }");
  EXPECT_EQ(NotAppliedReason(ios, Member().OnPlatform(Platform::kUnspecified)),
            kApplies);
  auto all_but_windows = BlockWhen(
      "platforms { include_platforms: DEVICE_PLATFORM_ALL exclude_platforms: "
      "DEVICE_PLATFORM_WINDOWS }");
  EXPECT_EQ(NotAppliedReason(all_but_windows,
                             Member().OnPlatform(Platform::kUnspecified)),
            kApplies);
}

TEST(ReferencePlatformsTest, SelectedPlatformsAndEmptyInclude) {
  auto b = BlockWhen("platforms { include_platforms: DEVICE_PLATFORM_IOS }");
  EXPECT_EQ(NotAppliedReason(b, Member()), WhatIfReason::kDevicePlatform);
  EXPECT_EQ(NotAppliedReason(b, Member().OnPlatform(Platform::kIos)), kApplies);
  EXPECT_EQ(NotAppliedReason(b, Member().OnPlatform(Platform::kUnknown)),
            WhatIfReason::kDevicePlatform);
  // D15: an empty includePlatforms is not configured.
  auto empty =
      BlockWhen("platforms { exclude_platforms: DEVICE_PLATFORM_WINDOWS }");
  EXPECT_EQ(NotAppliedReason(empty, Member()), kApplies);
}

std::string Locations() {
  return absl::StrCat(
      "named_locations { id: \"", kLoc1,
      "\" ip { is_trusted: true ip_ranges { cidr_address: \"203.0.113.0/24\" } "
      "ip_ranges { cidr_address: \"2001:db8::/32\" ipv6: true } } } "
      "named_locations { id: \"",
      kLoc2,
      "\" country { countries_and_regions: \"NL\" countries_and_regions: "
      "\"BE\" } } "
      "named_locations { id: \"",
      kLoc3,
      "\" country { countries_and_regions: \"US\" "
      "include_unknown_countries_and_regions: true country_lookup_method: "
      "LOOKUP_METHOD_AUTHENTICATOR_APP_GPS } } "
      "mfa_trusted_ips: \"198.51.100.0/28\" ");
}

TEST(ReferenceLocationsTest, IpRangesIncludeAndExclude) {
  auto b = BlockWhen(
      absl::StrCat("locations { include_locations: \"", kLoc1, "\" }"),
      Locations());
  EXPECT_EQ(NotAppliedReason(b, Member().Ip("203.0.113.77")), kApplies);
  EXPECT_EQ(NotAppliedReason(b, Member().Ip("2001:db8::1")), kApplies);
  EXPECT_EQ(NotAppliedReason(b, Member().Ip("203.0.114.1")),
            WhatIfReason::kLocation);
  EXPECT_EQ(NotAppliedReason(b, Member()), kApplies)
      << "no IP: could be anywhere, so inside (fail closed)";
  auto all_but =
      BlockWhen(absl::StrCat("locations { include_locations: \"All\" "
                             "exclude_locations: \"",
                             kLoc1, "\" }"),
                Locations());
  EXPECT_EQ(NotAppliedReason(all_but, Member().Ip("203.0.113.77")),
            WhatIfReason::kLocation);
  EXPECT_EQ(NotAppliedReason(all_but, Member().Ip("8.8.8.8")), kApplies);
  EXPECT_EQ(NotAppliedReason(all_but, Member()), kApplies)
      << "no IP: never excluded by an IP location";
}

TEST(ReferenceLocationsTest,
     AllTrustedCoversTrustedRangesMfaTrustedIpsAndCompliantNetworks) {
  // D16.
  auto b = BlockWhen(
      "locations { include_locations: \"All\" exclude_locations: "
      "\"AllTrusted\" }",
      absl::StrCat(Locations(),
                   " named_locations { id: \"cn\" "
                   "compliant_network {} }"));
  EXPECT_EQ(NotAppliedReason(b, Member().Ip("203.0.113.5")),
            WhatIfReason::kLocation);
  EXPECT_EQ(NotAppliedReason(b, Member().Ip("198.51.100.3")),
            WhatIfReason::kLocation);
  EXPECT_EQ(NotAppliedReason(b, Member().Ip("198.51.100.16")), kApplies);
  EXPECT_EQ(NotAppliedReason(b, Member().Ip("8.8.8.8").CompliantNetwork()),
            WhatIfReason::kLocation);
  EXPECT_EQ(NotAppliedReason(b, Member().Ip("8.8.8.8")), kApplies);
  // Country locations are never trusted.
  EXPECT_EQ(NotAppliedReason(b, Member().Ip("8.8.8.8").Country("NL")),
            kApplies);
}

TEST(ReferenceLocationsTest,
     NoIpIsInsideEveryNonEmptyIpLocationForInclusionOnly) {
  auto empty_trusted =
      BlockWhen("locations { include_locations: \"AllTrusted\" }",
                absl::StrCat("named_locations { id: \"", kLoc1,
                             "\" ip { ip_ranges { cidr_address: "
                             "\"203.0.113.0/24\" } } }"));
  EXPECT_EQ(NotAppliedReason(empty_trusted, Member()), WhatIfReason::kLocation)
      << "no trusted ranges at all: nothing to be inside";
  auto trusted =
      BlockWhen("locations { include_locations: \"AllTrusted\" }", Locations());
  EXPECT_EQ(NotAppliedReason(trusted, Member()), kApplies);
  auto country = BlockWhen(
      absl::StrCat("locations { include_locations: \"", kLoc2, "\" }"),
      Locations());
  EXPECT_EQ(NotAppliedReason(country, Member()), WhatIfReason::kLocation)
      << "countries are their own input: unknown is not NL/BE";
}

TEST(ReferenceLocationsTest, ZeroGuidIsTheMfaTrustedIps) {
  auto b = BlockWhen(
      "locations { include_locations: "
      "\"00000000-0000-0000-0000-000000000000\" }",
      Locations());
  EXPECT_EQ(NotAppliedReason(b, Member().Ip("198.51.100.1")), kApplies);
  EXPECT_EQ(NotAppliedReason(b, Member().Ip("203.0.113.5")),
            WhatIfReason::kLocation);
}

TEST(ReferenceLocationsTest, CountriesByIpOrGpsWithUnknownOptIn) {
  auto by_ip = BlockWhen(
      absl::StrCat("locations { include_locations: \"", kLoc2, "\" }"),
      Locations());
  EXPECT_EQ(NotAppliedReason(by_ip, Member().Country("BE")), kApplies);
  EXPECT_EQ(NotAppliedReason(by_ip, Member().Country("DE")),
            WhatIfReason::kLocation);
  EXPECT_EQ(NotAppliedReason(by_ip, Member()), WhatIfReason::kLocation);
  auto by_gps = BlockWhen(
      absl::StrCat("locations { include_locations: \"", kLoc3, "\" }"),
      Locations());
  EXPECT_EQ(NotAppliedReason(by_gps, Member().Country("US")), kApplies)
      << "GPS not shared: unknown country, which the location includes";
  EXPECT_EQ(NotAppliedReason(by_gps, Member().Country("US").GpsCountry("CA")),
            WhatIfReason::kLocation);
  EXPECT_EQ(NotAppliedReason(by_gps, Member().GpsCountry("US")), kApplies);
}

TEST(ReferenceLocationsTest, EmptyIncludeIsNotConfigured) {
  auto b = BlockWhen(
      absl::StrCat("locations { exclude_locations: \"", kLoc1, "\" }"),
      Locations());
  EXPECT_EQ(NotAppliedReason(b, Member().Ip("203.0.113.5")), kApplies);  // D15
}

TEST(ReferenceRiskTest, SignInAndUserRiskListsSelectLevels) {
  auto b = BlockWhen(
      "sign_in_risk_levels: RISK_LEVEL_HIGH sign_in_risk_levels: "
      "RISK_LEVEL_MEDIUM");
  EXPECT_EQ(NotAppliedReason(b, Member()), WhatIfReason::kSignInRisk);
  EXPECT_EQ(NotAppliedReason(b, Member().SignInRisk(RiskLevel::kMedium)),
            kApplies);
  EXPECT_EQ(NotAppliedReason(b, Member().SignInRisk(RiskLevel::kLow)),
            WhatIfReason::kSignInRisk);
  auto user = BlockWhen("user_risk_levels: RISK_LEVEL_HIGH");
  EXPECT_EQ(NotAppliedReason(user, Member().SignInRisk(RiskLevel::kHigh)),
            WhatIfReason::kUserRisk);
  EXPECT_EQ(NotAppliedReason(user, Member().UserRisk(RiskLevel::kHigh)),
            kApplies);
  auto none = BlockWhen("user_risk_levels: RISK_LEVEL_NONE");
  EXPECT_EQ(NotAppliedReason(none, Member()), kApplies)
      << "unspecified reads as none";
}

TEST(ReferenceRiskTest, InsiderRisk) {
  auto b = BlockWhen("insider_risk_levels: INSIDER_RISK_LEVEL_ELEVATED");
  EXPECT_EQ(NotAppliedReason(b, Member()), WhatIfReason::kInsiderRisk);
  EXPECT_EQ(NotAppliedReason(b, Member().Insider(InsiderRisk::kModerate)),
            WhatIfReason::kInsiderRisk);
  EXPECT_EQ(NotAppliedReason(b, Member().Insider(InsiderRisk::kElevated)),
            kApplies);
}

TEST(ReferenceAuthenticationFlowsTest, TransferMethods) {
  auto b = BlockWhen(
      "authentication_flows { transfer_methods: "
      "TRANSFER_METHOD_DEVICE_CODE_FLOW }");
  EXPECT_EQ(NotAppliedReason(b, Member()), WhatIfReason::kAuthenticationFlow);
  EXPECT_EQ(
      NotAppliedReason(b, Member().Flow(AuthenticationFlow::kDeviceCodeFlow)),
      kApplies);
  EXPECT_EQ(NotAppliedReason(
                b, Member().Flow(AuthenticationFlow::kAuthenticationTransfer)),
            WhatIfReason::kAuthenticationFlow);
  // D15: `none` matches no request; an empty list is not configured.
  auto none = BlockWhen(
      "authentication_flows { transfer_methods: TRANSFER_METHOD_NONE }");
  EXPECT_EQ(NotAppliedReason(
                none, Member().Flow(AuthenticationFlow::kDeviceCodeFlow)),
            WhatIfReason::kAuthenticationFlow);
  EXPECT_EQ(NotAppliedReason(none, Member()),
            WhatIfReason::kAuthenticationFlow);
  EXPECT_EQ(NotAppliedReason(BlockWhen("authentication_flows {}"), Member()),
            kApplies);
}

// A stand-in filter: "registered" matches any registered device; a
// negative rule "unregistered" matches only null devices.
ReferenceOptions FakeFilter() {
  ReferenceOptions o;
  o.device_filter = [](absl::string_view rule,
                       const device_filter::DeviceAttributes* device)
      -> absl::StatusOr<bool> {
    if (rule == "registered") return device != nullptr;
    if (rule == "unregistered") return device == nullptr;
    return absl::InvalidArgumentError("bad rule");
  };
  return o;
}

// Any non-null pointer stands for a registered device in FakeFilter.
const device_filter::DeviceAttributes* SomeDevice() {
  static int storage;
  return reinterpret_cast<const device_filter::DeviceAttributes*>(&storage);
}

TEST(ReferenceDevicesTest, IncludeAndExcludeModes) {
  auto include = BlockWhen(
      "devices { device_filter { mode: MODE_INCLUDE rule: "
      "\"registered\" } }");
  EXPECT_EQ(NotAppliedReason(include, Member(), FakeFilter()),
            WhatIfReason::kDevices);
  EXPECT_EQ(
      NotAppliedReason(include, Member().Device(SomeDevice()), FakeFilter()),
      kApplies);
  auto exclude = BlockWhen(
      "devices { device_filter { mode: MODE_EXCLUDE rule: "
      "\"registered\" } }");
  EXPECT_EQ(NotAppliedReason(exclude, Member(), FakeFilter()), kApplies);
  EXPECT_EQ(
      NotAppliedReason(exclude, Member().Device(SomeDevice()), FakeFilter()),
      WhatIfReason::kDevices);
}

TEST(ReferenceDevicesTest, GuestDeviceVisibleOnlyWithDeviceTrust) {
  auto untrusted = BlockWhen(
      "devices { device_filter { mode: MODE_INCLUDE rule: "
      "\"registered\" } }");
  EXPECT_EQ(
      NotAppliedReason(untrusted, Guest().Device(SomeDevice()), FakeFilter()),
      WhatIfReason::kDevices);  // D12: seen as unregistered
  auto trusted = BlockWhen(
      "devices { device_filter { mode: MODE_INCLUDE rule: \"registered\" } }",
      absl::StrCat("cross_tenant_access_policy { partners { tenant_id: \"",
                   kHome,
                   "\" settings { inbound_trust { "
                   "is_hybrid_azure_ad_joined_device_accepted: true } } } }"));
  EXPECT_EQ(
      NotAppliedReason(trusted, Guest().Device(SomeDevice()), FakeFilter()),
      kApplies);
}

TEST(ReferenceDevicesTest, FailsClosedWithoutMatcherOrOnBadRule) {
  auto b =
      BlockWhen("devices { device_filter { mode: MODE_INCLUDE rule: \"x\" } }");
  ReferenceDecision d = Eval(b, Member());
  EXPECT_EQ(d.outcome, Outcome::kBlock);
  EXPECT_EQ(d.stage, Stage::kInternal);
  d = Eval(b, Member(), FakeFilter());
  EXPECT_EQ(d.stage, Stage::kInternal);
  EXPECT_EQ(d.deciding_policy_id, "p1");
}

TEST(ReferenceConditionsTest, UnsupportedConditionsReadAsMatching) {
  auto b = BlockWhen("unsupported_conditions: \"times\"");
  EXPECT_EQ(NotAppliedReason(b, Member()), kApplies);
}

TEST(ReferenceConditionsTest, FirstFailingConditionNamesTheReason) {
  // Platform and location both fail: the platform comes first (5.7 order).
  auto b = BlockWhen(
      absl::StrCat("platforms { include_platforms: DEVICE_PLATFORM_IOS } "
                   "locations { include_locations: \"",
                   kLoc1,
                   "\" } "
                   "client_app_types: CLIENT_APP_TYPE_OTHER"),
      Locations());
  EXPECT_EQ(NotAppliedReason(b, Member().Ip("8.8.8.8")),
            WhatIfReason::kDevicePlatform);
  EXPECT_EQ(
      NotAppliedReason(b, Member().Ip("8.8.8.8").OnPlatform(Platform::kIos)),
      WhatIfReason::kClientApps);
  EXPECT_EQ(NotAppliedReason(b, Member()
                                    .Ip("8.8.8.8")
                                    .OnPlatform(Platform::kIos)
                                    .Client(ClientApp::kOther)),
            WhatIfReason::kLocation);
}

}  // namespace
}  // namespace test
}  // namespace reference
}  // namespace crossgate
