#ifndef CROSSGATE_LIB_COMPILE_POLICY_MODEL_H_
#define CROSSGATE_LIB_COMPILE_POLICY_MODEL_H_

// The normalized form of one Conditional Access policy between validation
// and indexing: ids parsed, keywords resolved, each enum condition spelled
// out as "which request values match". Index building (build_index.cc) reads
// only this, so the semantics of every condition live in normalize_*.cc.

#include <array>
#include <bitset>
#include <cstdint>
#include <string>
#include <vector>

#include "lib/compile/compiled_tenant.h"
#include "lib/model/cidr.h"
#include "lib/model/guid.h"

namespace crossgate {

// One guest/external selector (spec 4.3): the selected ExternalUserTypeBit
// types, for all external tenants or for the listed home tenants. D8:
// `internalGuest` is never filtered by tenant.
struct GuestSelector {
  uint32_t types = 0;
  bool all_tenants = true;
  std::vector<Guid> tenants;
};

// A per-request-value match table for an enum condition (index = the
// Request enum's value, 0 = not supplied).
template <int N>
struct EnumCondition {
  bool configured = false;
  std::array<bool, N> matches{};
};

struct NormalizedPolicy {
  std::string id;
  std::string display_name;
  PolicyMode mode = PolicyMode::kDisabled;

  // Users (4.3).
  bool users_all = false;  // `All` or an unknown include keyword (D7)
  std::vector<Guid> include_users, exclude_users;
  std::vector<Guid> include_groups, exclude_groups;
  std::vector<Guid> include_roles, exclude_roles;
  std::vector<GuestSelector> include_guests, exclude_guests;

  // Workload identities (4.5).
  bool workload = false;
  bool service_principals_all = false;
  std::vector<Guid> include_service_principals, exclude_service_principals;
  bool service_principal_filter = false;

  // Target resources (4.4).
  PolicyTarget target = PolicyTarget::kNone;
  bool apps_all = false;         // with app-set fallbacks / include filters
  bool apps_all_direct = false;  // `All` and unknown keywords only
  std::vector<Guid> include_apps, exclude_apps;                  // by id
  std::vector<Guid> include_apps_via_set, exclude_apps_via_set;  // expanded
  std::array<bool, kUserActionValues> user_actions{};
  std::array<bool, kAuthContextValues> auth_contexts{};
  FilterMode application_filter = FilterMode::kNone;

  // Enum conditions.
  EnumCondition<kClientAppValues> client_app;
  EnumCondition<kPlatformValues> platform;
  EnumCondition<kRiskValues> sign_in_risk;
  EnumCondition<kRiskValues> user_risk;
  EnumCondition<kRiskValues> service_principal_risk;
  EnumCondition<kInsiderValues> insider_risk;
  EnumCondition<kFlowValues> flow;

  // Locations (4.8): indices into the tenant's LocationModel table.
  bool location_configured = false;
  bool location_include_all = false;  // `All` or an unknown include keyword
  std::vector<uint32_t> include_locations, exclude_locations;

  // Device filter (4.10).
  FilterMode device_filter_mode = FilterMode::kNone;
  std::string device_filter_rule;

  // Controls (4.12, 4.13); atoms use tenant-local refs until the set assigns
  // global ones.
  CompiledGrant grant;
  std::vector<GrantAtom> atoms;
  CompiledSession session;
};

// One named location (or the zero-GUID MFA trusted IPs, D16).
struct LocationModel {
  enum class Kind : uint8_t { kIp, kCountry, kCompliantNetwork };
  Guid id;
  Kind kind = Kind::kIp;
  bool trusted = false;
  std::vector<Cidr> ranges;
  std::vector<int> country_slots;  // kCountrySlots indices
  bool include_unknown = false;
  bool gps = false;  // countryLookupMethod authenticatorAppGps
};

}  // namespace crossgate

#endif  // CROSSGATE_LIB_COMPILE_POLICY_MODEL_H_
