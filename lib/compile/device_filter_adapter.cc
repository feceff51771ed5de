#include "lib/compile/device_filter_adapter.h"

#include "lib/device_filter/attribute_filter.h"

namespace crossgate {

absl::StatusOr<CompiledDeviceFilter> CompileDeviceFilterRule(
    absl::string_view rule) {
  absl::StatusOr<device_filter::CompiledRule> compiled =
      device_filter::CompileRule(rule);
  if (!compiled.ok()) return compiled.status();
  CompiledDeviceFilter out;
  out.rule_ = *std::move(compiled);
  out.evaluable_ = true;
  return out;
}

absl::Status ValidateAttributeFilterRule(absl::string_view rule) {
  return device_filter::CheckApplicationFilterRule(rule);
}

}  // namespace crossgate
