// Operator-by-operator semantics of the device filter (entra-semantics.md
// section 4.10): every operator on a value that matches, one that does not,
// an individually null property, and an unregistered device, in both modes.

#include "lib/device_filter/operators.h"

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "lib/device_filter/device_filter.h"
#include "tests/device_filter/test_device.h"

namespace crossgate::device_filter {
namespace {

using testing::CompileError;
using testing::MustCompile;
using testing::RegexOptions;
using testing::TestDevice;

struct OpCase {
  std::string rule;
  DeviceText property;
  std::vector<std::pair<std::string, bool>> values;  // value -> rule result
  bool when_null;  // result when the property is null (section 4.10)
};

// A registered device where every text property except `except` holds
// "other", so the property under test is the only null one.
TestDevice AllSetExcept(DeviceText except) {
  TestDevice d = TestDevice::Registered();
  for (size_t i = 0; i < kDeviceTextCount; ++i) {
    if (static_cast<DeviceText>(i) != except) {
      d.Set(static_cast<DeviceText>(i), "other");
    }
  }
  d.Compliant(true);
  return d;
}

void CheckCase(const OpCase& c, const Options& options = {}) {
  SCOPED_TRACE(c.rule);
  CompiledRule rule = MustCompile(c.rule, options);
  for (const auto& [value, want] : c.values) {
    SCOPED_TRACE(absl::StrCat("value '", value, "'"));
    TestDevice d = AllSetExcept(c.property);
    d.Set(c.property, value);
    EXPECT_EQ(rule.Matches(d.attrs()), want);
    EXPECT_EQ(FilterApplies(rule, /*include_mode=*/true, d.attrs()), want);
    EXPECT_EQ(FilterApplies(rule, /*include_mode=*/false, d.attrs()), !want);
  }
  // Individually null property on a registered device.
  TestDevice null_prop = AllSetExcept(c.property);
  EXPECT_EQ(rule.Matches(null_prop.attrs()), c.when_null) << "null property";
  EXPECT_EQ(FilterApplies(rule, true, null_prop.attrs()), c.when_null);
  EXPECT_EQ(FilterApplies(rule, false, null_prop.attrs()), !c.when_null);
  // Unregistered: every property null even when the caller filled fields in.
  TestDevice unregistered = TestDevice::Unregistered();
  if (!c.values.empty()) unregistered.Set(c.property, c.values[0].first);
  EXPECT_EQ(rule.Matches(unregistered.attrs()), c.when_null) << "unregistered";
  EXPECT_EQ(rule.MatchesUnregistered(), c.when_null);
  EXPECT_EQ(FilterApplies(rule, true, unregistered.attrs()), c.when_null);
  EXPECT_EQ(FilterApplies(rule, false, unregistered.attrs()), !c.when_null);
}

constexpr DeviceText kName = DeviceText::kDisplayName;

TEST(DeviceFilterOperators, Equals) {
  CheckCase({"device.displayName -eq \"Laptop-01\"",
             kName,
             {{"Laptop-01", true},
              {"LAPTOP-01", true},
              {"laptop-01 ", false},
              {"Laptop-0", false},
              {"", false}},
             false});
  CheckCase({"device.displayName -eq \"\"",
             kName,
             {{"", true}, {"x", false}},
             false});
}

TEST(DeviceFilterOperators, NotEquals) {
  CheckCase({"device.displayName -ne \"Laptop-01\"",
             kName,
             {{"Laptop-01", false}, {"laptop-01", false}, {"Laptop-02", true}},
             true});
}

TEST(DeviceFilterOperators, StartsWith) {
  CheckCase(
      {"device.displayName -startsWith \"Lap\"",
       kName,
       {{"Laptop", true}, {"LAP", true}, {"La", false}, {"xLaptop", false}},
       false});
  CheckCase(
      {"device.displayName -startsWith \"\"", kName, {{"x", true}}, false});
}

TEST(DeviceFilterOperators, NotStartsWith) {
  CheckCase({"device.displayName -notStartsWith \"Lap\"",
             kName,
             {{"Laptop", false}, {"lAptop", false}, {"La", true}, {"", true}},
             true});
}

TEST(DeviceFilterOperators, EndsWith) {
  CheckCase({"device.displayName -endsWith \"-01\"",
             kName,
             {{"Laptop-01", true},
              {"-01", true},
              {"01", false},
              {"Laptop-01x", false}},
             false});
}

TEST(DeviceFilterOperators, NotEndsWith) {
  CheckCase({"device.displayName -notEndsWith \"-PC\"",
             kName,
             {{"desk-pc", false}, {"desk-pcx", true}, {"pc", true}},
             true});
}

TEST(DeviceFilterOperators, ContainsOnStringIsSubstring) {
  CheckCase({"device.displayName -contains \"top\"",
             kName,
             {{"Laptop-01", true}, {"TOP", true}, {"to p", false}, {"", false}},
             false});
  CheckCase({"device.displayName -contains \"\"", kName, {{"", true}}, false});
}

TEST(DeviceFilterOperators, NotContains) {
  CheckCase({"device.displayName -notContains \"kiosk\"",
             kName,
             {{"Lobby-KIOSK-2", false}, {"kios", true}, {"", true}},
             true});
}

TEST(DeviceFilterOperators, In) {
  CheckCase({"device.displayName -in [\"A\", \"b\", \"Laptop-01\", \"b\"]",
             kName,
             {{"laptop-01", true},
              {"B", true},
              {"a", true},
              {"c", false},
              {"", false}},
             false});
}

TEST(DeviceFilterOperators, NotIn) {
  CheckCase({"device.displayName -notIn [\"A\",\"b\"]",
             kName,
             {{"a", false}, {"B", false}, {"ab", true}},
             true});
}

TEST(DeviceFilterOperators, EqualsNull) {
  CheckCase({"device.displayName -eq null",
             kName,
             {{"x", false}, {"", false}, {"null", false}},
             true});
}

TEST(DeviceFilterOperators, NotEqualsNull) {
  CheckCase(
      {"device.displayName -ne NULL", kName, {{"x", true}, {"", true}}, false});
}

TEST(DeviceFilterOperators, QuotedNullIsAString) {
  CheckCase({"device.displayName -eq \"null\"",
             kName,
             {{"NULL", true}, {"x", false}},
             false});
}

TEST(DeviceFilterOperators, Match) {
  CheckCase({"device.displayName -match \"^Lap.*01$\"",
             kName,
             {{"laptop-01", true}, {"xlaptop-01", false}, {"Laptop-02", false}},
             false},
            RegexOptions());
  // Unanchored search, as the group doc's examples imply.
  CheckCase({"device.displayName -match \"top\"",
             kName,
             {{"LAPTOP-01", true}, {"tp", false}},
             false},
            RegexOptions());
}

TEST(DeviceFilterOperators, NotMatch) {
  CheckCase({"device.displayName -notMatch \"^(kiosk|lobby)-\"",
             kName,
             {{"Kiosk-1", false}, {"LOBBY-2", false}, {"desk-kiosk-", true}},
             true},
            RegexOptions());
}

TEST(DeviceFilterOperators, DeviceIdAndMdmAppId) {
  CheckCase({"(device.deviceid -eq \"aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb\")",
             DeviceText::kDeviceId,
             {{"AAAAAAAA-0000-1111-2222-BBBBBBBBBBBB", true},
              {"aaaaaaaa-0000-1111-2222-bbbbbbbbbbbc", false}},
             false});
  CheckCase({"device.mdmAppId -in [\"00001111-aaaa-2222-bbbb-3333cccc4444\"]",
             DeviceText::kMdmAppId,
             {{"00001111-AAAA-2222-bbbb-3333cccc4444", true}, {"x", false}},
             false});
  CheckCase(
      {"device.mdmAppId -notIn [\"00001111-aaaa-2222-bbbb-3333cccc4444\"]",
       DeviceText::kMdmAppId,
       {{"00001111-AAAA-2222-bbbb-3333cccc4444", false}, {"x", true}},
       true});
  CheckCase({"device.deviceId -ne \"aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb\"",
             DeviceText::kDeviceId,
             {{"aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb", false}, {"y", true}},
             true});
}

TEST(DeviceFilterOperators, EqualsOnlyProperties) {
  CheckCase({"device.deviceOwnership -eq \"Company\"",
             DeviceText::kDeviceOwnership,
             {{"company", true}, {"Personal", false}},
             false});
  CheckCase({"device.trustType -ne \"AzureAD\"",
             DeviceText::kTrustType,
             {{"AZUREAD", false}, {"ServerAD", true}, {"Workplace", true}},
             true});
  CheckCase({"device.profileType -eq \"Printer\"",
             DeviceText::kProfileType,
             {{"printer", true}, {"RegisteredDevice", false}},
             false});
}

TEST(DeviceFilterOperators, OtherFullStringSetProperties) {
  CheckCase({"device.enrollmentProfileName -startsWith \"AutoPilot Profile\"",
             DeviceText::kEnrollmentProfileName,
             {{"Autopilot profile EU", true}, {"Profile", false}},
             false});
  CheckCase({"device.manufacturer -startsWith \"Microsoft\"",
             DeviceText::kManufacturer,
             {{"Microsoft Corporation", true}, {"Dell", false}},
             false});
  CheckCase({"device.model -notContains \"Surface\"",
             DeviceText::kModel,
             {{"Surface Pro 9", false}, {"Latitude", true}},
             true});
  CheckCase({"device.operatingSystem -eq \"Windows\"",
             DeviceText::kOperatingSystem,
             {{"windows", true}, {"iOS", false}},
             false});
  CheckCase(
      {"device.operatingSystemVersion -in [\"10.0.18363\", "
       "\"10.0.19041\", \"10.0.19042\", \"10.0.22000\"]",
       DeviceText::kOperatingSystemVersion,
       {{"10.0.19041", true}, {"10.0.1904", false}},
       false});
}

TEST(DeviceFilterOperators, ExtensionAttributesMapToTheirOwnSlot) {
  for (int n = 1; n <= 15; ++n) {
    CheckCase({absl::StrCat("device.extensionAttribute", n, " -eq \"SAW\""),
               ExtensionAttribute(n),
               {{"saw", true}, {"SAW2", false}},
               false});
  }
}

// Each property name reads its own field and no other.
TEST(DeviceFilterOperators, EveryTextPropertyReadsItsOwnField) {
  std::vector<std::pair<std::string, DeviceText>> props = {
      {"deviceId", DeviceText::kDeviceId},
      {"displayName", DeviceText::kDisplayName},
      {"deviceOwnership", DeviceText::kDeviceOwnership},
      {"enrollmentProfileName", DeviceText::kEnrollmentProfileName},
      {"manufacturer", DeviceText::kManufacturer},
      {"mdmAppId", DeviceText::kMdmAppId},
      {"model", DeviceText::kModel},
      {"operatingSystem", DeviceText::kOperatingSystem},
      {"operatingSystemVersion", DeviceText::kOperatingSystemVersion},
      {"profileType", DeviceText::kProfileType},
      {"trustType", DeviceText::kTrustType},
  };
  for (int n = 1; n <= 15; ++n) {
    props.push_back(
        {absl::StrCat("extensionAttribute", n), ExtensionAttribute(n)});
  }
  ASSERT_EQ(props.size(), kDeviceTextCount);
  for (const auto& [rule_name, rule_slot] : props) {
    CompiledRule rule =
        MustCompile(absl::StrCat("device.", rule_name, " -eq \"v\""));
    for (const auto& [set_name, set_slot] : props) {
      TestDevice d = TestDevice::Registered();
      d.Set(set_slot, "v");
      EXPECT_EQ(rule.Matches(d.attrs()), rule_slot == set_slot)
          << rule_name << " with only " << set_name << " set";
    }
  }
}

TEST(DeviceFilterOperators, IsCompliant) {
  for (const char* literal : {"True", "true", "TRUE", "\"True\"", "\"true\""}) {
    CompiledRule eq =
        MustCompile(absl::StrCat("device.isCompliant -eq ", literal));
    CompiledRule ne =
        MustCompile(absl::StrCat("device.isCompliant -ne ", literal));
    TestDevice yes = TestDevice::Registered();
    yes.Compliant(true);
    TestDevice no = TestDevice::Registered();
    no.Compliant(false);
    TestDevice null = TestDevice::Registered();
    TestDevice unregistered = TestDevice::Unregistered();
    unregistered.Compliant(true);
    EXPECT_TRUE(eq.Matches(yes.attrs())) << literal;
    EXPECT_FALSE(eq.Matches(no.attrs())) << literal;
    EXPECT_FALSE(eq.Matches(null.attrs())) << literal;
    EXPECT_FALSE(eq.Matches(unregistered.attrs())) << literal;
    EXPECT_FALSE(ne.Matches(yes.attrs())) << literal;
    EXPECT_TRUE(ne.Matches(no.attrs())) << literal;
    EXPECT_TRUE(ne.Matches(null.attrs())) << literal;
    EXPECT_TRUE(ne.Matches(unregistered.attrs())) << literal;
    EXPECT_FALSE(FilterApplies(ne, /*include_mode=*/false, null.attrs()));
    EXPECT_TRUE(FilterApplies(eq, /*include_mode=*/false, null.attrs()));
  }
  TestDevice no = TestDevice::Registered();
  no.Compliant(false);
  EXPECT_TRUE(
      MustCompile("device.isCompliant -eq \"False\"").Matches(no.attrs()));
  EXPECT_FALSE(MustCompile("device.isCompliant -ne false").Matches(no.attrs()));
  TestDevice null = TestDevice::Registered();
  EXPECT_TRUE(MustCompile("device.isCompliant -eq null").Matches(null.attrs()));
  EXPECT_FALSE(MustCompile("device.isCompliant -eq null").Matches(no.attrs()));
  EXPECT_TRUE(MustCompile("device.isCompliant -ne null").Matches(no.attrs()));
}

// Section 4.10 note: on a string collection -contains is whole-element
// equality (case-insensitive), never a substring test.
TEST(DeviceFilterOperators, CollectionContainsIsWholeElement) {
  for (DeviceCollection c :
       {DeviceCollection::kPhysicalIds, DeviceCollection::kSystemLabels}) {
    const char* name =
        c == DeviceCollection::kPhysicalIds ? "physicalIds" : "systemLabels";
    SCOPED_TRACE(name);
    CompiledRule contains = MustCompile(
        absl::StrCat("device.", name, " -contains \"[ZTDId]:abc\""));
    CompiledRule not_contains = MustCompile(
        absl::StrCat("device.", name, " -notContains \"[ZTDId]:abc\""));
    auto check = [&](std::optional<std::vector<std::string>> values,
                     bool want_contains) {
      TestDevice d = TestDevice::Registered();
      d.Collection(c, values);
      EXPECT_EQ(contains.Matches(d.attrs()), want_contains);
      EXPECT_EQ(not_contains.Matches(d.attrs()), !want_contains);
      EXPECT_EQ(FilterApplies(contains, false, d.attrs()), !want_contains);
    };
    check(std::vector<std::string>{"[GID]:g", "[ztdid]:ABC"}, true);
    check(std::vector<std::string>{"[ZTDId]:abcd"}, false);  // no substring
    check(std::vector<std::string>{"x[ZTDId]:abc"}, false);
    check(std::vector<std::string>{}, false);  // empty
    check(std::nullopt, false);                // null
    TestDevice unregistered = TestDevice::Unregistered();
    unregistered.Collection(c, std::vector<std::string>{"[ZTDId]:abc"});
    EXPECT_FALSE(contains.Matches(unregistered.attrs()));
    EXPECT_TRUE(not_contains.Matches(unregistered.attrs()));
  }
  // The other collection is not consulted.
  TestDevice d = TestDevice::Registered();
  d.Collection(DeviceCollection::kSystemLabels,
               std::vector<std::string>{"M365Managed"});
  EXPECT_TRUE(MustCompile("device.systemLabels -contains \"m365managed\"")
                  .Matches(d.attrs()));
  EXPECT_FALSE(MustCompile("device.physicalIds -contains \"M365Managed\"")
                   .Matches(d.attrs()));
}

// The operator table of section 4.10, written out independently of the
// library's table: exactly these (property, operator) pairs compile.
TEST(DeviceFilterOperators, OperatorTableIsEnforced) {
  using O = Operator;
  const OperatorSet full = {O::kEquals,        O::kNotEquals,   O::kStartsWith,
                            O::kNotStartsWith, O::kEndsWith,    O::kNotEndsWith,
                            O::kContains,      O::kNotContains, O::kIn,
                            O::kNotIn,         O::kMatch,       O::kNotMatch};
  const OperatorSet eq_ne = {O::kEquals, O::kNotEquals};
  const OperatorSet ids = {O::kEquals, O::kNotEquals, O::kIn, O::kNotIn};
  const OperatorSet collection = {O::kContains, O::kNotContains};
  std::vector<std::pair<std::string, OperatorSet>> table = {
      {"deviceId", ids},
      {"displayName", full},
      {"deviceOwnership", eq_ne},
      {"enrollmentProfileName", full},
      {"isCompliant", eq_ne},
      {"manufacturer", full},
      {"mdmAppId", ids},
      {"model", full},
      {"operatingSystem", full},
      {"operatingSystemVersion", full},
      {"physicalIds", collection},
      {"profileType", eq_ne},
      {"systemLabels", collection},
      {"trustType", eq_ne},
  };
  for (int n = 1; n <= 15; ++n) {
    table.push_back({absl::StrCat("extensionAttribute", n), full});
  }
  for (const auto& [property, allowed] : table) {
    for (int i = 0; i < kOperatorCount; ++i) {
      const Operator op = static_cast<Operator>(i);
      std::string value = "\"x\"";
      if (op == O::kIn || op == O::kNotIn) value = "[\"x\"]";
      if (property == "isCompliant") value = "true";
      const std::string rule =
          absl::StrCat("device.", property, " ", OperatorName(op), " ", value);
      const std::string result = CompileError(rule, RegexOptions());
      if (allowed.contains(op)) {
        EXPECT_EQ(result, "OK") << rule;
      } else {
        EXPECT_EQ(result, absl::StrCat("offset ", property.size() + 9,
                                       ": operator '", OperatorName(op),
                                       "' is not allowed for property 'device.",
                                       property,
                                       "' (allowed: ", allowed.ToString(), ")"))
            << rule;
      }
    }
  }
}

// Section 4.10 "Worked consequences".
TEST(DeviceFilterWorkedConsequences,
     ExcludeModeEqualsSawPutsUnregisteredDevicesInScope) {
  CompiledRule rule = MustCompile("device.extensionAttribute1 -eq \"SAW\"");
  TestDevice unregistered = TestDevice::Unregistered();
  TestDevice saw = TestDevice::Registered();
  saw.Set(ExtensionAttribute(1), "SAW");
  // Exclude mode + Block: the unregistered device is not excluded, so it is
  // blocked; the SAW is excluded.
  EXPECT_TRUE(
      FilterApplies(rule, /*include_mode=*/false, unregistered.attrs()));
  EXPECT_FALSE(FilterApplies(rule, /*include_mode=*/false, saw.attrs()));
}

TEST(DeviceFilterWorkedConsequences,
     IncludeModeNotEqualsAzureAdPutsUnregisteredDevicesInScope) {
  CompiledRule rule = MustCompile("device.trustType -ne \"AzureAD\"");
  TestDevice unregistered = TestDevice::Unregistered();
  TestDevice joined = TestDevice::Registered();
  joined.Set(DeviceText::kTrustType, "AzureAD");
  EXPECT_TRUE(FilterApplies(rule, /*include_mode=*/true, unregistered.attrs()));
  EXPECT_FALSE(FilterApplies(rule, /*include_mode=*/true, joined.attrs()));
  // Request::device == nullptr is an unregistered device.
  EXPECT_TRUE(FilterApplies(rule, /*include_mode=*/true, nullptr));
  EXPECT_FALSE(FilterApplies(rule, /*include_mode=*/true, &joined.attrs()));
}

// The documented sample (graph-samples/ca-device-filter-patch-request.json):
// exclude devices that are not SAWs, i.e. the policy applies to SAWs only.
TEST(DeviceFilterWorkedConsequences, ExcludeModeNotEqualsSaw) {
  CompiledRule rule = MustCompile("device.extensionAttribute1 -ne \"SAW\"");
  TestDevice unregistered = TestDevice::Unregistered();
  TestDevice saw = TestDevice::Registered();
  saw.Set(ExtensionAttribute(1), "saw");
  EXPECT_FALSE(FilterApplies(rule, false, unregistered.attrs()));
  EXPECT_TRUE(FilterApplies(rule, false, saw.attrs()));
}

TEST(DeviceFilterWorkedConsequences, MixedPolarityOverNull) {
  // UNCONFIRMED in the spec but follows from the per-comparison reading:
  // positive false, negative true, then boolean logic.
  TestDevice unregistered = TestDevice::Unregistered();
  EXPECT_FALSE(MustCompile("device.model -eq \"x\" -and device.model -ne \"x\"")
                   .Matches(unregistered.attrs()));
  EXPECT_TRUE(MustCompile("device.model -eq \"x\" -or device.model -ne \"x\"")
                  .Matches(unregistered.attrs()));
}

TEST(DeviceFilter, CanonicalTrustType) {
  EXPECT_EQ(CanonicalTrustType("EntraID"), "AzureAD");
  EXPECT_EQ(CanonicalTrustType("entraid"), "AzureAD");
  EXPECT_EQ(CanonicalTrustType("ServerAD"), "ServerAD");
}

TEST(DeviceFilter, MovedFromRuleMatchesNothing) {
  CompiledRule rule = MustCompile("device.model -ne \"x\"");
  CompiledRule moved = std::move(rule);
  TestDevice d = TestDevice::Registered();
  EXPECT_TRUE(moved.Matches(d.attrs()));
  // NOLINTNEXTLINE(bugprone-use-after-move): the documented moved-from state.
  EXPECT_FALSE(rule.Matches(d.attrs()));
  EXPECT_EQ(rule.term_count(), 0u);
  TestDevice unregistered = TestDevice::Unregistered();
  EXPECT_FALSE(rule.Matches(unregistered.attrs()));
  EXPECT_FALSE(rule.MatchesUnregistered());
  EXPECT_FALSE(CompiledRule().Matches(unregistered.attrs()));
  EXPECT_TRUE(moved.MatchesUnregistered());
}

}  // namespace
}  // namespace crossgate::device_filter
