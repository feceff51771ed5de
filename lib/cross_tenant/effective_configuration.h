#ifndef CROSSGATE_LIB_CROSS_TENANT_EFFECTIVE_CONFIGURATION_H_
#define CROSSGATE_LIB_CROSS_TENANT_EFFECTIVE_CONFIGURATION_H_

// A tenant's effective cross-tenant configuration for one partner tenant:
// `Eff_X(P)` of spec 2.9. The partner entry with every absent property filled
// from the default property-wise (D1), the default's missing properties
// filled from the service defaults (spec 2.6). Resolved at compile time; the
// decision path only reads it.

#include <cstdint>

#include "lib/cross_tenant/b2b_setting.h"
#include "lib/cross_tenant/cross_tenant_reason.h"
#include "lib/cross_tenant/target_half.h"
#include "lib/model/guid.h"

namespace crossgate::cross_tenant {

// Effective crossTenantAccessPolicyInboundTrust (spec 2.11): which home
// tenant claims the resource tenant accepts. The CA engine's grant
// resolution uses it (spec 5.5).
struct EffectiveInboundTrust {
  bool mfa_accepted = false;               // isMfaAccepted
  bool compliant_device_accepted = false;  // isCompliantDeviceAccepted
  bool hybrid_joined_device_accepted =
      false;  // isHybridAzureADJoinedDeviceAccepted
};

// Which configuration applies: the default, or the partner entry for a tenant.
struct ConfigSource {
  bool is_partner = false;
  Guid partner_tenant_id;  // zero for the default
};

struct EffectiveConfiguration {
  ConfigSource source;

  EffectiveB2BSetting b2b_collaboration_inbound;
  EffectiveB2BSetting b2b_collaboration_outbound;
  EffectiveB2BSetting b2b_direct_connect_inbound;
  EffectiveB2BSetting b2b_direct_connect_outbound;
  EffectiveB2BSetting tenant_restrictions;

  EffectiveInboundTrust inbound_trust;
  // Origins of isMfaAccepted, isCompliantDeviceAccepted,
  // isHybridAzureADJoinedDeviceAccepted, in that order.
  SettingOrigin inbound_trust_origin[3] = {SettingOrigin::kServiceDefault,
                                           SettingOrigin::kServiceDefault,
                                           SettingOrigin::kServiceDefault};

  // automaticUserConsentSettings (spec 2.5): redemption-prompt suppression
  // needs R's inbound and H's outbound; it never changes access.
  bool automatic_consent_inbound = false;
  bool automatic_consent_outbound = false;
  SettingOrigin automatic_consent_origin[2] = {SettingOrigin::kServiceDefault,
                                               SettingOrigin::kServiceDefault};

  // Partner-only flags (false for the default).
  bool is_service_provider = false;  // D4: users carry CA type serviceProvider
  bool is_in_multi_tenant_organization = false;

  // True when this entry could not be trusted (duplicate partner id): every
  // setting then denies (fail closed).
  bool invalid = false;

  // The setting for one of the five B2B-shaped XtapSetting values. Any
  // other value returns b2b_collaboration_inbound; callers never pass one.
  const EffectiveB2BSetting& setting(XtapSetting which) const {
    switch (which) {
      case XtapSetting::kB2bCollaborationOutbound:
        return b2b_collaboration_outbound;
      case XtapSetting::kB2bDirectConnectInbound:
        return b2b_direct_connect_inbound;
      case XtapSetting::kB2bDirectConnectOutbound:
        return b2b_direct_connect_outbound;
      case XtapSetting::kTenantRestrictions:
        return tenant_restrictions;
      default:
        return b2b_collaboration_inbound;
    }
  }
};

}  // namespace crossgate::cross_tenant

#endif  // CROSSGATE_LIB_CROSS_TENANT_EFFECTIVE_CONFIGURATION_H_
