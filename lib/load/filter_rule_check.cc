#include "lib/load/filter_rule_check.h"

#include "absl/strings/str_cat.h"

namespace crossgate {
namespace load_internal {

absl::Status CheckFilterRule(absl::string_view rule, FilterRuleKind kind) {
  if (rule.empty()) return absl::InvalidArgumentError("empty rule");
  if (rule.size() > kMaxFilterRuleLength) {
    return absl::InvalidArgumentError(absl::StrCat("rule is ", rule.size(),
                                                   " characters; the limit is ",
                                                   kMaxFilterRuleLength));
  }
  // TODO(#2): parse-check device rules with
  // crossgate::device_filter::CompileRule (lib/device_filter/) once it lands
  // on main. Until then only the length is checked here, and the engine's
  // compile step is the first to parse the rule. Application-filter rules
  // (custom security attributes) have no parser yet (spec 8, item 12).
  (void)kind;
  return absl::OkStatus();
}

}  // namespace load_internal
}  // namespace crossgate
