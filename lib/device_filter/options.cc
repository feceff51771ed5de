#include "lib/device_filter/options.h"

#include "absl/strings/str_cat.h"

namespace crossgate::device_filter {

absl::Status ValidateOptions(const Options& options) {
  if (options.max_rule_length == 0 ||
      options.max_rule_length > kMaxRuleLengthLimit) {
    return absl::InvalidArgumentError(
        absl::StrCat("device filter options: max_rule_length must be in 1..",
                     kMaxRuleLengthLimit));
  }
  if (options.max_depth < 0 || options.max_depth > kMaxDepthLimit) {
    return absl::InvalidArgumentError(absl::StrCat(
        "device filter options: max_depth must be in 0..", kMaxDepthLimit));
  }
  if (options.max_terms == 0 || options.max_terms > kMaxTermsLimit) {
    return absl::InvalidArgumentError(absl::StrCat(
        "device filter options: max_terms must be in 1..", kMaxTermsLimit));
  }
  if (options.regex_max_mem < (int64_t{64} << 10) ||
      options.regex_max_mem > (int64_t{256} << 20)) {
    return absl::InvalidArgumentError(
        "device filter options: regex_max_mem must be in 64 KiB..256 MiB");
  }
  return absl::OkStatus();
}

}  // namespace crossgate::device_filter
