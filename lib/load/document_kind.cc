#include "lib/load/document_kind.h"

#include "absl/strings/match.h"
#include "absl/strings/strip.h"

namespace crossgate {
namespace load_internal {
namespace {

using K = ResourceKind;

absl::string_view StringMember(const Struct& obj, absl::string_view key) {
  const Value* v = JsonReader::Find(obj, key);
  if (v == nullptr || v->kind_case() != Value::kStringValue) return "";
  return v->string_value();
}

bool Has(const Struct& obj, absl::string_view key) {
  return JsonReader::Find(obj, key) != nullptr;
}

// `#microsoft.graph.ipNamedLocation` -> kind.
K KindFromType(absl::string_view type) {
  if (!absl::ConsumePrefix(&type, "#microsoft.graph.") &&
      !absl::ConsumePrefix(&type, "microsoft.graph.")) {
    return K::kUnknown;
  }
  struct Entry {
    absl::string_view type;
    K kind;
  };
  static constexpr Entry kTypes[] = {
      {"conditionalAccessPolicy", K::kConditionalAccessPolicy},
      {"whatIfAnalysisResult", K::kConditionalAccessPolicy},
      {"namedLocation", K::kNamedLocation},
      {"ipNamedLocation", K::kNamedLocation},
      {"countryNamedLocation", K::kNamedLocation},
      {"compliantNetworkNamedLocation", K::kNamedLocation},
      {"authenticationStrengthPolicy", K::kAuthenticationStrength},
      {"crossTenantAccessPolicy", K::kCrossTenantAccessPolicy},
      {"crossTenantAccessPolicyConfigurationDefault", K::kCrossTenantDefault},
      {"crossTenantAccessPolicyConfigurationPartner", K::kCrossTenantPartner},
      {"crossTenantIdentitySyncPolicyPartner", K::kIdentitySynchronization},
      {"authorizationPolicy", K::kAuthorizationPolicy},
      {"authenticationFlowsPolicy", K::kAuthenticationFlowsPolicy},
      {"emailAuthenticationMethodConfiguration", K::kEmailAuthenticationMethod},
      {"conditionalAccessTemplate", K::kConditionalAccessTemplate},
      {"invitation", K::kInvitation},
  };
  for (const Entry& e : kTypes) {
    if (e.type == type) return e.kind;
  }
  // fido2AuthenticationMethodConfiguration, smsAuthentication..., ...
  if (absl::EndsWith(type, "AuthenticationMethodConfiguration")) {
    return K::kOtherAuthenticationMethod;
  }
  return K::kUnknown;
}

// `https://graph.microsoft.com/beta/$metadata#identity/conditionalAccess/policies/$entity`
K KindFromContext(absl::string_view context) {
  size_t hash = context.find("$metadata#");
  if (hash == absl::string_view::npos) return K::kUnknown;
  absl::string_view c = context.substr(hash + 10);
  absl::ConsumeSuffix(&c, "/$entity");
  // Most specific first: a partner's identitySynchronization before partners.
  if (absl::StrContains(c, "conditionalAccess/templates")) {
    return K::kConditionalAccessTemplate;
  }
  if (absl::StrContains(c, "whatIfAnalysisResult")) {
    return K::kConditionalAccessPolicy;
  }
  if (absl::StrContains(c, "conditionalAccess/policies")) {
    return K::kConditionalAccessPolicy;
  }
  if (absl::StrContains(c, "conditionalAccess/namedLocations")) {
    return K::kNamedLocation;
  }
  if (absl::StrContains(c, "authenticationStrengthPolicies") ||
      absl::StrContains(c, "authenticationStrength/policies")) {
    return K::kAuthenticationStrength;
  }
  if (absl::StrContains(c, "identitySynchronization")) {
    return K::kIdentitySynchronization;
  }
  if (absl::StrContains(c, "crossTenantAccessPolicy/default")) {
    return K::kCrossTenantDefault;
  }
  if (absl::StrContains(c, "crossTenantAccessPolicy/partners")) {
    return K::kCrossTenantPartner;
  }
  if (absl::EndsWith(c, "crossTenantAccessPolicy")) {
    return K::kCrossTenantAccessPolicy;
  }
  if (absl::StrContains(c, "authorizationPolicy")) {
    return K::kAuthorizationPolicy;
  }
  if (absl::StrContains(c, "authenticationFlowsPolicy")) {
    return K::kAuthenticationFlowsPolicy;
  }
  if (absl::StrContains(c, "invitations")) return K::kInvitation;
  if (absl::StrContains(c, "b2bManagementPolicies") ||
      absl::StrContains(c, "legacy/policies")) {
    return K::kLegacyDirectoryPolicy;
  }
  // authenticationMethodConfigurations: the email one is told by its type
  // or id below.
  return K::kUnknown;
}

bool HasCrossTenantSettings(const Struct& obj) {
  for (absl::string_view key :
       {"b2bCollaborationInbound", "b2bCollaborationOutbound",
        "b2bDirectConnectInbound", "b2bDirectConnectOutbound", "inboundTrust",
        "automaticUserConsentSettings", "tenantRestrictions"}) {
    if (Has(obj, key)) return true;
  }
  return false;
}

bool IsTenantDocument(const Struct& obj) {
  static constexpr absl::string_view kMembers[] = {
      "conditionalAccessPolicies",
      "namedLocations",
      "authenticationStrengthPolicies",
      "invitationDomainPolicy",
      "emailOtpConfiguration",
      "mfaTrustedIps",
      "appSets",
      "cloud"};
  for (absl::string_view key : kMembers) {
    if (Has(obj, key)) return true;
  }
  // The singletons' tenant-document names are also Graph resource names;
  // alone with a tenantId they still make a tenant document.
  if (Has(obj, "tenantId") &&
      (Has(obj, "crossTenantAccessPolicy") || Has(obj, "authorizationPolicy") ||
       Has(obj, "authenticationFlowsPolicy"))) {
    return true;
  }
  // `tenant.json`: nothing but the tenant id.
  int members = 0;
  for (const auto& [key, value] : obj.fields()) {
    if (!IsAnnotationKey(key)) ++members;
  }
  return members == 1 && Has(obj, "tenantId");
}

bool IsTestVectors(const Struct& obj) {
  const Value* cases = JsonReader::Find(obj, "cases");
  if (cases == nullptr || cases->kind_case() != Value::kListValue) return false;
  for (const Value& c : cases->list_value().values()) {
    if (c.kind_case() == Value::kStructValue &&
        Has(c.struct_value(), "b2bSetting")) {
      return true;
    }
  }
  return false;
}

K KindFromShape(const Struct& obj, bool* assumed_default) {
  if (IsTenantDocument(obj)) return K::kTenantDocument;
  if (Has(obj, "details") && (Has(obj, "scenarios") || Has(obj, "name"))) {
    return K::kConditionalAccessTemplate;
  }
  if (Has(obj, "conditions") || Has(obj, "grantControls") ||
      Has(obj, "sessionControls")) {
    return K::kConditionalAccessPolicy;
  }
  if (Has(obj, "ipRanges") || Has(obj, "countriesAndRegions") ||
      Has(obj, "compliantNetworkType")) {
    return K::kNamedLocation;
  }
  if (Has(obj, "allowedCombinations")) return K::kAuthenticationStrength;
  if (Has(obj, "userSyncInbound") || Has(obj, "groupSyncInbound")) {
    return K::kIdentitySynchronization;
  }
  bool settings = HasCrossTenantSettings(obj);
  if (Has(obj, "tenantId") && (settings || Has(obj, "isServiceProvider") ||
                               Has(obj, "isInMultiTenantOrganization") ||
                               Has(obj, "identitySynchronization"))) {
    return K::kCrossTenantPartner;
  }
  if (Has(obj, "isServiceDefault") ||
      Has(obj, "invitationRedemptionIdentityProviderConfiguration")) {
    return K::kCrossTenantDefault;
  }
  if (settings) {
    *assumed_default = true;
    return K::kCrossTenantDefault;
  }
  if (Has(obj, "allowedCloudEndpoints") || Has(obj, "partners") ||
      Has(obj, "default")) {
    return K::kCrossTenantAccessPolicy;
  }
  if (Has(obj, "allowInvitesFrom") || Has(obj, "guestUserRoleId") ||
      Has(obj, "defaultUserRolePermissions")) {
    return K::kAuthorizationPolicy;
  }
  if (Has(obj, "selfServiceSignUp")) return K::kAuthenticationFlowsPolicy;
  if (Has(obj, "allowExternalIdToUseEmailOtp")) {
    return K::kEmailAuthenticationMethod;
  }
  if (Has(obj, "definition")) return K::kLegacyDirectoryPolicy;
  if (Has(obj, "B2BManagementPolicy")) return K::kB2BManagementDefinition;
  if (Has(obj, "signInIdentity") || Has(obj, "signInContext") ||
      Has(obj, "signInConditions")) {
    return K::kWhatIfRequest;
  }
  if (Has(obj, "invitedUserEmailAddress") || Has(obj, "inviteRedirectUrl")) {
    return K::kInvitation;
  }
  if (IsTestVectors(obj)) return K::kTestVectors;
  return K::kUnknown;
}

}  // namespace

DetectedKind DetectKind(const Struct& obj, absl::string_view list_context) {
  DetectedKind out;
  out.kind = KindFromType(StringMember(obj, "@odata.type"));
  if (out.kind != K::kUnknown) return out;
  out.kind = KindFromContext(StringMember(obj, "@odata.context"));
  if (out.kind != K::kUnknown) return out;
  out.kind = KindFromContext(list_context);
  if (out.kind != K::kUnknown) return out;
  // Authentication method configurations share one context; the email
  // one has the id `Email`.
  if (absl::StrContains(StringMember(obj, "@odata.context"),
                        "authenticationMethodConfigurations") ||
      absl::StrContains(list_context, "authenticationMethodConfigurations")) {
    out.kind = StringMember(obj, "id") == "Email"
                   ? K::kEmailAuthenticationMethod
                   : K::kOtherAuthenticationMethod;
    return out;
  }
  out.kind = KindFromShape(obj, &out.assumed_default);
  return out;
}

absl::string_view ResourceKindName(ResourceKind kind) {
  switch (kind) {
    case K::kUnknown:
      return "unknown";
    case K::kTenantDocument:
      return "tenant document";
    case K::kConditionalAccessPolicy:
      return "conditionalAccessPolicy";
    case K::kNamedLocation:
      return "namedLocation";
    case K::kAuthenticationStrength:
      return "authenticationStrengthPolicy";
    case K::kCrossTenantAccessPolicy:
      return "crossTenantAccessPolicy";
    case K::kCrossTenantDefault:
      return "crossTenantAccessPolicyConfigurationDefault";
    case K::kCrossTenantPartner:
      return "crossTenantAccessPolicyConfigurationPartner";
    case K::kIdentitySynchronization:
      return "crossTenantIdentitySyncPolicyPartner";
    case K::kAuthorizationPolicy:
      return "authorizationPolicy";
    case K::kAuthenticationFlowsPolicy:
      return "authenticationFlowsPolicy";
    case K::kEmailAuthenticationMethod:
      return "emailAuthenticationMethodConfiguration";
    case K::kLegacyDirectoryPolicy:
      return "legacy directory policy";
    case K::kB2BManagementDefinition:
      return "B2BManagementPolicy definition";
    case K::kConditionalAccessTemplate:
      return "conditionalAccessTemplate";
    case K::kOtherAuthenticationMethod:
      return "authentication method configuration";
    case K::kWhatIfRequest:
      return "What-If request";
    case K::kInvitation:
      return "invitation";
    case K::kTestVectors:
      return "test vectors";
  }
  return "unknown";
}

}  // namespace load_internal
}  // namespace crossgate
