#ifndef CROSSGATE_TESTS_EVAL_GENERATED_TENANT_H_
#define CROSSGATE_TESTS_EVAL_GENERATED_TENANT_H_

// A deterministic tenant shaped like real ones, for the benchmark and the
// zero-allocation test: most policies include All users and exclude a few
// groups; ~1/3 report-only; OR grants; ~30% block, ~25% MFA, ~15% compliant
// device; named IP and country locations; app sets; a sprinkling of risk,
// platform, client-app, guest and strength conditions.

#include <cstdint>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "crossgate/policy/v1/bundle.pb.h"
#include "lib/eval/request.h"
#include "lib/model/cidr.h"
#include "lib/model/guid.h"

namespace crossgate {
namespace testing {

inline std::string GenGuid(uint32_t kind, uint32_t n) {
  char buf[40];
  std::snprintf(buf, sizeof(buf), "%08x-%04x-4%03x-8000-%012x",
                0x5eed0000u + kind, n & 0xffff, (n >> 4) & 0xfff, n * 2654435761u);
  return buf;
}

struct GeneratedTenant {
  policy::v1::PolicyBundle bundle;
  std::vector<Guid> groups;  // directory groups, the first half referenced
  std::vector<Guid> apps;
  Guid tenant;
};

inline GeneratedTenant GenerateTenant(int policies, uint32_t seed = 42) {
  namespace pb = ::crossgate::policy::v1;
  GeneratedTenant g;
  std::mt19937 rng(seed);
  auto chance = [&](int percent) { return static_cast<int>(rng() % 100) < percent; };
  auto pick = [&](int n) { return static_cast<int>(rng() % n); };
  const std::string tenant_id = GenGuid(1, 1);
  g.tenant = *ParseGuid(tenant_id);
  g.bundle.set_bundle_version(1);
  pb::TenantPolicies* t = g.bundle.add_tenants();
  t->set_tenant_id(tenant_id);
  for (int i = 0; i < 100; ++i) g.groups.push_back(*ParseGuid(GenGuid(2, i)));
  for (int i = 0; i < 40; ++i) g.apps.push_back(*ParseGuid(GenGuid(3, i)));
  pb::AppSet* o365 = t->add_app_sets();
  o365->set_name("Office365");
  for (int i = 0; i < 10; ++i) o365->add_app_ids(GenGuid(3, i));
  // Named locations: 20 IP locations x 40 ranges, 4 country locations.
  std::vector<std::string> ip_locations, country_locations;
  for (int l = 0; l < 20; ++l) {
    pb::NamedLocation* nl = t->add_named_locations();
    nl->set_id(GenGuid(4, l));
    nl->set_display_name("ip-" + std::to_string(l));
    nl->mutable_ip()->set_is_trusted(l < 5);
    for (int r = 0; r < 40; ++r) {
      char cidr[32];
      std::snprintf(cidr, sizeof(cidr), "%d.%d.%d.0/24", 20 + l, r, pick(256));
      nl->mutable_ip()->add_ip_ranges()->set_cidr_address(cidr);
    }
    ip_locations.push_back(nl->id());
  }
  const char* countries[] = {"US", "GB", "DE", "FR", "JP", "BR", "IN", "CN", "RU"};
  for (int l = 0; l < 4; ++l) {
    pb::NamedLocation* nl = t->add_named_locations();
    nl->set_id(GenGuid(5, l));
    nl->set_display_name("country-" + std::to_string(l));
    for (int c = 0; c < 3; ++c) {
      nl->mutable_country()->add_countries_and_regions(countries[(l * 2 + c) % 9]);
    }
    country_locations.push_back(nl->id());
  }
  t->add_mfa_trusted_ips("198.51.100.0/24");

  for (int i = 0; i < policies; ++i) {
    pb::ConditionalAccessPolicy* p = t->add_conditional_access_policies();
    p->set_id(GenGuid(6, i));
    p->set_display_name("policy-" + std::to_string(i));
    int state = pick(100);
    p->set_state(state < 33 ? pb::POLICY_STATE_ENABLED_FOR_REPORTING_BUT_NOT_ENFORCED
                 : state < 38 ? pb::POLICY_STATE_DISABLED
                              : pb::POLICY_STATE_ENABLED);
    pb::ConditionSet* c = p->mutable_conditions();
    pb::Users* u = c->mutable_users();
    int who = pick(100);
    if (who < 80) {
      u->add_include_users("All");
      for (int k = 0, n = 1 + pick(3); k < n; ++k) {
        u->add_exclude_groups(GenGuid(2, pick(50)));
      }
    } else if (who < 90) {
      for (int k = 0, n = 1 + pick(3); k < n; ++k) {
        u->add_include_groups(GenGuid(2, pick(50)));
      }
    } else if (who < 95) {
      auto* guests = u->mutable_include_guests_or_external_users();
      guests->add_guest_or_external_user_types(
          pb::GUEST_OR_EXTERNAL_USER_TYPE_B2B_COLLABORATION_GUEST);
      guests->add_guest_or_external_user_types(
          pb::GUEST_OR_EXTERNAL_USER_TYPE_B2B_DIRECT_CONNECT_USER);
    } else {
      u->add_include_roles("62e90394-69f5-4237-9190-012177145e10");
    }
    pb::Applications* a = c->mutable_applications();
    int what = pick(100);
    if (what < 60) {
      a->add_include_applications("All");
      if (chance(20)) a->add_exclude_applications(GenGuid(3, pick(40)));
    } else if (what < 90) {
      for (int k = 0, n = 1 + pick(5); k < n; ++k) {
        a->add_include_applications(GenGuid(3, pick(40)));
      }
    } else {
      a->add_include_applications("Office365");
    }
    const int grant = pick(100);
    if (grant < 30) {
      // Block policies are narrow in real tenants: legacy clients, risky
      // sign-ins, unsupported platforms, countries, untrusted networks.
      switch (pick(5)) {
        case 0:
          c->add_client_app_types(pb::CLIENT_APP_TYPE_EXCHANGE_ACTIVE_SYNC);
          c->add_client_app_types(pb::CLIENT_APP_TYPE_OTHER);
          break;
        case 1:
          c->add_sign_in_risk_levels(pb::RISK_LEVEL_HIGH);
          break;
        case 2:
          c->mutable_platforms()->add_include_platforms(pb::DEVICE_PLATFORM_ALL);
          c->mutable_platforms()->add_exclude_platforms(pb::DEVICE_PLATFORM_WINDOWS);
          c->mutable_platforms()->add_exclude_platforms(pb::DEVICE_PLATFORM_IOS);
          c->mutable_platforms()->add_exclude_platforms(pb::DEVICE_PLATFORM_ANDROID);
          c->mutable_platforms()->add_exclude_platforms(pb::DEVICE_PLATFORM_MACOS);
          break;
        case 3:
          c->mutable_locations()->add_include_locations(country_locations[2 + pick(2)]);
          break;
        default:
          c->mutable_locations()->add_include_locations("All");
          c->mutable_locations()->add_exclude_locations("AllTrusted");
          c->mutable_locations()->add_exclude_locations(ip_locations[5 + pick(15)]);
          c->add_user_risk_levels(pb::RISK_LEVEL_HIGH);
          break;
      }
    } else {
      if (chance(15)) {
        c->mutable_platforms()->add_include_platforms(pb::DEVICE_PLATFORM_IOS);
        c->mutable_platforms()->add_include_platforms(pb::DEVICE_PLATFORM_ANDROID);
      }
      int where = pick(100);
      if (where < 20) {
        c->mutable_locations()->add_include_locations("All");
        c->mutable_locations()->add_exclude_locations("AllTrusted");
      } else if (where < 25) {
        c->mutable_locations()->add_include_locations(country_locations[pick(4)]);
      } else if (where < 30) {
        c->mutable_locations()->add_include_locations(ip_locations[pick(20)]);
      }
      if (chance(5)) c->add_sign_in_risk_levels(pb::RISK_LEVEL_MEDIUM);
    }
    pb::GrantControls* gc = p->mutable_grant_controls();
    gc->set_operator_(pb::GrantControls::OPERATOR_OR);
    if (grant < 30) {
      gc->add_built_in_controls(pb::BUILT_IN_CONTROL_BLOCK);
    } else if (grant < 55) {
      gc->add_built_in_controls(pb::BUILT_IN_CONTROL_MFA);
      if (chance(30)) gc->add_built_in_controls(pb::BUILT_IN_CONTROL_COMPLIANT_DEVICE);
    } else if (grant < 70) {
      gc->add_built_in_controls(pb::BUILT_IN_CONTROL_COMPLIANT_DEVICE);
      gc->add_built_in_controls(pb::BUILT_IN_CONTROL_DOMAIN_JOINED_DEVICE);
    } else if (grant < 75) {
      gc->set_authentication_strength_id("00000000-0000-0000-0000-000000000002");
    } else if (grant < 77) {
      gc->add_terms_of_use(GenGuid(7, 1));
    } else {
      p->clear_grant_controls();
      auto* s = p->mutable_session_controls()->mutable_sign_in_frequency();
      s->set_is_enabled(true);
      s->set_type(pb::SessionControls::SignInFrequency::UNIT_HOURS);
      s->set_value(1 + pick(24));
    }
  }
  return g;
}

// A member's sign-in shaped like production traffic: 10 groups (a few of
// them referenced by policies), a referenced app, browser on Windows, an IP
// in a named location, MFA done on a compliant device.
inline Request GeneratedRequest(const GeneratedTenant& g, int variant,
                                std::vector<Guid>* groups_storage) {
  Request r;
  r.resource_tenant_id = g.tenant;
  r.principal_kind = PrincipalKind::kUser;
  r.principal_id = *ParseGuid(GenGuid(8, variant));
  groups_storage->clear();
  for (int k = 0; k < 10; ++k) {
    groups_storage->push_back(g.groups[(variant * 7 + k * 13) % g.groups.size()]);
  }
  r.groups = *groups_storage;
  r.target_kind = TargetKind::kApplication;
  r.application_id = g.apps[(variant * 3) % g.apps.size()];
  r.client_app = ClientApp::kBrowser;
  r.platform = variant % 4 == 0 ? Platform::kIos : Platform::kWindows;
  r.has_ip = true;
  char ip[32];
  std::snprintf(ip, sizeof(ip), "%d.%d.%d.10", 20 + variant % 25, variant % 40, 7);
  r.ip = *ParseIpAddress(ip);
  r.country[0] = 'U';
  r.country[1] = 'S';
  r.claims.mfa = true;
  r.claims.compliant_device = variant % 2 == 0;
  r.claims.authentication_methods = (1u << 1) | (1u << 8);  // password + push
  return r;
}

}  // namespace testing
}  // namespace crossgate

#endif  // CROSSGATE_TESTS_EVAL_GENERATED_TENANT_H_
