#include "lib/request_json/request_writer.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/types/span.h"
#include "lib/device_filter/device_attributes.h"
#include "lib/model/cidr.h"
#include "lib/model/guid.h"
#include "lib/request_json/request_enums.h"

namespace crossgate {

using request_json_internal::AuthenticationMethodName;
using request_json_internal::ClaimOriginName;
using request_json_internal::ClientAppName;
using request_json_internal::ExternalUserTypesName;
using request_json_internal::IdentitySourceName;
using request_json_internal::InsiderRiskName;
using request_json_internal::PlatformName;
using request_json_internal::RiskLevelName;
using request_json_internal::TransferMethodName;
using request_json_internal::UserActionName;

std::string JsonQuote(absl::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out.push_back('"');
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += absl::StrFormat("\\u%04x", static_cast<unsigned char>(c));
        } else {
          out.push_back(c);
        }
    }
  }
  out.push_back('"');
  return out;
}

namespace {

// Appends `"name":value` members, with commas between them.
class ObjectWriter {
 public:
  explicit ObjectWriter(std::string* out) : out_(out) { out_->push_back('{'); }
  void Raw(absl::string_view name, absl::string_view json) {
    if (!first_) out_->push_back(',');
    first_ = false;
    absl::StrAppend(out_, "\"", name, "\":", json);
  }
  void String(absl::string_view name, absl::string_view value) {
    Raw(name, JsonQuote(value));
  }
  void Bool(absl::string_view name, bool value) {
    Raw(name, value ? "true" : "false");
  }
  void Guid(absl::string_view name, const crossgate::Guid& value) {
    String(name, FormatGuid(value));
  }
  void GuidList(absl::string_view name, crossgate::GuidList ids) {
    std::string list = "[";
    for (size_t i = 0; i < ids.size(); ++i) {
      if (i > 0) list.push_back(',');
      list += JsonQuote(FormatGuid(ids[i]));
    }
    list.push_back(']');
    Raw(name, list);
  }
  template <typename Strings>
  void StringList(absl::string_view name, const Strings& values) {
    std::string list = "[";
    bool first = true;
    for (const auto& value : values) {
      if (!first) list.push_back(',');
      first = false;
      list += JsonQuote(value);
    }
    list.push_back(']');
    Raw(name, list);
  }
  void Close() { out_->push_back('}'); }

 private:
  std::string* out_;
  bool first_ = true;
};

std::string IdentityJson(const Request& r) {
  std::string out;
  ObjectWriter w(&out);
  if (r.principal_kind == PrincipalKind::kServicePrincipal) {
    w.String("@odata.type", "#microsoft.graph.servicePrincipalSignIn");
    w.Guid("servicePrincipalId", r.principal_id);
    w.Close();
    return out;
  }
  w.String("@odata.type", "#microsoft.graph.userSignIn");
  w.Guid("userId", r.principal_id);
  if (!r.home_tenant_id.is_zero()) w.Guid("externalTenantId", r.home_tenant_id);
  w.String("externalUserType", ExternalUserTypesName(r.external_user_types));
  if (r.identity_source != IdentitySource::kUnspecified) {
    w.String("identitySource", IdentitySourceName(r.identity_source));
  }
  if (!r.home_user_id.is_zero()) w.Guid("homeUserId", r.home_user_id);
  w.GuidList("groups", r.groups);
  w.GuidList("homeGroups", r.home_groups);
  w.GuidList("roles", r.roles);
  w.Close();
  return out;
}

std::string ContextJson(const Request& r) {
  std::string out;
  ObjectWriter w(&out);
  switch (r.target_kind) {
    case TargetKind::kUserAction:
      w.String("@odata.type", "#microsoft.graph.userActionContext");
      w.String("userAction", UserActionName(r.user_action));
      break;
    case TargetKind::kAuthenticationContext:
      w.String("@odata.type", "#microsoft.graph.authContext");
      w.String("authenticationContextValue",
               absl::StrCat("c", r.authentication_context));
      break;
    default:
      w.String("@odata.type", "#microsoft.graph.applicationContext");
      w.GuidList("includeApplications",
                 absl::MakeConstSpan(&r.application_id, 1));
      break;
  }
  if (!r.client_application_id.is_zero()) {
    w.Guid("clientApplicationId", r.client_application_id);
  }
  w.Close();
  return out;
}

std::string DeviceJson(const RequestDevice& d) {
  std::string out;
  ObjectWriter w(&out);
  w.Bool("registered", d.registered);
  for (int i = 0; i < kDeviceStringCount; ++i) {
    if ((d.present >> i) & 1u) w.String(DeviceStringName(i), d.strings[i]);
  }
  if (d.is_compliant.has_value()) w.Bool("isCompliant", *d.is_compliant);
  if (d.has_physical_ids) w.StringList("physicalIds", d.physical_ids);
  if (d.has_system_labels) w.StringList("systemLabels", d.system_labels);
  w.Close();
  return out;
}

// The device as the engine sees it (always registered when present).
std::string DeviceAttributesJson(const device_filter::DeviceAttributes& d) {
  std::string out;
  ObjectWriter w(&out);
  w.Bool("registered", d.registered);
  for (int i = 0; i < kDeviceStringCount; ++i) {
    const device_filter::DeviceString text = d.TextAt(i);
    if (text.has_value()) w.String(DeviceStringName(i), *text);
  }
  if (d.is_compliant.has_value()) w.Bool("isCompliant", *d.is_compliant);
  if (d.physical_ids.has_value()) w.StringList("physicalIds", *d.physical_ids);
  if (d.system_labels.has_value()) {
    w.StringList("systemLabels", *d.system_labels);
  }
  w.Close();
  return out;
}

std::string ConditionsJson(const Request& r, const RequestDevice* device) {
  std::string out;
  ObjectWriter w(&out);
  if (r.platform != Platform::kUnspecified) {
    w.String("devicePlatform", PlatformName(r.platform));
  }
  if (r.client_app != ClientApp::kUnspecified) {
    w.String("clientAppType", ClientAppName(r.client_app));
  }
  if (r.has_ip) w.String("ipAddress", FormatIpAddress(r.ip));
  if (r.country[0] != 0) w.String("country", absl::string_view(r.country, 2));
  if (r.gps_country[0] != 0) {
    w.String("gpsCountry", absl::string_view(r.gps_country, 2));
  }
  if (r.compliant_network) w.Bool("compliantNetwork", true);
  if (r.sign_in_risk != RiskLevel::kUnspecified) {
    w.String("signInRiskLevel", RiskLevelName(r.sign_in_risk));
  }
  if (r.user_risk != RiskLevel::kUnspecified) {
    w.String("userRiskLevel", RiskLevelName(r.user_risk));
  }
  if (r.service_principal_risk != RiskLevel::kUnspecified) {
    w.String("servicePrincipalRiskLevel",
             RiskLevelName(r.service_principal_risk));
  }
  if (r.insider_risk != InsiderRisk::kUnspecified) {
    w.String("insiderRiskLevel", InsiderRiskName(r.insider_risk));
  }
  if (r.authentication_flow != AuthenticationFlow::kUnspecified) {
    w.Raw("authenticationFlow",
          absl::StrCat("{\"transferMethod\":",
                       JsonQuote(TransferMethodName(r.authentication_flow)),
                       "}"));
  }
  if (device != nullptr) {
    if (device->registered || device->has_attributes()) {
      w.Raw("deviceInfo", DeviceJson(*device));
    }
  } else if (r.device != nullptr && r.device->registered) {
    w.Raw("deviceInfo", DeviceAttributesJson(*r.device));
  }
  w.Close();
  return out;
}

std::string ClaimsJson(const Claims& c) {
  std::string out;
  ObjectWriter w(&out);
  w.Bool("mfa", c.mfa);
  if (c.mfa_origin != ClaimOrigin::kUnspecified) {
    w.String("mfaOrigin", ClaimOriginName(c.mfa_origin));
  }
  std::vector<absl::string_view> methods;
  for (int mode = 0; mode < 32; ++mode) {
    if ((c.authentication_methods >> mode) & 1u) {
      methods.push_back(AuthenticationMethodName(mode));
    }
  }
  w.StringList("authenticationMethods", methods);
  w.Bool("compliantDevice", c.compliant_device);
  w.Bool("hybridJoinedDevice", c.hybrid_joined_device);
  if (c.device_origin != ClaimOrigin::kUnspecified) {
    w.String("deviceClaimsOrigin", ClaimOriginName(c.device_origin));
  }
  w.Bool("approvedApplication", c.approved_application);
  w.Bool("appProtectionPolicy", c.app_protection_policy);
  w.Bool("passwordChanged", c.password_changed);
  w.Bool("riskRemediated", c.risk_remediated);
  w.GuidList("acceptedTermsOfUse", c.accepted_terms_of_use);
  w.StringList("satisfiedCustomControls", c.satisfied_custom_controls);
  w.Close();
  return out;
}

std::string Format(const Request& r, const RequestDevice* device,
                   const bool* applied_policies_only) {
  std::string out;
  ObjectWriter w(&out);
  w.Guid("resourceTenantId", r.resource_tenant_id);
  w.Raw("signInIdentity", IdentityJson(r));
  w.Raw("signInContext", ContextJson(r));
  w.Raw("signInConditions", ConditionsJson(r, device));
  w.Raw("claims", ClaimsJson(r.claims));
  if (r.tenant_restrictions_signal) {
    w.Raw("tenantRestrictions",
          absl::StrCat("{\"tenantId\":",
                       JsonQuote(FormatGuid(r.tenant_restrictions_tenant_id)),
                       "}"));
  }
  if (applied_policies_only != nullptr) {
    w.Bool("appliedPoliciesOnly", *applied_policies_only);
  }
  w.Close();
  return out;
}

}  // namespace

std::string FormatRequestJson(const Request& request) {
  return Format(request, nullptr, nullptr);
}

std::string FormatRequestJson(const ParsedRequest& parsed) {
  bool applied = parsed.applied_policies_only();
  return Format(parsed.request(), &parsed.device(), &applied);
}

}  // namespace crossgate
