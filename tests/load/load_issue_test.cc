#include "lib/load/load_issue.h"

#include <set>
#include <string>

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

TEST(IssueCollectorTest, CapsRecordedIssuesButCountsErrors) {
  IssueCollector issues(2);
  issues.Warning(IssueCode::kUnknownKeyword, "a", "w1");
  issues.Warning(IssueCode::kUnknownKeyword, "b", "w2");
  issues.Error(IssueCode::kBadGuid, "c", "dropped");
  EXPECT_EQ(issues.issues().size(), 2u);
  EXPECT_EQ(issues.dropped_count(), 1);
  EXPECT_TRUE(issues.has_errors());
  EXPECT_FALSE(issues.ToStatus().ok());
}

TEST(IssueCollectorTest, SuppressesRepeatsAtErrorPaths) {
  IssueCollector issues;
  issues.Error(IssueCode::kWrongType, "p/state", "wrong type");
  issues.SuppressRepeatsAtErrorPaths();
  issues.Error(IssueCode::kMissingField, "p/state", "repeat");
  issues.Error(IssueCode::kBadGuid, "p/other", "kept");
  EXPECT_EQ(issues.issues().size(), 2u);
  EXPECT_EQ(issues.error_count(), 2);
}

TEST(IssueCodeTest, NamesAreStableAndDistinct) {
  EXPECT_EQ(IssueCodeName(IssueCode::kUnsupportedDocument),
            "unsupported_document");
  EXPECT_EQ(IssueCodeName(IssueCode::kSkippedDocument), "skipped_document");
  EXPECT_EQ(IssueCodeName(IssueCode::kUnknownProperty), "unknown_property");
  std::set<std::string> names;
  for (int c = 0; c <= static_cast<int>(IssueCode::kUnknownProperty); ++c) {
    names.insert(std::string(IssueCodeName(static_cast<IssueCode>(c))));
  }
  EXPECT_EQ(names.size(), static_cast<size_t>(IssueCode::kUnknownProperty) + 1);
  EXPECT_EQ(names.count("unknown"), 0u);
}

}  // namespace
}  // namespace crossgate
