#ifndef CROSSGATE_LIB_COLLABORATION_COLLABORATION_TYPES_H_
#define CROSSGATE_LIB_COLLABORATION_COLLABORATION_TYPES_H_

// Enums of the external collaboration settings (spec 3), with static names.

#include <cstdint>

#include "absl/strings/string_view.h"

namespace crossgate::collaboration {

// authorizationPolicy.allowInvitesFrom (spec 3.1).
enum class AllowInvitesFrom : uint8_t {
  kNone = 0,                          // `none`
  kAdminsAndGuestInviters,            // `adminsAndGuestInviters`
  kAdminsGuestInvitersAndAllMembers,  // `adminsGuestInvitersAndAllMembers`
  kEveryone,                          // `everyone`
};

// The invitation domain list's mode (spec 3.2): one list or none.
enum class DomainListMode : uint8_t {
  kNoList = 0,  // "allow invitations to any domain"
  kAllowList,   // only listed domains; everything else is blocked
  kBlockList,   // listed domains are blocked
};

// guestUserRoleId (spec 3.1): reported, never a sign-in decision.
enum class GuestAccessLevel : uint8_t {
  kSameAsMembers = 0,  // a0b1b346-4d3e-4e8b-98f8-753987be4970 (User role)
  kLimited,            // 10dae51f-b6af-4016-8d66-8c2a99b929b3 (default)
  kRestricted,         // 2af84b1e-32c8-42b7-82bc-daa82404023b
  kUnknown,            // a role id crossgate does not know
};

// Redemption identity providers (spec 2.5, 3.4).
enum class RedemptionProvider : uint8_t {
  kAzureActiveDirectory = 0,  // `azureActiveDirectory`
  kExternalFederation,        // `externalFederation` (SAML/WS-Fed)
  kSocialIdentityProviders,   // `socialIdentityProviders` (Google, Facebook)
  kEmailOneTimePasscode,      // `emailOneTimePasscode`
  kMicrosoftAccount,          // `microsoftAccount`
  kDefaultConfiguredIdp,      // `defaultConfiguredIdp`: OTP when on, else MSA
};

// Graph spellings (static).
absl::string_view AllowInvitesFromName(AllowInvitesFrom value);
absl::string_view DomainListModeName(DomainListMode mode);
absl::string_view RedemptionProviderName(RedemptionProvider provider);
// The portal label of a guest access level (spec 3.1 table).
absl::string_view GuestAccessLevelLabel(GuestAccessLevel level);

}  // namespace crossgate::collaboration

#endif  // CROSSGATE_LIB_COLLABORATION_COLLABORATION_TYPES_H_
