#include "lib/load/read_external_collaboration.h"

#include "absl/strings/ascii.h"
#include "absl/strings/strip.h"
#include "lib/load/json_document.h"

namespace crossgate {
namespace load_internal {
namespace {

namespace pb = ::crossgate::policy::v1;

void ReadDomainList(JsonReader& r, const Struct& obj, absl::string_view key,
                    const std::string& path,
                    google::protobuf::RepeatedPtrField<std::string>* out) {
  const ListValue* list = r.List(obj, key, path);
  if (list == nullptr) return;
  for (int i = 0; i < list->values_size(); ++i) {
    const Value& item = list->values(i);
    if (item.kind_case() != Value::kStringValue) {
      r.WrongType(Element(path, key, i), "a string", item);
      continue;
    }
    *out->Add() = CanonicalDomain(item.string_value());
  }
}

}  // namespace

std::string CanonicalDomain(absl::string_view text) {
  std::string domain = absl::AsciiStrToLower(absl::StripAsciiWhitespace(text));
  if (!domain.empty() && domain.back() == '.') domain.pop_back();
  return domain;
}

void ReadAuthorizationPolicy(JsonReader& r, const Struct& obj,
                             const std::string& path,
                             pb::AuthorizationPolicy* out) {
  r.String(obj, "id", path, out->mutable_id());
  r.String(obj, "displayName", path, out->mutable_display_name());
  r.String(obj, "description", path, out->mutable_description());
  pb::AuthorizationPolicy::AllowInvitesFrom from{};
  if (r.Enum(obj, "allowInvitesFrom", path, &from)) {
    out->set_allow_invites_from(from);
  }
  std::string role;
  if (r.String(obj, "guestUserRoleId", path, &role)) {
    out->set_guest_user_role_id(CanonicalId(role));
  }
  bool v = false;
  if (r.Bool(obj, "allowedToSignUpEmailBasedSubscriptions", path, &v)) {
    out->set_allowed_to_sign_up_email_based_subscriptions(v);
  }
  if (r.Bool(obj, "allowEmailVerifiedUsersToJoinOrganization", path, &v)) {
    out->set_allow_email_verified_users_to_join_organization(v);
  }
  if (r.Bool(obj, "allowedToUseSSPR", path, &v))
    out->set_allowed_to_use_sspr(v);
  if (r.Bool(obj, "blockMsolPowerShell", path, &v)) {
    out->set_block_msol_power_shell(v);
  }
  if (r.Bool(obj, "allowUserConsentForRiskyApps", path, &v)) {
    out->set_allow_user_consent_for_risky_apps(v);
  }
  if (const Struct* p = r.Object(obj, "defaultUserRolePermissions", path)) {
    std::string ppath = Child(path, "defaultUserRolePermissions");
    pb::DefaultUserRolePermissions* perms =
        out->mutable_default_user_role_permissions();
    if (r.Bool(*p, "allowedToCreateApps", ppath, &v)) {
      perms->set_allowed_to_create_apps(v);
    }
    if (r.Bool(*p, "allowedToCreateSecurityGroups", ppath, &v)) {
      perms->set_allowed_to_create_security_groups(v);
    }
    if (r.Bool(*p, "allowedToCreateTenants", ppath, &v)) {
      perms->set_allowed_to_create_tenants(v);
    }
    if (r.Bool(*p, "allowedToReadBitlockerKeysForOwnedDevice", ppath, &v)) {
      perms->set_allowed_to_read_bitlocker_keys_for_owned_device(v);
    }
    if (r.Bool(*p, "allowedToReadOtherUsers", ppath, &v)) {
      perms->set_allowed_to_read_other_users(v);
    }
    r.StringList(*p, "permissionGrantPoliciesAssigned", ppath,
                 perms->mutable_permission_grant_policies_assigned());
  }
  // Graph beta moved the list to the top level.
  if (!JsonReader::IsNull(JsonReader::Find(
          obj, "permissionGrantPolicyIdsAssignedToDefaultUserRole")) &&
      out->default_user_role_permissions()
              .permission_grant_policies_assigned_size() == 0) {
    r.StringList(obj, "permissionGrantPolicyIdsAssignedToDefaultUserRole", path,
                 out->mutable_default_user_role_permissions()
                     ->mutable_permission_grant_policies_assigned());
  }
}

void ReadAuthenticationFlowsPolicy(JsonReader& r, const Struct& obj,
                                   const std::string& path,
                                   pb::AuthenticationFlowsPolicy* out) {
  r.String(obj, "id", path, out->mutable_id());
  r.String(obj, "displayName", path, out->mutable_display_name());
  r.String(obj, "description", path, out->mutable_description());
  if (const Struct* s = r.Object(obj, "selfServiceSignUp", path)) {
    bool enabled = false;
    if (r.Bool(*s, "isEnabled", Child(path, "selfServiceSignUp"), &enabled)) {
      out->set_self_service_sign_up_enabled(enabled);
    }
  }
  r.IdList(obj, "selfServiceSignUpApplicationIds", path, {},
           out->mutable_self_service_sign_up_application_ids());
}

void ReadEmailOtpConfiguration(JsonReader& r, const Struct& obj,
                               const std::string& path,
                               pb::EmailOtpConfiguration* out) {
  pb::EmailOtpConfiguration::State state{};
  if (r.Enum(obj, "state", path, &state)) out->set_state(state);
  pb::EmailOtpConfiguration::ExternalIdOtp otp{};
  if (r.Enum(obj, "allowExternalIdToUseEmailOtp", path, &otp)) {
    out->set_allow_external_id_to_use_email_otp(otp);
  }
}

void ReadInvitationDomainPolicy(JsonReader& r, const Struct& obj,
                                const std::string& path,
                                pb::InvitationDomainPolicy* out) {
  ReadDomainList(r, obj, "allowedDomains", path,
                 out->mutable_allowed_domains());
  ReadDomainList(r, obj, "blockedDomains", path,
                 out->mutable_blocked_domains());
}

void ReadB2BManagementDefinition(JsonReader& r, const Struct& obj,
                                 const std::string& path,
                                 pb::InvitationDomainPolicy* out) {
  const Struct* b2b = r.Object(obj, "B2BManagementPolicy", path);
  if (b2b == nullptr) return;
  std::string bpath = Child(path, "B2BManagementPolicy");
  const Struct* lists =
      r.Object(*b2b, "InvitationsAllowedAndBlockedDomainsPolicy", bpath);
  if (lists == nullptr) return;
  std::string lpath = Child(bpath, "InvitationsAllowedAndBlockedDomainsPolicy");
  ReadDomainList(r, *lists, "AllowedDomains", lpath,
                 out->mutable_allowed_domains());
  ReadDomainList(r, *lists, "BlockedDomains", lpath,
                 out->mutable_blocked_domains());
}

LegacyPolicyContent ReadLegacyDirectoryPolicy(JsonReader& r, const Struct& obj,
                                              const std::string& path,
                                              pb::InvitationDomainPolicy* out) {
  const ListValue* definition = r.List(obj, "definition", path);
  if (definition == nullptr) return LegacyPolicyContent::kInvalid;
  LegacyPolicyContent content = LegacyPolicyContent::kOther;
  for (int i = 0; i < definition->values_size(); ++i) {
    std::string dpath = Element(path, "definition", i);
    const Value& item = definition->values(i);
    if (item.kind_case() != Value::kStringValue) {
      r.WrongType(dpath, "a string holding JSON", item);
      return LegacyPolicyContent::kInvalid;
    }
    const std::string& text = item.string_value();
    if (static_cast<int64_t>(text.size()) >
        r.options().limits.max_string_length) {
      r.issues().Error(IssueCode::kLimitExceeded, dpath,
                       absl::StrCat("definition is ", text.size(),
                                    " characters; the limit is ",
                                    r.options().limits.max_string_length));
      return LegacyPolicyContent::kInvalid;
    }
    Value parsed;
    absl::Status status =
        ParseJson(text, r.options().limits.max_json_depth, &parsed);
    if (!status.ok()) {
      r.issues().Error(status.code() == absl::StatusCode::kResourceExhausted
                           ? IssueCode::kLimitExceeded
                           : IssueCode::kMalformedInput,
                       dpath, std::string(status.message()));
      return LegacyPolicyContent::kInvalid;
    }
    if (parsed.kind_case() != Value::kStructValue) {
      r.WrongType(dpath, "a JSON object", parsed);
      return LegacyPolicyContent::kInvalid;
    }
    if (JsonReader::Find(parsed.struct_value(), "B2BManagementPolicy") ==
        nullptr) {
      continue;
    }
    if (content == LegacyPolicyContent::kB2BManagement) {
      r.issues().Error(IssueCode::kDuplicateId, dpath,
                       "a second B2BManagementPolicy definition");
      return LegacyPolicyContent::kInvalid;
    }
    content = LegacyPolicyContent::kB2BManagement;
    ReadB2BManagementDefinition(r, parsed.struct_value(), dpath, out);
  }
  return content;
}

}  // namespace load_internal
}  // namespace crossgate
