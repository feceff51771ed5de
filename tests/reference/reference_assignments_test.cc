// Spec 4.3-4.5 (users, workload identities, target resources) and D4, D7,
// D8, D18 against the reference evaluator.

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/reference/reference_test_util.h"

namespace crossgate {
namespace reference {
namespace test {
namespace {

// A policy that blocks when it applies, so "applies" shows as outcome block.
policy::v1::PolicyBundle Blocking(absl::string_view users,
                                  absl::string_view extra = "") {
  return OnePolicy(absl::StrCat("users { ", users,
                                " } applications { include_applications: "
                                "\"All\" }"),
                   kBlock, extra);
}

bool Applies(const policy::v1::PolicyBundle& b, testing::RequestBuilder r) {
  ReferenceDecision d = Eval(b, r);
  return ResultOf(d, "p1").result == PolicyResult::kFailure;
}

TEST(ReferenceUsersTest, IncludeAllMatchesMembersGuestsAndDirectConnect) {
  auto b = Blocking("include_users: \"All\"", AllowDirectConnectFromHome());
  EXPECT_TRUE(Applies(b, Member()));
  EXPECT_TRUE(Applies(b, Guest()));
  EXPECT_TRUE(Applies(b, Guest(kB2bDirectConnectUser)));  // D8
}

TEST(ReferenceUsersTest, NoneAndEmptyIncludesMatchNobody) {
  EXPECT_FALSE(Applies(Blocking("include_users: \"None\""), Member()));
  auto d = Eval(Blocking("exclude_users: \"GuestsOrExternalUsers\""), Member());
  EXPECT_EQ(ResultOf(d, "p1").result, PolicyResult::kNotApplied);
  EXPECT_EQ(ResultOf(d, "p1").reason, WhatIfReason::kUsers);
  EXPECT_EQ(d.outcome, Outcome::kAllow);
}

TEST(ReferenceUsersTest, ExcludeBeatsIncludeForUsersGroupsAndRoles) {
  auto by_user = Blocking(
      absl::StrCat("include_users: \"All\" exclude_users: \"", kAlice, "\""));
  EXPECT_FALSE(Applies(by_user, Member()));
  auto by_group = Blocking(absl::StrCat(
      "include_users: \"", kAlice, "\" exclude_groups: \"", kGroup1, "\""));
  EXPECT_TRUE(Applies(by_group, Member()));
  EXPECT_FALSE(Applies(by_group, Member().AddGroup(kGroup1)));
  auto by_role =
      Blocking(absl::StrCat("include_groups: \"", kGroup1,
                            "\" exclude_roles: \"", kGlobalAdmin, "\""));
  EXPECT_TRUE(Applies(by_role, Member().AddGroup(kGroup1)));
  EXPECT_FALSE(
      Applies(by_role, Member().AddGroup(kGroup1).AddRole(kGlobalAdmin)));
}

TEST(ReferenceUsersTest, GroupsAndRolesMatchAnyHeldId) {
  auto b = Blocking(absl::StrCat("include_groups: \"", kGroup2,
                                 "\" include_roles: \"", kGlobalAdmin, "\""));
  EXPECT_FALSE(Applies(b, Member().AddGroup(kGroup1)));
  EXPECT_TRUE(Applies(b, Member().AddGroup(kGroup1).AddGroup(kGroup2)));
  EXPECT_TRUE(Applies(b, Member().AddRole(kGlobalAdmin)));
}

TEST(ReferenceUsersTest, GuestsOrExternalUsersKeywordCoversEveryExternalType) {
  auto b = Blocking("include_users: \"GuestsOrExternalUsers\"",
                    AllowDirectConnectFromHome());
  EXPECT_FALSE(Applies(b, Member()));
  EXPECT_TRUE(Applies(b, Guest()));
  EXPECT_TRUE(Applies(b, Guest(kB2bDirectConnectUser)));
  testing::RequestBuilder internal_guest = Member();
  internal_guest.External(kResource, kInternalGuest);
  EXPECT_TRUE(Applies(b, internal_guest));
}

TEST(ReferenceUsersTest, GuestTypesMatchWhenAnyCarriedTypeIsSelected) {
  auto b = Blocking(
      "include_guests_or_external_users { guest_or_external_user_types: "
      "GUEST_OR_EXTERNAL_USER_TYPE_B2B_DIRECT_CONNECT_USER }",
      AllowDirectConnectFromHome());
  EXPECT_FALSE(Applies(b, Guest(kB2bCollaborationGuest)));
  EXPECT_TRUE(Applies(b, Guest(kB2bDirectConnectUser)));
  // 4.3: a principal may carry several types at once.
  EXPECT_TRUE(
      Applies(b, Guest(kB2bCollaborationGuest | kB2bDirectConnectUser)));
  EXPECT_FALSE(Applies(b, Member()));
}

TEST(ReferenceUsersTest, EnumeratedExternalTenantsFilterTheHomeTenant) {
  auto b = Blocking(absl::StrCat(
      "include_guests_or_external_users { guest_or_external_user_types: "
      "GUEST_OR_EXTERNAL_USER_TYPE_B2B_COLLABORATION_GUEST "
      "guest_or_external_user_types: "
      "GUEST_OR_EXTERNAL_USER_TYPE_INTERNAL_GUEST "
      "has_external_tenants: true external_tenants_membership_kind: "
      "MEMBERSHIP_KIND_ENUMERATED external_tenant_ids: \"",
      kOther, "\" }"));
  EXPECT_FALSE(Applies(b, Guest()));  // from kHome, not listed
  testing::RequestBuilder listed = Member();
  listed.External(kOther, kB2bCollaborationGuest).HomeUser(kBob);
  EXPECT_TRUE(Applies(b, listed));
  // D8: externalTenants does not filter internalGuest.
  testing::RequestBuilder internal_guest = Member();
  internal_guest.External(kResource, kInternalGuest);
  EXPECT_TRUE(Applies(b, internal_guest));
}

TEST(ReferenceUsersTest, ServiceProviderPartnerAddsTheServiceProviderType) {
  const std::string partner =
      absl::StrCat("cross_tenant_access_policy { partners { tenant_id: \"",
                   kHome, "\" is_service_provider: true } }");
  auto b = Blocking(
      "include_guests_or_external_users { guest_or_external_user_types: "
      "GUEST_OR_EXTERNAL_USER_TYPE_SERVICE_PROVIDER }",
      partner);
  EXPECT_TRUE(Applies(b, Guest()));  // D4
  auto without = Blocking(
      "include_guests_or_external_users { guest_or_external_user_types: "
      "GUEST_OR_EXTERNAL_USER_TYPE_SERVICE_PROVIDER }");
  EXPECT_FALSE(Applies(without, Guest()));
}

TEST(ReferenceUsersTest, UnknownKeywordIncludesEveryoneAndExcludesNobody) {
  // D7: e.g. a newer keyword the engine does not know.
  EXPECT_TRUE(Applies(Blocking("include_users: \"AllAgentUsers\""), Member()));
  EXPECT_TRUE(Applies(Blocking("include_users: \"All\" exclude_users: "
                               "\"AllAgentUsers\""),
                      Member()));
}

TEST(ReferenceWorkloadIdentityTest,
     ServicePrincipalsMatchOnlyWorkloadPolicies) {
  auto b = ParseBundle(absl::StrCat(
      "tenants { tenant_id: \"", kResource, "\" ",
      "conditional_access_policies { id: \"users\" state: POLICY_STATE_ENABLED "
      "conditions { users { include_users: \"All\" } applications { "
      "include_applications: \"All\" } } ",
      kBlock, " } ",
      "conditional_access_policies { id: \"workload\" state: "
      "POLICY_STATE_ENABLED "
      "conditions { client_applications { include_service_principals: "
      "\"ServicePrincipalsInMyTenant\" } applications { include_applications: "
      "\"All\" } service_principal_risk_levels: RISK_LEVEL_HIGH } ",
      kBlock, " } }"));
  testing::RequestBuilder sp;
  sp.Tenant(kResource).ServicePrincipal(kSp).App(kExchange);
  ReferenceDecision d = Eval(b, sp);
  EXPECT_EQ(ResultOf(d, "users").reason, WhatIfReason::kWorkloadIdentities);
  EXPECT_EQ(ResultOf(d, "workload").reason, WhatIfReason::kWorkloadIdentities)
      << "risk none is not high";
  EXPECT_EQ(d.outcome, Outcome::kAllow);
  sp.ServicePrincipalRisk(RiskLevel::kHigh);
  d = Eval(b, sp);
  EXPECT_EQ(d.outcome, Outcome::kBlock) << d.DebugString();
  EXPECT_EQ(d.deciding_policy_id, "workload");
  testing::RequestBuilder user = Member();
  d = Eval(b, user);
  EXPECT_EQ(ResultOf(d, "workload").reason, WhatIfReason::kUsers);
}

TEST(ReferenceResourceTest, AppIdsIncludeAndExclude) {
  auto b =
      OnePolicy(absl::StrCat("users { include_users: \"All\" } applications { "
                             "include_applications: \"All\" "
                             "exclude_applications: \"",
                             kSharePoint, "\" }"),
                kBlock);
  EXPECT_EQ(Eval(b, Member()).outcome, Outcome::kBlock);
  auto d = Eval(b, Member().App(kSharePoint));
  EXPECT_EQ(d.outcome, Outcome::kAllow);
  EXPECT_EQ(ResultOf(d, "p1").reason, WhatIfReason::kApplication);
  auto only =
      OnePolicy(absl::StrCat("users { include_users: \"All\" } applications { "
                             "include_applications: \"",
                             kCustomApp, "\" }"),
                kBlock);
  EXPECT_EQ(Eval(only, Member()).outcome, Outcome::kAllow);
  EXPECT_EQ(Eval(only, Member().App(kCustomApp)).outcome, Outcome::kBlock);
  auto none = OnePolicy(
      "users { include_users: \"All\" } applications { "
      "include_applications: \"None\" }",
      kBlock);
  EXPECT_EQ(Eval(none, Member()).outcome, Outcome::kAllow);
}

TEST(ReferenceResourceTest, AppSetsComeFromTheTenantThenTheOptions) {
  const std::string conditions =
      "users { include_users: \"All\" } applications { include_applications: "
      "\"Office365\" }";
  ReferenceOptions shipped;
  shipped.app_sets["Office365"] = {kExchange, kSharePoint};
  auto b = OnePolicy(conditions, kBlock);
  testing::RequestBuilder r = Member();
  EXPECT_EQ(Eval(b, r, shipped).outcome, Outcome::kBlock);
  EXPECT_EQ(Eval(b, r).outcome, Outcome::kAllow) << "no table: empty set";
  // D18: the tenant's own entry replaces the shipped one for that keyword.
  auto overridden =
      OnePolicy(conditions, kBlock,
                absl::StrCat("app_sets { name: \"Office365\" app_ids: \"",
                             kSharePoint, "\" }"));
  EXPECT_EQ(Eval(overridden, r, shipped).outcome, Outcome::kAllow);
  EXPECT_EQ(Eval(overridden, Member().App(kSharePoint), shipped).outcome,
            Outcome::kBlock);
}

TEST(ReferenceResourceTest, UserActionsAndAuthContextsAreSeparateTargets) {
  auto b = ParseBundle(absl::StrCat(
      "tenants { tenant_id: \"", kResource, "\" ",
      "conditional_access_policies { id: \"apps\" state: POLICY_STATE_ENABLED "
      "conditions { users { include_users: \"All\" } applications { "
      "include_applications: \"All\" } } ",
      kRequireMfa, " } ",
      "conditional_access_policies { id: \"register\" state: "
      "POLICY_STATE_ENABLED "
      "conditions { users { include_users: \"All\" } applications { "
      "include_user_actions: \"urn:user:registersecurityinfo\" } } ",
      kBlock, " } ",
      "conditional_access_policies { id: \"c3\" state: POLICY_STATE_ENABLED "
      "conditions { users { include_users: \"All\" } applications { "
      "include_authentication_context_class_references: \"c3\" } } ",
      kBlock, " } }"));
  ReferenceDecision d =
      Eval(b, Member().Action(UserAction::kRegisterSecurityInfo));
  EXPECT_EQ(d.deciding_policy_id, "register");
  EXPECT_EQ(ResultOf(d, "apps").reason, WhatIfReason::kUserActions);
  EXPECT_EQ(ResultOf(d, "c3").reason, WhatIfReason::kUserActions);
  d = Eval(b, Member().Action(UserAction::kRegisterDevice));
  EXPECT_EQ(d.outcome, Outcome::kAllow);
  d = Eval(b, Member().AuthContext(3));
  EXPECT_EQ(d.deciding_policy_id, "c3");
  d = Eval(b, Member().AuthContext(4));
  EXPECT_EQ(ResultOf(d, "c3").reason, WhatIfReason::kAuthenticationContext);
  d = Eval(b, Member());
  EXPECT_EQ(d.outcome, Outcome::kChallenge);
  EXPECT_EQ(ResultOf(d, "register").reason, WhatIfReason::kApplication);
}

TEST(ReferenceResourceTest, UnknownAppKeywordIncludesEveryApp) {
  auto b = OnePolicy(
      "users { include_users: \"All\" } applications { "
      "include_applications: \"AllAgentIdResources\" }",
      kBlock);
  EXPECT_EQ(Eval(b, Member()).outcome, Outcome::kBlock);  // D7
}

}  // namespace
}  // namespace test
}  // namespace reference
}  // namespace crossgate
