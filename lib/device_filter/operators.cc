#include "lib/device_filter/operators.h"

#include <array>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_join.h"

namespace crossgate::device_filter {
namespace {

constexpr std::array<absl::string_view, kOperatorCount> kNames = {
    "-eq",       "-ne",          "-startsWith", "-notStartsWith",
    "-endsWith", "-notEndsWith", "-contains",   "-notContains",
    "-in",       "-notIn",       "-match",      "-notMatch",
};

// The hyphen is optional in every keyword (section 4.10, group doc).
absl::string_view StripHyphen(absl::string_view word) {
  if (!word.empty() && word.front() == '-') word.remove_prefix(1);
  return word;
}

}  // namespace

std::string OperatorSet::ToString() const {
  std::vector<absl::string_view> names;
  for (int i = 0; i < kOperatorCount; ++i) {
    if (contains(static_cast<Operator>(i))) names.push_back(kNames[i]);
  }
  return absl::StrJoin(names, ", ");
}

absl::string_view OperatorName(Operator op) {
  return kNames[static_cast<size_t>(op)];
}

bool IsNegative(Operator op) {
  switch (op) {
    case Operator::kNotEquals:
    case Operator::kNotStartsWith:
    case Operator::kNotEndsWith:
    case Operator::kNotContains:
    case Operator::kNotIn:
    case Operator::kNotMatch:
      return true;
    default:
      return false;
  }
}

Operator PositiveOf(Operator op) {
  switch (op) {
    case Operator::kNotEquals:
      return Operator::kEquals;
    case Operator::kNotStartsWith:
      return Operator::kStartsWith;
    case Operator::kNotEndsWith:
      return Operator::kEndsWith;
    case Operator::kNotContains:
      return Operator::kContains;
    case Operator::kNotIn:
      return Operator::kIn;
    case Operator::kNotMatch:
      return Operator::kMatch;
    default:
      return op;
  }
}

absl::optional<Operator> ParseOperator(absl::string_view word) {
  absl::string_view bare = StripHyphen(word);
  for (int i = 0; i < kOperatorCount; ++i) {
    if (absl::EqualsIgnoreCase(bare, kNames[i].substr(1))) {
      return static_cast<Operator>(i);
    }
  }
  return absl::nullopt;
}

absl::string_view UnsupportedOperatorName(absl::string_view word) {
  static constexpr absl::string_view kUnsupported[] = {
      "-not", "-any", "-all", "-le", "-ge", "-like", "-notLike"};
  absl::string_view bare = StripHyphen(word);
  for (absl::string_view name : kUnsupported) {
    if (absl::EqualsIgnoreCase(bare, name.substr(1))) return name;
  }
  return {};
}

bool IsAndWord(absl::string_view word) {
  return absl::EqualsIgnoreCase(StripHyphen(word), "and");
}

bool IsOrWord(absl::string_view word) {
  return absl::EqualsIgnoreCase(StripHyphen(word), "or");
}

}  // namespace crossgate::device_filter
