#include "lib/load/tenant_assembler.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "lib/load/keywords.h"
#include "lib/load/model_path.h"
#include "lib/load/read_authentication_strength.h"
#include "lib/load/read_conditional_access.h"
#include "lib/load/read_cross_tenant.h"
#include "lib/load/read_external_collaboration.h"
#include "lib/load/read_named_location.h"

namespace crossgate {
namespace load_internal {
namespace {

namespace pb = ::crossgate::policy::v1;
using K = ResourceKind;

std::string PeekId(const Struct& obj) {
  const Value* v = JsonReader::Find(obj, "id");
  if (v == nullptr || v->kind_case() != Value::kStringValue) return "";
  return CanonicalId(v->string_value());
}

// `...partners('<id>')/identitySynchronization` -> <id>.
std::string TenantIdFromContext(const Struct& obj) {
  const Value* v = JsonReader::Find(obj, "@odata.context");
  if (v == nullptr || v->kind_case() != Value::kStringValue) return "";
  absl::string_view c = v->string_value();
  size_t start = c.find("partners('");
  if (start == absl::string_view::npos) return "";
  start += 10;
  size_t end = c.find('\'', start);
  if (end == absl::string_view::npos) return "";
  return CanonicalId(c.substr(start, end - start));
}

bool IsListResponse(const Struct& obj) {
  const Value* value = JsonReader::Find(obj, "value");
  if (value == nullptr || value->kind_case() != Value::kListValue) return false;
  for (const auto& [key, member] : obj.fields()) {
    if (key != "value" && !IsAnnotationKey(key)) return false;
  }
  return true;
}

bool IsEnvelope(const Struct& obj) {
  const Value* status = JsonReader::Find(obj, "status");
  const Value* body = JsonReader::Find(obj, "body");
  return status != nullptr && status->kind_case() == Value::kNumberValue &&
         body != nullptr &&
         (body->kind_case() == Value::kStructValue ||
          body->kind_case() == Value::kListValue);
}

void CollectTenantIds(const Value& v, int depth,
                      std::vector<std::string>* out) {
  if (depth > 3) return;
  if (v.kind_case() == Value::kListValue) {
    for (const Value& item : v.list_value().values()) {
      CollectTenantIds(item, depth + 1, out);
    }
    return;
  }
  if (v.kind_case() != Value::kStructValue) return;
  const Struct& obj = v.struct_value();
  if (IsEnvelope(obj)) {
    CollectTenantIds(*JsonReader::Find(obj, "body"), depth + 1, out);
  } else if (IsListResponse(obj)) {
    CollectTenantIds(*JsonReader::Find(obj, "value"), depth + 1, out);
  } else if (DetectKind(obj, "").kind == K::kTenantDocument) {
    const Value* id = JsonReader::Find(obj, "tenantId");
    if (id != nullptr && id->kind_case() == Value::kStringValue) {
      out->push_back(CanonicalId(id->string_value()));
    }
  }
}

}  // namespace

std::vector<std::string> TenantIdsIn(const Value& root) {
  std::vector<std::string> ids;
  CollectTenantIds(root, 0, &ids);
  return ids;
}

TenantAssembler::TenantAssembler(JsonReader& reader, std::string tenant_id,
                                 pb::TenantPolicies* out)
    : r_(reader), out_(out), tenant_path_(absl::StrCat("tenants/", PathSegment(tenant_id))) {
  out_->set_tenant_id(std::move(tenant_id));
}

void TenantAssembler::NoteSource(std::string path) {
  sources_.emplace_back(std::move(path), source_);
}

std::string TenantAssembler::CollectionPath(absl::string_view collection,
                                            const std::string& id,
                                            int index) const {
  return id.empty()
             ? absl::StrCat(tenant_path_, "/", collection, "[", index, "]")
             : absl::StrCat(tenant_path_, "/", collection, "/", PathSegment(id));
}

bool TenantAssembler::ClaimSingleton(absl::string_view name) {
  if (singletons_.insert(std::string(name)).second) return true;
  r_.issues().Error(
      IssueCode::kDuplicateId, absl::StrCat(tenant_path_, "/", name),
      absl::StrCat("given more than once (again in ", source_, ")"));
  return false;
}

void TenantAssembler::AddDocument(const Value& root,
                                  const std::string& source) {
  source_ = source;
  const Value* v = &root;
  std::string where = source;
  // A `{"status": 200, "body": ...}` envelope (recorded HTTP responses).
  if (v->kind_case() == Value::kStructValue && IsEnvelope(v->struct_value())) {
    v = JsonReader::Find(v->struct_value(), "body");
    absl::StrAppend(&where, "/body");
  }
  std::string context;
  const ListValue* items = nullptr;
  if (v->kind_case() == Value::kListValue) {
    items = &v->list_value();
  } else if (v->kind_case() == Value::kStructValue &&
             IsListResponse(v->struct_value())) {
    const Struct& list = v->struct_value();
    // A paged list holds only its first page: the rest of the tenant's
    // policies would be silently missing.
    if (JsonReader::Find(list, "@odata.nextLink") != nullptr) {
      r_.issues().Error(IssueCode::kUnsupportedDocument, where,
                        "paged list response (@odata.nextLink): it holds one "
                        "page only; export every page into one list");
      return;
    }
    const Value* ctx = JsonReader::Find(list, "@odata.context");
    if (ctx != nullptr && ctx->kind_case() == Value::kStringValue) {
      context = ctx->string_value();
    }
    items = &JsonReader::Find(list, "value")->list_value();
    absl::StrAppend(&where, "/value");
  } else if (v->kind_case() == Value::kStructValue) {
    AddResource(v->struct_value(), "", where);
    return;
  } else {
    r_.WrongType(where, "a JSON object or array", *v);
    return;
  }
  for (int i = 0; i < items->values_size(); ++i) {
    const Value& item = items->values(i);
    std::string item_where = absl::StrCat(where, "[", i, "]");
    if (item.kind_case() != Value::kStructValue) {
      r_.WrongType(item_where, "an object", item);
      continue;
    }
    AddResource(item.struct_value(), context, item_where);
  }
}

void TenantAssembler::AddResource(const Struct& obj,
                                  absl::string_view list_context,
                                  const std::string& where) {
  DetectedKind detected = DetectKind(obj, list_context);
  switch (detected.kind) {
    case K::kTenantDocument:
      AddTenantDocument(obj);
      return;
    case K::kConditionalAccessPolicy:
      AddPolicy(obj);
      return;
    case K::kNamedLocation:
      AddNamedLocation(obj);
      return;
    case K::kAuthenticationStrength:
      AddStrength(obj);
      return;
    case K::kCrossTenantAccessPolicy:
      AddCrossTenantPolicy(obj);
      return;
    case K::kCrossTenantDefault:
      AddDefault(obj, detected.assumed_default);
      return;
    case K::kCrossTenantPartner:
      AddPartner(obj);
      return;
    case K::kIdentitySynchronization:
      AddSync(obj, where);
      return;
    case K::kLegacyDirectoryPolicy:
      AddLegacyPolicy(obj, where);
      return;
    case K::kB2BManagementDefinition:
      AddB2BDefinition(obj);
      return;
    case K::kAuthorizationPolicy: {
      if (!ClaimSingleton("authorizationPolicy")) return;
      std::string path = absl::StrCat(tenant_path_, "/authorizationPolicy");
      NoteSource(path);
      ReadAuthorizationPolicy(r_, obj, path,
                              out_->mutable_authorization_policy());
      return;
    }
    case K::kAuthenticationFlowsPolicy: {
      if (!ClaimSingleton("authenticationFlowsPolicy")) return;
      std::string path =
          absl::StrCat(tenant_path_, "/authenticationFlowsPolicy");
      NoteSource(path);
      ReadAuthenticationFlowsPolicy(
          r_, obj, path, out_->mutable_authentication_flows_policy());
      return;
    }
    case K::kEmailAuthenticationMethod: {
      if (!ClaimSingleton("emailOtpConfiguration")) return;
      std::string path = absl::StrCat(tenant_path_, "/emailOtpConfiguration");
      NoteSource(path);
      ReadEmailOtpConfiguration(r_, obj, path,
                                out_->mutable_email_otp_configuration());
      return;
    }
    case K::kConditionalAccessTemplate:
      // Templates are Microsoft's catalogue, not the tenant's policies;
      // loading their `details` would invent policies (and their
      // placeholders such as "Current administrator will be excluded").
      r_.issues().Error(IssueCode::kUnsupportedDocument, where,
                        "conditionalAccessTemplate is a catalogue entry, not a "
                        "policy in force; export "
                        "/identity/conditionalAccess/policies instead");
      return;
    case K::kOtherAuthenticationMethod:
    case K::kWhatIfRequest:
    case K::kInvitation:
    case K::kTestVectors:
      r_.issues().Warning(IssueCode::kSkippedDocument, where,
                          absl::StrCat(ResourceKindName(detected.kind),
                                       ": carries no policy; skipped"));
      return;
    case K::kUnknown:
      r_.issues().Error(IssueCode::kUnrecognizedDocument, where,
                        "not a Graph resource crossgate reads (no known "
                        "@odata.type, @odata.context or shape)");
      return;
  }
}

void TenantAssembler::AddPolicy(const Struct& obj) {
  std::string path = CollectionPath("conditionalAccessPolicies", PeekId(obj),
                                    out_->conditional_access_policies_size());
  NoteSource(path);
  ReadConditionalAccessPolicy(r_, obj, path,
                              out_->add_conditional_access_policies(),
                              &inline_strengths_);
}

void TenantAssembler::AddNamedLocation(const Struct& obj) {
  out_->set_named_locations_exported(true);
  std::string path = CollectionPath("namedLocations", PeekId(obj),
                                    out_->named_locations_size());
  NoteSource(path);
  ReadNamedLocation(r_, obj, path, out_->add_named_locations());
}

void TenantAssembler::AddStrength(const Struct& obj) {
  out_->set_authentication_strengths_exported(true);
  std::string path =
      CollectionPath("authenticationStrengthPolicies", PeekId(obj),
                     out_->authentication_strength_policies_size());
  NoteSource(path);
  ReadAuthenticationStrength(r_, obj, path,
                             out_->add_authentication_strength_policies());
}

void TenantAssembler::AddCrossTenantPolicy(const Struct& obj) {
  if (!ClaimSingleton("crossTenantAccessPolicy")) return;
  std::string path = absl::StrCat(tenant_path_, "/crossTenantAccessPolicy");
  NoteSource(path);
  pb::CrossTenantAccessPolicy read;
  ReadCrossTenantAccessPolicy(r_, obj, path, &read);
  pb::CrossTenantAccessPolicy* policy =
      out_->mutable_cross_tenant_access_policy();
  policy->set_display_name(read.display_name());
  *policy->mutable_allowed_cloud_endpoints() = read.allowed_cloud_endpoints();
  if (read.has_default_configuration() &&
      ClaimSingleton("crossTenantAccessPolicy/default")) {
    *policy->mutable_default_configuration() =
        std::move(*read.mutable_default_configuration());
  }
  for (pb::CrossTenantAccessPartner& partner : *read.mutable_partners()) {
    std::string ppath = absl::StrCat(path, "/partners/", partner.tenant_id());
    AddPartnerModel(std::move(partner), ppath);
  }
}

void TenantAssembler::AddDefault(const Struct& obj, bool assumed) {
  if (!ClaimSingleton("crossTenantAccessPolicy/default")) return;
  std::string path =
      absl::StrCat(tenant_path_, "/crossTenantAccessPolicy/default");
  NoteSource(path);
  if (assumed) {
    r_.issues().Warning(
        IssueCode::kMissingField, path,
        "cross-tenant settings without tenantId, isServiceDefault or an "
        "@odata.context naming them; read as the default configuration");
  }
  ReadCrossTenantDefault(r_, obj, path,
                         out_->mutable_cross_tenant_access_policy()
                             ->mutable_default_configuration());
}

void TenantAssembler::AddPartner(const Struct& obj) {
  std::string id = PeekTenantId(obj);
  int index = out_->cross_tenant_access_policy().partners_size();
  std::string path =
      id.empty()
          ? absl::StrCat(tenant_path_, "/crossTenantAccessPolicy/partners[",
                         index, "]")
          : absl::StrCat(tenant_path_, "/crossTenantAccessPolicy/partners/",
                         id);
  pb::CrossTenantAccessPartner partner;
  ReadCrossTenantPartner(r_, obj, path, &partner);
  AddPartnerModel(std::move(partner), path);
}

void TenantAssembler::AddPartnerModel(pb::CrossTenantAccessPartner partner,
                                      const std::string& path) {
  NoteSource(path);
  auto* partners =
      out_->mutable_cross_tenant_access_policy()->mutable_partners();
  const std::string id = partner.tenant_id();
  auto it = id.empty() ? partner_index_.end() : partner_index_.find(id);
  if (it != partner_index_.end() && sync_only_partners_.erase(id) > 0) {
    // The partner configuration joins its separately exported
    // identitySynchronization.
    pb::CrossTenantAccessPartner& stub = (*partners)[it->second];
    if (!partner.has_identity_synchronization()) {
      *partner.mutable_identity_synchronization() =
          stub.identity_synchronization();
    }
    stub = std::move(partner);
    return;
  }
  // A second configuration for a known partner is appended; validation
  // reports the duplicate.
  if (!id.empty() && it == partner_index_.end()) {
    partner_index_[id] = partners->size();
  }
  *partners->Add() = std::move(partner);
}

void TenantAssembler::AddSync(const Struct& obj, const std::string& where) {
  std::string id = PeekTenantId(obj);
  if (id.empty()) id = TenantIdFromContext(obj);
  if (id.empty()) {
    r_.issues().Error(IssueCode::kMissingField, Child(where, "tenantId"),
                      "identitySynchronization without the partner's tenantId");
    return;
  }
  std::string ppath =
      absl::StrCat(tenant_path_, "/crossTenantAccessPolicy/partners/", id);
  std::string path = Child(ppath, "identitySynchronization");
  NoteSource(path);
  pb::IdentitySynchronization sync;
  ReadIdentitySynchronization(r_, obj, path, &sync);
  if (sync.tenant_id().empty()) sync.set_tenant_id(id);
  auto* partners =
      out_->mutable_cross_tenant_access_policy()->mutable_partners();
  auto it = partner_index_.find(id);
  if (it == partner_index_.end()) {
    pb::CrossTenantAccessPartner stub;
    stub.set_tenant_id(id);
    *stub.mutable_identity_synchronization() = std::move(sync);
    partner_index_[id] = partners->size();
    sync_only_partners_.insert(id);
    *partners->Add() = std::move(stub);
    return;
  }
  // User and group sync settings are exported separately; join them.
  pb::IdentitySynchronization* have =
      (*partners)[it->second].mutable_identity_synchronization();
  if ((sync.has_user_sync_inbound_allowed() &&
       have->has_user_sync_inbound_allowed()) ||
      (sync.has_group_sync_inbound_allowed() &&
       have->has_group_sync_inbound_allowed())) {
    r_.issues().Error(
        IssueCode::kDuplicateId, path,
        absl::StrCat("given more than once (again in ", source_, ")"));
    return;
  }
  if (have->display_name().empty()) have->set_display_name(sync.display_name());
  if (have->tenant_id().empty()) have->set_tenant_id(sync.tenant_id());
  if (sync.has_user_sync_inbound_allowed()) {
    have->set_user_sync_inbound_allowed(sync.user_sync_inbound_allowed());
  }
  if (sync.has_group_sync_inbound_allowed()) {
    have->set_group_sync_inbound_allowed(sync.group_sync_inbound_allowed());
  }
}

void TenantAssembler::AddLegacyPolicy(const Struct& obj,
                                      const std::string& where) {
  std::string path = absl::StrCat(tenant_path_, "/invitationDomainPolicy");
  pb::InvitationDomainPolicy domains;
  switch (ReadLegacyDirectoryPolicy(r_, obj, path, &domains)) {
    case LegacyPolicyContent::kB2BManagement:
      if (!ClaimSingleton("invitationDomainPolicy")) return;
      NoteSource(path);
      *out_->mutable_invitation_domain_policy() = std::move(domains);
      return;
    case LegacyPolicyContent::kOther:
      r_.issues().Warning(IssueCode::kSkippedDocument, where,
                          "legacy directory policy of another type than "
                          "B2BManagementPolicy; skipped");
      return;
    case LegacyPolicyContent::kInvalid:
      return;
  }
}

void TenantAssembler::AddB2BDefinition(const Struct& obj) {
  if (!ClaimSingleton("invitationDomainPolicy")) return;
  std::string path = absl::StrCat(tenant_path_, "/invitationDomainPolicy");
  NoteSource(path);
  ReadB2BManagementDefinition(r_, obj, path,
                              out_->mutable_invitation_domain_policy());
}

void TenantAssembler::Finish() {
  // A custom strength defined only inline in a policy's grant controls
  // becomes a tenant strength, so the reference resolves. Built-ins come from
  // the library's shipped set, and an exported definition always wins.
  absl::flat_hash_set<std::string> known;
  for (const auto& s : out_->authentication_strength_policies()) {
    known.insert(s.id());
  }
  for (absl::string_view id : kBuiltInStrengthIds)
    known.insert(std::string(id));
  for (pb::AuthenticationStrengthPolicy& s : inline_strengths_) {
    if (s.id().empty() || !known.insert(s.id()).second) continue;
    *out_->add_authentication_strength_policies() = std::move(s);
  }
  inline_strengths_.clear();
}

}  // namespace load_internal
}  // namespace crossgate
