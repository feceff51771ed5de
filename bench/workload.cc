// The benchmark workload generator (see workload.h).
//
// Frequencies come from the 214 distinct Conditional Access policies of the
// seven repositories in shared/corpus (MANIFEST.tsv, counted by policy id;
// j0eyv 36, AlexFilipin 58, caOptics 45, Cloudshield 42, Clutch2View 22,
// Azure-Samples 6, deploymenttheory 5):
//
//   property                          corpus        here
//   includeUsers All                  122 (57%)     62%
//   excludeGroups set                 151 (71%)     ~75% (All + exclusions)
//   excludeUsers set (break-glass)     26 (12%)     ~12%
//   includeGroups                      42 (20%)     16%
//   includeRoles                       27 (13%)     12%
//   guests / external users            24 (11%)     10%
//   state report-only                  92 (43%)     35% (issue: "about a
//   third") state disabled                     41 (19%)     10% grant operator
//   OR (of grants)     173 (81%)     all but the 2% AND grants block 60 (28%)
//   28% mfa                                63 (29%)     ~27% (25% + AND +
//   alternatives) compliantDevice                    25 (12%)     ~15%
//   domainJoinedDevice                 12 (6%)      ~7% (OR with compliant)
//   authenticationStrength             24 (11%)     10%
//   approved app / app protection       8 (4%)      4%
//   session controls                   38 (18%)     17% session-only + ~10%
//   extra deviceFilter                       16 (7%)      ~10% (issue: "~10%")
//   locations                          53 (25%)     ~25%
//   platforms                          37 (17%)     ~17%
//   clientAppTypes other than all      93 (43%)     ~40%
//   signInRiskLevels / userRiskLevels  13 / 7       ~6% / ~4%
//   includeApplications All           146 (68%)     66%
//   Office365                          13 (6%)      6%
//   user actions                        7 (3%)      4%
//
// Named locations follow the corpus exports (j0eyv / Cloudshield
// Config/NamedLocations: "ALLOWED COUNTRIES", "ALLOWED COUNTRIES - SERVICE
// ACCOUNTS", "HIGH RISK COUNTRIES", "ALLOWED NETWORKS - SERVICE ACCOUNTS")
// plus office, branch and VPN egress ranges in IPv4 and IPv6. Cross-tenant
// partner entries follow the shapes of examples/policies/contoso.json and the
// deploymenttheory partner mocks: inherited (tenant id only), blocked, trusted
// (inboundTrust, direct connect to Office 365, multi-tenant organization) and
// scoped (allowed groups / apps).
//
// Randomness is a local SplitMix64 so the output is identical on every
// standard library (std:: distributions are implementation-defined).

#include "bench/workload.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "bench/workload_internal.h"
#include "lib/app_sets/shipped_app_sets.h"
#include "lib/compile/compiler.h"
#include "lib/load/loader.h"
#include "lib/model/cidr.h"

namespace crossgate {
namespace bench {
namespace {

namespace pb = ::crossgate::policy::v1;

// Well-known role template ids (Global, Security, Exchange, SharePoint, User,
// Helpdesk, Billing, Conditional Access, Application, Privileged Role
// administrators, Global Reader); the rest are generated.
constexpr const char* kWellKnownRoles[] = {
    "62e90394-69f5-4237-9190-012177145e10",
    "194ae4cb-b126-40b2-bd5b-6091b380977d",
    "29232cdf-9323-42fd-ade2-1d097af3e4de",
    "f28a1f50-f6e7-4571-818b-6a12f2af6b6c",
    "fe930be7-5e62-47db-91af-98c3a49a38b1",
    "729827e3-9c14-49f7-bb1b-9608f156bbb8",
    "b0f54661-2d74-4c50-afa3-1ec803f12efe",
    "b1be1c3e-b65d-4f19-8427-f6fa0d97feb9",
    "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3",
    "e8611ab8-c189-46e8-94e1-60213ab1f814",
    "f2ef992c-3afb-46b9-b7cf-a126ee74c451"};

// Built-in authentication strengths (spec 6): MFA, passwordless, phishing
// resistant.
constexpr const char* kBuiltInStrengths[] = {
    "00000000-0000-0000-0000-000000000002",
    "00000000-0000-0000-0000-000000000003",
    "00000000-0000-0000-0000-000000000004"};

// Device filter rules of the kinds real tenants write (corpus: j0eyv CA202
// "UnmanagedDevices", Cloudshield PAW filters), with the mode each is used in.
struct FilterRule {
  const char* rule;
  pb::Filter::Mode mode;
};
constexpr FilterRule kFilterRules[] = {
    {"device.isCompliant -eq True -or device.trustType -eq \"ServerAD\"",
     pb::Filter::MODE_EXCLUDE},
    {"device.extensionAttribute1 -eq \"PAW\"", pb::Filter::MODE_EXCLUDE},
    {"device.deviceOwnership -eq \"Personal\" -and device.operatingSystem -in "
     "[\"Windows\", \"MacMDM\"]",
     pb::Filter::MODE_INCLUDE},
    {"device.model -startsWith \"Surface\" -or device.manufacturer -eq "
     "\"Microsoft Corporation\"",
     pb::Filter::MODE_INCLUDE},
};

// Countries: the corpus's allowed / blocked lists and a request mix that puts
// most sign-ins in the allowed ones.
constexpr const char* kBlockedCountries[] = {"KP", "IR", "SY",
                                             "CU", "RU", "BY"};
constexpr const char* kAllowedCountries[] = {"NL", "US", "GB", "DE", "FR", "BE",
                                             "IE", "SE", "ES", "IT", "PL", "IN",
                                             "JP", "CA", "AU", "BR"};
// ---------------------------------------------------------------------------
// Named locations of the main tenant.

struct Locations {
  std::vector<std::string> trusted_ip;    // office, branches, VPN
  std::vector<std::string> untrusted_ip;  // partner networks, hosting
  std::string azure, hosting;
  std::string blocked_countries, allowed_countries, service_countries, gps;
};

void AddRange(pb::IpNamedLocation* ip, const std::string& cidr) {
  pb::IpRange* r = ip->add_ip_ranges();
  r->set_cidr_address(cidr);
  r->set_ipv6(cidr.find(':') != std::string::npos);
}

pb::NamedLocation* NewLocation(pb::TenantPolicies* t, uint32_t scope, int n,
                               const std::string& name) {
  pb::NamedLocation* l = t->add_named_locations();
  l->set_id(IdText(kLocationKind, scope, n));
  l->set_display_name(name);
  return l;
}

Locations AddMainLocations(pb::TenantPolicies* t) {
  Locations out;
  int n = 0;
  // Office egress: 8 IPv4 /24 and 2 IPv6 /48 (40.64.0.0 - 40.64.7.255,
  // 2a01:4a0:1::/48, 2a01:4a0:2::/48).
  pb::NamedLocation* hq = NewLocation(t, 0, n++, "HQ egress");
  hq->mutable_ip()->set_is_trusted(true);
  for (int k = 0; k < 8; ++k)
    AddRange(hq->mutable_ip(), absl::StrCat("40.64.", k, ".0/24"));
  AddRange(hq->mutable_ip(), "2a01:4a0:1::/48");
  AddRange(hq->mutable_ip(), "2a01:4a0:2::/48");
  out.trusted_ip.push_back(hq->id());
  // Four branches: 20 IPv4 /26 each and one IPv6 /56.
  for (int b = 1; b <= 4; ++b) {
    pb::NamedLocation* br = NewLocation(t, 0, n++, absl::StrCat("Branch ", b));
    br->mutable_ip()->set_is_trusted(true);
    for (int k = 0; k < 20; ++k) {
      AddRange(br->mutable_ip(), absl::StrCat("52.", 100 + b, ".", k / 4, ".",
                                              (k % 4) * 64, "/26"));
    }
    AddRange(br->mutable_ip(), absl::StrCat("2a01:4a0:", 10 + b, ":100::/56"));
    out.trusted_ip.push_back(br->id());
  }
  // VPN egress: 4 IPv4 /28, 4 IPv6 /64.
  pb::NamedLocation* vpn = NewLocation(t, 0, n++, "VPN egress");
  vpn->mutable_ip()->set_is_trusted(true);
  for (int k = 0; k < 4; ++k) {
    AddRange(vpn->mutable_ip(), absl::StrCat("145.1.2.", k * 16, "/28"));
    AddRange(vpn->mutable_ip(), absl::StrCat("2a02:c0:5:", k + 1, "::/64"));
  }
  out.trusted_ip.push_back(vpn->id());
  // Cloud egress (untrusted): 60 IPv4 /20 and 20 IPv6 /48.
  pb::NamedLocation* az = NewLocation(t, 0, n++, "Cloud egress");
  az->mutable_ip()->set_is_trusted(false);
  for (int k = 0; k < 60; ++k) {
    AddRange(az->mutable_ip(),
             absl::StrCat("20.", 40 + k / 16, ".", 16 * (k % 16), ".0/20"));
  }
  for (int k = 0; k < 20; ++k) {
    AddRange(az->mutable_ip(),
             absl::StrCat("2603:10", k / 10, "0:", 1 + k % 10, "::/48"));
  }
  out.azure = az->id();
  // Three partner networks (untrusted): 10 IPv4 /24 each.
  for (int p = 0; p < 3; ++p) {
    pb::NamedLocation* pn =
        NewLocation(t, 0, n++, absl::StrCat("Partner network ", p));
    pn->mutable_ip()->set_is_trusted(false);
    for (int k = 0; k < 10; ++k) {
      AddRange(pn->mutable_ip(), absl::StrCat("81.", 10 + p, ".", k, ".0/24"));
    }
    out.untrusted_ip.push_back(pn->id());
  }
  // Hosting providers (blocked): 200 IPv4 /16.
  pb::NamedLocation* host = NewLocation(t, 0, n++, "Hosting providers");
  host->mutable_ip()->set_is_trusted(false);
  for (int k = 0; k < 200; ++k)
    AddRange(host->mutable_ip(), absl::StrCat("150.", k, ".0.0/16"));
  out.hosting = host->id();
  // ALLOWED NETWORKS - SERVICE ACCOUNTS.
  pb::NamedLocation* svc =
      NewLocation(t, 0, n++, "ALLOWED NETWORKS - SERVICE ACCOUNTS");
  svc->mutable_ip()->set_is_trusted(true);
  AddRange(svc->mutable_ip(), "40.64.200.0/29");
  AddRange(svc->mutable_ip(), "40.64.200.8/29");
  out.trusted_ip.push_back(svc->id());

  auto country = [&](const std::string& name, const char* const* codes,
                     int count, bool gps) {
    pb::NamedLocation* l = NewLocation(t, 0, n++, name);
    pb::CountryNamedLocation* c = l->mutable_country();
    for (int i = 0; i < count; ++i) c->add_countries_and_regions(codes[i]);
    c->set_country_lookup_method(
        gps ? pb::CountryNamedLocation::LOOKUP_METHOD_AUTHENTICATOR_APP_GPS
            : pb::CountryNamedLocation::LOOKUP_METHOD_CLIENT_IP_ADDRESS);
    return l->id();
  };
  out.blocked_countries =
      country("HIGH RISK COUNTRIES", kBlockedCountries, 6, false);
  out.allowed_countries =
      country("ALLOWED COUNTRIES", kAllowedCountries, 16, false);
  out.service_countries = country("ALLOWED COUNTRIES - SERVICE ACCOUNTS",
                                  kAllowedCountries, 2, false);
  out.gps = country("FINANCE ALLOWED COUNTRIES (Authenticator GPS)",
                    kAllowedCountries, 6, true);
  t->add_mfa_trusted_ips("40.64.8.0/24");
  t->add_mfa_trusted_ips("40.64.9.0/24");
  t->set_named_locations_exported(true);
  t->set_authentication_strengths_exported(true);
  return out;
}

// ---------------------------------------------------------------------------
// Conditional Access policies of the main tenant.

struct Directory {
  std::vector<std::string> groups, roles, apps, break_glass;
  int exclusion_groups =
      10;  // groups[0..10): CA exclusion / break-glass groups
  int referenced_groups = 60;  // groups[10..60): pilot / department groups
  int office_apps = 0;         // apps[0..office_apps) are in Office365
};

void AddExternalAll(pb::GuestsOrExternalUsers* g, bool direct_connect) {
  g->add_guest_or_external_user_types(
      pb::GUEST_OR_EXTERNAL_USER_TYPE_B2B_COLLABORATION_GUEST);
  g->add_guest_or_external_user_types(
      pb::GUEST_OR_EXTERNAL_USER_TYPE_B2B_COLLABORATION_MEMBER);
  g->add_guest_or_external_user_types(
      pb::GUEST_OR_EXTERNAL_USER_TYPE_OTHER_EXTERNAL_USER);
  if (direct_connect) {
    g->add_guest_or_external_user_types(
        pb::GUEST_OR_EXTERNAL_USER_TYPE_B2B_DIRECT_CONNECT_USER);
  }
  g->set_has_external_tenants(true);
  g->set_external_tenants_membership_kind(
      pb::GuestsOrExternalUsers::MEMBERSHIP_KIND_ALL);
}

void PickUsers(Rng& rng, const Directory& d, pb::Users* u, bool admins_only) {
  int who = admins_only ? 70 : rng.Below(100);
  if (who < 62) {
    u->add_include_users("All");
    for (int k = 0, n = rng.Between(1, 3); k < n; ++k) {
      const std::string& g = d.groups[rng.Below(d.exclusion_groups)];
      if (std::find(u->exclude_groups().begin(), u->exclude_groups().end(),
                    g) == u->exclude_groups().end()) {
        u->add_exclude_groups(g);
      }
    }
    if (rng.Percent(20)) u->add_exclude_users(d.break_glass[rng.Below(2)]);
    if (rng.Percent(25))
      AddExternalAll(u->mutable_exclude_guests_or_external_users(), false);
  } else if (who < 78) {
    for (int k = 0, n = rng.Between(1, 4); k < n; ++k) {
      const std::string& g =
          d.groups[d.exclusion_groups +
                   rng.Below(d.referenced_groups - d.exclusion_groups)];
      if (std::find(u->include_groups().begin(), u->include_groups().end(),
                    g) == u->include_groups().end()) {
        u->add_include_groups(g);
      }
    }
    u->add_exclude_groups(d.groups[rng.Below(d.exclusion_groups)]);
  } else if (who < 90) {
    for (int k = 0, n = rng.Between(1, 6); k < n; ++k) {
      const std::string& r =
          d.roles[rng.Skewed(static_cast<int>(d.roles.size()))];
      if (std::find(u->include_roles().begin(), u->include_roles().end(), r) ==
          u->include_roles().end()) {
        u->add_include_roles(r);
      }
    }
    u->add_exclude_users(d.break_glass[0]);
    u->add_exclude_users(d.break_glass[1]);
  } else {
    AddExternalAll(u->mutable_include_guests_or_external_users(),
                   rng.Percent(30));
  }
}

void PickApps(Rng& rng, const Directory& d, pb::Applications* a,
              bool allow_action) {
  int what = rng.Below(100);
  if (allow_action && what < 4) {
    a->add_include_user_actions("urn:user:registersecurityinfo");
  } else if (what < 70) {
    a->add_include_applications("All");
    if (rng.Percent(10)) {
      a->add_exclude_applications(d.apps[d.office_apps + rng.Below(40)]);
    }
  } else if (what < 76) {
    a->add_include_applications("Office365");
  } else {
    for (int k = 0, n = rng.Between(1, 5); k < n; ++k) {
      const std::string& app =
          d.apps[rng.Skewed(static_cast<int>(d.apps.size()))];
      if (std::find(a->include_applications().begin(),
                    a->include_applications().end(),
                    app) == a->include_applications().end()) {
        a->add_include_applications(app);
      }
    }
  }
}

void ModernClients(pb::ConditionSet* c) {
  c->add_client_app_types(pb::CLIENT_APP_TYPE_BROWSER);
  c->add_client_app_types(pb::CLIENT_APP_TYPE_MOBILE_APPS_AND_DESKTOP_CLIENTS);
}

void SetFilter(pb::ConditionSet* c, const FilterRule& f) {
  pb::Filter* filter = c->mutable_devices()->mutable_device_filter();
  filter->set_mode(f.mode);
  filter->set_rule(f.rule);
}

void AddSessionControls(Rng& rng, pb::ConditionalAccessPolicy* p,
                        bool all_apps) {
  pb::SessionControls* s = p->mutable_session_controls();
  int kind = rng.Below(all_apps ? 4 : 3);
  if (kind == 0) {
    auto* f = s->mutable_sign_in_frequency();
    f->set_is_enabled(true);
    f->set_frequency_interval(
        pb::SessionControls::SignInFrequency::FREQUENCY_INTERVAL_TIME_BASED);
    if (rng.Percent(50)) {
      f->set_type(pb::SessionControls::SignInFrequency::UNIT_HOURS);
      f->set_value(rng.Between(1, 24));
    } else {
      f->set_type(pb::SessionControls::SignInFrequency::UNIT_DAYS);
      f->set_value(rng.Between(1, 90));
    }
  } else if (kind == 1) {
    s->mutable_application_enforced_restrictions()->set_is_enabled(true);
  } else if (kind == 2) {
    s->mutable_cloud_app_security()->set_is_enabled(true);
    s->mutable_cloud_app_security()->set_cloud_app_security_type(
        pb::SessionControls::CloudAppSecurity::TYPE_MONITOR_ONLY);
  } else {
    // Persistent browser only applies with All cloud apps.
    s->mutable_persistent_browser()->set_is_enabled(true);
    s->mutable_persistent_browser()->set_mode(
        pb::SessionControls::PersistentBrowser::MODE_NEVER);
  }
}

bool IncludesAllApps(const pb::ConditionalAccessPolicy& p) {
  const auto& inc = p.conditions().applications().include_applications();
  return std::find(inc.begin(), inc.end(), "All") != inc.end();
}

void MakeMainPolicy(Rng& rng, const Directory& d, const Locations& loc,
                    int index, pb::ConditionalAccessPolicy* p) {
  p->set_id(IdText(kPolicyKind, 0, index));
  const int state = rng.Below(100);
  p->set_state(state < 10 ? pb::POLICY_STATE_DISABLED
               : state < 45
                   ? pb::POLICY_STATE_ENABLED_FOR_REPORTING_BUT_NOT_ENFORCED
                   : pb::POLICY_STATE_ENABLED);
  pb::ConditionSet* c = p->mutable_conditions();
  pb::GrantControls* g = p->mutable_grant_controls();
  g->set_operator_(pb::GrantControls::OPERATOR_OR);
  const int kind = rng.Below(100);
  std::string name;
  if (kind < 28) {  // block: narrow conditions (corpus CA001/CA002/CA201/...)
    g->add_built_in_controls(pb::BUILT_IN_CONTROL_BLOCK);
    PickUsers(rng, d, c->mutable_users(), false);
    PickApps(rng, d, c->mutable_applications(), false);
    switch (rng.Below(9)) {
      case 0:
        name = "BLOCK-LegacyAuthentication";
        c->add_client_app_types(pb::CLIENT_APP_TYPE_EXCHANGE_ACTIVE_SYNC);
        c->add_client_app_types(pb::CLIENT_APP_TYPE_OTHER);
        break;
      case 1:
        name = "BLOCK-HighRiskCountries";
        c->mutable_locations()->add_include_locations(loc.blocked_countries);
        break;
      case 2:
        name = "BLOCK-UntrustedLocations";
        c->mutable_locations()->add_include_locations("All");
        c->mutable_locations()->add_exclude_locations("AllTrusted");
        c->add_user_risk_levels(pb::RISK_LEVEL_MEDIUM);
        c->add_user_risk_levels(pb::RISK_LEVEL_HIGH);
        break;
      case 3:
        name = "BLOCK-HighRiskSignIn";
        c->add_sign_in_risk_levels(pb::RISK_LEVEL_HIGH);
        break;
      case 4:
        name = "BLOCK-HighRiskUser";
        c->add_user_risk_levels(pb::RISK_LEVEL_HIGH);
        break;
      case 5:
        name = "BLOCK-UnknownPlatforms";
        c->mutable_platforms()->add_include_platforms(pb::DEVICE_PLATFORM_ALL);
        for (auto pl :
             {pb::DEVICE_PLATFORM_ANDROID, pb::DEVICE_PLATFORM_IOS,
              pb::DEVICE_PLATFORM_WINDOWS, pb::DEVICE_PLATFORM_MACOS}) {
          c->mutable_platforms()->add_exclude_platforms(pl);
        }
        break;
      case 6:
        name = "BLOCK-UnmanagedDevices";
        SetFilter(c, kFilterRules[0]);
        ModernClients(c);
        break;
      case 7:
        name = "BLOCK-CountryWhitelist";
        c->mutable_locations()->add_include_locations("All");
        c->mutable_locations()->add_exclude_locations(loc.allowed_countries);
        break;
      default:
        name = "BLOCK-HostingProviders";
        c->mutable_locations()->add_include_locations(loc.hosting);
        break;
    }
  } else if (kind < 53) {  // MFA (corpus CA000, CA200, CA400)
    name = "MFA";
    g->add_built_in_controls(pb::BUILT_IN_CONTROL_MFA);
    if (rng.Percent(25))
      g->add_built_in_controls(pb::BUILT_IN_CONTROL_COMPLIANT_DEVICE);
    if (rng.Percent(10))
      g->add_built_in_controls(pb::BUILT_IN_CONTROL_DOMAIN_JOINED_DEVICE);
    PickUsers(rng, d, c->mutable_users(), false);
    PickApps(rng, d, c->mutable_applications(), true);
    if (rng.Percent(35)) ModernClients(c);
    if (rng.Percent(30)) {
      c->mutable_locations()->add_include_locations("All");
      c->mutable_locations()->add_exclude_locations("AllTrusted");
    }
    if (rng.Percent(12)) {
      c->add_sign_in_risk_levels(pb::RISK_LEVEL_MEDIUM);
      c->add_sign_in_risk_levels(pb::RISK_LEVEL_HIGH);
    }
    if (rng.Percent(8)) SetFilter(c, kFilterRules[2]);
  } else if (kind < 67) {  // compliant device (corpus CA205, CA208)
    name = "CompliantOrHybrid";
    g->add_built_in_controls(pb::BUILT_IN_CONTROL_COMPLIANT_DEVICE);
    if (rng.Percent(50))
      g->add_built_in_controls(pb::BUILT_IN_CONTROL_DOMAIN_JOINED_DEVICE);
    PickUsers(rng, d, c->mutable_users(), false);
    PickApps(rng, d, c->mutable_applications(), false);
    if (rng.Percent(60)) {
      c->mutable_platforms()->add_include_platforms(
          pb::DEVICE_PLATFORM_WINDOWS);
      if (rng.Percent(50))
        c->mutable_platforms()->add_include_platforms(
            pb::DEVICE_PLATFORM_MACOS);
    }
    if (rng.Percent(50)) ModernClients(c);
    if (rng.Percent(20)) SetFilter(c, kFilterRules[3]);
  } else if (kind < 77) {  // authentication strength, mostly admins (CA105)
    name = "AuthStrength";
    g->set_authentication_strength_id(kBuiltInStrengths[rng.Below(3)]);
    PickUsers(rng, d, c->mutable_users(), rng.Percent(70));
    PickApps(rng, d, c->mutable_applications(), true);
  } else if (kind < 81) {  // approved app / app protection (CA005)
    name = "AppProtection";
    g->add_built_in_controls(pb::BUILT_IN_CONTROL_APPROVED_APPLICATION);
    g->add_built_in_controls(pb::BUILT_IN_CONTROL_COMPLIANT_APPLICATION);
    PickUsers(rng, d, c->mutable_users(), false);
    c->mutable_applications()->add_include_applications("Office365");
    c->mutable_platforms()->add_include_platforms(pb::DEVICE_PLATFORM_ANDROID);
    c->mutable_platforms()->add_include_platforms(pb::DEVICE_PLATFORM_IOS);
    c->add_client_app_types(
        pb::CLIENT_APP_TYPE_MOBILE_APPS_AND_DESKTOP_CLIENTS);
  } else if (kind < 83) {  // AND grant
    name = "MFA-and-Compliant";
    g->set_operator_(pb::GrantControls::OPERATOR_AND);
    g->add_built_in_controls(pb::BUILT_IN_CONTROL_MFA);
    g->add_built_in_controls(pb::BUILT_IN_CONTROL_COMPLIANT_DEVICE);
    PickUsers(rng, d, c->mutable_users(), rng.Percent(50));
    PickApps(rng, d, c->mutable_applications(), false);
  } else {  // session only (CA102, CA103, CA202)
    name = "Session";
    p->clear_grant_controls();
    PickUsers(rng, d, c->mutable_users(), false);
    PickApps(rng, d, c->mutable_applications(), false);
    if (rng.Percent(40)) ModernClients(c);
    if (rng.Percent(10)) SetFilter(c, kFilterRules[1]);
    AddSessionControls(rng, p, IncludesAllApps(*p));
  }
  if (kind < 83 && rng.Percent(10))
    AddSessionControls(rng, p, IncludesAllApps(*p));
  // User-action policies cannot run report-only (spec 4.14).
  if (c->applications().include_user_actions_size() > 0 &&
      p->state() == pb::POLICY_STATE_ENABLED_FOR_REPORTING_BUT_NOT_ENFORCED) {
    p->set_state(pb::POLICY_STATE_ENABLED);
  }
  // Graph always exports the list; "all" when the policy does not narrow it.
  if (c->client_app_types_size() == 0)
    c->add_client_app_types(pb::CLIENT_APP_TYPE_ALL);
  p->set_display_name(absl::StrCat("CA", 100 + index, "-", name));
}

// ---------------------------------------------------------------------------
// Cross-tenant access settings.

void SetHalf(pb::CrossTenantAccessTargetConfiguration* h, bool allowed,
             const std::string& target,
             pb::CrossTenantAccessTarget::TargetType type) {
  h->set_access_type(
      allowed ? pb::CrossTenantAccessTargetConfiguration::ACCESS_TYPE_ALLOWED
              : pb::CrossTenantAccessTargetConfiguration::ACCESS_TYPE_BLOCKED);
  pb::CrossTenantAccessTarget* t = h->add_targets();
  t->set_target(target);
  t->set_target_type(type);
}

void SetAll(pb::B2BSetting* s, bool allowed) {
  SetHalf(s->mutable_users_and_groups(), allowed, "AllUsers",
          pb::CrossTenantAccessTarget::TARGET_TYPE_USER);
  SetHalf(s->mutable_applications(), allowed, "AllApplications",
          pb::CrossTenantAccessTarget::TARGET_TYPE_APPLICATION);
}

// The common default: collaboration allowed both ways, direct connect and
// tenant restrictions blocked, nothing trusted (contoso.json's default).
void SetDefault(pb::CrossTenantAccessPolicy* x) {
  x->set_display_name("CrossTenantAccessPolicy");
  pb::CrossTenantAccessSettings* s =
      x->mutable_default_configuration()->mutable_settings();
  SetAll(s->mutable_b2b_collaboration_inbound(), true);
  SetAll(s->mutable_b2b_collaboration_outbound(), true);
  SetAll(s->mutable_b2b_direct_connect_inbound(), false);
  SetAll(s->mutable_b2b_direct_connect_outbound(), false);
  s->mutable_inbound_trust()->set_is_mfa_accepted(false);
  s->mutable_inbound_trust()->set_is_compliant_device_accepted(false);
  s->mutable_inbound_trust()->set_is_hybrid_azure_ad_joined_device_accepted(
      false);
}

// Partner mix: 45% inherit everything, 20% blocked, 25% trusted, 10% scoped.
// `home_groups` receives, for scoped partners, the home groups allowed in.
void MakePartner(Rng& rng, const std::string& tenant_id, int index,
                 const Directory& d, pb::CrossTenantAccessPartner* p,
                 std::vector<std::string>* home_groups) {
  p->set_tenant_id(tenant_id);
  pb::CrossTenantAccessSettings* s = p->mutable_settings();
  const int kind = rng.Below(100);
  if (kind < 45) {
    return;  // inherited: the partner entry only names the tenant
  }
  if (kind < 65) {  // blocked: both halves blocked All (spec 2.8 block/block)
    SetAll(s->mutable_b2b_collaboration_inbound(), false);
    return;
  }
  if (kind <
      90) {  // trusted: MFA (+ device) claims, direct connect to Office 365
    pb::InboundTrust* tr = s->mutable_inbound_trust();
    tr->set_is_mfa_accepted(true);
    tr->set_is_compliant_device_accepted(rng.Percent(70));
    tr->set_is_hybrid_azure_ad_joined_device_accepted(rng.Percent(40));
    if (rng.Percent(50)) {
      pb::B2BSetting* dc = s->mutable_b2b_direct_connect_inbound();
      SetHalf(dc->mutable_users_and_groups(), true, "AllUsers",
              pb::CrossTenantAccessTarget::TARGET_TYPE_USER);
      SetHalf(dc->mutable_applications(), true, "Office365",
              pb::CrossTenantAccessTarget::TARGET_TYPE_APPLICATION);
    }
    if (rng.Percent(20)) p->set_is_in_multi_tenant_organization(true);
    if (rng.Percent(5)) p->set_is_service_provider(true);
    return;
  }
  // Scoped: only some home groups, only some apps.
  pb::B2BSetting* in = s->mutable_b2b_collaboration_inbound();
  auto* users = in->mutable_users_and_groups();
  users->set_access_type(
      pb::CrossTenantAccessTargetConfiguration::ACCESS_TYPE_ALLOWED);
  for (int k = 0, n = rng.Between(2, 10); k < n; ++k) {
    std::string g = IdText(kHomeGroupKind, 10 + index, k);
    pb::CrossTenantAccessTarget* t = users->add_targets();
    t->set_target(g);
    t->set_target_type(pb::CrossTenantAccessTarget::TARGET_TYPE_GROUP);
    home_groups->push_back(std::move(g));
  }
  auto* apps = in->mutable_applications();
  apps->set_access_type(
      pb::CrossTenantAccessTargetConfiguration::ACCESS_TYPE_ALLOWED);
  pb::CrossTenantAccessTarget* o365 = apps->add_targets();
  o365->set_target("Office365");
  o365->set_target_type(pb::CrossTenantAccessTarget::TARGET_TYPE_APPLICATION);
  for (int k = 0, n = rng.Between(1, 5); k < n; ++k) {
    pb::CrossTenantAccessTarget* t = apps->add_targets();
    t->set_target(d.apps[d.office_apps + rng.Below(60) + k * 60 % 120]);
    t->set_target_type(pb::CrossTenantAccessTarget::TARGET_TYPE_APPLICATION);
  }
}

// ---------------------------------------------------------------------------
// Small tenants: a baseline of five policies (MFA for all, block legacy
// authentication, MFA for admins, report-only compliant device, sign-in
// frequency), one trusted location and two partners.

constexpr int kSmallGroups = 8;
constexpr int kSmallApps = 6;

void MakeSmallTenant(Rng& rng, int index,
                     const std::vector<std::string>& tenant_ids,
                     const Directory& d, pb::TenantPolicies* t,
                     SmallTenant* dir) {
  const uint32_t scope = static_cast<uint32_t>(index);
  t->set_tenant_id(tenant_ids[index]);
  dir->id = G(tenant_ids[index]);
  std::vector<std::string> groups, apps;
  for (int k = 0; k < kSmallGroups; ++k) {
    groups.push_back(IdText(kGroupKind, scope, k));
    dir->groups.push_back(G(groups.back()));
  }
  for (int k = 0; k < kSmallApps; ++k) {
    // Mostly first-party apps, one line-of-business app.
    apps.push_back(k + 1 < kSmallApps ? d.apps[k] : IdText(kAppKind, scope, k));
    dir->apps.push_back(G(apps.back()));
  }
  pb::NamedLocation* office = t->add_named_locations();
  office->set_id(IdText(kLocationKind, scope, 0));
  office->set_display_name("Office");
  office->mutable_ip()->set_is_trusted(true);
  AddRange(office->mutable_ip(),
           absl::StrCat(60 + index % 100, ".", (index / 100) % 250, ".",
                        index % 256, ".0/24"));
  t->set_named_locations_exported(true);

  auto policy = [&](int n, const char* name, pb::PolicyState state) {
    pb::ConditionalAccessPolicy* p = t->add_conditional_access_policies();
    p->set_id(IdText(kPolicyKind, scope, n));
    p->set_display_name(name);
    p->set_state(state);
    p->mutable_conditions()->mutable_applications()->add_include_applications(
        "All");
    if (n != 1)
      p->mutable_conditions()->add_client_app_types(pb::CLIENT_APP_TYPE_ALL);
    return p;
  };
  auto or_grant = [](pb::ConditionalAccessPolicy* p, pb::BuiltInControl c) {
    p->mutable_grant_controls()->set_operator_(pb::GrantControls::OPERATOR_OR);
    p->mutable_grant_controls()->add_built_in_controls(c);
  };
  pb::ConditionalAccessPolicy* mfa =
      policy(0, "Require MFA for all users", pb::POLICY_STATE_ENABLED);
  mfa->mutable_conditions()->mutable_users()->add_include_users("All");
  mfa->mutable_conditions()->mutable_users()->add_exclude_groups(groups[0]);
  mfa->mutable_conditions()->mutable_locations()->add_include_locations("All");
  mfa->mutable_conditions()->mutable_locations()->add_exclude_locations(
      "AllTrusted");
  or_grant(mfa, pb::BUILT_IN_CONTROL_MFA);
  pb::ConditionalAccessPolicy* legacy =
      policy(1, "Block legacy authentication", pb::POLICY_STATE_ENABLED);
  legacy->mutable_conditions()->mutable_users()->add_include_users("All");
  legacy->mutable_conditions()->mutable_users()->add_exclude_groups(groups[0]);
  legacy->mutable_conditions()->add_client_app_types(
      pb::CLIENT_APP_TYPE_EXCHANGE_ACTIVE_SYNC);
  legacy->mutable_conditions()->add_client_app_types(pb::CLIENT_APP_TYPE_OTHER);
  or_grant(legacy, pb::BUILT_IN_CONTROL_BLOCK);
  pb::ConditionalAccessPolicy* admins =
      policy(2, "Require MFA for admins", pb::POLICY_STATE_ENABLED);
  for (int k = 0; k < 4; ++k)
    admins->mutable_conditions()->mutable_users()->add_include_roles(
        d.roles[k]);
  or_grant(admins, pb::BUILT_IN_CONTROL_MFA);
  pb::ConditionalAccessPolicy* device =
      policy(3, "Require compliant device",
             pb::POLICY_STATE_ENABLED_FOR_REPORTING_BUT_NOT_ENFORCED);
  device->mutable_conditions()->mutable_users()->add_include_groups(
      groups[1 + rng.Below(kSmallGroups - 1)]);
  or_grant(device, pb::BUILT_IN_CONTROL_COMPLIANT_DEVICE);
  or_grant(device, pb::BUILT_IN_CONTROL_DOMAIN_JOINED_DEVICE);
  pb::ConditionalAccessPolicy* sif =
      policy(4, "Sign-in frequency", pb::POLICY_STATE_ENABLED);
  sif->mutable_conditions()->mutable_users()->add_include_users("All");
  auto* f = sif->mutable_session_controls()->mutable_sign_in_frequency();
  f->set_is_enabled(true);
  f->set_type(pb::SessionControls::SignInFrequency::UNIT_HOURS);
  f->set_value(rng.Between(4, 24));
  f->set_frequency_interval(
      pb::SessionControls::SignInFrequency::FREQUENCY_INTERVAL_TIME_BASED);

  pb::CrossTenantAccessPolicy* x = t->mutable_cross_tenant_access_policy();
  SetDefault(x);
  for (int k = 0; k < 2; ++k) {
    int other = (index + 1 + k * 7 + rng.Below(97)) %
                static_cast<int>(tenant_ids.size());
    const bool repeat = x->partners_size() > 0 &&
                        x->partners(0).tenant_id() == tenant_ids[other];
    if (other == index || repeat) continue;
    pb::CrossTenantAccessPartner* p = x->add_partners();
    p->set_tenant_id(tenant_ids[other]);
    p->mutable_settings()->mutable_inbound_trust()->set_is_mfa_accepted(true);
  }
}

}  // namespace

LoadOptions WorkloadLoadOptions() {
  LoadOptions o;
  o.limits.max_input_bytes = uint64_t{1} << 31;
  o.limits.max_tenants = 200000;
  o.limits.max_objects_per_tenant = 100000;
  return o;
}

absl::Status CheckAccepted(const policy::v1::PolicyBundle& bundle) {
  const LoadOptions options = WorkloadLoadOptions();
  IssueCollector collector(options.limits.max_issues);
  absl::Status valid = ValidateBundle(bundle, options, collector);
  std::vector<LoadIssue> issues = collector.issues();
  if (!issues.empty()) {
    return absl::InternalError(
        absl::StrCat("generator bug: the loader reports ", issues.size(),
                     " issue(s); first: ", issues.front().ToString()));
  }
  if (!valid.ok()) return valid;
  issues.clear();
  auto compiled = CompilePolicySet(bundle, CompileOptions(), &issues);
  if (!issues.empty()) {
    return absl::InternalError(
        absl::StrCat("generator bug: the compiler reports ", issues.size(),
                     " issue(s); first: ", issues.front().ToString()));
  }
  return compiled.status();
}

Workload GenerateWorkload(const WorkloadOptions& options) {
  Workload w;
  w.options = options;
  Rng rng(options.seed);
  w.bundle.set_bundle_version(1);

  // Directory of the main tenant.
  Directory d;
  for (int k = 0; k < options.groups; ++k)
    d.groups.push_back(IdText(kGroupKind, 0, k));
  for (int k = 0; k < options.roles; ++k) {
    d.roles.push_back(k < static_cast<int>(std::size(kWellKnownRoles))
                          ? std::string(kWellKnownRoles[k])
                          : IdText(kRoleKind, 0, k));
  }
  for (const ShippedAppEntry& e : ShippedAppEntries()) {
    if (static_cast<int>(d.apps.size()) == options.apps) break;
    if (e.sets & kInOffice365) d.apps.emplace_back(e.app_id);
  }
  d.office_apps = static_cast<int>(d.apps.size());
  for (int k = d.office_apps; k < options.apps; ++k)
    d.apps.push_back(IdText(kAppKind, 0, k));
  d.break_glass = {IdText(kUserKind, 0, 0), IdText(kUserKind, 0, 1)};
  d.exclusion_groups = std::min(10, options.groups);
  d.referenced_groups = std::min(60, options.groups);
  for (const auto& g : d.groups) w.groups.push_back(G(g));
  for (const auto& r : d.roles) w.roles.push_back(G(r));
  for (const auto& a : d.apps) w.apps.push_back(G(a));

  // Tenant ids: main, then the small tenants; partners of the main tenant
  // are the small tenants first (their outbound side is then evaluated too),
  // then tenants outside the bundle.
  std::vector<std::string> tenant_ids;
  for (int k = 0; k < options.tenants; ++k)
    tenant_ids.push_back(IdText(kTenantKind, 0, k));
  w.main_tenant = G(tenant_ids[0]);

  pb::TenantPolicies* main = w.bundle.add_tenants();
  main->set_tenant_id(tenant_ids[0]);
  const Locations loc = AddMainLocations(main);
  for (int i = 0; i < options.policies; ++i) {
    MakeMainPolicy(rng, d, loc, i, main->add_conditional_access_policies());
  }
  pb::CrossTenantAccessPolicy* xtap =
      main->mutable_cross_tenant_access_policy();
  SetDefault(xtap);
  std::vector<std::vector<std::string>> partner_groups(options.partners);
  for (int k = 0; k < options.partners; ++k) {
    std::string id = k + 1 < options.tenants ? tenant_ids[k + 1]
                                             : IdText(kPartnerKind, 0, k);
    w.partners.push_back(G(id));
    MakePartner(rng, id, k, d, xtap->add_partners(), &partner_groups[k]);
  }

  // Members: 1-40 groups each (half in at most 8, 15% in 21-40), 2% admins
  // holding 1-3 roles.
  w.members.resize(options.members);
  for (int u = 0; u < options.members; ++u) {
    Principal& p = w.members[u];
    p.id = G(IdText(kUserKind, 0, u));
    const int bucket = rng.Below(100);
    const int n = bucket < 50   ? rng.Between(1, 8)
                  : bucket < 85 ? rng.Between(9, 20)
                                : rng.Between(21, 40);
    for (int k = 0; k < n; ++k) {
      // A tenth of memberships are in policy-referenced groups.
      Guid g = rng.Percent(10) ? w.groups[rng.Below(d.referenced_groups)]
                               : w.groups[rng.Below(options.groups)];
      if (std::find(p.groups.begin(), p.groups.end(), g) == p.groups.end())
        p.groups.push_back(g);
    }
    if (rng.Percent(2)) {
      for (int k = 0, r = rng.Between(1, 3); k < r; ++k)
        p.roles.push_back(w.roles[rng.Skewed(options.roles)]);
    }
  }
  // Guests: 80% from partners (scoped partners' guests mostly in the allowed
  // home groups), 20% from tenants with no partner entry (the default).
  w.guests.resize(options.guests);
  for (int u = 0; u < options.guests; ++u) {
    Principal& p = w.guests[u];
    p.id = G(IdText(kUserKind, 0xfffff, u));  // guests: their own scope
    p.home_user = G(IdText(kHomeUserKind, 0, u));
    if (options.partners > 0 && rng.Percent(80)) {
      int k = rng.Skewed(options.partners);
      p.home_tenant = w.partners[k];
      if (!partner_groups[k].empty() && rng.Percent(70)) {
        p.home_groups.push_back(G(partner_groups[k][rng.Below(
            static_cast<int>(partner_groups[k].size()))]));
      }
    } else {
      p.home_tenant = G(IdText(kPartnerKind, 1, u % 400));
    }
    for (int k = 0, n = rng.Between(0, 4); k < n; ++k) {
      p.home_groups.push_back(G(IdText(kHomeGroupKind, 1, rng.Below(2000))));
    }
    for (int k = 0, n = rng.Between(0, 3); k < n; ++k) {
      Guid g = w.groups[rng.Below(options.groups)];
      if (std::find(p.groups.begin(), p.groups.end(), g) == p.groups.end())
        p.groups.push_back(g);
    }
  }

  // Small tenants.
  w.small_tenants.resize(options.tenants > 0 ? options.tenants - 1 : 0);
  for (int k = 1; k < options.tenants; ++k) {
    MakeSmallTenant(rng, k, tenant_ids, d, w.bundle.add_tenants(),
                    &w.small_tenants[k - 1]);
  }
  return w;
}

}  // namespace bench
}  // namespace crossgate
