#include "lib/cross_tenant/compiled_cross_tenant.h"

#include <deque>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "lib/cross_tenant/half_compiler.h"
#include "lib/load/compile_issue_scope.h"

namespace crossgate::cross_tenant {

struct CompiledCrossTenantAccess::State {
  Guid tenant_id;
  Cloud cloud = Cloud::kGlobal;
  uint8_t allowed_clouds = 0;  // CloudBit mask
  AppSetTable app_sets;
  // Stable addresses: EffectiveB2BSetting points into this deque.
  std::deque<TargetHalf> halves;
  std::vector<EffectiveConfiguration> configs;        // [0] is the default
  absl::flat_hash_map<Guid, uint32_t> partner_index;  // -> configs index
  bool has_errors = false;
};

namespace {

using cross_tenant_internal::CheckHalfCombination;
using cross_tenant_internal::CompileHalf;
using cross_tenant_internal::HalfContext;
using cross_tenant_internal::HalfKind;
using policy::v1::CrossTenantAccessPartner;
using policy::v1::CrossTenantAccessSettings;
using State = CompiledCrossTenantAccess::State;

// The first error recorded at or after `start` (this compile's, not an
// earlier tenant's), as "<path>: <message>".
// Resolves settings into EffectiveConfigurations, storing compiled halves in
// the State. Compile-time only.
class Resolver {
 public:
  Resolver(State& state, const CrossTenantCompileOptions& options,
           IssueCollector& issues)
      : state_(state), options_(options), issues_(issues) {}

  // The resolved default (spec 2.6 fills whatever it lacks).
  EffectiveConfiguration ResolveDefault(
      const CrossTenantAccessSettings* settings, const std::string& path) {
    EffectiveConfiguration eff;
    eff.b2b_collaboration_inbound =
        DefaultSetting(settings && settings->has_b2b_collaboration_inbound()
                           ? &settings->b2b_collaboration_inbound()
                           : nullptr,
                       AccessType::kAllowed, /*inbound=*/true,
                       absl::StrCat(path, "/b2bCollaborationInbound"));
    eff.b2b_collaboration_outbound =
        DefaultSetting(settings && settings->has_b2b_collaboration_outbound()
                           ? &settings->b2b_collaboration_outbound()
                           : nullptr,
                       AccessType::kAllowed, false,
                       absl::StrCat(path, "/b2bCollaborationOutbound"));
    eff.b2b_direct_connect_inbound =
        DefaultSetting(settings && settings->has_b2b_direct_connect_inbound()
                           ? &settings->b2b_direct_connect_inbound()
                           : nullptr,
                       AccessType::kBlocked, true,
                       absl::StrCat(path, "/b2bDirectConnectInbound"));
    eff.b2b_direct_connect_outbound =
        DefaultSetting(settings && settings->has_b2b_direct_connect_outbound()
                           ? &settings->b2b_direct_connect_outbound()
                           : nullptr,
                       AccessType::kBlocked, false,
                       absl::StrCat(path, "/b2bDirectConnectOutbound"));
    // Spec 2.6: "all access settings disabled by default" for TRv2: a
    // tenant that sends the signal without a policy blocks external access.
    const policy::v1::TenantRestrictions* tr =
        settings && settings->has_tenant_restrictions()
            ? &settings->tenant_restrictions()
            : nullptr;
    if (tr != nullptr) WarnDevices(*tr, path);
    eff.tenant_restrictions =
        DefaultSetting(tr, AccessType::kBlocked, false,
                       absl::StrCat(path, "/tenantRestrictions"));

    if (settings && settings->has_inbound_trust()) {
      const auto& t = settings->inbound_trust();
      SetMember(t.has_is_mfa_accepted(), t.is_mfa_accepted(),
                SettingOrigin::kDefault, eff.inbound_trust.mfa_accepted,
                eff.inbound_trust_origin[0]);
      SetMember(t.has_is_compliant_device_accepted(),
                t.is_compliant_device_accepted(), SettingOrigin::kDefault,
                eff.inbound_trust.compliant_device_accepted,
                eff.inbound_trust_origin[1]);
      SetMember(t.has_is_hybrid_azure_ad_joined_device_accepted(),
                t.is_hybrid_azure_ad_joined_device_accepted(),
                SettingOrigin::kDefault,
                eff.inbound_trust.hybrid_joined_device_accepted,
                eff.inbound_trust_origin[2]);
    }
    if (settings && settings->has_automatic_user_consent_settings()) {
      // Spec 2.2: always false and read-only in the default.
      const auto& c = settings->automatic_user_consent_settings();
      if (c.inbound_allowed() || c.outbound_allowed()) {
        issues_.Warning(IssueCode::kInvalidCombination,
                        absl::StrCat(path, "/automaticUserConsentSettings"),
                        "the default's automaticUserConsentSettings are "
                        "read-only false (spec 2.2); read as false");
      }
    }
    return eff;
  }

  EffectiveConfiguration ResolvePartner(const CrossTenantAccessPartner& partner,
                                        const Guid& partner_id,
                                        const EffectiveConfiguration& def,
                                        const std::string& path) {
    EffectiveConfiguration eff = def;
    eff.source = {true, partner_id};
    const CrossTenantAccessSettings* s =
        partner.has_settings() ? &partner.settings() : nullptr;
    eff.b2b_collaboration_inbound =
        PartnerSetting(s && s->has_b2b_collaboration_inbound()
                           ? &s->b2b_collaboration_inbound()
                           : nullptr,
                       def.b2b_collaboration_inbound,
                       absl::StrCat(path, "/b2bCollaborationInbound"));
    eff.b2b_collaboration_outbound =
        PartnerSetting(s && s->has_b2b_collaboration_outbound()
                           ? &s->b2b_collaboration_outbound()
                           : nullptr,
                       def.b2b_collaboration_outbound,
                       absl::StrCat(path, "/b2bCollaborationOutbound"));
    eff.b2b_direct_connect_inbound =
        PartnerSetting(s && s->has_b2b_direct_connect_inbound()
                           ? &s->b2b_direct_connect_inbound()
                           : nullptr,
                       def.b2b_direct_connect_inbound,
                       absl::StrCat(path, "/b2bDirectConnectInbound"));
    eff.b2b_direct_connect_outbound =
        PartnerSetting(s && s->has_b2b_direct_connect_outbound()
                           ? &s->b2b_direct_connect_outbound()
                           : nullptr,
                       def.b2b_direct_connect_outbound,
                       absl::StrCat(path, "/b2bDirectConnectOutbound"));
    const policy::v1::TenantRestrictions* tr =
        s && s->has_tenant_restrictions() ? &s->tenant_restrictions() : nullptr;
    if (tr != nullptr) WarnDevices(*tr, path);
    eff.tenant_restrictions = PartnerSetting(
        tr, def.tenant_restrictions, absl::StrCat(path, "/tenantRestrictions"));

    // D1: each null inboundTrust member inherits the default's member.
    if (s && s->has_inbound_trust()) {
      const auto& t = s->inbound_trust();
      PartnerMember(t.has_is_mfa_accepted(), t.is_mfa_accepted(),
                    eff.inbound_trust.mfa_accepted,
                    eff.inbound_trust_origin[0]);
      PartnerMember(t.has_is_compliant_device_accepted(),
                    t.is_compliant_device_accepted(),
                    eff.inbound_trust.compliant_device_accepted,
                    eff.inbound_trust_origin[1]);
      PartnerMember(t.has_is_hybrid_azure_ad_joined_device_accepted(),
                    t.is_hybrid_azure_ad_joined_device_accepted(),
                    eff.inbound_trust.hybrid_joined_device_accepted,
                    eff.inbound_trust_origin[2]);
    }
    if (s && s->has_automatic_user_consent_settings()) {
      const auto& c = s->automatic_user_consent_settings();
      PartnerMember(c.has_inbound_allowed(), c.inbound_allowed(),
                    eff.automatic_consent_inbound,
                    eff.automatic_consent_origin[0]);
      PartnerMember(c.has_outbound_allowed(), c.outbound_allowed(),
                    eff.automatic_consent_outbound,
                    eff.automatic_consent_origin[1]);
    }
    eff.is_service_provider =
        partner.has_is_service_provider() && partner.is_service_provider();
    eff.is_in_multi_tenant_organization =
        partner.has_is_in_multi_tenant_organization() &&
        partner.is_in_multi_tenant_organization();
    return eff;
  }

  // A partner entry that cannot be trusted (duplicate id): everything denies.
  EffectiveConfiguration InvalidPartner(const Guid& partner_id) {
    EffectiveConfiguration eff;
    eff.source = {true, partner_id};
    eff.invalid = true;
    const EffectiveB2BSetting deny{Invalid(), Invalid()};
    eff.b2b_collaboration_inbound = deny;
    eff.b2b_collaboration_outbound = deny;
    eff.b2b_direct_connect_inbound = deny;
    eff.b2b_direct_connect_outbound = deny;
    eff.tenant_restrictions = deny;
    for (SettingOrigin& o : eff.inbound_trust_origin)
      o = SettingOrigin::kPartner;
    for (SettingOrigin& o : eff.automatic_consent_origin)
      o = SettingOrigin::kPartner;
    return eff;
  }

 private:
  const TargetHalf* Store(TargetHalf half) {
    state_.halves.push_back(std::move(half));
    return &state_.halves.back();
  }

  // Halves with `All` targets: the service defaults (spec 2.6) and, in strict
  // mode, the neutral stand-in for a "not configured" half.
  const TargetHalf* AllHalf(AccessType access, SettingOrigin origin) {
    const int key = static_cast<int>(access) * 4 + static_cast<int>(origin);
    if (all_halves_[key] == nullptr) {
      TargetHalf half;
      half.access = access;
      half.all = true;
      half.origin = origin;
      all_halves_[key] = Store(std::move(half));
    }
    return all_halves_[key];
  }

  const TargetHalf* Invalid() {
    if (invalid_ == nullptr) {
      TargetHalf half;
      half.invalid = true;
      half.origin = SettingOrigin::kPartner;
      invalid_ = Store(std::move(half));
    }
    return invalid_;
  }

  template <typename Msg>
  EffectiveB2BSetting DefaultSetting(const Msg* msg, AccessType service_default,
                                     bool inbound, const std::string& path) {
    const TargetHalf* sd =
        AllHalf(service_default, SettingOrigin::kServiceDefault);
    EffectiveB2BSetting out{sd, sd};
    if (msg == nullptr) return out;
    return CompileHalves(*msg, SettingOrigin::kDefault, inbound, path, out);
  }

  template <typename Msg>
  EffectiveB2BSetting PartnerSetting(const Msg* msg,
                                     const EffectiveB2BSetting& inherited,
                                     const std::string& path) {
    // Null (or present with neither half) inherits the default's setting.
    if (msg == nullptr ||
        (!msg->has_users_and_groups() && !msg->has_applications())) {
      return inherited;
    }
    EffectiveB2BSetting out = inherited;
    out = CompileHalves(*msg, SettingOrigin::kPartner, false, path, out);
    if (options_.strict_partner_inheritance) {
      // The missing half is "not configured": neutral, so the present half
      // alone decides (see compile_options.h).
      if (!msg->has_users_and_groups()) {
        out.users_and_groups = AllHalf(NeutralAccess(*out.applications),
                                       SettingOrigin::kNotConfigured);
      }
      if (!msg->has_applications()) {
        out.applications = AllHalf(NeutralAccess(*out.users_and_groups),
                                   SettingOrigin::kNotConfigured);
      }
    }
    return out;
  }

  static AccessType NeutralAccess(const TargetHalf& present) {
    // An invalid present half denies anyway; any access works.
    return present.invalid ? AccessType::kBlocked : present.access;
  }

  // Compiles the halves `msg` carries over `out` (which holds the fallbacks).
  template <typename Msg>
  EffectiveB2BSetting CompileHalves(const Msg& msg, SettingOrigin origin,
                                    bool inbound_default,
                                    const std::string& path,
                                    EffectiveB2BSetting out) {
    TargetHalf users, apps;
    if (msg.has_users_and_groups()) {
      HalfContext ctx{HalfKind::kUsersAndGroups, origin, inbound_default,
                      absl::StrCat(path, "/usersAndGroups")};
      users = CompileHalf(msg.users_and_groups(), ctx, issues_);
    }
    if (msg.has_applications()) {
      HalfContext ctx{HalfKind::kApplications, origin, false,
                      absl::StrCat(path, "/applications")};
      apps = CompileHalf(msg.applications(), ctx, issues_);
    }
    if (msg.has_users_and_groups() && msg.has_applications()) {
      CheckHalfCombination(users, apps, path, issues_);
    }
    if (msg.has_users_and_groups())
      out.users_and_groups = Store(std::move(users));
    if (msg.has_applications()) out.applications = Store(std::move(apps));
    return out;
  }

  void WarnDevices(const policy::v1::TenantRestrictions& tr,
                   const std::string& path) {
    if (!tr.has_devices()) return;
    issues_.Warning(IssueCode::kUnsupportedFeature,
                    absl::StrCat(path, "/tenantRestrictions/devices"),
                    "tenantRestrictions.devices is documented as not enforced "
                    "(spec 2.5) and is not evaluated");
  }

  static void SetMember(bool present, bool value, SettingOrigin origin,
                        bool& out, SettingOrigin& out_origin) {
    if (!present) return;
    out = value;
    out_origin = origin;
  }

  void PartnerMember(bool present, bool value, bool& out,
                     SettingOrigin& out_origin) {
    if (present) {
      out = value;
      out_origin = SettingOrigin::kPartner;
    } else if (options_.strict_partner_inheritance) {
      out = false;
      out_origin = SettingOrigin::kNotConfigured;
    }  // else D1: keep the default's member
  }

  State& state_;
  const CrossTenantCompileOptions& options_;
  IssueCollector& issues_;
  const TargetHalf* all_halves_[8] = {};
  const TargetHalf* invalid_ = nullptr;
};

}  // namespace

absl::StatusOr<CompiledCrossTenantAccess> CompiledCrossTenantAccess::Compile(
    const policy::v1::TenantPolicies& tenant, const AppSetTable& base_app_sets,
    const CrossTenantCompileOptions& options, IssueCollector* issues) {
  CompileIssueScope scope(issues, "cross-tenant settings");
  IssueCollector& sink = scope.sink();
  absl::StatusOr<Guid> tenant_id = scope.TenantId(tenant);
  if (!tenant_id.ok()) return tenant_id.status();
  const std::string tenant_path = TenantPath(*tenant_id);
  const std::string policy_path =
      absl::StrCat(tenant_path, "/crossTenantAccessPolicy");

  auto state = std::make_unique<State>();
  state->tenant_id = *tenant_id;

  // Spec 2.1 / 2.9: the tenant's own cloud and the clouds it allows.
  if (!tenant.cloud().empty()) {
    absl::optional<Cloud> cloud = ParseCloudEndpoint(tenant.cloud());
    if (!cloud.has_value()) {
      sink.Error(IssueCode::kUnknownEnum, absl::StrCat(tenant_path, "/cloud"),
                 absl::StrCat("unknown cloud '", tenant.cloud(),
                              "'; cross-tenant requests are denied"));
    }
    state->cloud = cloud.value_or(Cloud::kUnknown);
  }
  const policy::v1::CrossTenantAccessPolicy& policy =
      tenant.cross_tenant_access_policy();
  for (int i = 0; i < policy.allowed_cloud_endpoints_size(); ++i) {
    absl::optional<Cloud> cloud =
        ParseCloudEndpoint(policy.allowed_cloud_endpoints(i));
    if (!cloud.has_value()) {
      sink.Error(
          IssueCode::kUnknownEnum,
          absl::StrCat(policy_path, "/allowedCloudEndpoints[", i, "]"),
          absl::StrCat("unknown cloud endpoint '",
                       policy.allowed_cloud_endpoints(i), "' (not allowed)"));
      continue;
    }
    state->allowed_clouds |= CloudBit(*cloud);
  }

  // D18: the tenant's app sets.
  absl::StatusOr<AppSetTable> app_sets = AppSetTable::Resolve(
      base_app_sets, tenant.app_sets(), tenant_path, &sink);
  if (!app_sets.ok()) return app_sets.status();
  state->app_sets = *std::move(app_sets);

  Resolver resolver(*state, options, sink);
  const bool has_default = tenant.has_cross_tenant_access_policy() &&
                           policy.has_default_configuration() &&
                           policy.default_configuration().has_settings();
  state->configs.push_back(resolver.ResolveDefault(
      has_default ? &policy.default_configuration().settings() : nullptr,
      absl::StrCat(policy_path, "/default")));

  // Partners: key by tenant id; a duplicate poisons that id (fail closed).
  absl::flat_hash_map<Guid, int> first_index;
  for (int i = 0; i < policy.partners_size(); ++i) {
    const CrossTenantAccessPartner& partner = policy.partners(i);
    absl::optional<Guid> id = ParseGuid(partner.tenant_id());
    if (!id.has_value()) {
      sink.Error(IssueCode::kBadGuid,
                 absl::StrCat(policy_path, "/partners[", i, "]/tenantId"),
                 absl::StrCat("partner tenantId '", partner.tenant_id(),
                              "' is not a GUID; the entry is ignored"));
      continue;
    }
    const std::string path =
        absl::StrCat(policy_path, "/partners/", FormatGuid(*id));
    auto [it, inserted] = first_index.try_emplace(*id, i);
    if (!inserted) {
      sink.Error(
          IssueCode::kDuplicateId, path,
          absl::StrCat("duplicate partner tenantId (also partners[", it->second,
                       "]); every setting for this partner "
                       "denies (fail closed)"));
      state->configs[state->partner_index[*id]] = resolver.InvalidPartner(*id);
      continue;
    }
    state->partner_index[*id] = static_cast<uint32_t>(state->configs.size());
    state->configs.push_back(
        resolver.ResolvePartner(partner, *id, state->configs[0], path));
  }

  state->has_errors = scope.has_errors();
  if (state->has_errors && options.fail_on_error) return scope.FirstError();
  return CompiledCrossTenantAccess(
      std::shared_ptr<const State>(std::move(state)));
}

const EffectiveConfiguration& CompiledCrossTenantAccess::ForPartner(
    const Guid& partner) const noexcept {
  auto it = state_->partner_index.find(partner);
  return it == state_->partner_index.end() ? state_->configs[0]
                                           : state_->configs[it->second];
}

const EffectiveConfiguration* CompiledCrossTenantAccess::FindPartner(
    const Guid& partner) const noexcept {
  auto it = state_->partner_index.find(partner);
  return it == state_->partner_index.end() ? nullptr
                                           : &state_->configs[it->second];
}

const EffectiveConfiguration& CompiledCrossTenantAccess::default_configuration()
    const noexcept {
  return state_->configs[0];
}

const Guid& CompiledCrossTenantAccess::tenant_id() const noexcept {
  return state_->tenant_id;
}

Cloud CompiledCrossTenantAccess::cloud() const noexcept {
  return state_->cloud;
}

bool CompiledCrossTenantAccess::AllowsCloud(Cloud other) const noexcept {
  if (other == Cloud::kUnknown) return false;
  return (state_->allowed_clouds & CloudBit(other)) != 0;
}

const AppSetTable& CompiledCrossTenantAccess::app_sets() const noexcept {
  return state_->app_sets;
}

size_t CompiledCrossTenantAccess::partner_count() const noexcept {
  return state_->partner_index.size();
}

bool CompiledCrossTenantAccess::has_errors() const noexcept {
  return state_->has_errors;
}

}  // namespace crossgate::cross_tenant
