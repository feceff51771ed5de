#include "lib/compile/device_filter_adapter.h"

namespace crossgate {

// TODO(#4): replace with lib/device_filter's CompiledRule once it lands.
struct CompiledDeviceFilter::Impl {};

CompiledDeviceFilter::CompiledDeviceFilter() = default;
CompiledDeviceFilter::~CompiledDeviceFilter() = default;
CompiledDeviceFilter::CompiledDeviceFilter(CompiledDeviceFilter&&) noexcept =
    default;
CompiledDeviceFilter& CompiledDeviceFilter::operator=(
    CompiledDeviceFilter&&) noexcept = default;

bool CompiledDeviceFilter::Matches(
    const device_filter::DeviceAttributes*) const noexcept {
  return false;
}

absl::StatusOr<CompiledDeviceFilter> CompileDeviceFilterRule(
    absl::string_view) {
  return CompiledDeviceFilter();  // unevaluable: fail-closed reading
}

}  // namespace crossgate
