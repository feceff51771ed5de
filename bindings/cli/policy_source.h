#ifndef CROSSGATE_BINDINGS_CLI_POLICY_SOURCE_H_
#define CROSSGATE_BINDINGS_CLI_POLICY_SOURCE_H_

// The policies a deciding verb works on: loaded (lib/load) and compiled
// (lib/compile), with the model kept beside the compiled set so verbs can
// describe a policy's controls and the tenants' settings by id.

#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "crossgate/policy/v1/bundle.pb.h"
#include "lib/compile/compiled_policy_set.h"
#include "lib/load/limits.h"
#include "lib/load/load_issue.h"
#include "lib/model/guid.h"

namespace crossgate_cli {

struct Policies {
  crossgate::policy::v1::PolicyBundle bundle;
  std::shared_ptr<const crossgate::CompiledPolicySet> set;
  std::vector<crossgate::LoadIssue> issues;  // warnings of load and compile

  // The model of a tenant / policy by its id (null when absent).
  const crossgate::policy::v1::TenantPolicies* FindTenant(
      absl::string_view tenant_id) const;
  const crossgate::policy::v1::ConditionalAccessPolicy* FindPolicy(
      uint32_t policy_index) const;

  // "a, b, c": the loaded tenant ids, for error messages.
  std::string TenantList() const;

  // The tenant when exactly one is loaded, else zero (request default).
  crossgate::Guid OnlyTenant() const;

  absl::flat_hash_map<std::string, int> tenant_by_id;
  // Keyed by "<tenant id>/<policy id>".
  absl::flat_hash_map<std::string,
                      const crossgate::policy::v1::ConditionalAccessPolicy*>
      policy_by_key;
};

// Loads `paths` (files, directories, bundles; see lib/load/loader.h) and
// compiles them. On failure prints every issue to stderr, prefixed with
// "crossgate <verb>: ", and returns the status; warnings are kept in
// Policies::issues and not printed.
absl::StatusOr<std::unique_ptr<Policies>> LoadPolicies(
    const std::vector<std::string>& paths,
    const crossgate::LoadOptions& options, absl::string_view verb);

}  // namespace crossgate_cli

#endif  // CROSSGATE_BINDINGS_CLI_POLICY_SOURCE_H_
