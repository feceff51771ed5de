#ifndef CROSSGATE_LIB_COLLABORATION_INVITATION_H_
#define CROSSGATE_LIB_COLLABORATION_INVITATION_H_

// File: invitation.h
//
// May this inviter invite this email address as a guest of tenant R? An
// admission-time decision (spec 3.5) combining, in order:
//   1. who may invite: authorizationPolicy.allowInvitesFrom against the
//      inviter's type and role template ids (spec 3.1, D6);
//   2. the invitation domain list (spec 3.2, D6);
//   3. R's cross-tenant inbound B2B collaboration setting for the invitee's
//      home tenant, when it is known (spec 2.10): a blocklisted domain is
//      denied whatever XTAP says; an allowlisted domain is allowed unless
//      XTAP explicitly blocks; a domain on neither list is decided by XTAP.
//
// At invitation time the invitee's user id and groups are unknown, so "XTAP
// explicitly blocks" means: the effective setting permits no (user, app)
// pair for any user of that tenant (cross_tenant::PermitsSomeUser) — e.g.
// usersAndGroups blocked for AllUsers. A setting that admits only some
// groups does not block the invitation; the sign-in check decides later.
//
// No allocation: the email's domain is normalized into a stack buffer.

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/types/optional.h"
#include "absl/types/span.h"
#include "lib/collaboration/compiled_collaboration.h"
#include "lib/cross_tenant/compiled_cross_tenant.h"
#include "lib/model/guid.h"

namespace crossgate::collaboration {

// Role template ids that count for allowInvitesFrom (D6), as Guid constants
// so the decision path parses nothing (tests check them against the text).
// Global Administrator 62e90394-69f5-4237-9190-012177145e10.
inline constexpr Guid kGlobalAdministratorRole =
    Guid::FromNumbers(0x62e9039469f54237ULL, 0x9190012177145e10ULL);
// User Administrator fe930be7-5e62-47db-91af-98c3a49a38b1.
inline constexpr Guid kUserAdministratorRole =
    Guid::FromNumbers(0xfe930be75e6247dbULL, 0x91af98c3a49a38b1ULL);
// Guest Inviter 95e79109-95c0-4d8e-aee3-d01accf2d47b.
inline constexpr Guid kGuestInviterRole =
    Guid::FromNumbers(0x95e7910995c04d8eULL, 0xaee3d01accf2d47bULL);

enum class InviterType : uint8_t {
  kMember = 0,
  kGuest,
  // App-only (application permission) invitations fail when invitations are
  // disabled or limited to admins (spec 3.1); roles are not considered.
  kApplication,
};

struct Inviter {
  InviterType type = InviterType::kMember;
  absl::Span<const Guid> roles;  // role template ids held in R
};

// What qualified (or did not qualify) the inviter.
enum class InviterStanding : uint8_t {
  kNone = 0,
  kAdministrator,  // Global Administrator or User Administrator
  kGuestInviter,
  kMember,
  kGuest,
  kApplication,
};

enum class InvitationReason : uint8_t {
  kNotEvaluated = 0,
  kAllowedNoDomainRestriction,  // no list entry applies, no XTAP to consult
  kAllowedDomainAllowlisted,    // allowlisted, XTAP does not block
  kAllowedByCrossTenantAccess,  // on neither list, XTAP permits
  kInviterNotPermitted,
  kInvalidInviteeEmail,
  kDomainBlocked,
  kDomainNotInAllowlist,
  kDomainPolicyInvalid,  // load error in the domain list (fail closed)
  kBlockedByCrossTenantAccess,
  kTenantMismatch,  // the two compiled artifacts disagree
};

struct InvitationDecision {
  bool allowed = false;
  InvitationReason reason = InvitationReason::kNotEvaluated;
  AllowInvitesFrom allow_invites_from = AllowInvitesFrom::kNone;
  InviterStanding standing = InviterStanding::kNone;
  DomainListMode domain_mode = DomainListMode::kNoList;
  bool domain_listed = false;
  // Whether R's inbound B2B collaboration setting was consulted, and which
  // configuration (default or partner <id>) it was.
  bool cross_tenant_evaluated = false;
  cross_tenant::ConfigSource cross_tenant_source;
};

// Decides an invitation in tenant R. `collaboration` and `cross_tenant` must
// be R's (else kTenantMismatch). `invitee_home_tenant` is the invitee's
// Entra tenant when known (nullopt or zero for non-Entra invitees).
// Thread-safe, no allocation.
InvitationDecision CanInvite(
    const CompiledExternalCollaboration& collaboration,
    const cross_tenant::CompiledCrossTenantAccess& cross_tenant,
    const Inviter& inviter, absl::string_view invitee_email,
    absl::optional<Guid> invitee_home_tenant) noexcept;

absl::string_view InvitationReasonName(InvitationReason reason);
absl::string_view InviterStandingName(InviterStanding standing);

// For logs (allocates): "invitation: blocked, domain blocked (blocklist);
// allowInvitesFrom=everyone, inviter=member".
std::string FormatInvitationDecision(const InvitationDecision& decision);

}  // namespace crossgate::collaboration

#endif  // CROSSGATE_LIB_COLLABORATION_INVITATION_H_
