// The example tenant documents (examples/policies) load with the Graph JSON
// loader without a single issue, and hold what examples/policies/README.md
// says they hold.

#include <map>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "lib/load/loader.h"

namespace crossgate {
namespace {

namespace pb = ::crossgate::policy::v1;

struct Counts {
  int policies, enabled, report_only, disabled, locations, strengths, partners;
};

TEST(ExampleTenantsTest, LoadWithoutIssues) {
  std::string dir = std::string(CROSSGATE_SOURCE_DIR) + "/examples/policies/";
  std::vector<LoadIssue> issues;
  auto bundle = LoadPaths(
      {dir + "contoso.json", dir + "fabrikam.json", dir + "northwind.json"},
      LoadOptions(), &issues);
  for (const LoadIssue& issue : issues) ADD_FAILURE() << issue.ToString();
  ASSERT_TRUE(bundle.ok()) << bundle.status();
  ASSERT_EQ(bundle->tenants_size(), 3);

  const std::map<std::string, Counts> expected = {
      {"26df84dc-8579-5daa-b6a2-459e1120abd7",
       {38, 31, 6, 1, 6, 1, 5}},  // Contoso
      {"219f69be-e8d7-5edf-a220-078f91bdaa42",
       {3, 2, 1, 0, 0, 0, 1}},  // Fabrikam
      {"4468c3c6-933e-55a3-b192-874c458eecb2",
       {3, 3, 0, 0, 0, 0, 1}},  // Northwind
  };
  for (const pb::TenantPolicies& tenant : bundle->tenants()) {
    auto it = expected.find(tenant.tenant_id());
    ASSERT_NE(it, expected.end()) << tenant.tenant_id();
    const Counts& want = it->second;
    Counts got{tenant.conditional_access_policies_size(),
               0,
               0,
               0,
               tenant.named_locations_size(),
               tenant.authentication_strength_policies_size(),
               tenant.cross_tenant_access_policy().partners_size()};
    for (const auto& policy : tenant.conditional_access_policies()) {
      switch (policy.state()) {
        case pb::POLICY_STATE_ENABLED:
          ++got.enabled;
          break;
        case pb::POLICY_STATE_ENABLED_FOR_REPORTING_BUT_NOT_ENFORCED:
          ++got.report_only;
          break;
        case pb::POLICY_STATE_DISABLED:
          ++got.disabled;
          break;
        default:
          ADD_FAILURE() << policy.display_name() << ": no state";
      }
    }
    SCOPED_TRACE(tenant.tenant_id());
    EXPECT_EQ(got.policies, want.policies);
    EXPECT_EQ(got.enabled, want.enabled);
    EXPECT_EQ(got.report_only, want.report_only);
    EXPECT_EQ(got.disabled, want.disabled);
    EXPECT_EQ(got.locations, want.locations);
    EXPECT_EQ(got.strengths, want.strengths);
    EXPECT_EQ(got.partners, want.partners);
  }
}

}  // namespace
}  // namespace crossgate
