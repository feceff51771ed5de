#include "lib/device_filter/parser.h"

#include <algorithm>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "lib/device_filter/lexer.h"
#include "lib/device_filter/source_error.h"
#include "lib/internal/status_macros.h"

namespace crossgate::device_filter {
namespace {

class Parser {
 public:
  Parser(absl::string_view source, const PropertyTable& table,
         const Options& options)
      : source_(source), lexer_(source), table_(table), options_(options) {}

  absl::StatusOr<ParsedRule> Run() {
    CROSSGATE_RETURN_IF_ERROR(Advance());
    if (Peek().kind == TokenKind::kEnd) {
      return SourceError(source_, 0, "empty rule");
    }
    CROSSGATE_ASSIGN_OR_RETURN(rule_.root, ParseOr(0));
    const Token& t = Peek();
    if (t.kind == TokenKind::kRParen) {
      return Error(t, "unexpected ')' without a matching '('");
    }
    if (t.kind != TokenKind::kEnd) {
      return Error(t, absl::StrCat("expected '-and', '-or' or end of rule, "
                                   "found ",
                                   DescribeToken(t)));
    }
    return std::move(rule_);
  }

 private:
  // One token of lookahead: the lexer runs one token ahead of the parser.
  const Token& Peek() const { return current_; }
  absl::Status Advance() {
    CROSSGATE_ASSIGN_OR_RETURN(current_, lexer_.Next());
    return absl::OkStatus();
  }
  // Consumes the current token.
  absl::StatusOr<Token> Take() {
    Token t = std::move(current_);
    CROSSGATE_RETURN_IF_ERROR(Advance());
    return t;
  }
  absl::Status Error(const Token& t, absl::string_view message) const {
    return SourceError(source_, t.begin, message);
  }
  bool PeekWord(bool (*is_word)(absl::string_view)) const {
    return Peek().kind == TokenKind::kWord && is_word(Peek().text);
  }

  absl::StatusOr<int> ParseOr(int depth) {
    return ParseJunction(depth, Node::Kind::kOr, &IsOrWord);
  }
  absl::StatusOr<int> ParseAnd(int depth) {
    return ParseJunction(depth, Node::Kind::kAnd, &IsAndWord);
  }

  // or_expr / and_expr: operands joined by one connective, as a loop.
  absl::StatusOr<int> ParseJunction(int depth, Node::Kind kind,
                                    bool (*is_connective)(absl::string_view)) {
    std::vector<int> children;
    do {
      if (!children.empty()) {
        CROSSGATE_RETURN_IF_ERROR(Advance());  // the connective
      }
      absl::StatusOr<int> child =
          kind == Node::Kind::kOr ? ParseAnd(depth) : ParsePrimary(depth);
      if (!child.ok()) return child.status();
      children.push_back(*child);
    } while (PeekWord(is_connective));
    if (children.size() == 1) return children[0];
    Node node;
    node.kind = kind;
    node.first_comparison = rule_.nodes[children[0]].first_comparison;
    node.children = std::move(children);
    rule_.nodes.push_back(std::move(node));
    return static_cast<int>(rule_.nodes.size() - 1);
  }

  absl::StatusOr<int> ParsePrimary(int depth) {
    const Token& t = Peek();
    if (t.kind == TokenKind::kLParen) {
      if (depth >= options_.max_depth) {
        return Error(t, absl::StrCat("parentheses nested deeper than ",
                                     options_.max_depth));
      }
      const uint32_t open = t.begin;
      CROSSGATE_RETURN_IF_ERROR(Advance());
      CROSSGATE_ASSIGN_OR_RETURN(int inner, ParseOr(depth + 1));
      if (Peek().kind != TokenKind::kRParen) {
        return Error(Peek(),
                     absl::StrCat("expected ')' to close the '(' at offset ",
                                  CharOffset(source_, open), ", found ",
                                  DescribeToken(Peek())));
      }
      CROSSGATE_RETURN_IF_ERROR(Advance());
      rule_.depth = std::max(rule_.depth, depth + 1);
      return inner;
    }
    if (t.kind == TokenKind::kWord) {
      absl::string_view unsupported = UnsupportedOperatorName(t.text);
      if (!unsupported.empty()) return UnsupportedOperator(t, unsupported);
      return ParseComparison();
    }
    return Error(
        t, absl::StrCat("expected a comparison such as '", table_.example(),
                        " -eq \"value\"' or '(', "
                        "found ",
                        DescribeToken(t)));
  }

  absl::Status UnsupportedOperator(const Token& t, absl::string_view name) {
    return Error(t, absl::StrCat("operator '", name,
                                 "' is not supported in Conditional Access "
                                 "filters"));
  }

  absl::StatusOr<int> ParseComparison() {
    CROSSGATE_ASSIGN_OR_RETURN(Token prop, Take());
    if (rule_.comparisons.size() >= options_.max_terms) {
      return Error(prop, absl::StrCat("rule has more than ", options_.max_terms,
                                      " comparisons"));
    }
    Comparison cmp;
    cmp.offset = prop.begin;
    CROSSGATE_RETURN_IF_ERROR(ResolveProperty(prop, &cmp));
    CROSSGATE_RETURN_IF_ERROR(ResolveOperator(&cmp));
    CROSSGATE_RETURN_IF_ERROR(ParseValue(&cmp));
    CROSSGATE_RETURN_IF_ERROR(CheckValue(&cmp));

    Node node;
    node.kind = Node::Kind::kComparison;
    node.comparison = static_cast<int>(rule_.comparisons.size());
    node.first_comparison = node.comparison;
    rule_.comparisons.push_back(std::move(cmp));
    rule_.nodes.push_back(std::move(node));
    return static_cast<int>(rule_.nodes.size() - 1);
  }

  absl::Status ResolveProperty(const Token& prop, Comparison* cmp) {
    absl::string_view text = prop.text;
    if (text.front() == '-' || IsAndWord(text) || IsOrWord(text) ||
        ParseOperator(text).has_value()) {
      return Error(
          prop, absl::StrCat("expected a property such as '", table_.example(),
                             "', found ", DescribeToken(prop)));
    }
    size_t dot = text.find('.');
    if (dot == absl::string_view::npos ||
        !absl::EqualsIgnoreCase(text.substr(0, dot), table_.object_name())) {
      return Error(prop, absl::StrCat("unknown property '", Fragment(text),
                                      "'; properties are written '",
                                      table_.object_name(), ".<name>'"));
    }
    absl::optional<PropertySpec> spec = table_.Find(text.substr(dot + 1));
    if (!spec.has_value()) {
      return Error(prop,
                   absl::StrCat("unknown property '", Fragment(text), "'"));
    }
    cmp->property = *spec;
    cmp->property_text = std::string(text);
    if (table_.interns_names()) {
      absl::string_view name = text.substr(dot + 1);
      auto [it, inserted] = slots_.try_emplace(absl::AsciiStrToLower(name),
                                               rule_.attribute_names.size());
      if (inserted) rule_.attribute_names.emplace_back(name);
      cmp->property.slot = static_cast<uint16_t>(it->second);
    }
    return absl::OkStatus();
  }

  absl::Status ResolveOperator(Comparison* cmp) {
    CROSSGATE_ASSIGN_OR_RETURN(Token t, Take());
    if (t.kind != TokenKind::kWord) {
      return Error(t, absl::StrCat("expected an operator such as '-eq' after '",
                                   Fragment(cmp->property_text), "', found ",
                                   DescribeToken(t)));
    }
    absl::optional<Operator> op = ParseOperator(t.text);
    if (!op.has_value()) {
      absl::string_view unsupported = UnsupportedOperatorName(t.text);
      if (!unsupported.empty()) return UnsupportedOperator(t, unsupported);
      return Error(t, absl::StrCat("unknown operator ", DescribeToken(t)));
    }
    if ((*op == Operator::kMatch || *op == Operator::kNotMatch) &&
        !options_.allow_regex_operators) {
      return Error(t, absl::StrCat("operator '", OperatorName(*op),
                                   "' is disabled (regular expressions need "
                                   "Options::allow_regex_operators)"));
    }
    if (!cmp->property.operators.contains(*op)) {
      return Error(t, absl::StrCat("operator '", OperatorName(*op),
                                   "' is not allowed for property '",
                                   Fragment(cmp->property_text), "' (allowed: ",
                                   cmp->property.operators.ToString(), ")"));
    }
    cmp->op = *op;
    return absl::OkStatus();
  }

  absl::Status ParseValue(Comparison* cmp) {
    CROSSGATE_ASSIGN_OR_RETURN(Token t, Take());
    cmp->value_offset = t.begin;
    switch (t.kind) {
      case TokenKind::kString:
        cmp->literal = LiteralKind::kString;
        cmp->strings.push_back(t.value);
        return absl::OkStatus();
      case TokenKind::kLBracket:
        return ParseList(t, cmp);
      case TokenKind::kWord:
        if (absl::EqualsIgnoreCase(t.text, "null")) {
          cmp->literal = LiteralKind::kNull;
          return absl::OkStatus();
        }
        if (absl::EqualsIgnoreCase(t.text, "true") ||
            absl::EqualsIgnoreCase(t.text, "false")) {
          cmp->literal = LiteralKind::kBool;
          cmp->bool_value = absl::EqualsIgnoreCase(t.text, "true");
          return absl::OkStatus();
        }
        break;
      default:
        break;
    }
    return Error(
        t, absl::StrCat("expected a value (a quoted string, a [list], "
                        "true, false or null) after '",
                        OperatorName(cmp->op), "', found ", DescribeToken(t)));
  }

  absl::Status ParseList(const Token& open, Comparison* cmp) {
    cmp->literal = LiteralKind::kList;
    while (true) {
      CROSSGATE_ASSIGN_OR_RETURN(Token item, Take());
      if (item.kind != TokenKind::kString) {
        if (item.kind == TokenKind::kRBracket && cmp->strings.empty()) {
          return Error(open, "empty list");
        }
        return Error(item, absl::StrCat("expected a quoted string in the list, "
                                        "found ",
                                        DescribeToken(item)));
      }
      cmp->strings.push_back(item.value);
      CROSSGATE_ASSIGN_OR_RETURN(Token sep, Take());
      if (sep.kind == TokenKind::kRBracket) return absl::OkStatus();
      if (sep.kind != TokenKind::kComma) {
        return Error(sep,
                     absl::StrCat("expected ',' or ']' in the list, found ",
                                  DescribeToken(sep)));
      }
    }
  }

  // Type rules of section 4.10 "Grammar".
  absl::Status CheckValue(Comparison* cmp) {
    auto error = [&](absl::string_view message) {
      return SourceError(source_, cmp->value_offset, message);
    };
    const bool is_list_op =
        cmp->op == Operator::kIn || cmp->op == Operator::kNotIn;
    if (cmp->literal == LiteralKind::kNull) {
      if (cmp->op != Operator::kEquals && cmp->op != Operator::kNotEquals) {
        return error(
            absl::StrCat("null can only be compared with -eq or -ne, "
                         "not '",
                         OperatorName(cmp->op), "'"));
      }
      return absl::OkStatus();
    }
    if (is_list_op != (cmp->literal == LiteralKind::kList)) {
      return error(is_list_op
                       ? absl::StrCat("operator '", OperatorName(cmp->op),
                                      "' needs a bracketed list such as "
                                      "[\"a\", \"b\"]")
                       : absl::StrCat("a [list] value needs -in or -notIn, "
                                      "not '",
                                      OperatorName(cmp->op), "'"));
    }
    if (cmp->property.type == ValueType::kBool) {
      if (cmp->literal == LiteralKind::kString &&
          (absl::EqualsIgnoreCase(cmp->strings[0], "true") ||
           absl::EqualsIgnoreCase(cmp->strings[0], "false"))) {
        // CA documents quote "True" for isCompliant; both forms are accepted.
        cmp->literal = LiteralKind::kBool;
        cmp->bool_value = absl::EqualsIgnoreCase(cmp->strings[0], "true");
        cmp->strings.clear();
      }
      if (cmp->literal != LiteralKind::kBool) {
        return error(absl::StrCat("property '", Fragment(cmp->property_text),
                                  "' takes true or false"));
      }
      return absl::OkStatus();
    }
    if (cmp->literal == LiteralKind::kBool) {
      return error(absl::StrCat("property '", Fragment(cmp->property_text),
                                "' takes a quoted string, not a boolean"));
    }
    return absl::OkStatus();
  }

  absl::string_view source_;
  Lexer lexer_;
  Token current_;
  const PropertyTable& table_;
  const Options& options_;
  ParsedRule rule_;
  absl::flat_hash_map<std::string, size_t> slots_;  // interning tables only
};

}  // namespace

absl::StatusOr<ParsedRule> Parse(absl::string_view source,
                                 const PropertyTable& table,
                                 const Options& options) {
  CROSSGATE_RETURN_IF_ERROR(CheckSource(source, options.max_rule_length));
  return Parser(source, table, options).Run();
}

}  // namespace crossgate::device_filter
