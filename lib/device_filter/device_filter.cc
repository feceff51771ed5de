#include "lib/device_filter/device_filter.h"

#include "absl/strings/match.h"
#include "lib/device_filter/compiler.h"
#include "lib/device_filter/parser.h"
#include "lib/device_filter/program.h"
#include "lib/device_filter/property_table.h"
#include "lib/internal/status_macros.h"

namespace crossgate::device_filter {
namespace {

// Execute()'s view of a registered device.
class DeviceInput {
 public:
  explicit DeviceInput(const DeviceAttributes& device) : device_(device) {}
  absl::optional<absl::string_view> Text(uint16_t slot) const {
    return device_.TextAt(slot);
  }
  absl::optional<bool> Bool() const { return device_.is_compliant; }
  DeviceAttributes::Collection List(uint16_t slot) const {
    return device_[static_cast<DeviceCollection>(slot)];
  }

 private:
  const DeviceAttributes& device_;
};

// Section 4.10: for a device not registered in the tenant every property is
// null, so the rule has one fixed value, computed once.
class UnregisteredInput {
 public:
  absl::optional<absl::string_view> Text(uint16_t) const {
    return absl::nullopt;
  }
  absl::optional<bool> Bool() const { return absl::nullopt; }
  DeviceAttributes::Collection List(uint16_t) const { return absl::nullopt; }
};

}  // namespace

absl::string_view CanonicalTrustType(absl::string_view trust_type) {
  if (absl::EqualsIgnoreCase(trust_type, "EntraID")) return "AzureAD";
  return trust_type;
}

bool CompiledRule::Matches(const DeviceAttributes& device) const noexcept {
  if (program_ == nullptr) return false;
  if (!device.registered) return unregistered_result_;
  return Execute(*program_, DeviceInput(device));
}

absl::string_view CompiledRule::source() const {
  return program_ == nullptr ? absl::string_view() : program_->source;
}

size_t CompiledRule::term_count() const {
  return program_ == nullptr ? 0 : program_->code.size();
}

std::string CompiledRule::DebugString() const {
  return program_ == nullptr ? std::string() : program_->DebugString();
}

absl::StatusOr<CompiledRule> CompileRule(absl::string_view rule,
                                         const Options& options) {
  CROSSGATE_RETURN_IF_ERROR(ValidateOptions(options));
  CROSSGATE_ASSIGN_OR_RETURN(ParsedRule parsed,
                             Parse(rule, DevicePropertyTable(), options));
  CROSSGATE_ASSIGN_OR_RETURN(std::shared_ptr<const Program> program,
                             CompileProgram(rule, parsed, options));
  const bool unregistered = Execute(*program, UnregisteredInput());
  return CompiledRule(std::move(program), unregistered);
}

}  // namespace crossgate::device_filter
