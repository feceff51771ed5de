#include "lib/cross_tenant/cross_tenant_reason.h"

#include "lib/cross_tenant/target_half.h"

namespace crossgate::cross_tenant {

absl::string_view SettingOriginName(SettingOrigin origin) {
  switch (origin) {
    case SettingOrigin::kServiceDefault:
      return "service default";
    case SettingOrigin::kDefault:
      return "default";
    case SettingOrigin::kPartner:
      return "partner";
    case SettingOrigin::kNotConfigured:
      return "not configured";
  }
  return "unknown";
}

absl::string_view XtapSettingName(XtapSetting setting) {
  switch (setting) {
    case XtapSetting::kNone:
      return "none";
    case XtapSetting::kB2bCollaborationInbound:
      return "b2bCollaborationInbound";
    case XtapSetting::kB2bCollaborationOutbound:
      return "b2bCollaborationOutbound";
    case XtapSetting::kB2bDirectConnectInbound:
      return "b2bDirectConnectInbound";
    case XtapSetting::kB2bDirectConnectOutbound:
      return "b2bDirectConnectOutbound";
    case XtapSetting::kTenantRestrictions:
      return "tenantRestrictions";
    case XtapSetting::kAllowedCloudEndpoints:
      return "allowedCloudEndpoints";
    case XtapSetting::kPartners:
      return "partners";
  }
  return "unknown";
}

absl::string_view XtapHalfName(XtapHalf half) {
  switch (half) {
    case XtapHalf::kNone:
      return "";
    case XtapHalf::kUsersAndGroups:
      return "usersAndGroups";
    case XtapHalf::kApplications:
      return "applications";
    case XtapHalf::kBoth:
      return "usersAndGroups+applications";
  }
  return "unknown";
}

absl::string_view XtapSideName(XtapSide side) {
  switch (side) {
    case XtapSide::kNone:
      return "none";
    case XtapSide::kResourceTenant:
      return "resource tenant";
    case XtapSide::kHomeTenant:
      return "home tenant";
    case XtapSide::kRestrictingTenant:
      return "restricting tenant";
  }
  return "unknown";
}

absl::string_view CrossTenantReasonName(CrossTenantReason reason) {
  switch (reason) {
    case CrossTenantReason::kNotEvaluated:
      return "not evaluated (fail closed)";
    case CrossTenantReason::kAllowed:
      return "allowed, user and app permitted";
    case CrossTenantReason::kNotApplicableInternalUser:
      return "not applicable, internal user";
    case CrossTenantReason::kNotApplicableNonEntraIdentity:
      return "not applicable, non-Entra identity";
    case CrossTenantReason::kNotApplicableServiceProviderOnly:
      return "not applicable, service provider only";
    case CrossTenantReason::kNotApplicableWorkloadIdentity:
      return "not applicable, workload identity";
    case CrossTenantReason::kUserNotInAllowedTargets:
      return "blocked, user not in targets";
    case CrossTenantReason::kUserInBlockedTargets:
      return "blocked, user in blocked targets";
    case CrossTenantReason::kAppNotInAllowedTargets:
      return "blocked, app not in targets";
    case CrossTenantReason::kAppInBlockedTargets:
      return "blocked, app in blocked targets";
    case CrossTenantReason::kUserAndAppInBlockedTargets:
      return "blocked, user and app both in blocked targets";
    case CrossTenantReason::kInvalidSetting:
      return "blocked, setting invalid (load error, fail closed)";
    case CrossTenantReason::kCloudNotAllowed:
      return "blocked, other cloud not allowed";
    case CrossTenantReason::kCrossCloudRequiresPartnerEntry:
      return "blocked, cross-cloud tenant has no partner entry";
    case CrossTenantReason::kCrossCloudDirectConnectUnsupported:
      return "blocked, direct connect is not supported across clouds";
    case CrossTenantReason::kMissingHomeTenant:
      return "blocked, external user without home tenant";
    case CrossTenantReason::kTenantRestrictionsSignalWithoutTenant:
      return "blocked, tenant restrictions signal without tenant";
    case CrossTenantReason::kTenantRestrictionsPolicyUnavailable:
      return "blocked, tenant restrictions tenant not in bundle";
    case CrossTenantReason::kTenantMismatch:
      return "blocked, compiled tenant does not match request (internal)";
  }
  return "unknown";
}

bool IsAllowingReason(CrossTenantReason reason) {
  switch (reason) {
    case CrossTenantReason::kAllowed:
    case CrossTenantReason::kNotApplicableInternalUser:
    case CrossTenantReason::kNotApplicableNonEntraIdentity:
    case CrossTenantReason::kNotApplicableServiceProviderOnly:
    case CrossTenantReason::kNotApplicableWorkloadIdentity:
      return true;
    default:
      return false;
  }
}

}  // namespace crossgate::cross_tenant
