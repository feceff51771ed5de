#include "lib/cross_tenant/cloud.h"

namespace crossgate::cross_tenant {
namespace {

// Index = Cloud value. Spec 2.1 lists exactly these three.
constexpr absl::string_view kEndpoints[] = {
    "microsoftonline.com", "microsoftonline.us", "partner.microsoftonline.cn"};

}  // namespace

absl::optional<Cloud> ParseCloudEndpoint(absl::string_view endpoint) {
  for (int i = 0; i < 3; ++i) {
    if (endpoint == kEndpoints[i]) return static_cast<Cloud>(i);
  }
  return absl::nullopt;
}

absl::string_view CloudEndpointName(Cloud cloud) {
  if (cloud == Cloud::kUnknown) return "unknown";
  return kEndpoints[static_cast<int>(cloud)];
}

}  // namespace crossgate::cross_tenant
