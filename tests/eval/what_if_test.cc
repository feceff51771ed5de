// Spec 5.7 (What-If).

#include "gtest/gtest.h"
#include "tests/eval/ca_fixture.h"

namespace crossgate::testing {
namespace {

std::string P(absl::string_view id, absl::string_view conditions,
              absl::string_view state = "POLICY_STATE_ENABLED") {
  return Policy(id, absl::StrCat("conditions { ", conditions, " } ", kGrantMfa), state);
}

constexpr char kAll[] = "users { include_users: \"All\" } applications { include_applications: \"All\" } ";

EvaluateOptions WhatIf(bool unsupplied_not_applied = false) {
  EvaluateOptions o;
  o.what_if = true;
  o.what_if_unsupplied_not_applied = unsupplied_not_applied;
  return o;
}

TEST(Section5_7, AppliesAndFirstFailingCondition) {
  Engine e(P("applies", kAll) +
           P("users", "users { include_users: \"None\" } applications { include_applications: \"All\" } "
                      "sign_in_risk_levels: RISK_LEVEL_HIGH") +
           P("app", absl::StrCat("users { include_users: \"All\" } applications { "
                                 "include_applications: \"", kOtherApp, "\" }")) +
           P("platform", absl::StrCat(kAll, "platforms { include_platforms: DEVICE_PLATFORM_IOS }")) +
           P("clientapps", absl::StrCat(kAll, "client_app_types: CLIENT_APP_TYPE_OTHER")) +
           P("risk", absl::StrCat(kAll, "sign_in_risk_levels: RISK_LEVEL_HIGH")) +
           P("userrisk", absl::StrCat(kAll, "user_risk_levels: RISK_LEVEL_HIGH")) +
           P("insider", absl::StrCat(kAll, "insider_risk_levels: INSIDER_RISK_LEVEL_MINOR")) +
           P("flow", absl::StrCat(kAll, "authentication_flows { transfer_methods: "
                                        "TRANSFER_METHOD_DEVICE_CODE_FLOW }")) +
           P("action", "users { include_users: \"All\" } applications { include_user_actions: "
                       "\"urn:user:registerdevice\" }") +
           P("context", "users { include_users: \"All\" } applications { "
                        "include_authentication_context_class_references: \"c2\" }") +
           P("disabled", kAll, "POLICY_STATE_DISABLED"));
  e.Run(MemberRequest(), WhatIf());
  EXPECT_TRUE(e.ResultOf("applies").applies);
  EXPECT_EQ(e.ResultOf("applies").reason, WhatIfReason::kNone);
  auto reason = [&](absl::string_view id) {
    return std::string(WhatIfReasonName(e.ResultOf(id).reason));
  };
  EXPECT_EQ(reason("users"), "users");  // the first failing condition only
  EXPECT_EQ(reason("app"), "application");
  EXPECT_EQ(reason("platform"), "devicePlatform");
  EXPECT_EQ(reason("clientapps"), "clientApps");
  EXPECT_EQ(reason("risk"), "signInRisk");
  EXPECT_EQ(reason("userrisk"), "userRisk");
  EXPECT_EQ(reason("insider"), "insiderRisk");
  EXPECT_EQ(reason("flow"), "authenticationFlow");
  EXPECT_EQ(reason("action"), "userActions");
  EXPECT_EQ(reason("context"), "authenticationContext");
  EXPECT_EQ(reason("disabled"), "policyNotEnabled");
  EXPECT_FALSE(e.ResultOf("disabled").applies);
}

TEST(Section5_7, LocationReason) {
  std::string tenant = absl::StrCat(
      "named_locations { id: \"eeeeeeee-0000-0000-0000-000000000001\" ip { ip_ranges { "
      "cidr_address: \"192.0.2.0/24\" } } } ",
      P("loc", absl::StrCat(kAll, "locations { include_locations: "
                                  "\"eeeeeeee-0000-0000-0000-000000000001\" }")));
  Engine e(tenant);
  Request r = MemberRequest();
  r.has_ip = true;
  r.ip = *ParseIpAddress("8.8.8.8");
  e.Run(r, WhatIf());
  EXPECT_EQ(e.ResultOf("loc").reason, WhatIfReason::kLocation);
}

TEST(Section5_7, UnsuppliedConditionMeansNotAppliedInWhatIfReading) {
  std::string tenant = absl::StrCat(
      "named_locations { id: \"eeeeeeee-0000-0000-0000-000000000001\" country { "
      "countries_and_regions: \"US\" } } ",
      P("both", absl::StrCat(kAll, "sign_in_risk_levels: RISK_LEVEL_HIGH locations { "
                                   "include_locations: \"eeeeeeee-0000-0000-0000-000000000001\" }")),
      P("platform", absl::StrCat(kAll, "platforms { include_platforms: DEVICE_PLATFORM_ALL }")),
      P("plain", kAll));
  Engine e(tenant);
  Request r = MemberRequest();
  r.platform = Platform::kUnspecified;
  e.Run(r, WhatIf(true));
  EXPECT_FALSE(e.ResultOf("both").applies);
  EXPECT_FALSE(e.ResultOf("platform").applies);
  EXPECT_EQ(e.ResultOf("platform").reason, WhatIfReason::kDevicePlatform);
  EXPECT_TRUE(e.ResultOf("plain").applies);
  // The documented example: applies only when both are supplied.
  r.sign_in_risk = RiskLevel::kHigh;
  e.Run(r, WhatIf(true));
  EXPECT_FALSE(e.ResultOf("both").applies);
  r.country[0] = 'U';
  r.country[1] = 'S';
  e.Run(r, WhatIf(true));
  EXPECT_TRUE(e.ResultOf("both").applies);
}

TEST(Section5_7, AppSetsDoNotExpandInWhatIfReading) {
  Engine e(absl::StrCat(P("o365", "users { include_users: \"All\" } applications { "
                                  "include_applications: \"Office365\" }"),
                        " app_sets { name: \"Office365\" app_ids: \"", kApp, "\" }"));
  e.Run(MemberRequest(), WhatIf(false));
  EXPECT_TRUE(e.ResultOf("o365").applies);
  e.Run(MemberRequest(), WhatIf(true));
  EXPECT_FALSE(e.ResultOf("o365").applies);
  EXPECT_EQ(e.ResultOf("o365").reason, WhatIfReason::kApplication);
}

TEST(Section5_7, ReasonsAreNotFilledOutsideWhatIf) {
  Engine e(P("risk", absl::StrCat(kAll, "sign_in_risk_levels: RISK_LEVEL_HIGH")));
  e.Run(MemberRequest());
  EXPECT_EQ(e.ResultOf("risk").reason, WhatIfReason::kNone);
  EXPECT_FALSE(e.ResultOf("risk").applies);
}

TEST(Section5_7, ReasonStringsAreGraphStrings) {
  EXPECT_EQ(WhatIfReasonName(WhatIfReason::kWorkloadIdentities), "workloadIdentities");
  EXPECT_EQ(WhatIfReasonName(WhatIfReason::kAuthenticationFlow), "authenticationFlow");
  EXPECT_EQ(WhatIfReasonName(WhatIfReason::kPolicyNotEnabled), "policyNotEnabled");
}

}  // namespace
}  // namespace crossgate::testing
