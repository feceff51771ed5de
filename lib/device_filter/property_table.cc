#include "lib/device_filter/property_table.h"

#include <array>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "lib/device_filter/device_attributes.h"

namespace crossgate::device_filter {
namespace {

using O = Operator;

// Section 4.10 operator sets. "Full string set" is the displayName row.
constexpr OperatorSet kEqNe = {O::kEquals, O::kNotEquals};
constexpr OperatorSet kEqNeInNotIn = {O::kEquals, O::kNotEquals, O::kIn,
                                      O::kNotIn};
constexpr OperatorSet kFullStringSet = {
    O::kEquals,   O::kNotEquals,   O::kStartsWith, O::kNotStartsWith,
    O::kEndsWith, O::kNotEndsWith, O::kContains,   O::kNotContains,
    O::kIn,       O::kNotIn,       O::kMatch,      O::kNotMatch};
constexpr OperatorSet kContainsOnly = {O::kContains, O::kNotContains};

constexpr PropertySpec Text(absl::string_view name, DeviceText slot,
                            OperatorSet ops) {
  return PropertySpec{name, ValueType::kText, ops, static_cast<uint16_t>(slot)};
}

constexpr PropertySpec ExtAttr(absl::string_view name, int n) {
  return Text(name, ExtensionAttribute(n), kFullStringSet);
}

constexpr std::array<PropertySpec, 29> kDeviceProperties = {{
    Text("deviceId", DeviceText::kDeviceId, kEqNeInNotIn),
    Text("displayName", DeviceText::kDisplayName, kFullStringSet),
    Text("deviceOwnership", DeviceText::kDeviceOwnership, kEqNe),
    Text("enrollmentProfileName", DeviceText::kEnrollmentProfileName,
         kFullStringSet),
    {"isCompliant", ValueType::kBool, kEqNe, 0},
    Text("manufacturer", DeviceText::kManufacturer, kFullStringSet),
    Text("mdmAppId", DeviceText::kMdmAppId, kEqNeInNotIn),
    Text("model", DeviceText::kModel, kFullStringSet),
    Text("operatingSystem", DeviceText::kOperatingSystem, kFullStringSet),
    Text("operatingSystemVersion", DeviceText::kOperatingSystemVersion,
         kFullStringSet),
    {"physicalIds", ValueType::kCollection, kContainsOnly,
     static_cast<uint16_t>(DeviceCollection::kPhysicalIds)},
    Text("profileType", DeviceText::kProfileType, kEqNe),
    {"systemLabels", ValueType::kCollection, kContainsOnly,
     static_cast<uint16_t>(DeviceCollection::kSystemLabels)},
    Text("trustType", DeviceText::kTrustType, kEqNe),
    ExtAttr("extensionAttribute1", 1),
    ExtAttr("extensionAttribute2", 2),
    ExtAttr("extensionAttribute3", 3),
    ExtAttr("extensionAttribute4", 4),
    ExtAttr("extensionAttribute5", 5),
    ExtAttr("extensionAttribute6", 6),
    ExtAttr("extensionAttribute7", 7),
    ExtAttr("extensionAttribute8", 8),
    ExtAttr("extensionAttribute9", 9),
    ExtAttr("extensionAttribute10", 10),
    ExtAttr("extensionAttribute11", 11),
    ExtAttr("extensionAttribute12", 12),
    ExtAttr("extensionAttribute13", 13),
    ExtAttr("extensionAttribute14", 14),
    ExtAttr("extensionAttribute15", 15),
}};

class DeviceTable final : public PropertyTable {
 public:
  absl::string_view object_name() const override { return "device"; }
  absl::string_view example() const override { return "device.displayName"; }
  absl::optional<PropertySpec> Find(absl::string_view name) const override {
    for (const PropertySpec& spec : kDeviceProperties) {
      if (absl::EqualsIgnoreCase(spec.name, name)) return spec;
    }
    return absl::nullopt;
  }
};

// Attribute set and attribute names: letters and digits, at most 32 each
// (Entra's custom security attribute naming rules).
bool IsAttributeNamePart(absl::string_view part) {
  if (part.empty() || part.size() > 32) return false;
  for (char c : part) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

constexpr OperatorSet kAttributeOperators = {
    O::kEquals,   O::kNotEquals,   O::kStartsWith, O::kNotStartsWith,
    O::kContains, O::kNotContains, O::kIn,         O::kNotIn,
    O::kMatch,    O::kNotMatch};

class CustomSecurityAttributes final : public PropertyTable {
 public:
  absl::string_view object_name() const override {
    return "CustomSecurityAttribute";
  }
  absl::string_view example() const override {
    return "CustomSecurityAttribute.AttributeSet_AttributeName";
  }
  absl::optional<PropertySpec> Find(absl::string_view name) const override {
    size_t underscore = name.find('_');
    if (underscore == absl::string_view::npos) return absl::nullopt;
    if (!IsAttributeNamePart(name.substr(0, underscore)) ||
        !IsAttributeNamePart(name.substr(underscore + 1))) {
      return absl::nullopt;
    }
    return PropertySpec{name, ValueType::kMultiText, kAttributeOperators, 0};
  }
  bool interns_names() const override { return true; }
};

}  // namespace

const PropertyTable& DevicePropertyTable() {
  static const DeviceTable* const table = new DeviceTable();
  return *table;
}

const PropertyTable& CustomSecurityAttributeTable() {
  static const CustomSecurityAttributes* const table =
      new CustomSecurityAttributes();
  return *table;
}

}  // namespace crossgate::device_filter
