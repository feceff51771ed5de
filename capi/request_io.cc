#include "capi/request_io.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstring>
#include <utility>

#include "absl/strings/str_cat.h"
#include "capi/struct_io.h"

namespace crossgate::capi {
namespace {

constexpr uint32_t kKnownRequestFlags = CROSSGATE_REQUEST_COMPLIANT_NETWORK |
                                        CROSSGATE_REQUEST_TENANT_RESTRICTIONS |
                                        CROSSGATE_REQUEST_WHAT_IF;
constexpr uint32_t kKnownExternalTypes = (1u << 6) - 1;
constexpr uint32_t kKnownClaims = (1u << 7) - 1;

// Debian's hardened absl::string_view traps on a length above PTRDIFF_MAX;
// such a string fails the request instead (checked before constructing, so
// the compiler drops absl's check).
constexpr size_t kMaxString = kMaxCLength;

// Why a C string cannot be read, or null when it can.
const char* StringProblem(const crossgate_str& s) {
  if (s.data == nullptr) return "string is NULL";
  if (s.size > kMaxString) return "string is longer than PTRDIFF_MAX";
  return nullptr;
}

// The C enum values equal the lib enum values (both 0 = not supplied); only
// the range is checked here.
static_assert(CROSSGATE_PLATFORM_UNKNOWN ==
              static_cast<int>(Platform::kUnknown));
static_assert(CROSSGATE_RISK_HIDDEN == static_cast<int>(RiskLevel::kHidden));
static_assert(CROSSGATE_CLIENT_APP_OTHER ==
              static_cast<int>(ClientApp::kOther));
static_assert(static_cast<uint32_t>(CROSSGATE_EXTERNAL_SERVICE_PROVIDER) ==
              static_cast<uint32_t>(kServiceProvider));

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
  return SetError(
      err, CROSSGATE_EENUM,
      absl::StrCat("unknown address family ", in.family, " (0, 4 or 6)"),
      "request/ip/family");
}

}  // namespace

namespace {

static_assert(kKnownRequestFlags == 7 && kKnownExternalTypes == 63 &&
              kKnownClaims == 127);

// Four adjacent 32-bit fields checked in one vector operation (GCC/Clang
// vector extensions: SSE2 on x86-64, NEON on arm64, scalar code elsewhere).
// x <= max unsigned is (x ^ 2^31) <= (max ^ 2^31) signed, which SSE2 has;
// the constants are biased at compile time, so a negative enum value (huge
// unsigned) fails.
typedef int32_t I32x4 __attribute__((vector_size(16)));
constexpr int32_t Biased(uint32_t v) {
  return static_cast<int32_t>(v ^ 0x80000000u);
}
constexpr I32x4 BiasedMax(uint32_t a, uint32_t b, uint32_t c, uint32_t d) {
  return I32x4{Biased(a), Biased(b), Biased(c), Biased(d)};
}

// The four 32-bit fields at byte `offset` of `in` (layout fixed by the
// ABI), biased; lanes above `max` are all ones in the result.
I32x4 Over4(const crossgate_request& in, size_t offset, I32x4 max) {
  I32x4 v;
  std::memcpy(&v, reinterpret_cast<const char*>(&in) + offset, sizeof(v));
  constexpr I32x4 kBias = {INT32_MIN, INT32_MIN, INT32_MIN, INT32_MIN};
  return (v ^ kBias) > max;
}

#define CROSSGATE_ADJACENT4(a, b, c, d)                                       \
  static_assert(                                                              \
      offsetof(crossgate_request, b) == offsetof(crossgate_request, a) + 4 && \
      offsetof(crossgate_request, c) == offsetof(crossgate_request, a) + 8 && \
      offsetof(crossgate_request, d) == offsetof(crossgate_request, a) + 12)
CROSSGATE_ADJACENT4(principal_kind, external_user_types, identity_source,
                    target_kind);
CROSSGATE_ADJACENT4(user_action, authentication_context, client_app, platform);
CROSSGATE_ADJACENT4(sign_in_risk, user_risk, service_principal_risk,
                    insider_risk);
CROSSGATE_ADJACENT4(claims, mfa_origin, device_origin, authentication_methods);
#undef CROSSGATE_ADJACENT4

// The fast check of every integer field: false when one is out of range.
// (Lists, the address family and the countries are checked where they are
// converted.) Diagnose() names the first bad field.
bool ScalarsOk(const crossgate_request& in) {
  constexpr I32x4 kWho = BiasedMax(2, kKnownExternalTypes, 5, 3);
  constexpr I32x4 kWhat = BiasedMax(2, 99, 4, 7);
  constexpr I32x4 kRisk = BiasedMax(5, 5, 5, 3);
  constexpr I32x4 kClaims = BiasedMax(kKnownClaims, 2, 2, UINT32_MAX);
  const I32x4 over =
      Over4(in, offsetof(crossgate_request, principal_kind), kWho) |
      Over4(in, offsetof(crossgate_request, user_action), kWhat) |
      Over4(in, offsetof(crossgate_request, sign_in_risk), kRisk) |
      Over4(in, offsetof(crossgate_request, claims), kClaims);
  uint64_t lanes[2];
  std::memcpy(lanes, &over, sizeof(lanes));
  const bool scalars_ok = (in.flags <= kKnownRequestFlags) &
                          (static_cast<uint32_t>(in.authentication_flow) <= 2) &
                          (in.reserved0 == 0);
  return ((lanes[0] | lanes[1]) == 0) & scalars_ok;
}

// Two NULs or two ASCII letters (ISO 3166 alpha-2, either case).
constexpr std::array<bool, 256> kLetter = [] {
  std::array<bool, 256> t{};
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = t[c + 'a' - 'A'] = true;
  return t;
}();
bool CountryOk(const char c[2]) {
  const auto c0 = static_cast<unsigned char>(c[0]),
             c1 = static_cast<unsigned char>(c[1]);
  return ((c0 | c1) == 0) | (kLetter[c0] & kLetter[c1]);
}

// Both countries (adjacent in the C struct and in Request), upper-cased
// after CountryOk accepted them: clearing bit 5 of each byte upper-cases a
// letter and leaves NUL as NUL.
static_assert(offsetof(crossgate_request, gps_country) ==
                  offsetof(crossgate_request, country) + 2 &&
              offsetof(Request, gps_country) == offsetof(Request, country) + 2);
void CopyCountries(const crossgate_request& in, Request* out) {
  uint32_t both;
  std::memcpy(&both, in.country, 4);
  both &= 0xdfdfdfdfu;
  std::memcpy(reinterpret_cast<char*>(out) + offsetof(Request, country), &both,
              4);
}

// The seven claim bools (Claims keeps them in CROSSGATE_CLAIM_* bit order,
// mfa_origin after them) and mfa_origin, in one 8-byte store, so that
// Evaluate's loads of any of them forward from a single store. The multiply
// moves claim bit k to bit 8k (its 49 partial products land on distinct
// bits, so nothing carries), the mask keeps those, and byte k is then 0 or
// 1, a valid bool.
static_assert(CROSSGATE_CLAIM_MFA == 1 << 0 &&
              CROSSGATE_CLAIM_COMPLIANT_DEVICE == 1 << 1 &&
              CROSSGATE_CLAIM_HYBRID_JOINED_DEVICE == 1 << 2 &&
              CROSSGATE_CLAIM_APPROVED_APPLICATION == 1 << 3 &&
              CROSSGATE_CLAIM_APP_PROTECTION_POLICY == 1 << 4 &&
              CROSSGATE_CLAIM_PASSWORD_CHANGED == 1 << 5 &&
              CROSSGATE_CLAIM_RISK_REMEDIATED == 1 << 6);
static_assert(offsetof(Claims, mfa) == 0 &&
              offsetof(Claims, compliant_device) == 1 &&
              offsetof(Claims, hybrid_joined_device) == 2 &&
              offsetof(Claims, approved_application) == 3 &&
              offsetof(Claims, app_protection_policy) == 4 &&
              offsetof(Claims, password_changed) == 5 &&
              offsetof(Claims, risk_remediated) == 6 &&
              offsetof(Claims, mfa_origin) == 7 && sizeof(bool) == 1 &&
              sizeof(ClaimOrigin) == 1);
void SetClaimBools(uint32_t bits, int32_t mfa_origin, Claims* out) {
  uint64_t word =
      ((bits & kKnownClaims) * 0x0002040810204081ull) & 0x0101010101010101ull;
  word |= uint64_t{static_cast<uint8_t>(mfa_origin)} << 56;
  unsigned char bytes[8];
  std::memcpy(bytes, &word, 8);
  if constexpr (std::endian::native == std::endian::big) {
    std::reverse(bytes, bytes + 8);
  }
  std::memcpy(static_cast<void*>(out), bytes, 8);
}

int CheckList(const void* data, size_t count, const char* field,
              crossgate_error** err) {
  if (count != 0 && data == nullptr) {
    return SetError(err, CROSSGATE_EINVALID,
                    "count is non-zero but the list is NULL",
                    absl::StrCat("request/", field));
  }
  if (count > kMaxRequestList) {
    return SetError(err, CROSSGATE_ELIMIT, "list is longer than 1048576",
                    absl::StrCat("request/", field));
  }
  return CROSSGATE_OK;
}

// The slow path: the first out-of-range field, as an error naming it. Kept
// out of line so the converter's fast path keeps its registers.
[[gnu::cold, gnu::noinline]] int Diagnose(const crossgate_request& in,
                                          crossgate_error** err) {
  if ((in.flags & ~kKnownRequestFlags) != 0) {
    return SetError(err, CROSSGATE_EINVALID, "unknown flag bits",
                    "request/flags");
  }
  if ((in.external_user_types & ~kKnownExternalTypes) != 0) {
    return SetError(err, CROSSGATE_EENUM, "unknown external user type bits",
                    "request/external_user_types");
  }
  if ((in.claims & ~kKnownClaims) != 0) {
    return SetError(err, CROSSGATE_EENUM, "unknown claim bits",
                    "request/claims");
  }
  if (in.reserved0 != 0) {
    return SetError(err, CROSSGATE_EINVALID, "reserved field is not 0",
                    "request/reserved0");
  }
  if (in.authentication_context > 99) {
    return SetError(err, CROSSGATE_EINVALID,
                    "authentication context is c1..c99",
                    "request/authentication_context");
  }
  Request scratch;
  char country[2];
  int rc;
  if ((rc = ReadEnum(in.principal_kind, 2, "principal_kind",
                     &scratch.principal_kind, err)) ||
      (rc = ReadEnum(in.identity_source, 5, "identity_source",
                     &scratch.identity_source, err)) ||
      (rc = ReadEnum(in.target_kind, 3, "target_kind", &scratch.target_kind,
                     err)) ||
      (rc = ReadEnum(in.user_action, 2, "user_action", &scratch.user_action,
                     err)) ||
      (rc = ReadEnum(in.client_app, 4, "client_app", &scratch.client_app,
                     err)) ||
      (rc = ReadEnum(in.platform, 7, "platform", &scratch.platform, err)) ||
      (rc = ReadEnum(in.sign_in_risk, 5, "sign_in_risk", &scratch.sign_in_risk,
                     err)) ||
      (rc = ReadEnum(in.user_risk, 5, "user_risk", &scratch.user_risk, err)) ||
      (rc = ReadEnum(in.service_principal_risk, 5, "service_principal_risk",
                     &scratch.service_principal_risk, err)) ||
      (rc = ReadEnum(in.insider_risk, 3, "insider_risk", &scratch.insider_risk,
                     err)) ||
      (rc = ReadEnum(in.authentication_flow, 2, "authentication_flow",
                     &scratch.authentication_flow, err)) ||
      (rc = ReadEnum(in.mfa_origin, 2, "mfa_origin", &scratch.claims.mfa_origin,
                     err)) ||
      (rc = ReadEnum(in.device_origin, 2, "device_origin",
                     &scratch.claims.device_origin, err)) ||
      (rc = ReadIp(in.ip, &scratch, err)) ||
      (rc = ReadCountry(in.country, "country", country, err)) ||
      (rc = ReadCountry(in.gps_country, "gps_country", country, err)) ||
      (rc = CheckList(in.home_groups, in.home_group_count, "home_groups",
                      err)) ||
      (rc = CheckList(in.groups, in.group_count, "groups", err)) ||
      (rc = CheckList(in.roles, in.role_count, "roles", err)) ||
      (rc = CheckList(in.accepted_terms_of_use, in.accepted_terms_of_use_count,
                      "accepted_terms_of_use", err)) ||
      (rc = CheckList(in.satisfied_custom_controls,
                      in.satisfied_custom_control_count,
                      "satisfied_custom_controls", err))) {
    return rc;
  }
  return SetError(err, CROSSGATE_EINTERNAL,
                  "request rejected without a reason");
}

// The request's lists, checked branch-free as they are converted and
// tested once (Ok): no list may be NULL with a non-zero count or longer than
// kMaxRequestList (Diagnose names the list that is).
class ListChecks {
 public:
  void Add(const void* data, size_t count) {
    counts_ |= count;
    null_with_count_ |= (data == nullptr) & (count != 0);
  }
  bool Ok(const crossgate_request& in) const {
    if (null_with_count_) return false;
    // Every count is at most the OR of all of them.
    if (counts_ <= kMaxRequestList) return true;
    return std::max({in.home_group_count, in.group_count, in.role_count,
                     in.accepted_terms_of_use_count,
                     in.satisfied_custom_control_count}) <= kMaxRequestList;
  }

 private:
  size_t counts_ = 0;
  bool null_with_count_ = false;
};

// A C GUID array, viewed in place (checked through `checks`).
void ViewGuids(const crossgate_guid* data, size_t count, GuidList* out,
               ListChecks* checks) {
  *out = GuidList::FromBytes(data, count);
  checks->Add(data, count);
}

// The request's address; false for an unknown family (Diagnose reports it).
bool ConvertIp(const crossgate_ip& in, Request* out) {
  out->has_ip = in.family != 0;
  if (in.family == 4) {
    // lib/model/cidr.h stores IPv4 as ::ffff:a.b.c.d.
    static constexpr uint8_t kMapped[12] = {0, 0, 0, 0, 0,    0,
                                            0, 0, 0, 0, 0xff, 0xff};
    out->ip.v6 = false;
    std::memcpy(out->ip.bytes, kMapped, 12);
    std::memcpy(out->ip.bytes + 12, in.bytes, 4);
    return true;
  }
  if (in.family == 6) {
    out->ip.v6 = true;
    std::memcpy(out->ip.bytes, in.bytes, 16);
    return true;
  }
  return in.family == 0;
}

}  // namespace

// One pass: every field is converted and checked at once, and a single test
// before the first field that can fail with its own message (the custom
// control strings) sends any bad request to Diagnose, which names the first
// bad field exactly as a check-then-convert pass would. *out is garbage on
// failure; callers do not evaluate it.
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
  bool ok = ScalarsOk(in);

  // Enum values equal the lib values (static_asserts above); a value out of
  // range makes ok false and is never evaluated.
  out->resource_tenant_id = ToGuid(in.resource_tenant_id);
  out->principal_kind = static_cast<PrincipalKind>(in.principal_kind);
  out->principal_id = ToGuid(in.principal_id);
  out->home_tenant_id = ToGuid(in.home_tenant_id);
  out->external_user_types = in.external_user_types;
  out->identity_source = static_cast<IdentitySource>(in.identity_source);
  out->home_user_id = ToGuid(in.home_user_id);
  ListChecks lists;
  ViewGuids(in.home_groups, in.home_group_count, &out->home_groups, &lists);
  ViewGuids(in.groups, in.group_count, &out->groups, &lists);
  ViewGuids(in.roles, in.role_count, &out->roles, &lists);
  out->target_kind = static_cast<TargetKind>(in.target_kind);
  out->application_id = ToGuid(in.application_id);
  out->client_application_id = ToGuid(in.client_application_id);
  out->user_action = static_cast<UserAction>(in.user_action);
  out->authentication_context = static_cast<uint8_t>(in.authentication_context);
  out->client_app = static_cast<ClientApp>(in.client_app);
  out->platform = static_cast<Platform>(in.platform);
  ok &= ConvertIp(in.ip, out);
  ok &= CountryOk(in.country) & CountryOk(in.gps_country);
  CopyCountries(in, out);
  out->compliant_network =
      (in.flags & CROSSGATE_REQUEST_COMPLIANT_NETWORK) != 0;
  out->sign_in_risk = static_cast<RiskLevel>(in.sign_in_risk);
  out->user_risk = static_cast<RiskLevel>(in.user_risk);
  out->service_principal_risk =
      static_cast<RiskLevel>(in.service_principal_risk);
  out->insider_risk = static_cast<InsiderRisk>(in.insider_risk);
  out->authentication_flow =
      static_cast<AuthenticationFlow>(in.authentication_flow);
  out->device = nullptr;

  Claims& claims = out->claims;
  SetClaimBools(in.claims, in.mfa_origin, &claims);
  claims.device_origin = static_cast<ClaimOrigin>(in.device_origin);
  claims.authentication_methods = in.authentication_methods;
  ViewGuids(in.accepted_terms_of_use, in.accepted_terms_of_use_count,
            &claims.accepted_terms_of_use, &lists);
  const size_t controls = in.satisfied_custom_control_count;
  lists.Add(in.satisfied_custom_controls, controls);
  out->tenant_restrictions_signal =
      (in.flags & CROSSGATE_REQUEST_TENANT_RESTRICTIONS) != 0;
  out->tenant_restrictions_tenant_id =
      out->tenant_restrictions_signal ? ToGuid(in.tenant_restrictions_tenant_id)
                                      : Guid();
  if (!(ok && lists.Ok(in))) return Diagnose(in, err);

  claims.satisfied_custom_controls = {};
  if (controls != 0) {
    custom_controls_.clear();
    for (size_t i = 0; i < controls; ++i) {
      const crossgate_str& c = in.satisfied_custom_controls[i];
      if (const char* problem = StringProblem(c)) {
        return SetError(
            err, CROSSGATE_EINVALID, problem,
            absl::StrCat("request/satisfied_custom_controls[", i, "]"));
      }
      custom_controls_.emplace_back(c.data, c.size);
    }
    claims.satisfied_custom_controls = custom_controls_;
  }

  if (in.device != nullptr) return ConvertDevice(in.device, out, err);
  return CROSSGATE_OK;
}

namespace {

using device_filter::DeviceAttributes;
using device_filter::DeviceString;

// The named string properties, in DeviceText order (extension attributes
// follow them).
constexpr const char* kDeviceTextNames[] = {"device_id",
                                            "display_name",
                                            "device_ownership",
                                            "enrollment_profile_name",
                                            "manufacturer",
                                            "mdm_app_id",
                                            "model",
                                            "operating_system",
                                            "operating_system_version",
                                            "profile_type",
                                            "trust_type"};
constexpr size_t kNamedTexts =
    sizeof(kDeviceTextNames) / sizeof(kDeviceTextNames[0]);
constexpr crossgate_str crossgate_device::*kDeviceTexts[kNamedTexts] = {
    &crossgate_device::device_id,
    &crossgate_device::display_name,
    &crossgate_device::device_ownership,
    &crossgate_device::enrollment_profile_name,
    &crossgate_device::manufacturer,
    &crossgate_device::mdm_app_id,
    &crossgate_device::model,
    &crossgate_device::operating_system,
    &crossgate_device::operating_system_version,
    &crossgate_device::profile_type,
    &crossgate_device::trust_type};
constexpr size_t kExtensionTexts = 15;
static_assert(
    kNamedTexts ==
    static_cast<size_t>(device_filter::DeviceText::kExtensionAttribute1));
static_assert(device_filter::kDeviceTextCount == kNamedTexts + kExtensionTexts);

// crossgate_device holds the named strings as one run of crossgate_str in
// DeviceText order, and the extension attributes as another; a crossgate_str
// has DeviceString's layout ({data, size}, NULL data = null). So the lib
// device reads both runs in place (DeviceAttributes::named_records).
static_assert(offsetof(crossgate_device, trust_type) ==
              offsetof(crossgate_device, device_id) +
                  (kNamedTexts - 1) * sizeof(crossgate_str));
static_assert(kNamedTexts == device_filter::kNamedDeviceTextCount);
static_assert(sizeof(crossgate_str) == sizeof(DeviceString) &&
              offsetof(crossgate_str, data) == 0 &&
              offsetof(crossgate_str, size) == sizeof(const char*));

// Every string size ORed (data NULL or not), unrolled at compile time.
template <size_t... N, size_t... E>
size_t AllSizes(const crossgate_device& in, std::index_sequence<N...>,
                std::index_sequence<E...>) {
  return ((in.*kDeviceTexts[N]).size | ...) |
         (in.extension_attributes[E].size | ...);
}

// True when every string is readable: the fast test is that no size at all
// is above kMaxString; TextError decides otherwise (a NULL string's size is
// ignored).
bool TextsOk(const crossgate_device& in) {
  return AllSizes(in, std::make_index_sequence<kNamedTexts>(),
                  std::make_index_sequence<kExtensionTexts>()) <= kMaxString;
}

// The first non-NULL string longer than kMaxString, as an error naming it;
// CROSSGATE_OK when there is none.
int TextError(const crossgate_device& in, crossgate_error** err) {
  for (size_t i = 0; i < kNamedTexts + kExtensionTexts; ++i) {
    crossgate_str s;
    std::memcpy(&s,
                reinterpret_cast<const char*>(&in) +
                    (i < kNamedTexts
                         ? offsetof(crossgate_device, device_id) +
                               i * sizeof(crossgate_str)
                         : offsetof(crossgate_device, extension_attributes) +
                               (i - kNamedTexts) * sizeof(crossgate_str)),
                sizeof(s));
    if (s.data != nullptr && s.size > kMaxString) {
      return SetError(
          err, CROSSGATE_EINVALID, "string is longer than PTRDIFF_MAX",
          i < kNamedTexts ? absl::StrCat("request/device/", kDeviceTextNames[i])
                          : absl::StrCat("request/device/extension_attributes[",
                                         i - kNamedTexts, "]"));
    }
  }
  return CROSSGATE_OK;
}

int CollectionSlow(const crossgate_str* data, size_t count, const char* field,
                   std::vector<absl::string_view>* storage,
                   DeviceAttributes::Collection* out, crossgate_error** err) {
  if (int rc = CheckList(data, count, field, err)) return rc;
  storage->clear();
  for (size_t i = 0; i < count; ++i) {
    if (const char* problem = StringProblem(data[i])) {
      return SetError(err, CROSSGATE_EINVALID, problem,
                      absl::StrCat("request/", field, "[", i, "]"));
    }
    storage->emplace_back(data[i].data, data[i].size);
  }
  *out = absl::Span<const absl::string_view>(*storage);
  return CROSSGATE_OK;
}

int Collection(const crossgate_str* data, size_t count, const char* field,
               std::vector<absl::string_view>* storage,
               DeviceAttributes::Collection* out, crossgate_error** err) {
  if (data == nullptr && count == 0) {
    *out = absl::nullopt;  // a null collection property (the common case)
    return CROSSGATE_OK;
  }
  return CollectionSlow(data, count, field, storage, out, err);
}

}  // namespace

// The filter-for-devices properties (spec 4.10), in DeviceText order.
int RequestConverter::ConvertDevice(const crossgate_device* in_ptr,
                                    Request* out, crossgate_error** err) {
  // A caller built against this header passes sizeof: read it in place. An
  // older caller's smaller struct is read into a full one kept here, since
  // the device's strings are read during the evaluation, after this returns.
  const crossgate_device* source = in_ptr;
  if (in_ptr->struct_size != sizeof(crossgate_device)) {
    older_device_ = crossgate_device{};
    if (int rc = ReadStruct(in_ptr, &older_device_, "request/device", err)) {
      return rc;
    }
    source = &older_device_;
  }
  const crossgate_device& in = *source;
  if (static_cast<uint32_t>(in.is_compliant) > CROSSGATE_TRISTATE_TRUE) {
    return SetError(err, CROSSGATE_EENUM, "unknown value (0..2)",
                    "request/device/is_compliant");
  }
  // Every member is assigned below, so the previous request's values never
  // leak into this one and nothing is reset twice.
  device_.registered = true;
  if (!TextsOk(in)) {
    if (int rc = TextError(in, err)) return rc;
  }
  const char* base = reinterpret_cast<const char*>(source);
  device_.named_records = reinterpret_cast<const unsigned char*>(
      base + offsetof(crossgate_device, device_id));
  device_.extension_records = reinterpret_cast<const unsigned char*>(
      base + offsetof(crossgate_device, extension_attributes));
  device_.is_compliant =
      in.is_compliant == CROSSGATE_TRISTATE_NULL
          ? absl::optional<bool>()
          : absl::optional<bool>(in.is_compliant == CROSSGATE_TRISTATE_TRUE);
  int rc;
  if ((rc = Collection(in.physical_ids, in.physical_id_count,
                       "device/physical_ids", &physical_ids_,
                       &device_.physical_ids, err)) ||
      (rc = Collection(in.system_labels, in.system_label_count,
                       "device/system_labels", &system_labels_,
                       &device_.system_labels, err))) {
    return rc;
  }
  out->device = &device_;
  return CROSSGATE_OK;
}

}  // namespace crossgate::capi
