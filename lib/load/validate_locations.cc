// Named locations, CIDRs and country codes (entra-semantics.md 4.8, D16).

#include "absl/strings/str_cat.h"
#include "lib/load/cidr_text.h"
#include "lib/load/country_codes.h"
#include "lib/load/filter_rule_check.h"
#include "lib/load/validate_enum.h"
#include "lib/load/validate_internal.h"

namespace crossgate {
namespace load_internal {

namespace pb = ::crossgate::policy::v1;

void Validator::CheckCidr(absl::string_view cidr, const std::string& path,
                          bool* ipv6) {
  absl::optional<Cidr> parsed = ParseCidrText(cidr);
  if (!parsed) {
    Error(IssueCode::kBadCidr, path,
          absl::StrCat("\"", cidr, "\" is not an IPv4 or IPv6 CIDR range"));
    return;
  }
  if (ipv6 != nullptr) *ipv6 = parsed->base.v6;
  if (parsed->prefix < kMinCidrPrefix) {
    Error(IssueCode::kBadCidr, path,
          absl::StrCat("\"", cidr,
                       "\": prefixes of /8 or shorter are not "
                       "allowed (Entra requires more than /8)"));
    return;
  }
  if (FormatCidr(*parsed) != cidr) {
    Error(IssueCode::kBadCidr, path,
          absl::StrCat("\"", cidr, "\" is not canonical (", FormatCidr(*parsed),
                       ")"));
  }
}

void Validator::ValidateNamedLocation(const pb::NamedLocation& location,
                                      const std::string& path) {
  CheckGuid(location.id(), absl::StrCat(path, "/id"), "named location id");
  CheckDisplayName(location.display_name(), absl::StrCat(path, "/displayName"));
  switch (location.kind_case()) {
    case pb::NamedLocation::kIp: {
      const pb::IpNamedLocation& ip = location.ip();
      std::string rpath = absl::StrCat(path, "/ipRanges");
      if (ip.ip_ranges_size() == 0) {
        // An empty range list would match no address: fail-open as an
        // include, and Graph requires ranges.
        Error(IssueCode::kMissingField, rpath,
              "an IP named location needs at least one range");
      }
      for (int i = 0; i < ip.ip_ranges_size(); ++i) {
        std::string at = absl::StrCat(rpath, "[", i, "]/cidrAddress");
        bool ipv6 = false;
        CheckCidr(ip.ip_ranges(i).cidr_address(), at, &ipv6);
        if (ParseCidrText(ip.ip_ranges(i).cidr_address()) &&
            ipv6 != ip.ip_ranges(i).ipv6()) {
          Error(IssueCode::kBadCidr, at,
                "ipv6 flag does not match the address");
        }
      }
      break;
    }
    case pb::NamedLocation::kCountry: {
      const pb::CountryNamedLocation& c = location.country();
      std::string cpath = absl::StrCat(path, "/countriesAndRegions");
      if (c.countries_and_regions_size() == 0 &&
          !c.include_unknown_countries_and_regions()) {
        Error(IssueCode::kMissingField, cpath,
              "a country named location needs at least one country (or "
              "includeUnknownCountriesAndRegions)");
      }
      for (int i = 0; i < c.countries_and_regions_size(); ++i) {
        if (!IsCountryCode(c.countries_and_regions(i))) {
          Error(IssueCode::kBadCountry, absl::StrCat(cpath, "[", i, "]"),
                absl::StrCat("\"", c.countries_and_regions(i),
                             "\" is not an ISO 3166-1 alpha-2 code"));
        }
      }
      CheckEnum<pb::CountryNamedLocation::LookupMethod>(
          *this, c.country_lookup_method(),
          absl::StrCat(path, "/countryLookupMethod"), false);
      break;
    }
    case pb::NamedLocation::kCompliantNetwork:
      break;
    case pb::NamedLocation::KIND_NOT_SET:
      Error(IssueCode::kMissingField, path,
            "a named location must be an ip, country or compliant-network "
            "location");
      break;
  }
}

void Validator::ValidateFilter(const pb::Filter& filter,
                               const std::string& path, bool device_rule) {
  CheckEnum<pb::Filter::Mode>(*this, filter.mode(), absl::StrCat(path, "/mode"),
                              true);
  absl::Status status = CheckFilterRule(
      filter.rule(),
      device_rule ? FilterRuleKind::kDevice : FilterRuleKind::kApplication);
  if (!status.ok()) {
    Error(filter.rule().empty() ? IssueCode::kMissingField
                                : IssueCode::kBadDeviceFilter,
          absl::StrCat(path, "/rule"), std::string(status.message()));
  }
}

}  // namespace load_internal
}  // namespace crossgate
