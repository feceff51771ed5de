#include "bindings/cli/cross_tenant_view.h"

#include "absl/strings/str_cat.h"
#include "lib/compile/compiled_tenant.h"
#include "lib/cross_tenant/cross_tenant_format.h"
#include "lib/model/guid.h"

namespace crossgate_cli {

namespace ct = crossgate::cross_tenant;

namespace {

const crossgate::CompiledTenant* FindOther(
    const crossgate::CompiledPolicySet& set, const crossgate::Guid& id,
    const crossgate::Guid& resource) {
  if (id.is_zero() || id == resource) return nullptr;
  const int32_t index = set.FindTenant(id);
  return index < 0 ? nullptr : &set.tenant(static_cast<uint32_t>(index));
}

// "(partner entry <other>)" or "(default)", from the model.
std::string Entry(const Policies& policies, const crossgate::Guid& owner,
                  const crossgate::Guid& other) {
  const auto* tenant = policies.FindTenant(crossgate::FormatGuid(owner));
  const std::string other_id = crossgate::FormatGuid(other);
  if (tenant != nullptr) {
    for (const auto& p : tenant->cross_tenant_access_policy().partners()) {
      if (p.tenant_id() == other_id) return "(partner entry)";
    }
  }
  return "(default)";
}

const char* YesNo(bool b) { return b ? "yes" : "no"; }

}  // namespace

CrossTenantView ViewCrossTenant(const Policies& policies,
                                const crossgate::Request& request) {
  const crossgate::CompiledPolicySet& set = *policies.set;
  CrossTenantView view;
  const int32_t index = set.FindTenant(request.resource_tenant_id);
  if (index < 0) return view;
  const auto& tenant = set.tenant(static_cast<uint32_t>(index));
  const crossgate::Guid& r = request.resource_tenant_id;
  const crossgate::Guid& h = request.home_tenant_id;
  const auto* home = FindOther(set, h, r);
  const auto* restricting =
      request.tenant_restrictions_signal
          ? FindOther(set, request.tenant_restrictions_tenant_id, r)
          : nullptr;
  ct::EvaluateCrossTenant(
      *tenant.cross_tenant, home ? home->cross_tenant.get() : nullptr,
      restricting ? restricting->cross_tenant.get() : nullptr, request,
      &view.result);
  view.summary = ct::FormatCrossTenantResult(view.result);
  const ct::CrossTenantResult& x = view.result;
  const std::string rid = crossgate::FormatGuid(r);
  const std::string hid = crossgate::FormatGuid(h);
  if (x.tenant_restrictions_evaluated) {
    const crossgate::Guid& t = request.tenant_restrictions_tenant_id;
    view.consulted.push_back(
        absl::StrCat("tenantRestrictions of restricting tenant ",
                     crossgate::FormatGuid(t), " ", Entry(policies, t, r)));
  }
  auto add_pair = [&](const char* inbound, const char* outbound) {
    view.consulted.push_back(absl::StrCat(inbound, " of resource tenant ", rid,
                                          " ", Entry(policies, r, h)));
    if (x.home_outbound_evaluated) {
      view.consulted.push_back(absl::StrCat(outbound, " of home tenant ", hid,
                                            " ", Entry(policies, h, r)));
    } else {
      view.consulted.push_back(
          absl::StrCat(outbound, " of home tenant ", hid,
                       ": not evaluated (home tenant not loaded, D2)"));
    }
  };
  using K = ct::B2bAccessKind;
  if (x.access_kind == K::kCollaboration || x.access_kind == K::kBoth) {
    add_pair("b2bCollaborationInbound", "b2bCollaborationOutbound");
  }
  if (x.access_kind == K::kDirectConnect || x.access_kind == K::kBoth) {
    add_pair("b2bDirectConnectInbound", "b2bDirectConnectOutbound");
  }
  if (x.access_kind != K::kNone) {
    view.consulted.push_back(absl::StrCat(
        "inboundTrust of resource tenant ", rid, " ", Entry(policies, r, h),
        ": mfa ", YesNo(x.inbound_trust.mfa_accepted), ", compliant device ",
        YesNo(x.inbound_trust.compliant_device_accepted),
        ", hybrid joined device ",
        YesNo(x.inbound_trust.hybrid_joined_device_accepted)));
  }
  if (view.consulted.empty()) {
    view.consulted.push_back(
        absl::StrCat("none: ", ct::CrossTenantReasonName(x.reason)));
  }
  return view;
}

}  // namespace crossgate_cli
