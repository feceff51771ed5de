#include "lib/app_sets/shipped_app_sets.h"

#include <iterator>

namespace crossgate {
namespace {

constexpr uint8_t kO = kInOffice365 | kInAllMicrosoftApps;
constexpr uint8_t kA = kInMicrosoftAdminPortals | kInAllMicrosoftApps;
constexpr uint8_t kOA =
    kInOffice365 | kInMicrosoftAdminPortals | kInAllMicrosoftApps;
constexpr uint8_t kM = kInAllMicrosoftApps;

// Transcribed from Microsoft's published first-party app id lists. Keep the
// list sorted by set, then by name; bump kShippedAppSetVersion on any change.
constexpr ShippedAppEntry kEntries[] = {
    // Office 365 suite (the Conditional Access "Office 365" app group).
    {"00000002-0000-0ff1-ce00-000000000000", "Office 365 Exchange Online", kO},
    {"00000003-0000-0ff1-ce00-000000000000", "Office 365 SharePoint Online",
     kO},
    {"00000004-0000-0ff1-ce00-000000000000", "Skype for Business Online", kO},
    {"00000005-0000-0ff1-ce00-000000000000", "Office 365 Yammer", kO},
    {"cc15fd57-2c6c-4117-a88c-83b1d56b4bbe", "Microsoft Teams Services", kO},
    {"1fec8e78-bce4-4aaf-ab1b-5451cc387264", "Microsoft Teams", kO},
    {"4765445b-32c6-49b0-83e6-1d93765276ca", "OfficeHome", kO},
    {"89bee1f7-5e6e-4d8a-9f3d-ecd601259da7", "Office365 Shell WCSS-Client", kO},
    {"d3590ed6-52b3-4102-aeff-aad2292ab01c", "Microsoft Office", kO},
    {"27922004-5251-4030-b22d-91ecd9a37ea4", "Outlook Mobile", kO},
    {"ab9b8c07-8f02-4f72-87fa-80105867a763", "OneDrive SyncEngine", kO},
    {"c9a559d2-7aab-4f13-a6ed-e7e9c52aec87", "Microsoft Forms", kO},
    // The Microsoft 365 admin center is both an Office 365 app and an admin
    // portal.
    {"00000006-0000-0ff1-ce00-000000000000", "Microsoft Office 365 Portal",
     kOA},
    // Microsoft admin portals.
    {"c44b4083-3bb0-49c1-b47d-974e53cbdf3c", "Azure Portal", kA},
    {"497effe9-df71-4043-a8bb-14cf78c4b63b", "Exchange Admin Center", kA},
    // Other Microsoft first-party apps (AllMicrosoftApps only).
    {"00000003-0000-0000-c000-000000000000", "Microsoft Graph", kM},
    {"00000002-0000-0000-c000-000000000000", "Windows Azure Active Directory",
     kM},
    {"797f4846-ba00-4fd7-ba43-dac1f8f63013",
     "Windows Azure Service Management API", kM},
    {"1950a258-227b-4e31-a9cf-717495945fc2", "Microsoft Azure PowerShell", kM},
    {"04b07795-8ddb-461a-bbee-02f9e1bf7b46", "Microsoft Azure CLI", kM},
    {"14d82eec-204b-4c2f-b7e8-296a70dab67e",
     "Microsoft Graph Command Line Tools", kM},
    {"0000000a-0000-0000-c000-000000000000", "Microsoft Intune", kM},
    {"d4ebce55-015a-49b5-a083-c84d1797ae8c", "Microsoft Intune Enrollment", kM},
    {"00000009-0000-0000-c000-000000000000", "Power BI Service", kM},
    {"00000007-0000-0000-c000-000000000000", "Dynamics CRM Online", kM},
    {"cfa8b339-82a2-471a-a3c9-0fc0be7a4093", "Azure Key Vault", kM},
    {"e406a681-f3d4-42a8-90b6-c2b029497af1", "Azure Storage", kM},
    {"499b84ac-1321-427f-aa17-267ca6975798", "Azure DevOps", kM},
    {"29d9ed98-a469-4536-ade2-f981bc1d605e", "Microsoft Authentication Broker",
     kM},
    {"38aa3b87-a06d-4817-b275-7a316988d93b", "Windows Sign In", kM},
};

}  // namespace

absl::Span<const ShippedAppEntry> ShippedAppEntries() {
  return absl::MakeConstSpan(kEntries, std::size(kEntries));
}

}  // namespace crossgate
