#ifndef CROSSGATE_LIB_COMPILE_DEVICE_FILTER_ADAPTER_H_
#define CROSSGATE_LIB_COMPILE_DEVICE_FILTER_ADAPTER_H_

// The one place the Conditional Access engine touches the device-filter rule
// language (spec 4.10): compile a rule once, test it per request.
//
// Until lib/device_filter lands, rules compile to an "unevaluable" filter and
// the evaluator applies the fail-closed reading (the policy applies, whatever
// the mode). Swapping in the library changes only this file and its .cc.

#include <memory>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace crossgate {

namespace device_filter {
struct DeviceAttributes;
}  // namespace device_filter

class CompiledDeviceFilter {
 public:
  CompiledDeviceFilter();
  ~CompiledDeviceFilter();
  CompiledDeviceFilter(CompiledDeviceFilter&&) noexcept;
  CompiledDeviceFilter& operator=(CompiledDeviceFilter&&) noexcept;

  // False when the rule cannot be evaluated by this build.
  bool evaluable() const { return impl_ != nullptr; }
  // The rule's value for `device`; null = a device the resource tenant does
  // not know (every property null: positive operators false, negative true).
  // Requires evaluable().
  bool Matches(const device_filter::DeviceAttributes* device) const noexcept;

 private:
  friend absl::StatusOr<CompiledDeviceFilter> CompileDeviceFilterRule(
      absl::string_view rule);
  struct Impl;
  std::unique_ptr<const Impl> impl_;
};

// Compiles a `deviceFilter.rule`. InvalidArgument (with the rule language's
// message) when the rule does not parse.
absl::StatusOr<CompiledDeviceFilter> CompileDeviceFilterRule(
    absl::string_view rule);

}  // namespace crossgate

#endif  // CROSSGATE_LIB_COMPILE_DEVICE_FILTER_ADAPTER_H_
