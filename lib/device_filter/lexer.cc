#include "lib/device_filter/lexer.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "lib/device_filter/source_error.h"

namespace crossgate::device_filter {
namespace {

// Decodes the well-formed UTF-8 sequence at s[i]; returns its length, or 0
// when it is not well-formed (overlong, surrogate, beyond U+10FFFF, cut).
size_t DecodeUtf8(absl::string_view s, size_t i, uint32_t* cp) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + i;
  size_t avail = s.size() - i;
  unsigned char c = p[0];
  auto cont = [&](size_t k) { return k < avail && (p[k] & 0xC0) == 0x80; };
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  if (c >= 0xC2 && c <= 0xDF && cont(1)) {
    *cp = ((c & 0x1Fu) << 6) | (p[1] & 0x3Fu);
    return 2;
  }
  if (c >= 0xE0 && c <= 0xEF && cont(1) && cont(2)) {
    uint32_t v = ((c & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
    if (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF)) return 0;
    *cp = v;
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4 && cont(1) && cont(2) && cont(3)) {
    uint32_t v = ((c & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) |
                 ((p[2] & 0x3Fu) << 6) | (p[3] & 0x3Fu);
    if (v < 0x10000 || v > 0x10FFFF) return 0;
    *cp = v;
    return 4;
  }
  return 0;
}

// Section 4.10 / 7: at most max_length characters. Entra is a .NET service,
// so a character beyond the Basic Multilingual Plane counts twice.
}  // namespace

absl::Status CheckSource(absl::string_view source, size_t max_length) {
  size_t units = 0;
  for (size_t i = 0; i < source.size();) {
    uint32_t cp = 0;
    size_t len = DecodeUtf8(source, i, &cp);
    if (len == 0) return SourceError(source, i, "rule is not valid UTF-8");
    units += cp >= 0x10000 ? 2 : 1;
    if (units > max_length) {
      return SourceError(
          source, i,
          absl::StrCat("rule is longer than ", max_length, " characters"));
    }
    i += len;
  }
  return absl::OkStatus();
}

namespace {

bool IsWordStart(char c) {
  return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '_';
}
bool IsWordChar(char c) { return IsWordStart(c) || c == '.'; }

bool IsTypographicQuote(uint32_t cp) {
  return cp == 0x2018 || cp == 0x2019 || cp == 0x201C || cp == 0x201D ||
         cp == 0x201E;
}
bool IsTypographicDash(uint32_t cp) {
  return (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212;
}

absl::Status UnexpectedCharacter(absl::string_view source, size_t i) {
  uint32_t cp = 0;
  size_t len = DecodeUtf8(source, i, &cp);  // valid: checked up front
  absl::string_view ch = source.substr(i, len);
  if (IsTypographicQuote(cp)) {
    return SourceError(
        source, i,
        absl::StrFormat("typographic quote '%s' (U+%04X); strings use the "
                        "ASCII double quote '\"'",
                        ch, cp));
  }
  if (IsTypographicDash(cp)) {
    return SourceError(
        source, i,
        absl::StrFormat("typographic dash '%s' (U+%04X); operators use the "
                        "ASCII hyphen '-'",
                        ch, cp));
  }
  if (cp < 0x20 || cp == 0x7F || cp > 0x7E) {
    return SourceError(source, i,
                       absl::StrFormat("unexpected character U+%04X", cp));
  }
  return SourceError(source, i,
                     absl::StrFormat("unexpected character '%s'", ch));
}

// Reads the string starting at the '"' at source[start].
absl::Status LexString(absl::string_view source, size_t start, Token* token,
                       size_t* next) {
  std::string value;
  size_t i = start + 1;
  while (i < source.size()) {
    char c = source[i];
    if (c == '"') {
      token->kind = TokenKind::kString;
      token->text = source.substr(start, i + 1 - start);
      token->value = std::move(value);
      *next = i + 1;
      return absl::OkStatus();
    }
    if (c == '`') {
      if (i + 1 < source.size() && source[i + 1] == '"') {
        value.push_back('"');
        i += 2;
        continue;
      }
      return SourceError(source, i,
                         absl::StrCat("unsupported escape '",
                                      Fragment(source.substr(
                                          i, i + 1 < source.size() ? 2 : 1)),
                                      "' in string; only `\" is an escape"));
    }
    if (c == '\'' && i + 1 < source.size() && source[i + 1] == '\'') {
      value.push_back('\'');  // '' is one single quote (group grammar)
      i += 2;
      continue;
    }
    value.push_back(c);
    ++i;
  }
  return SourceError(source, start,
                     absl::StrCat("unterminated string '",
                                  Fragment(source.substr(start)), "'"));
}

}  // namespace

absl::StatusOr<Token> Lexer::Next() {
  absl::string_view source = source_;
  size_t i = pos_;
  while (i < source.size() && (source[i] == ' ' || source[i] == '\t' ||
                               source[i] == '\r' || source[i] == '\n')) {
    ++i;
  }
  Token token;
  token.begin = static_cast<uint32_t>(i);
  if (i == source.size()) {
    pos_ = i;
    token.kind = TokenKind::kEnd;
    return token;
  }
  const char c = source[i];
  TokenKind punct = TokenKind::kEnd;
  switch (c) {
    case '(':
      punct = TokenKind::kLParen;
      break;
    case ')':
      punct = TokenKind::kRParen;
      break;
    case '[':
      punct = TokenKind::kLBracket;
      break;
    case ']':
      punct = TokenKind::kRBracket;
      break;
    case ',':
      punct = TokenKind::kComma;
      break;
    default:
      break;
  }
  if (punct != TokenKind::kEnd) {
    token.kind = punct;
    token.text = source.substr(i, 1);
    pos_ = i + 1;
  } else if (c == '"') {
    absl::Status status = LexString(source, i, &token, &pos_);
    if (!status.ok()) return status;
  } else if (IsWordStart(c) || (c == '-' && i + 1 < source.size() &&
                                IsWordStart(source[i + 1]))) {
    size_t end = i + 1;
    while (end < source.size() && IsWordChar(source[end])) ++end;
    token.kind = TokenKind::kWord;
    token.text = source.substr(i, end - i);
    pos_ = end;
  } else {
    return UnexpectedCharacter(source, i);
  }
  return token;
}

absl::StatusOr<std::vector<Token>> Tokenize(absl::string_view source,
                                            size_t max_length) {
  absl::Status status = CheckSource(source, max_length);
  if (!status.ok()) return status;
  Lexer lexer(source);
  std::vector<Token> tokens;
  while (tokens.empty() || tokens.back().kind != TokenKind::kEnd) {
    absl::StatusOr<Token> token = lexer.Next();
    if (!token.ok()) return token.status();
    tokens.push_back(*std::move(token));
  }
  return tokens;
}

std::string DescribeToken(const Token& token) {
  if (token.kind == TokenKind::kEnd) return "end of rule";
  return absl::StrCat("'", Fragment(token.text), "'");
}

}  // namespace crossgate::device_filter
