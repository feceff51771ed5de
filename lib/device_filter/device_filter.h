#ifndef CROSSGATE_LIB_DEVICE_FILTER_DEVICE_FILTER_H_
#define CROSSGATE_LIB_DEVICE_FILTER_DEVICE_FILTER_H_

// Filter for devices: Conditional Access `conditions.devices.deviceFilter
// {mode, rule}` (entra-semantics.md section 4.10). docs/device-filter.md has
// the grammar, the property/operator table, null semantics and limits.
//
// Usage:
//   CROSSGATE_ASSIGN_OR_RETURN(CompiledRule rule,
//       CompileRule("device.trustType -ne \"AzureAD\""));   // at load
//   DeviceAttributes device;                               // per request
//   device.registered = true;
//   device[DeviceText::kTrustType] = "ServerAD";
//   bool in_scope = FilterApplies(rule, /*include_mode=*/true, device);
//
// Compilation parses, type-checks and lowers the rule once; evaluation never
// parses, allocates or locks (except inside RE2 for the opt-in -match
// operators, see options.h).

#include <memory>
#include <string>
#include <utility>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "lib/device_filter/device_attributes.h"
#include "lib/device_filter/options.h"

namespace crossgate::device_filter {

struct Program;

// An immutable compiled device rule. Thread-safe: any number of threads may
// call Matches at once. Copying and moving are cheap (one shared_ptr); RE2
// objects are shared, never copied.
class CompiledRule {
 public:
  // An empty rule, like a moved-from one: it matches nothing. Exists so
  // that compiled policies can hold a rule member; CompileRule is the only
  // way to get a meaningful one.
  CompiledRule() = default;

  // True iff the rule holds for `device`, with section 4.10's null
  // semantics: an unregistered device has every property null; over a null
  // property positive operators are false, negative ones true, `-eq null`
  // true and `-ne null` false. No allocation, no locks, no parsing.
  // A moved-from rule matches nothing.
  bool Matches(const DeviceAttributes& device) const noexcept;

  // As above; nullptr is a device the tenant does not know (unregistered),
  // matching Request::device in lib/eval/request.h.
  bool Matches(const DeviceAttributes* device) const noexcept {
    return device == nullptr ? MatchesUnregistered() : Matches(*device);
  }

  // The rule's value for an unregistered device, computed at compile time.
  bool MatchesUnregistered() const noexcept {
    return program_ != nullptr && unregistered_result_;
  }

  // The rule text as given to CompileRule.
  absl::string_view source() const;
  // Number of comparisons.
  size_t term_count() const;
  // The lowered program, one line per comparison (for tests and debugging).
  std::string DebugString() const;

 private:
  friend absl::StatusOr<CompiledRule> CompileRule(absl::string_view,
                                                  const Options&);
  CompiledRule(std::shared_ptr<const Program> program, bool unregistered)
      : program_(std::move(program)), unregistered_result_(unregistered) {}

  std::shared_ptr<const Program> program_;
  bool unregistered_result_ = false;
};

// Parses and compiles a device filter rule. Errors are InvalidArgument with
// a 1-based character offset and the offending fragment, e.g.
// "offset 1: unknown property 'device.colour'". Also fails for invalid
// `options`.
absl::StatusOr<CompiledRule> CompileRule(absl::string_view rule,
                                         const Options& options = {});

// The condition with its mode applied (section 4.10 "Modes"): in include
// mode the condition holds for devices the rule matches; in exclude mode for
// devices it does not match.
inline bool FilterApplies(const CompiledRule& rule, bool include_mode,
                          const DeviceAttributes& device) noexcept {
  return rule.Matches(device) == include_mode;
}
// nullptr: an unregistered device.
inline bool FilterApplies(const CompiledRule& rule, bool include_mode,
                          const DeviceAttributes* device) noexcept {
  return rule.Matches(device) == include_mode;
}

}  // namespace crossgate::device_filter

#endif  // CROSSGATE_LIB_DEVICE_FILTER_DEVICE_FILTER_H_
