#include "lib/eval/applicability.h"

#include <algorithm>

#include "lib/compile/policy_model.h"
#include "lib/eval/bitset.h"

namespace crossgate {
namespace {

// Scratch rows (EvalScratch::kRows).
enum : int {
  kRowUsers = 0,
  kRowUsersExclude,
  kRowTarget,
  kRowLocation,
  kRowLocationExclude,
  kRowApplicable,
  kRowWork,
  kRowClientApp,
  kRowPlatform,
  kRowSignInRisk,
  kRowUserRisk,
  kRowServicePrincipalRisk,
};

// Out-of-range enum values (a caller bug) read fail-closed: in scope of
// every client-app/platform condition, highest risk.
template <typename E>
int Clamp(E value, int count, int fallback) {
  int v = static_cast<int>(value);
  return v >= 0 && v < count ? v : fallback;
}

template <uint32_t W>
inline void OrEntry(const BitsetPool& pool, const IncludeExclude& e,
                    uint64_t* inc, uint64_t* exc, uint32_t w) {
  if (e.include) bits::Or<W>(inc, pool.template at<W>(e.include), w);
  if (e.exclude) bits::Or<W>(exc, pool.template at<W>(e.exclude), w);
}

template <uint32_t W>
void ComputePrincipal(const CompiledTenant& t, const RequestContext& ctx,
                      EvalScratch& s) {
  const uint32_t w = t.words();
  const BitsetPool& pool = t.bits;
  const Request& r = *ctx.request;
  uint64_t* inc = s.row(kRowUsers);
  uint64_t* exc = s.row(kRowUsersExclude);
  bits::Zero<W>(exc, w);
  if (ctx.workload) {  // spec 4.5: clientApplications only
    bits::Copy<W>(inc, pool.template at<W>(t.service_principals_all), w);
    if (!t.service_principals.empty()) {
      auto it = t.service_principals.find(r.principal_id);
      if (it != t.service_principals.end()) OrEntry<W>(pool, it->second, inc, exc, w);
    }
    bits::AndNot<W>(inc, exc, w);
    return;
  }
  const uint32_t types = ctx.external_types;
  const bool direct_connect_only =
      (types & kB2bDirectConnectUser) &&
      !(types & (kInternalGuest | kB2bCollaborationGuest | kB2bCollaborationMember));
  if (t.all_users_includes_direct_connect || !direct_connect_only) {
    bits::Copy<W>(inc, pool.template at<W>(t.users_all), w);  // D8
  } else {
    bits::Zero<W>(inc, w);
  }
  if (!t.users.empty()) {
    auto it = t.users.find(r.principal_id);
    if (it != t.users.end()) OrEntry<W>(pool, it->second, inc, exc, w);
  }
  if (!t.groups.empty()) {
    // One filter test per group (typically 1-40, up to thousands), and a
    // hash lookup only for the few the filter cannot rule out.
    for (const Guid& g : r.groups) {
      if (!t.group_filter.MayContain(g)) continue;
      auto it = t.groups.find(g);
      if (it != t.groups.end()) OrEntry<W>(pool, it->second, inc, exc, w);
    }
  }
  if (!t.roles.empty()) {
    for (const Guid& role : r.roles) {
      auto it = t.roles.find(role);
      if (it != t.roles.end()) OrEntry<W>(pool, it->second, inc, exc, w);
    }
  }
  if (types != 0) {
    const IncludeExclude* listed = nullptr;
    if (!t.external_tenants.empty()) {
      auto it = t.external_tenants.find(r.home_tenant_id);
      if (it != t.external_tenants.end()) listed = &it->second;
    }
    uint64_t* tmp = s.row(kRowWork);
    for (uint32_t rest = types; rest != 0; rest &= rest - 1) {
      const int pos = __builtin_ctz(rest);
      if (pos >= kExternalTypeCount) break;
      bits::Or<W>(inc, pool.template at<W>(t.guest_include_any[pos]), w);
      bits::Or<W>(exc, pool.template at<W>(t.guest_exclude_any[pos]), w);
      if (listed != nullptr) {
        bits::Copy<W>(tmp, pool.template at<W>(t.guest_include_listed[pos]), w);
        bits::And<W>(tmp, pool.template at<W>(listed->include), w);
        bits::Or<W>(inc, tmp, w);
        bits::Copy<W>(tmp, pool.template at<W>(t.guest_exclude_listed[pos]), w);
        bits::And<W>(tmp, pool.template at<W>(listed->exclude), w);
        bits::Or<W>(exc, tmp, w);
      }
    }
  }
  bits::AndNot<W>(inc, exc, w);  // exclusion wins (spec 4.3)
}

template <uint32_t W>
void ComputeTarget(const CompiledTenant& t, const RequestContext& ctx,
                   const EvaluateOptions& options, EvalScratch& s) {
  const uint32_t w = t.words();
  const BitsetPool& pool = t.bits;
  const Request& r = *ctx.request;
  uint64_t* inc = s.row(kRowTarget);
  switch (r.target_kind) {
    case TargetKind::kUserAction: {
      int v = static_cast<int>(r.user_action);
      bits::Copy<W>(inc, pool.template at<W>(v < kUserActionValues ? t.user_actions[v] : 0), w);
      return;
    }
    case TargetKind::kAuthenticationContext: {
      int v = r.authentication_context;
      bits::Copy<W>(inc, pool.template at<W>(v < kAuthContextValues ? t.auth_contexts[v] : 0), w);
      return;
    }
    default: {  // applications (kUnspecified reads as an application)
      // What-If does not expand app sets (spec 5.7).
      const bool direct = options.what_if_unsupplied_not_applied;
      bits::Copy<W>(inc, pool.template at<W>(direct ? t.apps_all_direct : t.apps_all), w);
      auto it = t.apps.find(r.application_id);
      if (it != t.apps.end()) {
        const IncludeExclude& e = direct ? it->second.direct : it->second.expanded;
        if (e.include) bits::Or<W>(inc, pool.template at<W>(e.include), w);
        if (e.exclude) bits::AndNot<W>(inc, pool.template at<W>(e.exclude), w);
      }
      return;
    }
  }
}

template <uint32_t W>
const uint64_t* ComputeLocation(const CompiledTenant& t, const RequestContext& ctx,
                                const EvaluateOptions& options, EvalScratch& s) {
  const uint32_t w = t.words();
  const BitsetPool& pool = t.bits;
  const LocationIndex& l = t.locations;
  const Request& r = *ctx.request;
  const int country = CountrySlot(r.country[0], r.country[1]);
  const int gps = CountrySlot(r.gps_country[0], r.gps_country[1]);
  uint64_t* inc = s.row(kRowLocation);
  const bool unsupplied = options.what_if_unsupplied_not_applied;
  if (unsupplied && !r.has_ip && country == kUnknownCountrySlot &&
      gps == kUnknownCountrySlot && !r.compliant_network) {
    bits::Not<W>(inc, pool.template at<W>(l.configured), w);
    return inc;
  }
  uint64_t* exc = s.row(kRowLocationExclude);
  bits::Copy<W>(inc, pool.template at<W>(l.unconditioned), w);
  bits::Zero<W>(exc, w);
  if (r.has_ip) {
    const IncludeExclude* e = r.ip.v6 ? l.v6.Find(AddressValue6(r.ip))
                                      : l.v4.Find(AddressValue4(r.ip));
    if (e != nullptr) OrEntry<W>(pool, *e, inc, exc, w);
  } else if (!unsupplied) {
    OrEntry<W>(pool, l.no_ip, inc, exc, w);  // unknown IP: fail closed
  }
  OrEntry<W>(pool, l.country_ip[country], inc, exc, w);
  OrEntry<W>(pool, l.country_gps[gps], inc, exc, w);
  if (r.compliant_network) OrEntry<W>(pool, l.compliant_network, inc, exc, w);
  bits::AndNot<W>(inc, exc, w);
  return inc;
}

// The enum dimension's match set; in the What-If unsupplied reading, a
// request without the value matches only policies not conditioned on it.
template <uint32_t W>
inline __attribute__((always_inline)) const uint64_t* EnumRow(const CompiledTenant& t, BitsetRef match,
                        BitsetRef configured, bool unsupplied, int row,
                        EvalScratch& s) {
  if (!unsupplied) return t.bits.template at<W>(match);
  uint64_t* out = s.row(row);
  bits::Not<W>(out, t.bits.template at<W>(configured), t.words());
  return out;
}

}  // namespace

template <uint32_t W>
const uint64_t* ComputeApplicable(const CompiledTenant& t,
                                  const RequestContext& ctx,
                                  const EvaluateOptions& options,
                                  EvalScratch& s, DimensionRows* d) noexcept {
  const uint32_t w = t.words();
  const BitsetPool& pool = t.bits;
  const Request& r = *ctx.request;
  const bool wi = options.what_if_unsupplied_not_applied;

  ComputePrincipal<W>(t, ctx, s);
  d->principal = s.row(kRowUsers);
  ComputeTarget<W>(t, ctx, options, s);
  d->target = s.row(kRowTarget);
  const int ca = Clamp(r.client_app, kClientAppValues, 0);
  d->client_app = EnumRow<W>(t, t.client_app[ca], t.client_app_configured,
                          wi && ca == 0, kRowClientApp, s);
  const int pl = Clamp(r.platform, kPlatformValues, 0);
  d->platform = EnumRow<W>(t, t.platform[pl], t.platform_configured,
                        wi && pl == 0, kRowPlatform, s);
  d->location = ComputeLocation<W>(t, ctx, options, s);
  const int high = static_cast<int>(RiskLevel::kHigh);
  const int sr = Clamp(r.sign_in_risk, kRiskValues, high);
  d->sign_in_risk = EnumRow<W>(t, t.sign_in_risk[sr], t.sign_in_risk_configured,
                            wi && sr == 0, kRowSignInRisk, s);
  const int ur = Clamp(r.user_risk, kRiskValues, high);
  d->user_risk = EnumRow<W>(t, t.user_risk[ur], t.user_risk_configured,
                         wi && ur == 0, kRowUserRisk, s);
  const int spr = Clamp(r.service_principal_risk, kRiskValues, high);
  d->service_principal_risk =
      EnumRow<W>(t, t.service_principal_risk[spr],
              t.service_principal_risk_configured, wi && spr == 0,
              kRowServicePrincipalRisk, s);
  d->insider_risk = pool.template at<W>(t.insider_risk[Clamp(
      r.insider_risk, kInsiderValues, static_cast<int>(InsiderRisk::kElevated))]);
  d->flow = pool.template at<W>(t.flow[Clamp(r.authentication_flow, kFlowValues, 0)]);

  uint64_t* app = s.row(kRowApplicable);
  const uint64_t* enforced = pool.template at<W>(t.enforced);
  const uint64_t* shadow = pool.template at<W>(t.shadow);
  uint64_t any = 0;
  for (uint32_t i = 0; i < (W != 0 ? W : w); ++i) {
    uint64_t x = (enforced[i] | shadow[i]) & d->principal[i] & d->target[i] &
                 d->client_app[i] & d->platform[i] & d->location[i] &
                 d->sign_in_risk[i] & d->user_risk[i] &
                 d->service_principal_risk[i] & d->insider_risk[i] & d->flow[i];
    app[i] = x;
    any |= x;
  }
  if (any != 0 && t.residual != 0) {
    // Each distinct rule runs once, and only when a policy using it is
    // still applicable: a match removes the exclude-mode policies, a miss
    // the include-mode ones (spec 4.10).
    for (size_t f = 0; f < t.device_filters.size(); ++f) {
      const IncludeExclude& users = t.device_filter_policies[f];
      const uint64_t* inc = pool.template at<W>(users.include);
      const uint64_t* exc = pool.template at<W>(users.exclude);
      uint64_t live = 0;
      for (uint32_t i = 0; i < w; ++i) live |= app[i] & (inc[i] | exc[i]);
      if (live == 0) continue;
      const CompiledDeviceFilter& filter = t.device_filters[f];
      if (!filter.evaluable()) continue;  // fail closed: the policies apply
      const uint64_t* drop = filter.Matches(ctx.device) ? exc : inc;
      bits::AndNot<W>(app, drop, w);
    }
  }
  return app;
}

template const uint64_t* ComputeApplicable<0>(const CompiledTenant&, const RequestContext&,
                                              const EvaluateOptions&, EvalScratch&,
                                              DimensionRows*) noexcept;
template const uint64_t* ComputeApplicable<1>(const CompiledTenant&, const RequestContext&,
                                              const EvaluateOptions&, EvalScratch&,
                                              DimensionRows*) noexcept;
template const uint64_t* ComputeApplicable<2>(const CompiledTenant&, const RequestContext&,
                                              const EvaluateOptions&, EvalScratch&,
                                              DimensionRows*) noexcept;
template const uint64_t* ComputeApplicable<3>(const CompiledTenant&, const RequestContext&,
                                              const EvaluateOptions&, EvalScratch&,
                                              DimensionRows*) noexcept;
template const uint64_t* ComputeApplicable<4>(const CompiledTenant&, const RequestContext&,
                                              const EvaluateOptions&, EvalScratch&,
                                              DimensionRows*) noexcept;

bool DeviceFilterApplies(const CompiledTenant& t, const CompiledPolicy& p,
                         const RequestContext& ctx) noexcept {
  if (p.device_filter < 0) return true;
  const CompiledDeviceFilter& f = t.device_filters[p.device_filter];
  if (!f.evaluable()) return true;  // fail closed: the policy applies
  const bool matches = f.Matches(ctx.device);
  return p.device_filter_mode == FilterMode::kInclude ? matches : !matches;
}

WhatIfReason FirstFailingCondition(const CompiledTenant& t, uint32_t local,
                                   const DimensionRows& d,
                                   const RequestContext& ctx) noexcept {
  const CompiledPolicy& p = t.policies[local];
  if (p.mode == PolicyMode::kDisabled) return WhatIfReason::kPolicyNotEnabled;
  if (!bits::Test(d.principal, local)) {
    return ctx.workload ? WhatIfReason::kWorkloadIdentities : WhatIfReason::kUsers;
  }
  if (!bits::Test(d.target, local)) {
    switch (p.target) {
      case PolicyTarget::kUserActions: return WhatIfReason::kUserActions;
      case PolicyTarget::kAuthenticationContexts:
        return WhatIfReason::kAuthenticationContext;
      default: return WhatIfReason::kApplication;
    }
  }
  if (!bits::Test(d.platform, local)) return WhatIfReason::kDevicePlatform;
  if (!DeviceFilterApplies(t, p, ctx)) return WhatIfReason::kDevices;
  if (!bits::Test(d.client_app, local)) return WhatIfReason::kClientApps;
  if (!bits::Test(d.location, local)) return WhatIfReason::kLocation;
  if (!bits::Test(d.sign_in_risk, local)) return WhatIfReason::kSignInRisk;
  if (!bits::Test(d.service_principal_risk, local)) {
    return WhatIfReason::kWorkloadIdentities;
  }
  if (!bits::Test(d.user_risk, local)) return WhatIfReason::kUserRisk;
  if (!bits::Test(d.insider_risk, local)) return WhatIfReason::kInsiderRisk;
  if (!bits::Test(d.flow, local)) return WhatIfReason::kAuthenticationFlow;
  return WhatIfReason::kNone;
}

}  // namespace crossgate
