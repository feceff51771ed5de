#include "lib/compile/compiler.h"

#include <algorithm>
#include <numeric>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "lib/compile/app_set_resolver.h"
#include "lib/compile/build_index.h"
#include "lib/compile/compiled_tenant.h"
#include "lib/compile/normalize_conditions.h"
#include "lib/compile/normalize_controls.h"
#include "lib/compile/policy_model.h"
#include "lib/compile/tenant_context.h"
#include "lib/compile/tenant_tables.h"

namespace crossgate {

namespace pb = ::crossgate::policy::v1;

// Fills a CompiledPolicySet tenant by tenant (friend of the set).
class PolicySetBuilder {
 public:
  PolicySetBuilder(const CompileOptions& options, IssueCollector* issues)
      : options_(options), issues_(issues), set_(new CompiledPolicySet()) {}

  void AddTenant(const pb::TenantPolicies& tenant);
  std::shared_ptr<const CompiledPolicySet> Finish() { return std::move(set_); }
  void set_bundle_version(uint64_t v) { set_->bundle_version_ = v; }

 private:
  bool NormalizePolicy(const pb::ConditionalAccessPolicy& policy,
                       TenantContext& ctx, NormalizedPolicy* out);

  const CompileOptions& options_;
  IssueCollector* issues_;
  std::shared_ptr<CompiledPolicySet> set_;
};

bool PolicySetBuilder::NormalizePolicy(const pb::ConditionalAccessPolicy& policy,
                                       TenantContext& ctx, NormalizedPolicy* out) {
  const std::string path =
      absl::StrCat(ctx.path, "/conditionalAccessPolicies/", policy.id());
  out->id = policy.id();
  out->display_name = policy.display_name();
  switch (policy.state()) {
    case pb::POLICY_STATE_ENABLED: out->mode = PolicyMode::kEnabled; break;
    case pb::POLICY_STATE_DISABLED: out->mode = PolicyMode::kDisabled; break;
    case pb::POLICY_STATE_ENABLED_FOR_REPORTING_BUT_NOT_ENFORCED:
      out->mode = PolicyMode::kReportOnly;
      break;
    default:
      issues_->Error(IssueCode::kUnknownEnum, path + "/state",
                     "policy state must be enabled, disabled or "
                     "enabledForReportingButNotEnforced (D7)");
      return false;
  }
  NormalizeConditions(policy.conditions(), path, ctx, out);
  NormalizeGrant(policy, path, ctx, out);
  NormalizeSession(policy, path, ctx, out);
  if (out->mode == PolicyMode::kReportOnly &&
      out->target == PolicyTarget::kUserActions) {
    issues_->Warning(IssueCode::kInvalidCombination, path + "/state",
                     "policies targeting user actions cannot run report-only "
                     "(spec 4.14); evaluated as report-only anyway");
  }
  return true;
}

void PolicySetBuilder::AddTenant(const pb::TenantPolicies& tenant) {
  const std::string path = absl::StrCat("tenants/", tenant.tenant_id());
  absl::optional<Guid> tenant_id = ParseGuid(tenant.tenant_id());
  if (!tenant_id.has_value()) {
    issues_->Error(IssueCode::kBadGuid, path + "/tenantId",
                   "tenant id is not a GUID");
    return;
  }
  if (set_->tenant_index_.contains(*tenant_id)) {
    issues_->Error(IssueCode::kDuplicateId, path, "tenant appears twice");
    return;
  }

  // The cross-tenant stage compiles first: it also resolves the tenant's
  // app-set table (shipped + `appSets` overrides, D18) that CA reuses.
  const int errors_before = issues_->error_count();
  absl::StatusOr<cross_tenant::CompiledCrossTenantAccess> xtap =
      cross_tenant::CompiledCrossTenantAccess::Compile(
          tenant, AppSetTable::Default(), options_.cross_tenant, issues_);
  if (!xtap.ok()) {
    if (issues_->error_count() == errors_before) {
      issues_->Error(IssueCode::kMalformedInput, path + "/crossTenantAccessPolicy",
                     std::string(xtap.status().message()));
    }
    return;
  }
  auto cross_tenant =
      std::make_unique<const cross_tenant::CompiledCrossTenantAccess>(*std::move(xtap));
  // External collaboration settings (spec 3): invitations and self-service
  // sign-up read them beside the cross-tenant settings.
  absl::StatusOr<collaboration::CompiledExternalCollaboration> collab =
      collaboration::CompiledExternalCollaboration::Compile(
          tenant, collaboration::CollaborationCompileOptions(), issues_);
  if (!collab.ok()) {
    if (issues_->error_count() == errors_before) {
      issues_->Error(IssueCode::kMalformedInput, path,
                     std::string(collab.status().message()));
    }
    return;
  }
  AppSetResolver app_sets(cross_tenant->app_sets());
  TenantContext ctx;
  ctx.path = path;
  ctx.options = &options_;
  ctx.app_sets = &app_sets;
  ctx.issues = issues_;
  ctx.named_locations_exported = tenant.named_locations_exported();
  ctx.authentication_strengths_exported =
      tenant.authentication_strengths_exported();
  BuildLocationTable(tenant, ctx);
  BuildStrengthTable(tenant, ctx);
  CollectControlIds(tenant, ctx);

  // Local order = ascending policy id (D14).
  const auto& source = tenant.conditional_access_policies();
  std::vector<int> order(source.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    return source.Get(a).id() < source.Get(b).id();
  });
  std::vector<NormalizedPolicy> policies;
  policies.reserve(order.size());
  for (size_t k = 0; k < order.size(); ++k) {
    const pb::ConditionalAccessPolicy& p = source.Get(order[k]);
    if (p.id().empty()) {
      issues_->Error(IssueCode::kMissingField,
                     absl::StrCat(path, "/conditionalAccessPolicies[", order[k], "]/id"),
                     "policy without an id");
      continue;
    }
    if (!policies.empty() && policies.back().id == p.id()) {
      issues_->Error(IssueCode::kDuplicateId,
                     absl::StrCat(path, "/conditionalAccessPolicies/", p.id()),
                     "two policies share this id");
      continue;
    }
    NormalizedPolicy np;
    if (NormalizePolicy(p, ctx, &np)) policies.push_back(std::move(np));
  }

  const uint32_t n = static_cast<uint32_t>(policies.size());
  auto t = std::make_unique<CompiledTenant>(std::max<uint32_t>(1, (n + 63) / 64));
  t->id = *tenant_id;
  t->index = set_->tenant_count();
  t->policy_begin = set_->policy_count();
  t->policy_count = n;
  t->all_users_includes_direct_connect = options_.all_users_includes_direct_connect;

  const uint32_t strength_base = set_->strength_count();
  const uint32_t terms_base = set_->terms_of_use_count();
  const uint32_t custom_base = set_->custom_control_count();
  t->strengths = ctx.strengths;
  for (uint32_t s = 0; s < t->strengths.size(); ++s) {
    t->strengths[s].ref = strength_base + s;
    set_->strengths_.push_back({ctx.strength_ids[s], ctx.strength_names[s]});
  }
  t->terms_of_use = ctx.terms_of_use_guids;
  set_->terms_of_use_.insert(set_->terms_of_use_.end(), ctx.terms_of_use.begin(),
                             ctx.terms_of_use.end());
  t->custom_controls = ctx.custom_controls;
  set_->custom_controls_.insert(set_->custom_controls_.end(),
                                ctx.custom_controls.begin(),
                                ctx.custom_controls.end());

  t->policies.resize(n);
  t->result_template.resize(n);
  absl::flat_hash_map<std::string, int32_t> device_filter_index;
  for (uint32_t i = 0; i < n; ++i) {
    NormalizedPolicy& np = policies[i];
    CompiledPolicy& cp = t->policies[i];
    cp.mode = np.mode;
    cp.target = np.target;
    cp.workload = np.workload;
    cp.grant = np.grant;
    cp.grant.atom_begin = static_cast<uint32_t>(t->atoms.size());
    for (GrantAtom a : np.atoms) {
      switch (a.kind) {
        case RequirementKind::kAuthenticationStrength: a.ref = strength_base + a.local; break;
        case RequirementKind::kTermsOfUse: a.ref = terms_base + a.local; break;
        default: a.ref = custom_base + a.local; break;
      }
      t->atoms.push_back(a);
    }
    cp.session = np.session;
    cp.application_filter = np.application_filter != FilterMode::kNone;
    cp.service_principal_filter = np.service_principal_filter;
    // Policies sharing a rule text share one compiled filter, so a request
    // evaluates each distinct rule once (lib/eval/applicability.cc).
    auto shared = device_filter_index.find(np.device_filter_rule);
    if (np.device_filter_mode != FilterMode::kNone &&
        shared != device_filter_index.end()) {
      cp.device_filter_mode = np.device_filter_mode;
      cp.device_filter = shared->second;
    } else if (np.device_filter_mode != FilterMode::kNone) {
      absl::StatusOr<CompiledDeviceFilter> filter =
          CompileDeviceFilterRule(np.device_filter_rule);
      const std::string fpath = absl::StrCat(
          path, "/conditionalAccessPolicies/", np.id, "/conditions/devices/deviceFilter/rule");
      if (!filter.ok()) {
        issues_->Error(IssueCode::kBadDeviceFilter, fpath,
                       std::string(filter.status().message()));
      } else {
        if (!filter->evaluable()) {
          issues_->Warning(IssueCode::kUnsupportedFeature, fpath,
                           "device filter rules are not evaluated by this "
                           "build; the policy is read as applying (fail closed)");
        }
        cp.device_filter_mode = np.device_filter_mode;
        cp.device_filter = static_cast<int32_t>(t->device_filters.size());
        device_filter_index.emplace(np.device_filter_rule, cp.device_filter);
        t->device_filters.push_back(*std::move(filter));
      }
    }
    PolicyOutcome& r = t->result_template[i];
    r.policy_index = t->policy_begin + i;
    r.result = np.mode == PolicyMode::kEnabled    ? PolicyResult::kNotApplied
               : np.mode == PolicyMode::kReportOnly ? PolicyResult::kReportOnlyNotApplied
                                                    : PolicyResult::kNotEnabled;
    r.reason = np.mode == PolicyMode::kDisabled ? WhatIfReason::kPolicyNotEnabled
                                                : WhatIfReason::kNone;
    set_->policies_.push_back({np.id, np.display_name, np.mode, t->index});
  }
  BuildPolicyIndex(policies, t.get());
  BuildLocationIndex(policies, ctx.locations, t.get());
  // Per distinct device-filter rule, the policies filtering in include and
  // in exclude mode: a request runs each rule once and clears whole words.
  {
    const uint32_t w = t->words();
    std::vector<BitsetBuilder> inc(t->device_filters.size(), BitsetBuilder(w));
    std::vector<BitsetBuilder> exc(t->device_filters.size(), BitsetBuilder(w));
    for (uint32_t i = 0; i < n; ++i) {
      const CompiledPolicy& cp = t->policies[i];
      if (cp.device_filter < 0) continue;
      (cp.device_filter_mode == FilterMode::kInclude ? inc : exc)[cp.device_filter].Set(i);
    }
    for (size_t f = 0; f < t->device_filters.size(); ++f) {
      t->device_filter_policies.push_back(
          {t->bits.Intern(inc[f].data()), t->bits.Intern(exc[f].data())});
    }
  }
  t->cross_tenant = std::move(cross_tenant);
  t->collaboration =
      std::make_unique<const collaboration::CompiledExternalCollaboration>(
          *std::move(collab));
  t->bits.Freeze();

  set_->max_tenant_policies_ = std::max(set_->max_tenant_policies_, n);
  set_->max_tenant_strengths_ = std::max(
      set_->max_tenant_strengths_, static_cast<uint32_t>(t->strengths.size()));
  set_->tenant_index_[*tenant_id] = static_cast<int32_t>(t->index);
  if (t->index == 0) set_->first_tenant_ = *tenant_id;
  set_->tenant_ids_.push_back(FormatGuid(*tenant_id));
  set_->tenants_.push_back(std::move(t));
}

absl::StatusOr<std::shared_ptr<const CompiledPolicySet>> CompilePolicySet(
    const pb::PolicyBundle& bundle, const CompileOptions& options,
    std::vector<LoadIssue>* issues) {
  IssueCollector collector;
  PolicySetBuilder builder(options, &collector);
  builder.set_bundle_version(bundle.bundle_version());
  for (const pb::TenantPolicies& tenant : bundle.tenants()) {
    builder.AddTenant(tenant);
  }
  absl::Status status = collector.ToStatus();
  if (issues != nullptr) {
    std::vector<LoadIssue> found = collector.TakeIssues();
    issues->insert(issues->end(), std::make_move_iterator(found.begin()),
                   std::make_move_iterator(found.end()));
  }
  if (!status.ok()) return status;
  return builder.Finish();
}

}  // namespace crossgate
