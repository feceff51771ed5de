#ifndef CROSSGATE_LIB_LOAD_READ_EXTERNAL_COLLABORATION_H_
#define CROSSGATE_LIB_LOAD_READ_EXTERNAL_COLLABORATION_H_

// External collaboration settings JSON (spec section 3) -> model:
// authorizationPolicy, authenticationFlowsPolicy,
// emailAuthenticationMethodConfiguration, and the invitation domain list in
// its two shapes (the legacy B2BManagementPolicy directory policy, spec 3.2,
// and the tenant document's `invitationDomainPolicy`).

#include "crossgate/policy/v1/external_collaboration.pb.h"
#include "lib/load/json_reader.h"

namespace crossgate {
namespace load_internal {

void ReadAuthorizationPolicy(JsonReader& r, const Struct& obj,
                             const std::string& path,
                             policy::v1::AuthorizationPolicy* out);

// Also reads crossgate's `selfServiceSignUpApplicationIds` extension.
void ReadAuthenticationFlowsPolicy(JsonReader& r, const Struct& obj,
                                   const std::string& path,
                                   policy::v1::AuthenticationFlowsPolicy* out);

void ReadEmailOtpConfiguration(JsonReader& r, const Struct& obj,
                               const std::string& path,
                               policy::v1::EmailOtpConfiguration* out);

// `{"allowedDomains": [...], "blockedDomains": [...]}` (tenant document).
void ReadInvitationDomainPolicy(JsonReader& r, const Struct& obj,
                                const std::string& path,
                                policy::v1::InvitationDomainPolicy* out);

// What a legacy directory policy holds.
enum class LegacyPolicyContent { kB2BManagement, kOther, kInvalid };

// A legacy directory policy (`definition`: an array holding one JSON
// string). Reads the `B2BManagementPolicy` definition into `out`; kOther for
// other legacy policy types (token lifetime, ...), kInvalid when reported.
// `source_path` locates the JSON text in issues.
LegacyPolicyContent ReadLegacyDirectoryPolicy(
    JsonReader& r, const Struct& obj, const std::string& path,
    policy::v1::InvitationDomainPolicy* out);

// `{"B2BManagementPolicy": {"InvitationsAllowedAndBlockedDomainsPolicy":
// {"AllowedDomains": [...], "BlockedDomains": [...]}}}` (PascalCase).
void ReadB2BManagementDefinition(JsonReader& r, const Struct& obj,
                                 const std::string& path,
                                 policy::v1::InvitationDomainPolicy* out);

// A domain as the model stores it: trimmed, ASCII lower-case, without one
// trailing dot (D6). Validation rejects what is still not a domain name.
std::string CanonicalDomain(absl::string_view text);

}  // namespace load_internal
}  // namespace crossgate

#endif  // CROSSGATE_LIB_LOAD_READ_EXTERNAL_COLLABORATION_H_
