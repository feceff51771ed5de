#include "lib/compile/app_set_resolver.h"

#include "absl/strings/str_cat.h"

namespace crossgate {

AppSetResolver::AppSetResolver(const policy::v1::TenantPolicies& tenant,
                               std::vector<std::string>* bad_entries) {
  for (int i = 0; i < tenant.app_sets_size(); ++i) {
    const policy::v1::AppSet& set = tenant.app_sets(i);
    std::vector<Guid>& ids = overrides_[set.name()];
    ids.clear();  // a later entry for the same name replaces an earlier one
    for (int j = 0; j < set.app_ids_size(); ++j) {
      absl::optional<Guid> id = ParseGuid(set.app_ids(j));
      if (id.has_value()) {
        ids.push_back(*id);
      } else if (bad_entries != nullptr) {
        bad_entries->push_back(absl::StrCat("appSets[", i, "]/appIds[", j, "]"));
      }
    }
  }
}

bool AppSetResolver::IsAppSetName(absl::string_view name) {
  return name == "Office365" || name == "MicrosoftAdminPortals" ||
         name == "AllMicrosoftApps";
}

const std::vector<Guid>* AppSetResolver::Resolve(absl::string_view name) const {
  auto it = overrides_.find(std::string(name));
  if (it != overrides_.end()) return &it->second;
  // TODO(#4): consult lib/app_sets' shipped table when it lands.
  return nullptr;
}

}  // namespace crossgate
