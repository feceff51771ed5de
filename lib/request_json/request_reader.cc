#include "lib/request_json/request_reader.h"

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "lib/request_json/request_enums.h"
#include "lib/request_json/request_reader_internal.h"

namespace crossgate {

namespace request_json_internal {

using Access = ParsedRequestAccess;

absl::Status UnknownValue(const JsonPath& path, absl::string_view text) {
  return PathError(path, absl::StrCat("unknown value ", QuoteForMessage(text)));
}

namespace {

// "#microsoft.graph.userSignIn" -> "userSignIn"; anything else unchanged.
absl::string_view ODataTypeName(absl::string_view type) {
  absl::ConsumePrefix(&type, "#");
  if (type.size() > 16 && SameWord(type.substr(0, 16), "microsoft.graph.")) {
    type.remove_prefix(16);
  }
  return type;
}

absl::Status NotAPropertyOf(const JsonPath& path, absl::string_view type) {
  return PathError(path,
                   absl::StrCat("not a property of #microsoft.graph.", type));
}

// externalUserType: Graph sends one comma-separated string; an array of
// strings is accepted too.
absl::Status ReadExternalUserTypes(const JsonValue& value, const JsonPath& path,
                                   uint32_t* bits) {
  *bits = 0;
  auto add = [&](absl::string_view text, const JsonPath& at) -> absl::Status {
    for (absl::string_view part : absl::StrSplit(text, ',')) {
      part = absl::StripAsciiWhitespace(part);
      uint32_t bit = 0;
      if (!ParseExternalUserType(part, &bit)) return UnknownValue(at, part);
      *bits |= bit;
    }
    return absl::OkStatus();
  };
  if (value.type() == simdjson::dom::element_type::ARRAY) {
    const simdjson::dom::array items = value.get_array().value_unsafe();
    int i = 0;
    for (JsonValue item : items) {
      absl::string_view text;
      JsonPath at = path.Element(i++);
      if (absl::Status s = GetString(item, at, &text); !s.ok()) return s;
      if (absl::Status s = add(text, at); !s.ok()) return s;
    }
    return absl::OkStatus();
  }
  absl::string_view text;
  if (absl::Status s = GetString(value, path, &text); !s.ok()) return s;
  return add(text, path);
}

enum class UserType { kUnset, kMember, kGuest };

// Members of #microsoft.graph.userSignIn / servicePrincipalSignIn plus the
// crossgate extensions, in one table (see BindMembers).
enum IdentityKey {
  kIdOdataType,
  kIdUserId,
  kIdExternalTenantId,
  kIdExternalUserType,
  kIdUserType,
  kIdIdentitySource,
  kIdHomeUserId,
  kIdGroups,
  kIdHomeGroups,
  kIdRoles,
  kIdServicePrincipalId,
  kIdKeyCount,
};
constexpr absl::string_view kIdentityKeys[kIdKeyCount] = {
    "@odata.type", "userId",         "externalTenantId",   "externalUserType",
    "userType",    "identitySource", "homeUserId",         "groups",
    "homeGroups",  "roles",          "servicePrincipalId",
};

absl::Status ReadServicePrincipal(const JsonSlot* slots, const JsonPath& path,
                                  ParsedRequest* out) {
  for (int k = kIdUserId; k <= kIdRoles; ++k) {
    if (slots[k] != nullptr) {
      return NotAPropertyOf(path.Child(kIdentityKeys[k]),
                            "servicePrincipalSignIn");
    }
  }
  JsonPath sp_path = path.Child("servicePrincipalId");
  if (slots[kIdServicePrincipalId] == nullptr) {
    return PathError(sp_path, "required");
  }
  Request& req = Access::request(out);
  req.principal_kind = PrincipalKind::kServicePrincipal;
  return GetGuid(*slots[kIdServicePrincipalId], sp_path, &req.principal_id);
}

// Reads the user facts and derives the external user type when the request
// does not give it (spec 4.3 classification table).
absl::Status ReadUser(const JsonSlot* slots, const JsonPath& path,
                      ParsedRequest* out, std::vector<std::string>* notes) {
  if (slots[kIdServicePrincipalId] != nullptr) {
    return NotAPropertyOf(path.Child("servicePrincipalId"), "userSignIn");
  }
  Request& req = Access::request(out);
  req.principal_kind = PrincipalKind::kUser;
  JsonPath user_path = path.Child("userId");
  if (slots[kIdUserId] == nullptr) return PathError(user_path, "required");
  if (absl::Status s = GetGuid(*slots[kIdUserId], user_path, &req.principal_id);
      !s.ok()) {
    return s;
  }

  JsonPath tenant_path = path.Child("externalTenantId");
  if (slots[kIdExternalTenantId] != nullptr) {
    if (absl::Status s = GetGuid(*slots[kIdExternalTenantId], tenant_path,
                                 &req.home_tenant_id);
        !s.ok()) {
      return s;
    }
    if (req.home_tenant_id.is_zero()) {
      return PathError(tenant_path, "must not be the zero GUID");
    }
  }

  JsonPath source_path = path.Child("identitySource");
  if (slots[kIdIdentitySource] != nullptr) {
    absl::string_view text;
    if (absl::Status s =
            GetString(*slots[kIdIdentitySource], source_path, &text);
        !s.ok()) {
      return s;
    }
    if (!ParseIdentitySource(text, &req.identity_source)) {
      return UnknownValue(source_path, text);
    }
  }

  UserType user_type = UserType::kUnset;
  JsonPath user_type_path = path.Child("userType");
  if (slots[kIdUserType] != nullptr) {
    absl::string_view text;
    if (absl::Status s = GetString(*slots[kIdUserType], user_type_path, &text);
        !s.ok()) {
      return s;
    }
    if (SameWord(text, "member")) {
      user_type = UserType::kMember;
    } else if (SameWord(text, "guest")) {
      user_type = UserType::kGuest;
    } else {
      return UnknownValue(user_type_path, text);
    }
  }

  const bool cross_tenant = !req.home_tenant_id.is_zero() &&
                            req.home_tenant_id != req.resource_tenant_id;
  const bool non_entra = req.identity_source != IdentitySource::kUnspecified &&
                         req.identity_source != IdentitySource::kEntra;
  const bool external_account = cross_tenant || non_entra;

  JsonPath types_path = path.Child("externalUserType");
  uint32_t types = 0;
  if (slots[kIdExternalUserType] != nullptr) {
    if (absl::Status s = ReadExternalUserTypes(*slots[kIdExternalUserType],
                                               types_path, &types);
        !s.ok()) {
      return s;
    }
    if (user_type == UserType::kMember &&
        (types & (kInternalGuest | kB2bCollaborationGuest)) != 0) {
      return PathError(types_path,
                       absl::StrCat(ExternalUserTypesName(types),
                                    " contradicts userType member"));
    }
    if (user_type == UserType::kGuest &&
        (types & kB2bCollaborationMember) != 0) {
      return PathError(types_path, absl::StrCat(ExternalUserTypesName(types),
                                                " contradicts userType guest"));
    }
    if ((types & kInternalGuest) != 0 && cross_tenant) {
      return PathError(types_path,
                       "internalGuest is a local account of the resource "
                       "tenant, but externalTenantId names another tenant");
    }
  } else {
    // Spec 4.3 classification from userType and where the account lives.
    // Only a guessed userType is a default worth a note.
    const bool guessed = user_type == UserType::kUnset;
    if (guessed) {
      user_type = external_account ? UserType::kGuest : UserType::kMember;
      Note(notes, user_type_path, " not given: read as ",
           external_account ? "guest (the account is external)"
                            : "member of the resource tenant");
    }
    if (user_type == UserType::kGuest) {
      types = external_account ? kB2bCollaborationGuest : kInternalGuest;
    } else if (external_account) {
      types = kB2bCollaborationMember;
    }
    if (guessed && types != 0 && notes != nullptr) {
      Note(notes, types_path, " not given: derived ",
           ExternalUserTypesName(types));
    }
  }
  req.external_user_types = types;

  const bool internal = (types & ~uint32_t{kInternalGuest}) == 0;
  const bool direct_connect_only = types == kB2bDirectConnectUser;
  if (!internal && !non_entra && req.home_tenant_id.is_zero()) {
    Note(notes, tenant_path,
         " not given: the external user's home tenant is unknown");
  }
  if (!internal && !non_entra &&
      req.identity_source == IdentitySource::kUnspecified) {
    Note(notes, source_path, " not given: entra");
  }

  std::vector<Guid>& groups = Access::groups(out);
  JsonPath groups_path = path.Child("groups");
  if (slots[kIdGroups] != nullptr) {
    if (absl::Status s = GetGuidList(*slots[kIdGroups], groups_path, &groups);
        !s.ok()) {
      return s;
    }
  } else if (!direct_connect_only) {
    Note(notes, groups_path, " not given: the user is in no groups");
  }

  JsonPath roles_path = path.Child("roles");
  if (slots[kIdRoles] != nullptr) {
    if (absl::Status s =
            GetGuidList(*slots[kIdRoles], roles_path, &Access::roles(out));
        !s.ok()) {
      return s;
    }
  } else if (!direct_connect_only) {
    Note(notes, roles_path, " not given: the user holds no directory roles");
  }

  // Home-tenant identity for cross-tenant access targets (spec 2.8, 2.9).
  JsonPath home_user_path = path.Child("homeUserId");
  if (slots[kIdHomeUserId] != nullptr) {
    if (absl::Status s =
            GetGuid(*slots[kIdHomeUserId], home_user_path, &req.home_user_id);
        !s.ok()) {
      return s;
    }
  } else if (internal) {
    req.home_user_id = req.principal_id;  // home is the resource tenant
  } else if ((types & kB2bDirectConnectUser) != 0) {
    req.home_user_id = req.principal_id;
    Note(notes, home_user_path,
         " not given: using userId (a direct-connect user has no object in "
         "the resource tenant)");
  } else if (!non_entra) {  // D3: non-Entra identities skip XTAP
    Note(notes, home_user_path,
         " not given: cross-tenant access user targets cannot match this "
         "user");
  }

  std::vector<Guid>& home_groups = Access::home_groups(out);
  JsonPath home_groups_path = path.Child("homeGroups");
  if (slots[kIdHomeGroups] != nullptr) {
    if (absl::Status s =
            GetGuidList(*slots[kIdHomeGroups], home_groups_path, &home_groups);
        !s.ok()) {
      return s;
    }
  } else if (internal) {
    home_groups.assign(groups.begin(), groups.end());
  } else if (!non_entra) {
    Note(notes, home_groups_path,
         " not given: the user is in no home-tenant groups");
  }
  return absl::OkStatus();
}

absl::Status ReadIdentity(const JsonValue& value, const JsonPath& path,
                          ParsedRequest* out, bool* is_user,
                          std::vector<std::string>* notes) {
  simdjson::dom::object object;
  if (absl::Status s = ExpectObject(value, path, &object); !s.ok()) return s;
  JsonSlot slots[kIdKeyCount];
  static const KeyTable kTable(kIdentityKeys);
  if (absl::Status s = BindMembers(object, kTable, slots, path); !s.ok()) {
    return s;
  }
  bool service_principal;
  if (slots[kIdOdataType] != nullptr) {
    JsonPath type_path = path.Child("@odata.type");
    absl::string_view type;
    if (absl::Status s = GetString(*slots[kIdOdataType], type_path, &type);
        !s.ok()) {
      return s;
    }
    absl::string_view name = ODataTypeName(type);
    if (SameWord(name, "userSignIn")) {
      service_principal = false;
    } else if (SameWord(name, "servicePrincipalSignIn")) {
      service_principal = true;
    } else {
      return UnknownValue(type_path, type);
    }
  } else {
    service_principal =
        slots[kIdServicePrincipalId] != nullptr && slots[kIdUserId] == nullptr;
  }
  *is_user = !service_principal;
  return service_principal ? ReadServicePrincipal(slots, path, out)
                           : ReadUser(slots, path, out, notes);
}

enum ContextKey {
  kCtxOdataType,
  kCtxIncludeApplications,
  kCtxUserAction,
  kCtxAuthenticationContextValue,
  kCtxClientApplicationId,
  kCtxKeyCount,
};
constexpr absl::string_view kContextKeys[kCtxKeyCount] = {
    "@odata.type",         "includeApplications",
    "userAction",          "authenticationContextValue",
    "clientApplicationId",
};

// `c1`..`c99` (spec 4.4).
bool ParseAuthContext(absl::string_view text, uint8_t* out) {
  if (text.size() < 2 || text.size() > 3 ||
      (text[0] != 'c' && text[0] != 'C')) {
    return false;
  }
  int n = 0;
  for (char c : text.substr(1)) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
    n = n * 10 + (c - '0');
  }
  if (n < 1 || n > 99 || text[1] == '0') return false;
  *out = static_cast<uint8_t>(n);
  return true;
}

absl::Status ReadContext(const JsonValue& value, const JsonPath& path,
                         ParsedRequest* out) {
  simdjson::dom::object object;
  if (absl::Status s = ExpectObject(value, path, &object); !s.ok()) return s;
  JsonSlot slots[kCtxKeyCount];
  static const KeyTable kTable(kContextKeys);
  if (absl::Status s = BindMembers(object, kTable, slots, path); !s.ok()) {
    return s;
  }
  Request& req = Access::request(out);
  int kind = -1;  // the ContextKey of the member that carries the target
  absl::string_view type_name;
  if (slots[kCtxOdataType] != nullptr) {
    JsonPath type_path = path.Child("@odata.type");
    absl::string_view type;
    if (absl::Status s = GetString(*slots[kCtxOdataType], type_path, &type);
        !s.ok()) {
      return s;
    }
    type_name = ODataTypeName(type);
    if (SameWord(type_name, "applicationContext")) {
      kind = kCtxIncludeApplications;
      type_name = "applicationContext";
    } else if (SameWord(type_name, "userActionContext")) {
      kind = kCtxUserAction;
      type_name = "userActionContext";
    } else if (SameWord(type_name, "authContext")) {
      kind = kCtxAuthenticationContextValue;
      type_name = "authContext";
    } else {
      return UnknownValue(type_path, type);
    }
  } else {
    static constexpr absl::string_view kTypeNames[] = {
        "", "applicationContext", "userActionContext", "authContext"};
    for (int k = kCtxIncludeApplications; k <= kCtxAuthenticationContextValue;
         ++k) {
      if (slots[k] != nullptr && kind < 0) {
        kind = k;
        type_name = kTypeNames[k];
      }
    }
    if (kind < 0) {
      return PathError(path,
                       "one of includeApplications, userAction or "
                       "authenticationContextValue is required");
    }
  }
  for (int k = kCtxIncludeApplications; k <= kCtxAuthenticationContextValue;
       ++k) {
    if (k != kind && slots[k] != nullptr) {
      return NotAPropertyOf(path.Child(kContextKeys[k]), type_name);
    }
  }
  JsonPath target_path = path.Child(kContextKeys[kind]);
  if (slots[kind] == nullptr) return PathError(target_path, "required");
  const JsonValue& target = *slots[kind];
  switch (kind) {
    case kCtxIncludeApplications: {
      req.target_kind = TargetKind::kApplication;
      simdjson::dom::array ids;
      if (absl::Status s = ExpectArray(target, target_path, &ids); !s.ok()) {
        return s;
      }
      const size_t count = ids.size();
      if (count != 1) {
        return PathError(target_path,
                         absl::StrCat("exactly one application id is "
                                      "supported, got ",
                                      count));
      }
      if (absl::Status s = GetGuid(*ids.begin(), target_path.Element(0),
                                   &req.application_id);
          !s.ok()) {
        return s;
      }
      break;
    }
    case kCtxUserAction: {
      req.target_kind = TargetKind::kUserAction;
      absl::string_view text;
      if (absl::Status s = GetString(target, target_path, &text); !s.ok()) {
        return s;
      }
      if (!ParseUserAction(text, &req.user_action)) {
        return UnknownValue(target_path, text);
      }
      break;
    }
    default: {
      req.target_kind = TargetKind::kAuthenticationContext;
      absl::string_view text;
      if (absl::Status s = GetString(target, target_path, &text); !s.ok()) {
        return s;
      }
      if (!ParseAuthContext(text, &req.authentication_context)) {
        return PathError(target_path, absl::StrCat("expected c1..c99, got ",
                                                   QuoteForMessage(text)));
      }
      break;
    }
  }
  if (slots[kCtxClientApplicationId] != nullptr) {
    return GetGuid(*slots[kCtxClientApplicationId],
                   path.Child("clientApplicationId"),
                   &req.client_application_id);
  }
  return absl::OkStatus();
}

enum TopKey {
  kTopSignInIdentity,
  kTopSignInContext,
  kTopSignInConditions,
  kTopAppliedPoliciesOnly,
  kTopResourceTenantId,
  kTopClaims,
  kTopTenantRestrictions,
  kTopKeyCount,
};
constexpr absl::string_view kTopKeys[kTopKeyCount] = {
    "signInIdentity",      "signInContext",    "signInConditions",
    "appliedPoliciesOnly", "resourceTenantId", "claims",
    "tenantRestrictions",
};

absl::Status ReadTenantRestrictions(const JsonValue& value,
                                    const JsonPath& path, Request* req) {
  simdjson::dom::object object;
  if (absl::Status s = ExpectObject(value, path, &object); !s.ok()) return s;
  static constexpr absl::string_view kKeys[] = {"tenantId"};
  static const KeyTable kTable(kKeys);
  JsonSlot slots[1];
  if (absl::Status s = BindMembers(object, kTable, slots, path); !s.ok()) {
    return s;
  }
  JsonPath tenant_path = path.Child("tenantId");
  if (slots[0] == nullptr) return PathError(tenant_path, "required");
  req->tenant_restrictions_signal = true;
  return GetGuid(*slots[0], tenant_path, &req->tenant_restrictions_tenant_id);
}

absl::Status ReadRequest(const JsonValue& root, const RequestDefaults& defaults,
                         ParsedRequest* out, std::vector<std::string>* notes) {
  JsonPath path;
  if (root.type() != simdjson::dom::element_type::OBJECT) {
    return PathError(
        path, absl::StrCat("expected a JSON object, got ", KindName(root)));
  }
  simdjson::dom::object object = root.get_object().value_unsafe();
  JsonSlot slots[kTopKeyCount];
  static const KeyTable kTable(kTopKeys);
  if (absl::Status s = BindMembers(object, kTable, slots, path); !s.ok()) {
    return s;
  }
  Request& req = Access::request(out);

  JsonPath tenant_path = path.Child("resourceTenantId");
  if (slots[kTopResourceTenantId] != nullptr) {
    if (absl::Status s = GetGuid(*slots[kTopResourceTenantId], tenant_path,
                                 &req.resource_tenant_id);
        !s.ok()) {
      return s;
    }
    if (req.resource_tenant_id.is_zero()) {
      return PathError(tenant_path, "must not be the zero GUID");
    }
  } else if (!defaults.resource_tenant_id.is_zero()) {
    req.resource_tenant_id = defaults.resource_tenant_id;
    if (notes != nullptr) {
      Note(notes, "resourceTenantId not given: using ",
           defaults.resource_tenant_source, " ",
           FormatGuid(defaults.resource_tenant_id));
    }
  } else {
    return PathError(tenant_path, "required (there is no default tenant)");
  }

  JsonPath identity_path = path.Child("signInIdentity");
  if (slots[kTopSignInIdentity] == nullptr) {
    return PathError(identity_path, "required");
  }
  bool is_user = true;
  if (absl::Status s = ReadIdentity(*slots[kTopSignInIdentity], identity_path,
                                    out, &is_user, notes);
      !s.ok()) {
    return s;
  }

  JsonPath context_path = path.Child("signInContext");
  if (slots[kTopSignInContext] == nullptr) {
    return PathError(context_path, "required");
  }
  if (absl::Status s =
          ReadContext(*slots[kTopSignInContext], context_path, out);
      !s.ok()) {
    return s;
  }

  if (absl::Status s =
          ReadConditions(slots[kTopSignInConditions],
                         path.Child("signInConditions"), is_user, out, notes);
      !s.ok()) {
    return s;
  }
  if (absl::Status s = ReadClaims(slots[kTopClaims], path.Child("claims"),
                                  is_user, out, notes);
      !s.ok()) {
    return s;
  }
  if (slots[kTopTenantRestrictions] != nullptr) {
    if (absl::Status s =
            ReadTenantRestrictions(*slots[kTopTenantRestrictions],
                                   path.Child("tenantRestrictions"), &req);
        !s.ok()) {
      return s;
    }
  }
  if (slots[kTopAppliedPoliciesOnly] != nullptr) {
    bool applied = false;
    if (absl::Status s = GetBool(*slots[kTopAppliedPoliciesOnly],
                                 path.Child("appliedPoliciesOnly"), &applied);
        !s.ok()) {
      return s;
    }
    Access::set_applied_policies_only(out, applied);
  }
  return absl::OkStatus();
}

}  // namespace
}  // namespace request_json_internal

namespace {
// The deepest nesting simdjson accepts (deeper is invalid JSON). A request
// nests 4 levels; the bound keeps the recursive walks (DuplicateIn)
// shallow. protobuf's parser, which this replaced, stopped at about 50.
constexpr size_t kMaxJsonDepth = 64;
}  // namespace

struct RequestReader::Json {
  simdjson::dom::parser parser;
  // The text plus simdjson::SIMDJSON_PADDING readable bytes (simdjson reads
  // in 64-byte blocks). Grows, never shrinks.
  std::unique_ptr<char[]> buffer;
  size_t capacity = 0;

  // Sets the depth limit once; capacity then grows with the requests
  // (simdjson keeps the depth limit when it grows).
  simdjson::error_code Ready() {
    if (parser.max_depth() == kMaxJsonDepth) return simdjson::SUCCESS;
    return parser.allocate(simdjson::dom::MINIMAL_DOCUMENT_CAPACITY,
                           kMaxJsonDepth);
  }
  const char* Padded(absl::string_view json) {
    const size_t need = json.size() + simdjson::SIMDJSON_PADDING;
    if (need > capacity) {
      capacity = std::max(need, capacity * 2);
      buffer.reset(new char[capacity]);
    }
    std::memcpy(buffer.get(), json.data(), json.size());
    std::memset(buffer.get() + json.size(), 0, simdjson::SIMDJSON_PADDING);
    return buffer.get();
  }
};

RequestReader::RequestReader() : json_(std::make_unique<Json>()) {}
RequestReader::~RequestReader() = default;

namespace {

// Whether brackets outside strings nest deeper than `limit`. protobuf's
// parser takes time quadratic in the nesting depth (minutes for 10^5 levels,
// e.g. `[[[[...`), so the error path below does not hand it such text.
bool NestsDeeperThan(absl::string_view json, size_t limit) {
  size_t depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (in_string) {
      if (c == '\\') {
        ++i;  // the escaped character cannot end the string
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > limit) return true;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return false;
}

// The error path only: protobuf's JSON parser (the reader's parser before
// simdjson) explains where the text breaks with an excerpt and a caret
// (the CLI's `file:line:column`); simdjson's error codes carry no position.
// When protobuf accepts what simdjson refused (simdjson is stricter, e.g.
// about numbers beyond 64 bits), simdjson's message is used.
absl::Status InvalidJson(absl::string_view json, simdjson::error_code error) {
  if (error == simdjson::DEPTH_ERROR || NestsDeeperThan(json, kMaxJsonDepth)) {
    return absl::InvalidArgumentError(
        absl::StrCat("request: invalid JSON: nested deeper than ",
                     kMaxJsonDepth, " levels"));
  }
  google::protobuf::Value value;
  auto parsed = google::protobuf::util::JsonStringToMessage(
      google::protobuf::StringPiece(json.data(), json.size()), &value,
      google::protobuf::util::JsonParseOptions());
  if (!parsed.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "request: invalid JSON: ",
        absl::string_view(parsed.message().data(), parsed.message().size())));
  }
  return absl::InvalidArgumentError(
      absl::StrCat("request: invalid JSON: ", simdjson::error_message(error)));
}

}  // namespace

absl::Status RequestReader::Parse(absl::string_view json,
                                  const RequestDefaults& defaults,
                                  ParsedRequest* out,
                                  std::vector<std::string>* notes) {
  if (json.size() > kMaxRequestJsonBytes) {
    return ParseAt(nullptr, json, defaults, out, notes);  // the limit error
  }
  return ParseAt(json_->Padded(json), json, defaults, out, notes);
}

absl::Status RequestReader::ParsePadded(absl::string_view json,
                                        const RequestDefaults& defaults,
                                        ParsedRequest* out,
                                        std::vector<std::string>* notes) {
  return ParseAt(json.data(), json, defaults, out, notes);
}

absl::Status RequestReader::ParseAt(const char* padded, absl::string_view json,
                                    const RequestDefaults& defaults,
                                    ParsedRequest* out,
                                    std::vector<std::string>* notes) {
  static_assert(kRequestJsonPadding == simdjson::SIMDJSON_PADDING);
  out->Clear();
  if (json.size() > kMaxRequestJsonBytes) {
    return absl::ResourceExhaustedError(absl::StrCat("request: ", json.size(),
                                                     " bytes; the limit is ",
                                                     kMaxRequestJsonBytes));
  }
  simdjson::dom::element root;
  simdjson::error_code error = json_->Ready();
  if (error == simdjson::SUCCESS) {
    error = json_->parser.parse(padded, json.size(), false).get(root);
  }
  if (error == simdjson::MEMALLOC) {
    return absl::InternalError("request: cannot allocate the JSON parse tree");
  }
  if (error != simdjson::SUCCESS) return InvalidJson(json, error);
  absl::Status status =
      request_json_internal::ReadRequest(root, defaults, out, notes);
  request_json_internal::ParsedRequestAccess::Relink(out);
  return status;
}

absl::StatusOr<ParsedRequest> ParseRequestJson(
    absl::string_view json, const RequestDefaults& defaults,
    std::vector<std::string>* notes) {
  RequestReader reader;
  ParsedRequest parsed;
  if (absl::Status s = reader.Parse(json, defaults, &parsed, notes); !s.ok()) {
    return s;
  }
  return parsed;
}

}  // namespace crossgate
