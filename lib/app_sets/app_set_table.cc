#include "lib/app_sets/app_set_table.h"

#include <algorithm>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "lib/app_sets/shipped_app_sets.h"

namespace crossgate {
namespace {

constexpr absl::string_view kKeywords[kAppSetCount] = {
    "Office365", "MicrosoftAdminPortals", "AllMicrosoftApps"};

void SortUnique(std::vector<Guid>& ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
}

}  // namespace

absl::optional<AppSetId> AppSetFromKeyword(absl::string_view keyword) {
  for (int i = 0; i < kAppSetCount; ++i) {
    if (keyword == kKeywords[i]) return static_cast<AppSetId>(i);
  }
  return absl::nullopt;
}

absl::string_view AppSetKeyword(AppSetId set) {
  return kKeywords[static_cast<int>(set)];
}

const AppSetTable& AppSetTable::Default() {
  // Built once from static data; leaked on purpose (no destruction order
  // issues for callers that run during static teardown).
  static const AppSetTable* const table = [] {
    auto* t = new AppSetTable();
    for (const ShippedAppEntry& entry : ShippedAppEntries()) {
      // The shipped ids are literals checked by tests; a bad one is skipped
      // rather than crashing the process.
      absl::optional<Guid> id = ParseGuid(entry.app_id);
      if (!id.has_value()) continue;
      if (entry.sets & kInOffice365) t->members_[0].push_back(*id);
      if (entry.sets & kInMicrosoftAdminPortals) t->members_[1].push_back(*id);
      // Every shipped entry is a Microsoft first-party app.
      t->members_[2].push_back(*id);
    }
    for (auto& members : t->members_) SortUnique(members);
    t->version_ = std::string(kShippedAppSetVersion);
    return t;
  }();
  return *table;
}

absl::StatusOr<AppSetTable> AppSetTable::Resolve(
    const AppSetTable& base,
    const google::protobuf::RepeatedPtrField<policy::v1::AppSet>& overrides,
    absl::string_view tenant_path, IssueCollector* issues) {
  IssueCollector local;
  IssueCollector& out = issues != nullptr ? *issues : local;

  AppSetTable table = base;
  std::array<bool, kAppSetCount> seen = {false, false, false};
  for (int i = 0; i < overrides.size(); ++i) {
    const policy::v1::AppSet& set = overrides[i];
    absl::optional<AppSetId> id = AppSetFromKeyword(set.name());
    if (!id.has_value()) {
      out.Warning(IssueCode::kUnknownKeyword,
                  absl::StrCat(tenant_path, "/appSets[", i, "]/name"),
                  absl::StrCat("unknown application set '", set.name(),
                               "' is ignored"));
      continue;
    }
    const int index = static_cast<int>(*id);
    const std::string set_path =
        absl::StrCat(tenant_path, "/appSets/", set.name());
    if (seen[index]) {
      out.Error(IssueCode::kDuplicateId, set_path,
                "application set overridden twice; the later one is ignored");
      continue;
    }
    seen[index] = true;
    std::vector<Guid> members;
    members.reserve(set.app_ids_size());
    for (int j = 0; j < set.app_ids_size(); ++j) {
      absl::optional<Guid> app = ParseGuid(set.app_ids(j));
      if (!app.has_value()) {
        out.Error(IssueCode::kBadGuid,
                  absl::StrCat(set_path, "/appIds[", j, "]"),
                  absl::StrCat("'", set.app_ids(j), "' is not an app id"));
        continue;
      }
      members.push_back(*app);
    }
    SortUnique(members);
    table.members_[index] = std::move(members);
    table.overridden_[index] = true;
  }

  // AllMicrosoftApps keeps covering the (possibly overridden) Office365 and
  // admin-portal members unless the tenant replaced it too.
  const int all = static_cast<int>(AppSetId::kAllMicrosoftApps);
  if (!table.overridden_[all]) {
    std::vector<Guid>& members = table.members_[all];
    for (int s : {0, 1}) {
      members.insert(members.end(), table.members_[s].begin(),
                     table.members_[s].end());
    }
    SortUnique(members);
  }
  if (std::find(table.overridden_.begin(), table.overridden_.end(), true) !=
      table.overridden_.end()) {
    table.version_ = absl::StrCat(base.version_, "+tenant");
  }
  if (issues == nullptr && local.has_errors()) return local.ToStatus();
  return table;
}

bool AppSetTable::Contains(AppSetId set, const Guid& app) const noexcept {
  if (app.is_zero()) return false;
  const std::vector<Guid>& members = members_[static_cast<int>(set)];
  return std::binary_search(members.begin(), members.end(), app);
}

}  // namespace crossgate
