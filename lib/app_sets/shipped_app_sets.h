#ifndef CROSSGATE_LIB_APP_SETS_SHIPPED_APP_SETS_H_
#define CROSSGATE_LIB_APP_SETS_SHIPPED_APP_SETS_H_

// File: shipped_app_sets.h
//
// The application-set table that ships with the library (decisions.md D18):
// which Microsoft first-party application ids the keywords `Office365`,
// `MicrosoftAdminPortals` and `AllMicrosoftApps` stand for, in cross-tenant
// access targets (spec 2.4, 2.8) and Conditional Access (spec 4.4).
//
// Source: Microsoft's published first-party app id lists, transcribed (the
// well-known ids of Exchange Online, SharePoint Online, Microsoft Graph,
// Teams, the Azure portal, ...). Microsoft does not publish the keyword
// expansions themselves (spec 8, item 13), so the table is deliberately small
// and honest: every entry is an id whose owner is publicly documented. A
// tenant replaces any set with `TenantPolicies.app_sets` (see
// app_set_table.h). docs/cross-tenant.md lists the entries.
//
// Versioning: kShippedAppSetVersion changes whenever an entry is added or
// removed; it is reported with every table built on top of this one.

#include <cstdint>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace crossgate {

// The version of the shipped table: "<table>/<revision>".
inline constexpr absl::string_view kShippedAppSetVersion =
    "crossgate-first-party-apps/2024.1";

// Membership bits of one shipped entry.
enum ShippedAppSetBit : uint8_t {
  kInOffice365 = 1u << 0,
  kInMicrosoftAdminPortals = 1u << 1,
  // Every shipped entry is in AllMicrosoftApps; the bit is kept for clarity.
  kInAllMicrosoftApps = 1u << 2,
};

struct ShippedAppEntry {
  absl::string_view app_id;        // canonical lower-case GUID
  absl::string_view display_name;  // the first-party app's published name
  uint8_t sets;                    // ShippedAppSetBit mask
};

// The shipped entries, in table order. Static storage; never empty.
absl::Span<const ShippedAppEntry> ShippedAppEntries();

}  // namespace crossgate

#endif  // CROSSGATE_LIB_APP_SETS_SHIPPED_APP_SETS_H_
