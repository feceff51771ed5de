#include "capi/request_io.h"

#include <cstring>

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
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = (v << 8) | p[i];
  return v;
}

void StoreBigEndian64(uint64_t v, uint8_t* p) {
  for (int i = 7; i >= 0; --i) {
    p[i] = static_cast<uint8_t>(v);
    v >>= 8;
  }
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

int RequestConverter::CopyGuids(const crossgate_guid* data, size_t count,
                                std::vector<Guid>* buffer, const char* field,
                                crossgate_error** err) {
  buffer->clear();
  if (count == 0) return CROSSGATE_OK;
  if (data == nullptr) {
    return SetError(err, CROSSGATE_EINVALID, "count is non-zero but the list is NULL",
                    absl::StrCat("request/", field));
  }
  if (count > kMaxRequestList) {
    return SetError(err, CROSSGATE_ELIMIT, "list is longer than 1048576",
                    absl::StrCat("request/", field));
  }
  buffer->resize(count);
  for (size_t i = 0; i < count; ++i) (*buffer)[i] = ToGuid(data[i]);
  return CROSSGATE_OK;
}

int RequestConverter::Convert(const crossgate_request* in_ptr, Request* out,
                              crossgate_error** err) {
  crossgate_request in{};
  int rc = ReadStruct(in_ptr, &in, "request", err);
  if (rc != CROSSGATE_OK) return rc;
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

  *out = Request();
  out->resource_tenant_id = ToGuid(in.resource_tenant_id);
  out->principal_id = ToGuid(in.principal_id);
  out->home_tenant_id = ToGuid(in.home_tenant_id);
  out->home_user_id = ToGuid(in.home_user_id);
  out->application_id = ToGuid(in.application_id);
  out->client_application_id = ToGuid(in.client_application_id);
  out->external_user_types = in.external_user_types;
  out->authentication_context = static_cast<uint8_t>(in.authentication_context);
  out->compliant_network = (in.flags & CROSSGATE_REQUEST_COMPLIANT_NETWORK) != 0;
  out->tenant_restrictions_signal =
      (in.flags & CROSSGATE_REQUEST_TENANT_RESTRICTIONS) != 0;
  if (out->tenant_restrictions_signal) {
    out->tenant_restrictions_tenant_id = ToGuid(in.tenant_restrictions_tenant_id);
  }

  if ((rc = ReadEnum(in.principal_kind, 2, "principal_kind", &out->principal_kind, err)) ||
      (rc = ReadEnum(in.identity_source, 5, "identity_source", &out->identity_source, err)) ||
      (rc = ReadEnum(in.target_kind, 3, "target_kind", &out->target_kind, err)) ||
      (rc = ReadEnum(in.user_action, 2, "user_action", &out->user_action, err)) ||
      (rc = ReadEnum(in.client_app, 4, "client_app", &out->client_app, err)) ||
      (rc = ReadEnum(in.platform, 7, "platform", &out->platform, err)) ||
      (rc = ReadEnum(in.sign_in_risk, 5, "sign_in_risk", &out->sign_in_risk, err)) ||
      (rc = ReadEnum(in.user_risk, 5, "user_risk", &out->user_risk, err)) ||
      (rc = ReadEnum(in.service_principal_risk, 5, "service_principal_risk",
                     &out->service_principal_risk, err)) ||
      (rc = ReadEnum(in.insider_risk, 3, "insider_risk", &out->insider_risk, err)) ||
      (rc = ReadEnum(in.authentication_flow, 2, "authentication_flow",
                     &out->authentication_flow, err)) ||
      (rc = ReadEnum(in.mfa_origin, 2, "mfa_origin", &out->claims.mfa_origin, err)) ||
      (rc = ReadEnum(in.device_origin, 2, "device_origin",
                     &out->claims.device_origin, err)) ||
      (rc = ReadIp(in.ip, out, err)) ||
      (rc = ReadCountry(in.country, "country", out->country, err)) ||
      (rc = ReadCountry(in.gps_country, "gps_country", out->gps_country, err))) {
    return rc;
  }

  if ((rc = CopyGuids(in.home_groups, in.home_group_count, &home_groups_,
                      "home_groups", err)) ||
      (rc = CopyGuids(in.groups, in.group_count, &groups_, "groups", err)) ||
      (rc = CopyGuids(in.roles, in.role_count, &roles_, "roles", err)) ||
      (rc = CopyGuids(in.accepted_terms_of_use, in.accepted_terms_of_use_count,
                      &terms_of_use_, "accepted_terms_of_use", err))) {
    return rc;
  }
  out->home_groups = home_groups_;
  out->groups = groups_;
  out->roles = roles_;

  Claims& claims = out->claims;
  claims.mfa = (in.claims & CROSSGATE_CLAIM_MFA) != 0;
  claims.compliant_device = (in.claims & CROSSGATE_CLAIM_COMPLIANT_DEVICE) != 0;
  claims.hybrid_joined_device =
      (in.claims & CROSSGATE_CLAIM_HYBRID_JOINED_DEVICE) != 0;
  claims.approved_application =
      (in.claims & CROSSGATE_CLAIM_APPROVED_APPLICATION) != 0;
  claims.app_protection_policy =
      (in.claims & CROSSGATE_CLAIM_APP_PROTECTION_POLICY) != 0;
  claims.password_changed = (in.claims & CROSSGATE_CLAIM_PASSWORD_CHANGED) != 0;
  claims.risk_remediated = (in.claims & CROSSGATE_CLAIM_RISK_REMEDIATED) != 0;
  claims.authentication_methods = in.authentication_methods;
  claims.accepted_terms_of_use = terms_of_use_;

  custom_controls_.clear();
  size_t n = in.satisfied_custom_control_count;
  if (n != 0 && in.satisfied_custom_controls == nullptr) {
    return SetError(err, CROSSGATE_EINVALID, "count is non-zero but the list is NULL",
                    "request/satisfied_custom_controls");
  }
  if (n > kMaxRequestList) {
    return SetError(err, CROSSGATE_ELIMIT, "list is longer than 1048576",
                    "request/satisfied_custom_controls");
  }
  for (size_t i = 0; i < n; ++i) {
    const crossgate_str& s = in.satisfied_custom_controls[i];
    if (s.data == nullptr) {
      return SetError(err, CROSSGATE_EINVALID, "string is NULL",
                      absl::StrCat("request/satisfied_custom_controls[", i, "]"));
    }
    custom_controls_.emplace_back(s.data, s.size);
  }
  claims.satisfied_custom_controls = custom_controls_;

  if (in.device != nullptr) {
    crossgate_device device{};
    if ((rc = ReadStruct(in.device, &device, "request/device", err))) return rc;
    // TODO(#5): translate to device_filter::DeviceAttributes once the
    // device-filter module lands; until then a device fails closed rather
    // than being read as unregistered.
    return SetError(err, CROSSGATE_EUNSUPPORTED,
                    "device attributes are not supported by this build",
                    "request/device");
  }
  return CROSSGATE_OK;
}

}  // namespace crossgate::capi
