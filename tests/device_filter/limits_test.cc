// Limits that bound hostile input (section 4.10 / section 7: 3072
// characters; options.h: nesting depth and comparison count).

#include <string>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "lib/device_filter/device_filter.h"
#include "tests/device_filter/test_device.h"

namespace crossgate::device_filter {
namespace {

using testing::CompileError;
using testing::MustCompile;
using testing::TestDevice;

// `device.displayName -eq "` + body + `"`: 25 characters plus the body.
std::string RuleWithBody(const std::string& body) {
  return "device.displayName -eq \"" + body + "\"";
}

std::string Repeat(absl::string_view s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) absl::StrAppend(&out, s);
  return out;
}

TEST(DeviceFilterLimits, RuleLength3072IsAcceptedAnd3073Rejected) {
  const std::string ok = RuleWithBody(std::string(3047, 'a'));
  ASSERT_EQ(ok.size(), 3072u);
  EXPECT_EQ(CompileError(ok), "OK");
  const std::string too_long = RuleWithBody(std::string(3048, 'a'));
  EXPECT_EQ(CompileError(too_long),
            "offset 3073: rule is longer than 3072 characters");
  // Whitespace counts.
  EXPECT_EQ(CompileError(ok + " "),
            "offset 3073: rule is longer than 3072 characters");
}

TEST(DeviceFilterLimits, LengthCountsCharactersNotBytes) {
  // 'é' is two UTF-8 bytes but one character.
  EXPECT_EQ(CompileError(RuleWithBody(Repeat("é", 3047))), "OK");
  EXPECT_EQ(CompileError(RuleWithBody(Repeat("é", 3048))),
            "offset 3073: rule is longer than 3072 characters");
  // A character beyond the BMP counts as two UTF-16 code units, as in .NET:
  // 24 + 2 * 1524 = 3072 units before the closing quote, which is the 3073rd
  // unit and the 1549th character.
  EXPECT_EQ(CompileError(RuleWithBody(Repeat("😀", 1523) + "a")), "OK");
  EXPECT_EQ(CompileError(RuleWithBody(Repeat("😀", 1524))),
            "offset 1549: rule is longer than 3072 characters");
}

TEST(DeviceFilterLimits, CustomLength) {
  Options o;
  o.max_rule_length = 20;
  EXPECT_EQ(CompileError("device.model -eq \"x\"", o), "OK");
  EXPECT_EQ(CompileError("device.model -eq \"xy\"", o),
            "offset 21: rule is longer than 20 characters");
}

std::string Nested(int depth) {
  return std::string(depth, '(') + "device.model -eq \"x\"" +
         std::string(depth, ')');
}

TEST(DeviceFilterLimits, DepthLimit) {
  TestDevice d = TestDevice::Registered();
  d.Set(DeviceText::kModel, "X");
  EXPECT_TRUE(MustCompile(Nested(32)).Matches(d.attrs()));
  EXPECT_EQ(CompileError(Nested(33)),
            "offset 33: parentheses nested deeper than 32");
  // Depth is nesting, not the number of groups.
  std::string wide = "(device.model -eq \"x\")";
  for (int i = 0; i < 40; ++i) wide += " -or (device.model -eq \"y\")";
  EXPECT_EQ(CompileError(wide), "OK");

  Options flat;
  flat.max_depth = 0;
  EXPECT_EQ(
      CompileError("device.model -eq \"x\" -or device.model -eq \"y\"", flat),
      "OK");
  EXPECT_EQ(CompileError(Nested(1), flat),
            "offset 1: parentheses nested deeper than 0");
}

TEST(DeviceFilterLimits, HostileNestingFailsFastWithoutDeepRecursion) {
  EXPECT_EQ(CompileError(std::string(3072, '(')),
            "offset 33: parentheses nested deeper than 32");
  Options o;
  o.max_rule_length = kMaxRuleLengthLimit;
  o.max_depth = kMaxDepthLimit;
  EXPECT_EQ(CompileError(std::string(kMaxRuleLengthLimit, '('), o),
            "offset 257: parentheses nested deeper than 256");
  EXPECT_EQ(CompileError(Nested(256), o), "OK");
}

std::string Terms(int n) {
  std::string rule;
  for (int i = 0; i < n; ++i) {
    if (i > 0) rule += " -or ";
    rule += "device.model -eq \"x\"";  // 20 characters; 25 with " -or "
  }
  return rule;
}

TEST(DeviceFilterLimits, TermLimit) {
  Options o;
  o.max_rule_length = 100000;
  EXPECT_EQ(MustCompile(Terms(256), o).term_count(), 256u);
  EXPECT_EQ(CompileError(Terms(257), o),
            "offset 6401: rule has more than 256 comparisons");
  o.max_terms = 3;
  EXPECT_EQ(CompileError(Terms(4), o),
            "offset 76: rule has more than 3 comparisons");
  // At the default length no rule reaches the default term limit:
  // 3072 / 22 characters for the shortest "device.model eq \"\" or ".
  EXPECT_LT(3072 / 22, 256);
}

TEST(DeviceFilterLimits, MaximalDefaultRuleEvaluatesEveryTerm) {
  // 122 comparisons joined by -and, all true: the evaluator visits each.
  std::string rule;
  while (true) {
    std::string next = rule.empty() ? "device.model ne \"\""
                                    : rule + " and device.model ne \"\"";
    if (next.size() > 3072) break;
    rule = next;
  }
  CompiledRule compiled = MustCompile(rule);
  EXPECT_GT(compiled.term_count(), 100u);
  TestDevice d = TestDevice::Registered();
  d.Set(DeviceText::kModel, "m");
  EXPECT_TRUE(compiled.Matches(d.attrs()));
  d.Set(DeviceText::kModel, "");
  EXPECT_FALSE(compiled.Matches(d.attrs()));
}

}  // namespace
}  // namespace crossgate::device_filter
