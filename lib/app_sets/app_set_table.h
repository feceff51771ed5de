#ifndef CROSSGATE_LIB_APP_SETS_APP_SET_TABLE_H_
#define CROSSGATE_LIB_APP_SETS_APP_SET_TABLE_H_

// File: app_set_table.h
//
// Application-set keywords and their expansion (decisions.md D18). The
// keywords `Office365`, `MicrosoftAdminPortals` and `AllMicrosoftApps` appear
// in cross-tenant access application targets (spec 2.4) and in Conditional
// Access includeApplications / excludeApplications (spec 4.4). An AppSetTable
// answers "is app X in set S" without allocating.
//
// The library ships one table (AppSetTable::Default(), built from
// shipped_app_sets.h). A tenant document may replace any set with its own
// member list (`TenantPolicies.app_sets`); AppSetTable::Resolve builds that
// tenant's table at compile time.
//
// `AllMicrosoftApps` is modelled as "any app in the Microsoft first-party
// table": the shipped entries plus the tenant's effective Office365 and
// MicrosoftAdminPortals members, so Office365 is always a subset of
// AllMicrosoftApps. A tenant that overrides AllMicrosoftApps itself gets
// exactly its list.
//
// Thread safety: an AppSetTable is immutable after construction; all const
// methods are thread-safe.

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/optional.h"
#include "absl/types/span.h"
#include "crossgate/policy/v1/bundle.pb.h"
#include "google/protobuf/repeated_ptr_field.h"
#include "lib/load/load_issue.h"
#include "lib/model/guid.h"

namespace crossgate {

enum class AppSetId : uint8_t {
  kOffice365 = 0,
  kMicrosoftAdminPortals = 1,
  kAllMicrosoftApps = 2,
};
inline constexpr int kAppSetCount = 3;

// "Office365" -> kOffice365 etc. Case-sensitive, as Graph spells them.
absl::optional<AppSetId> AppSetFromKeyword(absl::string_view keyword);
// The Graph keyword (static storage).
absl::string_view AppSetKeyword(AppSetId set);

class AppSetTable {
 public:
  // The shipped table (lib/app_sets/shipped_app_sets.h). Static; never
  // destroyed; thread-safe.
  static const AppSetTable& Default();

  // `base` with a tenant's overrides applied. Each override replaces the
  // whole member list of its keyword. Issues use paths under `tenant_path`
  // (`tenants/<tenantId>`): an unknown set name is a warning (ignored), a
  // member that is not a GUID is an error (the member is dropped, so the set
  // only narrows), a keyword overridden twice is an error (the later one is
  // ignored). Returns InvalidArgument only when `issues` is null and an error
  // was found.
  static absl::StatusOr<AppSetTable> Resolve(
      const AppSetTable& base,
      const google::protobuf::RepeatedPtrField<policy::v1::AppSet>& overrides,
      absl::string_view tenant_path, IssueCollector* issues);

  // Membership: O(log n) binary search, no allocation. A zero Guid is never a
  // member.
  bool Contains(AppSetId set, const Guid& app) const noexcept;

  // Sorted, unique members of `set`.
  absl::Span<const Guid> Members(AppSetId set) const {
    return members_[static_cast<int>(set)];
  }
  // True when a tenant override replaced the shipped list for `set`.
  bool overridden(AppSetId set) const {
    return overridden_[static_cast<int>(set)];
  }
  // The shipped table version, with "+tenant" appended when any set is
  // overridden.
  absl::string_view version() const { return version_; }

 private:
  std::array<std::vector<Guid>, kAppSetCount> members_;
  std::array<bool, kAppSetCount> overridden_ = {false, false, false};
  std::string version_;
};

}  // namespace crossgate

#endif  // CROSSGATE_LIB_APP_SETS_APP_SET_TABLE_H_
