#ifndef CROSSGATE_LIB_DEVICE_FILTER_PROPERTY_TABLE_H_
#define CROSSGATE_LIB_DEVICE_FILTER_PROPERTY_TABLE_H_

// The property namespace a rule is parsed against. The grammar is the same
// for the filter for devices (`device.<name>`, section 4.10) and the filter
// for applications (`CustomSecurityAttribute.<set>_<attribute>`, section
// 4.4); only the table differs. Tables are immutable singletons.

#include <cstdint>

#include "absl/strings/string_view.h"
#include "absl/types/optional.h"
#include "lib/device_filter/operators.h"

namespace crossgate::device_filter {

// How a property's value reaches the evaluator.
enum class ValueType : uint8_t {
  kText,        // one optional string (DeviceAttributes::text[slot])
  kBool,        // optional bool (isCompliant)
  kCollection,  // optional string list; -contains is whole-element equality
  kMultiText,   // optional string list (custom security attribute); every
                // string operator holds if it holds for some element, and
                // -contains is a substring test as on kText
};

struct PropertySpec {
  absl::string_view name;  // canonical spelling, without the object prefix
  ValueType type = ValueType::kText;
  // Operators the property accepts. kMatch/kNotMatch are listed where a
  // regex would make sense; the parser still requires
  // Options::allow_regex_operators for them.
  OperatorSet operators;
  // Where the evaluator reads the value: a DeviceText index for kText, a
  // DeviceCollection for kCollection, 0 for kBool. Tables that intern names
  // leave it 0 and the parser assigns one slot per distinct name.
  uint16_t slot = 0;
};

class PropertyTable {
 public:
  virtual ~PropertyTable() = default;

  // The object prefix before the dot: "device", "CustomSecurityAttribute".
  // Matched case-insensitively.
  virtual absl::string_view object_name() const = 0;
  // One valid property, quoted in error messages.
  virtual absl::string_view example() const = 0;
  // Looks up the part after "<object>.". Case-insensitive. nullopt: unknown.
  // For interning tables the returned name aliases `name`.
  virtual absl::optional<PropertySpec> Find(absl::string_view name) const = 0;
  // True when property names are open-ended (custom security attributes):
  // the parser then assigns slots per rule, one per distinct name (compared
  // case-insensitively), in order of first use.
  virtual bool interns_names() const { return false; }
};

// device.<name>: the section 4.10 table, names case-insensitive (the spec
// recommends this because a Microsoft example writes `device.deviceid`).
const PropertyTable& DevicePropertyTable();

// CustomSecurityAttribute.<set>_<attribute> (section 4.4; grammar
// UNCONFIRMED, seen only in samples). Both parts are 1..32 ASCII letters or
// digits, split at the single underscore. Attributes are string-typed,
// possibly multi-valued (kMultiText). Operators: -eq, -ne, -startsWith,
// -notStartsWith, -contains, -notContains, -in, -notIn (what the portal
// offers), plus -match/-notMatch behind the regex option.
const PropertyTable& CustomSecurityAttributeTable();

}  // namespace crossgate::device_filter

#endif  // CROSSGATE_LIB_DEVICE_FILTER_PROPERTY_TABLE_H_
