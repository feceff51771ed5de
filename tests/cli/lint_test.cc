// `crossgate lint` rule by rule on small tenant documents: each rule fires
// on the shape it names and stays quiet on the nearest shape that is fine.

#include <unistd.h>

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/cli/cli_runner.h"

namespace crossgate_cli_test {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr char kTenant[] = "11111111-1111-4111-8111-111111111111";
constexpr char kGroup[] = "22222222-2222-4222-8222-222222222222";
constexpr char kOtherGroup[] = "33333333-3333-4333-8333-333333333333";

// A policy with `conditions` (JSON members) and `grant` (builtInControls).
std::string Policy(const std::string& state, const std::string& conditions,
                   const std::string& control = "mfa") {
  return absl::StrCat(
      R"({"id": "aaaaaaaa-0000-4000-8000-000000000001", "displayName": "P1", "state": ")",
      state, R"(", "conditions": {)", conditions,
      R"(}, "grantControls": {"operator": "OR", "builtInControls": [")",
      control, R"("]}})");
}

constexpr char kAllUsersAllApps[] =
    R"("users": {"includeUsers": ["All"]}, "applications": {"includeApplications": ["All"]}, "clientAppTypes": ["all"])";

// Runs lint --json on a tenant document and returns the rules found.
std::vector<std::string> Rules(const std::string& policies,
                               const std::string& cross_tenant = "") {
  std::string doc = absl::StrCat(
      R"({"tenantId": ")", kTenant, R"(", "conditionalAccessPolicies": [)",
      policies, "]", cross_tenant.empty() ? "" : ", ", cross_tenant, "}");
  char path[] = "/tmp/crossgate_lint_XXXXXX";
  int fd = mkstemp(path);
  close(fd);
  std::string json_path = std::string(path) + ".json";
  rename(path, json_path.c_str());
  WriteFile(json_path, doc);
  RunResult r = RunCli({"lint", "--json", json_path});
  unlink(json_path.c_str());
  EXPECT_NE(r.exit_code, 1) << r.err;
  std::vector<std::string> rules;
  size_t at = 0;
  while ((at = r.out.find("\"rule\":\"", at)) != std::string::npos) {
    at += 8;
    rules.push_back(r.out.substr(at, r.out.find('"', at) - at));
  }
  EXPECT_EQ(r.exit_code, rules.empty() ? 0 : 5) << r.out;
  return rules;
}

TEST(Lint, CleanPolicyHasNoFindings) {
  EXPECT_THAT(Rules(Policy("enabled", kAllUsersAllApps)), IsEmpty());
}

TEST(Lint, NeverAppliesNoUsers) {
  EXPECT_THAT(
      Rules(Policy(
          "enabled",
          R"("users": {"includeUsers": ["None"]}, "applications": {"includeApplications": ["All"]})")),
      ElementsAre("never-applies"));
}

TEST(Lint, NeverAppliesOnlyNoneTransferMethod) {
  EXPECT_THAT(
      Rules(Policy(
          "enabled",
          absl::StrCat(
              kAllUsersAllApps,
              R"(, "authenticationFlows": {"transferMethods": "none"})"))),
      ElementsAre("never-applies"));
}

TEST(Lint, ExcludedGroupCoversIncludedGroup) {
  EXPECT_THAT(
      Rules(Policy(
          "enabled",
          absl::StrCat(
              R"("users": {"includeGroups": [")", kGroup,
              R"("], "excludeGroups": [")", kGroup,
              R"("]}, "applications": {"includeApplications": ["All"]})"))),
      ElementsAre("exclusion-covers-inclusion"));
  // Another group excluded: fine.
  EXPECT_THAT(
      Rules(Policy(
          "enabled",
          absl::StrCat(
              R"("users": {"includeGroups": [")", kGroup,
              R"("], "excludeGroups": [")", kOtherGroup,
              R"("]}, "applications": {"includeApplications": ["All"]})"))),
      IsEmpty());
}

TEST(Lint, ExcludeAllLocations) {
  EXPECT_THAT(
      Rules(Policy(
          "enabled",
          absl::StrCat(
              kAllUsersAllApps,
              R"(, "locations": {"includeLocations": ["All"], "excludeLocations": ["All"]})"))),
      ElementsAre("exclusion-covers-inclusion"));
}

TEST(Lint, PlatformsAllExcluded) {
  EXPECT_THAT(
      Rules(Policy(
          "enabled",
          absl::StrCat(
              kAllUsersAllApps,
              R"(, "platforms": {"includePlatforms": ["android", "iOS"], "excludePlatforms": ["iOS", "android"]})"))),
      ElementsAre("exclusion-covers-inclusion"));
  EXPECT_THAT(
      Rules(Policy(
          "enabled",
          absl::StrCat(
              kAllUsersAllApps,
              R"(, "platforms": {"includePlatforms": ["android", "iOS"], "excludePlatforms": ["iOS"]})"))),
      IsEmpty());
}

TEST(Lint, ReportOnlyBlockingEveryone) {
  EXPECT_THAT(Rules(Policy("enabledForReportingButNotEnforced",
                           kAllUsersAllApps, "block")),
              ElementsAre("report-only-blocks-everyone"));
  // Enabled already, or with a break-glass exclusion, or only for high
  // risk: not this rule.
  EXPECT_THAT(Rules(Policy("enabled", kAllUsersAllApps, "block")), IsEmpty());
  EXPECT_THAT(
      Rules(Policy(
          "enabledForReportingButNotEnforced",
          absl::StrCat(
              R"("users": {"includeUsers": ["All"], "excludeGroups": [")",
              kGroup,
              R"("]}, "applications": {"includeApplications": ["All"]})"),
          "block")),
      IsEmpty());
  EXPECT_THAT(Rules(Policy("enabledForReportingButNotEnforced",
                           absl::StrCat(kAllUsersAllApps,
                                        R"(, "signInRiskLevels": ["high"])"),
                           "block")),
              IsEmpty());
}

TEST(Lint, UnknownCondition) {
  EXPECT_THAT(
      Rules(Policy("enabled", absl::StrCat(kAllUsersAllApps,
                                           R"(, "times": {"allDay": true})"))),
      ElementsAre("unknown-feature"));
}

TEST(Lint, PartnerSameAsDefault) {
  const std::string partner = "44444444-4444-4444-8444-444444444444";
  const std::string with_default =
      R"("crossTenantAccessPolicy": {"default": {"inboundTrust": {"isMfaAccepted": true}}, "partners": [)";
  EXPECT_THAT(
      Rules(Policy("enabled", kAllUsersAllApps),
            absl::StrCat(with_default, R"({"tenantId": ")", partner,
                         R"(", "inboundTrust": {"isMfaAccepted": true}}]})")),
      ElementsAre("partner-same-as-default"));
  EXPECT_THAT(
      Rules(Policy("enabled", kAllUsersAllApps),
            absl::StrCat(with_default, R"({"tenantId": ")", partner,
                         R"(", "inboundTrust": {"isMfaAccepted": false}}]})")),
      IsEmpty());
  EXPECT_THAT(Rules(Policy("enabled", kAllUsersAllApps),
                    absl::StrCat(with_default, R"({"tenantId": ")", partner,
                                 R"(", "isServiceProvider": true}]})")),
              IsEmpty());
}

}  // namespace
}  // namespace crossgate_cli_test
