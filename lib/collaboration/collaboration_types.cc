#include "lib/collaboration/collaboration_types.h"

namespace crossgate::collaboration {

absl::string_view AllowInvitesFromName(AllowInvitesFrom value) {
  switch (value) {
    case AllowInvitesFrom::kNone:
      return "none";
    case AllowInvitesFrom::kAdminsAndGuestInviters:
      return "adminsAndGuestInviters";
    case AllowInvitesFrom::kAdminsGuestInvitersAndAllMembers:
      return "adminsGuestInvitersAndAllMembers";
    case AllowInvitesFrom::kEveryone:
      return "everyone";
  }
  return "unknown";
}

absl::string_view DomainListModeName(DomainListMode mode) {
  switch (mode) {
    case DomainListMode::kNoList:
      return "no list";
    case DomainListMode::kAllowList:
      return "allowlist";
    case DomainListMode::kBlockList:
      return "blocklist";
  }
  return "unknown";
}

absl::string_view RedemptionProviderName(RedemptionProvider provider) {
  switch (provider) {
    case RedemptionProvider::kAzureActiveDirectory:
      return "azureActiveDirectory";
    case RedemptionProvider::kExternalFederation:
      return "externalFederation";
    case RedemptionProvider::kSocialIdentityProviders:
      return "socialIdentityProviders";
    case RedemptionProvider::kEmailOneTimePasscode:
      return "emailOneTimePasscode";
    case RedemptionProvider::kMicrosoftAccount:
      return "microsoftAccount";
    case RedemptionProvider::kDefaultConfiguredIdp:
      return "defaultConfiguredIdp";
  }
  return "unknown";
}

absl::string_view GuestAccessLevelLabel(GuestAccessLevel level) {
  switch (level) {
    case GuestAccessLevel::kSameAsMembers:
      return "same access as members (most inclusive)";
    case GuestAccessLevel::kLimited:
      return "limited access to properties and memberships of directory "
             "objects";
    case GuestAccessLevel::kRestricted:
      return "restricted to properties and memberships of their own directory "
             "objects (most restrictive)";
    case GuestAccessLevel::kUnknown:
      return "unknown guest role";
  }
  return "unknown guest role";
}

}  // namespace crossgate::collaboration
