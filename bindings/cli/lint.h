#ifndef CROSSGATE_BINDINGS_CLI_LINT_H_
#define CROSSGATE_BINDINGS_CLI_LINT_H_

// Static checks over loaded policies (`crossgate lint`). Each finding names
// the rule, the tenant, the object (a policy id, or a partner tenant id for
// cross-tenant entries) and says what is wrong in one sentence. Rules (stable
// names, docs/cli.md):
//
//   never-applies               the conditions select nothing: no users, no
//                               target, includeApplications None, only the
//                               `none` transfer method (D15)
//   exclusion-covers-inclusion  an exclude list covers the matching include
//                               list (users, applications, platforms,
//                               locations, service principals)
//   report-only-blocks-everyone a report-only `block` policy for all users
//                               and all applications with no exclusion and
//                               no narrowing condition
//   partner-same-as-default     a cross-tenant partner entry that sets
//                               nothing the default does not already say
//   unknown-feature             a condition, control or keyword crossgate
//                               does not evaluate (from the model and the
//                               loader's warnings)

#include <string>
#include <vector>

#include "crossgate/policy/v1/bundle.pb.h"
#include "lib/load/load_issue.h"

namespace crossgate_cli {

struct LintFinding {
  std::string rule;
  std::string tenant_id;
  std::string object_id;    // policy id or partner tenant id
  std::string object_name;  // policy display name ("" for partners)
  std::string message;
};

// Findings in tenant order, then policy order, then rule order.
std::vector<LintFinding> LintBundle(
    const crossgate::policy::v1::PolicyBundle& bundle,
    const std::vector<crossgate::LoadIssue>& load_warnings);

}  // namespace crossgate_cli

#endif  // CROSSGATE_BINDINGS_CLI_LINT_H_
