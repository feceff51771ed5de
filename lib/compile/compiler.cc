#include "lib/compile/compiler.h"

namespace crossgate {

// TODO(#4): first-commit placeholder so dependents can build against the
// header; the real compiler replaces it.
absl::StatusOr<std::shared_ptr<const CompiledPolicySet>> CompilePolicySet(
    const policy::v1::PolicyBundle&, const CompileOptions&,
    std::vector<LoadIssue>*) {
  return absl::UnimplementedError("CompilePolicySet: not yet implemented");
}

}  // namespace crossgate
