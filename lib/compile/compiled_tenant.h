#ifndef CROSSGATE_LIB_COMPILE_COMPILED_TENANT_H_
#define CROSSGATE_LIB_COMPILE_COMPILED_TENANT_H_

// One resource tenant's Conditional Access policies as indexed decision
// tables (issue #4). Every condition dimension maps a request value to a
// bitset over the tenant's policies (bit i = local policy i, ascending id):
//
//   applicable = principal & target & clientApp[c] & platform[p] & location
//              & signInRisk[r] & userRisk[u] & spRisk[s] & insiderRisk[i]
//              & flow[f] & active            (then residual checks)
//
// Id-keyed dimensions (users, groups, roles, apps, service principals,
// external tenants) are hash maps Guid -> {include, exclude} bitset refs plus
// an "any" bucket; enum dimensions are arrays of precomputed match bitsets;
// IP locations are sorted segments. Only device filters and application /
// service-principal filters are checked per policy (residual).
//
// INVARIANT: bits of disabled policies are never set in any include bitset;
// `enforced` and `shadow` are disjoint.

#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "lib/compile/bitset_pool.h"
#include "lib/compile/compiled_policy_set.h"
#include "lib/compile/device_filter_adapter.h"
#include "lib/collaboration/compiled_collaboration.h"
#include "lib/compile/guid_filter.h"
#include "lib/cross_tenant/compiled_cross_tenant.h"
#include "lib/eval/decision.h"
#include "lib/model/cidr.h"
#include "lib/model/guid.h"

namespace crossgate {

struct IncludeExclude {
  BitsetRef include = 0;
  BitsetRef exclude = 0;
};

using GuidIndex = absl::flat_hash_map<Guid, IncludeExclude, GuidHash>;

// Application ids carry two include/exclude pairs: with app sets expanded
// (normal evaluation) and without (What-If, spec 5.7).
struct AppEntry {
  IncludeExclude expanded;
  IncludeExclude direct;
};

// Sorted, non-overlapping segments of one address family, keyed by the
// address as a number (uint32_t for IPv4, Uint128 for IPv6). Segment k
// covers [starts[k], starts[k+1]); its sets say which policies include /
// exclude an address in it. starts[0] == 0 when non-empty.
using Uint128 = unsigned __int128;
template <typename Key>
struct IpSegments {
  std::vector<Key> starts;
  std::vector<IncludeExclude> sets;

  // The segment holding `key` (branch-free binary search).
  const IncludeExclude* Find(Key key) const {
    if (starts.empty()) return nullptr;
    const Key* base = starts.data();
    size_t n = starts.size();
    while (n > 1) {
      const size_t half = n / 2;
      base = base[half] <= key ? base + half : base;
      n -= half;
    }
    return &sets[base - starts.data()];
  }
};

inline Uint128 AddressValue6(const IpAddress& ip) {
  uint64_t hi, lo;
  std::memcpy(&hi, ip.bytes, 8);
  std::memcpy(&lo, ip.bytes + 8, 8);
  return (static_cast<Uint128>(__builtin_bswap64(hi)) << 64) |
         __builtin_bswap64(lo);
}
inline uint32_t AddressValue4(const IpAddress& ip) {
  uint32_t v;  // ::ffff:a.b.c.d -> a.b.c.d
  std::memcpy(&v, ip.bytes + 12, 4);
  return __builtin_bswap32(v);
}

constexpr int kCountrySlots = 26 * 26 + 1;  // AA..ZZ, then "unknown"
constexpr int kUnknownCountrySlot = 26 * 26;

// "AA".."ZZ" (either case) -> 0..675; anything else -> kUnknownCountrySlot.
inline int CountrySlot(char c0, char c1) {
  const unsigned a = static_cast<unsigned>((c0 | 0x20) - 'a');
  const unsigned b = static_cast<unsigned>((c1 | 0x20) - 'a');
  const bool letters = ((c0 >= 'A' && c0 <= 'Z') || (c0 >= 'a' && c0 <= 'z')) &&
                       ((c1 >= 'A' && c1 <= 'Z') || (c1 >= 'a' && c1 <= 'z'));
  return letters && a < 26 && b < 26 ? static_cast<int>(a * 26 + b)
                                     : kUnknownCountrySlot;
}

struct LocationIndex {
  BitsetRef unconditioned = 0;  // no location condition, or include `All`
  BitsetRef configured = 0;     // has a location condition (What-If)
  IpSegments<uint32_t> v4;
  IpSegments<Uint128> v6;
  IncludeExclude no_ip;  // request without an IP: every IP include, no exclude
  std::vector<IncludeExclude> country_ip;   // kCountrySlots, by request.country
  std::vector<IncludeExclude> country_gps;  // kCountrySlots, by request.gps_country
  IncludeExclude compliant_network;
};

// Per-policy grant clause. Built-in controls are bits (1 << RequirementKind);
// strengths, terms of use and custom controls are listed atoms.
struct GrantAtom {
  RequirementKind kind;
  uint32_t ref;    // global ref (strength / ToU / custom control)
  uint32_t local;  // index within the tenant's table of that kind
};

struct CompiledGrant {
  bool present = false;  // false: session-only policy (always satisfied)
  bool or_operator = false;
  bool block = false;    // D9
  uint32_t builtin_mask = 0;
  uint32_t atom_begin = 0;
  uint32_t atom_count = 0;
};

struct CompiledSession {
  bool present = false;
  int32_t sign_in_frequency_minutes = 0;  // 0 none, -1 everyTime
  SessionOutcome::PersistentBrowser persistent_browser =
      SessionOutcome::PersistentBrowser::kNotSet;
  bool application_enforced_restrictions = false;
  SessionOutcome::CloudAppSecurity cloud_app_security =
      SessionOutcome::CloudAppSecurity::kNotSet;
  bool disable_resilience_defaults = false;
  bool secure_sign_in_session = false;
  bool cae_strict = false;
  bool cae_disabled = false;
};

enum class PolicyTarget : uint8_t {
  kNone = 0,  // applications empty: matches nothing (5.2)
  kApplications,
  kUserActions,
  kAuthenticationContexts,
};

enum class FilterMode : uint8_t { kNone = 0, kInclude, kExclude };

struct CompiledPolicy {
  PolicyMode mode = PolicyMode::kDisabled;
  PolicyTarget target = PolicyTarget::kNone;
  bool workload = false;  // targets service principals (clientApplications)
  CompiledGrant grant;
  CompiledSession session;
  FilterMode device_filter_mode = FilterMode::kNone;
  int32_t device_filter = -1;  // into CompiledTenant::device_filters
  // Application / service-principal filters: no request attributes exist to
  // test them, so they read fail-closed (the policy applies). Kept for docs
  // and What-If.
  bool application_filter = false;
  bool service_principal_filter = false;
};

struct CompiledStrength {
  uint32_t ref = 0;  // global ref
  bool satisfies_mfa = false;  // requirementsSatisfied: mfa (D11)
  // Allowed combinations as method bitmasks (1u << AuthenticationMethodMode).
  std::vector<uint32_t> combinations;
  // Subsets usable by external users (spec 6.4): MFA done in the home tenant
  // (trust on) or in the resource tenant (trust off).
  std::vector<uint32_t> home_combinations;
  std::vector<uint32_t> resource_combinations;
};

// Number of Request enum values per dimension (index = enum value).
constexpr int kClientAppValues = 5;
constexpr int kPlatformValues = 8;
constexpr int kRiskValues = 6;
constexpr int kInsiderValues = 4;
constexpr int kFlowValues = 3;
constexpr int kUserActionValues = 3;
constexpr int kAuthContextValues = 100;
constexpr int kExternalTypeCount = 6;  // ExternalUserTypeBit positions

struct CompiledTenant {
  Guid id;
  uint32_t index = 0;
  uint32_t policy_begin = 0;  // global index of local policy 0
  uint32_t policy_count = 0;
  BitsetPool bits;

  BitsetRef enforced = 0;  // enabled policies
  BitsetRef shadow = 0;    // report-only policies
  BitsetRef block = 0;     // policies whose grant includes `block`
  BitsetRef residual = 0;  // policies needing a per-policy device filter check

  // Grant shapes, so most verdicts are word operations (grant_resolver.cc):
  // requires_builtin[k] = policies whose grant lists built-in control k;
  // grant_and / grant_or = block-free grants of built-ins only; grant_atoms
  // = grants with strengths, terms of use or custom controls (resolved per
  // policy); grant_none = no grant controls (session-only: satisfied).
  std::array<BitsetRef, 10> requires_builtin{};
  BitsetRef grant_and = 0, grant_or = 0, grant_atoms = 0, grant_none = 0;
  BitsetRef sessions = 0;  // policies with session controls

  // Users (spec 4.3). users_all: `All` / unknown include keywords.
  BitsetRef users_all = 0;
  GuidIndex users, groups, roles;
  GuidFilter group_filter;  // the keys of `groups`, probed first
  // External users: per ExternalUserTypeBit position, policies selecting the
  // type for all external tenants, or for an enumerated list (ANDed with
  // external_tenants[home]).
  std::array<BitsetRef, kExternalTypeCount> guest_include_any{};
  std::array<BitsetRef, kExternalTypeCount> guest_include_listed{};
  std::array<BitsetRef, kExternalTypeCount> guest_exclude_any{};
  std::array<BitsetRef, kExternalTypeCount> guest_exclude_listed{};
  GuidIndex external_tenants;
  bool all_users_includes_direct_connect = true;

  // Workload identities (spec 4.5).
  BitsetRef service_principals_all = 0;
  GuidIndex service_principals;

  // Target resources (spec 4.4).
  BitsetRef apps_all = 0;           // include `All` / unknown keywords
  BitsetRef apps_all_direct = 0;    // same, without app-set fallbacks (What-If)
  absl::flat_hash_map<Guid, AppEntry, GuidHash> apps;
  std::array<BitsetRef, kUserActionValues> user_actions{};
  std::array<BitsetRef, kAuthContextValues> auth_contexts{};

  // Enum dimensions: full match bitsets, plus "condition configured" sets
  // for the What-If unsupplied reading.
  std::array<BitsetRef, kClientAppValues> client_app{};
  std::array<BitsetRef, kPlatformValues> platform{};
  std::array<BitsetRef, kRiskValues> sign_in_risk{};
  std::array<BitsetRef, kRiskValues> user_risk{};
  std::array<BitsetRef, kRiskValues> service_principal_risk{};
  std::array<BitsetRef, kInsiderValues> insider_risk{};
  std::array<BitsetRef, kFlowValues> flow{};
  BitsetRef client_app_configured = 0, platform_configured = 0,
            sign_in_risk_configured = 0, user_risk_configured = 0,
            service_principal_risk_configured = 0,
            insider_risk_configured = 0, flow_configured = 0,
            device_filter_configured = 0;

  LocationIndex locations;

  // Per local policy.
  std::vector<CompiledPolicy> policies;
  std::vector<GrantAtom> atoms;
  std::vector<CompiledStrength> strengths;
  std::vector<Guid> terms_of_use;            // by local ToU index
  std::vector<std::string> custom_controls;  // by local custom-control index
  std::vector<CompiledDeviceFilter> device_filters;
  // By device filter: the policies using it in include / exclude mode.
  std::vector<IncludeExclude> device_filter_policies;
  // Results before evaluation: notApplied / reportOnlyNotApplied /
  // notEnabled, by local index (copied into the scratch per request).
  std::vector<PolicyOutcome> result_template;

  // The tenant's cross-tenant access settings (lib/cross_tenant): the stage
  // before Conditional Access, and the source of the inbound trust (D1) and
  // D4 user-type bits the CA stage reads.
  std::unique_ptr<const cross_tenant::CompiledCrossTenantAccess> cross_tenant;
  // The tenant's external collaboration settings (lib/collaboration):
  // invitations and self-service sign-up (spec 3).
  std::unique_ptr<const collaboration::CompiledExternalCollaboration> collaboration;

  explicit CompiledTenant(uint32_t words) : bits(words) {}
  uint32_t words() const { return bits.words(); }
};

}  // namespace crossgate

#endif  // CROSSGATE_LIB_COMPILE_COMPILED_TENANT_H_
