#ifndef CROSSGATE_LIB_DEVICE_FILTER_DEVICE_ATTRIBUTES_H_
#define CROSSGATE_LIB_DEVICE_FILTER_DEVICE_ATTRIBUTES_H_

// The device a request carries, as the filter for devices sees it
// (entra-semantics.md section 4.10). Plain data, no ownership: every
// string_view and Span points into memory the caller keeps alive for the
// duration of the evaluation.
//
// Null semantics (section 4.10): a device that is not registered in the
// resource tenant has every property null, whatever the fields below hold.
// A registered device may still have single properties null (an empty
// optional). extensionAttribute1..15 are only populated for devices that are
// Intune-managed, compliant or hybrid joined; the caller leaves them empty
// otherwise. A guest's device is registered in its home tenant, not the
// resource tenant: per D12 the caller sets `registered = false` unless the
// resource tenant trusts compliant or hybrid-joined claims from that home
// tenant.

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "absl/strings/string_view.h"
#include "absl/types/optional.h"
#include "absl/types/span.h"
#include "lib/device_filter/device_string.h"

namespace crossgate::device_filter {

// The string-valued device properties, in the order of the rule table.
// The enum value is the index into DeviceAttributes::text.
enum class DeviceText : uint8_t {
  kDeviceId,
  kDisplayName,
  kDeviceOwnership,  // "Personal" / "Company"
  kEnrollmentProfileName,
  kManufacturer,
  kMdmAppId,
  kModel,
  kOperatingSystem,
  kOperatingSystemVersion,
  kProfileType,  // "RegisteredDevice", "SecureVM", "Printer", "Shared", "IoT"
  kTrustType,    // "AzureAD", "ServerAD", "Workplace" (see CanonicalTrustType)
  kExtensionAttribute1,
  // kExtensionAttribute2 .. kExtensionAttribute15 follow; use
  // ExtensionAttribute(n) to name them.
};
inline constexpr size_t kDeviceTextCount = 26;

// DeviceText for extensionAttribute<n>, n in 1..15 (not checked).
constexpr DeviceText ExtensionAttribute(int n) {
  return static_cast<DeviceText>(
      static_cast<int>(DeviceText::kExtensionAttribute1) + n - 1);
}

// The string-collection properties (section 4.10: `-contains` on these is
// whole-element equality).
enum class DeviceCollection : uint8_t { kPhysicalIds, kSystemLabels };

inline constexpr size_t kNamedDeviceTextCount =
    static_cast<size_t>(DeviceText::kExtensionAttribute1);

struct DeviceAttributes {
  using Text = DeviceString;  // null: the property is null
  using Collection = absl::optional<absl::Span<const absl::string_view>>;

  // False: the device is unknown to the resource tenant and every property
  // is null (the other fields are ignored).
  bool registered = false;
  // Indexed by DeviceText. Read through TextAt() (which honours the
  // records below), not directly.
  std::array<Text, kDeviceTextCount> text;
  absl::optional<bool> is_compliant;
  // An empty optional or an empty span: no element can match.
  Collection physical_ids;
  Collection system_labels;
  // Instead of filling `text`, the C ABI points these at the two runs of
  // {data, size} string records in its caller's crossgate_device (the named
  // properties in DeviceText order, then extensionAttribute1..15; a record
  // has DeviceString's layout), which are then read in place: no copy per
  // request. Null: `text` holds the strings.
  const unsigned char* named_records = nullptr;
  const unsigned char* extension_records = nullptr;

  // The string property in `slot` (a DeviceText value).
  DeviceString TextAt(size_t slot) const {
    if (named_records == nullptr) return text[slot];
    const unsigned char* record =
        slot < kNamedDeviceTextCount
            ? named_records + slot * sizeof(DeviceString)
            : extension_records +
                  (slot - kNamedDeviceTextCount) * sizeof(DeviceString);
    DeviceString s;
    std::memcpy(static_cast<void*>(&s), record, sizeof(s));
    return s;
  }

  Text& operator[](DeviceText p) { return text[static_cast<size_t>(p)]; }
  DeviceString operator[](DeviceText p) const {
    return TextAt(static_cast<size_t>(p));
  }
  Collection& operator[](DeviceCollection c) {
    return c == DeviceCollection::kPhysicalIds ? physical_ids : system_labels;
  }
  const Collection& operator[](DeviceCollection c) const {
    return c == DeviceCollection::kPhysicalIds ? physical_ids : system_labels;
  }
};

// Section 4.10: What-If's deviceInfo writes `trustType: "EntraID"` where the
// filter says "AzureAD". Returns "AzureAD" for "EntraID" (any case) and the
// input otherwise; callers building DeviceAttributes from What-If input use it.
absl::string_view CanonicalTrustType(absl::string_view trust_type);

}  // namespace crossgate::device_filter

#endif  // CROSSGATE_LIB_DEVICE_FILTER_DEVICE_ATTRIBUTES_H_
