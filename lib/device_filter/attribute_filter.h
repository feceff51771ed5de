#ifndef CROSSGATE_LIB_DEVICE_FILTER_ATTRIBUTE_FILTER_H_
#define CROSSGATE_LIB_DEVICE_FILTER_ATTRIBUTE_FILTER_H_

// Filters over custom security attributes: Conditional Access
// `conditions.applications.applicationFilter` (section 4.4) and the beta
// `conditions.clientApplications.servicePrincipalFilter` (section 4.5). Same
// grammar as the device filter (parser.h), another property namespace:
//
//   CustomSecurityAttribute.<AttributeSet>_<AttributeName> -contains "value"
//
// The grammar is UNCONFIRMED (spec section 8 item 12: seen only in samples).
// What crossgate accepts, and why, is in property_table.h and
// docs/device-filter.md:
//   - operators -eq, -ne, -startsWith, -notStartsWith, -contains,
//     -notContains, -in, -notIn (the portal's list; -endsWith is rejected),
//     -match/-notMatch only with Options::allow_regex_operators;
//   - values are quoted strings or [lists]; booleans are rejected (CA only
//     supports string-typed attributes);
//   - an attribute may hold several values: a test holds if it holds for
//     some value (so -notContains holds if no value contains the literal);
//     -contains is a case-insensitive substring test on each value;
//   - an attribute that is not assigned (or has no values) is null, with
//     the device filter's null semantics (section 4.10).

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/optional.h"
#include "absl/types/span.h"
#include "lib/device_filter/options.h"

namespace crossgate::device_filter {

struct Program;

// The values of one attribute on one service principal; nullopt: the
// attribute is not assigned.
using AttributeValues = absl::optional<absl::Span<const absl::string_view>>;

// Resolves attributes by name. Names are passed as first written in the
// rule; implementations should compare them case-insensitively.
class AttributeLookup {
 public:
  virtual ~AttributeLookup() = default;
  virtual AttributeValues Find(absl::string_view attribute_set,
                               absl::string_view attribute_name) const = 0;
};

// An immutable compiled attribute rule. Thread-safe; cheap to copy and move.
class CompiledAttributeRule {
 public:
  struct AttributeName {
    std::string set;   // e.g. "ConditionalAccessTest"
    std::string name;  // e.g. "policyRequirement"
  };

  // The distinct attributes the rule reads, in slot order (first use).
  absl::Span<const AttributeName> attributes() const { return attributes_; }

  // Evaluates with values already resolved per slot: by_slot[i] belongs to
  // attributes()[i]; missing trailing slots are null. No allocation.
  bool Matches(absl::Span<const AttributeValues> by_slot) const noexcept;
  // Evaluates by asking `lookup` for each attribute a test reads.
  bool Matches(const AttributeLookup& lookup) const noexcept;

  absl::string_view source() const;
  std::string DebugString() const;

 private:
  friend absl::StatusOr<CompiledAttributeRule> CompileAttributeRule(
      absl::string_view, const Options&);
  std::shared_ptr<const Program> program_;
  std::vector<AttributeName> attributes_;
};

// Parses and compiles an application (or service principal) filter rule.
// Errors as for CompileRule (device_filter.h).
absl::StatusOr<CompiledAttributeRule> CompileAttributeRule(
    absl::string_view rule, const Options& options = {});

// Validation only: OK iff CompileAttributeRule would succeed.
absl::Status CheckApplicationFilterRule(absl::string_view rule,
                                        const Options& options = {});

// Mode applied, as FilterApplies for devices.
inline bool FilterApplies(const CompiledAttributeRule& rule, bool include_mode,
                          const AttributeLookup& lookup) noexcept {
  return rule.Matches(lookup) == include_mode;
}

}  // namespace crossgate::device_filter

#endif  // CROSSGATE_LIB_DEVICE_FILTER_ATTRIBUTE_FILTER_H_
