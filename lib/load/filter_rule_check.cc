#include "lib/load/filter_rule_check.h"

#include "absl/strings/str_cat.h"
#include "lib/device_filter/attribute_filter.h"
#include "lib/device_filter/device_filter.h"

namespace crossgate {
namespace load_internal {

absl::Status CheckFilterRule(absl::string_view rule, FilterRuleKind kind) {
  if (rule.empty()) return absl::InvalidArgumentError("empty rule");
  if (rule.size() > kMaxFilterRuleLength) {
    return absl::InvalidArgumentError(
        absl::StrCat("rule is ", rule.size(), " characters; the limit is ",
                     kMaxFilterRuleLength));
  }
  // Parse-only: the compiled rule is dropped; the engine compiles it again
  // when it builds its tables. Default options, so the opt-in operators
  // (-match) are rejected here as they are there.
  if (kind == FilterRuleKind::kDevice) {
    absl::StatusOr<device_filter::CompiledRule> compiled =
        device_filter::CompileRule(rule);
    return compiled.ok() ? absl::OkStatus() : compiled.status();
  }
  return device_filter::CheckApplicationFilterRule(rule);
}

}  // namespace load_internal
}  // namespace crossgate
