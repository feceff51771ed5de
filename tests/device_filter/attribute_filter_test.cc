// Application / service principal filters over custom security attributes
// (attribute_filter.h; entra-semantics.md sections 4.4, 4.5).

#include "lib/device_filter/attribute_filter.h"

#include <map>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "gtest/gtest.h"

namespace crossgate::device_filter {
namespace {

// Attributes of one service principal, looked up case-insensitively.
class FakeServicePrincipal : public AttributeLookup {
 public:
  FakeServicePrincipal& Set(std::string set, std::string name,
                            std::vector<std::string> values) {
    auto& entry = values_[Key(set, name)];
    entry.strings = std::move(values);
    entry.views.assign(entry.strings.begin(), entry.strings.end());
    return *this;
  }
  AttributeValues Find(absl::string_view set,
                       absl::string_view name) const override {
    ++lookups;
    auto it = values_.find(Key(set, name));
    if (it == values_.end()) return absl::nullopt;
    return absl::Span<const absl::string_view>(it->second.views);
  }
  mutable int lookups = 0;

 private:
  struct Entry {
    std::vector<std::string> strings;
    std::vector<absl::string_view> views;
  };
  static std::string Key(absl::string_view set, absl::string_view name) {
    return absl::AsciiStrToLower(set) + "_" + absl::AsciiStrToLower(name);
  }
  std::map<std::string, Entry> values_;
};

CompiledAttributeRule MustCompileAttr(absl::string_view rule,
                                      const Options& options = {}) {
  absl::StatusOr<CompiledAttributeRule> compiled =
      CompileAttributeRule(rule, options);
  EXPECT_TRUE(compiled.ok()) << rule << ": " << compiled.status();
  return compiled.ok() ? *std::move(compiled) : CompiledAttributeRule();
}

std::string Error(absl::string_view rule, const Options& options = {}) {
  absl::Status s = CheckApplicationFilterRule(rule, options);
  return s.ok() ? "OK" : std::string(s.message());
}

TEST(AttributeFilter, DocumentedSample) {
  // concept-filter-for-applications: policyRequirement Contains requireMFA.
  CompiledAttributeRule rule = MustCompileAttr(
      "CustomSecurityAttribute.ConditionalAccessTest_policyRequirement "
      "-contains \"requireMFA\"");
  ASSERT_EQ(rule.attributes().size(), 1u);
  EXPECT_EQ(rule.attributes()[0].set, "ConditionalAccessTest");
  EXPECT_EQ(rule.attributes()[0].name, "policyRequirement");

  FakeServicePrincipal tagged;
  tagged.Set("ConditionalAccessTest", "policyRequirement",
             {"blockGuestUsers", "REQUIREMFA"});
  FakeServicePrincipal other;
  other.Set("ConditionalAccessTest", "policyRequirement",
            {"legacyAuthAllowed"});
  FakeServicePrincipal untagged;
  EXPECT_TRUE(rule.Matches(tagged));
  EXPECT_FALSE(rule.Matches(other));
  EXPECT_FALSE(rule.Matches(untagged));  // not assigned: null
  EXPECT_TRUE(FilterApplies(rule, /*include_mode=*/true, tagged));
  EXPECT_TRUE(FilterApplies(rule, /*include_mode=*/false, untagged));
}

TEST(AttributeFilter, OperatorsOnSingleAndMultiValuedAttributes) {
  struct Case {
    const char* rule;
    std::vector<std::string> values;  // empty: not assigned
    bool want;
  };
  const Case cases[] = {
      {"CustomSecurityAttribute.Ops_Tier -eq \"Gold\"", {"gold"}, true},
      {"CustomSecurityAttribute.Ops_Tier -eq \"Gold\"",
       {"silver", "GOLD"},
       true},
      {"CustomSecurityAttribute.Ops_Tier -eq \"Gold\"", {"golden"}, false},
      {"CustomSecurityAttribute.Ops_Tier -eq \"Gold\"", {}, false},
      {"CustomSecurityAttribute.Ops_Tier -ne \"Gold\"", {"gold"}, false},
      {"CustomSecurityAttribute.Ops_Tier -ne \"Gold\"",
       {"silver", "gold"},
       false},
      {"CustomSecurityAttribute.Ops_Tier -ne \"Gold\"", {"silver"}, true},
      {"CustomSecurityAttribute.Ops_Tier -ne \"Gold\"", {}, true},
      {"CustomSecurityAttribute.Ops_Tier -startsWith \"go\"", {"Gold"}, true},
      {"CustomSecurityAttribute.Ops_Tier -notStartsWith \"go\"",
       {"Gold"},
       false},
      {"CustomSecurityAttribute.Ops_Tier -notStartsWith \"go\"", {}, true},
      // -contains is a substring test on each value.
      {"CustomSecurityAttribute.Ops_Tier -contains \"ol\"", {"Gold"}, true},
      {"CustomSecurityAttribute.Ops_Tier -contains \"ol\"", {"x", "y"}, false},
      {"CustomSecurityAttribute.Ops_Tier -notContains \"ol\"", {"Gold"}, false},
      {"CustomSecurityAttribute.Ops_Tier -notContains \"ol\"", {}, true},
      {"CustomSecurityAttribute.Ops_Tier -in [\"a\", \"Gold\"]",
       {"GOLD"},
       true},
      {"CustomSecurityAttribute.Ops_Tier -notIn [\"a\", \"Gold\"]",
       {"b"},
       true},
      {"CustomSecurityAttribute.Ops_Tier -notIn [\"a\", \"Gold\"]", {}, true},
      {"CustomSecurityAttribute.Ops_Tier -eq null", {}, true},
      {"CustomSecurityAttribute.Ops_Tier -eq null", {"x"}, false},
      {"CustomSecurityAttribute.Ops_Tier -ne null", {"x"}, true},
  };
  for (const Case& c : cases) {
    CompiledAttributeRule rule = MustCompileAttr(c.rule);
    FakeServicePrincipal sp;
    if (!c.values.empty()) sp.Set("Ops", "Tier", c.values);
    EXPECT_EQ(rule.Matches(sp), c.want) << c.rule;
    // The slot form agrees with the lookup form.
    std::vector<absl::string_view> views(c.values.begin(), c.values.end());
    AttributeValues slot = absl::nullopt;
    if (!c.values.empty()) slot = absl::Span<const absl::string_view>(views);
    EXPECT_EQ(rule.Matches(absl::MakeConstSpan(&slot, 1)), c.want) << c.rule;
  }
}

TEST(AttributeFilter, AssignedButEmptyIsNull) {
  CompiledAttributeRule eq_null =
      MustCompileAttr("CustomSecurityAttribute.Ops_Tier -eq null");
  AttributeValues empty = absl::Span<const absl::string_view>();
  EXPECT_TRUE(eq_null.Matches(absl::MakeConstSpan(&empty, 1)));
}

TEST(AttributeFilter, SlotsAreInternedCaseInsensitively) {
  CompiledAttributeRule rule = MustCompileAttr(
      "CustomSecurityAttribute.Ops_Tier -eq \"gold\" -or "
      "(customsecurityattribute.OPS_TIER -eq \"silver\" -and "
      "CustomSecurityAttribute.Apps_Owner -startsWith \"team\")");
  ASSERT_EQ(rule.attributes().size(), 2u);
  EXPECT_EQ(rule.attributes()[0].set, "Ops");
  EXPECT_EQ(rule.attributes()[1].set, "Apps");
  EXPECT_EQ(rule.attributes()[1].name, "Owner");
  FakeServicePrincipal sp;
  sp.Set("ops", "tier", {"Silver"}).Set("APPS", "owner", {"TeamA"});
  EXPECT_TRUE(rule.Matches(sp));
  // Short-circuit: the first test fails, the next two are read.
  EXPECT_EQ(sp.lookups, 3);
  sp.Set("apps", "owner", {"x"});
  EXPECT_FALSE(rule.Matches(sp));
  // Missing trailing slots are null.
  std::vector<absl::string_view> silver = {"silver"};
  AttributeValues one = absl::Span<const absl::string_view>(silver);
  EXPECT_FALSE(rule.Matches(absl::MakeConstSpan(&one, 1)));
  EXPECT_FALSE(rule.Matches(absl::Span<const AttributeValues>()));
}

TEST(AttributeFilter, Errors) {
  EXPECT_EQ(Error("CustomSecurityAttribute.Ops_Tier -contains \"x\""), "OK");
  EXPECT_EQ(Error("device.model -eq \"x\""),
            "offset 1: unknown property 'device.model'; properties are written "
            "'CustomSecurityAttribute.<name>'");
  EXPECT_EQ(Error("CustomSecurityAttribute.OpsTier -eq \"x\""),
            "offset 1: unknown property 'CustomSecurityAttribute.OpsTier'");
  EXPECT_EQ(Error("CustomSecurityAttribute.Ops_Tier_X -eq \"x\""),
            "offset 1: unknown property 'CustomSecurityAttribute.Ops_Tier_X'");
  EXPECT_EQ(Error("CustomSecurityAttribute._Tier -eq \"x\""),
            "offset 1: unknown property 'CustomSecurityAttribute._Tier'");
  EXPECT_EQ(
      Error("CustomSecurityAttribute." + std::string(33, 'a') + "_b -eq \"x\""),
      "offset 1: unknown property "
      "'CustomSecurityAttribute.aaaaaaaaaaaaaaaa...'");
  EXPECT_EQ(Error("CustomSecurityAttribute.Ops_Tier -endsWith \"x\""),
            "offset 34: operator '-endsWith' is not allowed for property "
            "'CustomSecurityAttribute.Ops_Tier' (allowed: -eq, -ne, "
            "-startsWith, -notStartsWith, -contains, -notContains, -in, "
            "-notIn, -match, -notMatch)");
  EXPECT_EQ(Error("CustomSecurityAttribute.Ops_Tier -eq true"),
            "offset 38: property 'CustomSecurityAttribute.Ops_Tier' takes a "
            "quoted string, not a boolean");
  EXPECT_EQ(Error("CustomSecurityAttribute.Ops_Tier -match \"x\""),
            "offset 34: operator '-match' is disabled (regular expressions "
            "need Options::allow_regex_operators)");
  EXPECT_EQ(Error("CustomSecurityAttribute.Ops_Tier -any (_ -eq \"x\")"),
            "offset 34: operator '-any' is not supported in Conditional Access "
            "filters");
  EXPECT_EQ(Error(""), "offset 1: empty rule");
}

TEST(AttributeFilter, RegexBehindTheOption) {
  Options o;
  o.allow_regex_operators = true;
  CompiledAttributeRule rule =
      MustCompileAttr("CustomSecurityAttribute.Ops_Tier -match \"^g.ld$\"", o);
  FakeServicePrincipal sp;
  sp.Set("Ops", "Tier", {"x", "GOLD"});
  EXPECT_TRUE(rule.Matches(sp));
}

}  // namespace
}  // namespace crossgate::device_filter
