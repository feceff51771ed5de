#include "lib/cross_tenant/cross_tenant_format.h"

#include "absl/strings/str_cat.h"

namespace crossgate::cross_tenant {
namespace {

absl::string_view StageName(Stage stage) {
  switch (stage) {
    case Stage::kTenantRestrictions:
      return "tenantRestrictions";
    case Stage::kInternal:
      return "internal";
    default:
      return "crossTenantAccess";
  }
}

}  // namespace

std::string FormatCrossTenantRule(const CrossTenantResult& result) {
  std::string out;
  if (result.setting != XtapSetting::kNone) {
    absl::StrAppend(&out, XtapSettingName(result.setting));
    if (result.half != XtapHalf::kNone) {
      absl::StrAppend(&out, ".", XtapHalfName(result.half));
    }
    absl::StrAppend(&out, ": ");
  }
  absl::StrAppend(&out, CrossTenantReasonName(result.reason));
  return out;
}

std::string FormatCrossTenantResult(const CrossTenantResult& result) {
  std::string out = absl::StrCat(StageName(result.stage), ": ",
                                 result.allowed ? "allowed" : "blocked");
  if (result.side != XtapSide::kNone) {
    absl::StrAppend(&out, " by ", XtapSideName(result.side), " ",
                    FormatGuid(result.config_tenant_id));
    const bool b2b_setting =
        result.setting != XtapSetting::kNone &&
        result.setting != XtapSetting::kAllowedCloudEndpoints &&
        result.setting != XtapSetting::kPartners;
    if (b2b_setting) {
      absl::StrAppend(
          &out, " (",
          result.source.is_partner
              ? absl::StrCat("partner ",
                             FormatGuid(result.source.partner_tenant_id))
              : std::string("default"),
          ")");
    }
  }
  absl::StrAppend(&out, ": ", FormatCrossTenantRule(result));
  if (result.setting != XtapSetting::kNone &&
      result.origin != SettingOrigin::kPartner &&
      (result.source.is_partner || result.origin != SettingOrigin::kDefault) &&
      result.setting != XtapSetting::kAllowedCloudEndpoints &&
      result.setting != XtapSetting::kPartners) {
    absl::StrAppend(&out, " [from ", SettingOriginName(result.origin), "]");
  }
  if (result.access_kind != B2bAccessKind::kNone &&
      !result.home_outbound_evaluated) {
    absl::StrAppend(&out, "; home outbound not evaluated");
  }
  return out;
}

}  // namespace crossgate::cross_tenant
