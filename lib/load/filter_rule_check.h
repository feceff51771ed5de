#ifndef CROSSGATE_LIB_LOAD_FILTER_RULE_CHECK_H_
#define CROSSGATE_LIB_LOAD_FILTER_RULE_CHECK_H_

// The one place the loader checks a filter rule (device filters, spec 4.10;
// application and service-principal filters, spec 4.4), with the parsers of
// lib/device_filter/ (docs/device-filter.md has the grammar).

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace crossgate {
namespace load_internal {

// Spec 4.10 / section 7: a rule is at most 3072 characters.
inline constexpr size_t kMaxFilterRuleLength = 3072;

enum class FilterRuleKind { kDevice, kApplication };

// OK when `rule` parses (device rules with device_filter::CompileRule,
// application and service-principal rules with CheckApplicationFilterRule);
// InvalidArgument with the reason (and a character offset) otherwise.
absl::Status CheckFilterRule(absl::string_view rule, FilterRuleKind kind);

}  // namespace load_internal
}  // namespace crossgate

#endif  // CROSSGATE_LIB_LOAD_FILTER_RULE_CHECK_H_
