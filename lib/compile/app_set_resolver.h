#ifndef CROSSGATE_LIB_COMPILE_APP_SET_RESOLVER_H_
#define CROSSGATE_LIB_COMPILE_APP_SET_RESOLVER_H_

// The one interface through which Conditional Access compilation expands the
// app-set keywords `Office365`, `MicrosoftAdminPortals` and
// `AllMicrosoftApps` (D18): a tenant's `appSets` override first, then the
// library's shipped table.
//
// Until lib/app_sets lands there is no shipped table: a keyword the tenant
// does not define is unresolved, and the compiler applies the fail-closed
// reading (an include covers every app, an exclude removes none).

#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "crossgate/policy/v1/bundle.pb.h"
#include "lib/model/guid.h"

namespace crossgate {

class AppSetResolver {
 public:
  // Reads `tenant.app_sets`. Entries that are not GUIDs are skipped and
  // reported by index in `bad_entries` ("appSets[i]/appIds[j]").
  explicit AppSetResolver(const policy::v1::TenantPolicies& tenant,
                          std::vector<std::string>* bad_entries = nullptr);

  // True for the three D18 keywords (case-sensitive, as Graph spells them).
  static bool IsAppSetName(absl::string_view name);

  // The app ids of `name`, or null when no table defines it.
  const std::vector<Guid>* Resolve(absl::string_view name) const;

 private:
  absl::flat_hash_map<std::string, std::vector<Guid>> overrides_;
};

}  // namespace crossgate

#endif  // CROSSGATE_LIB_COMPILE_APP_SET_RESOLVER_H_
