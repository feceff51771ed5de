#include "lib/collaboration/redemption.h"

#include "lib/cross_tenant/b2b_setting.h"

namespace crossgate::collaboration {

RedemptionPlan RedemptionOrder(
    const CompiledExternalCollaboration& collaboration,
    const cross_tenant::CompiledCrossTenantAccess& cross_tenant,
    absl::optional<Guid> partner) noexcept {
  RedemptionPlan plan;
  plan.configured = collaboration.redemption_configured();
  plan.email_otp_enabled = collaboration.email_otp_enabled_for_guests();

  bool drop_entra = false;
  if (partner.has_value() && !partner->is_zero() &&
      *partner != collaboration.tenant_id() &&
      cross_tenant.tenant_id() == collaboration.tenant_id()) {
    drop_entra = !cross_tenant::PermitsSomeUser(
        cross_tenant.ForPartner(*partner).b2b_collaboration_inbound);
  }
  for (RedemptionProvider p : collaboration.redemption_primary()) {
    if (drop_entra && p == RedemptionProvider::kAzureActiveDirectory) {
      plan.entra_dropped_by_cross_tenant_access = true;
      continue;
    }
    // The compiler guarantees at most three distinct primary providers.
    if (plan.primary_count < RedemptionPlan::kMaxPrimary) {
      plan.primary[plan.primary_count++] = p;
    }
  }

  plan.configured_fallback = collaboration.redemption_fallback();
  switch (plan.configured_fallback) {
    case RedemptionProvider::kMicrosoftAccount:
      plan.fallback = RedemptionProvider::kMicrosoftAccount;
      break;
    default:  // defaultConfiguredIdp or emailOneTimePasscode (spec 3.4)
      plan.fallback = plan.email_otp_enabled
                          ? RedemptionProvider::kEmailOneTimePasscode
                          : RedemptionProvider::kMicrosoftAccount;
  }
  return plan;
}

}  // namespace crossgate::collaboration
