#include "lib/load/load_issue.h"

#include "gtest/gtest.h"

namespace crossgate {
namespace {

TEST(IssueCollectorTest, NoIssuesIsOk) {
  IssueCollector issues;
  EXPECT_TRUE(issues.ToStatus().ok());
  EXPECT_FALSE(issues.has_errors());
}

TEST(IssueCollectorTest, WarningsDoNotFailTheLoad) {
  IssueCollector issues;
  issues.Warning(IssueCode::kUnsupportedFeature, "tenants/t/x", "later");
  EXPECT_TRUE(issues.ToStatus().ok());
  ASSERT_EQ(issues.issues().size(), 1u);
}

TEST(IssueCollectorTest, FirstErrorNamesItsPath) {
  IssueCollector issues;
  issues.Warning(IssueCode::kUnknownKeyword, "a", "w");
  issues.Error(IssueCode::kBadGuid, "tenants/t/p/includeUsers[2]", "bad");
  issues.Error(IssueCode::kBadCidr, "b", "second");
  absl::Status status = issues.ToStatus();
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(status.message(), "tenants/t/p/includeUsers[2]: bad");
  EXPECT_EQ(issues.issues()[1].ToString(),
            "error bad_guid tenants/t/p/includeUsers[2]: bad");
}

TEST(IssueCollectorTest, LimitErrorsAreResourceExhausted) {
  IssueCollector issues;
  issues.Error(IssueCode::kLimitExceeded, "tenants", "too many");
  EXPECT_EQ(issues.ToStatus().code(), absl::StatusCode::kResourceExhausted);
}

}  // namespace
}  // namespace crossgate
