#include "tests/testing/random_bundle.h"

#include <algorithm>

#include "absl/strings/str_cat.h"

namespace crossgate {
namespace testing {
namespace {

using namespace ::crossgate::policy::v1;  // NOLINT: a generator of every type

bool Chance(Rng& rng, int percent) {
  return std::uniform_int_distribution<int>(0, 99)(rng) < percent;
}

size_t Below(Rng& rng, size_t n) {
  return std::uniform_int_distribution<size_t>(0, n - 1)(rng);
}

template <typename T>
const T& Pick(Rng& rng, const std::vector<T>& v) {
  return v[Below(rng, v.size())];
}

// A random non-empty subset (each element with probability 1/2, at least one).
template <typename T>
std::vector<T> Subset(Rng& rng, const std::vector<T>& v) {
  std::vector<T> out;
  for (const T& x : v) {
    if (Chance(rng, 50)) out.push_back(x);
  }
  if (out.empty()) out.push_back(Pick(rng, v));
  return out;
}

template <typename Repeated, typename T>
void AddAll(Repeated* r, const std::vector<T>& v) {
  for (const T& x : v) *r->Add() = x;
}

const std::vector<std::string> kTenants = {
    "10000000-0000-4000-8000-000000000001",
    "10000000-0000-4000-8000-000000000002",
    "10000000-0000-4000-8000-000000000003",
    "10000000-0000-4000-8000-000000000004"};
const std::vector<std::string> kUsers = {
    "20000000-0000-4000-8000-000000000001",
    "20000000-0000-4000-8000-000000000002",
    "20000000-0000-4000-8000-000000000003",
    "20000000-0000-4000-8000-000000000004"};
const std::vector<std::string> kGroups = {
    "30000000-0000-4000-8000-000000000001",
    "30000000-0000-4000-8000-000000000002",
    "30000000-0000-4000-8000-000000000003"};
const std::vector<std::string> kRoles = {
    "62e90394-69f5-4237-9190-012177145e10",
    "fe930be7-5e62-47db-91af-98c3a49a38b1"};
const std::vector<std::string> kHomeUsers = {
    "40000000-0000-4000-8000-000000000001",
    "40000000-0000-4000-8000-000000000002",
    "40000000-0000-4000-8000-000000000003"};
const std::vector<std::string> kHomeGroups = {
    "50000000-0000-4000-8000-000000000001",
    "50000000-0000-4000-8000-000000000002"};
const std::vector<std::string> kApps = {
    "00000002-0000-0ff1-ce00-000000000000",   // Exchange (Office365)
    "00000003-0000-0ff1-ce00-000000000000",   // SharePoint (Office365)
    "c44b4083-3bb0-49c1-b47d-974e53cbdf3c",   // Azure portal (admin portals)
    "60000000-0000-4000-8000-000000000004"};  // a line-of-business app
const std::vector<std::string> kServicePrincipals = {
    "70000000-0000-4000-8000-000000000001",
    "70000000-0000-4000-8000-000000000002"};
const std::vector<std::string> kTerms = {
    "80000000-0000-4000-8000-000000000001",
    "80000000-0000-4000-8000-000000000002"};
const std::vector<std::string> kLocations = {
    "90000000-0000-4000-8000-000000000001",
    "90000000-0000-4000-8000-000000000002",
    "90000000-0000-4000-8000-000000000003",
    "90000000-0000-4000-8000-000000000004"};
constexpr char kCustomStrength[] = "a0000000-0000-4000-8000-000000000001";
const std::vector<std::string> kStrengths = {
    "00000000-0000-0000-0000-000000000002",
    "00000000-0000-0000-0000-000000000003",
    "00000000-0000-0000-0000-000000000004", kCustomStrength};

std::string Guid(Rng& rng) { return RandomGuid(rng); }

CrossTenantAccessTargetConfiguration RandomTargets(Rng& rng, bool users,
                                                   bool all_only) {
  CrossTenantAccessTargetConfiguration c;
  c.set_access_type(
      Chance(rng, 60)
          ? CrossTenantAccessTargetConfiguration::ACCESS_TYPE_ALLOWED
          : CrossTenantAccessTargetConfiguration::ACCESS_TYPE_BLOCKED);
  auto add = [&c](const std::string& target,
                  CrossTenantAccessTarget::TargetType type) {
    auto* t = c.add_targets();
    t->set_target(target);
    t->set_target_type(type);
  };
  if (users) {
    if (all_only || Chance(rng, 50)) {
      add("AllUsers", CrossTenantAccessTarget::TARGET_TYPE_USER);
    } else {
      for (const auto& u : Subset(rng, kHomeUsers)) {
        if (Chance(rng, 50)) add(u, CrossTenantAccessTarget::TARGET_TYPE_USER);
      }
      for (const auto& g : Subset(rng, kHomeGroups)) {
        add(g, CrossTenantAccessTarget::TARGET_TYPE_GROUP);
      }
    }
  } else {
    const int roll = std::uniform_int_distribution<int>(0, 99)(rng);
    if (all_only || roll < 40) {
      add("AllApplications", CrossTenantAccessTarget::TARGET_TYPE_APPLICATION);
    } else if (roll < 55) {
      add("Office365", CrossTenantAccessTarget::TARGET_TYPE_APPLICATION);
    } else if (roll < 65) {
      add("AllMicrosoftApps", CrossTenantAccessTarget::TARGET_TYPE_APPLICATION);
    } else {
      for (const auto& a : Subset(rng, kApps)) {
        add(a, CrossTenantAccessTarget::TARGET_TYPE_APPLICATION);
      }
    }
  }
  return c;
}

// Spec 2.8: a setting that blocks all users must block its applications,
// and one that blocks all applications must block its users; the engine
// rejects the other combinations, so the generator never makes them.
template <typename Setting>
void KeepBlockAllConsistent(Setting* s) {
  if (!s->has_users_and_groups() || !s->has_applications()) return;
  const auto blocked = CrossTenantAccessTargetConfiguration::ACCESS_TYPE_BLOCKED;
  auto blocks_all = [&](const CrossTenantAccessTargetConfiguration& c,
                        const char* all) {
    if (c.access_type() != blocked) return false;
    for (const auto& t : c.targets()) {
      if (t.target() == all) return true;
    }
    return false;
  };
  if (blocks_all(s->users_and_groups(), "AllUsers")) {
    s->mutable_applications()->set_access_type(blocked);
  }
  if (blocks_all(s->applications(), "AllApplications")) {
    s->mutable_users_and_groups()->set_access_type(blocked);
  }
}

void MaybeB2B(Rng& rng, B2BSetting* s, bool all_users_only) {
  if (Chance(rng, 80))
    *s->mutable_users_and_groups() = RandomTargets(rng, true, all_users_only);
  if (Chance(rng, 80))
    *s->mutable_applications() = RandomTargets(rng, false, false);
  KeepBlockAllConsistent(s);
}

void RandomSettings(Rng& rng, CrossTenantAccessSettings* s, bool is_default) {
  if (Chance(rng, 60))
    MaybeB2B(rng, s->mutable_b2b_collaboration_inbound(), is_default);
  if (Chance(rng, 40))
    MaybeB2B(rng, s->mutable_b2b_collaboration_outbound(), false);
  if (Chance(rng, 50))
    MaybeB2B(rng, s->mutable_b2b_direct_connect_inbound(), is_default);
  if (Chance(rng, 40))
    MaybeB2B(rng, s->mutable_b2b_direct_connect_outbound(), false);
  if (Chance(rng, 60)) {
    InboundTrust* t = s->mutable_inbound_trust();
    if (Chance(rng, 70)) t->set_is_mfa_accepted(Chance(rng, 60));
    if (Chance(rng, 60)) t->set_is_compliant_device_accepted(Chance(rng, 60));
    if (Chance(rng, 60))
      t->set_is_hybrid_azure_ad_joined_device_accepted(Chance(rng, 60));
  }
  if (Chance(rng, 10)) {
    TenantRestrictions* tr = s->mutable_tenant_restrictions();
    *tr->mutable_users_and_groups() = RandomTargets(rng, true, false);
    *tr->mutable_applications() = RandomTargets(rng, false, false);
    KeepBlockAllConsistent(tr);
  }
}

GuestsOrExternalUsers RandomGuests(Rng& rng, const std::string& self) {
  GuestsOrExternalUsers g;
  for (int t = GUEST_OR_EXTERNAL_USER_TYPE_INTERNAL_GUEST;
       t <= GUEST_OR_EXTERNAL_USER_TYPE_SERVICE_PROVIDER; ++t) {
    if (Chance(rng, 35))
      g.add_guest_or_external_user_types(
          static_cast<GuestOrExternalUserType>(t));
  }
  if (g.guest_or_external_user_types().empty()) {
    g.add_guest_or_external_user_types(
        GUEST_OR_EXTERNAL_USER_TYPE_B2B_COLLABORATION_GUEST);
  }
  if (Chance(rng, 50)) {
    g.set_has_external_tenants(true);
    if (Chance(rng, 30)) {
      g.set_external_tenants_membership_kind(
          GuestsOrExternalUsers::MEMBERSHIP_KIND_ALL);
    } else {
      g.set_external_tenants_membership_kind(
          GuestsOrExternalUsers::MEMBERSHIP_KIND_ENUMERATED);
      for (const auto& t : Subset(rng, kTenants)) {
        if (t != self) g.add_external_tenant_ids(t);
      }
      if (g.external_tenant_ids().empty())
        g.add_external_tenant_ids(kTenants[3]);
    }
  }
  return g;
}

void RandomUsers(Rng& rng, Users* u, const std::string& self) {
  const int roll = std::uniform_int_distribution<int>(0, 99)(rng);
  if (roll < 40) {
    u->add_include_users("All");
  } else if (roll < 70) {
    if (Chance(rng, 60))
      AddAll(u->mutable_include_users(), Subset(rng, kUsers));
    if (Chance(rng, 60))
      AddAll(u->mutable_include_groups(), Subset(rng, kGroups));
    if (Chance(rng, 30))
      AddAll(u->mutable_include_roles(), Subset(rng, kRoles));
  } else if (roll < 80) {
    u->add_include_users("GuestsOrExternalUsers");
  } else if (roll < 97) {
    *u->mutable_include_guests_or_external_users() = RandomGuests(rng, self);
  } else {
    u->add_include_users("None");
  }
  if (Chance(rng, 25)) {
    const int roll = std::uniform_int_distribution<int>(0, 99)(rng);
    if (roll < 40) {
      u->add_exclude_users(Pick(rng, kUsers));
    } else if (roll < 80) {
      u->add_exclude_groups(Pick(rng, kGroups));
    } else {
      u->add_exclude_roles(Pick(rng, kRoles));
    }
  }
  if (Chance(rng, 12)) {
    *u->mutable_exclude_guests_or_external_users() = RandomGuests(rng, self);
  } else if (Chance(rng, 5)) {
    u->add_exclude_users("GuestsOrExternalUsers");
  }
}

// Which resource the policy targets.
enum class Target { kAllApps, kApps, kUserAction, kAuthContext };

Target RandomApplications(Rng& rng, Applications* a, bool allow_actions) {
  const int roll = std::uniform_int_distribution<int>(0, 99)(rng);
  if (roll < 45) {
    a->add_include_applications("All");
    if (Chance(rng, 25))
      AddAll(a->mutable_exclude_applications(), Subset(rng, kApps));
    if (Chance(rng, 5)) a->add_exclude_applications("Office365");
    return a->exclude_applications().empty() ? Target::kAllApps : Target::kApps;
  }
  if (roll < 88 || !allow_actions) {
    if (Chance(rng, 25)) {
      a->add_include_applications(Chance(rng, 60) ? "Office365"
                                                  : "MicrosoftAdminPortals");
    } else {
      AddAll(a->mutable_include_applications(), Subset(rng, kApps));
    }
    if (Chance(rng, 15)) a->add_exclude_applications(Pick(rng, kApps));
    if (Chance(rng, 3)) a->add_include_applications("None");
    return Target::kApps;
  }
  if (roll < 94) {
    a->add_include_user_actions(Chance(rng, 60)
                                    ? "urn:user:registersecurityinfo"
                                    : "urn:user:registerdevice");
    return Target::kUserAction;
  }
  a->add_include_authentication_context_class_references(
      absl::StrCat("c", 1 + Below(rng, 4)));
  return Target::kAuthContext;
}

void RandomConditions(Rng& rng, ConditionSet* c,
                      const RandomBundleOptions& options) {
  if (Chance(rng, 40)) {
    std::vector<ClientAppType> all = {
        CLIENT_APP_TYPE_ALL,
        CLIENT_APP_TYPE_BROWSER,
        CLIENT_APP_TYPE_MOBILE_APPS_AND_DESKTOP_CLIENTS,
        CLIENT_APP_TYPE_EXCHANGE_ACTIVE_SYNC,
        CLIENT_APP_TYPE_EAS_SUPPORTED,
        CLIENT_APP_TYPE_OTHER};
    for (ClientAppType t : Subset(rng, all)) c->add_client_app_types(t);
  }
  if (Chance(rng, 30)) {
    std::vector<DevicePlatform> all = {
        DEVICE_PLATFORM_ANDROID, DEVICE_PLATFORM_IOS,
        DEVICE_PLATFORM_WINDOWS, DEVICE_PLATFORM_WINDOWS_PHONE,
        DEVICE_PLATFORM_MACOS,   DEVICE_PLATFORM_LINUX};
    Platforms* p = c->mutable_platforms();
    if (Chance(rng, 50)) {
      p->add_include_platforms(DEVICE_PLATFORM_ALL);
    } else {
      for (DevicePlatform x : Subset(rng, all)) p->add_include_platforms(x);
    }
    if (Chance(rng, 40)) {
      for (DevicePlatform x : Subset(rng, all)) p->add_exclude_platforms(x);
    }
  }
  if (Chance(rng, 35)) {
    Locations* l = c->mutable_locations();
    const int roll = std::uniform_int_distribution<int>(0, 99)(rng);
    if (roll < 40) {
      l->add_include_locations("All");
    } else if (roll < 55) {
      l->add_include_locations("AllTrusted");
    } else if (roll < 62) {
      l->add_include_locations("00000000-0000-0000-0000-000000000000");
    } else {
      AddAll(l->mutable_include_locations(), Subset(rng, kLocations));
    }
    if (Chance(rng, 50)) {
      if (Chance(rng, 40)) {
        l->add_exclude_locations("AllTrusted");
      } else {
        AddAll(l->mutable_exclude_locations(), Subset(rng, kLocations));
      }
    }
  }
  const std::vector<policy::v1::RiskLevel> levels = {
      RISK_LEVEL_LOW, RISK_LEVEL_MEDIUM, RISK_LEVEL_HIGH, RISK_LEVEL_HIDDEN,
      RISK_LEVEL_NONE};
  if (Chance(rng, 15)) {
    for (policy::v1::RiskLevel r : Subset(rng, levels))
      c->add_sign_in_risk_levels(r);
  }
  if (Chance(rng, 15)) {
    for (policy::v1::RiskLevel r : Subset(rng, levels))
      c->add_user_risk_levels(r);
  }
  if (Chance(rng, 8)) {
    std::vector<InsiderRiskLevel> insider = {INSIDER_RISK_LEVEL_MINOR,
                                             INSIDER_RISK_LEVEL_MODERATE,
                                             INSIDER_RISK_LEVEL_ELEVATED};
    for (InsiderRiskLevel r : Subset(rng, insider))
      c->add_insider_risk_levels(r);
  }
  if (Chance(rng, 10)) {
    AuthenticationFlows* f = c->mutable_authentication_flows();
    if (Chance(rng, 15)) {
      f->add_transfer_methods(TRANSFER_METHOD_NONE);
    } else {
      for (TransferMethod m :
           Subset(rng, std::vector<TransferMethod>{
                           TRANSFER_METHOD_DEVICE_CODE_FLOW,
                           TRANSFER_METHOD_AUTHENTICATION_TRANSFER})) {
        f->add_transfer_methods(m);
      }
    }
  }
  if (!options.device_filter_rules.empty() && Chance(rng, 15)) {
    Filter* f = c->mutable_devices()->mutable_device_filter();
    f->set_mode(Chance(rng, 50) ? Filter::MODE_INCLUDE : Filter::MODE_EXCLUDE);
    f->set_rule(Pick(rng, options.device_filter_rules));
  }
  if (Chance(rng, 3)) c->add_unsupported_conditions("times");
}

void RandomGrants(Rng& rng, GrantControls* g, Target target) {
  g->set_operator_(Chance(rng, 50) ? GrantControls::OPERATOR_AND
                                   : GrantControls::OPERATOR_OR);
  if (Chance(rng, 18)) {
    g->add_built_in_controls(BUILT_IN_CONTROL_BLOCK);
    return;
  }
  if (target == Target::kUserAction) {
    // registerdevice / registersecurityinfo: mfa or a strength only (4.4).
    if (Chance(rng, 50)) {
      g->add_built_in_controls(BUILT_IN_CONTROL_MFA);
    } else {
      g->set_authentication_strength_id(Pick(rng, kStrengths));
    }
    return;
  }
  // MFA or a strength, never both (4.12).
  const int mfa_roll = std::uniform_int_distribution<int>(0, 99)(rng);
  if (mfa_roll < 45) {
    g->add_built_in_controls(BUILT_IN_CONTROL_MFA);
  } else if (mfa_roll < 70) {
    g->set_authentication_strength_id(Pick(rng, kStrengths));
  }
  const std::vector<BuiltInControl> others = {
      BUILT_IN_CONTROL_COMPLIANT_DEVICE, BUILT_IN_CONTROL_DOMAIN_JOINED_DEVICE,
      BUILT_IN_CONTROL_APPROVED_APPLICATION,
      BUILT_IN_CONTROL_COMPLIANT_APPLICATION};
  for (BuiltInControl c : others) {
    if (Chance(rng, 10)) g->add_built_in_controls(c);
  }
  for (const std::string& t : kTerms) {
    if (Chance(rng, 12)) g->add_terms_of_use(t);
  }
  if (Chance(rng, 6)) g->add_custom_authentication_factors("Duo");
  if (g->built_in_controls().empty() && g->terms_of_use().empty() &&
      g->custom_authentication_factors().empty() &&
      g->authentication_strength_id().empty()) {
    g->add_built_in_controls(BUILT_IN_CONTROL_MFA);
  }
}

void RandomSession(Rng& rng, SessionControls* s, Target target) {
  if (Chance(rng, 40)) {
    auto* f = s->mutable_sign_in_frequency();
    f->set_is_enabled(Chance(rng, 90));
    if (Chance(rng, 25)) {
      f->set_frequency_interval(
          SessionControls::SignInFrequency::FREQUENCY_INTERVAL_EVERY_TIME);
    } else {
      f->set_frequency_interval(
          SessionControls::SignInFrequency::FREQUENCY_INTERVAL_TIME_BASED);
      f->set_type(Chance(rng, 50)
                      ? SessionControls::SignInFrequency::UNIT_HOURS
                      : SessionControls::SignInFrequency::UNIT_DAYS);
      f->set_value(1 + static_cast<int>(Below(rng, 24)));
    }
    f->set_authentication_type(
        SessionControls::SignInFrequency::
            AUTHENTICATION_TYPE_PRIMARY_AND_SECONDARY_AUTHENTICATION);
  }
  if (target == Target::kAllApps && Chance(rng, 30)) {
    auto* p = s->mutable_persistent_browser();
    p->set_is_enabled(true);
    p->set_mode(Chance(rng, 50)
                    ? SessionControls::PersistentBrowser::MODE_ALWAYS
                    : SessionControls::PersistentBrowser::MODE_NEVER);
  }
  if (Chance(rng, 25))
    s->mutable_application_enforced_restrictions()->set_is_enabled(true);
  if (Chance(rng, 25)) {
    auto* c = s->mutable_cloud_app_security();
    c->set_is_enabled(true);
    c->set_cloud_app_security_type(
        static_cast<SessionControls::CloudAppSecurity::Type>(1 +
                                                             Below(rng, 3)));
  }
  if (Chance(rng, 15)) s->set_disable_resilience_defaults(true);
  if (Chance(rng, 10))
    s->mutable_secure_sign_in_session()->set_is_enabled(true);
  if (Chance(rng, 15)) {
    s->mutable_continuous_access_evaluation()->set_mode(
        Chance(rng, 50) ? SessionControls::ContinuousAccessEvaluation::
                              MODE_STRICT_ENFORCEMENT
                        : SessionControls::ContinuousAccessEvaluation::
                              MODE_STRICT_LOCATION);
  }
}

void RandomPolicy(Rng& rng, ConditionalAccessPolicy* p, const std::string& self,
                  const RandomBundleOptions& options) {
  p->set_id(Guid(rng));
  p->set_display_name(absl::StrCat("random ", p->id().substr(0, 8)));
  const int state = std::uniform_int_distribution<int>(0, 99)(rng);
  p->set_state(state < 60 ? POLICY_STATE_ENABLED
               : state < 85
                   ? POLICY_STATE_ENABLED_FOR_REPORTING_BUT_NOT_ENFORCED
                   : POLICY_STATE_DISABLED);
  ConditionSet* c = p->mutable_conditions();
  const bool workload = Chance(rng, 8);
  if (workload) {
    auto* ca = c->mutable_client_applications();
    if (Chance(rng, 50)) {
      ca->add_include_service_principals("ServicePrincipalsInMyTenant");
    } else {
      AddAll(ca->mutable_include_service_principals(),
             Subset(rng, kServicePrincipals));
    }
    if (Chance(rng, 30))
      ca->add_exclude_service_principals(Pick(rng, kServicePrincipals));
    if (Chance(rng, 40)) {
      c->add_service_principal_risk_levels(Chance(rng, 50) ? RISK_LEVEL_HIGH
                                                           : RISK_LEVEL_MEDIUM);
    }
    c->mutable_applications()->add_include_applications("All");
    p->mutable_grant_controls()->set_operator_(GrantControls::OPERATOR_OR);
    p->mutable_grant_controls()->add_built_in_controls(BUILT_IN_CONTROL_BLOCK);
    if (Chance(rng, 30)) RandomConditions(rng, c, {});
    return;
  }
  RandomUsers(rng, c->mutable_users(), self);
  // Report-only policies cannot target user actions (4.14).
  const Target target = RandomApplications(
      rng, c->mutable_applications(),
      p->state() != POLICY_STATE_ENABLED_FOR_REPORTING_BUT_NOT_ENFORCED);
  if (target != Target::kUserAction) RandomConditions(rng, c, options);

  // Risk-based password change / risk remediation (4.12), in their only
  // documented shape.
  if (target == Target::kAllApps && Chance(rng, 6)) {
    c->clear_client_app_types();
    c->clear_platforms();
    c->clear_locations();
    c->clear_devices();
    c->clear_sign_in_risk_levels();
    c->clear_insider_risk_levels();
    c->clear_authentication_flows();
    c->clear_user_risk_levels();
    c->add_user_risk_levels(RISK_LEVEL_HIGH);
    GrantControls* g = p->mutable_grant_controls();
    g->set_operator_(GrantControls::OPERATOR_AND);
    if (Chance(rng, 50)) {
      g->add_built_in_controls(BUILT_IN_CONTROL_MFA);
      g->add_built_in_controls(BUILT_IN_CONTROL_PASSWORD_CHANGE);
    } else {
      g->add_built_in_controls(BUILT_IN_CONTROL_RISK_REMEDIATION);
      g->set_authentication_strength_id(kStrengths[0]);
    }
    return;
  }
  if (Chance(rng, 85)) RandomGrants(rng, p->mutable_grant_controls(), target);
  if (target != Target::kUserAction &&
      (!p->has_grant_controls() || Chance(rng, 30))) {
    RandomSession(rng, p->mutable_session_controls(), target);
  }
  if (!p->has_grant_controls() && !p->has_session_controls()) {
    p->mutable_grant_controls()->set_operator_(GrantControls::OPERATOR_OR);
    p->mutable_grant_controls()->add_built_in_controls(BUILT_IN_CONTROL_MFA);
  }
}

void RandomTenant(Rng& rng, TenantPolicies* t, const std::string& id,
                  const RandomBundleOptions& options) {
  t->set_tenant_id(id);
  if (Chance(rng, 5)) t->set_cloud("microsoftonline.us");
  // Named locations: two IP ranges (one trusted), a country list, and
  // sometimes a compliant-network location.
  auto* l1 = t->add_named_locations();
  l1->set_id(kLocations[0]);
  l1->set_display_name("office");
  l1->mutable_ip()->set_is_trusted(Chance(rng, 70));
  l1->mutable_ip()->add_ip_ranges()->set_cidr_address("10.1.0.0/16");
  auto* v6 = l1->mutable_ip()->add_ip_ranges();
  v6->set_cidr_address("2001:db8:1::/48");
  v6->set_ipv6(true);
  auto* l2 = t->add_named_locations();
  l2->set_id(kLocations[1]);
  l2->set_display_name("partner network");
  l2->mutable_ip()->set_is_trusted(Chance(rng, 20));
  l2->mutable_ip()->add_ip_ranges()->set_cidr_address("192.0.2.0/24");
  auto* l3 = t->add_named_locations();
  l3->set_id(kLocations[2]);
  l3->set_display_name("countries");
  l3->mutable_country()->add_countries_and_regions("NL");
  l3->mutable_country()->add_countries_and_regions("BE");
  if (Chance(rng, 50)) l3->mutable_country()->add_countries_and_regions("US");
  l3->mutable_country()->set_include_unknown_countries_and_regions(
      Chance(rng, 30));
  l3->mutable_country()->set_country_lookup_method(
      Chance(rng, 25)
          ? CountryNamedLocation::LOOKUP_METHOD_AUTHENTICATOR_APP_GPS
          : CountryNamedLocation::LOOKUP_METHOD_CLIENT_IP_ADDRESS);
  if (Chance(rng, 50)) {
    auto* l4 = t->add_named_locations();
    l4->set_id(kLocations[3]);
    l4->set_display_name("All Compliant Network locations");
    l4->mutable_compliant_network();
  }
  if (Chance(rng, 40)) t->add_mfa_trusted_ips("198.51.100.0/24");

  auto* strength = t->add_authentication_strength_policies();
  strength->set_id(kCustomStrength);
  strength->set_display_name("custom");
  strength->set_policy_type(AuthenticationStrengthPolicy::POLICY_TYPE_CUSTOM);
  strength->set_requirements_satisfied(
      Chance(rng, 70)
          ? AuthenticationStrengthPolicy::REQUIREMENTS_SATISFIED_MFA
          : AuthenticationStrengthPolicy::REQUIREMENTS_SATISFIED_NONE);
  const int combos = 1 + static_cast<int>(Below(rng, 3));
  for (int i = 0; i < combos; ++i) {
    auto* combo = strength->add_allowed_combinations();
    combo->add_modes(static_cast<AuthenticationMethodMode>(1 + Below(rng, 16)));
    if (Chance(rng, 50)) combo->add_modes(AUTHENTICATION_METHOD_MODE_PASSWORD);
  }

  if (Chance(rng, 10)) {
    auto* set = t->add_app_sets();
    set->set_name("Office365");
    set->add_app_ids(kApps[1]);
    set->add_app_ids(kApps[3]);
  }

  if (Chance(rng, 75)) {
    CrossTenantAccessPolicy* x = t->mutable_cross_tenant_access_policy();
    if (t->cloud() == "microsoftonline.us" || Chance(rng, 5)) {
      x->add_allowed_cloud_endpoints(t->cloud() == "microsoftonline.us"
                                         ? "microsoftonline.com"
                                         : "microsoftonline.us");
    }
    if (Chance(rng, 70)) {
      RandomSettings(
          rng, x->mutable_default_configuration()->mutable_settings(), true);
    }
    for (const std::string& p : kTenants) {
      if (p == id || !Chance(rng, 40)) continue;
      CrossTenantAccessPartner* partner = x->add_partners();
      partner->set_tenant_id(p);
      if (Chance(rng, 80))
        RandomSettings(rng, partner->mutable_settings(), false);
      if (Chance(rng, 15)) partner->set_is_service_provider(true);
    }
  }

  const int n =
      1 + static_cast<int>(Below(rng, options.max_policies_per_tenant));
  for (int i = 0; i < n; ++i)
    RandomPolicy(rng, t->add_conditional_access_policies(), id, options);
}

}  // namespace

const std::vector<std::string>& RandomUniverse::Tenants() { return kTenants; }
const std::vector<std::string>& RandomUniverse::Users() { return kUsers; }
const std::vector<std::string>& RandomUniverse::Groups() { return kGroups; }
const std::vector<std::string>& RandomUniverse::Roles() { return kRoles; }
const std::vector<std::string>& RandomUniverse::HomeUsers() {
  return kHomeUsers;
}
const std::vector<std::string>& RandomUniverse::HomeGroups() {
  return kHomeGroups;
}
const std::vector<std::string>& RandomUniverse::Apps() { return kApps; }
const std::vector<std::string>& RandomUniverse::ServicePrincipals() {
  return kServicePrincipals;
}
const std::vector<std::string>& RandomUniverse::TermsOfUse() { return kTerms; }

const std::vector<std::pair<std::string, std::vector<std::string>>>&
RandomUniverse::AppSets() {
  static const auto* kSets =
      new std::vector<std::pair<std::string, std::vector<std::string>>>{
          {"Office365", {kApps[0], kApps[1]}},
          {"MicrosoftAdminPortals", {kApps[2]}},
          {"AllMicrosoftApps", {kApps[0], kApps[1], kApps[2]}}};
  return *kSets;
}

policy::v1::PolicyBundle RandomBundle(Rng& rng,
                                      const RandomBundleOptions& options) {
  PolicyBundle b;
  b.set_bundle_version(rng() % 1000);
  const int tenants = Chance(rng, 60) ? 2 : 1;
  for (int i = 0; i < tenants; ++i) {
    RandomTenant(rng, b.add_tenants(), kTenants[i], options);
  }
  return b;
}

}  // namespace testing
}  // namespace crossgate
