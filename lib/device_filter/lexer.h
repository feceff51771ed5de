#ifndef CROSSGATE_LIB_DEVICE_FILTER_LEXER_H_
#define CROSSGATE_LIB_DEVICE_FILTER_LEXER_H_

// Splits a filter rule into tokens (section 4.10 "Grammar").
//
//   word    := '-'? [A-Za-z0-9_] [A-Za-z0-9_.]*   property, operator,
//                                                  connective, true/false/null
//   string  := '"' ( char | '`"' | "''" )* '"'     "`" escapes a double quote,
//                                                  "''" is one single quote
//   punct   := '(' | ')' | '[' | ']' | ','
//   space   := ' ' | '\t' | '\r' | '\n'
//
// A backtick before anything but '"' is an error: the dynamic-membership
// grammar documents only "`\"", and PowerShell-style escapes such as "`n"
// would mean something else there. A lone single quote inside a string is
// kept as is. Typographic quotes and dashes (U+2018/2019/201C/201D/201E,
// U+2010..2015, U+2212) outside strings are errors that name the character;
// inside strings every character is literal. The rule must be valid UTF-8.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace crossgate::device_filter {

enum class TokenKind : uint8_t {
  kEnd,
  kLParen,
  kRParen,
  kLBracket,
  kRBracket,
  kComma,
  kString,
  kWord,
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  uint32_t begin = 0;      // byte offset of the first character
  absl::string_view text;  // source text, quotes included for strings
  std::string value;       // kString: the unescaped contents
};

// Checks what applies to the whole rule before any token is read: it must
// be valid UTF-8 and at most `max_length` characters long, counted in UTF-16
// code units as Entra's .NET service counts them. InvalidArgument naming
// the offset (source_error.h) otherwise.
absl::Status CheckSource(absl::string_view source, size_t max_length);

// Reads tokens one at a time, so memory stays proportional to one token
// whatever the input. `source` must outlive the lexer and its tokens.
class Lexer {
 public:
  explicit Lexer(absl::string_view source) : source_(source) {}

  // The next token; kEnd at the end, repeatedly. InvalidArgument naming the
  // offset for a character that starts no token or a malformed string.
  absl::StatusOr<Token> Next();

 private:
  absl::string_view source_;
  size_t pos_ = 0;
};

// CheckSource, then every token up to and including kEnd (for tests).
absl::StatusOr<std::vector<Token>> Tokenize(absl::string_view source,
                                            size_t max_length);

// How a token is named in messages: "'-eq'", "'\"abc\"'", "end of rule".
std::string DescribeToken(const Token& token);

}  // namespace crossgate::device_filter

#endif  // CROSSGATE_LIB_DEVICE_FILTER_LEXER_H_
