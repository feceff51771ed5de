#ifndef CROSSGATE_LIB_COLLABORATION_REDEMPTION_H_
#define CROSSGATE_LIB_COLLABORATION_REDEMPTION_H_

// Invitation redemption order (spec 2.5, 3.4): which identity providers an
// invitee of tenant R may redeem with, in what order, and the fallback.
//
//  - The primary order is the XTAP default's
//    invitationRedemptionIdentityProviderConfiguration
//    .primaryIdentityProviderPrecedenceOrder (absent: azureActiveDirectory,
//    externalFederation, socialIdentityProviders — crossgate's reading of the
//    service default, see docs/cross-tenant.md).
//  - The fallback resolves `defaultConfiguredIdp` to email one-time passcode
//    when OTP is on for guests, else to a Microsoft account (spec 3.4: with
//    OTP off, invitees are asked to create an MSA). A configured
//    `emailOneTimePasscode` fallback with OTP off also resolves to MSA.
//  - When the invitee's home tenant is given and R's effective inbound B2B
//    collaboration setting for it admits no user (PermitsSomeUser is false),
//    `azureActiveDirectory` is dropped: an account from that tenant cannot
//    be used (spec 2.10). Redemption is not an access decision.

#include <cstdint>

#include "absl/types/optional.h"
#include "lib/collaboration/collaboration_types.h"
#include "lib/collaboration/compiled_collaboration.h"
#include "lib/cross_tenant/compiled_cross_tenant.h"
#include "lib/model/guid.h"

namespace crossgate::collaboration {

struct RedemptionPlan {
  static constexpr int kMaxPrimary = 3;
  RedemptionProvider primary[kMaxPrimary] = {};
  uint8_t primary_count = 0;
  // As configured (may be kDefaultConfiguredIdp) and as resolved
  // (kEmailOneTimePasscode or kMicrosoftAccount).
  RedemptionProvider configured_fallback =
      RedemptionProvider::kDefaultConfiguredIdp;
  RedemptionProvider fallback = RedemptionProvider::kMicrosoftAccount;
  bool configured = false;         // false: the service default order
  bool email_otp_enabled = false;  // for guests (spec 3.4)
  bool entra_dropped_by_cross_tenant_access = false;
};

// Thread-safe, no allocation. `cross_tenant` must be R's; when it is not,
// the partner check is skipped (nothing is dropped).
RedemptionPlan RedemptionOrder(
    const CompiledExternalCollaboration& collaboration,
    const cross_tenant::CompiledCrossTenantAccess& cross_tenant,
    absl::optional<Guid> partner) noexcept;

}  // namespace crossgate::collaboration

#endif  // CROSSGATE_LIB_COLLABORATION_REDEMPTION_H_
