#include "lib/compile/build_index.h"

#include "lib/eval/request.h"

namespace crossgate {
namespace {

struct IncExcBuilder {
  explicit IncExcBuilder(uint32_t words) : include(words), exclude(words) {}
  BitsetBuilder include, exclude;
};

class GuidIndexBuilder {
 public:
  explicit GuidIndexBuilder(uint32_t words) : words_(words) {}
  void Add(const Guid& id, bool include, uint32_t policy) {
    auto it = map_.try_emplace(id, words_).first;
    (include ? it->second.include : it->second.exclude).Set(policy);
  }
  GuidIndex Finish(BitsetPool& pool) const {
    GuidIndex index;
    index.reserve(map_.size());
    for (const auto& [id, b] : map_) {
      index[id] = {pool.Intern(b.include.data()), pool.Intern(b.exclude.data())};
    }
    return index;
  }

 private:
  uint32_t words_;
  absl::flat_hash_map<Guid, IncExcBuilder> map_;
};

template <int N>
struct Slots {
  explicit Slots(uint32_t words) {
    for (auto& b : bits) b = BitsetBuilder(words);
  }
  std::array<BitsetBuilder, N> bits;
  std::array<BitsetRef, N> Finish(BitsetPool& pool) const {
    std::array<BitsetRef, N> out{};
    for (int i = 0; i < N; ++i) out[i] = pool.Intern(bits[i].data());
    return out;
  }
};

// Bit position of each ExternalUserTypeBit.
int TypePosition(uint32_t bit) { return __builtin_ctz(bit); }

template <int N>
void AddEnum(const EnumCondition<N>& c, uint32_t policy, Slots<N>* slots,
             BitsetBuilder* configured) {
  for (int v = 0; v < N; ++v) {
    if (c.matches[v]) slots->bits[v].Set(policy);
  }
  if (c.configured) configured->Set(policy);
}

}  // namespace

void BuildPolicyIndex(const std::vector<NormalizedPolicy>& policies,
                      CompiledTenant* t) {
  const uint32_t w = t->words();
  BitsetPool& pool = t->bits;
  BitsetBuilder enforced(w), shadow(w), block(w), residual(w);
  BitsetBuilder grant_and(w), grant_or(w), grant_atoms(w), grant_none(w),
      sessions(w);
  Slots<10> requires_builtin(w);
  BitsetBuilder users_all(w), sp_all(w), apps_all(w), apps_all_direct(w);
  GuidIndexBuilder users(w), groups(w), roles(w), tenants(w), sps(w);
  Slots<kExternalTypeCount> gi_any(w), gi_listed(w), ge_any(w), ge_listed(w);
  struct AppBuilder {
    explicit AppBuilder(uint32_t words) : expanded(words), direct(words) {}
    IncExcBuilder expanded, direct;
  };
  absl::flat_hash_map<Guid, AppBuilder> apps;
  auto app = [&](const Guid& id) -> AppBuilder& {
    return apps.try_emplace(id, w).first->second;
  };
  Slots<kUserActionValues> actions(w);
  Slots<kAuthContextValues> contexts(w);
  Slots<kClientAppValues> client_app(w);
  Slots<kPlatformValues> platform(w);
  Slots<kRiskValues> sign_in(w), user(w), sp(w);
  Slots<kInsiderValues> insider(w);
  Slots<kFlowValues> flow(w);
  BitsetBuilder client_app_cfg(w), platform_cfg(w), sign_in_cfg(w),
      user_cfg(w), sp_cfg(w), insider_cfg(w), flow_cfg(w), device_cfg(w);

  for (uint32_t i = 0; i < policies.size(); ++i) {
    const NormalizedPolicy& p = policies[i];
    if (p.mode == PolicyMode::kDisabled) continue;  // INVARIANT: no bits
    (p.mode == PolicyMode::kEnabled ? enforced : shadow).Set(i);
    if (p.grant.block) {
      block.Set(i);
    } else if (!p.grant.present) {
      grant_none.Set(i);
    } else if (!p.atoms.empty()) {
      grant_atoms.Set(i);
    } else {
      (p.grant.or_operator ? grant_or : grant_and).Set(i);
    }
    for (uint32_t b = p.grant.builtin_mask; b != 0; b &= b - 1) {
      requires_builtin.bits[__builtin_ctz(b)].Set(i);
    }
    if (p.session.present) sessions.Set(i);
    if (p.device_filter_mode != FilterMode::kNone) {
      residual.Set(i);
      device_cfg.Set(i);
    }

    if (p.users_all) users_all.Set(i);
    for (const Guid& g : p.include_users) users.Add(g, true, i);
    for (const Guid& g : p.exclude_users) users.Add(g, false, i);
    for (const Guid& g : p.include_groups) groups.Add(g, true, i);
    for (const Guid& g : p.exclude_groups) groups.Add(g, false, i);
    for (const Guid& g : p.include_roles) roles.Add(g, true, i);
    for (const Guid& g : p.exclude_roles) roles.Add(g, false, i);
    for (int side = 0; side < 2; ++side) {
      const bool include = side == 0;
      for (const GuestSelector& s : include ? p.include_guests : p.exclude_guests) {
        Slots<kExternalTypeCount>& any = include ? gi_any : ge_any;
        Slots<kExternalTypeCount>& listed = include ? gi_listed : ge_listed;
        for (uint32_t types = s.types; types != 0; types &= types - 1) {
          uint32_t bit = types & (~types + 1);
          // D8: the tenant filter never applies to internalGuest.
          if (s.all_tenants || bit == kInternalGuest) {
            any.bits[TypePosition(bit)].Set(i);
          } else {
            listed.bits[TypePosition(bit)].Set(i);
          }
        }
        if (!s.all_tenants) {
          for (const Guid& tenant : s.tenants) tenants.Add(tenant, include, i);
        }
      }
    }

    if (p.workload) {
      if (p.service_principals_all) sp_all.Set(i);
      for (const Guid& g : p.include_service_principals) sps.Add(g, true, i);
      for (const Guid& g : p.exclude_service_principals) sps.Add(g, false, i);
    }

    switch (p.target) {
      case PolicyTarget::kApplications:
        if (p.apps_all) apps_all.Set(i);
        if (p.apps_all_direct) apps_all_direct.Set(i);
        for (const Guid& g : p.include_apps) {
          AppBuilder& a = app(g);
          a.expanded.include.Set(i);
          a.direct.include.Set(i);
        }
        for (const Guid& g : p.include_apps_via_set) app(g).expanded.include.Set(i);
        for (const Guid& g : p.exclude_apps) {
          AppBuilder& a = app(g);
          a.expanded.exclude.Set(i);
          a.direct.exclude.Set(i);
        }
        for (const Guid& g : p.exclude_apps_via_set) app(g).expanded.exclude.Set(i);
        break;
      case PolicyTarget::kUserActions:
        for (int v = 0; v < kUserActionValues; ++v) {
          if (p.user_actions[v]) actions.bits[v].Set(i);
        }
        break;
      case PolicyTarget::kAuthenticationContexts:
        for (int v = 0; v < kAuthContextValues; ++v) {
          if (p.auth_contexts[v]) contexts.bits[v].Set(i);
        }
        break;
      case PolicyTarget::kNone:
        break;
    }

    AddEnum(p.client_app, i, &client_app, &client_app_cfg);
    AddEnum(p.platform, i, &platform, &platform_cfg);
    AddEnum(p.sign_in_risk, i, &sign_in, &sign_in_cfg);
    AddEnum(p.user_risk, i, &user, &user_cfg);
    AddEnum(p.service_principal_risk, i, &sp, &sp_cfg);
    AddEnum(p.insider_risk, i, &insider, &insider_cfg);
    AddEnum(p.flow, i, &flow, &flow_cfg);
  }

  t->enforced = pool.Intern(enforced.data());
  t->shadow = pool.Intern(shadow.data());
  t->block = pool.Intern(block.data());
  t->residual = pool.Intern(residual.data());
  t->requires_builtin = requires_builtin.Finish(pool);
  t->grant_and = pool.Intern(grant_and.data());
  t->grant_or = pool.Intern(grant_or.data());
  t->grant_atoms = pool.Intern(grant_atoms.data());
  t->grant_none = pool.Intern(grant_none.data());
  t->sessions = pool.Intern(sessions.data());
  t->users_all = pool.Intern(users_all.data());
  t->users = users.Finish(pool);
  t->groups = groups.Finish(pool);
  for (const auto& [group, entry] : t->groups) t->group_filter.Add(group);
  t->roles = roles.Finish(pool);
  t->guest_include_any = gi_any.Finish(pool);
  t->guest_include_listed = gi_listed.Finish(pool);
  t->guest_exclude_any = ge_any.Finish(pool);
  t->guest_exclude_listed = ge_listed.Finish(pool);
  t->external_tenants = tenants.Finish(pool);
  t->service_principals_all = pool.Intern(sp_all.data());
  t->service_principals = sps.Finish(pool);
  t->apps_all = pool.Intern(apps_all.data());
  t->apps_all_direct = pool.Intern(apps_all_direct.data());
  t->apps.reserve(apps.size());
  for (const auto& [id, a] : apps) {
    t->apps[id] = {{pool.Intern(a.expanded.include.data()),
                    pool.Intern(a.expanded.exclude.data())},
                   {pool.Intern(a.direct.include.data()),
                    pool.Intern(a.direct.exclude.data())}};
  }
  t->user_actions = actions.Finish(pool);
  t->auth_contexts = contexts.Finish(pool);
  t->client_app = client_app.Finish(pool);
  t->platform = platform.Finish(pool);
  t->sign_in_risk = sign_in.Finish(pool);
  t->user_risk = user.Finish(pool);
  t->service_principal_risk = sp.Finish(pool);
  t->insider_risk = insider.Finish(pool);
  t->flow = flow.Finish(pool);
  t->client_app_configured = pool.Intern(client_app_cfg.data());
  t->platform_configured = pool.Intern(platform_cfg.data());
  t->sign_in_risk_configured = pool.Intern(sign_in_cfg.data());
  t->user_risk_configured = pool.Intern(user_cfg.data());
  t->service_principal_risk_configured = pool.Intern(sp_cfg.data());
  t->insider_risk_configured = pool.Intern(insider_cfg.data());
  t->flow_configured = pool.Intern(flow_cfg.data());
  t->device_filter_configured = pool.Intern(device_cfg.data());
}

}  // namespace crossgate
