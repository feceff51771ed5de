#ifndef CROSSGATE_LIB_REQUEST_JSON_REQUEST_DEVICE_H_
#define CROSSGATE_LIB_REQUEST_JSON_REQUEST_DEVICE_H_

// The device a request comes from, as the request JSON states it
// (`signInConditions.deviceInfo`, docs/request.md): the filter-for-devices
// properties of spec 4.10 with their filter names. An attribute the request
// does not give is null, which is what the device-filter rules test (positive
// operators never match null, negative ones always do).
//
// Owned storage: the reader fills it, and ParsedRequest derives the
// device_filter::DeviceAttributes the engine reads from it (one function,
// ParsedRequest::Relink).

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/types/optional.h"
#include "lib/device_filter/device_attributes.h"

namespace crossgate {

// The string-valued filter properties are indexed by
// device_filter::DeviceText (spec 4.10 table order).
using device_filter::DeviceText;
inline constexpr int kDeviceStringCount =
    static_cast<int>(device_filter::kDeviceTextCount);

// The filter property name (`deviceId`, `extensionAttribute7`, ...).
absl::string_view DeviceStringName(int index);

struct RequestDevice {
  // False = not registered in the resource tenant's directory: every filter
  // property reads as null whatever else is set (spec 4.10).
  bool registered = false;
  // strings[i] is meaningful only when bit i of `present` is set.
  std::string strings[kDeviceStringCount];
  uint32_t present = 0;
  absl::optional<bool> is_compliant;
  bool has_physical_ids = false;
  std::vector<std::string> physical_ids;
  bool has_system_labels = false;
  std::vector<std::string> system_labels;

  bool has(DeviceText s) const { return (present >> static_cast<int>(s)) & 1u; }
  absl::string_view get(DeviceText s) const {
    return strings[static_cast<int>(s)];
  }
  void Set(int index, absl::string_view value) {
    strings[index].assign(value.data(), value.size());
    present |= 1u << index;
  }
  // True when any attribute is given.
  bool has_attributes() const {
    return present != 0 || is_compliant.has_value() || has_physical_ids ||
           has_system_labels;
  }
  // Back to "no device", keeping allocated capacity for the next request.
  void Clear();
};
static_assert(kDeviceStringCount <= 32, "present is a 32-bit mask");

}  // namespace crossgate

#endif  // CROSSGATE_LIB_REQUEST_JSON_REQUEST_DEVICE_H_
