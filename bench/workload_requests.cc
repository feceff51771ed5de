// GenerateRequests (workload.h): sign-ins shaped like production traffic
// over the generated directory. Mixes are stated next to each draw.

#include <algorithm>
#include <cstdio>
#include <vector>

#include "bench/workload.h"
#include "bench/workload_internal.h"
#include "lib/model/cidr.h"

namespace crossgate {
namespace bench {
namespace {

namespace pb = ::crossgate::policy::v1;

// Request countries: most sign-ins from the corpus's allowed countries
// (workload.cc), a few from elsewhere.
struct WeightedCountry {
  const char* code;
  int weight;
};
constexpr WeightedCountry kRequestCountries[] = {
    {"US", 300}, {"NL", 140}, {"GB", 100}, {"DE", 100}, {"IN", 80}, {"FR", 50},
    {"JP", 40},  {"BR", 40},  {"CA", 30},  {"AU", 30},  {"PL", 20}, {"ES", 20},
    {"IE", 10},  {"SE", 10},  {"CN", 5},   {"ZA", 5},   {"MX", 5},  {"RU", 3}};

}  // namespace

// ---------------------------------------------------------------------------
// Requests.

namespace {

ClientApp PickClient(Rng& rng) {
  int c = rng.Below(100);
  return c < 68   ? ClientApp::kBrowser
         : c < 97 ? ClientApp::kMobileAppsAndDesktopClients
         : c < 99 ? ClientApp::kExchangeActiveSync
                  : ClientApp::kOther;
}

Platform PickPlatform(Rng& rng) {
  int p = rng.Below(100);
  return p < 55   ? Platform::kWindows
         : p < 71 ? Platform::kIos
         : p < 84 ? Platform::kAndroid
         : p < 97 ? Platform::kMacOs
         : p < 99 ? Platform::kLinux
                  : Platform::kUnknown;
}

RiskLevel PickRisk(Rng& rng) {
  int r = rng.Below(1000);
  return r < 940   ? RiskLevel::kNoRisk
         : r < 975 ? RiskLevel::kLow
         : r < 993 ? RiskLevel::kMedium
                   : RiskLevel::kHigh;
}

// 30% IPv6. Office/branch/VPN (trusted) 35%, cloud egress 5%, hosting 2%,
// partner networks 3%, the rest the public internet.
IpAddress PickIp(Rng& rng, bool small_tenant, int small_index) {
  char buf[64];
  const bool v6 = rng.Percent(30);
  const int where = rng.Below(100);
  if (small_tenant && where < 35 && !v6) {
    std::snprintf(buf, sizeof(buf), "%d.%d.%d.%d", 60 + small_index % 100,
                  (small_index / 100) % 250, small_index % 256,
                  rng.Between(1, 254));
  } else if (where < 35) {
    if (v6) {
      std::snprintf(buf, sizeof(buf), "2a01:4a0:%x:%x::%x",
                    rng.Percent(50) ? 1 : 11 + rng.Below(4),
                    0x100 + rng.Below(200), rng.Between(1, 0xffff));
    } else {
      std::snprintf(buf, sizeof(buf), "40.64.%d.%d", rng.Below(10),
                    rng.Between(1, 254));
    }
  } else if (where < 40) {
    if (v6) {
      std::snprintf(buf, sizeof(buf), "2603:10%d0:%x::%x", rng.Below(2),
                    1 + rng.Below(10), rng.Between(1, 0xffff));
    } else {
      std::snprintf(buf, sizeof(buf), "20.%d.%d.%d", 40 + rng.Below(4),
                    rng.Below(256), rng.Between(1, 254));
    }
  } else if (where < 42 && !v6) {
    std::snprintf(buf, sizeof(buf), "150.%d.%d.%d", rng.Below(200),
                  rng.Below(256), rng.Between(1, 254));
  } else if (where < 45 && !v6) {
    std::snprintf(buf, sizeof(buf), "81.%d.%d.%d", 10 + rng.Below(3),
                  rng.Below(10), rng.Between(1, 254));
  } else if (v6) {
    std::snprintf(buf, sizeof(buf), "2a0%x:%x:%x::%x", 1 + rng.Below(9),
                  rng.Between(1, 0xffff), rng.Between(1, 0xffff),
                  rng.Between(1, 0xffff));
  } else {
    std::snprintf(buf, sizeof(buf), "%d.%d.%d.%d", 1 + rng.Below(223),
                  rng.Below(256), rng.Below(256), rng.Between(1, 254));
  }
  return *ParseIpAddress(buf);
}

void PickCountry(Rng& rng, char out[2]) {
  if (rng.Below(200) == 0) return;  // unknown
  int total = 0;
  for (const auto& c : kRequestCountries) total += c.weight;
  int x = rng.Below(total);
  for (const auto& c : kRequestCountries) {
    if ((x -= c.weight) < 0) {
      out[0] = c.code[0];
      out[1] = c.code[1];
      return;
    }
  }
}

// A device as the resource tenant's directory knows it (strings are static).
void PickDevice(Rng& rng, Platform platform, bool managed, bool compliant,
                device_filter::DeviceAttributes* d) {
  using device_filter::DeviceText;
  d->registered = true;
  d->is_compliant = compliant;
  (*d)[DeviceText::kTrustType] =
      managed ? (rng.Percent(40) ? "ServerAD" : "AzureAD") : "Workplace";
  (*d)[DeviceText::kDeviceOwnership] = managed ? "Company" : "Personal";
  (*d)[DeviceText::kOperatingSystem] = platform == Platform::kWindows
                                           ? "Windows"
                                       : platform == Platform::kMacOs ? "MacMDM"
                                       : platform == Platform::kIos   ? "iOS"
                                                                    : "Android";
  (*d)[DeviceText::kManufacturer] =
      rng.Percent(30) ? "Microsoft Corporation" : "Dell Inc.";
  (*d)[DeviceText::kModel] =
      rng.Percent(30) ? "Surface Laptop 5" : "Latitude 7440";
  if (managed)
    (*d)[device_filter::ExtensionAttribute(1)] =
        rng.Percent(5) ? "PAW" : "Standard";
}

void FillCommon(Rng& rng, Request* r, int small_index) {
  r->principal_kind = PrincipalKind::kUser;
  r->target_kind = TargetKind::kApplication;
  r->client_app = PickClient(rng);
  r->platform = PickPlatform(rng);
  r->has_ip = true;
  r->ip = PickIp(rng, small_index >= 0, small_index);
  PickCountry(rng, r->country);
  r->sign_in_risk = PickRisk(rng);
  r->user_risk = rng.Percent(98) ? RiskLevel::kNoRisk : RiskLevel::kMedium;
  r->claims.mfa = rng.Percent(60);
  if (r->claims.mfa) {
    r->claims.authentication_methods =
        (1u << pb::AUTHENTICATION_METHOD_MODE_PASSWORD) |
        (1u
         << (rng.Percent(80)
                 ? pb::AUTHENTICATION_METHOD_MODE_MICROSOFT_AUTHENTICATOR_PUSH
                 : pb::AUTHENTICATION_METHOD_MODE_FIDO2));
  } else {
    r->claims.authentication_methods =
        1u << pb::AUTHENTICATION_METHOD_MODE_PASSWORD;
  }
  // Three quarters of sign-ins come from managed (Intune-compliant)
  // devices; mobile Office apps are approved clients with app protection.
  const bool managed_platform =
      r->platform != Platform::kLinux && r->platform != Platform::kUnknown;
  const bool managed = managed_platform && rng.Percent(75);
  r->claims.compliant_device = managed && rng.Percent(95);
  r->claims.hybrid_joined_device =
      managed && r->platform == Platform::kWindows && rng.Percent(40);
  const bool mobile =
      r->platform == Platform::kIos || r->platform == Platform::kAndroid;
  if (mobile && r->client_app == ClientApp::kMobileAppsAndDesktopClients &&
      rng.Percent(85)) {
    r->claims.approved_application = true;
    r->claims.app_protection_policy = true;
  }
}

}  // namespace

RequestStream GenerateRequests(const Workload& w, int n, uint64_t seed) {
  RequestStream s;
  Rng rng(seed ^ 0x7265717565737473ull);
  s.requests.reserve(n);
  s.devices.reserve(n);
  const int app_count = static_cast<int>(w.apps.size());
  for (int i = 0; i < n; ++i) {
    Request r;
    const bool small = !w.small_tenants.empty() && rng.Percent(50);
    if (small) {
      const int k = rng.Below(static_cast<int>(w.small_tenants.size()));
      const SmallTenant& t = w.small_tenants[k];
      FillCommon(rng, &r, k + 1);
      r.resource_tenant_id = t.id;
      r.principal_id =
          G(IdText(kUserKind, static_cast<uint32_t>(k + 1), rng.Below(500)));
      const int first = rng.Below(static_cast<int>(t.groups.size()));
      r.groups = absl::MakeConstSpan(t.groups).subspan(
          first, std::min<size_t>(3, t.groups.size() - first));
      r.application_id = t.apps[rng.Skewed(static_cast<int>(t.apps.size()))];
      ++s.small_tenant;
    } else {
      FillCommon(rng, &r, -1);
      r.resource_tenant_id = w.main_tenant;
      r.application_id = w.apps[rng.Skewed(app_count)];
      if (w.guests.empty() || rng.Percent(87)) {
        const Principal& p =
            w.members[rng.Below(static_cast<int>(w.members.size()))];
        r.principal_id = p.id;
        r.groups = p.groups;
        r.roles = p.roles;
        if (rng.Percent(50) && r.platform != Platform::kLinux &&
            r.platform != Platform::kUnknown) {
          s.devices.emplace_back();
          PickDevice(rng, r.platform,
                     r.claims.compliant_device || r.claims.hybrid_joined_device,
                     r.claims.compliant_device, &s.devices.back());
          r.device = &s.devices.back();
        }
        ++s.members;
      } else {
        const Principal& p =
            w.guests[rng.Below(static_cast<int>(w.guests.size()))];
        r.principal_id = p.id;
        r.groups = p.groups;
        r.home_tenant_id = p.home_tenant;
        r.home_user_id = p.home_user;
        r.home_groups = p.home_groups;
        r.external_user_types = kB2bCollaborationGuest;
        r.identity_source = IdentitySource::kEntra;
        r.claims.mfa_origin = ClaimOrigin::kHomeTenant;
        r.claims.device_origin = ClaimOrigin::kHomeTenant;
        ++s.guests;
      }
    }
    s.requests.push_back(r);
  }
  return s;
}

}  // namespace bench
}  // namespace crossgate
