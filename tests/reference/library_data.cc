#include "tests/reference/library_data.h"

#include <memory>

#if __has_include("lib/device_filter/device_filter.h")
#define CROSSGATE_REFERENCE_HAVE_DEVICE_FILTER 1
#include "absl/container/flat_hash_map.h"
#include "lib/device_filter/device_filter.h"
#endif

#if __has_include("lib/app_sets/shipped_app_sets.h")
#define CROSSGATE_REFERENCE_HAVE_APP_SETS 1
#include "lib/app_sets/shipped_app_sets.h"
#endif

namespace crossgate {
namespace reference {

#ifdef CROSSGATE_REFERENCE_HAVE_DEVICE_FILTER
bool HaveLibraryDeviceFilter() { return true; }

DeviceFilterMatcher LibraryDeviceFilter() {
  using device_filter::CompiledRule;
  auto cache = std::make_shared<
      absl::flat_hash_map<std::string, absl::StatusOr<CompiledRule>>>();
  return [cache](absl::string_view rule,
                 const device_filter::DeviceAttributes* device)
             -> absl::StatusOr<bool> {
    auto it = cache->find(rule);
    if (it == cache->end()) {
      it = cache->emplace(std::string(rule), device_filter::CompileRule(rule))
               .first;
    }
    if (!it->second.ok()) return it->second.status();
    if (device == nullptr) return it->second->MatchesUnregistered();
    return it->second->Matches(*device);
  };
}
#else
bool HaveLibraryDeviceFilter() { return false; }
DeviceFilterMatcher LibraryDeviceFilter() { return nullptr; }
#endif

#ifdef CROSSGATE_REFERENCE_HAVE_APP_SETS
bool HaveShippedAppSets() { return true; }

std::map<std::string, std::vector<std::string>> ShippedAppSetTable() {
  std::map<std::string, std::vector<std::string>> out;
  for (const ShippedAppEntry& e : ShippedAppEntries()) {
    const std::string id(e.app_id.data(), e.app_id.size());
    if (e.sets & kInOffice365) out["Office365"].push_back(id);
    if (e.sets & kInMicrosoftAdminPortals) {
      out["MicrosoftAdminPortals"].push_back(id);
    }
    if (e.sets & kInAllMicrosoftApps) out["AllMicrosoftApps"].push_back(id);
  }
  return out;
}
#else
bool HaveShippedAppSets() { return false; }
std::map<std::string, std::vector<std::string>> ShippedAppSetTable() {
  return {};
}
#endif

ReferenceOptions LibraryBackedOptions() {
  ReferenceOptions o;
  o.app_sets = ShippedAppSetTable();
  o.device_filter = LibraryDeviceFilter();
  return o;
}

}  // namespace reference
}  // namespace crossgate
