#ifndef CROSSGATE_LIB_EVAL_REQUEST_H_
#define CROSSGATE_LIB_EVAL_REQUEST_H_

// One access request, as the decision path sees it: ids already parsed to
// Guids, enums as small integers, lists as views of memory the caller owns.
// Building a Request does no parsing on the decision path; the C ABI, the CLI
// and the JSON request reader fill it in.
//
// Every enum's value 0 means "not supplied". Evaluation reads an unsupplied
// value as the spec's default for a real sign-in (documented per field);
// What-If mode (spec 5.7) may instead treat a policy conditioned on an
// unsupplied value as not applying.
//
// Lifetime: a Request borrows everything it points at; the pointees must
// outlive the evaluation call.

#include <cstdint>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "lib/model/cidr.h"
#include "lib/model/guid.h"
#include "lib/model/guid_list.h"

namespace crossgate {

namespace device_filter {
struct DeviceAttributes;
}  // namespace device_filter

// External user types (spec 4.3), as bits: a principal may carry several
// (e.g. a B2B collaboration guest who also reaches a shared channel).
enum ExternalUserTypeBit : uint32_t {
  kInternalGuest = 1u << 0,
  kB2bCollaborationGuest = 1u << 1,
  kB2bCollaborationMember = 1u << 2,
  kB2bDirectConnectUser = 1u << 3,
  kOtherExternalUser = 1u << 4,
  kServiceProvider = 1u << 5,
};

// Where the principal's credentials live (D3: non-Entra identities skip
// cross-tenant access settings; spec 5.5: R is always responsible for their
// MFA).
enum class IdentitySource : uint8_t {
  kUnspecified = 0,  // read as kEntra
  kEntra,
  kMicrosoftAccount,
  kEmailOneTimePasscode,
  kSocial,  // Google, Facebook, ...
  kSamlWsFederation,
};

enum class PrincipalKind : uint8_t {
  kUnspecified = 0,  // read as kUser
  kUser,
  kServicePrincipal,  // workload identity (spec 4.5)
};

// What the request targets (spec 4.4): one of an app, a user action, or an
// authentication context.
enum class TargetKind : uint8_t {
  kUnspecified = 0,  // read as kApplication
  kApplication,
  kUserAction,
  kAuthenticationContext,
};

enum class UserAction : uint8_t {
  kUnspecified = 0,
  kRegisterSecurityInfo,  // urn:user:registersecurityinfo
  kRegisterDevice,        // urn:user:registerdevice
};

// The request's client app (spec 4.6). `exchangeActiveSync` and `other` are
// legacy clients.
enum class ClientApp : uint8_t {
  kUnspecified = 0,
  kBrowser,
  kMobileAppsAndDesktopClients,
  kExchangeActiveSync,
  kOther,
};

// The request's device platform (spec 4.7). kUnknown (e.g. ChromeOS) matches
// only `all` and is never excluded.
enum class Platform : uint8_t {
  kUnspecified = 0,
  kAndroid,
  kIos,
  kWindows,
  kWindowsPhone,
  kMacOs,
  kLinux,
  kUnknown,
};

// Sign-in, user and service-principal risk (spec 4.9). kNoRisk is Graph's
// `none` level.
enum class RiskLevel : uint8_t {
  kUnspecified = 0,  // read as kNoRisk
  kNoRisk,
  kLow,
  kMedium,
  kHigh,
  kHidden,
};

enum class InsiderRisk : uint8_t {
  kUnspecified = 0,  // no insider risk signal
  kMinor,
  kModerate,
  kElevated,
};

// Authentication flow (spec 4.11).
enum class AuthenticationFlow : uint8_t {
  kUnspecified = 0,  // an ordinary sign-in: no transfer method
  kDeviceCodeFlow,
  kAuthenticationTransfer,
};

// Which tenant issued a claim (spec 5.5): home-tenant claims count only
// through the resource tenant's inbound trust.
enum class ClaimOrigin : uint8_t {
  // Read as kResourceTenant for members, kHomeTenant for externals.
  kUnspecified = 0,
  kHomeTenant,
  kResourceTenant,
};

// Claims already present in the session.
struct Claims {
  // The boolean claims first, in the order of the C ABI's CROSSGATE_CLAIM_*
  // bits, so the C ABI sets all seven with one store.
  bool mfa = false;  // MFA completed
  bool compliant_device = false;
  bool hybrid_joined_device = false;
  bool approved_application = false;   // approved client app in use
  bool app_protection_policy = false;  // app protection policy in force
  bool password_changed = false;  // secure password change done (user risk)
  bool risk_remediated = false;   // risk remediation done
  ClaimOrigin mfa_origin = ClaimOrigin::kUnspecified;
  ClaimOrigin device_origin = ClaimOrigin::kUnspecified;
  // Authentication methods used in the session, as bits
  // (1u << policy::v1::AuthenticationMethodMode value).
  uint32_t authentication_methods = 0;
  GuidList accepted_terms_of_use;
  absl::Span<const absl::string_view> satisfied_custom_controls;
};

struct Request {
  Guid resource_tenant_id;  // the tenant that owns the policies

  // Who.
  PrincipalKind principal_kind = PrincipalKind::kUnspecified;
  Guid principal_id;  // object id in the resource tenant (user or service
                      // principal)
  // The user's home tenant; zero or equal to resource_tenant_id for members.
  Guid home_tenant_id;
  uint32_t external_user_types =
      0;  // ExternalUserTypeBit set; 0 = internal member
  IdentitySource identity_source = IdentitySource::kUnspecified;
  // The user's object id and transitive groups in the home tenant, matched by
  // cross-tenant access targets (spec 2.8, 2.9).
  Guid home_user_id;
  GuidList home_groups;
  GuidList groups;  // transitive group ids in the resource tenant
  GuidList roles;   // role template ids held in the resource tenant

  // What.
  TargetKind target_kind = TargetKind::kUnspecified;
  Guid application_id;         // resource app id
  Guid client_application_id;  // optional; cross-tenant app targets may name it
  UserAction user_action = UserAction::kUnspecified;
  uint8_t authentication_context = 0;  // N of `cN` (1..99); 0 = none

  // Where and how.
  ClientApp client_app = ClientApp::kUnspecified;
  Platform platform = Platform::kUnspecified;
  bool has_ip = false;
  IpAddress ip;
  char country[2] = {0, 0};      // ISO 3166 alpha-2 of the IP; {0,0} = unknown
  char gps_country[2] = {0, 0};  // from Authenticator GPS; {0,0} = not shared
  bool compliant_network = false;  // Global Secure Access compliant network
  RiskLevel sign_in_risk = RiskLevel::kUnspecified;
  RiskLevel user_risk = RiskLevel::kUnspecified;
  RiskLevel service_principal_risk = RiskLevel::kUnspecified;
  InsiderRisk insider_risk = InsiderRisk::kUnspecified;
  AuthenticationFlow authentication_flow = AuthenticationFlow::kUnspecified;
  // The device as the resource tenant's directory knows it; null = not
  // registered (every filter property null, spec 4.10).
  const device_filter::DeviceAttributes* device = nullptr;

  Claims claims;

  // Tenant restrictions v2 (spec 2.12): set when the request carries the TRv2
  // signal naming the tenant whose policy applies (the network/device owner).
  bool tenant_restrictions_signal = false;
  Guid tenant_restrictions_tenant_id;

  bool is_external() const {
    return external_user_types != 0 ||
           (!home_tenant_id.is_zero() && home_tenant_id != resource_tenant_id);
  }
};

}  // namespace crossgate

#endif  // CROSSGATE_LIB_EVAL_REQUEST_H_
