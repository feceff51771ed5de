// Every limit of LoadLimits turns oversized input into kLimitExceeded.

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gtest/gtest.h"
#include "lib/load/loader.h"
#include "tests/load/test_util.h"

namespace crossgate {
namespace {

namespace pb = ::crossgate::policy::v1;
using testing::Dump;
using testing::FindIssue;

const std::string kT = "tenants/00000000-0000-0000-0000-000000000000";

std::string Policies(int n) {
  std::vector<std::string> items;
  for (int i = 0; i < n; ++i) {
    items.push_back(absl::StrCat(R"({"id":"p)", i,
                                 R"(","state":"enabled","conditions":{}})"));
  }
  return absl::StrCat("[", absl::StrJoin(items, ","), "]");
}

void ExpectLimit(const std::string& input, const LoadOptions& options,
                 const std::string& path) {
  std::vector<LoadIssue> issues;
  auto bundle = LoadJsonText(input, options, &issues);
  ASSERT_FALSE(bundle.ok());
  EXPECT_EQ(bundle.status().code(), absl::StatusCode::kResourceExhausted)
      << bundle.status();
  EXPECT_NE(FindIssue(issues, IssueCode::kLimitExceeded, path), nullptr)
      << path << "\n"
      << Dump(issues);
}

TEST(LimitsTest, InputBytes) {
  LoadOptions o;
  o.limits.max_input_bytes = 10;
  ExpectLimit(Policies(1), o, "input");
}

TEST(LimitsTest, JsonDepth) {
  LoadOptions o;
  o.limits.max_json_depth = 3;
  ExpectLimit(R"({"a":{"b":{"c":{}}}})", o, "input");
}

TEST(LimitsTest, ObjectsPerTenant) {
  LoadOptions o;
  o.limits.max_objects_per_tenant = 2;
  ExpectLimit(Policies(3), o, kT + "/conditionalAccessPolicies");
}

TEST(LimitsTest, ListEntries) {
  LoadOptions o;
  o.limits.max_list_entries = 2;
  ExpectLimit(
      R"({"id":"p","state":"enabled","conditions":{"users":{"includeGroups":["124c5b6a-ffa5-483a-9b88-04c3fce5574a","124c5b6a-ffa5-483a-9b88-04c3fce5574b","124c5b6a-ffa5-483a-9b88-04c3fce5574c"]}}})",
      o, kT + "/conditionalAccessPolicies/p/conditions/users/includeGroups");
}

TEST(LimitsTest, StringLength) {
  LoadOptions o;
  o.limits.max_string_length = 40;
  ExpectLimit(
      R"({"id":"p","displayName":"a display name that is much longer than forty bytes","state":"enabled","conditions":{}})",
      o, kT + "/conditionalAccessPolicies/p/displayName");
}

TEST(LimitsTest, Tenants) {
  pb::PolicyBundle bundle;
  for (const char* id : {"72f988bf-86f1-41af-91ab-2d7cd011db47",
                         "9c5d131d-b1c3-4fc4-9e3f-c6557947d551",
                         "3d0f5dec-5d3d-455c-8016-e2af1ae4d31a"}) {
    bundle.add_tenants()->set_tenant_id(id);
  }
  auto bytes = SerializeBundle(bundle);
  ASSERT_TRUE(bytes.ok());
  LoadOptions o;
  o.limits.max_tenants = 2;
  std::vector<LoadIssue> issues;
  auto loaded = LoadBinaryBundle(*bytes, o, &issues);
  EXPECT_EQ(loaded.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_NE(FindIssue(issues, IssueCode::kLimitExceeded, "tenants"), nullptr)
      << Dump(issues);
  EXPECT_TRUE(LoadBinaryBundle(*bytes, LoadOptions(), nullptr).ok());
}

TEST(LimitsTest, IssueCountIsCappedButErrorsStillFail) {
  LoadOptions o;
  o.limits.max_issues = 5;
  std::vector<std::string> groups;
  for (int i = 0; i < 50; ++i) groups.push_back(absl::StrCat("\"bad", i, "\""));
  std::string input = absl::StrCat(
      R"({"id":"p","state":"enabled","conditions":{"users":{"includeGroups":[)",
      absl::StrJoin(groups, ","), "]}}}");
  std::vector<LoadIssue> issues;
  auto bundle = LoadJsonText(input, o, &issues);
  EXPECT_FALSE(bundle.ok());
  EXPECT_EQ(issues.size(), 5u);
}

TEST(LimitsTest, DefaultsMatchTheDocumentedTable) {
  LoadLimits l;
  EXPECT_EQ(l.max_input_bytes, uint64_t{64} << 20);
  EXPECT_EQ(l.max_files, 10000);
  EXPECT_EQ(l.max_tenants, 10000);
  EXPECT_EQ(l.max_objects_per_tenant, 10000);
  EXPECT_EQ(l.max_list_entries, 10000);
  EXPECT_EQ(l.max_string_length, 32768);
  EXPECT_EQ(l.max_json_depth, 32);
  EXPECT_EQ(l.max_issues, 1000);
}

}  // namespace
}  // namespace crossgate
