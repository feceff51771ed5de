// Every error path of the rule compiler, with the exact message: a 1-based
// character offset and the offending fragment (source_error.h).

#include <string>

#include "gtest/gtest.h"
#include "lib/device_filter/device_filter.h"
#include "tests/device_filter/test_device.h"

namespace crossgate::device_filter {
namespace {

using testing::CompileError;
using testing::RegexOptions;

TEST(DeviceFilterErrors, EmptyRule) {
  EXPECT_EQ(CompileError(""), "offset 1: empty rule");
  EXPECT_EQ(CompileError(" \t\n"), "offset 1: empty rule");
}

TEST(DeviceFilterErrors, UnknownProperty) {
  EXPECT_EQ(CompileError("device.colour -eq \"red\""),
            "offset 1: unknown property 'device.colour'");
  EXPECT_EQ(CompileError("device.displayName -eq \"x\" -and device.colour -eq "
                         "\"y\""),
            "offset 33: unknown property 'device.colour'");
  EXPECT_EQ(CompileError("device. -eq \"x\""),
            "offset 1: unknown property 'device.'");
  EXPECT_EQ(CompileError("device.extensionAttribute16 -eq \"x\""),
            "offset 1: unknown property 'device.extensionAttribute16'");
  EXPECT_EQ(CompileError("device.extensionAttribute0 -eq \"x\""),
            "offset 1: unknown property 'device.extensionAttribute0'");
  EXPECT_EQ(CompileError("user.department -eq \"Sales\""),
            "offset 1: unknown property 'user.department'; properties are "
            "written 'device.<name>'");
  EXPECT_EQ(CompileError("displayName -eq \"x\""),
            "offset 1: unknown property 'displayName'; properties are written "
            "'device.<name>'");
  // Long fragments are cut to 40 characters.
  EXPECT_EQ(
      CompileError("device." + std::string(60, 'q') + " -eq \"x\""),
      "offset 1: unknown property 'device." + std::string(33, 'q') + "...'");
}

TEST(DeviceFilterErrors, PropertyPositionHoldsSomethingElse) {
  EXPECT_EQ(CompileError("-and device.model -eq \"x\""),
            "offset 1: expected a property such as 'device.displayName', "
            "found '-and'");
  EXPECT_EQ(CompileError("device.model -eq \"x\" -and -eq \"y\""),
            "offset 27: expected a property such as 'device.displayName', "
            "found '-eq'");
  EXPECT_EQ(
      CompileError("device.model -eq \"x\" -or or device.model -eq \"y\""),
      "offset 26: expected a property such as 'device.displayName', "
      "found 'or'");
  EXPECT_EQ(CompileError("()"),
            "offset 2: expected a comparison such as 'device.displayName -eq "
            "\"value\"' or '(', found ')'");
  EXPECT_EQ(CompileError("\"x\" -eq device.model"),
            "offset 1: expected a comparison such as 'device.displayName -eq "
            "\"value\"' or '(', found '\"x\"'");
  EXPECT_EQ(CompileError("device.model -eq \"x\" -and"),
            "offset 26: expected a comparison such as 'device.displayName -eq "
            "\"value\"' or '(', found end of rule");
}

TEST(DeviceFilterErrors, Operators) {
  EXPECT_EQ(CompileError("device.model"),
            "offset 13: expected an operator such as '-eq' after "
            "'device.model', found end of rule");
  EXPECT_EQ(CompileError("device.model (\"x\")"),
            "offset 14: expected an operator such as '-eq' after "
            "'device.model', found '('");
  EXPECT_EQ(CompileError("device.model -foo \"x\""),
            "offset 14: unknown operator '-foo'");
  EXPECT_EQ(CompileError("device.model -and \"x\""),
            "offset 14: unknown operator '-and'");
  EXPECT_EQ(CompileError("device.deviceOwnership -startsWith \"C\""),
            "offset 24: operator '-startsWith' is not allowed for property "
            "'device.deviceOwnership' (allowed: -eq, -ne)");
  EXPECT_EQ(CompileError("device.physicalIds -eq \"x\""),
            "offset 20: operator '-eq' is not allowed for property "
            "'device.physicalIds' (allowed: -contains, -notContains)");
  EXPECT_EQ(CompileError("device.deviceId -contains \"x\""),
            "offset 17: operator '-contains' is not allowed for property "
            "'device.deviceId' (allowed: -eq, -ne, -in, -notIn)");
}

// Section 4.10: not in the Conditional Access operator table; fail closed.
TEST(DeviceFilterErrors, GroupGrammarOperatorsAreRejected) {
  EXPECT_EQ(CompileError("-not (device.model -eq \"x\")"),
            "offset 1: operator '-not' is not supported in Conditional Access "
            "filters");
  EXPECT_EQ(CompileError("device.model -eq \"x\" -and -not (device.model -eq "
                         "\"y\")"),
            "offset 27: operator '-not' is not supported in Conditional "
            "Access filters");
  EXPECT_EQ(CompileError("not device.model -eq \"x\""),
            "offset 1: operator '-not' is not supported in Conditional Access "
            "filters");
  EXPECT_EQ(CompileError("device.physicalIds -any (_ -startsWith \"x\")"),
            "offset 20: operator '-any' is not supported in Conditional Access "
            "filters");
  EXPECT_EQ(CompileError("device.systemLabels -ALL (_ -eq \"x\")"),
            "offset 21: operator '-all' is not supported in Conditional Access "
            "filters");
  EXPECT_EQ(CompileError("device.model -le \"x\""),
            "offset 14: operator '-le' is not supported in Conditional Access "
            "filters");
  EXPECT_EQ(CompileError("device.model ge \"x\""),
            "offset 14: operator '-ge' is not supported in Conditional Access "
            "filters");
  EXPECT_EQ(CompileError("device.model -like \"x*\""),
            "offset 14: operator '-like' is not supported in Conditional "
            "Access filters");
}

TEST(DeviceFilterErrors, RegexOperatorsNeedTheOption) {
  EXPECT_EQ(CompileError("device.model -match \"^x\""),
            "offset 14: operator '-match' is disabled (regular expressions "
            "need Options::allow_regex_operators)");
  EXPECT_EQ(CompileError("device.model notMatch \"^x\""),
            "offset 14: operator '-notMatch' is disabled (regular expressions "
            "need Options::allow_regex_operators)");
  EXPECT_EQ(CompileError("device.model -match \"^x\"", RegexOptions()), "OK");
  EXPECT_EQ(CompileError("device.trustType -match \"^x\"", RegexOptions()),
            "offset 18: operator '-match' is not allowed for property "
            "'device.trustType' (allowed: -eq, -ne)");
}

TEST(DeviceFilterErrors, InvalidRegex) {
  EXPECT_EQ(CompileError("device.model -match \"(a\"", RegexOptions()),
            "offset 21: invalid regular expression '(a': missing ): (a");
  EXPECT_EQ(CompileError("device.model -match \"a**\"", RegexOptions()),
            "offset 21: invalid regular expression 'a**': bad repetition "
            "operator: **");
  // .NET constructs RE2 does not support are errors, not silent mismatches.
  EXPECT_EQ(CompileError("device.model -match \"(?=x)\"", RegexOptions()),
            "offset 21: invalid regular expression '(?=x)': invalid perl "
            "operator: (?=");
  // max_mem bounds each pattern.
  Options small = RegexOptions();
  small.regex_max_mem = 64 << 10;
  EXPECT_EQ(
      CompileError("device.model -match \"[a-z]{1000}[a-z]{1000}\"", small),
      "offset 21: invalid regular expression '[a-z]{1000}[a-z]{1000}': "
      "pattern too large - compile failed");
}

TEST(DeviceFilterErrors, TypographicCharacters) {
  EXPECT_EQ(CompileError("device.model –eq \"x\""),
            "offset 14: typographic dash '–' (U+2013); operators use the "
            "ASCII hyphen '-'");
  EXPECT_EQ(CompileError("device.model —eq \"x\""),
            "offset 14: typographic dash '—' (U+2014); operators use the "
            "ASCII hyphen '-'");
  EXPECT_EQ(CompileError("device.model -eq “x”"),
            "offset 18: typographic quote '“' (U+201C); strings use the ASCII "
            "double quote '\"'");
  EXPECT_EQ(CompileError("device.model -eq ‘x’"),
            "offset 18: typographic quote '‘' (U+2018); strings use the ASCII "
            "double quote '\"'");
  // A typographic quote cannot close an ASCII string.
  EXPECT_EQ(CompileError("device.model -eq \"x”"),
            "offset 18: unterminated string '\"x”'");
}

TEST(DeviceFilterErrors, UnexpectedCharacters) {
  EXPECT_EQ(CompileError("device.model -eq \"x\" # note"),
            "offset 22: unexpected character '#'");
  EXPECT_EQ(CompileError("device.model = \"x\""),
            "offset 14: unexpected character '='");
  EXPECT_EQ(CompileError("device.model -- \"x\""),
            "offset 14: unexpected character '-'");
  EXPECT_EQ(CompileError("device.model -eq 'x'"),
            "offset 18: unexpected character '''");
  EXPECT_EQ(CompileError("device.model\xC2\xA0-eq \"x\""),
            "offset 13: unexpected character U+00A0");
  EXPECT_EQ(CompileError("device.model\x01 -eq \"x\""),
            "offset 13: unexpected character U+0001");
}

TEST(DeviceFilterErrors, OffsetsCountCharactersNotBytes) {
  EXPECT_EQ(
      CompileError("device.model -eq \"ééé\" -and device.colour -eq \"x\""),
      "offset 29: unknown property 'device.colour'");
}

TEST(DeviceFilterErrors, Strings) {
  EXPECT_EQ(CompileError("device.model -eq \"x"),
            "offset 18: unterminated string '\"x'");
  EXPECT_EQ(CompileError("device.model -eq \"x`\""),
            "offset 18: unterminated string '\"x`\"'");
  EXPECT_EQ(CompileError("device.model -eq \"a`b\""),
            "offset 20: unsupported escape '`b' in string; only `\" is an "
            "escape");
  EXPECT_EQ(CompileError("device.model -eq \"a``\""),
            "offset 20: unsupported escape '``' in string; only `\" is an "
            "escape");
  EXPECT_EQ(CompileError("device.model -eq \"a`"),
            "offset 20: unsupported escape '`' in string; only `\" is an "
            "escape");
  EXPECT_EQ(CompileError("device.model -eq \"\xFF\""),
            "offset 19: rule is not valid UTF-8");
  EXPECT_EQ(CompileError("device.model -eq \"\xC3\""),
            "offset 19: rule is not valid UTF-8");
  EXPECT_EQ(CompileError("device.model -eq \"\xED\xA0\x80\""),  // surrogate
            "offset 19: rule is not valid UTF-8");
}

TEST(DeviceFilterErrors, Values) {
  const std::string kValueList =
      "expected a value (a quoted string, a [list], true, false or null) "
      "after '-eq', found ";
  EXPECT_EQ(CompileError("device.model -eq"),
            "offset 17: " + kValueList + "end of rule");
  EXPECT_EQ(CompileError("device.model -eq Windows"),
            "offset 18: " + kValueList + "'Windows'");
  EXPECT_EQ(CompileError("device.operatingSystemVersion -eq 10.0"),
            "offset 35: " + kValueList + "'10.0'");
  EXPECT_EQ(CompileError("device.model -eq $null"),
            "offset 18: unexpected character '$'");
  EXPECT_EQ(CompileError("device.model -eq )"),
            "offset 18: " + kValueList + "')'");
  EXPECT_EQ(CompileError("device.model -eq true"),
            "offset 18: property 'device.model' takes a quoted string, not a "
            "boolean");
  EXPECT_EQ(CompileError("device.isCompliant -eq \"yes\""),
            "offset 24: property 'device.isCompliant' takes true or false");
  EXPECT_EQ(CompileError("device.isCompliant -eq \"\""),
            "offset 24: property 'device.isCompliant' takes true or false");
  EXPECT_EQ(CompileError("device.model -contains null"),
            "offset 24: null can only be compared with -eq or -ne, not "
            "'-contains'");
  EXPECT_EQ(CompileError("device.model -in null"),
            "offset 18: null can only be compared with -eq or -ne, not '-in'");
  EXPECT_EQ(CompileError("device.model -in \"x\""),
            "offset 18: operator '-in' needs a bracketed list such as [\"a\", "
            "\"b\"]");
  EXPECT_EQ(CompileError("device.model -eq [\"x\"]"),
            "offset 18: a [list] value needs -in or -notIn, not '-eq'");
}

TEST(DeviceFilterErrors, Lists) {
  EXPECT_EQ(CompileError("device.model -in []"), "offset 18: empty list");
  EXPECT_EQ(CompileError("device.model -in [\"a\" \"b\"]"),
            "offset 23: expected ',' or ']' in the list, found '\"b\"'");
  EXPECT_EQ(CompileError("device.model -in [\"a\",]"),
            "offset 23: expected a quoted string in the list, found ']'");
  EXPECT_EQ(CompileError("device.model -in [\"a\", null]"),
            "offset 24: expected a quoted string in the list, found 'null'");
  EXPECT_EQ(CompileError("device.model -in [\"a\""),
            "offset 22: expected ',' or ']' in the list, found end of rule");
  EXPECT_EQ(CompileError("device.model -in [[\"a\"]]"),
            "offset 19: expected a quoted string in the list, found '['");
}

TEST(DeviceFilterErrors, Structure) {
  EXPECT_EQ(CompileError("device.model -eq \"x\" device.model -eq \"y\""),
            "offset 22: expected '-and', '-or' or end of rule, found "
            "'device.model'");
  EXPECT_EQ(CompileError("device.model -eq \"x\")"),
            "offset 21: unexpected ')' without a matching '('");
  EXPECT_EQ(CompileError("(device.model -eq \"x\""),
            "offset 22: expected ')' to close the '(' at offset 1, found end "
            "of rule");
  EXPECT_EQ(CompileError("(device.model -eq \"x\" (device.model -eq \"y\"))"),
            "offset 23: expected ')' to close the '(' at offset 1, found '('");
  EXPECT_EQ(CompileError("device.model -eq \"x\" -and ,"),
            "offset 27: expected a comparison such as 'device.displayName -eq "
            "\"value\"' or '(', found ','");
}

TEST(DeviceFilterErrors, InvalidOptions) {
  Options o;
  o.max_depth = 1000;
  EXPECT_EQ(CompileRule("device.model -eq \"x\"", o).status().message(),
            "device filter options: max_depth must be in 0..256");
  o = Options();
  o.max_terms = 0;
  EXPECT_EQ(CompileRule("device.model -eq \"x\"", o).status().message(),
            "device filter options: max_terms must be in 1..4096");
  o = Options();
  o.max_rule_length = 0;
  EXPECT_EQ(CompileRule("device.model -eq \"x\"", o).status().message(),
            "device filter options: max_rule_length must be in 1..1048576");
  o = Options();
  o.regex_max_mem = 1;
  EXPECT_EQ(CompileRule("device.model -eq \"x\"", o).status().message(),
            "device filter options: regex_max_mem must be in 64 KiB..256 MiB");
}

}  // namespace
}  // namespace crossgate::device_filter
