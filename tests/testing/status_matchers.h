#ifndef CROSSGATE_TESTS_TESTING_STATUS_MATCHERS_H_
#define CROSSGATE_TESTS_TESTING_STATUS_MATCHERS_H_

// gMock matchers and assertion macros for absl::Status / absl::StatusOr.
// Debian 12's Abseil (20220623) ships no absl/status/status_matchers.h, so
// these stand in for it (model: cel-cpp internal/testing.h).
//
//   EXPECT_THAT(LoadThing(), IsOk());
//   EXPECT_THAT(Parse("x"), StatusIs(absl::StatusCode::kInvalidArgument));
//   EXPECT_THAT(Parse("x"), StatusIs(absl::StatusCode::kInvalidArgument,
//                                    HasSubstr("conditions/users")));
//   ASSERT_OK_AND_ASSIGN(PolicyBundle bundle, LoadPaths(paths, {}, &issues));
//   ASSERT_OK(status);  EXPECT_OK(status);
//
// Every matcher accepts both absl::Status and absl::StatusOr<T>.

#include <ostream>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace crossgate {
namespace testing {
namespace status_internal {

inline const absl::Status& GetStatus(const absl::Status& status) {
  return status;
}
template <typename T>
const absl::Status& GetStatus(const absl::StatusOr<T>& status_or) {
  return status_or.status();
}

class IsOkMatcher {
 public:
  template <typename T>
  bool MatchAndExplain(const T& value,
                       ::testing::MatchResultListener* listener) const {
    const absl::Status& status = GetStatus(value);
    if (!status.ok()) *listener << "which is " << status;
    return status.ok();
  }
  void DescribeTo(std::ostream* os) const { *os << "is OK"; }
  void DescribeNegationTo(std::ostream* os) const { *os << "is not OK"; }
};

class StatusIsMatcher {
 public:
  StatusIsMatcher(::testing::Matcher<absl::StatusCode> code,
                  ::testing::Matcher<const std::string&> message)
      : code_(std::move(code)), message_(std::move(message)) {}

  template <typename T>
  bool MatchAndExplain(const T& value,
                       ::testing::MatchResultListener* listener) const {
    const absl::Status& status = GetStatus(value);
    *listener << "which is " << status;
    return code_.Matches(status.code()) &&
           message_.Matches(std::string(status.message()));
  }
  void DescribeTo(std::ostream* os) const {
    *os << "has a status code that ";
    code_.DescribeTo(os);
    *os << " and a message that ";
    message_.DescribeTo(os);
  }
  void DescribeNegationTo(std::ostream* os) const {
    *os << "has a status code that ";
    code_.DescribeNegationTo(os);
    *os << " or a message that ";
    message_.DescribeNegationTo(os);
  }

 private:
  ::testing::Matcher<absl::StatusCode> code_;
  ::testing::Matcher<const std::string&> message_;
};

}  // namespace status_internal

// Matches an OK absl::Status or an absl::StatusOr<T> holding a value.
inline ::testing::PolymorphicMatcher<status_internal::IsOkMatcher> IsOk() {
  return ::testing::MakePolymorphicMatcher(status_internal::IsOkMatcher());
}

// Matches a status whose code matches `code` (a value or a matcher).
template <typename CodeMatcher>
::testing::PolymorphicMatcher<status_internal::StatusIsMatcher> StatusIs(
    CodeMatcher code) {
  return ::testing::MakePolymorphicMatcher(status_internal::StatusIsMatcher(
      ::testing::MatcherCast<absl::StatusCode>(code), ::testing::_));
}

// Matches a status whose code matches `code` and message matches `message`
// (e.g. ::testing::HasSubstr("includeGroups[3]")).
template <typename CodeMatcher, typename MessageMatcher>
::testing::PolymorphicMatcher<status_internal::StatusIsMatcher> StatusIs(
    CodeMatcher code, MessageMatcher message) {
  return ::testing::MakePolymorphicMatcher(status_internal::StatusIsMatcher(
      ::testing::MatcherCast<absl::StatusCode>(code),
      ::testing::SafeMatcherCast<const std::string&>(message)));
}

}  // namespace testing
}  // namespace crossgate

#define CROSSGATE_TESTING_CONCAT_INNER_(a, b) a##b
#define CROSSGATE_TESTING_CONCAT_(a, b) CROSSGATE_TESTING_CONCAT_INNER_(a, b)

#define EXPECT_OK(expr) EXPECT_THAT((expr), ::crossgate::testing::IsOk())
#define ASSERT_OK(expr) ASSERT_THAT((expr), ::crossgate::testing::IsOk())

// Evaluates `rexpr` (an absl::StatusOr<T>), fails the test (returning from
// the current function) when it is not OK, else moves the value into `lhs`,
// which may be a declaration: ASSERT_OK_AND_ASSIGN(auto x, F());
#define ASSERT_OK_AND_ASSIGN(lhs, rexpr)        \
  CROSSGATE_TESTING_ASSERT_OK_AND_ASSIGN_IMPL_( \
      CROSSGATE_TESTING_CONCAT_(crossgate_statusor_, __LINE__), lhs, rexpr)

#define CROSSGATE_TESTING_ASSERT_OK_AND_ASSIGN_IMPL_(statusor, lhs, rexpr) \
  auto statusor = (rexpr);                                                 \
  ASSERT_TRUE(statusor.ok()) << #rexpr << ": " << statusor.status();       \
  lhs = std::move(statusor).value()

#endif  // CROSSGATE_TESTS_TESTING_STATUS_MATCHERS_H_
