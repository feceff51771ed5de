#ifndef CROSSGATE_LIB_COMPILE_APP_SET_RESOLVER_H_
#define CROSSGATE_LIB_COMPILE_APP_SET_RESOLVER_H_

// The one interface through which Conditional Access compilation expands the
// app-set keywords `Office365`, `MicrosoftAdminPortals` and
// `AllMicrosoftApps` (D18): the tenant's resolved AppSetTable
// (lib/app_sets: the shipped table with the tenant's `appSets` overrides).

#include "absl/strings/string_view.h"
#include "absl/types/optional.h"
#include "absl/types/span.h"
#include "lib/app_sets/app_set_table.h"
#include "lib/model/guid.h"

namespace crossgate {

class AppSetResolver {
 public:
  // `table` must outlive the resolver.
  explicit AppSetResolver(const AppSetTable& table) : table_(table) {}

  // True for the three D18 keywords (case-sensitive, as Graph spells them).
  static bool IsAppSetName(absl::string_view name) {
    return AppSetFromKeyword(name).has_value();
  }

  // The app ids of `name`; nullopt when `name` is not an app-set keyword.
  absl::optional<absl::Span<const Guid>> Resolve(absl::string_view name) const {
    absl::optional<AppSetId> id = AppSetFromKeyword(name);
    if (!id.has_value()) return absl::nullopt;
    return table_.Members(*id);
  }

 private:
  const AppSetTable& table_;
};

}  // namespace crossgate

#endif  // CROSSGATE_LIB_COMPILE_APP_SET_RESOLVER_H_
