// conditionalAccessConditionSet and its blocks (entra-semantics.md 4.2-4.11).

#include "absl/strings/match.h"
#include "lib/load/keywords.h"
#include "lib/load/read_conditional_access.h"

namespace crossgate {
namespace load_internal {
namespace {

namespace pb = ::crossgate::policy::v1;
using google::protobuf::GetEnumDescriptor;

constexpr absl::string_view kUnsupportedCondition =
    "condition not evaluated by crossgate; read as matching, so the policy's "
    "controls still apply";

void ReadGuests(JsonReader& r, const Struct& obj, const std::string& path,
                pb::GuestsOrExternalUsers* out) {
  r.Flags(obj, "guestOrExternalUserTypes", path,
          GetEnumDescriptor<pb::GuestOrExternalUserType>(),
          out->mutable_guest_or_external_user_types());
  const Struct* tenants = r.Object(obj, "externalTenants", path);
  if (tenants == nullptr) return;
  std::string tpath = Child(path, "externalTenants");
  out->set_has_external_tenants(true);
  // The kind comes from `membershipKind` or, failing that, `@odata.type`
  // (spec 0.2 accepts either).
  pb::GuestsOrExternalUsers::MembershipKind kind{};
  bool has_kind = r.Enum(*tenants, "membershipKind", tpath, &kind);
  std::string type;
  const Value* type_value = JsonReader::Find(*tenants, "@odata.type");
  if (type_value != nullptr && type_value->kind_case() == Value::kStringValue) {
    type = type_value->string_value();
  }
  pb::GuestsOrExternalUsers::MembershipKind type_kind{};
  if (absl::EndsWith(type, "conditionalAccessAllExternalTenants")) {
    type_kind = pb::GuestsOrExternalUsers::MEMBERSHIP_KIND_ALL;
  } else if (absl::EndsWith(type,
                            "conditionalAccessEnumeratedExternalTenants")) {
    type_kind = pb::GuestsOrExternalUsers::MEMBERSHIP_KIND_ENUMERATED;
  }
  if (has_kind && type_kind != 0 && type_kind != kind) {
    r.issues().Error(
        IssueCode::kInvalidCombination, Child(tpath, "membershipKind"),
        absl::StrCat("membershipKind contradicts @odata.type \"", type, "\""));
  }
  if (!has_kind) kind = type_kind;
  out->set_external_tenants_membership_kind(kind);
  r.IdList(*tenants, "members", tpath, {}, out->mutable_external_tenant_ids());
}

void ReadUsers(JsonReader& r, const Struct& obj, const std::string& path,
               pb::ConditionSet* set) {
  pb::Users* out = set->mutable_users();
  r.IdList(obj, "includeUsers", path, kUserKeywords,
           out->mutable_include_users());
  r.IdList(obj, "excludeUsers", path, kUserKeywords,
           out->mutable_exclude_users());
  r.IdList(obj, "includeGroups", path, {}, out->mutable_include_groups());
  r.IdList(obj, "excludeGroups", path, {}, out->mutable_exclude_groups());
  r.IdList(obj, "includeRoles", path, {}, out->mutable_include_roles());
  r.IdList(obj, "excludeRoles", path, {}, out->mutable_exclude_roles());
  if (const Struct* g = r.Object(obj, "includeGuestsOrExternalUsers", path)) {
    ReadGuests(r, *g, Child(path, "includeGuestsOrExternalUsers"),
               out->mutable_include_guests_or_external_users());
  }
  if (const Struct* g = r.Object(obj, "excludeGuestsOrExternalUsers", path)) {
    ReadGuests(r, *g, Child(path, "excludeGuestsOrExternalUsers"),
               out->mutable_exclude_guests_or_external_users());
  }
  r.CollectUnknown(
      obj,
      {"includeUsers", "excludeUsers", "includeGroups", "excludeGroups",
       "includeRoles", "excludeRoles", "includeGuestsOrExternalUsers",
       "excludeGuestsOrExternalUsers"},
      path, "users/", kUnsupportedCondition,
      set->mutable_unsupported_conditions());
}

void ReadApplications(JsonReader& r, const Struct& obj, const std::string& path,
                      pb::ConditionSet* set) {
  pb::Applications* out = set->mutable_applications();
  r.IdList(obj, "includeApplications", path, kApplicationKeywords,
           out->mutable_include_applications());
  r.IdList(obj, "excludeApplications", path, kApplicationKeywords,
           out->mutable_exclude_applications());
  r.IdList(obj, "includeUserActions", path, kUserActions,
           out->mutable_include_user_actions());
  r.StringList(obj, "includeAuthenticationContextClassReferences", path,
               out->mutable_include_authentication_context_class_references());
  if (const Struct* f = r.Object(obj, "applicationFilter", path)) {
    ReadFilter(r, *f, Child(path, "applicationFilter"),
               out->mutable_application_filter());
  }
  // Beta `networkAccess` / `globalSecureAccess` land here when set.
  r.CollectUnknown(
      obj,
      {"includeApplications", "excludeApplications", "includeUserActions",
       "includeAuthenticationContextClassReferences", "applicationFilter"},
      path, "applications/", kUnsupportedCondition,
      set->mutable_unsupported_conditions());
}

void ReadClientApplications(JsonReader& r, const Struct& obj,
                            const std::string& path, pb::ConditionSet* set) {
  pb::ClientApplications* out = set->mutable_client_applications();
  r.IdList(obj, "includeServicePrincipals", path, kServicePrincipalKeywords,
           out->mutable_include_service_principals());
  r.IdList(obj, "excludeServicePrincipals", path, kServicePrincipalKeywords,
           out->mutable_exclude_service_principals());
  if (const Struct* f = r.Object(obj, "servicePrincipalFilter", path)) {
    ReadFilter(r, *f, Child(path, "servicePrincipalFilter"),
               out->mutable_service_principal_filter());
  }
  // Agent identities (`includeAgentIdServicePrincipals`) land here.
  r.CollectUnknown(obj,
                   {"includeServicePrincipals", "excludeServicePrincipals",
                    "servicePrincipalFilter"},
                   path, "clientApplications/", kUnsupportedCondition,
                   set->mutable_unsupported_conditions());
}

}  // namespace

void ReadFilter(JsonReader& r, const Struct& obj, const std::string& path,
                pb::Filter* out) {
  pb::Filter::Mode mode{};
  if (r.Enum(obj, "mode", path, &mode)) out->set_mode(mode);
  r.String(obj, "rule", path, out->mutable_rule());
}

void ReadConditionSet(JsonReader& r, const Struct& obj, const std::string& path,
                      pb::ConditionSet* out) {
  if (const Struct* users = r.Object(obj, "users", path)) {
    ReadUsers(r, *users, Child(path, "users"), out);
  }
  if (const Struct* apps = r.Object(obj, "applications", path)) {
    ReadApplications(r, *apps, Child(path, "applications"), out);
  }
  if (const Struct* clients = r.Object(obj, "clientApplications", path)) {
    ReadClientApplications(r, *clients, Child(path, "clientApplications"), out);
  }
  r.EnumList(obj, "clientAppTypes", path,
             GetEnumDescriptor<pb::ClientAppType>(),
             out->mutable_client_app_types());
  if (const Struct* platforms = r.Object(obj, "platforms", path)) {
    std::string ppath = Child(path, "platforms");
    pb::Platforms* p = out->mutable_platforms();
    r.EnumList(*platforms, "includePlatforms", ppath,
               GetEnumDescriptor<pb::DevicePlatform>(),
               p->mutable_include_platforms());
    r.EnumList(*platforms, "excludePlatforms", ppath,
               GetEnumDescriptor<pb::DevicePlatform>(),
               p->mutable_exclude_platforms());
  }
  if (const Struct* locations = r.Object(obj, "locations", path)) {
    std::string lpath = Child(path, "locations");
    pb::Locations* l = out->mutable_locations();
    r.IdList(*locations, "includeLocations", lpath, kLocationKeywords,
             l->mutable_include_locations());
    r.IdList(*locations, "excludeLocations", lpath, kLocationKeywords,
             l->mutable_exclude_locations());
  }
  if (const Struct* devices = r.Object(obj, "devices", path)) {
    std::string dpath = Child(path, "devices");
    if (const Struct* f = r.Object(*devices, "deviceFilter", dpath)) {
      ReadFilter(r, *f, Child(dpath, "deviceFilter"),
                 out->mutable_devices()->mutable_device_filter());
    } else {
      out->mutable_devices();
    }
    // The deprecated device-state members (`includeDeviceStates`, ...).
    r.CollectUnknown(*devices, {"deviceFilter"}, dpath, "devices/",
                     kUnsupportedCondition,
                     out->mutable_unsupported_conditions());
  }
  r.EnumList(obj, "signInRiskLevels", path, GetEnumDescriptor<pb::RiskLevel>(),
             out->mutable_sign_in_risk_levels());
  r.EnumList(obj, "userRiskLevels", path, GetEnumDescriptor<pb::RiskLevel>(),
             out->mutable_user_risk_levels());
  r.EnumList(obj, "servicePrincipalRiskLevels", path,
             GetEnumDescriptor<pb::RiskLevel>(),
             out->mutable_service_principal_risk_levels());
  r.Flags(obj, "insiderRiskLevels", path,
          GetEnumDescriptor<pb::InsiderRiskLevel>(),
          out->mutable_insider_risk_levels());
  if (const Struct* flows = r.Object(obj, "authenticationFlows", path)) {
    r.Flags(*flows, "transferMethods", Child(path, "authenticationFlows"),
            GetEnumDescriptor<pb::TransferMethod>(),
            out->mutable_authentication_flows()->mutable_transfer_methods());
  }
  // `agents`, `times`, `deviceStates`, `clients`, `agentIdRiskLevels`, ...
  r.CollectUnknown(
      obj,
      {"users", "applications", "clientApplications", "clientAppTypes",
       "platforms", "locations", "devices", "signInRiskLevels",
       "userRiskLevels", "servicePrincipalRiskLevels", "insiderRiskLevels",
       "authenticationFlows"},
      path, "", kUnsupportedCondition, out->mutable_unsupported_conditions());
}

}  // namespace load_internal
}  // namespace crossgate
