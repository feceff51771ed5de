#include "lib/compile/tenant_tables.h"

#include <algorithm>
#include <map>
#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "lib/compile/builtin_strengths.h"
#include "lib/eval/request.h"

namespace crossgate {
namespace {

namespace pb = ::crossgate::policy::v1;

constexpr uint32_t M(pb::AuthenticationMethodMode m) {
  return uint32_t{1} << static_cast<int>(m);
}

}  // namespace

uint32_t HomeTenantMethods() {
  return M(pb::AUTHENTICATION_METHOD_MODE_PASSWORD) |
         M(pb::AUTHENTICATION_METHOD_MODE_SMS) |
         M(pb::AUTHENTICATION_METHOD_MODE_VOICE) |
         M(pb::AUTHENTICATION_METHOD_MODE_MICROSOFT_AUTHENTICATOR_PUSH) |
         M(pb::AUTHENTICATION_METHOD_MODE_DEVICE_BASED_PUSH) |
         M(pb::AUTHENTICATION_METHOD_MODE_SOFTWARE_OATH) |
         M(pb::AUTHENTICATION_METHOD_MODE_HARDWARE_OATH) |
         M(pb::AUTHENTICATION_METHOD_MODE_FIDO2) |
         M(pb::AUTHENTICATION_METHOD_MODE_WINDOWS_HELLO_FOR_BUSINESS) |
         M(pb::AUTHENTICATION_METHOD_MODE_X509_CERTIFICATE_SINGLE_FACTOR) |
         M(pb::AUTHENTICATION_METHOD_MODE_X509_CERTIFICATE_MULTI_FACTOR);
}

uint32_t ResourceTenantMethods() {
  return M(pb::AUTHENTICATION_METHOD_MODE_PASSWORD) |
         M(pb::AUTHENTICATION_METHOD_MODE_SMS) |
         M(pb::AUTHENTICATION_METHOD_MODE_VOICE) |
         M(pb::AUTHENTICATION_METHOD_MODE_MICROSOFT_AUTHENTICATOR_PUSH) |
         M(pb::AUTHENTICATION_METHOD_MODE_SOFTWARE_OATH);
}

void BuildLocationTable(const pb::TenantPolicies& tenant, TenantContext& ctx) {
  for (int i = 0; i < tenant.named_locations_size(); ++i) {
    const pb::NamedLocation& nl = tenant.named_locations(i);
    const std::string path = absl::StrCat(ctx.path, "/namedLocations/", nl.id());
    absl::optional<Guid> id = ParseGuid(nl.id());
    if (!id.has_value() || id->is_zero()) {
      ReportBadId(ctx, path + "/id", nl.id());
      continue;
    }
    if (ctx.location_index.contains(*id)) {
      ctx.issues->Error(IssueCode::kDuplicateId, path, "duplicate named location id");
      continue;
    }
    LocationModel m;
    m.id = *id;
    switch (nl.kind_case()) {
      case pb::NamedLocation::kIp:
        m.kind = LocationModel::Kind::kIp;
        m.trusted = nl.ip().is_trusted();
        for (int r = 0; r < nl.ip().ip_ranges_size(); ++r) {
          absl::optional<Cidr> cidr = ParseCidr(nl.ip().ip_ranges(r).cidr_address());
          if (!cidr.has_value()) {
            ctx.issues->Error(IssueCode::kBadCidr,
                              absl::StrCat(path, "/ipRanges[", r, "]/cidrAddress"),
                              absl::StrCat("\"", nl.ip().ip_ranges(r).cidr_address(),
                                           "\" is not a CIDR range"));
            continue;
          }
          m.ranges.push_back(*cidr);
        }
        break;
      case pb::NamedLocation::kCountry: {
        m.kind = LocationModel::Kind::kCountry;
        const pb::CountryNamedLocation& c = nl.country();
        m.include_unknown = c.include_unknown_countries_and_regions();
        m.gps = c.country_lookup_method() ==
                pb::CountryNamedLocation::LOOKUP_METHOD_AUTHENTICATOR_APP_GPS;
        for (int k = 0; k < c.countries_and_regions_size(); ++k) {
          const std::string& code = c.countries_and_regions(k);
          int slot = code.size() == 2 ? CountrySlot(code[0], code[1])
                                      : kUnknownCountrySlot;
          if (slot == kUnknownCountrySlot) {
            ctx.issues->Error(IssueCode::kBadCountry,
                              absl::StrCat(path, "/countriesAndRegions[", k, "]"),
                              absl::StrCat("\"", code, "\" is not an ISO 3166 alpha-2 code"));
            continue;
          }
          m.country_slots.push_back(slot);
        }
        break;
      }
      case pb::NamedLocation::kCompliantNetwork:
        m.kind = LocationModel::Kind::kCompliantNetwork;
        m.trusted = true;  // D16
        break;
      default:
        ctx.issues->Error(IssueCode::kMissingField, path,
                          "named location has no ip, country or compliant-network kind");
        continue;
    }
    ctx.location_index[*id] = static_cast<uint32_t>(ctx.locations.size());
    if (m.trusted) ctx.trusted_locations.push_back(static_cast<uint32_t>(ctx.locations.size()));
    ctx.locations.push_back(std::move(m));
  }
  // D16: the zero GUID is the tenant's MFA trusted IPs (empty unless given).
  LocationModel trusted_ips;
  trusted_ips.kind = LocationModel::Kind::kIp;
  trusted_ips.trusted = true;
  for (int r = 0; r < tenant.mfa_trusted_ips_size(); ++r) {
    absl::optional<Cidr> cidr = ParseCidr(tenant.mfa_trusted_ips(r));
    if (!cidr.has_value()) {
      ctx.issues->Error(IssueCode::kBadCidr,
                        absl::StrCat(ctx.path, "/mfaTrustedIps[", r, "]"),
                        absl::StrCat("\"", tenant.mfa_trusted_ips(r),
                                     "\" is not a CIDR range"));
      continue;
    }
    trusted_ips.ranges.push_back(*cidr);
  }
  ctx.location_index[Guid()] = static_cast<uint32_t>(ctx.locations.size());
  ctx.trusted_locations.push_back(static_cast<uint32_t>(ctx.locations.size()));
  ctx.locations.push_back(std::move(trusted_ips));
}

void BuildStrengthTable(const pb::TenantPolicies& tenant, TenantContext& ctx) {
  // id (lower case) -> definition; the tenant's entries replace shipped ones.
  std::map<std::string, const pb::AuthenticationStrengthPolicy*> by_id;
  for (const auto& s : ShippedBuiltInStrengths()) {
    by_id[absl::AsciiStrToLower(s.id())] = &s;
  }
  for (int i = 0; i < tenant.authentication_strength_policies_size(); ++i) {
    const auto& s = tenant.authentication_strength_policies(i);
    if (s.id().empty()) {
      ctx.issues->Error(IssueCode::kMissingField,
                        absl::StrCat(ctx.path, "/authenticationStrengthPolicies[", i, "]/id"),
                        "authentication strength without an id");
      continue;
    }
    by_id[absl::AsciiStrToLower(s.id())] = &s;
  }
  const uint32_t home = HomeTenantMethods();
  const uint32_t resource = ResourceTenantMethods();
  for (const auto& [id, s] : by_id) {
    CompiledStrength cs;
    cs.satisfies_mfa = s->requirements_satisfied() ==
                       pb::AuthenticationStrengthPolicy::REQUIREMENTS_SATISFIED_MFA;
    for (int c = 0; c < s->allowed_combinations_size(); ++c) {
      uint32_t mask = 0;
      bool valid = true;
      for (int mode : s->allowed_combinations(c).modes()) {
        if (mode <= 0 || mode >= 32) { valid = false; break; }
        mask |= uint32_t{1} << mode;
      }
      if (!valid || mask == 0) {
        ctx.issues->Error(IssueCode::kUnknownEnum,
                          absl::StrCat(ctx.path, "/authenticationStrengthPolicies/", s->id(),
                                       "/allowedCombinations[", c, "]"),
                          "unknown or empty authentication method combination (D7)");
        continue;
      }
      cs.combinations.push_back(mask);
      if ((mask & ~home) == 0) cs.home_combinations.push_back(mask);
      if ((mask & ~resource) == 0) cs.resource_combinations.push_back(mask);
    }
    ctx.strength_index[id] = static_cast<uint32_t>(ctx.strengths.size());
    ctx.strengths.push_back(std::move(cs));
    ctx.strength_ids.push_back(s->id());
    ctx.strength_names.push_back(s->display_name());
  }
}

void CollectControlIds(const pb::TenantPolicies& tenant, TenantContext& ctx) {
  std::set<std::string> terms, custom;
  for (const auto& p : tenant.conditional_access_policies()) {
    for (const std::string& t : p.grant_controls().terms_of_use()) {
      absl::optional<Guid> id = ParseGuid(t);
      if (id.has_value()) terms.insert(FormatGuid(*id));
    }
    for (int i = 0; i < p.grant_controls().custom_authentication_factors_size(); ++i) {
      const std::string& c = p.grant_controls().custom_authentication_factors(i);
      if (c.empty()) {
        ctx.issues->Error(IssueCode::kMissingField,
                          absl::StrCat(ctx.path, "/conditionalAccessPolicies/", p.id(),
                                       "/grantControls/customAuthenticationFactors[", i, "]"),
                          "empty custom control id");
        continue;
      }
      custom.insert(c);
    }
  }
  for (const std::string& t : terms) {
    ctx.terms_of_use_index[t] = static_cast<uint32_t>(ctx.terms_of_use.size());
    ctx.terms_of_use.push_back(t);
    ctx.terms_of_use_guids.push_back(*ParseGuid(t));
  }
  for (const std::string& c : custom) {
    ctx.custom_control_index[c] = static_cast<uint32_t>(ctx.custom_controls.size());
    ctx.custom_controls.push_back(c);
  }
}

}  // namespace crossgate
