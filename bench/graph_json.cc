// TenantDocumentJson (workload.h): the generated main tenant written back as
// a crossgate tenant document in Graph JSON (docs/loading.md, the shapes of
// examples/policies/contoso.json), covering exactly the fields the workload
// generator sets. bench/workload_benchmark.cc checks that loading it gives
// the generated model back.

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "bench/workload.h"
#include "lib/load/graph_enum.h"

namespace crossgate {
namespace bench {
namespace {

namespace pb = ::crossgate::policy::v1;

std::string Quote(absl::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof(buf), "\\u%04x", c);
      out += buf;
    } else {
      out.push_back(c);
    }
  }
  out.push_back('"');
  return out;
}

template <typename List>
std::string Strings(const List& list) {
  std::string out = "[";
  bool first = true;
  for (const auto& s : list) {
    if (!first) out += ",";
    first = false;
    out += Quote(s);
  }
  return out + "]";
}

template <typename E>
std::string EnumName(int value) {
  return load_internal::GraphEnumName(google::protobuf::GetEnumDescriptor<E>(),
                                      value);
}

template <typename E, typename List>
std::string Enums(const List& list) {
  std::string out = "[";
  for (int i = 0; i < list.size(); ++i) {
    if (i) out += ",";
    out += Quote(EnumName<E>(list.Get(i)));
  }
  return out + "]";
}

std::string Guests(const pb::GuestsOrExternalUsers& g) {
  std::vector<std::string> types;
  for (int t : g.guest_or_external_user_types()) {
    types.push_back(EnumName<pb::GuestOrExternalUserType>(t));
  }
  std::string out = absl::StrCat("{\"guestOrExternalUserTypes\":",
                                 Quote(absl::StrJoin(types, ",")));
  if (g.has_external_tenants()) {
    if (g.external_tenants_membership_kind() ==
        pb::GuestsOrExternalUsers::MEMBERSHIP_KIND_ALL) {
      out +=
          ",\"externalTenants\":{\"@odata.type\":\"#microsoft.graph."
          "conditionalAccessAllExternalTenants\",\"membershipKind\":\"all\"}";
    } else {
      absl::StrAppend(
          &out,
          ",\"externalTenants\":{\"@odata.type\":\"#microsoft.graph."
          "conditionalAccessEnumeratedExternalTenants\","
          "\"membershipKind\":\"enumerated\",\"members\":",
          Strings(g.external_tenant_ids()), "}");
    }
  }
  return out + "}";
}

std::string Filter(const pb::Filter& f) {
  return absl::StrCat(
      "{\"mode\":",
      Quote(f.mode() == pb::Filter::MODE_INCLUDE ? "include" : "exclude"),
      ",\"rule\":", Quote(f.rule()), "}");
}

std::string Conditions(const pb::ConditionSet& c) {
  const pb::Users& u = c.users();
  std::string out =
      absl::StrCat("{\"users\":{\"includeUsers\":", Strings(u.include_users()),
                   ",\"excludeUsers\":", Strings(u.exclude_users()),
                   ",\"includeGroups\":", Strings(u.include_groups()),
                   ",\"excludeGroups\":", Strings(u.exclude_groups()),
                   ",\"includeRoles\":", Strings(u.include_roles()),
                   ",\"excludeRoles\":", Strings(u.exclude_roles()),
                   ",\"includeGuestsOrExternalUsers\":",
                   u.has_include_guests_or_external_users()
                       ? Guests(u.include_guests_or_external_users())
                       : "null",
                   ",\"excludeGuestsOrExternalUsers\":",
                   u.has_exclude_guests_or_external_users()
                       ? Guests(u.exclude_guests_or_external_users())
                       : "null",
                   "}");
  const pb::Applications& a = c.applications();
  absl::StrAppend(
      &out, ",\"applications\":{\"includeApplications\":",
      Strings(a.include_applications()),
      ",\"excludeApplications\":", Strings(a.exclude_applications()),
      ",\"includeUserActions\":", Strings(a.include_user_actions()),
      ",\"includeAuthenticationContextClassReferences\":",
      Strings(a.include_authentication_context_class_references()), "}");
  absl::StrAppend(&out, ",\"clientAppTypes\":",
                  Enums<pb::ClientAppType>(c.client_app_types()));
  if (c.has_platforms()) {
    absl::StrAppend(
        &out, ",\"platforms\":{\"includePlatforms\":",
        Enums<pb::DevicePlatform>(c.platforms().include_platforms()),
        ",\"excludePlatforms\":",
        Enums<pb::DevicePlatform>(c.platforms().exclude_platforms()), "}");
  } else {
    out += ",\"platforms\":null";
  }
  if (c.has_locations()) {
    absl::StrAppend(&out, ",\"locations\":{\"includeLocations\":",
                    Strings(c.locations().include_locations()),
                    ",\"excludeLocations\":",
                    Strings(c.locations().exclude_locations()), "}");
  } else {
    out += ",\"locations\":null";
  }
  if (c.has_devices()) {
    absl::StrAppend(&out, ",\"devices\":{\"deviceFilter\":",
                    Filter(c.devices().device_filter()), "}");
  } else {
    out += ",\"devices\":null";
  }
  absl::StrAppend(
      &out,
      ",\"signInRiskLevels\":", Enums<pb::RiskLevel>(c.sign_in_risk_levels()),
      ",\"userRiskLevels\":", Enums<pb::RiskLevel>(c.user_risk_levels()),
      ",\"servicePrincipalRiskLevels\":[]}");
  return out;
}

std::string Grant(const pb::ConditionalAccessPolicy& p) {
  if (!p.has_grant_controls()) return "null";
  const pb::GrantControls& g = p.grant_controls();
  return absl::StrCat(
      "{\"operator\":",
      Quote(g.operator_() == pb::GrantControls::OPERATOR_AND ? "AND" : "OR"),
      ",\"builtInControls\":", Enums<pb::BuiltInControl>(g.built_in_controls()),
      ",\"customAuthenticationFactors\":",
      Strings(g.custom_authentication_factors()),
      ",\"termsOfUse\":", Strings(g.terms_of_use()),
      ",\"authenticationStrength\":",
      g.authentication_strength_id().empty()
          ? std::string("null")
          : absl::StrCat("{\"id\":", Quote(g.authentication_strength_id()),
                         "}"),
      "}");
}

std::string Session(const pb::ConditionalAccessPolicy& p) {
  if (!p.has_session_controls()) return "null";
  const pb::SessionControls& s = p.session_controls();
  std::vector<std::string> parts;
  if (s.has_application_enforced_restrictions()) {
    parts.push_back(absl::StrCat(
        "\"applicationEnforcedRestrictions\":{\"isEnabled\":",
        s.application_enforced_restrictions().is_enabled() ? "true" : "false",
        "}"));
  }
  if (s.has_cloud_app_security()) {
    parts.push_back(absl::StrCat(
        "\"cloudAppSecurity\":{\"isEnabled\":",
        s.cloud_app_security().is_enabled() ? "true" : "false",
        ",\"cloudAppSecurityType\":",
        Quote(EnumName<pb::SessionControls::CloudAppSecurity::Type>(
            s.cloud_app_security().cloud_app_security_type())),
        "}"));
  }
  if (s.has_sign_in_frequency()) {
    const auto& f = s.sign_in_frequency();
    parts.push_back(absl::StrCat(
        "\"signInFrequency\":{\"isEnabled\":",
        f.is_enabled() ? "true" : "false", ",\"type\":",
        Quote(EnumName<pb::SessionControls::SignInFrequency::Unit>(f.type())),
        ",\"value\":", f.value(), ",\"frequencyInterval\":",
        Quote(EnumName<pb::SessionControls::SignInFrequency::FrequencyInterval>(
            f.frequency_interval())),
        "}"));
  }
  if (s.has_persistent_browser()) {
    parts.push_back(absl::StrCat(
        "\"persistentBrowser\":{\"isEnabled\":",
        s.persistent_browser().is_enabled() ? "true" : "false", ",\"mode\":",
        Quote(EnumName<pb::SessionControls::PersistentBrowser::Mode>(
            s.persistent_browser().mode())),
        "}"));
  }
  return absl::StrCat("{", absl::StrJoin(parts, ","), "}");
}

std::string Location(const pb::NamedLocation& l) {
  std::string out;
  if (l.has_ip()) {
    absl::StrAppend(
        &out, "{\"@odata.type\":\"#microsoft.graph.ipNamedLocation\",\"id\":",
        Quote(l.id()), ",\"displayName\":", Quote(l.display_name()),
        ",\"isTrusted\":", l.ip().is_trusted() ? "true" : "false",
        ",\"ipRanges\":[");
    for (int i = 0; i < l.ip().ip_ranges_size(); ++i) {
      const pb::IpRange& r = l.ip().ip_ranges(i);
      absl::StrAppend(&out, i ? "," : "",
                      "{\"@odata.type\":\"#microsoft.graph.",
                      r.ipv6() ? "iPv6CidrRange" : "iPv4CidrRange",
                      "\",\"cidrAddress\":", Quote(r.cidr_address()), "}");
    }
    return out + "]}";
  }
  const pb::CountryNamedLocation& c = l.country();
  return absl::StrCat(
      "{\"@odata.type\":\"#microsoft.graph.countryNamedLocation\",\"id\":",
      Quote(l.id()), ",\"displayName\":", Quote(l.display_name()),
      ",\"countriesAndRegions\":", Strings(c.countries_and_regions()),
      ",\"includeUnknownCountriesAndRegions\":",
      c.include_unknown_countries_and_regions() ? "true" : "false",
      ",\"countryLookupMethod\":",
      Quote(
          c.country_lookup_method() ==
                  pb::CountryNamedLocation::LOOKUP_METHOD_AUTHENTICATOR_APP_GPS
              ? "authenticatorAppGps"
              : "clientIpAddress"),
      "}");
}

std::string Half(const pb::CrossTenantAccessTargetConfiguration& h) {
  std::string out = absl::StrCat(
      "{\"accessType\":",
      Quote(
          h.access_type() ==
                  pb::CrossTenantAccessTargetConfiguration::ACCESS_TYPE_ALLOWED
              ? "allowed"
              : "blocked"),
      ",\"targets\":[");
  for (int i = 0; i < h.targets_size(); ++i) {
    absl::StrAppend(&out, i ? "," : "",
                    "{\"target\":", Quote(h.targets(i).target()),
                    ",\"targetType\":",
                    Quote(EnumName<pb::CrossTenantAccessTarget::TargetType>(
                        h.targets(i).target_type())),
                    "}");
  }
  return out + "]}";
}

std::string B2b(const pb::B2BSetting& s) {
  std::vector<std::string> parts;
  if (s.has_users_and_groups())
    parts.push_back("\"usersAndGroups\":" + Half(s.users_and_groups()));
  if (s.has_applications())
    parts.push_back("\"applications\":" + Half(s.applications()));
  return absl::StrCat("{", absl::StrJoin(parts, ","), "}");
}

std::string OptionalBool(bool has, bool value) {
  return has ? (value ? "true" : "false") : "null";
}

// The members of one settings object (default or partner), without braces.
std::string Settings(const pb::CrossTenantAccessSettings& s) {
  std::vector<std::string> parts;
  if (s.has_inbound_trust()) {
    const pb::InboundTrust& t = s.inbound_trust();
    parts.push_back(absl::StrCat(
        "\"inboundTrust\":{\"isMfaAccepted\":",
        OptionalBool(t.has_is_mfa_accepted(), t.is_mfa_accepted()),
        ",\"isCompliantDeviceAccepted\":",
        OptionalBool(t.has_is_compliant_device_accepted(),
                     t.is_compliant_device_accepted()),
        ",\"isHybridAzureADJoinedDeviceAccepted\":",
        OptionalBool(t.has_is_hybrid_azure_ad_joined_device_accepted(),
                     t.is_hybrid_azure_ad_joined_device_accepted()),
        "}"));
  }
  auto add = [&](const char* name, bool has, const pb::B2BSetting& b) {
    parts.push_back(absl::StrCat("\"", name, "\":", has ? B2b(b) : "null"));
  };
  add("b2bCollaborationInbound", s.has_b2b_collaboration_inbound(),
      s.b2b_collaboration_inbound());
  add("b2bCollaborationOutbound", s.has_b2b_collaboration_outbound(),
      s.b2b_collaboration_outbound());
  add("b2bDirectConnectInbound", s.has_b2b_direct_connect_inbound(),
      s.b2b_direct_connect_inbound());
  add("b2bDirectConnectOutbound", s.has_b2b_direct_connect_outbound(),
      s.b2b_direct_connect_outbound());
  return absl::StrJoin(parts, ",");
}

}  // namespace

std::string TenantDocumentJson(const pb::TenantPolicies& t) {
  std::string out = absl::StrCat("{\"tenantId\":", Quote(t.tenant_id()),
                                 ",\n\"conditionalAccessPolicies\":[");
  for (int i = 0; i < t.conditional_access_policies_size(); ++i) {
    const pb::ConditionalAccessPolicy& p = t.conditional_access_policies(i);
    absl::StrAppend(&out, i ? ",\n" : "\n", "{\"id\":", Quote(p.id()),
                    ",\"displayName\":", Quote(p.display_name()),
                    ",\"state\":", Quote(EnumName<pb::PolicyState>(p.state())),
                    ",\"conditions\":", Conditions(p.conditions()),
                    ",\"grantControls\":", Grant(p),
                    ",\"sessionControls\":", Session(p), "}");
  }
  out += "],\n\"namedLocations\":[";
  for (int i = 0; i < t.named_locations_size(); ++i) {
    absl::StrAppend(&out, i ? ",\n" : "\n", Location(t.named_locations(i)));
  }
  absl::StrAppend(
      &out, "],\n\"authenticationStrengthPolicies\":[],\n\"mfaTrustedIps\":",
      Strings(t.mfa_trusted_ips()));
  if (t.has_cross_tenant_access_policy()) {
    const pb::CrossTenantAccessPolicy& x = t.cross_tenant_access_policy();
    absl::StrAppend(
        &out, ",\n\"crossTenantAccessPolicy\":{\"displayName\":",
        Quote(x.display_name()),
        ",\"allowedCloudEndpoints\":", Strings(x.allowed_cloud_endpoints()),
        ",\"default\":{\"isServiceDefault\":false",
        x.default_configuration().has_settings() ? "," : "",
        Settings(x.default_configuration().settings()), "},\n\"partners\":[");
    for (int i = 0; i < x.partners_size(); ++i) {
      const pb::CrossTenantAccessPartner& p = x.partners(i);
      std::string settings = Settings(p.settings());
      absl::StrAppend(
          &out, i ? ",\n" : "\n", "{\"tenantId\":", Quote(p.tenant_id()),
          ",\"isServiceProvider\":",
          OptionalBool(p.has_is_service_provider(), p.is_service_provider()),
          ",\"isInMultiTenantOrganization\":",
          OptionalBool(p.has_is_in_multi_tenant_organization(),
                       p.is_in_multi_tenant_organization()),
          settings.empty() ? "" : ",", settings, "}");
    }
    out += "]}";
  }
  return out + "}\n";
}

}  // namespace bench
}  // namespace crossgate
