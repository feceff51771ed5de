// Differential test: random rules and random inputs, evaluated by the
// compiled program and by a straightforward interpreter written here from
// entra-semantics.md section 4.10 (RE2 testing/tester.h style). The rules
// are generated as trees, rendered to text with random spellings
// (hyphen or not, case, whitespace, redundant parentheses, escapes), and
// compiled by the library; the interpreter walks the generated tree. So the
// lexer, parser, compiler and evaluator are all checked against an
// independent reading of the spec.
//
// THE INTERPRETER BELOW IS A TEST ORACLE: slow, allocation-heavy, obvious.

#include <map>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "gtest/gtest.h"
#include "lib/device_filter/attribute_filter.h"
#include "lib/device_filter/device_filter.h"
#include "lib/device_filter/operators.h"
#include "tests/device_filter/test_device.h"

namespace crossgate::device_filter {
namespace {

using testing::TestDevice;
using O = Operator;

enum class PType { kText, kBool, kCollection, kMulti };

struct Prop {
  std::string name;  // as written after the object prefix
  PType type;
  int slot;  // DeviceText, DeviceCollection, or attribute index
  std::vector<Operator> ops;
};

const std::vector<Operator> kFull = {
    O::kEquals,   O::kNotEquals,   O::kStartsWith, O::kNotStartsWith,
    O::kEndsWith, O::kNotEndsWith, O::kContains,   O::kNotContains,
    O::kIn,       O::kNotIn,       O::kMatch,      O::kNotMatch};

std::vector<Prop> DeviceProps() {
  const std::vector<Operator> eq_ne = {O::kEquals, O::kNotEquals};
  const std::vector<Operator> ids = {O::kEquals, O::kNotEquals, O::kIn,
                                     O::kNotIn};
  const std::vector<Operator> coll = {O::kContains, O::kNotContains};
  auto text = [](const char* name, DeviceText t, std::vector<Operator> ops) {
    return Prop{name, PType::kText, static_cast<int>(t), std::move(ops)};
  };
  std::vector<Prop> p = {
      text("deviceId", DeviceText::kDeviceId, ids),
      text("displayName", DeviceText::kDisplayName, kFull),
      text("deviceOwnership", DeviceText::kDeviceOwnership, eq_ne),
      text("model", DeviceText::kModel, kFull),
      text("operatingSystem", DeviceText::kOperatingSystem, kFull),
      text("trustType", DeviceText::kTrustType, eq_ne),
      text("mdmAppId", DeviceText::kMdmAppId, ids),
      text("extensionAttribute3", ExtensionAttribute(3), kFull),
      text("extensionAttribute15", ExtensionAttribute(15), kFull),
      {"isCompliant", PType::kBool, 0, eq_ne},
      {"physicalIds", PType::kCollection, 0, coll},
      {"systemLabels", PType::kCollection, 1, coll},
  };
  return p;
}

std::vector<Prop> AttributeProps() {
  std::vector<Operator> ops = {
      O::kEquals,   O::kNotEquals,   O::kStartsWith, O::kNotStartsWith,
      O::kContains, O::kNotContains, O::kIn,         O::kNotIn,
      O::kMatch,    O::kNotMatch};
  return {{"Ops_Tier", PType::kMulti, 0, ops},
          {"Ops_Owner", PType::kMulti, 1, ops},
          {"Apps2_Tag", PType::kMulti, 2, ops}};
}

const std::vector<std::string> kValues = {
    "Windows",    "windows 10", "WIN",      "iOS",     "",         "Sam's",
    "say \"hi\"", "AzureAD",    "ServerAD", "Company", "Personal", "École",
    "ÉCOLE",      "Ωmega",      "ωMEGA",    "жук",     "ЖУК",      "abc",
    "ab",         "b",          "10"};
const std::vector<std::string> kLiterals = {
    "win", "WINDOWS", "10",  "s",     "é",     "ÉC",      "Ж",
    "ук",  "a",       "",    "'s",    "\"",    "azuread", "company",
    "b",   "AB",      "abc", "ωmega", "Sam''s"};
const std::vector<std::string> kPatterns = {
    "^win", "ows$", "a.c", "10|ios", "^$", "s'", "[0-9]+", "^(ab|b)$"};

struct Expr {
  enum class Kind { kCmp, kAnd, kOr } kind = Kind::kCmp;
  std::vector<Expr> kids;
  int prop = 0;
  Operator op = O::kEquals;
  enum class Lit { kNull, kBool, kString, kList } lit = Lit::kString;
  bool b = false;
  std::vector<std::string> strs;
};

struct Input {
  bool registered = true;
  std::map<int, std::optional<std::string>> text;  // device text slots
  std::optional<bool> compliant;
  std::map<int, std::optional<std::vector<std::string>>> lists;  // slot ->
};

// --- the oracle ------------------------------------------------------------

std::string RefLower(std::string s) {
  static const std::vector<std::pair<std::string, std::string>> kPairs = {
      {"É", "é"}, {"Ω", "ω"}, {"Ж", "ж"}, {"У", "у"}, {"К", "к"}};
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  for (const auto& [upper, lower] : kPairs) {
    for (size_t p = s.find(upper); p != std::string::npos; p = s.find(upper)) {
      s.replace(p, upper.size(), lower);
    }
  }
  return s;
}

bool IsNegativeOp(Operator op) {
  return op == O::kNotEquals || op == O::kNotStartsWith ||
         op == O::kNotEndsWith || op == O::kNotContains || op == O::kNotIn ||
         op == O::kNotMatch;
}

// kPatterns, spelled out by hand on the lower-cased value (std::regex is
// avoided: GCC 12 warns inside it under sanitizers, and an independent
// reading is the point of the oracle). Unanchored search, case-insensitive.
bool RefRegex(const std::string& pattern, const std::string& v) {
  auto has = [&](const std::string& s) {
    return v.find(s) != std::string::npos;
  };
  if (pattern == "^win") return v.rfind("win", 0) == 0;
  if (pattern == "ows$") {
    return v.size() >= 3 && v.compare(v.size() - 3, 3, "ows") == 0;
  }
  if (pattern == "a.c") {
    // '.' is one character; the vocabulary has only ASCII between a and c.
    for (size_t i = 0; i + 2 < v.size(); ++i) {
      if (v[i] == 'a' && v[i + 2] == 'c' && v[i + 1] != '\n') return true;
    }
    return false;
  }
  if (pattern == "10|ios") return has("10") || has("ios");
  if (pattern == "^$") return v.empty();
  if (pattern == "s'") return has("s'");
  if (pattern == "[0-9]+") {
    for (char c : v) {
      if (c >= '0' && c <= '9') return true;
    }
    return false;
  }
  if (pattern == "^(ab|b)$") return v == "ab" || v == "b";
  ADD_FAILURE() << "oracle has no reading of pattern " << pattern;
  return false;
}

// The positive string operators on one value.
bool RefStringTest(Operator op, const std::string& value, const Expr& e,
                   bool whole_element_contains) {
  const std::string v = RefLower(value);
  const std::string lit = e.strs.empty() ? "" : RefLower(e.strs[0]);
  switch (op) {
    case O::kEquals:
    case O::kNotEquals:
      return v == lit;
    case O::kStartsWith:
    case O::kNotStartsWith:
      return v.rfind(lit, 0) == 0;
    case O::kEndsWith:
    case O::kNotEndsWith:
      return v.size() >= lit.size() &&
             v.compare(v.size() - lit.size(), lit.size(), lit) == 0;
    case O::kContains:
    case O::kNotContains:
      return whole_element_contains ? v == lit
                                    : v.find(lit) != std::string::npos;
    case O::kIn:
    case O::kNotIn:
      for (const std::string& s : e.strs) {
        if (v == RefLower(s)) return true;
      }
      return false;
    case O::kMatch:
    case O::kNotMatch:
      return RefRegex(e.strs[0], v);
  }
  return false;
}

bool RefEval(const Expr& e, const std::vector<Prop>& props, const Input& in) {
  if (e.kind == Expr::Kind::kAnd) {
    for (const Expr& k : e.kids) {
      if (!RefEval(k, props, in)) return false;
    }
    return true;
  }
  if (e.kind == Expr::Kind::kOr) {
    for (const Expr& k : e.kids) {
      if (RefEval(k, props, in)) return true;
    }
    return false;
  }
  const Prop& p = props[e.prop];
  const bool negative = IsNegativeOp(e.op);
  // Gather the value(s); nullopt is null (unregistered => all null).
  std::optional<std::vector<std::string>> values;
  if (in.registered) {
    if (p.type == PType::kText) {
      auto it = in.text.find(p.slot);
      if (it != in.text.end() && it->second) values = {{*it->second}};
    } else if (p.type == PType::kBool) {
      if (in.compliant) values = {{*in.compliant ? "true" : "false"}};
    } else {
      auto it = in.lists.find(p.slot);
      if (it != in.lists.end() && it->second && !it->second->empty()) {
        values = *it->second;
      }
    }
  }
  if (e.lit == Expr::Lit::kNull) {
    return e.op == O::kEquals ? !values.has_value() : values.has_value();
  }
  if (!values) return negative;  // section 4.10 null rule
  bool positive = false;
  if (p.type == PType::kBool) {
    positive = ((*values)[0] == "true") == e.b;
  } else {
    for (const std::string& v : *values) {
      positive =
          positive || RefStringTest(e.op, v, e, p.type == PType::kCollection);
    }
  }
  return positive != negative;
}

// --- generation and rendering -----------------------------------------------

class Generator {
 public:
  Generator(uint32_t seed, std::vector<Prop> props, bool regex)
      : rng_(seed), props_(std::move(props)), regex_(regex) {}

  int Uniform(int lo, int hi) {
    return std::uniform_int_distribution<int>(lo, hi)(rng_);
  }
  bool Chance(double p) { return std::bernoulli_distribution(p)(rng_); }
  template <typename T>
  const T& Pick(const std::vector<T>& v) {
    return v[Uniform(0, static_cast<int>(v.size()) - 1)];
  }

  Expr Gen(int depth) {
    Expr e;
    if (depth == 0 || Chance(0.35)) return GenCmp();
    e.kind = Chance(0.5) ? Expr::Kind::kAnd : Expr::Kind::kOr;
    int n = Uniform(2, 4);
    for (int i = 0; i < n; ++i) e.kids.push_back(Gen(depth - 1));
    return e;
  }

  Expr GenCmp() {
    Expr e;
    e.prop = Uniform(0, static_cast<int>(props_.size()) - 1);
    const Prop& p = props_[e.prop];
    do {
      e.op = Pick(p.ops);
    } while (!regex_ && (e.op == O::kMatch || e.op == O::kNotMatch));
    if ((e.op == O::kEquals || e.op == O::kNotEquals) && Chance(0.15)) {
      e.lit = Expr::Lit::kNull;
    } else if (p.type == PType::kBool) {
      e.lit = Expr::Lit::kBool;
      e.b = Chance(0.5);
    } else if (e.op == O::kIn || e.op == O::kNotIn) {
      e.lit = Expr::Lit::kList;
      int n = Uniform(1, 4);
      for (int i = 0; i < n; ++i) e.strs.push_back(LiteralOrValue());
    } else if (e.op == O::kMatch || e.op == O::kNotMatch) {
      e.strs.push_back(Pick(kPatterns));
    } else {
      e.strs.push_back(LiteralOrValue());
    }
    // The oracle reads unescaped literals: '' in kLiterals stands for '.
    // absl::StrReplaceAll rather than std::string::replace in a loop: GCC 12
    // -O3 reports a false -Wrestrict on the latter.
    for (std::string& s : e.strs) {
      while (s.find("''") != std::string::npos) {
        s = absl::StrReplaceAll(s, {{"''", "'"}});
      }
    }
    return e;
  }

  std::string LiteralOrValue() {
    return Chance(0.5) ? Pick(kLiterals) : Pick(kValues);
  }

  std::string Space() {
    static const std::vector<std::string> kSpaces = {" ",  " ",  " ",    "  ",
                                                     "\t", "\n", " \r\n"};
    return Pick(kSpaces);
  }

  std::string RandomCase(const std::string& s) {
    switch (Uniform(0, 3)) {
      case 0: {
        std::string out = s;
        for (char& c : out) c = static_cast<char>(std::tolower(c));
        return out;
      }
      case 1: {
        std::string out = s;
        for (char& c : out) c = static_cast<char>(std::toupper(c));
        return out;
      }
      default:
        return s;
    }
  }

  std::string Keyword(absl::string_view word) {
    // Appended, not `const char* + std::string`: GCC 12 -O3 reports a
    // false -Wrestrict on that operator.
    std::string out = Chance(0.8) ? "-" : "";
    out += RandomCase(std::string(word));
    return out;
  }

  std::string Quote(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
      if (c == '"') {
        out += "`\"";
      } else if (c == '\'') {
        out += "''";
      } else {
        out += c;
      }
    }
    return out + "\"";
  }

  std::string Render(const Expr& e, const std::string& object) {
    if (e.kind == Expr::Kind::kCmp) {
      std::string s = RenderCmp(e, object);
      return Chance(0.1) ? "(" + Space() + s + Space() + ")" : s;
    }
    std::vector<std::string> parts;
    for (const Expr& k : e.kids) {
      std::string s = Render(k, object);
      // An -or operand of an -and needs parentheses; any other nesting may
      // have them.
      const bool needed =
          e.kind == Expr::Kind::kAnd && k.kind == Expr::Kind::kOr;
      if (needed || (k.kind != Expr::Kind::kCmp && Chance(0.3))) {
        s = "(" + s + ")";
      }
      parts.push_back(s);
    }
    const std::string connective =
        Keyword(e.kind == Expr::Kind::kAnd ? "and" : "or");
    return absl::StrJoin(parts, Space() + connective + Space());
  }

  std::string RenderCmp(const Expr& e, const std::string& object) {
    std::string s =
        RandomCase(object) + "." +
        (Chance(0.3) ? RandomCase(props_[e.prop].name) : props_[e.prop].name) +
        Space();
    std::string op(OperatorName(e.op).substr(1));
    s += Keyword(Chance(0.5) ? op : RandomCase(op)) + Space();
    switch (e.lit) {
      case Expr::Lit::kNull:
        return s + (Chance(0.5) ? "null" : "NULL");
      case Expr::Lit::kBool: {
        std::string b = e.b ? "True" : "false";
        return s + (Chance(0.5) ? RandomCase(b) : "\"" + RandomCase(b) + "\"");
      }
      case Expr::Lit::kString:
        return s + Quote(e.strs[0]);
      case Expr::Lit::kList: {
        std::vector<std::string> items;
        for (const std::string& str : e.strs) items.push_back(Quote(str));
        return s + "[" + absl::StrJoin(items, Chance(0.5) ? "," : ", ") + "]";
      }
    }
    return s;
  }

  std::optional<std::string> MaybeValue() {
    if (Chance(0.35)) return std::nullopt;
    return Pick(kValues);
  }

  std::optional<std::vector<std::string>> MaybeList() {
    if (Chance(0.3)) return std::nullopt;
    std::vector<std::string> v;
    int n = Uniform(0, 3);
    for (int i = 0; i < n; ++i)
      v.push_back(Chance(0.5) ? Pick(kValues) : Pick(kLiterals));
    return v;
  }

 private:
  std::mt19937 rng_;
  std::vector<Prop> props_;
  bool regex_;
};

TEST(DeviceFilterDifferential, CompiledEvaluatorAgreesWithOracle) {
  const std::vector<Prop> props = DeviceProps();
  int mismatches = 0;
  int true_results = 0, total = 0;
  for (int iter = 0; iter < 1500 && mismatches < 5; ++iter) {
    const bool regex = iter % 3 == 0;
    Generator gen(1000 + iter, props, regex);
    const Expr expr = gen.Gen(gen.Uniform(0, 4));
    const std::string rule = gen.Render(expr, "device");
    Options options;
    options.allow_regex_operators = regex;
    options.max_rule_length = 1 << 16;  // generated rules may be long
    options.max_terms = kMaxTermsLimit;
    absl::StatusOr<CompiledRule> compiled = CompileRule(rule, options);
    ASSERT_TRUE(compiled.ok()) << rule << "\n" << compiled.status();

    Input unregistered;
    unregistered.registered = false;
    EXPECT_EQ(compiled->MatchesUnregistered(),
              RefEval(expr, props, unregistered))
        << rule;
    for (int d = 0; d < 20; ++d) {
      Input in;
      in.registered = gen.Chance(0.85);
      TestDevice device =
          in.registered ? TestDevice::Registered() : TestDevice::Unregistered();
      for (const Prop& p : props) {
        if (p.type == PType::kText) {
          in.text[p.slot] = gen.MaybeValue();
          if (in.text[p.slot]) {
            device.Set(static_cast<DeviceText>(p.slot), *in.text[p.slot]);
          }
        } else if (p.type == PType::kCollection) {
          in.lists[p.slot] = gen.MaybeList();
          device.Collection(static_cast<DeviceCollection>(p.slot),
                            in.lists[p.slot]);
        }
      }
      if (!gen.Chance(0.3)) in.compliant = gen.Chance(0.5);
      device.Compliant(in.compliant);
      const bool want = RefEval(expr, props, in);
      const bool got = compiled->Matches(device.attrs());
      ++total;
      true_results += want;
      if (got != want) {
        ++mismatches;
        ADD_FAILURE() << "rule: " << rule << "\nprogram:\n"
                      << compiled->DebugString() << "oracle " << want
                      << ", compiled " << got;
      }
    }
  }
  // The generator must exercise both outcomes substantially.
  EXPECT_GT(true_results, total / 5);
  EXPECT_LT(true_results, total * 4 / 5);
}

TEST(AttributeFilterDifferential, CompiledEvaluatorAgreesWithOracle) {
  const std::vector<Prop> props = AttributeProps();
  int mismatches = 0;
  for (int iter = 0; iter < 600 && mismatches < 5; ++iter) {
    const bool regex = iter % 3 == 0;
    Generator gen(7000 + iter, props, regex);
    const Expr expr = gen.Gen(gen.Uniform(0, 3));
    const std::string rule = gen.Render(expr, "CustomSecurityAttribute");
    Options options;
    options.allow_regex_operators = regex;
    options.max_rule_length = 1 << 16;  // generated rules may be long
    options.max_terms = kMaxTermsLimit;
    absl::StatusOr<CompiledAttributeRule> compiled =
        CompileAttributeRule(rule, options);
    ASSERT_TRUE(compiled.ok()) << rule << "\n" << compiled.status();
    for (int d = 0; d < 20; ++d) {
      Input in;
      std::vector<std::vector<absl::string_view>> views(props.size());
      std::vector<std::optional<std::vector<std::string>>> storage(
          props.size());
      for (const Prop& p : props) {
        storage[p.slot] = gen.MaybeList();
        in.lists[p.slot] = storage[p.slot];
      }
      // Slot order is first use in the rule; map by name.
      std::vector<AttributeValues> by_slot;
      for (const auto& name : compiled->attributes()) {
        int slot = -1;
        for (const Prop& p : props) {
          if (RefLower(p.name) == RefLower(name.set + "_" + name.name)) {
            slot = p.slot;
          }
        }
        ASSERT_GE(slot, 0);
        AttributeValues v = absl::nullopt;
        if (storage[slot]) {
          views[slot].assign(storage[slot]->begin(), storage[slot]->end());
          v = absl::Span<const absl::string_view>(views[slot]);
        }
        by_slot.push_back(v);
      }
      const bool want = RefEval(expr, props, in);
      const bool got = compiled->Matches(by_slot);
      if (got != want) {
        ++mismatches;
        ADD_FAILURE() << "rule: " << rule << "\nprogram:\n"
                      << compiled->DebugString() << "oracle " << want
                      << ", compiled " << got;
      }
    }
  }
}

}  // namespace
}  // namespace crossgate::device_filter
