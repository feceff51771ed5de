#include "lib/collaboration/invitation.h"

#include "absl/strings/str_cat.h"
#include "lib/collaboration/domain.h"
#include "lib/cross_tenant/b2b_setting.h"

namespace crossgate::collaboration {
namespace {

bool HasRole(absl::Span<const Guid> roles, const Guid& role) {
  for (const Guid& r : roles) {
    if (r == role) return true;
  }
  return false;
}

InviterStanding Standing(const Inviter& inviter) {
  switch (inviter.type) {
    case InviterType::kApplication:
      return InviterStanding::kApplication;
    case InviterType::kMember:
    case InviterType::kGuest:
      break;
  }
  if (HasRole(inviter.roles, kGlobalAdministratorRole) ||
      HasRole(inviter.roles, kUserAdministratorRole)) {
    return InviterStanding::kAdministrator;
  }
  if (HasRole(inviter.roles, kGuestInviterRole)) {
    return InviterStanding::kGuestInviter;
  }
  return inviter.type == InviterType::kMember ? InviterStanding::kMember
                                              : InviterStanding::kGuest;
}

// Spec 3.1 allowInvitesFrom table.
bool MayInvite(AllowInvitesFrom setting, InviterStanding standing) {
  switch (setting) {
    case AllowInvitesFrom::kNone:
      return false;
    case AllowInvitesFrom::kAdminsAndGuestInviters:
      return standing == InviterStanding::kAdministrator ||
             standing == InviterStanding::kGuestInviter;
    case AllowInvitesFrom::kAdminsGuestInvitersAndAllMembers:
      return standing != InviterStanding::kGuest &&
             standing != InviterStanding::kNone;
    case AllowInvitesFrom::kEveryone:
      return standing != InviterStanding::kNone;
  }
  return false;
}

InvitationDecision Done(InvitationDecision d, bool allowed,
                        InvitationReason reason) {
  d.allowed = allowed;
  d.reason = reason;
  return d;
}

}  // namespace

InvitationDecision CanInvite(
    const CompiledExternalCollaboration& collaboration,
    const cross_tenant::CompiledCrossTenantAccess& cross_tenant,
    const Inviter& inviter, absl::string_view invitee_email,
    absl::optional<Guid> invitee_home_tenant) noexcept {
  InvitationDecision d;
  d.allow_invites_from = collaboration.allow_invites_from();
  d.domain_mode = collaboration.domain_mode();
  const Guid& r = collaboration.tenant_id();
  if (cross_tenant.tenant_id() != r) {
    return Done(d, false, InvitationReason::kTenantMismatch);
  }

  d.standing = Standing(inviter);
  if (!MayInvite(d.allow_invites_from, d.standing)) {
    return Done(d, false, InvitationReason::kInviterNotPermitted);
  }

  absl::optional<absl::string_view> raw = EmailDomain(invitee_email);
  DomainBuffer buffer;
  absl::optional<absl::string_view> domain =
      raw.has_value() ? NormalizeDomain(*raw, &buffer, nullptr) : absl::nullopt;
  if (!domain.has_value()) {
    return Done(d, false, InvitationReason::kInvalidInviteeEmail);
  }
  if (collaboration.domain_policy_invalid()) {
    return Done(d, false, InvitationReason::kDomainPolicyInvalid);
  }
  d.domain_listed = collaboration.DomainListed(*domain);
  if (d.domain_mode == DomainListMode::kBlockList && d.domain_listed) {
    return Done(d, false, InvitationReason::kDomainBlocked);  // beats XTAP
  }
  if (d.domain_mode == DomainListMode::kAllowList && !d.domain_listed) {
    // Spec 2.10: in allowlist mode everything else is on the blocklist.
    return Done(d, false, InvitationReason::kDomainNotInAllowlist);
  }

  const bool xtap_applies = invitee_home_tenant.has_value() &&
                            !invitee_home_tenant->is_zero() &&
                            *invitee_home_tenant != r;
  const bool allowlisted = d.domain_mode == DomainListMode::kAllowList;
  if (!xtap_applies) {
    return Done(d, true,
                allowlisted ? InvitationReason::kAllowedDomainAllowlisted
                            : InvitationReason::kAllowedNoDomainRestriction);
  }
  const cross_tenant::EffectiveConfiguration& eff =
      cross_tenant.ForPartner(*invitee_home_tenant);
  d.cross_tenant_evaluated = true;
  d.cross_tenant_source = eff.source;
  if (!cross_tenant::PermitsSomeUser(eff.b2b_collaboration_inbound)) {
    return Done(d, false, InvitationReason::kBlockedByCrossTenantAccess);
  }
  return Done(d, true,
              allowlisted ? InvitationReason::kAllowedDomainAllowlisted
                          : InvitationReason::kAllowedByCrossTenantAccess);
}

absl::string_view InvitationReasonName(InvitationReason reason) {
  switch (reason) {
    case InvitationReason::kNotEvaluated:
      return "not evaluated (fail closed)";
    case InvitationReason::kAllowedNoDomainRestriction:
      return "allowed, no domain restriction";
    case InvitationReason::kAllowedDomainAllowlisted:
      return "allowed, domain allowlisted";
    case InvitationReason::kAllowedByCrossTenantAccess:
      return "allowed, cross-tenant access permits";
    case InvitationReason::kInviterNotPermitted:
      return "blocked, inviter not permitted by allowInvitesFrom";
    case InvitationReason::kInvalidInviteeEmail:
      return "blocked, invalid invitee email";
    case InvitationReason::kDomainBlocked:
      return "blocked, domain blocked";
    case InvitationReason::kDomainNotInAllowlist:
      return "blocked, domain not in allowlist";
    case InvitationReason::kDomainPolicyInvalid:
      return "blocked, domain policy invalid (load error, fail closed)";
    case InvitationReason::kBlockedByCrossTenantAccess:
      return "blocked, b2bCollaborationInbound blocks the invitee's tenant";
    case InvitationReason::kTenantMismatch:
      return "blocked, compiled tenants differ (internal)";
  }
  return "unknown";
}

absl::string_view InviterStandingName(InviterStanding standing) {
  switch (standing) {
    case InviterStanding::kNone:
      return "none";
    case InviterStanding::kAdministrator:
      return "administrator";
    case InviterStanding::kGuestInviter:
      return "guest inviter";
    case InviterStanding::kMember:
      return "member";
    case InviterStanding::kGuest:
      return "guest";
    case InviterStanding::kApplication:
      return "application";
  }
  return "unknown";
}

std::string FormatInvitationDecision(const InvitationDecision& d) {
  std::string out = absl::StrCat(
      "invitation: ", InvitationReasonName(d.reason),
      "; allowInvitesFrom=", AllowInvitesFromName(d.allow_invites_from),
      ", inviter=", InviterStandingName(d.standing),
      ", domain list=", DomainListModeName(d.domain_mode),
      d.domain_listed ? " (listed)" : "");
  if (d.cross_tenant_evaluated) {
    absl::StrAppend(
        &out, ", b2bCollaborationInbound from ",
        d.cross_tenant_source.is_partner
            ? absl::StrCat("partner ",
                           FormatGuid(d.cross_tenant_source.partner_tenant_id))
            : std::string("default"));
  }
  return out;
}

}  // namespace crossgate::collaboration
