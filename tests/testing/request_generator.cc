#include "tests/testing/request_generator.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "lib/model/cidr.h"
#include "lib/model/guid.h"

namespace crossgate {
namespace testing {
namespace {

// True with probability percent/100.
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

// An id from `known` most of the time, else a fresh one.
std::string KnownOrFresh(Rng& rng, const std::vector<std::string>& known,
                         int known_percent) {
  if (!known.empty() && Chance(rng, known_percent)) return Pick(rng, known);
  return RandomGuid(rng);
}

template <typename E>
E AnyOf(Rng& rng, std::initializer_list<E> values) {
  return *(values.begin() + Below(rng, values.size()));
}

// An address inside `cidr`, or (outside=true) one just outside it.
absl::optional<IpAddress> AddressNear(Rng& rng, const std::string& text,
                                      bool outside) {
  absl::optional<Cidr> cidr = ParseCidr(text);
  if (!cidr.has_value()) return absl::nullopt;
  IpAddress ip = cidr->base;
  const int family_bits = ip.v6 ? 128 : 32;
  const int offset = ip.v6 ? 0 : 96;  // IPv4 lives in the last 32 bits
  // Random host bits.
  for (int bit = cidr->prefix; bit < family_bits; ++bit) {
    if (Chance(rng, 50)) {
      const int b = offset + bit;
      ip.bytes[b / 8] ^= static_cast<uint8_t>(0x80 >> (b % 8));
    }
  }
  if (outside && cidr->prefix > 0) {
    const int b = offset + cidr->prefix - 1;  // flip the last network bit
    ip.bytes[b / 8] ^= static_cast<uint8_t>(0x80 >> (b % 8));
  }
  return ip;
}

IpAddress RandomAddress(Rng& rng) {
  IpAddress ip;
  std::uniform_int_distribution<int> byte(0, 255);
  if (Chance(rng, 80)) {
    ip.v6 = false;
    ip.bytes[10] = ip.bytes[11] = 0xff;
    for (int i = 12; i < 16; ++i) ip.bytes[i] = static_cast<uint8_t>(byte(rng));
  } else {
    ip.v6 = true;
    ip.bytes[0] = 0x20;
    for (int i = 1; i < 16; ++i) ip.bytes[i] = static_cast<uint8_t>(byte(rng));
  }
  return ip;
}

std::string RandomCountry(Rng& rng, const std::vector<std::string>& known) {
  if (!known.empty() && Chance(rng, 60)) return Pick(rng, known);
  static const std::vector<std::string> kCommon = {
      "US", "NL", "DE", "GB", "FR", "CN", "RU", "KP", "IR", "BR"};
  return Pick(rng, kCommon);
}

RiskLevel AnyRisk(Rng& rng) {
  return AnyOf(rng,
               {RiskLevel::kUnspecified, RiskLevel::kNoRisk, RiskLevel::kLow,
                RiskLevel::kMedium, RiskLevel::kHigh, RiskLevel::kHidden});
}

ClaimOrigin AnyOrigin(Rng& rng) {
  return AnyOf(rng, {ClaimOrigin::kUnspecified, ClaimOrigin::kHomeTenant,
                     ClaimOrigin::kResourceTenant});
}

uint32_t ExternalTypes(Rng& rng) {
  const int roll = std::uniform_int_distribution<int>(0, 99)(rng);
  if (roll < 35) return kB2bCollaborationGuest;
  if (roll < 47) return kB2bCollaborationMember;
  if (roll < 65) return kB2bDirectConnectUser;
  if (roll < 75) return kOtherExternalUser;
  if (roll < 82) return kServiceProvider;
  if (roll < 90) return kB2bCollaborationGuest | kB2bDirectConnectUser;
  // Any non-empty mix of the external (non-internal-guest) bits.
  uint32_t t = 0;
  while (t == 0) t = static_cast<uint32_t>(Below(rng, 64)) & ~kInternalGuest;
  return t;
}

}  // namespace

std::string RandomGuid(Rng& rng) {
  Guid g{rng(), rng()};
  return FormatGuid(g);
}

RequestGenerator::RequestGenerator(const policy::v1::PolicyBundle& bundle,
                                   uint64_t seed,
                                   RequestGeneratorOptions options)
    : tenants_(CollectIds(bundle, options.extra_apps)),
      options_(std::move(options)),
      rng_(seed) {
  for (const TenantIds& t : tenants_) all_tenant_ids_.push_back(t.tenant_id);
}

RequestBuilder RequestGenerator::Next() {
  Rng& rng = rng_;
  RequestBuilder b;
  static const TenantIds kEmpty;
  const TenantIds& t = tenants_.empty() ? kEmpty : Pick(rng, tenants_);
  if (tenants_.empty() || Chance(rng, options_.unknown_tenant_percent)) {
    b.Tenant(RandomGuid(rng));
  } else {
    b.Tenant(t.tenant_id);
  }
  Request& r = b.mutable_request();

  // Who.
  if (Chance(rng, 8)) {
    b.ServicePrincipal(KnownOrFresh(rng, t.service_principals, 70));
    b.ServicePrincipalRisk(AnyRisk(rng));
  } else {
    b.User(KnownOrFresh(rng, t.users, 80));
    for (const std::string& g : t.groups) {
      if (Chance(rng, 35)) b.AddGroup(g);
    }
    if (Chance(rng, 10)) b.AddGroup(RandomGuid(rng));
    for (const std::string& role : t.roles) {
      if (Chance(rng, 15)) b.AddRole(role);
    }
    const int who = std::uniform_int_distribution<int>(0, 99)(rng);
    if (who < 45) {
      // A member: nothing to add (home tenant zero, sometimes explicit).
      if (Chance(rng, 20)) b.External(t.tenant_id, 0);
    } else if (who < 52) {
      b.External(t.tenant_id, kInternalGuest);
    } else if (who < 88) {
      // An external Entra user from a partner, another loaded tenant, a
      // tenant named in externalTenants, or an unconfigured one.
      std::string home;
      const int from = std::uniform_int_distribution<int>(0, 99)(rng);
      if (from < 40 && !t.partner_tenants.empty()) {
        home = Pick(rng, t.partner_tenants);
      } else if (from < 60 && all_tenant_ids_.size() > 1) {
        home = Pick(rng, all_tenant_ids_);
      } else if (from < 80 && !t.external_tenants.empty()) {
        home = Pick(rng, t.external_tenants);
      } else {
        home = RandomGuid(rng);
      }
      if (home == t.tenant_id) home = RandomGuid(rng);
      b.External(home, ExternalTypes(rng),
                 Chance(rng, 85) ? IdentitySource::kEntra
                                 : IdentitySource::kUnspecified);
      b.HomeUser(KnownOrFresh(rng, t.home_users, 50));
      for (const std::string& g : t.home_groups) {
        if (Chance(rng, 30)) b.AddHomeGroup(g);
      }
    } else {
      // A non-Entra identity (no home tenant, or a random one).
      b.External(Chance(rng, 70) ? "" : RandomGuid(rng),
                 AnyOf(rng, {kB2bCollaborationGuest, kOtherExternalUser,
                             kB2bCollaborationMember}),
                 AnyOf(rng, {IdentitySource::kMicrosoftAccount,
                             IdentitySource::kEmailOneTimePasscode,
                             IdentitySource::kSocial,
                             IdentitySource::kSamlWsFederation}));
    }
    b.SignInRisk(AnyRisk(rng));
    b.UserRisk(AnyRisk(rng));
    b.Insider(AnyOf(rng, {InsiderRisk::kUnspecified, InsiderRisk::kMinor,
                          InsiderRisk::kModerate, InsiderRisk::kElevated}));
  }

  // What.
  const int target = std::uniform_int_distribution<int>(0, 99)(rng);
  if (target < 80) {
    b.App(KnownOrFresh(rng, t.apps, 85));
  } else if (target < 90) {
    b.Action(
        AnyOf(rng, {UserAction::kRegisterSecurityInfo,
                    UserAction::kRegisterDevice, UserAction::kUnspecified}));
  } else {
    b.AuthContext(!t.auth_contexts.empty() && Chance(rng, 70)
                      ? Pick(rng, t.auth_contexts)
                      : static_cast<int>(1 + Below(rng, 10)));
  }
  if (Chance(rng, 25)) b.ClientApplication(KnownOrFresh(rng, t.apps, 60));

  // Where and how.
  b.Client(
      AnyOf(rng, {ClientApp::kUnspecified, ClientApp::kBrowser,
                  ClientApp::kBrowser, ClientApp::kMobileAppsAndDesktopClients,
                  ClientApp::kMobileAppsAndDesktopClients,
                  ClientApp::kExchangeActiveSync, ClientApp::kOther}));
  b.OnPlatform(
      AnyOf(rng, {Platform::kUnspecified, Platform::kAndroid, Platform::kIos,
                  Platform::kWindows, Platform::kWindowsPhone, Platform::kMacOs,
                  Platform::kLinux, Platform::kUnknown}));
  if (Chance(rng, 85)) {
    absl::optional<IpAddress> ip;
    if (!t.cidrs.empty() && Chance(rng, 70)) {
      ip = AddressNear(rng, Pick(rng, t.cidrs), Chance(rng, 30));
    }
    r.has_ip = true;
    r.ip = ip.has_value() ? *ip : RandomAddress(rng);
  }
  if (Chance(rng, 70)) b.Country(RandomCountry(rng, t.countries));
  if (Chance(rng, 20)) b.GpsCountry(RandomCountry(rng, t.countries));
  if (Chance(rng, 10)) b.CompliantNetwork();
  b.Flow(AnyOf(
      rng, {AuthenticationFlow::kUnspecified, AuthenticationFlow::kUnspecified,
            AuthenticationFlow::kUnspecified, AuthenticationFlow::kUnspecified,
            AuthenticationFlow::kDeviceCodeFlow,
            AuthenticationFlow::kAuthenticationTransfer}));
  if (options_.device_factory && Chance(rng, 60)) {
    b.Device(options_.device_factory(rng));
  }

  // Claims.
  if (Chance(rng, 35)) b.Mfa(AnyOrigin(rng));
  r.claims.mfa_origin = r.claims.mfa ? r.claims.mfa_origin : AnyOrigin(rng);
  if (Chance(rng, 50)) {
    // One or two methods, drawn to make combinations cover sometimes.
    const int n = 1 + static_cast<int>(Below(rng, 3));
    uint32_t bits = 0;
    for (int i = 0; i < n; ++i) bits |= 1u << (1 + Below(rng, 17));
    if (Chance(rng, 50))
      bits |= 1u << policy::v1::AUTHENTICATION_METHOD_MODE_PASSWORD;
    b.MethodBits(bits);
  }
  if (Chance(rng, 30)) b.CompliantDevice(AnyOrigin(rng));
  if (Chance(rng, 20)) b.HybridJoinedDevice(AnyOrigin(rng));
  if (Chance(rng, 20)) b.ApprovedApp();
  if (Chance(rng, 20)) b.AppProtection();
  if (Chance(rng, 15)) b.PasswordChanged();
  if (Chance(rng, 15)) b.RiskRemediated();
  for (const std::string& id : t.terms_of_use) {
    if (Chance(rng, 40)) b.AcceptTerms(id);
  }
  for (const std::string& id : t.custom_controls) {
    if (Chance(rng, 40)) b.SatisfyCustomControl(id);
  }

  if (Chance(rng, 5)) {
    b.TenantRestrictions(!all_tenant_ids_.empty() && Chance(rng, 80)
                             ? Pick(rng, all_tenant_ids_)
                             : RandomGuid(rng));
  }
  return b;
}

std::string RequestDebugString(const Request& r) {
  auto ids = [](GuidList v) {
    return absl::StrJoin(v, ",", [](std::string* out, const Guid& g) {
      out->append(FormatGuid(g));
    });
  };
  auto country = [](const char(&c)[2]) {
    return c[0] == 0 ? std::string("-") : std::string(c, 2);
  };
  std::string terms = ids(r.claims.accepted_terms_of_use);
  std::string custom = absl::StrJoin(r.claims.satisfied_custom_controls, ",");
  return absl::StrCat(
      "resource_tenant=", FormatGuid(r.resource_tenant_id),
      "\nprincipal_kind=", static_cast<int>(r.principal_kind),
      " principal=", FormatGuid(r.principal_id),
      "\nhome_tenant=", FormatGuid(r.home_tenant_id), " external_types=0x",
      absl::Hex(r.external_user_types),
      " identity_source=", static_cast<int>(r.identity_source),
      " home_user=", FormatGuid(r.home_user_id), "\nhome_groups=[",
      ids(r.home_groups), "]\ngroups=[", ids(r.groups), "]\nroles=[",
      ids(r.roles), "]\ntarget_kind=", static_cast<int>(r.target_kind),
      " app=", FormatGuid(r.application_id),
      " client_app_id=", FormatGuid(r.client_application_id),
      " user_action=", static_cast<int>(r.user_action),
      " auth_context=", static_cast<int>(r.authentication_context),
      "\nclient_app=", static_cast<int>(r.client_app),
      " platform=", static_cast<int>(r.platform),
      " ip=", r.has_ip ? FormatIpAddress(r.ip) : "-",
      " country=", country(r.country), " gps_country=", country(r.gps_country),
      " compliant_network=", r.compliant_network,
      "\nsign_in_risk=", static_cast<int>(r.sign_in_risk),
      " user_risk=", static_cast<int>(r.user_risk),
      " sp_risk=", static_cast<int>(r.service_principal_risk),
      " insider=", static_cast<int>(r.insider_risk),
      " flow=", static_cast<int>(r.authentication_flow),
      " device=", r.device == nullptr ? "null" : "set",
      "\nclaims: mfa=", r.claims.mfa,
      " mfa_origin=", static_cast<int>(r.claims.mfa_origin), " methods=0x",
      absl::Hex(r.claims.authentication_methods),
      " compliant=", r.claims.compliant_device,
      " hybrid=", r.claims.hybrid_joined_device,
      " device_origin=", static_cast<int>(r.claims.device_origin),
      " approved_app=", r.claims.approved_application,
      " app_protection=", r.claims.app_protection_policy,
      " password_changed=", r.claims.password_changed,
      " risk_remediated=", r.claims.risk_remediated, " terms=[", terms,
      "] custom=[", custom, "]\ntenant_restrictions=",
      r.tenant_restrictions_signal ? FormatGuid(r.tenant_restrictions_tenant_id)
                                   : std::string("-"));
}

}  // namespace testing
}  // namespace crossgate
