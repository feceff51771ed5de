// Spec 4.6 (client apps), 4.7 (platforms), 4.9 (risk), 4.11 (flows), D15.

#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "tests/eval/ca_fixture.h"

namespace crossgate::testing {
namespace {

std::string With(absl::string_view extra) {
  return Policy("p", absl::StrCat(AllUsersAllApps(extra), kGrantMfa));
}

TEST(Section4_6, AbsentClientAppTypesMeansAll) {
  Engine e(With(""));
  Request r = MemberRequest();
  for (ClientApp c : {ClientApp::kBrowser, ClientApp::kMobileAppsAndDesktopClients,
                      ClientApp::kExchangeActiveSync, ClientApp::kOther,
                      ClientApp::kUnspecified}) {
    r.client_app = c;
    e.Run(r);
    EXPECT_TRUE(e.Applies("p")) << static_cast<int>(c);
  }
}

TEST(Section4_6, ClientAppTypeAllMeansAll) {
  Engine e(With("client_app_types: CLIENT_APP_TYPE_ALL"));
  Request r = MemberRequest();
  r.client_app = ClientApp::kOther;
  e.Run(r);
  EXPECT_TRUE(e.Applies("p"));
}

TEST(Section4_6, ListedClientAppTypesMatchOnlyThose) {
  Engine e(With("client_app_types: CLIENT_APP_TYPE_EXCHANGE_ACTIVE_SYNC "
                "client_app_types: CLIENT_APP_TYPE_OTHER"));
  Request r = MemberRequest();
  e.Run(r);
  EXPECT_FALSE(e.Applies("p"));
  r.client_app = ClientApp::kExchangeActiveSync;
  e.Run(r);
  EXPECT_TRUE(e.Applies("p"));
  r.client_app = ClientApp::kOther;
  e.Run(r);
  EXPECT_TRUE(e.Applies("p"));
}

TEST(Section4_6, EasSupportedMatchesExchangeActiveSync) {
  Engine e(With("client_app_types: CLIENT_APP_TYPE_EAS_SUPPORTED"));
  Request r = MemberRequest();
  r.client_app = ClientApp::kExchangeActiveSync;
  e.Run(r);
  EXPECT_TRUE(e.Applies("p"));
}

TEST(Section4_6, UnsuppliedClientAppIsInScopeOfEveryClientAppCondition) {
  Engine e(With("client_app_types: CLIENT_APP_TYPE_BROWSER"));
  Request r = MemberRequest();
  r.client_app = ClientApp::kUnspecified;
  e.Run(r);
  EXPECT_TRUE(e.Applies("p"));
}

std::string Platforms(absl::string_view include, absl::string_view exclude = "") {
  std::string body = "platforms {";
  for (absl::string_view p : absl::StrSplit(include, ',', absl::SkipEmpty())) {
    absl::StrAppend(&body, " include_platforms: DEVICE_PLATFORM_", p);
  }
  for (absl::string_view p : absl::StrSplit(exclude, ',', absl::SkipEmpty())) {
    absl::StrAppend(&body, " exclude_platforms: DEVICE_PLATFORM_", p);
  }
  return body + " }";
}

TEST(Section4_7, AbsentPlatformsMeansAll) {
  Engine e(With(""));
  Request r = MemberRequest();
  r.platform = Platform::kUnknown;
  e.Run(r);
  EXPECT_TRUE(e.Applies("p"));
}

TEST(Section4_7, IncludedPlatformsMatchOnlyThose) {
  Engine e(With(Platforms("IOS,ANDROID")));
  Request r = MemberRequest();
  e.Run(r);
  EXPECT_FALSE(e.Applies("p"));
  r.platform = Platform::kAndroid;
  e.Run(r);
  EXPECT_TRUE(e.Applies("p"));
}

TEST(Section4_7, AllExcludingSupportedPlatforms) {
  Engine e(With(Platforms("ALL", "WINDOWS,IOS,ANDROID,MACOS")));
  Request r = MemberRequest();
  e.Run(r);
  EXPECT_FALSE(e.Applies("p"));
  r.platform = Platform::kLinux;
  e.Run(r);
  EXPECT_TRUE(e.Applies("p"));
}

TEST(Section4_7, UnknownPlatformMatchesAllOnly) {
  Engine e(With(Platforms("ALL", "WINDOWS")) +
           Policy("q", absl::StrCat(AllUsersAllApps(Platforms(
                                        "WINDOWS,IOS,ANDROID,MACOS,LINUX,WINDOWS_PHONE")),
                                    kGrantMfa)));
  Request r = MemberRequest();
  r.platform = Platform::kUnknown;
  e.Run(r);
  EXPECT_TRUE(e.Applies("p"));
  EXPECT_FALSE(e.Applies("q"));
}

TEST(Section4_7, UnknownPlatformIsNeverExcluded) {
  Engine e(With(Platforms("ALL", "ALL")));
  Request r = MemberRequest();
  r.platform = Platform::kUnknown;
  e.Run(r);
  EXPECT_TRUE(e.Applies("p"));
  r.platform = Platform::kWindows;
  e.Run(r);
  EXPECT_FALSE(e.Applies("p"));
}

TEST(Section4_7, UnsuppliedPlatformIsInScopeOfEveryInclude) {
  Engine e(With(Platforms("IOS", "WINDOWS")));
  Request r = MemberRequest();
  r.platform = Platform::kUnspecified;
  e.Run(r);
  EXPECT_TRUE(e.Applies("p"));
}

TEST(D15, EmptyIncludePlatformsIsNotConfigured) {
  Engine e(With("platforms { exclude_platforms: DEVICE_PLATFORM_WINDOWS }"));
  e.Run(MemberRequest());  // Windows
  EXPECT_TRUE(e.Applies("p"));
}

TEST(Section4_9, SignInRiskMatchesListedLevels) {
  Engine e(With("sign_in_risk_levels: RISK_LEVEL_HIGH sign_in_risk_levels: RISK_LEVEL_MEDIUM"));
  Request r = MemberRequest();
  e.Run(r);
  EXPECT_FALSE(e.Applies("p"));
  r.sign_in_risk = RiskLevel::kMedium;
  e.Run(r);
  EXPECT_TRUE(e.Applies("p"));
  r.sign_in_risk = RiskLevel::kLow;
  e.Run(r);
  EXPECT_FALSE(e.Applies("p"));
}

TEST(Section4_9, UserRiskMatchesListedLevels) {
  Engine e(With("user_risk_levels: RISK_LEVEL_HIGH"));
  Request r = MemberRequest();
  r.user_risk = RiskLevel::kHigh;
  e.Run(r);
  EXPECT_TRUE(e.Applies("p"));
  r.user_risk = RiskLevel::kHidden;
  e.Run(r);
  EXPECT_FALSE(e.Applies("p"));
}

TEST(Section4_9, UnsuppliedRiskReadsAsNone) {
  Engine e(With("sign_in_risk_levels: RISK_LEVEL_NONE"));
  Request r = MemberRequest();
  e.Run(r);
  EXPECT_TRUE(e.Applies("p"));
  r.sign_in_risk = RiskLevel::kLow;
  e.Run(r);
  EXPECT_FALSE(e.Applies("p"));
}

TEST(Section4_9, HiddenRiskLevel) {
  Engine e(With("sign_in_risk_levels: RISK_LEVEL_HIDDEN"));
  Request r = MemberRequest();
  r.sign_in_risk = RiskLevel::kHidden;
  e.Run(r);
  EXPECT_TRUE(e.Applies("p"));
}

TEST(Section4_9, InsiderRiskMatchesListedLevels) {
  Engine e(With("insider_risk_levels: INSIDER_RISK_LEVEL_ELEVATED"));
  Request r = MemberRequest();
  e.Run(r);
  EXPECT_FALSE(e.Applies("p"));  // no insider-risk signal
  r.insider_risk = InsiderRisk::kModerate;
  e.Run(r);
  EXPECT_FALSE(e.Applies("p"));
  r.insider_risk = InsiderRisk::kElevated;
  e.Run(r);
  EXPECT_TRUE(e.Applies("p"));
}

TEST(D15, EmptyInsiderRiskLevelsIsNotConfigured) {
  Engine e(With(""));
  Request r = MemberRequest();
  r.insider_risk = InsiderRisk::kMinor;
  e.Run(r);
  EXPECT_TRUE(e.Applies("p"));
}

TEST(Section4_11, TransferMethodsMatchTheRequestFlow) {
  Engine e(With("authentication_flows { transfer_methods: TRANSFER_METHOD_DEVICE_CODE_FLOW }"));
  Request r = MemberRequest();
  e.Run(r);
  EXPECT_FALSE(e.Applies("p"));  // an ordinary sign-in
  r.authentication_flow = AuthenticationFlow::kDeviceCodeFlow;
  e.Run(r);
  EXPECT_TRUE(e.Applies("p"));
  r.authentication_flow = AuthenticationFlow::kAuthenticationTransfer;
  e.Run(r);
  EXPECT_FALSE(e.Applies("p"));
}

TEST(D15, TransferMethodNoneMatchesNoRequest) {
  Engine e(With("authentication_flows { transfer_methods: TRANSFER_METHOD_NONE }"));
  Request r = MemberRequest();
  for (AuthenticationFlow f : {AuthenticationFlow::kUnspecified,
                               AuthenticationFlow::kDeviceCodeFlow,
                               AuthenticationFlow::kAuthenticationTransfer}) {
    r.authentication_flow = f;
    e.Run(r);
    EXPECT_FALSE(e.Applies("p"));
  }
}

TEST(D15, EmptyTransferMethodsIsNotConfigured) {
  Engine e(With("authentication_flows { }"));
  Request r = MemberRequest();
  r.authentication_flow = AuthenticationFlow::kDeviceCodeFlow;
  e.Run(r);
  EXPECT_TRUE(e.Applies("p"));
}

TEST(Section5_2, AllConfiguredConditionsAreAnded) {
  Engine e(With("sign_in_risk_levels: RISK_LEVEL_HIGH client_app_types: "
                "CLIENT_APP_TYPE_BROWSER " + Platforms("WINDOWS")));
  Request r = MemberRequest();
  r.sign_in_risk = RiskLevel::kHigh;
  e.Run(r);
  EXPECT_TRUE(e.Applies("p"));
  r.platform = Platform::kIos;
  e.Run(r);
  EXPECT_FALSE(e.Applies("p"));
}

TEST(Section4_2, UnsupportedConditionsAreReadAsMatching) {
  Engine e(With("unsupported_conditions: \"times\""));
  e.Run(MemberRequest());
  EXPECT_TRUE(e.Applies("p"));
}

}  // namespace
}  // namespace crossgate::testing
