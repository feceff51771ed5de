// CompilePolicySet: validation (issues name tenant / policy / field), id
// order, tables, and the D7 / D16 / D18 / 6.2 compile-time rules.

#include <algorithm>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/compile/builtin_strengths.h"
#include "lib/compile/compiled_tenant.h"
#include "tests/eval/ca_fixture.h"

namespace crossgate::testing {
namespace {

using ::testing::HasSubstr;

struct Compiled {
  absl::StatusOr<std::shared_ptr<const CompiledPolicySet>> set;
  std::vector<LoadIssue> issues;
};

Compiled Try(absl::string_view tenant, const CompileOptions& options = {}) {
  Compiled c;
  c.set = CompilePolicySet(TenantBundle(tenant), options, &c.issues);
  return c;
}

const LoadIssue* Find(const Compiled& c, IssueCode code) {
  for (const LoadIssue& i : c.issues) {
    if (i.code == code) return &i;
  }
  return nullptr;
}

std::string Users(absl::string_view users) {
  return Policy("p1", absl::StrCat("conditions { users { ", users,
                                   " } applications { include_applications: \"All\" } } ",
                                   kGrantMfa));
}

TEST(Compile, EmptyBundleCompiles) {
  auto set = CompilePolicySet(policy::v1::PolicyBundle(), CompileOptions(), nullptr);
  ASSERT_TRUE(set.ok());
  EXPECT_EQ((*set)->tenant_count(), 0u);
}

TEST(Compile, BundleVersionAndTenantIds) {
  Compiled c = Try(Users("include_users: \"All\""));
  ASSERT_TRUE(c.set.ok()) << c.set.status();
  const CompiledPolicySet& set = **c.set;
  EXPECT_EQ(set.bundle_version(), 7u);
  EXPECT_EQ(set.tenant_count(), 1u);
  EXPECT_EQ(set.tenant_id(0), kTenantId);
  EXPECT_EQ(set.FindTenant(G(kTenantId)), 0);
  EXPECT_EQ(set.FindTenant(G(kOtherTenantId)), -1);
}

TEST(Compile, PoliciesAreIndexedInAscendingIdOrderAcrossTenants) {
  policy::v1::PolicyBundle bundle = TenantBundle(
      Policy("b", "") + Policy("a", "", "POLICY_STATE_DISABLED") + Policy("c", ""));
  auto* second = bundle.add_tenants();
  second->set_tenant_id(kOtherTenantId);
  auto* p = second->add_conditional_access_policies();
  p->set_id("z");
  p->set_display_name("Zed");
  p->set_state(policy::v1::POLICY_STATE_ENABLED_FOR_REPORTING_BUT_NOT_ENFORCED);
  auto set = Compile(bundle);
  ASSERT_NE(set, nullptr);
  ASSERT_EQ(set->policy_count(), 4u);
  EXPECT_EQ(set->policy_id(0), "a");
  EXPECT_EQ(set->policy_id(1), "b");
  EXPECT_EQ(set->policy_id(2), "c");
  EXPECT_EQ(set->policy_id(3), "z");
  EXPECT_EQ(set->policy_display_name(3), "Zed");
  EXPECT_EQ(set->policy_mode(0), PolicyMode::kDisabled);
  EXPECT_EQ(set->policy_mode(1), PolicyMode::kEnabled);
  EXPECT_EQ(set->policy_mode(3), PolicyMode::kReportOnly);
  EXPECT_EQ(set->policy_tenant(3), 1u);
  EXPECT_EQ(set->tenant_policy_begin(1), 3u);
  EXPECT_EQ(set->tenant_policy_count(1), 1u);
  EXPECT_EQ(set->max_tenant_policies(), 3u);
  EXPECT_EQ(set->policy_id(99), "");
}

TEST(Compile, DuplicatePolicyIdIsAnError) {
  Compiled c = Try(Policy("p", "") + Policy("p", ""));
  EXPECT_FALSE(c.set.ok());
  const LoadIssue* i = Find(c, IssueCode::kDuplicateId);
  ASSERT_NE(i, nullptr);
  EXPECT_EQ(i->path, absl::StrCat("tenants/", kTenantId, "/conditionalAccessPolicies/p"));
}

TEST(Compile, DuplicateTenantIsAnError) {
  policy::v1::PolicyBundle bundle = TenantBundle("");
  bundle.add_tenants()->set_tenant_id(kTenantId);
  auto set = CompilePolicySet(bundle, CompileOptions(), nullptr);
  EXPECT_FALSE(set.ok());
}

TEST(Compile, BadTenantIdIsAnError) {
  policy::v1::PolicyBundle bundle;
  bundle.add_tenants()->set_tenant_id("contoso");
  auto set = CompilePolicySet(bundle, CompileOptions(), nullptr);
  EXPECT_FALSE(set.ok());
  EXPECT_THAT(set.status().message(), HasSubstr("tenants/contoso/tenantId"));
}

TEST(Compile, MissingStateIsAnError) {
  Compiled c = Try("conditional_access_policies { id: \"p\" }");
  EXPECT_FALSE(c.set.ok());
  EXPECT_NE(Find(c, IssueCode::kUnknownEnum), nullptr);
}

TEST(D7, NonGuidNonKeywordIdIsAnErrorWithPath) {
  Compiled c = Try(Users("include_users: \"All\" exclude_groups: \"not-a-guid!\""));
  EXPECT_FALSE(c.set.ok());
  const LoadIssue* i = Find(c, IssueCode::kBadGuid);
  ASSERT_NE(i, nullptr);
  EXPECT_EQ(i->path, absl::StrCat("tenants/", kTenantId,
                                  "/conditionalAccessPolicies/p1/conditions/users/"
                                  "excludeGroups[0]"));
  EXPECT_THAT(c.set.status().message(), HasSubstr("excludeGroups[0]"));
}

TEST(D7, PlaceholderIdIsReportedAsPlaceholder) {
  Compiled c = Try(Users("include_groups: \"<AdminGroup>\""));
  EXPECT_FALSE(c.set.ok());
  EXPECT_NE(Find(c, IssueCode::kPlaceholderId), nullptr);
}

TEST(D7, UnknownKeywordIsAWarning) {
  Compiled c = Try(Users("include_users: \"AllAgentIdUsers\""));
  ASSERT_TRUE(c.set.ok());
  const LoadIssue* i = Find(c, IssueCode::kUnknownKeyword);
  ASSERT_NE(i, nullptr);
  EXPECT_FALSE(i->is_error());
  EXPECT_THAT(i->message, HasSubstr("everything"));
}

TEST(D7, UnknownKeywordCanBeMadeAnError) {
  CompileOptions options;
  options.fail_on_unknown_keyword = true;
  Compiled c = Try(Users("include_users: \"AllAgentIdUsers\""), options);
  EXPECT_FALSE(c.set.ok());
}

TEST(D7, UnknownEnumValueIsAnError) {
  Compiled c = Try(Policy("p", absl::StrCat(AllUsersAllApps("client_app_types: 42"), kGrantMfa)));
  EXPECT_FALSE(c.set.ok());
  const LoadIssue* i = Find(c, IssueCode::kUnknownEnum);
  ASSERT_NE(i, nullptr);
  EXPECT_THAT(i->path, HasSubstr("conditions/clientAppTypes[0]"));
}

TEST(D7, UnknownGrantControlIsAnError) {
  Compiled c = Try(Policy("p", absl::StrCat(AllUsersAllApps(),
                                            "grant_controls { built_in_controls: 99 }")));
  EXPECT_FALSE(c.set.ok());
}

TEST(Section4_4, PolicyTargetsExactlyOneKindOfResource) {
  Compiled c = Try(Policy("p", absl::StrCat(
                                   "conditions { users { include_users: \"All\" } applications { "
                                   "include_applications: \"All\" include_user_actions: "
                                   "\"urn:user:registerdevice\" } } ",
                                   kGrantMfa)));
  EXPECT_FALSE(c.set.ok());
  const LoadIssue* i = Find(c, IssueCode::kInvalidCombination);
  ASSERT_NE(i, nullptr);
  EXPECT_THAT(i->path, HasSubstr("conditions/applications"));
}

TEST(Section4_8, DanglingNamedLocationIsAnErrorWhenLocationsWereExported) {
  Compiled c = Try(absl::StrCat("named_locations_exported: true ",
                                Policy("p", absl::StrCat(AllUsersAllApps(
                                                             "locations { include_locations: "
                                                             "\"eeeeeeee-0000-0000-0000-000000000009\" }"),
                                                         kGrantMfa))));
  EXPECT_FALSE(c.set.ok());
  EXPECT_NE(Find(c, IssueCode::kDanglingReference), nullptr);
}

TEST(Section4_8, UnexportedNamedLocationWarnsAndReadsFailClosed) {
  Compiled c = Try(Policy("p", absl::StrCat(
                                   AllUsersAllApps("locations { include_locations: "
                                                   "\"eeeeeeee-0000-0000-0000-000000000009\" }"),
                                   kGrantMfa)));
  ASSERT_TRUE(c.set.ok()) << c.set.status();
  const LoadIssue* i = Find(c, IssueCode::kDanglingReference);
  ASSERT_NE(i, nullptr);
  EXPECT_EQ(i->severity, LoadIssue::Severity::kWarning);
  EXPECT_THAT(i->path, HasSubstr("includeLocations[0]"));
}

TEST(Section6, UnexportedStrengthWarnsAndIsUnsatisfiable) {
  Compiled c = Try(Policy("p", absl::StrCat(AllUsersAllApps(),
                                           "grant_controls { operator: OPERATOR_OR "
                                           "authentication_strength_id: "
                                           "\"abababab-0000-0000-0000-000000000001\" }")));
  ASSERT_TRUE(c.set.ok()) << c.set.status();
  const LoadIssue* i = Find(c, IssueCode::kDanglingReference);
  ASSERT_NE(i, nullptr);
  EXPECT_EQ(i->severity, LoadIssue::Severity::kWarning);
}

TEST(Section4_8, BadCidrIsAnError) {
  Compiled c = Try("named_locations { id: \"eeeeeeee-0000-0000-0000-000000000001\" ip { "
                   "ip_ranges { cidr_address: \"10.0.0.1/33\" } } }");
  EXPECT_FALSE(c.set.ok());
  const LoadIssue* i = Find(c, IssueCode::kBadCidr);
  ASSERT_NE(i, nullptr);
  EXPECT_THAT(i->path, HasSubstr("ipRanges[0]/cidrAddress"));
}

TEST(Section4_8, BadCountryCodeIsAnError) {
  Compiled c = Try("named_locations { id: \"eeeeeeee-0000-0000-0000-000000000001\" country { "
                   "countries_and_regions: \"USA\" } }");
  EXPECT_FALSE(c.set.ok());
  EXPECT_NE(Find(c, IssueCode::kBadCountry), nullptr);
}

TEST(Section6_1, DanglingAuthenticationStrengthIsAnErrorWhenStrengthsWereExported) {
  Compiled c = Try("authentication_strengths_exported: true " + Policy("p", absl::StrCat(AllUsersAllApps(),
                                            "grant_controls { authentication_strength_id: "
                                            "\"aaaa0000-0000-0000-0000-000000000000\" }")));
  EXPECT_FALSE(c.set.ok());
  const LoadIssue* i = Find(c, IssueCode::kDanglingReference);
  ASSERT_NE(i, nullptr);
  EXPECT_THAT(i->path, HasSubstr("grantControls/authenticationStrength/id"));
}

TEST(Section4_12, MfaWithStrengthIsAWarning) {
  Compiled c = Try(Policy("p", absl::StrCat(AllUsersAllApps(),
                                            "grant_controls { operator: OPERATOR_AND "
                                            "built_in_controls: BUILT_IN_CONTROL_MFA "
                                            "authentication_strength_id: \"",
                                            kMfaStrength, "\" }")));
  ASSERT_TRUE(c.set.ok());
  const LoadIssue* i = Find(c, IssueCode::kInvalidCombination);
  ASSERT_NE(i, nullptr);
  EXPECT_FALSE(i->is_error());
}

TEST(Section4_14, ReportOnlyUserActionPolicyIsAWarning) {
  Compiled c = Try(Policy("p",
                          absl::StrCat("conditions { users { include_users: \"All\" } "
                                       "applications { include_user_actions: "
                                       "\"urn:user:registersecurityinfo\" } } ",
                                       kGrantMfa),
                          "POLICY_STATE_ENABLED_FOR_REPORTING_BUT_NOT_ENFORCED"));
  ASSERT_TRUE(c.set.ok());
  EXPECT_NE(Find(c, IssueCode::kInvalidCombination), nullptr);
}

TEST(Section4_2, UnsupportedConditionsAreWarnings) {
  Compiled c = Try(Policy("p", absl::StrCat(AllUsersAllApps("unsupported_conditions: \"agents\""),
                                            kGrantMfa)));
  ASSERT_TRUE(c.set.ok());
  const LoadIssue* i = Find(c, IssueCode::kUnsupportedFeature);
  ASSERT_NE(i, nullptr);
  EXPECT_THAT(i->message, HasSubstr("agents"));
}

TEST(Section6_2, ShippedBuiltInStrengthTable) {
  const auto& table = ShippedBuiltInStrengths();
  ASSERT_EQ(table.size(), 3u);
  EXPECT_EQ(table[0].id(), kMfaStrength);
  EXPECT_EQ(table[0].allowed_combinations_size(), 19);
  EXPECT_EQ(table[1].id(), kPasswordlessStrength);
  EXPECT_EQ(table[1].allowed_combinations_size(), 4);
  EXPECT_EQ(table[2].id(), kPhishingResistantStrength);
  EXPECT_EQ(table[2].allowed_combinations_size(), 3);
  for (const auto& s : table) {
    EXPECT_EQ(s.requirements_satisfied(),
              policy::v1::AuthenticationStrengthPolicy::REQUIREMENTS_SATISFIED_MFA);
  }
}

TEST(Section6_2, EveryTenantHasTheBuiltInStrengths) {
  Compiled c = Try("");
  ASSERT_TRUE(c.set.ok());
  const CompiledPolicySet& set = **c.set;
  ASSERT_EQ(set.strength_count(), 3u);
  EXPECT_EQ(set.strength_id(0), kMfaStrength);
  EXPECT_EQ(set.strength_display_name(2), "Phishing-resistant MFA");
}

TEST(Compile, RequirementRefsMapBackToIds) {
  Compiled c = Try(Policy("p", absl::StrCat(AllUsersAllApps(),
                                            "grant_controls { operator: OPERATOR_AND "
                                            "terms_of_use: \"F0000000-0000-0000-0000-000000000002\" "
                                            "terms_of_use: \"f0000000-0000-0000-0000-000000000001\" "
                                            "custom_authentication_factors: \"Duo\" }")));
  ASSERT_TRUE(c.set.ok());
  const CompiledPolicySet& set = **c.set;
  ASSERT_EQ(set.terms_of_use_count(), 2u);
  EXPECT_EQ(set.terms_of_use_id(0), "f0000000-0000-0000-0000-000000000001");  // id order
  EXPECT_EQ(set.terms_of_use_id(1), "f0000000-0000-0000-0000-000000000002");
  ASSERT_EQ(set.custom_control_count(), 1u);
  EXPECT_EQ(set.custom_control_id(0), "Duo");
  Requirement r;
  r.kind = RequirementKind::kTermsOfUse;
  r.ref = 1;
  EXPECT_EQ(set.RequirementId(r), "f0000000-0000-0000-0000-000000000002");
  r.kind = RequirementKind::kMfa;
  EXPECT_EQ(set.RequirementId(r), "");
}

TEST(Compile, LocationSegmentsAreSortedAndMerged) {
  Compiled c = Try(absl::StrCat(
      "named_locations { id: \"eeeeeeee-0000-0000-0000-000000000001\" ip { ",
      "ip_ranges { cidr_address: \"10.0.0.0/16\" } ip_ranges { cidr_address: \"10.1.0.0/16\" } "
      "ip_ranges { cidr_address: \"10.0.5.0/24\" } } } ",
      Policy("p", absl::StrCat(AllUsersAllApps("locations { include_locations: "
                                               "\"eeeeeeee-0000-0000-0000-000000000001\" }"),
                               kGrantMfa))));
  ASSERT_TRUE(c.set.ok());
  const CompiledTenant& t = (*c.set)->tenant(0);
  // [0, 10.0.0.0) none; [10.0.0.0, 10.2.0.0) the location (adjacent and
  // nested ranges merged); [10.2.0.0, max] none.
  ASSERT_EQ(t.locations.v4.starts.size(), 3u);
  EXPECT_TRUE(std::is_sorted(t.locations.v4.starts.begin(), t.locations.v4.starts.end()));
  EXPECT_EQ(t.locations.v4.starts[1], 0x0A000000u);
  EXPECT_EQ(t.locations.v4.starts[2], 0x0A020000u);
  EXPECT_EQ(t.locations.v4.sets[0].include, 0u);
  EXPECT_NE(t.locations.v4.sets[1].include, 0u);
}

TEST(Compile, DisabledPoliciesGetNoIndexBits) {
  Compiled c = Try(Policy("p", absl::StrCat(AllUsersAllApps(), kGrantBlock),
                          "POLICY_STATE_DISABLED"));
  ASSERT_TRUE(c.set.ok());
  const CompiledTenant& t = (*c.set)->tenant(0);
  EXPECT_EQ(t.enforced, 0u);
  EXPECT_EQ(t.shadow, 0u);
  EXPECT_EQ(t.users_all, 0u);
  EXPECT_EQ(t.block, 0u);
}

TEST(Compile, IdenticalBitsetsAreStoredOnce) {
  std::string policies;
  for (int i = 0; i < 50; ++i) {
    policies += Policy(absl::StrCat("p", i), absl::StrCat(AllUsersAllApps(), kGrantMfa));
  }
  Compiled c = Try(policies);
  ASSERT_TRUE(c.set.ok());
  const CompiledTenant& t = (*c.set)->tenant(0);
  EXPECT_LT(t.bits.size(), 10u);
}

TEST(Compile, ScratchFitsOnlyLargeEnoughSets) {
  std::string policies;
  for (int i = 0; i < 130; ++i) policies += Policy(absl::StrCat("p", i), "");
  Compiled big = Try(policies);
  Compiled small = Try(Policy("p", ""));
  ASSERT_TRUE(big.set.ok());
  ASSERT_TRUE(small.set.ok());
  EvalScratch big_scratch = (*big.set)->NewScratch();
  EvalScratch small_scratch = (*small.set)->NewScratch();
  EXPECT_TRUE(big_scratch.Fits(**small.set));
  EXPECT_FALSE(small_scratch.Fits(**big.set));
}

}  // namespace
}  // namespace crossgate::testing
