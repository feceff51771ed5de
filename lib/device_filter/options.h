#ifndef CROSSGATE_LIB_DEVICE_FILTER_OPTIONS_H_
#define CROSSGATE_LIB_DEVICE_FILTER_OPTIONS_H_

// Compile options for filter rules. Every limit exists so that hostile input
// costs bounded time and memory at load time.
//
//   option                  default   meaning
//   allow_regex_operators   false     accept -match / -notMatch (RE2)
//   max_rule_length         3072      characters (UTF-16 code units), 4.10/7
//   max_depth               32        parenthesis nesting, at most 256
//   max_terms               256       comparisons, at most 4096
//   regex_max_mem           1 MiB     RE2 max_mem for each compiled pattern
//
// Why regex is off by default: section 4.10 lists -match/-notMatch among the
// dynamic-group operators that are not in the Conditional Access operator
// table, and recommends rejecting them or accepting them only behind a flag.
// Entra evaluates them with .NET regular expressions, whose syntax and
// semantics differ from RE2's, and RE2 matching may take a lock and allocate
// inside its DFA cache, which the decision path otherwise never does. A
// rule using them is therefore rejected at load (fail closed) unless the
// deployment opts in.

#include <cstddef>
#include <cstdint>

#include "absl/status/status.h"

namespace crossgate::device_filter {

struct Options {
  bool allow_regex_operators = false;
  size_t max_rule_length = 3072;
  int max_depth = 32;
  size_t max_terms = 256;
  int64_t regex_max_mem = int64_t{1} << 20;
};

// Upper bounds on the options themselves (they bound parser recursion and
// the evaluator's 32-bit indices).
inline constexpr int kMaxDepthLimit = 256;
inline constexpr size_t kMaxTermsLimit = 4096;
inline constexpr size_t kMaxRuleLengthLimit = size_t{1} << 20;

// InvalidArgument when an option is out of range.
absl::Status ValidateOptions(const Options& options);

}  // namespace crossgate::device_filter

#endif  // CROSSGATE_LIB_DEVICE_FILTER_OPTIONS_H_
