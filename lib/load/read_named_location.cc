#include "lib/load/read_named_location.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "lib/load/cidr_text.h"

namespace crossgate {
namespace load_internal {
namespace {

namespace pb = ::crossgate::policy::v1;

enum class Kind { kUnknown, kIp, kCountry, kCompliantNetwork };

Kind KindOf(const Struct& obj) {
  const Value* type = JsonReader::Find(obj, "@odata.type");
  if (type != nullptr && type->kind_case() == Value::kStringValue) {
    absl::string_view t = type->string_value();
    if (absl::EndsWith(t, ".ipNamedLocation")) return Kind::kIp;
    if (absl::EndsWith(t, ".countryNamedLocation")) return Kind::kCountry;
    if (absl::EndsWith(t, ".compliantNetworkNamedLocation")) {
      return Kind::kCompliantNetwork;
    }
  }
  if (JsonReader::Find(obj, "ipRanges") != nullptr) return Kind::kIp;
  if (JsonReader::Find(obj, "countriesAndRegions") != nullptr) {
    return Kind::kCountry;
  }
  if (JsonReader::Find(obj, "compliantNetworkType") != nullptr) {
    return Kind::kCompliantNetwork;
  }
  return Kind::kUnknown;
}

void ReadIpRanges(JsonReader& r, const Struct& obj, const std::string& path,
                  pb::IpNamedLocation* out) {
  const ListValue* ranges = r.List(obj, "ipRanges", path);
  if (ranges == nullptr) return;
  for (int i = 0; i < ranges->values_size(); ++i) {
    std::string rpath = Element(path, "ipRanges", i);
    const Value& item = ranges->values(i);
    if (item.kind_case() != Value::kStructValue) {
      r.WrongType(rpath, "an object", item);
      continue;
    }
    const Struct& range = item.struct_value();
    std::string cidr;
    if (!r.String(range, "cidrAddress", rpath, &cidr)) {
      r.issues().Error(IssueCode::kMissingField, Child(rpath, "cidrAddress"),
                       "an IP range needs its cidrAddress");
      continue;
    }
    pb::IpRange* out_range = out->add_ip_ranges();
    bool ipv6 = false;
    out_range->set_cidr_address(CanonicalCidr(cidr, &ipv6));
    out_range->set_ipv6(ipv6);
    // `@odata.type` names the family; it must agree with the address.
    const Value* type = JsonReader::Find(range, "@odata.type");
    if (type != nullptr && type->kind_case() == Value::kStringValue &&
        ParseCidrText(cidr).has_value()) {
      bool says_v6 =
          absl::EndsWithIgnoreCase(type->string_value(), "iPv6CidrRange");
      bool says_v4 =
          absl::EndsWithIgnoreCase(type->string_value(), "iPv4CidrRange");
      if ((says_v6 && !ipv6) || (says_v4 && ipv6)) {
        r.issues().Error(IssueCode::kBadCidr, Child(rpath, "cidrAddress"),
                         absl::StrCat("\"", cidr, "\" is not of the family ",
                                      type->string_value(), " says"));
      }
    }
  }
}

}  // namespace

std::string CanonicalCidr(absl::string_view text, bool* ipv6) {
  absl::optional<Cidr> cidr = ParseCidrText(text);
  if (!cidr) return std::string(text);
  *ipv6 = cidr->base.v6;
  return FormatCidr(*cidr);
}

void ReadNamedLocation(JsonReader& r, const Struct& obj,
                       const std::string& path, pb::NamedLocation* out) {
  std::string id;
  if (r.String(obj, "id", path, &id)) out->set_id(CanonicalId(id));
  r.String(obj, "displayName", path, out->mutable_display_name());
  switch (KindOf(obj)) {
    case Kind::kIp: {
      pb::IpNamedLocation* ip = out->mutable_ip();
      bool trusted = false;
      if (r.Bool(obj, "isTrusted", path, &trusted)) ip->set_is_trusted(trusted);
      ReadIpRanges(r, obj, path, ip);
      break;
    }
    case Kind::kCountry: {
      pb::CountryNamedLocation* country = out->mutable_country();
      const ListValue* codes = r.List(obj, "countriesAndRegions", path);
      for (int i = 0; codes != nullptr && i < codes->values_size(); ++i) {
        const Value& code = codes->values(i);
        if (code.kind_case() != Value::kStringValue) {
          r.WrongType(Element(path, "countriesAndRegions", i), "a string",
                      code);
          continue;
        }
        // ISO 3166 codes are stored upper-case; validation checks them.
        country->add_countries_and_regions(
            absl::AsciiStrToUpper(code.string_value()));
      }
      bool unknown = false;
      if (r.Bool(obj, "includeUnknownCountriesAndRegions", path, &unknown)) {
        country->set_include_unknown_countries_and_regions(unknown);
      }
      pb::CountryNamedLocation::LookupMethod method{};
      if (r.Enum(obj, "countryLookupMethod", path, &method)) {
        country->set_country_lookup_method(method);
      }
      break;
    }
    case Kind::kCompliantNetwork: {
      out->mutable_compliant_network();
      std::string type;
      if (r.String(obj, "compliantNetworkType", path, &type) &&
          !absl::EqualsIgnoreCase(absl::StripAsciiWhitespace(type),
                                  "allTenantCompliantNetworks")) {
        r.issues().Error(
            IssueCode::kUnknownEnum, Child(path, "compliantNetworkType"),
            absl::StrCat("unknown value \"", type,
                         "\" (expected allTenantCompliantNetworks)"));
      }
      break;
    }
    case Kind::kUnknown:
      r.issues().Error(IssueCode::kUnrecognizedDocument, path,
                       "not an ip, country or compliant-network named "
                       "location (no @odata.type, ipRanges or "
                       "countriesAndRegions)");
      break;
  }
}

}  // namespace load_internal
}  // namespace crossgate
