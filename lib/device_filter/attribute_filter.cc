#include "lib/device_filter/attribute_filter.h"

#include "lib/device_filter/compiler.h"
#include "lib/device_filter/parser.h"
#include "lib/device_filter/program.h"
#include "lib/device_filter/property_table.h"
#include "lib/internal/status_macros.h"

namespace crossgate::device_filter {
namespace {

// Every attribute is a (possibly multi-valued) list; the parser never emits
// text or bool tests for this namespace.
class SlotInput {
 public:
  explicit SlotInput(absl::Span<const AttributeValues> by_slot)
      : by_slot_(by_slot) {}
  absl::optional<absl::string_view> Text(uint16_t) const {
    return absl::nullopt;
  }
  absl::optional<bool> Bool() const { return absl::nullopt; }
  AttributeValues List(uint16_t slot) const {
    return slot < by_slot_.size() ? by_slot_[slot] : absl::nullopt;
  }

 private:
  absl::Span<const AttributeValues> by_slot_;
};

class LookupInput {
 public:
  LookupInput(const AttributeLookup& lookup,
              absl::Span<const CompiledAttributeRule::AttributeName> names)
      : lookup_(lookup), names_(names) {}
  absl::optional<absl::string_view> Text(uint16_t) const {
    return absl::nullopt;
  }
  absl::optional<bool> Bool() const { return absl::nullopt; }
  AttributeValues List(uint16_t slot) const {
    const auto& n = names_[slot];
    return lookup_.Find(n.set, n.name);
  }

 private:
  const AttributeLookup& lookup_;
  absl::Span<const CompiledAttributeRule::AttributeName> names_;
};

}  // namespace

bool CompiledAttributeRule::Matches(
    absl::Span<const AttributeValues> by_slot) const noexcept {
  if (program_ == nullptr) return false;
  return Execute(*program_, SlotInput(by_slot));
}

bool CompiledAttributeRule::Matches(
    const AttributeLookup& lookup) const noexcept {
  if (program_ == nullptr) return false;
  return Execute(*program_, LookupInput(lookup, attributes_));
}

absl::string_view CompiledAttributeRule::source() const {
  return program_ == nullptr ? absl::string_view() : program_->source;
}

std::string CompiledAttributeRule::DebugString() const {
  return program_ == nullptr ? std::string() : program_->DebugString();
}

absl::StatusOr<CompiledAttributeRule> CompileAttributeRule(
    absl::string_view rule, const Options& options) {
  CROSSGATE_RETURN_IF_ERROR(ValidateOptions(options));
  CROSSGATE_ASSIGN_OR_RETURN(
      ParsedRule parsed, Parse(rule, CustomSecurityAttributeTable(), options));
  CompiledAttributeRule compiled;
  for (const std::string& name : parsed.attribute_names) {
    // The property table accepted only "<set>_<name>" with one underscore.
    size_t underscore = name.find('_');
    compiled.attributes_.push_back(
        {name.substr(0, underscore), name.substr(underscore + 1)});
  }
  CROSSGATE_ASSIGN_OR_RETURN(compiled.program_,
                             CompileProgram(rule, parsed, options));
  return compiled;
}

absl::Status CheckApplicationFilterRule(absl::string_view rule,
                                        const Options& options) {
  return CompileAttributeRule(rule, options).status();
}

}  // namespace crossgate::device_filter
