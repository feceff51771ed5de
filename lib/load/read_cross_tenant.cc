#include "lib/load/read_cross_tenant.h"

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "lib/load/keywords.h"
#include "lib/load/read_conditional_access.h"

namespace crossgate {
namespace load_internal {
namespace {

namespace pb = ::crossgate::policy::v1;
using google::protobuf::GetEnumDescriptor;

void ReadTargetConfiguration(JsonReader& r, const Struct& obj,
                             const std::string& path,
                             pb::CrossTenantAccessTargetConfiguration* out) {
  pb::CrossTenantAccessTargetConfiguration::AccessType access{};
  if (r.Enum(obj, "accessType", path, &access)) out->set_access_type(access);
  const ListValue* targets = r.List(obj, "targets", path);
  if (targets == nullptr) return;
  for (int i = 0; i < targets->values_size(); ++i) {
    std::string tpath = Element(path, "targets", i);
    const Value& item = targets->values(i);
    if (item.kind_case() != Value::kStructValue) {
      r.WrongType(tpath, "an object", item);
      continue;
    }
    pb::CrossTenantAccessTarget* target = out->add_targets();
    std::string text;
    if (r.String(item.struct_value(), "target", tpath, &text)) {
      std::vector<absl::string_view> keywords(
          std::begin(kCrossTenantUserKeywords),
          std::end(kCrossTenantUserKeywords));
      keywords.insert(keywords.end(), std::begin(kCrossTenantAppKeywords),
                      std::end(kCrossTenantAppKeywords));
      target->set_target(CanonicalId(text, keywords));
    }
    pb::CrossTenantAccessTarget::TargetType type{};
    if (r.Enum(item.struct_value(), "targetType", tpath, &type)) {
      target->set_target_type(type);
    }
  }
}

// usersAndGroups / applications: each half present only when non-null.
template <typename Setting>
void ReadHalves(JsonReader& r, const Struct& obj, const std::string& path,
                Setting* out) {
  if (const Struct* users = r.Object(obj, "usersAndGroups", path)) {
    ReadTargetConfiguration(r, *users, Child(path, "usersAndGroups"),
                            out->mutable_users_and_groups());
  }
  if (const Struct* apps = r.Object(obj, "applications", path)) {
    ReadTargetConfiguration(r, *apps, Child(path, "applications"),
                            out->mutable_applications());
  }
}

void ReadB2BSetting(
    JsonReader& r, const Struct& obj, absl::string_view key,
    const std::string& path,
    pb::B2BSetting* (*mutable_fn)(pb::CrossTenantAccessSettings*),
    pb::CrossTenantAccessSettings* settings) {
  if (const Struct* s = r.Object(obj, key, path)) {
    ReadHalves(r, *s, Child(path, key), mutable_fn(settings));
  }
}

void ReadSettings(JsonReader& r, const Struct& obj, const std::string& path,
                  pb::CrossTenantAccessSettings* out) {
  if (const Struct* s = r.Object(obj, "automaticUserConsentSettings", path)) {
    std::string spath = Child(path, "automaticUserConsentSettings");
    auto* consent = out->mutable_automatic_user_consent_settings();
    bool v = false;
    if (r.Bool(*s, "inboundAllowed", spath, &v))
      consent->set_inbound_allowed(v);
    if (r.Bool(*s, "outboundAllowed", spath, &v)) {
      consent->set_outbound_allowed(v);
    }
  }
  ReadB2BSetting(
      r, obj, "b2bCollaborationInbound", path,
      [](pb::CrossTenantAccessSettings* s) {
        return s->mutable_b2b_collaboration_inbound();
      },
      out);
  ReadB2BSetting(
      r, obj, "b2bCollaborationOutbound", path,
      [](pb::CrossTenantAccessSettings* s) {
        return s->mutable_b2b_collaboration_outbound();
      },
      out);
  ReadB2BSetting(
      r, obj, "b2bDirectConnectInbound", path,
      [](pb::CrossTenantAccessSettings* s) {
        return s->mutable_b2b_direct_connect_inbound();
      },
      out);
  ReadB2BSetting(
      r, obj, "b2bDirectConnectOutbound", path,
      [](pb::CrossTenantAccessSettings* s) {
        return s->mutable_b2b_direct_connect_outbound();
      },
      out);
  if (const Struct* s = r.Object(obj, "inboundTrust", path)) {
    std::string spath = Child(path, "inboundTrust");
    pb::InboundTrust* trust = out->mutable_inbound_trust();
    bool v = false;
    if (r.Bool(*s, "isMfaAccepted", spath, &v)) trust->set_is_mfa_accepted(v);
    if (r.Bool(*s, "isCompliantDeviceAccepted", spath, &v)) {
      trust->set_is_compliant_device_accepted(v);
    }
    if (r.Bool(*s, "isHybridAzureADJoinedDeviceAccepted", spath, &v)) {
      trust->set_is_hybrid_azure_ad_joined_device_accepted(v);
    }
  }
  if (const Struct* s = r.Object(obj, "tenantRestrictions", path)) {
    std::string spath = Child(path, "tenantRestrictions");
    pb::TenantRestrictions* tr = out->mutable_tenant_restrictions();
    ReadHalves(r, *s, spath, tr);
    if (const Struct* devices = r.Object(*s, "devices", spath)) {
      // devicesFilter uses `allowed`/`blocked` for its mode; the model's
      // Filter says include/exclude (the rule selects allowed/blocked
      // devices).
      std::string dpath = Child(spath, "devices");
      pb::Filter* filter = tr->mutable_devices();
      std::string mode;
      if (r.String(*devices, "mode", dpath, &mode)) {
        absl::string_view m = absl::StripAsciiWhitespace(mode);
        if (absl::EqualsIgnoreCase(m, "allowed")) {
          filter->set_mode(pb::Filter::MODE_INCLUDE);
        } else if (absl::EqualsIgnoreCase(m, "blocked")) {
          filter->set_mode(pb::Filter::MODE_EXCLUDE);
        } else {
          r.issues().Error(IssueCode::kUnknownEnum, Child(dpath, "mode"),
                           absl::StrCat("unknown value \"", mode,
                                        "\" (expected allowed, blocked)"));
        }
      }
      r.String(*devices, "rule", dpath, filter->mutable_rule());
    }
  }
}

}  // namespace

std::string PeekTenantId(const Struct& obj) {
  const Value* v = JsonReader::Find(obj, "tenantId");
  if (v == nullptr || v->kind_case() != Value::kStringValue) return "";
  return CanonicalId(v->string_value());
}

void ReadCrossTenantDefault(JsonReader& r, const Struct& obj,
                            const std::string& path,
                            pb::CrossTenantAccessDefault* out) {
  ReadSettings(r, obj, path, out->mutable_settings());
  bool service_default = false;
  if (r.Bool(obj, "isServiceDefault", path, &service_default)) {
    out->set_is_service_default(service_default);
  }
  if (const Struct* idp = r.Object(
          obj, "invitationRedemptionIdentityProviderConfiguration", path)) {
    std::string ipath =
        Child(path, "invitationRedemptionIdentityProviderConfiguration");
    using Idp = pb::InvitationRedemptionIdentityProviderConfiguration;
    Idp* config =
        out->mutable_invitation_redemption_identity_provider_configuration();
    r.EnumList(*idp, "primaryIdentityProviderPrecedenceOrder", ipath,
               GetEnumDescriptor<Idp::IdentityProvider>(),
               config->mutable_primary_identity_provider_precedence_order());
    Idp::IdentityProvider fallback{};
    if (r.Enum(*idp, "fallbackIdentityProvider", ipath, &fallback)) {
      config->set_fallback_identity_provider(fallback);
    }
  }
}

void ReadIdentitySynchronization(JsonReader& r, const Struct& obj,
                                 const std::string& path,
                                 pb::IdentitySynchronization* out) {
  std::string tenant;
  if (r.String(obj, "tenantId", path, &tenant)) {
    out->set_tenant_id(CanonicalId(tenant));
  }
  r.String(obj, "displayName", path, out->mutable_display_name());
  bool allowed = false;
  if (const Struct* s = r.Object(obj, "userSyncInbound", path)) {
    if (r.Bool(*s, "isSyncAllowed", Child(path, "userSyncInbound"), &allowed)) {
      out->set_user_sync_inbound_allowed(allowed);
    }
  }
  if (const Struct* s = r.Object(obj, "groupSyncInbound", path)) {
    if (r.Bool(*s, "isSyncAllowed", Child(path, "groupSyncInbound"),
               &allowed)) {
      out->set_group_sync_inbound_allowed(allowed);
    }
  }
}

void ReadCrossTenantPartner(JsonReader& r, const Struct& obj,
                            const std::string& path,
                            pb::CrossTenantAccessPartner* out) {
  std::string tenant;
  if (r.String(obj, "tenantId", path, &tenant)) {
    out->set_tenant_id(CanonicalId(tenant));
  }
  ReadSettings(r, obj, path, out->mutable_settings());
  bool v = false;
  if (r.Bool(obj, "isServiceProvider", path, &v))
    out->set_is_service_provider(v);
  if (r.Bool(obj, "isInMultiTenantOrganization", path, &v)) {
    out->set_is_in_multi_tenant_organization(v);
  }
  if (r.Bool(obj, "blockServiceProviderOutboundAccess", path, &v)) {
    out->set_block_service_provider_outbound_access(v);
  }
  if (const Struct* sync = r.Object(obj, "identitySynchronization", path)) {
    ReadIdentitySynchronization(r, *sync,
                                Child(path, "identitySynchronization"),
                                out->mutable_identity_synchronization());
  }
}

void ReadCrossTenantAccessPolicy(JsonReader& r, const Struct& obj,
                                 const std::string& path,
                                 pb::CrossTenantAccessPolicy* out) {
  r.String(obj, "displayName", path, out->mutable_display_name());
  if (const ListValue* clouds = r.List(obj, "allowedCloudEndpoints", path)) {
    for (int i = 0; i < clouds->values_size(); ++i) {
      const Value& cloud = clouds->values(i);
      if (cloud.kind_case() != Value::kStringValue) {
        r.WrongType(Element(path, "allowedCloudEndpoints", i), "a string",
                    cloud);
        continue;
      }
      out->add_allowed_cloud_endpoints(absl::AsciiStrToLower(
          absl::StripAsciiWhitespace(cloud.string_value())));
    }
  }
  if (const Struct* d = r.Object(obj, "default", path)) {
    ReadCrossTenantDefault(r, *d, Child(path, "default"),
                           out->mutable_default_configuration());
  }
  const Value* partners = JsonReader::Find(obj, "partners");
  if (JsonReader::IsNull(partners)) return;
  // `partners` is an array, or a list response when fetched on its own.
  const ListValue* list = nullptr;
  if (partners->kind_case() == Value::kListValue) {
    list = &partners->list_value();
  } else if (partners->kind_case() == Value::kStructValue) {
    list = r.List(partners->struct_value(), "value", Child(path, "partners"));
  } else {
    r.WrongType(Child(path, "partners"), "an array", *partners);
  }
  for (int i = 0; list != nullptr && i < list->values_size(); ++i) {
    const Value& item = list->values(i);
    if (item.kind_case() != Value::kStructValue) {
      r.WrongType(Element(path, "partners", i), "an object", item);
      continue;
    }
    std::string id = PeekTenantId(item.struct_value());
    std::string ppath = id.empty() ? Element(path, "partners", i)
                                   : absl::StrCat(path, "/partners/", id);
    ReadCrossTenantPartner(r, item.struct_value(), ppath, out->add_partners());
  }
}

}  // namespace load_internal
}  // namespace crossgate
