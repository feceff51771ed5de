#include "lib/request_json/request_device.h"

namespace crossgate {

namespace {
constexpr absl::string_view kNames[kDeviceStringCount] = {
    "deviceId",
    "displayName",
    "deviceOwnership",
    "enrollmentProfileName",
    "manufacturer",
    "mdmAppId",
    "model",
    "operatingSystem",
    "operatingSystemVersion",
    "profileType",
    "trustType",
    "extensionAttribute1",
    "extensionAttribute2",
    "extensionAttribute3",
    "extensionAttribute4",
    "extensionAttribute5",
    "extensionAttribute6",
    "extensionAttribute7",
    "extensionAttribute8",
    "extensionAttribute9",
    "extensionAttribute10",
    "extensionAttribute11",
    "extensionAttribute12",
    "extensionAttribute13",
    "extensionAttribute14",
    "extensionAttribute15",
};
}  // namespace

absl::string_view DeviceStringName(int index) {
  if (index < 0 || index >= kDeviceStringCount) return "";
  return kNames[index];
}

void RequestDevice::Clear() {
  registered = false;
  for (int i = 0; i < kDeviceStringCount; ++i) {
    if ((present >> i) & 1u) strings[i].clear();
  }
  present = 0;
  is_compliant.reset();
  has_physical_ids = false;
  physical_ids.clear();
  has_system_labels = false;
  system_labels.clear();
}

}  // namespace crossgate
