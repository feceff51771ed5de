#ifndef CROSSGATE_LIB_CROSS_TENANT_CLOUD_H_
#define CROSSGATE_LIB_CROSS_TENANT_CLOUD_H_

// Microsoft clouds, for the cross-cloud rules of spec 2.1 / 2.9: a tenant
// lives in one cloud (TenantPolicies.cloud) and lists the other clouds it
// collaborates with in `allowedCloudEndpoints`.

#include <cstdint>

#include "absl/strings/string_view.h"
#include "absl/types/optional.h"

namespace crossgate::cross_tenant {

enum class Cloud : uint8_t {
  kGlobal = 0,  // microsoftonline.com (also the reading of an empty value)
  kUsGovernment = 1,  // microsoftonline.us
  kChina = 2,         // partner.microsoftonline.cn
  // A cloud name that did not parse (a load error). It equals no cloud, not
  // even itself, and no tenant allows it: every cross-tenant request
  // involving it is denied (fail closed).
  kUnknown = 3,
};

// Same cloud? kUnknown is never the same as anything.
constexpr bool SameCloud(Cloud a, Cloud b) {
  return a == b && a != Cloud::kUnknown;
}

// Bit of a cloud in an allowed-clouds mask.
constexpr uint8_t CloudBit(Cloud cloud) {
  return static_cast<uint8_t>(1u << static_cast<int>(cloud));
}

// Parses a Graph cloud endpoint name, exactly as Graph spells it. Empty text
// is not a cloud (callers decide what empty means).
absl::optional<Cloud> ParseCloudEndpoint(absl::string_view endpoint);

// The Graph endpoint name (static storage).
absl::string_view CloudEndpointName(Cloud cloud);

}  // namespace crossgate::cross_tenant

#endif  // CROSSGATE_LIB_CROSS_TENANT_CLOUD_H_
