#include "bindings/cli/policy_source.h"

#include <cstdio>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "lib/compile/compiler.h"
#include "lib/load/loader.h"

namespace crossgate_cli {

namespace pb = crossgate::policy::v1;

const pb::TenantPolicies* Policies::FindTenant(
    absl::string_view tenant_id) const {
  auto it = tenant_by_id.find(tenant_id);
  return it == tenant_by_id.end() ? nullptr : &bundle.tenants(it->second);
}

const pb::ConditionalAccessPolicy* Policies::FindPolicy(
    uint32_t policy_index) const {
  if (set == nullptr || policy_index >= set->policy_count()) return nullptr;
  const uint32_t tenant = set->policy_tenant(policy_index);
  auto it = policy_by_key.find(
      absl::StrCat(set->tenant_id(tenant), "/", set->policy_id(policy_index)));
  return it == policy_by_key.end() ? nullptr : it->second;
}

std::string Policies::TenantList() const {
  std::vector<std::string> ids;
  for (const auto& t : bundle.tenants()) ids.push_back(t.tenant_id());
  return ids.empty() ? "none" : absl::StrJoin(ids, ", ");
}

crossgate::Guid Policies::OnlyTenant() const {
  if (bundle.tenants_size() != 1) return crossgate::Guid();
  return crossgate::ParseGuid(bundle.tenants(0).tenant_id())
      .value_or(crossgate::Guid());
}

absl::StatusOr<std::unique_ptr<Policies>> LoadPolicies(
    const std::vector<std::string>& paths,
    const crossgate::LoadOptions& options, absl::string_view verb) {
  auto out = std::make_unique<Policies>();
  auto print_errors = [&](const absl::Status& status) {
    for (const auto& issue : out->issues) {
      if (issue.is_error()) {
        std::fprintf(stderr, "crossgate %.*s: %s\n",
                     static_cast<int>(verb.size()), verb.data(),
                     issue.ToString().c_str());
      }
    }
    std::fprintf(stderr, "crossgate %.*s: cannot load policies: %s\n",
                 static_cast<int>(verb.size()), verb.data(),
                 std::string(status.message()).c_str());
    return status;
  };
  auto bundle = crossgate::LoadPaths(paths, options, &out->issues);
  if (!bundle.ok()) return print_errors(bundle.status());
  out->bundle = *std::move(bundle);
  auto set = crossgate::CompilePolicySet(
      out->bundle, crossgate::CompileOptions(), &out->issues);
  if (!set.ok()) return print_errors(set.status());
  out->set = *std::move(set);
  for (int t = 0; t < out->bundle.tenants_size(); ++t) {
    const pb::TenantPolicies& tenant = out->bundle.tenants(t);
    out->tenant_by_id[tenant.tenant_id()] = t;
    for (const auto& policy : tenant.conditional_access_policies()) {
      out->policy_by_key[absl::StrCat(tenant.tenant_id(), "/", policy.id())] =
          &policy;
    }
  }
  return out;
}

}  // namespace crossgate_cli
