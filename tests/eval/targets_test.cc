// Spec 4.4 (target resources), 4.5 (workload identities), D7, D18.

#include "gtest/gtest.h"
#include "lib/app_sets/app_set_table.h"
#include "tests/eval/ca_fixture.h"

namespace crossgate::testing {
namespace {

std::string AppsPolicy(absl::string_view id, absl::string_view apps) {
  return Policy(id, absl::StrCat("conditions { users { include_users: \"All\" } "
                                 "applications { ", apps, " } } ", kGrantMfa));
}

TEST(Section4_4, IncludeAllMatchesEveryApp) {
  Engine e(AppsPolicy("p", "include_applications: \"All\""));
  e.Run(MemberRequest());
  EXPECT_TRUE(e.Applies("p"));
}

TEST(Section4_4, IncludeNoneMatchesNoApp) {
  Engine e(AppsPolicy("p", "include_applications: \"None\""));
  e.Run(MemberRequest());
  EXPECT_FALSE(e.Applies("p"));
}

TEST(Section5_2, NoApplicationRuleMatchesNothing) {
  Engine e(Policy("p", absl::StrCat("conditions { users { include_users: \"All\" } } ",
                                    kGrantMfa)));
  EXPECT_EQ(e.Run(MemberRequest()).outcome, Outcome::kAllow);
  EXPECT_FALSE(e.Applies("p"));
}

TEST(Section4_4, AppIdIncludeAndExclude) {
  Engine e(AppsPolicy("inc", absl::StrCat("include_applications: \"", kApp, "\"")) +
           AppsPolicy("exc", absl::StrCat("include_applications: \"All\" "
                                          "exclude_applications: \"", kApp, "\"")));
  Request r = MemberRequest();
  e.Run(r);
  EXPECT_TRUE(e.Applies("inc"));
  EXPECT_FALSE(e.Applies("exc"));
  r.application_id = G(kOtherApp);
  e.Run(r);
  EXPECT_FALSE(e.Applies("inc"));
  EXPECT_TRUE(e.Applies("exc"));
}

std::string WithOffice365Set(const std::string& policies) {
  return absl::StrCat(policies, " app_sets { name: \"Office365\" app_ids: \"", kApp,
                      "\" }");
}

TEST(D18, Office365ExpandsThroughTenantAppSet) {
  Engine e(WithOffice365Set(AppsPolicy("p", "include_applications: \"Office365\"")));
  Request r = MemberRequest();
  e.Run(r);
  EXPECT_TRUE(e.Applies("p"));
  r.application_id = G(kOtherApp);
  e.Run(r);
  EXPECT_FALSE(e.Applies("p"));
}

TEST(D18, AppSetInExcludeRemovesItsApps) {
  Engine e(WithOffice365Set(AppsPolicy(
      "p", "include_applications: \"All\" exclude_applications: \"Office365\"")));
  Request r = MemberRequest();
  e.Run(r);
  EXPECT_FALSE(e.Applies("p"));
  r.application_id = G(kOtherApp);
  e.Run(r);
  EXPECT_TRUE(e.Applies("p"));
}

TEST(D18, ShippedTableExpandsAppSetsNotOverriddenByTheTenant) {
  absl::Span<const Guid> portals =
      AppSetTable::Default().Members(AppSetId::kMicrosoftAdminPortals);
  ASSERT_FALSE(portals.empty());
  Engine e(AppsPolicy("inc", "include_applications: \"MicrosoftAdminPortals\"") +
           AppsPolicy("exc", "include_applications: \"All\" "
                             "exclude_applications: \"MicrosoftAdminPortals\""));
  Request r = MemberRequest();
  e.Run(r);
  EXPECT_FALSE(e.Applies("inc"));
  EXPECT_TRUE(e.Applies("exc"));
  r.application_id = portals[0];
  e.Run(r);
  EXPECT_TRUE(e.Applies("inc"));
  EXPECT_FALSE(e.Applies("exc"));
}

TEST(D18, AllMicrosoftAppsCoversOffice365) {
  absl::Span<const Guid> office = AppSetTable::Default().Members(AppSetId::kOffice365);
  ASSERT_FALSE(office.empty());
  Engine e(AppsPolicy("p", "include_applications: \"AllMicrosoftApps\""));
  Request r = MemberRequest();
  r.application_id = office[0];
  e.Run(r);
  EXPECT_TRUE(e.Applies("p"));
}

TEST(D7, UnknownKeywordInIncludeApplicationsMatchesEveryApp) {
  Engine e(AppsPolicy("p", "include_applications: \"AllAgentIdResources\""));
  e.Run(MemberRequest());
  EXPECT_TRUE(e.Applies("p"));
}

TEST(D7, UnknownKeywordInExcludeApplicationsExcludesNothing) {
  Engine e(AppsPolicy("p", "include_applications: \"All\" "
                           "exclude_applications: \"AllAgentIdResources\""));
  e.Run(MemberRequest());
  EXPECT_TRUE(e.Applies("p"));
}

TEST(Section4_4, UserActionPolicyMatchesOnlyThatAction) {
  Engine e(AppsPolicy("p", "include_user_actions: \"urn:user:registersecurityinfo\""));
  Request r = MemberRequest();
  e.Run(r);
  EXPECT_FALSE(e.Applies("p"));  // an app request
  r.target_kind = TargetKind::kUserAction;
  r.user_action = UserAction::kRegisterSecurityInfo;
  e.Run(r);
  EXPECT_TRUE(e.Applies("p"));
  r.user_action = UserAction::kRegisterDevice;
  e.Run(r);
  EXPECT_FALSE(e.Applies("p"));
}

TEST(Section4_4, AllAppsPolicyDoesNotMatchUserActions) {
  Engine e(AppsPolicy("p", "include_applications: \"All\""));
  Request r = MemberRequest();
  r.target_kind = TargetKind::kUserAction;
  r.user_action = UserAction::kRegisterDevice;
  e.Run(r);
  EXPECT_FALSE(e.Applies("p"));
}

TEST(Section4_4, AuthenticationContextPolicyMatchesItsClassReferences) {
  Engine e(AppsPolicy("p", "include_authentication_context_class_references: \"c1\" "
                           "include_authentication_context_class_references: \"c37\""));
  Request r = MemberRequest();
  r.target_kind = TargetKind::kAuthenticationContext;
  r.authentication_context = 37;
  e.Run(r);
  EXPECT_TRUE(e.Applies("p"));
  r.authentication_context = 2;
  e.Run(r);
  EXPECT_FALSE(e.Applies("p"));
  e.Run(MemberRequest());
  EXPECT_FALSE(e.Applies("p"));
}

TEST(Section4_4, ApplicationFilterIncludeReadsAsEveryApp) {
  Engine e(AppsPolicy("p", absl::StrCat("include_applications: \"", kOtherApp,
                                        "\" application_filter { mode: MODE_INCLUDE "
                                        "rule: \"CustomSecurityAttribute.Set_Attr "
                                        "-contains \\\"x\\\"\" }")));
  e.Run(MemberRequest());
  EXPECT_TRUE(e.Applies("p"));
}

TEST(Section4_4, ApplicationFilterExcludeRemovesNothing) {
  Engine e(AppsPolicy("p", "include_applications: \"All\" application_filter { "
                           "mode: MODE_EXCLUDE rule: \"CustomSecurityAttribute.Set_Attr "
                           "-contains \\\"x\\\"\" }"));
  e.Run(MemberRequest());
  EXPECT_TRUE(e.Applies("p"));
}

std::string WorkloadPolicy(absl::string_view id, absl::string_view sps,
                           absl::string_view grant = kGrantBlock) {
  return Policy(id, absl::StrCat("conditions { users { include_users: \"None\" } "
                                 "client_applications { ", sps, " } applications { "
                                 "include_applications: \"All\" } } ", grant));
}

Request ServicePrincipalRequest() {
  Request r = MemberRequest();
  r.principal_kind = PrincipalKind::kServicePrincipal;
  r.principal_id = G(kSp);
  r.client_app = ClientApp::kUnspecified;
  r.platform = Platform::kUnspecified;
  return r;
}

TEST(Section4_5, ServicePrincipalsInMyTenantMatchesWorkloadIdentities) {
  Engine e(WorkloadPolicy("p", "include_service_principals: \"ServicePrincipalsInMyTenant\""));
  EXPECT_EQ(e.Run(ServicePrincipalRequest()).outcome, Outcome::kBlock);
  EXPECT_TRUE(e.Applies("p"));
  e.Run(MemberRequest());
  EXPECT_FALSE(e.Applies("p"));  // users are not workload identities
}

TEST(Section4_5, ServicePrincipalIdIncludeAndExclude) {
  Engine e(WorkloadPolicy("inc", absl::StrCat("include_service_principals: \"", kSp, "\"")) +
           WorkloadPolicy("exc", absl::StrCat("include_service_principals: "
                                              "\"ServicePrincipalsInMyTenant\" "
                                              "exclude_service_principals: \"", kSp, "\"")));
  e.Run(ServicePrincipalRequest());
  EXPECT_TRUE(e.Applies("inc"));
  EXPECT_FALSE(e.Applies("exc"));
}

TEST(Section4_5, UserPoliciesDoNotApplyToServicePrincipals) {
  Engine e(AppsPolicy("p", "include_applications: \"All\""));
  e.Run(ServicePrincipalRequest());
  EXPECT_FALSE(e.Applies("p"));
}

TEST(Section4_5, WorkloadIdentityCannotSatisfyInteractiveGrants) {
  Engine e(WorkloadPolicy("p", "include_service_principals: \"ServicePrincipalsInMyTenant\"",
                          kGrantMfa));
  EXPECT_EQ(e.Run(ServicePrincipalRequest()).outcome, Outcome::kBlock);
  EXPECT_EQ(e.ReasonText(), "workloadIdentityCannotSatisfyGrant");
}

TEST(Section4_9, ServicePrincipalRiskAppliesToWorkloadIdentities) {
  Engine e(Policy("p", absl::StrCat(
                           "conditions { users { include_users: \"None\" } "
                           "client_applications { include_service_principals: "
                           "\"ServicePrincipalsInMyTenant\" } applications { "
                           "include_applications: \"All\" } "
                           "service_principal_risk_levels: RISK_LEVEL_HIGH } ",
                           kGrantBlock)));
  Request r = ServicePrincipalRequest();
  e.Run(r);
  EXPECT_FALSE(e.Applies("p"));
  r.service_principal_risk = RiskLevel::kHigh;
  e.Run(r);
  EXPECT_TRUE(e.Applies("p"));
}

}  // namespace
}  // namespace crossgate::testing
