// signInConditions (with deviceInfo) and the claims extension of the request
// JSON format (docs/request.md).

#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "lib/model/cidr.h"
#include "lib/request_json/request_enums.h"
#include "lib/request_json/request_reader_internal.h"

namespace crossgate {
namespace request_json_internal {

using Access = ParsedRequestAccess;

namespace {

// ISO 3166 alpha-2, stored upper-case.
absl::Status ReadCountry(const JsonValue& value, const JsonPath& path,
                         char out[2]) {
  absl::string_view text;
  if (absl::Status s = GetString(value, path, &text); !s.ok()) return s;
  if (text.size() != 2 ||
      !absl::ascii_isalpha(static_cast<unsigned char>(text[0])) ||
      !absl::ascii_isalpha(static_cast<unsigned char>(text[1]))) {
    return PathError(path, absl::StrCat("expected an ISO 3166 alpha-2 country "
                                        "code, got ",
                                        QuoteForMessage(text)));
  }
  out[0] = absl::ascii_toupper(static_cast<unsigned char>(text[0]));
  out[1] = absl::ascii_toupper(static_cast<unsigned char>(text[1]));
  return absl::OkStatus();
}

absl::Status ReadRisk(const JsonValue& value, const JsonPath& path,
                      RiskLevel* out) {
  absl::string_view text;
  if (absl::Status s = GetString(value, path, &text); !s.ok()) return s;
  if (!ParseRiskLevel(text, out)) return UnknownValue(path, text);
  return absl::OkStatus();
}

absl::Status ReadAuthenticationFlow(const JsonValue& value,
                                    const JsonPath& path,
                                    AuthenticationFlow* out) {
  simdjson::dom::object object;
  if (absl::Status s = ExpectObject(value, path, &object); !s.ok()) return s;
  static constexpr absl::string_view kKeys[] = {"transferMethod"};
  static const KeyTable kTable(kKeys);
  JsonSlot slots[1];
  if (absl::Status s = BindMembers(object, kTable, slots, path); !s.ok()) {
    return s;
  }
  if (slots[0] == nullptr) return absl::OkStatus();  // none
  JsonPath method_path = path.Child("transferMethod");
  absl::string_view text;
  if (absl::Status s = GetString(*slots[0], method_path, &text); !s.ok()) {
    return s;
  }
  if (!ParseTransferMethod(text, out)) return UnknownValue(method_path, text);
  return absl::OkStatus();
}

enum ConditionKey {
  kCoDevicePlatform,
  kCoClientAppType,
  kCoIpAddress,
  kCoCountry,
  kCoSignInRiskLevel,
  kCoUserRiskLevel,
  kCoServicePrincipalRiskLevel,
  kCoInsiderRiskLevel,
  kCoAuthenticationFlow,
  kCoDeviceInfo,
  kCoGpsCountry,
  kCoCompliantNetwork,
  kCoAgentIdRiskLevel,
  kCoKeyCount,
};
constexpr absl::string_view kConditionKeys[kCoKeyCount] = {
    "devicePlatform",
    "clientAppType",
    "ipAddress",
    "country",
    "signInRiskLevel",
    "userRiskLevel",
    "servicePrincipalRiskLevel",
    "insiderRiskLevel",
    "authenticationFlow",
    "deviceInfo",
    "gpsCountry",
    "compliantNetwork",
    "agentIdRiskLevel",
};

// deviceInfo members: the filter properties (request_device.h order), the
// What-If spelling `ownership`, and the crossgate extension `registered`.
enum DeviceExtraKey {
  kDevOwnership = kDeviceStringCount,
  kDevIsCompliant,
  kDevPhysicalIds,
  kDevSystemLabels,
  kDevRegistered,
  kDevKeyCount,
};

// Filled once from DeviceStringName plus the extra members above.
const absl::string_view* DeviceKeyTable() {
  static const struct Table {
    absl::string_view names[kDevKeyCount];
    Table() {
      for (int i = 0; i < kDeviceStringCount; ++i)
        names[i] = DeviceStringName(i);
      names[kDevOwnership] = "ownership";
      names[kDevIsCompliant] = "isCompliant";
      names[kDevPhysicalIds] = "physicalIds";
      names[kDevSystemLabels] = "systemLabels";
      names[kDevRegistered] = "registered";
    }
  } table;
  return table.names;
}

// `ownership` / `deviceOwnership`: the filter values are Personal and Company
// (spec 4.10); Intune's `unknown` reads as null.
absl::Status ReadOwnership(const JsonValue& value, const JsonPath& path,
                           RequestDevice* device) {
  absl::string_view text;
  if (absl::Status s = GetString(value, path, &text); !s.ok()) return s;
  constexpr int kIndex = static_cast<int>(DeviceText::kDeviceOwnership);
  if (SameWord(text, "personal")) {
    device->Set(kIndex, "Personal");
  } else if (SameWord(text, "company")) {
    device->Set(kIndex, "Company");
  } else if (!SameWord(text, "unknown")) {
    return UnknownValue(path, text);
  }
  return absl::OkStatus();
}

// trustType: AzureAD (Entra joined; What-If writes "EntraID"), ServerAD
// (hybrid joined), Workplace (registered). Spec 4.10, last bullet.
absl::Status ReadTrustType(const JsonValue& value, const JsonPath& path,
                           RequestDevice* device) {
  absl::string_view text;
  if (absl::Status s = GetString(value, path, &text); !s.ok()) return s;
  constexpr int kIndex = static_cast<int>(DeviceText::kTrustType);
  if (SameWord(text, "AzureAD") || SameWord(text, "EntraID")) {
    device->Set(kIndex, "AzureAD");
  } else if (SameWord(text, "ServerAD")) {
    device->Set(kIndex, "ServerAD");
  } else if (SameWord(text, "Workplace")) {
    device->Set(kIndex, "Workplace");
  } else {
    return UnknownValue(path, text);
  }
  return absl::OkStatus();
}

// deviceId and mdmAppId are GUIDs; they are stored canonical (lower case).
absl::Status ReadGuidString(const JsonValue& value, const JsonPath& path,
                            int index, RequestDevice* device) {
  Guid guid;
  if (absl::Status s = GetGuid(value, path, &guid); !s.ok()) return s;
  absl::string_view text;
  (void)GetString(value, path, &text);  // a string: GetGuid read it
  if (text.size() == 36) {
    // A valid 36-character GUID lower-cased is FormatGuid's text, without
    // formatting it.
    device->Set(index, text);
    std::string& stored = device->strings[index];
    for (char& c : stored)
      c = absl::ascii_tolower(static_cast<unsigned char>(c));
  } else {
    device->Set(index, FormatGuid(guid));  // {braced}
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status ReadDeviceInfo(const JsonValue& device_info, const JsonPath& path,
                            RequestDevice* device,
                            std::vector<std::string>* spare,
                            std::vector<std::string>* notes) {
  simdjson::dom::object object;
  if (absl::Status s = ExpectObject(device_info, path, &object); !s.ok()) {
    return s;
  }
  const absl::string_view* keys = DeviceKeyTable();
  static const KeyTable kTable(absl::MakeConstSpan(keys, kDevKeyCount));
  JsonSlot slots[kDevKeyCount];
  if (absl::Status s = BindMembers(object, kTable, slots, path); !s.ok()) {
    return s;
  }
  constexpr int kOwnership = static_cast<int>(DeviceText::kDeviceOwnership);
  if (slots[kOwnership] != nullptr && slots[kDevOwnership] != nullptr) {
    return PathError(path.Child("ownership"),
                     "give either ownership or deviceOwnership, not both");
  }
  for (int i = 0; i < kDeviceStringCount; ++i) {
    JsonSlot value = slots[i];
    if (i == kOwnership && value == nullptr) value = slots[kDevOwnership];
    if (value == nullptr) continue;
    JsonPath at = path.Child(
        i == kOwnership && slots[i] == nullptr ? keys[kDevOwnership] : keys[i]);
    absl::Status s;
    switch (static_cast<DeviceText>(i)) {
      case DeviceText::kDeviceOwnership:
        s = ReadOwnership(*value, at, device);
        break;
      case DeviceText::kTrustType:
        s = ReadTrustType(*value, at, device);
        break;
      case DeviceText::kDeviceId:
      case DeviceText::kMdmAppId:
        s = ReadGuidString(*value, at, i, device);
        break;
      default: {
        absl::string_view text;
        s = GetString(*value, at, &text);
        if (s.ok()) device->Set(i, text);
        break;
      }
    }
    if (!s.ok()) return s;
  }
  if (slots[kDevIsCompliant] != nullptr) {
    bool compliant = false;
    if (absl::Status s = GetBool(*slots[kDevIsCompliant],
                                 path.Child("isCompliant"), &compliant);
        !s.ok()) {
      return s;
    }
    device->is_compliant = compliant;
  }
  if (slots[kDevPhysicalIds] != nullptr) {
    device->has_physical_ids = true;
    if (absl::Status s =
            GetStringList(*slots[kDevPhysicalIds], path.Child("physicalIds"),
                          &device->physical_ids, spare);
        !s.ok()) {
      return s;
    }
  }
  if (slots[kDevSystemLabels] != nullptr) {
    device->has_system_labels = true;
    if (absl::Status s =
            GetStringList(*slots[kDevSystemLabels], path.Child("systemLabels"),
                          &device->system_labels, spare);
        !s.ok()) {
      return s;
    }
  }
  JsonPath registered_path = path.Child("registered");
  if (slots[kDevRegistered] != nullptr) {
    if (absl::Status s = GetBool(*slots[kDevRegistered], registered_path,
                                 &device->registered);
        !s.ok()) {
      return s;
    }
    if (!device->registered && device->has_attributes()) {
      Note(notes, registered_path,
           " is false: the device's attributes are ignored (an unregistered "
           "device has no filter properties)");
    }
  } else if (device->has_attributes()) {
    device->registered = true;
    Note(notes, registered_path,
         " not given: the device is registered (attributes are given)");
  } else {
    Note(notes, path, " is empty: the device is unregistered");
  }
  return absl::OkStatus();
}

absl::Status ReadConditions(JsonSlot conditions, const JsonPath& path,
                            bool is_user, ParsedRequest* out,
                            std::vector<std::string>* notes) {
  JsonSlot slots[kCoKeyCount];
  if (conditions != nullptr) {
    simdjson::dom::object object;
    if (absl::Status s = ExpectObject(*conditions, path, &object); !s.ok()) {
      return s;
    }
    static const KeyTable kTable(kConditionKeys);
    if (absl::Status s = BindMembers(object, kTable, slots, path); !s.ok()) {
      return s;
    }
  }
  Request& req = Access::request(out);

  JsonPath platform_path = path.Child("devicePlatform");
  if (slots[kCoDevicePlatform] != nullptr) {
    absl::string_view text;
    if (absl::Status s =
            GetString(*slots[kCoDevicePlatform], platform_path, &text);
        !s.ok()) {
      return s;
    }
    PlatformWord word = PlatformWord::kPlatform;
    if (!ParsePlatform(text, &req.platform, &word)) {
      // Spec 4.7: a platform CA does not know (e.g. ChromeOS) matches only
      // `all` and is never excluded.
      req.platform = Platform::kUnknown;
      if (notes != nullptr) {
        Note(notes, platform_path, " ", QuoteForMessage(text),
             " is not a known platform: read as an unknown platform");
      }
    } else if (word == PlatformWord::kAll) {
      Note(notes, platform_path, " \"all\": read as not supplied");
    }
  } else if (is_user) {
    Note(notes, platform_path, " not given: not supplied");
  }

  JsonPath client_path = path.Child("clientAppType");
  if (slots[kCoClientAppType] != nullptr) {
    absl::string_view text;
    if (absl::Status s =
            GetString(*slots[kCoClientAppType], client_path, &text);
        !s.ok()) {
      return s;
    }
    bool is_all = false;
    if (!ParseClientApp(text, &req.client_app, &is_all)) {
      return UnknownValue(client_path, text);
    }
    if (is_all) {
      Note(notes, client_path, " \"all\": read as not supplied");
    }
  } else if (is_user) {
    Note(notes, client_path, " not given: not supplied");
  }

  if (slots[kCoIpAddress] != nullptr) {
    JsonPath ip_path = path.Child("ipAddress");
    absl::string_view text;
    if (absl::Status s = GetString(*slots[kCoIpAddress], ip_path, &text);
        !s.ok()) {
      return s;
    }
    absl::optional<IpAddress> ip = ParseIpAddress(text);
    if (!ip.has_value()) {
      return PathError(
          ip_path, absl::StrCat("not an IP address: ", QuoteForMessage(text)));
    }
    req.has_ip = true;
    req.ip = *ip;
  }
  if (slots[kCoCountry] != nullptr) {
    if (absl::Status s =
            ReadCountry(*slots[kCoCountry], path.Child("country"), req.country);
        !s.ok()) {
      return s;
    }
  }
  if (slots[kCoGpsCountry] != nullptr) {
    if (absl::Status s = ReadCountry(*slots[kCoGpsCountry],
                                     path.Child("gpsCountry"), req.gps_country);
        !s.ok()) {
      return s;
    }
  }
  if (slots[kCoCompliantNetwork] != nullptr) {
    if (absl::Status s =
            GetBool(*slots[kCoCompliantNetwork], path.Child("compliantNetwork"),
                    &req.compliant_network);
        !s.ok()) {
      return s;
    }
  }
  struct {
    int key;
    RiskLevel* out;
  } risks[] = {{kCoSignInRiskLevel, &req.sign_in_risk},
               {kCoUserRiskLevel, &req.user_risk},
               {kCoServicePrincipalRiskLevel, &req.service_principal_risk}};
  for (const auto& risk : risks) {
    if (slots[risk.key] == nullptr) continue;
    if (absl::Status s = ReadRisk(
            *slots[risk.key], path.Child(kConditionKeys[risk.key]), risk.out);
        !s.ok()) {
      return s;
    }
  }
  if (slots[kCoInsiderRiskLevel] != nullptr) {
    JsonPath insider_path = path.Child("insiderRiskLevel");
    absl::string_view text;
    if (absl::Status s =
            GetString(*slots[kCoInsiderRiskLevel], insider_path, &text);
        !s.ok()) {
      return s;
    }
    if (!ParseInsiderRisk(text, &req.insider_risk)) {
      return UnknownValue(insider_path, text);
    }
  }
  if (slots[kCoAuthenticationFlow] != nullptr) {
    if (absl::Status s = ReadAuthenticationFlow(
            *slots[kCoAuthenticationFlow], path.Child("authenticationFlow"),
            &req.authentication_flow);
        !s.ok()) {
      return s;
    }
  }
  if (slots[kCoAgentIdRiskLevel] != nullptr) {
    // Graph beta; agent identities are outside this engine.
    JsonPath agent_path = path.Child("agentIdRiskLevel");
    if (absl::Status s =
            CheckNoDuplicateKeys(*slots[kCoAgentIdRiskLevel], agent_path);
        !s.ok()) {
      return s;
    }
    Note(notes, agent_path,
         " is not evaluated (agent identities are not modelled)");
  }

  JsonPath device_path = path.Child("deviceInfo");
  if (slots[kCoDeviceInfo] != nullptr) {
    if (absl::Status s = ReadDeviceInfo(*slots[kCoDeviceInfo], device_path,
                                        &Access::device(out),
                                        Access::spare_strings(out), notes);
        !s.ok()) {
      return s;
    }
  } else if (is_user) {
    Note(notes, device_path, " not given: the device is unregistered");
  }
  return absl::OkStatus();
}

namespace {

enum ClaimKey {
  kClMfa,
  kClMfaOrigin,
  kClAuthenticationMethods,
  kClCompliantDevice,
  kClHybridJoinedDevice,
  kClDeviceClaimsOrigin,
  kClApprovedApplication,
  kClAppProtectionPolicy,
  kClPasswordChanged,
  kClRiskRemediated,
  kClAcceptedTermsOfUse,
  kClSatisfiedCustomControls,
  kClKeyCount,
};
constexpr absl::string_view kClaimKeys[kClKeyCount] = {
    "mfa",
    "mfaOrigin",
    "authenticationMethods",
    "compliantDevice",
    "hybridJoinedDevice",
    "deviceClaimsOrigin",
    "approvedApplication",
    "appProtectionPolicy",
    "passwordChanged",
    "riskRemediated",
    "acceptedTermsOfUse",
    "satisfiedCustomControls",
};

absl::Status ReadOrigin(const JsonValue& value, const JsonPath& path,
                        ClaimOrigin* out) {
  absl::string_view text;
  if (absl::Status s = GetString(value, path, &text); !s.ok()) return s;
  if (!ParseClaimOrigin(text, out)) return UnknownValue(path, text);
  return absl::OkStatus();
}

absl::Status ReadMethods(const JsonValue& value, const JsonPath& path,
                         uint32_t* bits) {
  simdjson::dom::array items;
  if (absl::Status s = ExpectArray(value, path, &items); !s.ok()) return s;
  int i = 0;
  for (JsonValue item : items) {
    JsonPath at = path.Element(i++);
    absl::string_view text;
    if (absl::Status s = GetString(item, at, &text); !s.ok()) return s;
    int mode = 0;
    if (!ParseAuthenticationMethod(text, &mode)) return UnknownValue(at, text);
    *bits |= 1u << mode;
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status ReadClaims(JsonSlot claims, const JsonPath& path, bool is_user,
                        ParsedRequest* out, std::vector<std::string>* notes) {
  JsonSlot slots[kClKeyCount];
  if (claims != nullptr) {
    simdjson::dom::object object;
    if (absl::Status s = ExpectObject(*claims, path, &object); !s.ok()) {
      return s;
    }
    static const KeyTable kTable(kClaimKeys);
    if (absl::Status s = BindMembers(object, kTable, slots, path); !s.ok()) {
      return s;
    }
  } else if (is_user) {
    Note(notes, path,
         " not given: the session has no MFA, device or app claims");
  }
  Claims& c = Access::request(out).claims;
  struct {
    int key;
    bool* out;
  } flags[] = {{kClMfa, &c.mfa},
               {kClCompliantDevice, &c.compliant_device},
               {kClHybridJoinedDevice, &c.hybrid_joined_device},
               {kClApprovedApplication, &c.approved_application},
               {kClAppProtectionPolicy, &c.app_protection_policy},
               {kClPasswordChanged, &c.password_changed},
               {kClRiskRemediated, &c.risk_remediated}};
  for (const auto& flag : flags) {
    if (slots[flag.key] == nullptr) continue;
    if (absl::Status s = GetBool(*slots[flag.key],
                                 path.Child(kClaimKeys[flag.key]), flag.out);
        !s.ok()) {
      return s;
    }
  }
  if (slots[kClMfaOrigin] != nullptr) {
    if (absl::Status s = ReadOrigin(*slots[kClMfaOrigin],
                                    path.Child("mfaOrigin"), &c.mfa_origin);
        !s.ok()) {
      return s;
    }
  }
  if (slots[kClDeviceClaimsOrigin] != nullptr) {
    if (absl::Status s =
            ReadOrigin(*slots[kClDeviceClaimsOrigin],
                       path.Child("deviceClaimsOrigin"), &c.device_origin);
        !s.ok()) {
      return s;
    }
  }
  if (slots[kClAuthenticationMethods] != nullptr) {
    if (absl::Status s = ReadMethods(*slots[kClAuthenticationMethods],
                                     path.Child("authenticationMethods"),
                                     &c.authentication_methods);
        !s.ok()) {
      return s;
    }
  }
  if (slots[kClAcceptedTermsOfUse] != nullptr) {
    if (absl::Status s = GetGuidList(*slots[kClAcceptedTermsOfUse],
                                     path.Child("acceptedTermsOfUse"),
                                     &Access::accepted_terms_of_use(out));
        !s.ok()) {
      return s;
    }
  }
  if (slots[kClSatisfiedCustomControls] != nullptr) {
    if (absl::Status s = GetStringList(*slots[kClSatisfiedCustomControls],
                                       path.Child("satisfiedCustomControls"),
                                       &Access::custom_controls(out),
                                       Access::spare_strings(out));
        !s.ok()) {
      return s;
    }
  }

  // A registered device's own state stands in for device claims the request
  // does not state (What-If bodies carry deviceInfo.isCompliant only).
  const RequestDevice& device = Access::device(out);
  if (device.registered) {
    if (slots[kClCompliantDevice] == nullptr &&
        device.is_compliant.value_or(false)) {
      c.compliant_device = true;
      Note(notes, path.Child("compliantDevice"),
           " not given: true from signInConditions.deviceInfo.isCompliant");
    }
    if (slots[kClHybridJoinedDevice] == nullptr &&
        device.has(DeviceText::kTrustType) &&
        device.get(DeviceText::kTrustType) == "ServerAD") {
      c.hybrid_joined_device = true;
      Note(notes, path.Child("hybridJoinedDevice"),
           " not given: true from signInConditions.deviceInfo.trustType "
           "ServerAD");
    }
  }
  return absl::OkStatus();
}

}  // namespace request_json_internal
}  // namespace crossgate
