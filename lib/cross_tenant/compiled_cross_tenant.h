#ifndef CROSSGATE_LIB_CROSS_TENANT_COMPILED_CROSS_TENANT_H_
#define CROSSGATE_LIB_CROSS_TENANT_COMPILED_CROSS_TENANT_H_

// File: compiled_cross_tenant.h
//
// One tenant's cross-tenant access settings (Graph crossTenantAccessPolicy,
// spec 2), compiled: every partner entry resolved against the default and the
// service defaults (spec 2.6, 2.7, D1), every target resolved to Guids, and a
// hash table from partner tenant id to its EffectiveConfiguration. A decision
// does one lookup (ForPartner) and reads immutable data.
//
//   absl::StatusOr<CompiledCrossTenantAccess> compiled =
//       CompiledCrossTenantAccess::Compile(tenant, AppSetTable::Default(),
//                                          {}, &issues);
//   const EffectiveConfiguration& eff = compiled->ForPartner(home_tenant);
//
// Load issues (bad input) carry paths such as
//   tenants/<tenantId>/crossTenantAccessPolicy/partners/<partnerTenantId>/
//       b2bCollaborationInbound/usersAndGroups/accessType
// and are decided under the fail-closed reading: unknown accessType or
// targetType, empty targets, a forbidden target, a setting that blocks all
// users but allows apps (or the reverse), or specific users/groups in an
// inbound default make that setting deny everyone; a duplicated partner id
// makes every setting for that partner deny. See compile_options.h for
// whether Compile then fails.
//
// Thread safety: immutable after Compile; every method is const and
// thread-safe. Copies are cheap (shared immutable state).

#include <cstddef>
#include <memory>

#include "absl/status/statusor.h"
#include "crossgate/policy/v1/bundle.pb.h"
#include "lib/app_sets/app_set_table.h"
#include "lib/cross_tenant/cloud.h"
#include "lib/cross_tenant/compile_options.h"
#include "lib/cross_tenant/effective_configuration.h"
#include "lib/load/load_issue.h"
#include "lib/model/guid.h"

namespace crossgate::cross_tenant {

class CompiledCrossTenantAccess {
 public:
  // Compiles `tenant`'s crossTenantAccessPolicy (absent = the service
  // defaults), its cloud, and its app-set overrides on top of `base_app_sets`
  // (normally AppSetTable::Default()). Issues go to `issues` when non-null.
  // Fails with InvalidArgument when the tenant id is not a GUID, or when any
  // load error was found and options.fail_on_error is set.
  static absl::StatusOr<CompiledCrossTenantAccess> Compile(
      const policy::v1::TenantPolicies& tenant,
      const AppSetTable& base_app_sets,
      const CrossTenantCompileOptions& options, IssueCollector* issues);

  // Eff(partner) of spec 2.9: the partner's resolved entry, or the resolved
  // default when the tenant has no entry for `partner`. One hash lookup; no
  // allocation.
  const EffectiveConfiguration& ForPartner(const Guid& partner) const noexcept;

  // The partner's entry, or null when there is none.
  const EffectiveConfiguration* FindPartner(const Guid& partner) const noexcept;

  // The resolved default configuration.
  const EffectiveConfiguration& default_configuration() const noexcept;

  const Guid& tenant_id() const noexcept;
  Cloud cloud() const noexcept;
  // Whether `allowedCloudEndpoints` lists `other` (never true for kUnknown).
  bool AllowsCloud(Cloud other) const noexcept;
  // This tenant's app-set table (shipped + its overrides, D18).
  const AppSetTable& app_sets() const noexcept;
  size_t partner_count() const noexcept;
  // True when compiled with fail_on_error=false despite load errors.
  bool has_errors() const noexcept;

  struct State;  // defined in the .cc

 private:
  explicit CompiledCrossTenantAccess(std::shared_ptr<const State> state)
      : state_(std::move(state)) {}
  std::shared_ptr<const State> state_;  // INVARIANT: never null
};

}  // namespace crossgate::cross_tenant

#endif  // CROSSGATE_LIB_CROSS_TENANT_COMPILED_CROSS_TENANT_H_
