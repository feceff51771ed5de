// Spec 4.3 (users), D4, D7, D8.

#include "gtest/gtest.h"
#include "tests/eval/ca_fixture.h"

namespace crossgate::testing {
namespace {

std::string UsersPolicy(absl::string_view id, absl::string_view users) {
  return Policy(id, absl::StrCat("conditions { users { ", users,
                                 " } applications { include_applications: "
                                 "\"All\" } } ",
                                 kGrantMfa));
}

// For tests with direct-connect users (blocked by the service defaults
// before Conditional Access otherwise).
std::string WithDirectConnect(const std::string& policies) {
  return policies + kAllowDirectConnectByDefault;
}

TEST(Section4_3, IncludeAllMatchesEveryUser) {
  Engine e(UsersPolicy("p", "include_users: \"All\""));
  e.Run(MemberRequest());
  EXPECT_TRUE(e.Applies("p"));
}

TEST(Section4_3, IncludeNoneMatchesNobody) {
  Engine e(UsersPolicy("p", "include_users: \"None\""));
  EXPECT_EQ(e.Run(MemberRequest()).outcome, Outcome::kAllow);
  EXPECT_FALSE(e.Applies("p"));
}

TEST(Section5_2, NoUserInclusionMatchesNobody) {
  Engine e(UsersPolicy("p", "exclude_users: \"" + std::string(kOtherUser) + "\""));
  EXPECT_EQ(e.Run(MemberRequest()).outcome, Outcome::kAllow);
  EXPECT_FALSE(e.Applies("p"));
}

TEST(Section4_3, IncludeUserIdMatchesThatUserOnly) {
  Engine e(UsersPolicy("p", absl::StrCat("include_users: \"", kUser, "\"")));
  Request r = MemberRequest();
  e.Run(r);
  EXPECT_TRUE(e.Applies("p"));
  r.principal_id = G(kOtherUser);
  e.Run(r);
  EXPECT_FALSE(e.Applies("p"));
}

TEST(Section4_3, ExcludeBeatsInclude) {
  Engine e(UsersPolicy(
      "p", absl::StrCat("include_users: \"All\" exclude_users: \"", kUser,
                        "\" include_groups: \"", kGroupA, "\"")));
  Request r = MemberRequest();
  Guid groups[] = {G(kGroupA)};
  r.groups = groups;
  e.Run(r);
  EXPECT_FALSE(e.Applies("p"));
  r.principal_id = G(kOtherUser);
  e.Run(r);
  EXPECT_TRUE(e.Applies("p"));
}

TEST(Section4_3, GroupInclusionMatchesAnyOfTheUsersGroups) {
  Engine e(UsersPolicy("p", absl::StrCat("include_groups: \"", kGroupB, "\"")));
  Request r = MemberRequest();
  e.Run(r);
  EXPECT_FALSE(e.Applies("p"));
  Guid groups[] = {G(kGroupA), G(kGroupB)};
  r.groups = groups;
  e.Run(r);
  EXPECT_TRUE(e.Applies("p"));
}

TEST(Section4_3, GroupExclusionRemovesMembers) {
  Engine e(UsersPolicy("p", absl::StrCat("include_users: \"All\" exclude_groups: \"",
                                         kGroupB, "\"")));
  Request r = MemberRequest();
  Guid groups[] = {G(kGroupA), G(kGroupB)};
  r.groups = groups;
  e.Run(r);
  EXPECT_FALSE(e.Applies("p"));
}

TEST(Section4_3, ThousandsOfGroupsStillOneLookupEach) {
  Engine e(UsersPolicy("p", absl::StrCat("include_users: \"All\" exclude_groups: \"",
                                         kGroupB, "\"")));
  std::vector<Guid> groups;
  for (uint64_t i = 0; i < 3000; ++i) groups.push_back(Guid{0x1234, i});
  Request r = MemberRequest();
  r.groups = groups;
  e.Run(r);
  EXPECT_TRUE(e.Applies("p"));
  groups.push_back(G(kGroupB));
  r.groups = groups;
  e.Run(r);
  EXPECT_FALSE(e.Applies("p"));
}

TEST(Section4_3, RolesIncludeAndExclude) {
  Engine e(UsersPolicy("inc", absl::StrCat("include_roles: \"", kRoleAdmin, "\"")) +
           UsersPolicy("exc", absl::StrCat("include_users: \"All\" exclude_roles: \"",
                                           kRoleAdmin, "\"")));
  Request r = MemberRequest();
  e.Run(r);
  EXPECT_FALSE(e.Applies("inc"));
  EXPECT_TRUE(e.Applies("exc"));
  Guid roles[] = {G(kRoleAdmin)};
  r.roles = roles;
  e.Run(r);
  EXPECT_TRUE(e.Applies("inc"));
  EXPECT_FALSE(e.Applies("exc"));
}

Request Guest(uint32_t types) {
  Request r = MemberRequest();
  r.home_tenant_id = G(kHomeTenantId);
  r.external_user_types = types;
  return r;
}

TEST(Section4_3, GuestsOrExternalUsersKeywordCoversEveryExternalType) {
  Engine e(WithDirectConnect(UsersPolicy("p", "include_users: \"GuestsOrExternalUsers\"")));
  e.Run(MemberRequest());
  EXPECT_FALSE(e.Applies("p"));
  for (uint32_t t : {kInternalGuest, kB2bCollaborationGuest, kB2bCollaborationMember,
                     kB2bDirectConnectUser, kOtherExternalUser, kServiceProvider}) {
    e.Run(Guest(t));
    EXPECT_TRUE(e.Applies("p")) << t;
  }
}

TEST(Section4_3, GuestsOrExternalUsersInExcludeUsersExcludesExternals) {
  Engine e(UsersPolicy("p", "include_users: \"All\" exclude_users: \"GuestsOrExternalUsers\""));
  e.Run(MemberRequest());
  EXPECT_TRUE(e.Applies("p"));
  e.Run(Guest(kB2bCollaborationGuest));
  EXPECT_FALSE(e.Applies("p"));
}

TEST(Section4_3, GuestTypeSelectorMatchesOnlySelectedTypes) {
  Engine e(WithDirectConnect(UsersPolicy(
      "p",
      "include_guests_or_external_users { guest_or_external_user_types: "
      "GUEST_OR_EXTERNAL_USER_TYPE_B2B_COLLABORATION_GUEST "
      "guest_or_external_user_types: GUEST_OR_EXTERNAL_USER_TYPE_SERVICE_PROVIDER }")));
  e.Run(Guest(kB2bCollaborationGuest));
  EXPECT_TRUE(e.Applies("p"));
  e.Run(Guest(kB2bCollaborationMember));
  EXPECT_FALSE(e.Applies("p"));
  e.Run(Guest(kB2bDirectConnectUser));
  EXPECT_FALSE(e.Applies("p"));
  e.Run(MemberRequest());
  EXPECT_FALSE(e.Applies("p"));
}

TEST(Section4_3, PrincipalWithSeveralTypesMatchesIfAnySelected) {
  Engine e(WithDirectConnect(UsersPolicy(
      "p", "include_guests_or_external_users { guest_or_external_user_types: "
           "GUEST_OR_EXTERNAL_USER_TYPE_B2B_DIRECT_CONNECT_USER }")));
  e.Run(Guest(kB2bCollaborationGuest | kB2bDirectConnectUser));
  EXPECT_TRUE(e.Applies("p"));
}

TEST(Section4_3, GuestTypeNoneSelectsNobody) {
  Engine e(UsersPolicy("p",
                       "include_guests_or_external_users { guest_or_external_user_types: "
                       "GUEST_OR_EXTERNAL_USER_TYPE_NONE }"));
  e.Run(Guest(kB2bCollaborationGuest));
  EXPECT_FALSE(e.Applies("p"));
}

TEST(Section4_3, ExternalTenantsAllMatchesAnyHomeTenant) {
  Engine e(UsersPolicy("p",
                       "include_guests_or_external_users { guest_or_external_user_types: "
                       "GUEST_OR_EXTERNAL_USER_TYPE_B2B_COLLABORATION_GUEST "
                       "has_external_tenants: true external_tenants_membership_kind: "
                       "MEMBERSHIP_KIND_ALL }"));
  e.Run(Guest(kB2bCollaborationGuest));
  EXPECT_TRUE(e.Applies("p"));
}

std::string EnumeratedTenantsPolicy(absl::string_view side) {
  return UsersPolicy(
      "p", absl::StrCat(
               side == "include" ? "" : "include_users: \"All\" ", side,
               "_guests_or_external_users { guest_or_external_user_types: "
               "GUEST_OR_EXTERNAL_USER_TYPE_B2B_COLLABORATION_GUEST "
               "guest_or_external_user_types: GUEST_OR_EXTERNAL_USER_TYPE_INTERNAL_GUEST "
               "has_external_tenants: true external_tenants_membership_kind: "
               "MEMBERSHIP_KIND_ENUMERATED external_tenant_ids: \"",
               kHomeTenantId, "\" }"));
}

TEST(Section4_3, ExternalTenantsEnumeratedComparesHomeTenant) {
  Engine e(EnumeratedTenantsPolicy("include"));
  Request r = Guest(kB2bCollaborationGuest);
  e.Run(r);
  EXPECT_TRUE(e.Applies("p"));
  r.home_tenant_id = G(kOtherTenantId);
  e.Run(r);
  EXPECT_FALSE(e.Applies("p"));
}

TEST(Section4_3, ExternalTenantsEnumeratedInExclude) {
  Engine e(EnumeratedTenantsPolicy("exclude"));
  Request r = Guest(kB2bCollaborationGuest);
  e.Run(r);
  EXPECT_FALSE(e.Applies("p"));
  r.home_tenant_id = G(kOtherTenantId);
  e.Run(r);
  EXPECT_TRUE(e.Applies("p"));
}

TEST(D8, ExternalTenantsDoesNotFilterInternalGuest) {
  Engine e(EnumeratedTenantsPolicy("include"));
  Request r = MemberRequest();  // internal guest: home = resource tenant
  r.external_user_types = kInternalGuest;
  e.Run(r);
  EXPECT_TRUE(e.Applies("p"));
}

TEST(D8, IncludeAllCoversDirectConnectUsers) {
  Engine e(WithDirectConnect(UsersPolicy("p", "include_users: \"All\"")));
  Request r = Guest(kB2bDirectConnectUser);
  r.principal_id = Guid();  // no object in the resource tenant
  e.Run(r);
  EXPECT_TRUE(e.Applies("p"));
}

TEST(D8, OptionCanExcludeDirectConnectFromAll) {
  CompileOptions options;
  options.all_users_includes_direct_connect = false;
  Engine e(WithDirectConnect(UsersPolicy("p", "include_users: \"All\"")), options);
  e.Run(Guest(kB2bDirectConnectUser));
  EXPECT_FALSE(e.Applies("p"));
  e.Run(Guest(kB2bCollaborationGuest));
  EXPECT_TRUE(e.Applies("p"));
}

TEST(D4, ServiceProviderPartnerAddsServiceProviderType) {
  std::string tenant = absl::StrCat(
      UsersPolicy("p", "include_guests_or_external_users { guest_or_external_user_types: "
                       "GUEST_OR_EXTERNAL_USER_TYPE_SERVICE_PROVIDER }"),
      "cross_tenant_access_policy { partners { tenant_id: \"", kHomeTenantId,
      "\" is_service_provider: true } }");
  Engine e(tenant);
  Request r = Guest(kB2bCollaborationGuest);
  e.Run(r);
  EXPECT_TRUE(e.Applies("p"));
  r.home_tenant_id = G(kOtherTenantId);  // not a service-provider partner
  e.Run(r);
  EXPECT_FALSE(e.Applies("p"));
}

TEST(Section4_3, UnclassifiedExternalReadsAsOtherExternalUser) {
  Engine e(UsersPolicy("p", "include_guests_or_external_users { guest_or_external_user_types: "
                            "GUEST_OR_EXTERNAL_USER_TYPE_OTHER_EXTERNAL_USER }"));
  e.Run(Guest(0));
  EXPECT_TRUE(e.Applies("p"));
}

TEST(D7, UnknownKeywordInIncludeUsersMatchesEveryone) {
  Engine e(UsersPolicy("p", "include_users: \"AllAgentIdUsers\""));
  e.Run(MemberRequest());
  EXPECT_TRUE(e.Applies("p"));
}

TEST(D7, UnknownKeywordInExcludeUsersExcludesNobody) {
  Engine e(UsersPolicy("p", "include_users: \"All\" exclude_users: \"AllAgentIdUsers\""));
  e.Run(MemberRequest());
  EXPECT_TRUE(e.Applies("p"));
}

}  // namespace
}  // namespace crossgate::testing
