#ifndef CROSSGATE_LIB_COMPILE_COMPILER_H_
#define CROSSGATE_LIB_COMPILE_COMPILER_H_

// PolicyBundle -> CompiledPolicySet: the indexed decision tables the
// evaluator reads (STYLE 4.3). Compilation validates what the evaluator
// relies on (ids, references, documented combinations) and reports problems
// as LoadIssues whose paths use Graph property names, e.g.
//   tenants/<tenantId>/conditionalAccessPolicies/<policyId>/conditions/users/includeGroups[3]

#include <memory>
#include <vector>

#include "absl/status/statusor.h"
#include "crossgate/policy/v1/bundle.pb.h"
#include "lib/compile/compile_options.h"
#include "lib/compile/compiled_policy_set.h"
#include "lib/load/load_issue.h"

namespace crossgate {

// Compiles every tenant of `bundle`. Returns InvalidArgument naming the first
// error's path when any issue is an error; `issues` (optional) receives every
// issue, warnings included. The result is immutable and thread-safe.
absl::StatusOr<std::shared_ptr<const CompiledPolicySet>> CompilePolicySet(
    const policy::v1::PolicyBundle& bundle, const CompileOptions& options,
    std::vector<LoadIssue>* issues);

}  // namespace crossgate

#endif  // CROSSGATE_LIB_COMPILE_COMPILER_H_
