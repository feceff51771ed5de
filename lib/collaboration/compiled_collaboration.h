#ifndef CROSSGATE_LIB_COLLABORATION_COMPILED_COLLABORATION_H_
#define CROSSGATE_LIB_COLLABORATION_COMPILED_COLLABORATION_H_

// File: compiled_collaboration.h
//
// One tenant's external collaboration settings (spec 3), compiled for
// admission-time decisions (invitation.h, self_service_sign_up.h,
// redemption.h):
//   - authorizationPolicy: allowInvitesFrom (absent = everyone, D6) and the
//     guest access level (guestUserRoleId, reported only);
//   - the invitation domain allow/deny list (D6: normalized, exact; wildcards
//     and a policy with both lists are load errors);
//   - authenticationFlowsPolicy: self-service sign-up and the apps with a
//     sign-up user flow (absent = disabled);
//   - email one-time passcode for guests (absent = on, spec 3.4);
//   - the XTAP default's invitationRedemptionIdentityProviderConfiguration
//     (absent = the service default order).
//
// Load errors carry paths under tenants/<tenantId>/... and are read
// fail-closed when options.fail_on_error is false: a broken domain policy
// denies every invitation; a bad redemption entry is dropped.
//
// Thread safety: immutable after Compile; const methods are thread-safe.

#include <cstdint>
#include <memory>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "crossgate/policy/v1/bundle.pb.h"
#include "lib/collaboration/collaboration_types.h"
#include "lib/load/load_issue.h"
#include "lib/model/guid.h"

namespace crossgate::collaboration {

struct CollaborationCompileOptions {
  // As CrossTenantCompileOptions::fail_on_error: any load error fails Compile.
  bool fail_on_error = true;
};

class CompiledExternalCollaboration {
 public:
  static absl::StatusOr<CompiledExternalCollaboration> Compile(
      const policy::v1::TenantPolicies& tenant,
      const CollaborationCompileOptions& options, IssueCollector* issues);

  const Guid& tenant_id() const noexcept;

  // Spec 3.1 / D6.
  AllowInvitesFrom allow_invites_from() const noexcept;
  bool authorization_policy_present() const noexcept;

  // Spec 3.2 / D6. `normalized_domain` must come from NormalizeDomain.
  DomainListMode domain_mode() const noexcept;
  bool DomainListed(absl::string_view normalized_domain) const noexcept;
  bool domain_policy_invalid() const noexcept;

  // Spec 3.3.
  bool self_service_sign_up_policy_present() const noexcept;
  bool self_service_sign_up_enabled() const noexcept;
  bool HasSignUpUserFlow(const Guid& app) const noexcept;

  // Spec 3.4: guests may redeem with email one-time passcode.
  bool email_otp_enabled_for_guests() const noexcept;

  // Spec 2.5: the primary precedence order (validated, duplicates removed)
  // and the configured fallback; `redemption_configured` is false when the
  // service default is in use.
  absl::Span<const RedemptionProvider> redemption_primary() const noexcept;
  RedemptionProvider redemption_fallback() const noexcept;
  bool redemption_configured() const noexcept;

  // Spec 3.1: guestUserRoleId and its level (default: limited access).
  GuestAccessLevel guest_access_level() const noexcept;
  const Guid& guest_user_role_id() const noexcept;

  bool has_errors() const noexcept;

  struct State;

 private:
  explicit CompiledExternalCollaboration(std::shared_ptr<const State> state)
      : state_(std::move(state)) {}
  std::shared_ptr<const State> state_;  // INVARIANT: never null
};

}  // namespace crossgate::collaboration

#endif  // CROSSGATE_LIB_COLLABORATION_COMPILED_COLLABORATION_H_
