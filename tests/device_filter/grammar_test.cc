// Grammar of the rule language (entra-semantics.md section 4.10 "Grammar"):
// precedence, parentheses, keyword spellings, values and escapes.

#include <string>

#include "gtest/gtest.h"
#include "lib/device_filter/device_filter.h"
#include "tests/device_filter/test_device.h"

namespace crossgate::device_filter {
namespace {

using testing::Eval;
using testing::MustCompile;
using testing::TestDevice;

// A = model "a", B = manufacturer "b", C = operatingSystem "c".
TestDevice Abc(bool a, bool b, bool c) {
  TestDevice d = TestDevice::Registered();
  d.Set(DeviceText::kModel, a ? "a" : "-");
  d.Set(DeviceText::kManufacturer, b ? "b" : "-");
  d.Set(DeviceText::kOperatingSystem, c ? "c" : "-");
  return d;
}

constexpr char kA[] = "device.model -eq \"a\"";
constexpr char kB[] = "device.manufacturer -eq \"b\"";
constexpr char kC[] = "device.operatingSystem -eq \"c\"";

std::string Join(const std::string& a, const char* op, const std::string& b) {
  return a + " " + op + " " + b;
}

// Checks `rule` against `expected(a, b, c)` for all eight devices.
template <typename F>
void CheckTruthTable(const std::string& rule, F expected) {
  CompiledRule compiled = MustCompile(rule);
  for (int bits = 0; bits < 8; ++bits) {
    bool a = bits & 1, b = bits & 2, c = bits & 4;
    TestDevice d = Abc(a, b, c);
    EXPECT_EQ(compiled.Matches(d.attrs()), expected(a, b, c))
        << rule << " with a=" << a << " b=" << b << " c=" << c;
  }
}

TEST(DeviceFilterGrammar, AndBindsTighterThanOr) {
  CheckTruthTable(Join(Join(kA, "-or", kB), "-and", kC),
                  [](bool a, bool b, bool c) { return a || (b && c); });
  CheckTruthTable(Join(Join(kA, "-and", kB), "-or", kC),
                  [](bool a, bool b, bool c) { return (a && b) || c; });
}

TEST(DeviceFilterGrammar, ParenthesesOverridePrecedence) {
  CheckTruthTable("(" + Join(kA, "-or", kB) + ") -and " + kC,
                  [](bool a, bool b, bool c) { return (a || b) && c; });
  CheckTruthTable(std::string(kA) + " -and (" + Join(kB, "-or", kC) + ")",
                  [](bool a, bool b, bool c) { return a && (b || c); });
  CheckTruthTable(
      "((" + std::string(kA) + ")) -and (((" + Join(kB, "-or", kC) + ")))",
      [](bool a, bool b, bool c) { return a && (b || c); });
  CheckTruthTable("(" + std::string(kA) + ")",
                  [](bool a, bool, bool) { return a; });
}

TEST(DeviceFilterGrammar, LongChainsShortCircuitCorrectly) {
  CheckTruthTable(Join(Join(kA, "-and", kB), "-and", kC),
                  [](bool a, bool b, bool c) { return a && b && c; });
  CheckTruthTable(Join(Join(kA, "-or", kB), "-or", kC),
                  [](bool a, bool b, bool c) { return a || b || c; });
  CheckTruthTable(
      "(" + Join(kA, "-or", kB) + ") -and (" + Join(kB, "-or", kC) + ")",
      [](bool a, bool b, bool c) { return (a || b) && (b || c); });
}

// The lowered program is jumping code in source order (compiler.h).
TEST(DeviceFilterGrammar, ProgramShape) {
  EXPECT_EQ(MustCompile(Join(Join(kA, "-or", kB), "-and", kC)).DebugString(),
            "0: text[6] equals \"a\" ? accept : 1\n"
            "1: text[4] equals \"b\" ? 2 : reject\n"
            "2: text[7] equals \"c\" ? accept : reject\n");
  EXPECT_EQ(MustCompile("(device.model -ne \"A\" -or device.isCompliant -eq "
                        "true) -and device.physicalIds -contains \"Z\"")
                .DebugString(),
            "0: text[6] not_equals \"a\" ? 2 : 1\n"
            "1: bool bool_equals true ? 2 : reject\n"
            "2: list[0] equals \"z\" ? accept : reject\n");
}

TEST(DeviceFilterGrammar, KeywordsAreCaseInsensitiveAndHyphenOptional) {
  TestDevice d = Abc(true, true, false);
  EXPECT_TRUE(
      Eval("device.model eq \"A\" and device.manufacturer EQ \"b\"", d));
  EXPECT_TRUE(
      Eval("device.model -EQ \"a\" -AND device.manufacturer -Eq \"B\"", d));
  EXPECT_TRUE(
      Eval("device.operatingSystem -eq \"c\" OR device.model eq \"a\"", d));
  EXPECT_TRUE(
      Eval("device.model STARTSWITH \"A\" -Or device.model -eq \"x\"", d));
  EXPECT_TRUE(
      Eval("device.model notin [\"x\"] -and device.model In [\"a\"]", d));
  EXPECT_TRUE(Eval("device.model -NOTSTARTSWITH \"b\"", d));
}

TEST(DeviceFilterGrammar, PropertyNamesAreCaseInsensitive) {
  TestDevice d = TestDevice::Registered();
  d.Set(DeviceText::kDeviceId, "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb");
  // The CA doc's own example writes device.deviceid (section 4.10).
  EXPECT_TRUE(Eval(
      "(device.deviceid -eq \"aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb\")", d));
  EXPECT_TRUE(
      Eval("DEVICE.DEVICEID -eq \"AAAAAAAA-0000-1111-2222-BBBBBBBBBBBB\"", d));
  EXPECT_TRUE(Eval(
      "Device.DeviceId -in [\"aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb\"]", d));
}

TEST(DeviceFilterGrammar, Whitespace) {
  TestDevice d = Abc(true, true, true);
  EXPECT_TRUE(Eval("\t device.model\n-eq\r\n\"a\"  ", d));
  // No space needed between tokens that cannot merge (group doc example
  // `-endsWith"@contoso.com"`).
  EXPECT_TRUE(
      Eval("device.model -eq\"a\"-and(device.manufacturer -eq\"b\")", d));
  EXPECT_TRUE(
      Eval("(device.model -in[\"x\",\"a\"])-or(device.model -eq\"z\")", d));
}

TEST(DeviceFilterGrammar, StringEscapes) {
  TestDevice d = TestDevice::Registered();
  d.Set(DeviceText::kDisplayName, "say \"hi\"");
  EXPECT_TRUE(Eval("device.displayName -eq \"say `\"hi`\"\"", d));
  EXPECT_TRUE(Eval("device.displayName -endsWith \"`\"\"", d));
  d.Set(DeviceText::kDisplayName, "Sam's PC");
  EXPECT_TRUE(Eval("device.displayName -eq \"Sam''s PC\"", d));  // '' is '
  EXPECT_TRUE(Eval("device.displayName -eq \"Sam's PC\"", d));   // lone ' kept
  EXPECT_FALSE(Eval("device.displayName -eq \"Sam''''s PC\"", d));
  d.Set(DeviceText::kDisplayName, "a''b");
  EXPECT_TRUE(Eval("device.displayName -eq \"a''''b\"", d));
  d.Set(DeviceText::kDisplayName, "x-and-y (z)");
  EXPECT_TRUE(Eval("device.displayName -eq \"x-and-y (z)\"", d));
}

TEST(DeviceFilterGrammar, NonAsciiStringsFoldCase) {
  TestDevice d = TestDevice::Registered();
  d.Set(DeviceText::kDisplayName, "école-ω-Жук");
  EXPECT_TRUE(Eval("device.displayName -eq \"ÉCOLE-Ω-жук\"", d));
  EXPECT_TRUE(Eval("device.displayName -startsWith \"ÉC\"", d));
  EXPECT_TRUE(Eval("device.displayName -endsWith \"ЖУК\"", d));
  EXPECT_TRUE(Eval("device.displayName -contains \"-Ω-\"", d));
  EXPECT_TRUE(Eval("device.displayName -in [\"x\", \"ÉCOLE-Ω-ЖУК\"]", d));
  // Typographic characters are ordinary characters inside strings.
  d.Set(DeviceText::kDisplayName, "“Lobby” – 1");
  EXPECT_TRUE(Eval("device.displayName -eq \"“lobby” – 1\"", d));
}

TEST(DeviceFilterGrammar, BooleanSpellings) {
  TestDevice d = TestDevice::Registered();
  d.Compliant(true);
  for (const char* rule :
       {"device.isCompliant -eq True", "device.isCompliant -eq true",
        "device.isCompliant -eq TRUE", "device.isCompliant -eq \"True\"",
        "device.isCompliant -eq \"tRUE\"", "device.isCompliant -ne False",
        "device.isCompliant -ne \"false\""}) {
    EXPECT_TRUE(Eval(rule, d)) << rule;
  }
}

TEST(DeviceFilterGrammar, ListsDeduplicateAndIgnoreCase) {
  CompiledRule rule =
      MustCompile("device.model -in [\"b\", \"A\", \"a\", \"c\", \"B\"]");
  EXPECT_EQ(rule.DebugString(), "0: text[6] in [3 items] ? accept : reject\n");
  for (const char* model : {"a", "B", "c"}) {
    TestDevice d = TestDevice::Registered();
    d.Set(DeviceText::kModel, model);
    EXPECT_TRUE(rule.Matches(d.attrs())) << model;
  }
  TestDevice d = TestDevice::Registered();
  d.Set(DeviceText::kModel, "d");
  EXPECT_FALSE(rule.Matches(d.attrs()));
}

TEST(DeviceFilterGrammar, LargeInListUsesSortedLookup) {
  std::string rule = "device.deviceId -in [";
  for (int i = 0; i < 60; ++i) {
    if (i > 0) rule += ",";
    rule += "\"" + std::to_string(1000 + i * 7) + "-ID\"";
  }
  rule += "]";
  CompiledRule compiled = MustCompile(rule);
  for (int i = 990; i < 1450; ++i) {
    TestDevice d = TestDevice::Registered();
    d.Set(DeviceText::kDeviceId, std::to_string(i) + "-id");
    bool want = i >= 1000 && i < 1420 && (i - 1000) % 7 == 0;
    EXPECT_EQ(compiled.Matches(d.attrs()), want) << i;
  }
}

TEST(DeviceFilterGrammar, SourceAndTermCount) {
  CompiledRule rule = MustCompile(Join(kA, "-or", kB));
  EXPECT_EQ(rule.source(), Join(kA, "-or", kB));
  EXPECT_EQ(rule.term_count(), 2u);
}

}  // namespace
}  // namespace crossgate::device_filter
