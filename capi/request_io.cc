#include "capi/request_io.h"

#include <cstring>

#include "absl/base/internal/endian.h"
#include "absl/strings/str_cat.h"
#include "capi/struct_io.h"

namespace crossgate::capi {
namespace {

constexpr uint32_t kKnownRequestFlags = CROSSGATE_REQUEST_COMPLIANT_NETWORK |
                                        CROSSGATE_REQUEST_TENANT_RESTRICTIONS |
                                        CROSSGATE_REQUEST_WHAT_IF;
constexpr uint32_t kKnownExternalTypes = (1u << 6) - 1;
constexpr uint32_t kKnownClaims = (1u << 7) - 1;

// The C enum values equal the lib enum values (both 0 = not supplied); only
// the range is checked here.
static_assert(CROSSGATE_PLATFORM_UNKNOWN == static_cast<int>(Platform::kUnknown));
static_assert(CROSSGATE_RISK_HIDDEN == static_cast<int>(RiskLevel::kHidden));
static_assert(CROSSGATE_CLIENT_APP_OTHER == static_cast<int>(ClientApp::kOther));
static_assert(static_cast<uint32_t>(CROSSGATE_EXTERNAL_SERVICE_PROVIDER) ==
              static_cast<uint32_t>(kServiceProvider));

uint64_t LoadBigEndian64(const uint8_t* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return absl::big_endian::ToHost64(v);
}

void StoreBigEndian64(uint64_t v, uint8_t* p) {
  v = absl::big_endian::FromHost64(v);
  std::memcpy(p, &v, 8);
}

// Returns EENUM naming `field` unless 0 <= value <= max.
template <typename E>
int ReadEnum(int32_t value, int32_t max, const char* field, E* out,
             crossgate_error** err) {
  if (value < 0 || value > max) {
    return SetError(err, CROSSGATE_EENUM,
                    absl::StrCat("unknown value ", value, " (0..", max, ")"),
                    absl::StrCat("request/", field));
  }
  *out = static_cast<E>(value);
  return CROSSGATE_OK;
}

int ReadCountry(const char in[2], const char* field, char out[2],
                crossgate_error** err) {
  if (in[0] == 0 && in[1] == 0) {
    out[0] = out[1] = 0;
    return CROSSGATE_OK;
  }
  for (int i = 0; i < 2; ++i) {
    char c = in[i];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') {
      return SetError(err, CROSSGATE_EINVALID,
                      "not an ISO 3166 alpha-2 code (two letters, or two NULs)",
                      absl::StrCat("request/", field));
    }
    out[i] = c;
  }
  return CROSSGATE_OK;
}

int ReadIp(const crossgate_ip& in, Request* out, crossgate_error** err) {
  if (in.family == 0) {
    out->has_ip = false;
    return CROSSGATE_OK;
  }
  out->has_ip = true;
  if (in.family == 6) {
    out->ip.v6 = true;
    std::memcpy(out->ip.bytes, in.bytes, 16);
    return CROSSGATE_OK;
  }
  if (in.family == 4) {
    // lib/model/cidr.h stores IPv4 as ::ffff:a.b.c.d.
    out->ip.v6 = false;
    std::memset(out->ip.bytes, 0, 10);
    out->ip.bytes[10] = out->ip.bytes[11] = 0xff;
    std::memcpy(out->ip.bytes + 12, in.bytes, 4);
    return CROSSGATE_OK;
  }
  return SetError(err, CROSSGATE_EENUM,
                  absl::StrCat("unknown address family ", in.family,
                               " (0, 4 or 6)"),
                  "request/ip/family");
}

}  // namespace

Guid ToGuid(const crossgate_guid& in) {
  return Guid{LoadBigEndian64(in.bytes), LoadBigEndian64(in.bytes + 8)};
}

crossgate_guid FromGuid(const Guid& in) {
  crossgate_guid out;
  StoreBigEndian64(in.hi, out.bytes);
  StoreBigEndian64(in.lo, out.bytes + 8);
  return out;
}

void RequestConverter::CopyGuids(const crossgate_guid* data, size_t count,
                                 std::vector<Guid>* buffer) {
  buffer->resize(count);
  Guid* out = buffer->data();
  for (size_t i = 0; i < count; ++i) out[i] = ToGuid(data[i]);
}

namespace {

bool ListOk(const void* data, size_t count) {
  return (data != nullptr || count == 0) & (count <= kMaxRequestList);
}

bool CountryOk(const char c[2]) {
  auto letter = [](char ch) {
    return (ch >= 'A' && ch <= 'Z') | (ch >= 'a' && ch <= 'z');
  };
  return (c[0] == 0 && c[1] == 0) | (letter(c[0]) & letter(c[1]));
}

bool Le(int32_t value, int32_t max) {
  return static_cast<uint32_t>(value) <= static_cast<uint32_t>(max);
}

// True when every field is in range: the common case, checked without
// branching per field. Diagnose() names the first bad field otherwise.
bool InRange(const crossgate_request& in) {
  bool ok = ((in.flags & ~kKnownRequestFlags) |
             (in.external_user_types & ~kKnownExternalTypes) |
             (in.claims & ~kKnownClaims) | in.reserved0) == 0;
  ok &= Le(in.principal_kind, 2) & Le(in.identity_source, 5) &
        Le(in.target_kind, 3) & Le(in.user_action, 2) & Le(in.client_app, 4) &
        Le(in.platform, 7) & Le(in.sign_in_risk, 5) & Le(in.user_risk, 5) &
        Le(in.service_principal_risk, 5) & Le(in.insider_risk, 3) &
        Le(in.authentication_flow, 2) & Le(in.mfa_origin, 2) &
        Le(in.device_origin, 2) & (in.authentication_context <= 99) &
        ((in.ip.family == 0) | (in.ip.family == 4) | (in.ip.family == 6));
  ok &= ListOk(in.home_groups, in.home_group_count) &
        ListOk(in.groups, in.group_count) & ListOk(in.roles, in.role_count) &
        ListOk(in.accepted_terms_of_use, in.accepted_terms_of_use_count) &
        ListOk(in.satisfied_custom_controls, in.satisfied_custom_control_count);
  ok &= CountryOk(in.country) & CountryOk(in.gps_country);
  return ok;
}

int CheckList(const void* data, size_t count, const char* field,
              crossgate_error** err) {
  if (count != 0 && data == nullptr) {
    return SetError(err, CROSSGATE_EINVALID, "count is non-zero but the list is NULL",
                    absl::StrCat("request/", field));
  }
  if (count > kMaxRequestList) {
    return SetError(err, CROSSGATE_ELIMIT, "list is longer than 1048576",
                    absl::StrCat("request/", field));
  }
  return CROSSGATE_OK;
}

// The slow path: the first out-of-range field, as an error naming it.
int Diagnose(const crossgate_request& in, crossgate_error** err) {
  if ((in.flags & ~kKnownRequestFlags) != 0) {
    return SetError(err, CROSSGATE_EINVALID, "unknown flag bits", "request/flags");
  }
  if ((in.external_user_types & ~kKnownExternalTypes) != 0) {
    return SetError(err, CROSSGATE_EENUM, "unknown external user type bits",
                    "request/external_user_types");
  }
  if ((in.claims & ~kKnownClaims) != 0) {
    return SetError(err, CROSSGATE_EENUM, "unknown claim bits", "request/claims");
  }
  if (in.reserved0 != 0) {
    return SetError(err, CROSSGATE_EINVALID, "reserved field is not 0",
                    "request/reserved0");
  }
  if (in.authentication_context > 99) {
    return SetError(err, CROSSGATE_EINVALID, "authentication context is c1..c99",
                    "request/authentication_context");
  }
  Request scratch;
  char country[2];
  int rc;
  if ((rc = ReadEnum(in.principal_kind, 2, "principal_kind", &scratch.principal_kind, err)) ||
      (rc = ReadEnum(in.identity_source, 5, "identity_source", &scratch.identity_source, err)) ||
      (rc = ReadEnum(in.target_kind, 3, "target_kind", &scratch.target_kind, err)) ||
      (rc = ReadEnum(in.user_action, 2, "user_action", &scratch.user_action, err)) ||
      (rc = ReadEnum(in.client_app, 4, "client_app", &scratch.client_app, err)) ||
      (rc = ReadEnum(in.platform, 7, "platform", &scratch.platform, err)) ||
      (rc = ReadEnum(in.sign_in_risk, 5, "sign_in_risk", &scratch.sign_in_risk, err)) ||
      (rc = ReadEnum(in.user_risk, 5, "user_risk", &scratch.user_risk, err)) ||
      (rc = ReadEnum(in.service_principal_risk, 5, "service_principal_risk",
                     &scratch.service_principal_risk, err)) ||
      (rc = ReadEnum(in.insider_risk, 3, "insider_risk", &scratch.insider_risk, err)) ||
      (rc = ReadEnum(in.authentication_flow, 2, "authentication_flow",
                     &scratch.authentication_flow, err)) ||
      (rc = ReadEnum(in.mfa_origin, 2, "mfa_origin", &scratch.claims.mfa_origin, err)) ||
      (rc = ReadEnum(in.device_origin, 2, "device_origin",
                     &scratch.claims.device_origin, err)) ||
      (rc = ReadIp(in.ip, &scratch, err)) ||
      (rc = ReadCountry(in.country, "country", country, err)) ||
      (rc = ReadCountry(in.gps_country, "gps_country", country, err)) ||
      (rc = CheckList(in.home_groups, in.home_group_count, "home_groups", err)) ||
      (rc = CheckList(in.groups, in.group_count, "groups", err)) ||
      (rc = CheckList(in.roles, in.role_count, "roles", err)) ||
      (rc = CheckList(in.accepted_terms_of_use, in.accepted_terms_of_use_count,
                      "accepted_terms_of_use", err)) ||
      (rc = CheckList(in.satisfied_custom_controls, in.satisfied_custom_control_count,
                      "satisfied_custom_controls", err))) {
    return rc;
  }
  return SetError(err, CROSSGATE_EINTERNAL, "request rejected without a reason");
}

char Upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c; }

}  // namespace

int RequestConverter::Convert(const crossgate_request* in_ptr, Request* out,
                              crossgate_error** err) {
  // A caller built against this header passes sizeof: read it in place.
  crossgate_request copy;
  const crossgate_request* source = in_ptr;
  if (in_ptr == nullptr || in_ptr->struct_size != sizeof(crossgate_request)) {
    if (int rc = ReadStruct(in_ptr, &copy, "request", err)) return rc;
    source = &copy;
  }
  const crossgate_request& in = *source;
  if (!InRange(in)) return Diagnose(in, err);

  // Enum values equal the lib values (static_asserts above); ranges checked.
  out->resource_tenant_id = ToGuid(in.resource_tenant_id);
  out->principal_kind = static_cast<PrincipalKind>(in.principal_kind);
  out->principal_id = ToGuid(in.principal_id);
  out->home_tenant_id = ToGuid(in.home_tenant_id);
  out->external_user_types = in.external_user_types;
  out->identity_source = static_cast<IdentitySource>(in.identity_source);
  out->home_user_id = ToGuid(in.home_user_id);
  CopyGuids(in.home_groups, in.home_group_count, &home_groups_);
  CopyGuids(in.groups, in.group_count, &groups_);
  CopyGuids(in.roles, in.role_count, &roles_);
  CopyGuids(in.accepted_terms_of_use, in.accepted_terms_of_use_count, &terms_of_use_);
  out->home_groups = home_groups_;
  out->groups = groups_;
  out->roles = roles_;
  out->target_kind = static_cast<TargetKind>(in.target_kind);
  out->application_id = ToGuid(in.application_id);
  out->client_application_id = ToGuid(in.client_application_id);
  out->user_action = static_cast<UserAction>(in.user_action);
  out->authentication_context = static_cast<uint8_t>(in.authentication_context);
  out->client_app = static_cast<ClientApp>(in.client_app);
  out->platform = static_cast<Platform>(in.platform);
  if (int rc = ReadIp(in.ip, out, err)) return rc;
  out->country[0] = Upper(in.country[0]);
  out->country[1] = Upper(in.country[1]);
  out->gps_country[0] = Upper(in.gps_country[0]);
  out->gps_country[1] = Upper(in.gps_country[1]);
  out->compliant_network = (in.flags & CROSSGATE_REQUEST_COMPLIANT_NETWORK) != 0;
  out->sign_in_risk = static_cast<RiskLevel>(in.sign_in_risk);
  out->user_risk = static_cast<RiskLevel>(in.user_risk);
  out->service_principal_risk = static_cast<RiskLevel>(in.service_principal_risk);
  out->insider_risk = static_cast<InsiderRisk>(in.insider_risk);
  out->authentication_flow = static_cast<AuthenticationFlow>(in.authentication_flow);
  out->device = nullptr;

  Claims& claims = out->claims;
  claims.mfa = (in.claims & CROSSGATE_CLAIM_MFA) != 0;
  claims.mfa_origin = static_cast<ClaimOrigin>(in.mfa_origin);
  claims.authentication_methods = in.authentication_methods;
  claims.compliant_device = (in.claims & CROSSGATE_CLAIM_COMPLIANT_DEVICE) != 0;
  claims.hybrid_joined_device = (in.claims & CROSSGATE_CLAIM_HYBRID_JOINED_DEVICE) != 0;
  claims.device_origin = static_cast<ClaimOrigin>(in.device_origin);
  claims.approved_application = (in.claims & CROSSGATE_CLAIM_APPROVED_APPLICATION) != 0;
  claims.app_protection_policy = (in.claims & CROSSGATE_CLAIM_APP_PROTECTION_POLICY) != 0;
  claims.password_changed = (in.claims & CROSSGATE_CLAIM_PASSWORD_CHANGED) != 0;
  claims.risk_remediated = (in.claims & CROSSGATE_CLAIM_RISK_REMEDIATED) != 0;
  claims.accepted_terms_of_use = terms_of_use_;
  custom_controls_.clear();
  for (size_t i = 0; i < in.satisfied_custom_control_count; ++i) {
    const crossgate_str& c = in.satisfied_custom_controls[i];
    if (c.data == nullptr) {
      return SetError(err, CROSSGATE_EINVALID, "string is NULL",
                      absl::StrCat("request/satisfied_custom_controls[", i, "]"));
    }
    custom_controls_.emplace_back(c.data, c.size);
  }
  claims.satisfied_custom_controls = custom_controls_;

  out->tenant_restrictions_signal =
      (in.flags & CROSSGATE_REQUEST_TENANT_RESTRICTIONS) != 0;
  out->tenant_restrictions_tenant_id =
      out->tenant_restrictions_signal ? ToGuid(in.tenant_restrictions_tenant_id) : Guid();

  if (in.device != nullptr) return ConvertDevice(in.device, out, err);
  return CROSSGATE_OK;
}

namespace {

device_filter::DeviceAttributes::Text Text(const crossgate_str& s) {
  if (s.data == nullptr) return absl::nullopt;
  return absl::string_view(s.data, s.size);
}

int Collection(const crossgate_str* data, size_t count, const char* field,
               std::vector<absl::string_view>* storage,
               device_filter::DeviceAttributes::Collection* out,
               crossgate_error** err) {
  storage->clear();
  if (data == nullptr && count == 0) {
    *out = absl::nullopt;  // a null collection property
    return CROSSGATE_OK;
  }
  if (int rc = CheckList(data, count, field, err)) return rc;
  for (size_t i = 0; i < count; ++i) {
    if (data[i].data == nullptr) {
      return SetError(err, CROSSGATE_EINVALID, "string is NULL",
                      absl::StrCat("request/", field, "[", i, "]"));
    }
    storage->emplace_back(data[i].data, data[i].size);
  }
  *out = absl::Span<const absl::string_view>(*storage);
  return CROSSGATE_OK;
}

}  // namespace

// The filter-for-devices properties (spec 4.10), in DeviceText order.
int RequestConverter::ConvertDevice(const crossgate_device* in_ptr, Request* out,
                                    crossgate_error** err) {
  // A caller built against this header passes sizeof: read it in place.
  crossgate_device copy;
  const crossgate_device* source = in_ptr;
  if (in_ptr->struct_size != sizeof(crossgate_device)) {
    copy = crossgate_device{};
    if (int rc = ReadStruct(in_ptr, &copy, "request/device", err)) return rc;
    source = &copy;
  }
  const crossgate_device& in = *source;
  if (!Le(in.is_compliant, CROSSGATE_TRISTATE_TRUE)) {
    return SetError(err, CROSSGATE_EENUM, "unknown value (0..2)",
                    "request/device/is_compliant");
  }
  using device_filter::DeviceText;
  const crossgate_str* texts[] = {
      &in.device_id,    &in.display_name,     &in.device_ownership,
      &in.enrollment_profile_name, &in.manufacturer, &in.mdm_app_id,
      &in.model,        &in.operating_system, &in.operating_system_version,
      &in.profile_type, &in.trust_type};
  static_assert(sizeof(texts) / sizeof(texts[0]) ==
                static_cast<size_t>(DeviceText::kExtensionAttribute1));
  static_assert(device_filter::kDeviceTextCount == 11 + 15);
  // Every member is assigned below, so the previous request's values never
  // leak into this one and nothing is reset twice.
  device_.registered = true;
  for (size_t i = 0; i < 11; ++i) device_.text[i] = Text(*texts[i]);
  for (size_t i = 0; i < 15; ++i) device_.text[11 + i] = Text(in.extension_attributes[i]);
  device_.is_compliant =
      in.is_compliant == CROSSGATE_TRISTATE_NULL
          ? absl::optional<bool>()
          : absl::optional<bool>(in.is_compliant == CROSSGATE_TRISTATE_TRUE);
  int rc;
  if ((rc = Collection(in.physical_ids, in.physical_id_count, "device/physical_ids",
                       &physical_ids_, &device_.physical_ids, err)) ||
      (rc = Collection(in.system_labels, in.system_label_count, "device/system_labels",
                       &system_labels_, &device_.system_labels, err))) {
    return rc;
  }
  out->device = &device_;
  return CROSSGATE_OK;
}


}  // namespace crossgate::capi
