// Tokens of the rule language (lexer.h).

#include "lib/device_filter/lexer.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "lib/device_filter/operators.h"

namespace crossgate::device_filter {
namespace {

// "kind:text" per token, e.g. "word:-eq", "string:a\"b", "end:".
std::vector<std::string> Describe(absl::string_view rule) {
  absl::StatusOr<std::vector<Token>> tokens = Tokenize(rule, 3072);
  EXPECT_TRUE(tokens.ok()) << tokens.status();
  std::vector<std::string> out;
  if (!tokens.ok()) return out;
  for (const Token& t : *tokens) {
    switch (t.kind) {
      case TokenKind::kEnd:
        out.push_back("end@" + std::to_string(t.begin));
        break;
      case TokenKind::kString:
        out.push_back("string:" + t.value);
        break;
      case TokenKind::kWord:
        out.push_back("word:" + std::string(t.text));
        break;
      default:
        out.push_back("punct:" + std::string(t.text));
        break;
    }
  }
  return out;
}

TEST(Lexer, Tokens) {
  EXPECT_EQ(
      Describe("(device.model -eq \"x\")-or device.physicalIds "
               "notIn[\"a\",\"b\"]"),
      (std::vector<std::string>{
          "punct:(", "word:device.model", "word:-eq", "string:x", "punct:)",
          "word:-or", "word:device.physicalIds", "word:notIn", "punct:[",
          "string:a", "punct:,", "string:b", "punct:]", "end@59"}));
  EXPECT_EQ(Describe(" \t\r\n"), (std::vector<std::string>{"end@4"}));
  EXPECT_EQ(
      Describe("CustomSecurityAttribute.Set1_attr_x true 10.0.1"),
      (std::vector<std::string>{"word:CustomSecurityAttribute.Set1_attr_x",
                                "word:true", "word:10.0.1", "end@47"}));
}

TEST(Lexer, StringEscapes) {
  EXPECT_EQ(
      Describe("\"a`\"b\" \"it''s\" \"it's\" \"`\"`\"\" \"\""),
      (std::vector<std::string>{"string:a\"b", "string:it's", "string:it's",
                                "string:\"\"", "string:", "end@31"}));
}

TEST(Lexer, TokenOffsetsAreBytes) {
  absl::StatusOr<std::vector<Token>> tokens = Tokenize("\"é\" x", 3072);
  ASSERT_TRUE(tokens.ok());
  ASSERT_EQ(tokens->size(), 3u);
  EXPECT_EQ((*tokens)[1].begin, 5u);
  EXPECT_EQ((*tokens)[0].text, "\"é\"");
}

TEST(Lexer, ReadsLazily) {
  // The error after the first token is only reported when it is reached.
  Lexer lexer("device.model #");
  absl::StatusOr<Token> first = lexer.Next();
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->text, "device.model");
  EXPECT_EQ(lexer.Next().status().message(),
            "offset 14: unexpected character '#'");
}

TEST(Operators, ParseAndName) {
  EXPECT_EQ(ParseOperator("-eq"), Operator::kEquals);
  EXPECT_EQ(ParseOperator("NOTSTARTSWITH"), Operator::kNotStartsWith);
  EXPECT_EQ(ParseOperator("-notin"), Operator::kNotIn);
  EXPECT_EQ(ParseOperator("-not"), absl::nullopt);
  EXPECT_EQ(ParseOperator("--eq"), absl::nullopt);
  EXPECT_EQ(OperatorName(Operator::kNotEndsWith), "-notEndsWith");
  EXPECT_EQ(UnsupportedOperatorName("NOTLIKE"), "-notLike");
  EXPECT_EQ(UnsupportedOperatorName("-eq"), "");
  EXPECT_TRUE(IsAndWord("AND"));
  EXPECT_TRUE(IsOrWord("-Or"));
  EXPECT_FALSE(IsOrWord("-orr"));
  for (int i = 0; i < kOperatorCount; ++i) {
    const Operator op = static_cast<Operator>(i);
    EXPECT_EQ(ParseOperator(OperatorName(op)), op);
    EXPECT_EQ(IsNegative(op), PositiveOf(op) != op);
  }
}

}  // namespace
}  // namespace crossgate::device_filter
