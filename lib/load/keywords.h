#ifndef CROSSGATE_LIB_LOAD_KEYWORDS_H_
#define CROSSGATE_LIB_LOAD_KEYWORDS_H_

// The fixed strings Graph puts where ids go, per list, and the ids that exist
// in every tenant. Shared by the JSON readers (which canonicalize keyword
// case) and validation (which classifies every entry).

#include "absl/strings/string_view.h"

namespace crossgate {
namespace load_internal {

// Conditional Access id-list keywords the engine knows (spec 4.3-4.5, D7).
inline constexpr absl::string_view kUserKeywords[] = {"All", "None",
                                                      "GuestsOrExternalUsers"};
inline constexpr absl::string_view kApplicationKeywords[] = {
    "All", "None", "Office365", "MicrosoftAdminPortals"};
inline constexpr absl::string_view kLocationKeywords[] = {"All", "AllTrusted"};
inline constexpr absl::string_view kServicePrincipalKeywords[] = {
    "ServicePrincipalsInMyTenant"};

// crossTenantAccessPolicyTarget keywords (spec 2.4).
inline constexpr absl::string_view kCrossTenantUserKeywords[] = {"AllUsers"};
inline constexpr absl::string_view kCrossTenantAppKeywords[] = {
    "AllApplications", "AllMicrosoftApps", "Office365"};

// conditionalAccessApplications.includeUserActions (spec 4.4), lower-case.
inline constexpr absl::string_view kUserActions[] = {
    "urn:user:registersecurityinfo", "urn:user:registerdevice"};

// App-set names a tenant document may override (D18).
inline constexpr absl::string_view kAppSetNames[] = {
    "Office365", "MicrosoftAdminPortals", "AllMicrosoftApps"};

// Microsoft clouds (crossTenantAccessPolicy.allowedCloudEndpoints, spec 2.1).
inline constexpr absl::string_view kClouds[] = {
    "microsoftonline.com", "microsoftonline.us", "partner.microsoftonline.cn"};

// The zero GUID location: the tenant's MFA trusted IPs (D16).
inline constexpr absl::string_view kZeroGuid =
    "00000000-0000-0000-0000-000000000000";

// Built-in authentication strengths, present in every tenant (spec 6.2).
inline constexpr absl::string_view kBuiltInStrengthIds[] = {
    "00000000-0000-0000-0000-000000000002",
    "00000000-0000-0000-0000-000000000003",
    "00000000-0000-0000-0000-000000000004"};

// The tenant id used for a lone input that names no tenant.
inline constexpr absl::string_view kPlaceholderTenantId = kZeroGuid;

}  // namespace load_internal
}  // namespace crossgate

#endif  // CROSSGATE_LIB_LOAD_KEYWORDS_H_
