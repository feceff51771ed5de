// crossgate's tenant document (docs/loading.md, "The tenant document"): one
// JSON object holding everything one tenant owns, every member optional.

#include <algorithm>
#include <iterator>
#include <vector>

#include "absl/strings/ascii.h"
#include "lib/load/keywords.h"
#include "lib/load/read_cross_tenant.h"
#include "lib/load/read_external_collaboration.h"
#include "lib/load/read_named_location.h"
#include "lib/load/tenant_assembler.h"

namespace crossgate {
namespace load_internal {
namespace {

namespace pb = ::crossgate::policy::v1;

// A collection member: an array, or a Graph list response pasted in.
const ListValue* Collection(JsonReader& r, const Struct& obj,
                            absl::string_view key, const std::string& path) {
  const Value* v = JsonReader::Find(obj, key);
  if (JsonReader::IsNull(v)) return nullptr;
  if (v->kind_case() == Value::kListValue) return &v->list_value();
  if (v->kind_case() == Value::kStructValue &&
      JsonReader::Find(v->struct_value(), "value") != nullptr) {
    return r.List(v->struct_value(), "value", Child(path, key));
  }
  r.WrongType(Child(path, key), "an array", *v);
  return nullptr;
}

void ReadAppSets(JsonReader& r, const Struct& obj, const std::string& path,
                 pb::TenantPolicies* out) {
  const ListValue* sets = r.List(obj, "appSets", path);
  if (sets == nullptr) return;
  for (int i = 0; i < sets->values_size(); ++i) {
    std::string spath = Element(path, "appSets", i);
    const Value& item = sets->values(i);
    if (item.kind_case() != Value::kStructValue) {
      r.WrongType(spath, "an object", item);
      continue;
    }
    pb::AppSet* set = out->add_app_sets();
    r.String(item.struct_value(), "name", spath, set->mutable_name());
    r.IdList(item.struct_value(), "appIds", spath, {}, set->mutable_app_ids());
  }
}

}  // namespace

void TenantAssembler::AddTenantDocument(const Struct& obj) {
  // Issues about the document's own members sit at the tenant's path.
  const std::string& where = tenant_path_;
  NoteSource(tenant_path_);
  static constexpr absl::string_view kMembers[] = {
      "tenantId",
      "cloud",
      "conditionalAccessPolicies",
      "namedLocations",
      "authenticationStrengthPolicies",
      "crossTenantAccessPolicy",
      "authorizationPolicy",
      "authenticationFlowsPolicy",
      "invitationDomainPolicy",
      "emailOtpConfiguration",
      "mfaTrustedIps",
      "appSets"};
  // Our own format: a misspelt member would silently drop policies, so an
  // unknown member is an error.
  std::vector<absl::string_view> unknown;
  for (const auto& [key, value] : obj.fields()) {
    if (IsAnnotationKey(key)) continue;
    if (std::find(std::begin(kMembers), std::end(kMembers),
                  absl::string_view(key)) == std::end(kMembers)) {
      unknown.push_back(key);
    }
  }
  std::sort(unknown.begin(), unknown.end());  // map order is unspecified
  for (absl::string_view key : unknown) {
    r_.issues().Error(IssueCode::kUnknownProperty, Child(where, key),
                      "not a member of the tenant document");
  }
  std::string tenant_id;
  r_.String(obj, "tenantId", where, &tenant_id);  // type check only
  std::string cloud;
  if (r_.String(obj, "cloud", where, &cloud) && ClaimSingleton("cloud")) {
    out_->set_cloud(absl::AsciiStrToLower(absl::StripAsciiWhitespace(cloud)));
  }
  struct Member {
    absl::string_view key;
    void (TenantAssembler::*add)(const Struct&);
    bool* exported;
  };
  bool locations = false;
  bool strengths = false;
  const Member collections[] = {
      {"conditionalAccessPolicies", &TenantAssembler::AddPolicy, nullptr},
      {"namedLocations", &TenantAssembler::AddNamedLocation, &locations},
      {"authenticationStrengthPolicies", &TenantAssembler::AddStrength,
       &strengths},
  };
  for (const Member& m : collections) {
    const ListValue* list = Collection(r_, obj, m.key, where);
    if (list == nullptr) continue;
    // Present, even empty: the tenant's complete set was exported.
    if (m.exported != nullptr) *m.exported = true;
    for (int i = 0; i < list->values_size(); ++i) {
      const Value& item = list->values(i);
      if (item.kind_case() != Value::kStructValue) {
        r_.WrongType(Element(where, m.key, i), "an object", item);
        continue;
      }
      (this->*m.add)(item.struct_value());
    }
  }
  if (locations) out_->set_named_locations_exported(true);
  if (strengths) out_->set_authentication_strengths_exported(true);
  if (const Struct* x = r_.Object(obj, "crossTenantAccessPolicy", where)) {
    AddCrossTenantPolicy(*x);
  }
  if (const Struct* a = r_.Object(obj, "authorizationPolicy", where)) {
    if (ClaimSingleton("authorizationPolicy")) {
      std::string path = absl::StrCat(tenant_path_, "/authorizationPolicy");
      NoteSource(path);
      ReadAuthorizationPolicy(r_, *a, path,
                              out_->mutable_authorization_policy());
    }
  }
  if (const Struct* f = r_.Object(obj, "authenticationFlowsPolicy", where)) {
    if (ClaimSingleton("authenticationFlowsPolicy")) {
      std::string path =
          absl::StrCat(tenant_path_, "/authenticationFlowsPolicy");
      NoteSource(path);
      ReadAuthenticationFlowsPolicy(
          r_, *f, path, out_->mutable_authentication_flows_policy());
    }
  }
  if (const Struct* d = r_.Object(obj, "invitationDomainPolicy", where)) {
    if (ClaimSingleton("invitationDomainPolicy")) {
      std::string path = absl::StrCat(tenant_path_, "/invitationDomainPolicy");
      NoteSource(path);
      // Our own shape too: a pasted legacy `definition` or a misspelt list
      // would otherwise load as "no domain restrictions" and widen who may
      // be invited.
      for (const std::string& key :
           UnknownKeys(*d, {"allowedDomains", "blockedDomains"})) {
        r_.issues().Error(
            IssueCode::kUnknownProperty, Child(path, key),
            key == "definition"
                ? "not a member of invitationDomainPolicy (the legacy "
                  "B2BManagementPolicy form loads as a directory policy "
                  "document of its own)"
                : "not a member of invitationDomainPolicy (allowedDomains, "
                  "blockedDomains)");
      }
      ReadInvitationDomainPolicy(r_, *d, path,
                                 out_->mutable_invitation_domain_policy());
    }
  }
  if (const Struct* e = r_.Object(obj, "emailOtpConfiguration", where)) {
    if (ClaimSingleton("emailOtpConfiguration")) {
      std::string path = absl::StrCat(tenant_path_, "/emailOtpConfiguration");
      NoteSource(path);
      ReadEmailOtpConfiguration(r_, *e, path,
                                out_->mutable_email_otp_configuration());
    }
  }
  if (const ListValue* ips = r_.List(obj, "mfaTrustedIps", where)) {
    for (int i = 0; i < ips->values_size(); ++i) {
      const Value& item = ips->values(i);
      if (item.kind_case() != Value::kStringValue) {
        r_.WrongType(Element(where, "mfaTrustedIps", i), "a string", item);
        continue;
      }
      bool ipv6 = false;
      out_->add_mfa_trusted_ips(CanonicalCidr(item.string_value(), &ipv6));
    }
  }
  ReadAppSets(r_, obj, where, out_);
}

}  // namespace load_internal
}  // namespace crossgate
