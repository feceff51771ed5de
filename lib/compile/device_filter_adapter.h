#ifndef CROSSGATE_LIB_COMPILE_DEVICE_FILTER_ADAPTER_H_
#define CROSSGATE_LIB_COMPILE_DEVICE_FILTER_ADAPTER_H_

// The one place the Conditional Access engine touches the filter rule
// language (lib/device_filter, spec 4.10): compile a rule once, test it per
// request. A null device is one the resource tenant does not know (every
// property null: positive operators false, negative ones true).

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "lib/device_filter/device_attributes.h"
#include "lib/device_filter/device_filter.h"

namespace crossgate {

class CompiledDeviceFilter {
 public:
  CompiledDeviceFilter() = default;

  // Always true with lib/device_filter; kept so the evaluator's fail-closed
  // path for rules a build cannot evaluate stays explicit.
  bool evaluable() const { return evaluable_; }

  // The rule's value for `device` (null = not registered in the resource
  // tenant). No allocation, no locks.
  bool Matches(const device_filter::DeviceAttributes* device) const noexcept {
    return device == nullptr ? rule_.MatchesUnregistered() : rule_.Matches(*device);
  }

 private:
  friend absl::StatusOr<CompiledDeviceFilter> CompileDeviceFilterRule(
      absl::string_view rule);
  device_filter::CompiledRule rule_;
  bool evaluable_ = false;
};

// Compiles a `deviceFilter.rule` with the library's default options (regex
// operators rejected, 3072-character limit). InvalidArgument with the rule
// language's message (offset and fragment) when the rule does not compile.
absl::StatusOr<CompiledDeviceFilter> CompileDeviceFilterRule(
    absl::string_view rule);

// Checks an `applicationFilter` / `servicePrincipalFilter` rule's syntax
// (custom security attributes). Requests carry no attribute values, so such
// filters are validated but not evaluated (fail-closed reading).
absl::Status ValidateAttributeFilterRule(absl::string_view rule);

}  // namespace crossgate

#endif  // CROSSGATE_LIB_COMPILE_DEVICE_FILTER_ADAPTER_H_
