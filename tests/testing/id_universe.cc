#include "tests/testing/id_universe.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "lib/model/guid.h"

namespace crossgate {
namespace testing {
namespace {

using policy::v1::CrossTenantAccessTarget;
using policy::v1::CrossTenantAccessTargetConfiguration;

template <typename List>
void AddGuids(const List& list, std::vector<std::string>* out) {
  for (const std::string& s : list) {
    if (ParseGuid(s).has_value()) out->push_back(s);
  }
}

void Normalize(std::vector<std::string>* v) {
  std::sort(v->begin(), v->end());
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

void AddTargets(const CrossTenantAccessTargetConfiguration& c, TenantIds* ids) {
  for (const CrossTenantAccessTarget& t : c.targets()) {
    if (!ParseGuid(t.target()).has_value()) continue;
    switch (t.target_type()) {
      case CrossTenantAccessTarget::TARGET_TYPE_USER:
        ids->home_users.push_back(t.target());
        break;
      case CrossTenantAccessTarget::TARGET_TYPE_GROUP:
        ids->home_groups.push_back(t.target());
        break;
      case CrossTenantAccessTarget::TARGET_TYPE_APPLICATION:
        ids->apps.push_back(t.target());
        break;
      default:
        break;
    }
  }
}

void AddSettings(const policy::v1::CrossTenantAccessSettings& s,
                 TenantIds* ids) {
  for (const policy::v1::B2BSetting* b :
       {&s.b2b_collaboration_inbound(), &s.b2b_collaboration_outbound(),
        &s.b2b_direct_connect_inbound(), &s.b2b_direct_connect_outbound()}) {
    AddTargets(b->users_and_groups(), ids);
    AddTargets(b->applications(), ids);
  }
  AddTargets(s.tenant_restrictions().users_and_groups(), ids);
  AddTargets(s.tenant_restrictions().applications(), ids);
}

void AddGuests(const policy::v1::GuestsOrExternalUsers& g, TenantIds* ids) {
  AddGuids(g.external_tenant_ids(), &ids->external_tenants);
}

}  // namespace

std::vector<TenantIds> CollectIds(const policy::v1::PolicyBundle& bundle,
                                  const std::vector<std::string>& extra_apps) {
  std::vector<TenantIds> out;
  for (const policy::v1::TenantPolicies& t : bundle.tenants()) {
    TenantIds ids;
    ids.tenant_id = t.tenant_id();
    for (const auto& p : t.conditional_access_policies()) {
      const auto& c = p.conditions();
      AddGuids(c.users().include_users(), &ids.users);
      AddGuids(c.users().exclude_users(), &ids.users);
      AddGuids(c.users().include_groups(), &ids.groups);
      AddGuids(c.users().exclude_groups(), &ids.groups);
      AddGuids(c.users().include_roles(), &ids.roles);
      AddGuids(c.users().exclude_roles(), &ids.roles);
      AddGuests(c.users().include_guests_or_external_users(), &ids);
      AddGuests(c.users().exclude_guests_or_external_users(), &ids);
      AddGuids(c.applications().include_applications(), &ids.apps);
      AddGuids(c.applications().exclude_applications(), &ids.apps);
      AddGuids(c.client_applications().include_service_principals(),
               &ids.service_principals);
      AddGuids(c.client_applications().exclude_service_principals(),
               &ids.service_principals);
      for (const std::string& ref :
           c.applications().include_authentication_context_class_references()) {
        int n = 0;
        if (ref.size() > 1 && (ref[0] == 'c' || ref[0] == 'C') &&
            absl::SimpleAtoi(ref.substr(1), &n) && n >= 1 && n <= 99) {
          ids.auth_contexts.push_back(n);
        }
      }
      for (const std::string& id : p.grant_controls().terms_of_use()) {
        ids.terms_of_use.push_back(id);
      }
      for (const std::string& id :
           p.grant_controls().custom_authentication_factors()) {
        ids.custom_controls.push_back(id);
      }
    }
    for (const auto& loc : t.named_locations()) {
      for (const auto& r : loc.ip().ip_ranges())
        ids.cidrs.push_back(r.cidr_address());
      for (const std::string& c : loc.country().countries_and_regions()) {
        ids.countries.push_back(absl::AsciiStrToUpper(c));
      }
    }
    for (const std::string& c : t.mfa_trusted_ips()) ids.cidrs.push_back(c);
    for (const auto& set : t.app_sets()) AddGuids(set.app_ids(), &ids.apps);
    const auto& xtap = t.cross_tenant_access_policy();
    AddSettings(xtap.default_configuration().settings(), &ids);
    for (const auto& partner : xtap.partners()) {
      ids.partner_tenants.push_back(partner.tenant_id());
      AddSettings(partner.settings(), &ids);
    }
    for (const std::string& a : extra_apps) ids.apps.push_back(a);
    for (auto* v :
         {&ids.users, &ids.groups, &ids.roles, &ids.apps,
          &ids.service_principals, &ids.cidrs, &ids.countries,
          &ids.partner_tenants, &ids.external_tenants, &ids.home_users,
          &ids.home_groups, &ids.terms_of_use, &ids.custom_controls}) {
      Normalize(v);
    }
    std::sort(ids.auth_contexts.begin(), ids.auth_contexts.end());
    ids.auth_contexts.erase(
        std::unique(ids.auth_contexts.begin(), ids.auth_contexts.end()),
        ids.auth_contexts.end());
    out.push_back(std::move(ids));
  }
  return out;
}

}  // namespace testing
}  // namespace crossgate
