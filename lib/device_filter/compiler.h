#ifndef CROSSGATE_LIB_DEVICE_FILTER_COMPILER_H_
#define CROSSGATE_LIB_DEVICE_FILTER_COMPILER_H_

// Lowers a ParsedRule to a Program (program.h).
//
// Each comparison becomes one instruction, in source order. Jump targets come
// from the boolean structure, top-down, with the targets (T, F) of a node:
//   comparison c:        on_true = T, on_false = F
//   a1 -and ... -and ak: ai gets (first(ai+1), F), ak gets (T, F)
//   a1 -or  ... -or  ak: ai gets (T, first(ai+1)), ak gets (T, F)
// where first(x) is the first comparison of subtree x. The root gets
// (accept, reject). This walk recurses once per tree level, which the
// parser bounds by Options::max_depth.
//
// Literals are case-folded once here (case_fold.h); -in lists are folded,
// sorted and deduplicated for binary search; -match patterns are compiled
// to RE2 once (case-insensitive, log_errors off, max_mem bounded, no
// capture groups) and shared by identical patterns in the rule.

#include <memory>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "lib/device_filter/ast.h"
#include "lib/device_filter/options.h"
#include "lib/device_filter/program.h"

namespace crossgate::device_filter {

// `source` is the text `rule` was parsed from (for error offsets). Fails
// with InvalidArgument only for a pattern RE2 rejects.
absl::StatusOr<std::shared_ptr<const Program>> CompileProgram(
    absl::string_view source, const ParsedRule& rule, const Options& options);

}  // namespace crossgate::device_filter

#endif  // CROSSGATE_LIB_DEVICE_FILTER_COMPILER_H_
