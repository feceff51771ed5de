// The XTAP stage: which settings apply to which request (spec 2.9, D2-D4),
// cross-cloud rules (2.1, 2.9), inbound trust (2.11), automatic consent
// (2.5), tenant restrictions v2 (2.12), and self-explaining results.

#include "lib/cross_tenant/cross_tenant_stage.h"

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "lib/cross_tenant/cross_tenant_format.h"
#include "tests/cross_tenant/xtap_test_support.h"

namespace crossgate::cross_tenant {
namespace {

using xtap_testing::G;
using xtap_testing::TenantFromText;

const Guid kR = G("11111111-1111-1111-1111-111111111111");
const Guid kH = G("22222222-2222-2222-2222-222222222222");
const Guid kT = G("44444444-4444-4444-4444-444444444444");
const Guid kUser = G("cccccccc-0000-0000-0000-000000000001");
const Guid kG1 = G("aaaaaaaa-0000-0000-0000-000000000001");
const Guid kA1 = G("bbbbbbbb-0000-0000-0000-000000000001");
const Guid kA2 = G("bbbbbbbb-0000-0000-0000-000000000002");

CompiledCrossTenantAccess Compile(const Guid& tenant, const std::string& body) {
  IssueCollector issues;
  auto c = CompiledCrossTenantAccess::Compile(
      TenantFromText("tenant_id: '" + FormatGuid(tenant) + "' " + body),
      AppSetTable::Default(), {}, &issues);
  EXPECT_TRUE(c.ok()) << c.status();
  return *std::move(c);
}

std::string Partner(const Guid& id, const std::string& settings,
                    const std::string& extra = "") {
  return "partners { tenant_id: '" + FormatGuid(id) + "' settings { " +
         settings + " } " + extra + " }";
}

std::string Setting(const char* name, const char* users_access,
                    const std::string& user_target, const char* user_type,
                    const char* apps_access, const std::string& app_target) {
  return std::string(name) +
         " { users_and_groups { access_type: " + users_access +
         " targets { target: '" + user_target + "' target_type: " + user_type +
         " } } applications { access_type: " + apps_access +
         " targets { target: '" + app_target +
         "' target_type: TARGET_TYPE_APPLICATION } } }";
}

const char* kAllow = "ACCESS_TYPE_ALLOWED";
const char* kBlock = "ACCESS_TYPE_BLOCKED";

Request Guest(uint32_t types = kB2bCollaborationGuest) {
  Request r;
  r.resource_tenant_id = kR;
  r.principal_id = G("dddddddd-0000-0000-0000-000000000001");
  r.home_tenant_id = kH;
  r.home_user_id = kUser;
  r.external_user_types = types;
  r.application_id = kA1;
  return r;
}

CrossTenantResult Xtap(const CompiledCrossTenantAccess& r,
                       const CompiledCrossTenantAccess* h, const Request& req,
                       const CompiledCrossTenantAccess* t = nullptr) {
  CrossTenantResult out;
  EvaluateCrossTenant(r, h, t, req, &out);
  return out;
}

// --- Applicability (D3) ---------------------------------------------------

TEST(D3, MembersSkipCrossTenantSettings) {
  auto r = Compile(
      kR, "cross_tenant_access_policy { default_configuration { settings { " +
              Setting("b2b_collaboration_inbound", kBlock, "AllUsers",
                      "TARGET_TYPE_USER", kBlock, "AllApplications") +
              " } } }");
  Request req;
  req.resource_tenant_id = kR;
  req.application_id = kA1;
  const CrossTenantResult out = Xtap(r, nullptr, req);
  EXPECT_TRUE(out.allowed);
  EXPECT_EQ(out.reason, CrossTenantReason::kNotApplicableInternalUser);
  req.home_tenant_id = kR;  // home == resource: still a member
  EXPECT_EQ(Xtap(r, nullptr, req).reason,
            CrossTenantReason::kNotApplicableInternalUser);
  req.external_user_types = kInternalGuest;
  EXPECT_EQ(Xtap(r, nullptr, req).reason,
            CrossTenantReason::kNotApplicableInternalUser);
}

TEST(D3, NonEntraIdentitiesSkipCrossTenantSettings) {
  auto r = Compile(
      kR, "cross_tenant_access_policy { default_configuration { settings { " +
              Setting("b2b_collaboration_inbound", kBlock, "AllUsers",
                      "TARGET_TYPE_USER", kBlock, "AllApplications") +
              " } } }");
  for (IdentitySource s :
       {IdentitySource::kMicrosoftAccount,
        IdentitySource::kEmailOneTimePasscode, IdentitySource::kSocial,
        IdentitySource::kSamlWsFederation}) {
    Request req = Guest(kOtherExternalUser);
    req.identity_source = s;
    const CrossTenantResult out = Xtap(r, nullptr, req);
    EXPECT_TRUE(out.allowed);
    EXPECT_EQ(out.reason, CrossTenantReason::kNotApplicableNonEntraIdentity);
  }
  Request entra = Guest();
  entra.identity_source = IdentitySource::kEntra;
  EXPECT_FALSE(Xtap(r, nullptr, entra).allowed);
}

TEST(D3, ServiceProviderOnlyPrincipalUsesNoSetting) {
  auto r = Compile(kR, "");
  const CrossTenantResult out = Xtap(r, nullptr, Guest(kServiceProvider));
  EXPECT_TRUE(out.allowed);
  EXPECT_EQ(out.reason, CrossTenantReason::kNotApplicableServiceProviderOnly);
  EXPECT_EQ(out.access_kind, B2bAccessKind::kNone);
}

TEST(D3, ServiceProviderOnlyPrincipalStillGetsThePartnersInboundTrust) {
  // No B2B setting applies to a delegated admin, but whose MFA counts is
  // still the partner's inbound trust (spec 2.11, 5.5).
  auto r = Compile(kR, "cross_tenant_access_policy { " +
                           Partner(kH, "inbound_trust { is_mfa_accepted: true }") +
                           " }");
  const CrossTenantResult out = Xtap(r, nullptr, Guest(kServiceProvider));
  EXPECT_TRUE(out.allowed);
  EXPECT_TRUE(out.inbound_trust.mfa_accepted);
  EXPECT_FALSE(out.inbound_trust.compliant_device_accepted);
}

TEST(D3, WorkloadIdentitiesSkipCrossTenantSettings) {
  auto r = Compile(kR, "");
  Request req = Guest(0);
  req.principal_kind = PrincipalKind::kServicePrincipal;
  EXPECT_EQ(Xtap(r, nullptr, req).reason,
            CrossTenantReason::kNotApplicableWorkloadIdentity);
}

TEST(D3, CollaborationTypesUseCollaborationSettings) {
  // Collaboration allowed by default; direct connect blocked by default.
  auto r = Compile(kR, "");
  for (uint32_t t :
       {static_cast<uint32_t>(kB2bCollaborationGuest),
        static_cast<uint32_t>(kB2bCollaborationMember),
        static_cast<uint32_t>(kOtherExternalUser),
        static_cast<uint32_t>(kB2bCollaborationGuest | kServiceProvider)}) {
    const CrossTenantResult out = Xtap(r, nullptr, Guest(t));
    EXPECT_TRUE(out.allowed) << t;
    EXPECT_EQ(out.access_kind, B2bAccessKind::kCollaboration);
    EXPECT_EQ(out.setting, XtapSetting::kB2bCollaborationInbound);
  }
}

TEST(D3, DirectConnectUserUsesDirectConnectSettings) {
  auto r = Compile(kR, "");
  const CrossTenantResult out = Xtap(r, nullptr, Guest(kB2bDirectConnectUser));
  EXPECT_FALSE(out.allowed);
  EXPECT_EQ(out.access_kind, B2bAccessKind::kDirectConnect);
  EXPECT_EQ(out.setting, XtapSetting::kB2bDirectConnectInbound);
  EXPECT_EQ(out.reason, CrossTenantReason::kUserAndAppInBlockedTargets);
  EXPECT_EQ(out.origin, SettingOrigin::kServiceDefault);
}

TEST(D3, RequestCarryingBothKindsMustPassBoth) {
  auto r = Compile(kR, "");
  const CrossTenantResult out =
      Xtap(r, nullptr, Guest(kB2bCollaborationGuest | kB2bDirectConnectUser));
  EXPECT_FALSE(out.allowed);
  EXPECT_EQ(out.access_kind, B2bAccessKind::kBoth);
  EXPECT_EQ(out.setting, XtapSetting::kB2bDirectConnectInbound);
}

TEST(D3, ExternalWithoutTypeBitsIsReadAsCollaboration) {
  auto r = Compile(
      kR, "cross_tenant_access_policy { default_configuration { settings { " +
              Setting("b2b_collaboration_inbound", kBlock, "AllUsers",
                      "TARGET_TYPE_USER", kBlock, "AllApplications") +
              " } } }");
  const CrossTenantResult out = Xtap(r, nullptr, Guest(0));
  EXPECT_FALSE(out.allowed);
  EXPECT_EQ(out.setting, XtapSetting::kB2bCollaborationInbound);
}

TEST(D3, ExternalUserWithoutHomeTenantIsBlocked) {
  auto r = Compile(kR, "");
  Request req = Guest();
  req.home_tenant_id = Guid{};
  const CrossTenantResult out = Xtap(r, nullptr, req);
  EXPECT_FALSE(out.allowed);
  EXPECT_EQ(out.reason, CrossTenantReason::kMissingHomeTenant);
}

// --- Which settings apply (spec 2.9) ---------------------------------------

TEST(Section2_9, CollaborationInboundAtResourceUsesHomeUserAndGroups) {
  auto r =
      Compile(kR, "cross_tenant_access_policy { " +
                      Partner(kH, Setting("b2b_collaboration_inbound", kAllow,
                                          FormatGuid(kG1), "TARGET_TYPE_GROUP",
                                          kAllow, "AllApplications")) +
                      " }");
  Request req = Guest();
  EXPECT_FALSE(Xtap(r, nullptr, req).allowed);
  const std::vector<Guid> home_groups = {kG1};
  req.home_groups = home_groups;
  EXPECT_TRUE(Xtap(r, nullptr, req).allowed);
  // Resource-tenant groups do not count for inbound targets.
  Request req2 = Guest();
  req2.groups = home_groups;
  EXPECT_FALSE(Xtap(r, nullptr, req2).allowed);
}

TEST(Section2_9, CollaborationNeedsHomeOutboundWhenHomeInBundle) {
  auto r = Compile(kR, "");
  auto h =
      Compile(kH, "cross_tenant_access_policy { " +
                      Partner(kR, Setting("b2b_collaboration_outbound", kAllow,
                                          FormatGuid(kUser), "TARGET_TYPE_USER",
                                          kAllow, FormatGuid(kA2))) +
                      " }");
  const CrossTenantResult out = Xtap(r, &h, Guest());
  EXPECT_FALSE(out.allowed);
  EXPECT_EQ(out.side, XtapSide::kHomeTenant);
  EXPECT_EQ(out.config_tenant_id, kH);
  EXPECT_EQ(out.setting, XtapSetting::kB2bCollaborationOutbound);
  EXPECT_EQ(out.half, XtapHalf::kApplications);
  EXPECT_EQ(out.reason, CrossTenantReason::kAppNotInAllowedTargets);
  EXPECT_TRUE(out.source.is_partner);
  EXPECT_EQ(out.source.partner_tenant_id, kR);
  EXPECT_TRUE(out.home_outbound_evaluated);
  Request ok = Guest();
  ok.application_id = kA2;
  EXPECT_TRUE(Xtap(r, &h, ok).allowed);
}

TEST(D2, HomeNotInBundleIsNotEvaluatedAndSaysSo) {
  auto r = Compile(kR, "");
  const CrossTenantResult out = Xtap(r, nullptr, Guest());
  EXPECT_TRUE(out.allowed);
  EXPECT_FALSE(out.home_outbound_evaluated);
  EXPECT_TRUE(absl::StrContains(FormatCrossTenantResult(out),
                                "home outbound not evaluated"))
      << FormatCrossTenantResult(out);
}

TEST(Section2_9, DirectConnectNeedsBothSidesWhenBothInBundle) {
  const std::string r_inbound =
      "cross_tenant_access_policy { " +
      Partner(kH, Setting("b2b_direct_connect_inbound", kAllow, "AllUsers",
                          "TARGET_TYPE_USER", kAllow, "AllApplications")) +
      " }";
  const std::string h_outbound =
      "cross_tenant_access_policy { " +
      Partner(kR, Setting("b2b_direct_connect_outbound", kAllow, "AllUsers",
                          "TARGET_TYPE_USER", kAllow, "AllApplications")) +
      " }";
  auto r_yes = Compile(kR, r_inbound);
  auto r_no = Compile(kR, "");
  auto h_yes = Compile(kH, h_outbound);
  auto h_no = Compile(kH, "");
  const Request dc = Guest(kB2bDirectConnectUser);
  EXPECT_TRUE(Xtap(r_yes, &h_yes, dc).allowed);
  const CrossTenantResult only_r = Xtap(r_yes, &h_no, dc);
  EXPECT_FALSE(only_r.allowed);
  EXPECT_EQ(only_r.side, XtapSide::kHomeTenant);
  EXPECT_EQ(only_r.setting, XtapSetting::kB2bDirectConnectOutbound);
  const CrossTenantResult only_h = Xtap(r_no, &h_yes, dc);
  EXPECT_FALSE(only_h.allowed);
  EXPECT_EQ(only_h.side, XtapSide::kResourceTenant);
  EXPECT_EQ(only_h.setting, XtapSetting::kB2bDirectConnectInbound);
}

TEST(D2, DirectConnectWithOnlyResourceInBundleDecidedByInbound) {
  auto r_yes = Compile(
      kR,
      "cross_tenant_access_policy { " +
          Partner(kH, Setting("b2b_direct_connect_inbound", kAllow, "AllUsers",
                              "TARGET_TYPE_USER", kAllow, "AllApplications")) +
          " }");
  const CrossTenantResult out =
      Xtap(r_yes, nullptr, Guest(kB2bDirectConnectUser));
  EXPECT_TRUE(out.allowed);
  EXPECT_FALSE(out.home_outbound_evaluated);
  EXPECT_EQ(out.setting, XtapSetting::kB2bDirectConnectInbound);
}

// --- Cross-cloud (spec 2.1, 2.9) -----------------------------------------

TEST(Section2_9, CrossCloudNeedsBothCloudsAllowedAndPartnerEntries) {
  const std::string us_ok =
      "cloud: 'microsoftonline.us' cross_tenant_access_policy { "
      "allowed_cloud_endpoints: 'microsoftonline.com' " +
      Partner(kR, "") + " }";
  auto h = Compile(kH, us_ok);
  // R allows the cloud and has an entry: the default settings then apply.
  auto r_ok = Compile(kR,
                      "cross_tenant_access_policy { allowed_cloud_endpoints: "
                      "'microsoftonline.us' " +
                          Partner(kH, "") + " }");
  EXPECT_TRUE(Xtap(r_ok, &h, Guest()).allowed);
  // No entry: denied even though the default allows.
  auto r_no_entry =
      Compile(kR,
              "cross_tenant_access_policy { allowed_cloud_endpoints: "
              "'microsoftonline.us' }");
  CrossTenantResult out = Xtap(r_no_entry, &h, Guest());
  EXPECT_FALSE(out.allowed);
  EXPECT_EQ(out.reason, CrossTenantReason::kCrossCloudRequiresPartnerEntry);
  EXPECT_EQ(out.setting, XtapSetting::kPartners);
  // Cloud not allowed at R.
  auto r_no_cloud =
      Compile(kR, "cross_tenant_access_policy { " + Partner(kH, "") + " }");
  out = Xtap(r_no_cloud, &h, Guest());
  EXPECT_EQ(out.reason, CrossTenantReason::kCloudNotAllowed);
  EXPECT_EQ(out.side, XtapSide::kResourceTenant);
  // Cloud not allowed at H.
  auto h_no_cloud =
      Compile(kH, "cloud: 'microsoftonline.us' cross_tenant_access_policy { " +
                      Partner(kR, "") + " }");
  out = Xtap(r_ok, &h_no_cloud, Guest());
  EXPECT_EQ(out.reason, CrossTenantReason::kCloudNotAllowed);
  EXPECT_EQ(out.side, XtapSide::kHomeTenant);
  // No entry at H.
  auto h_no_entry =
      Compile(kH,
              "cloud: 'microsoftonline.us' cross_tenant_access_policy { "
              "allowed_cloud_endpoints: 'microsoftonline.com' }");
  out = Xtap(r_ok, &h_no_entry, Guest());
  EXPECT_EQ(out.reason, CrossTenantReason::kCrossCloudRequiresPartnerEntry);
  EXPECT_EQ(out.side, XtapSide::kHomeTenant);
}

TEST(Section2_9, DirectConnectIsNotSupportedAcrossClouds) {
  auto h = Compile(
      kH,
      "cloud: 'partner.microsoftonline.cn' cross_tenant_access_policy { "
      "allowed_cloud_endpoints: 'microsoftonline.com' " +
          Partner(kR, "") + " }");
  auto r = Compile(kR,
                   "cross_tenant_access_policy { allowed_cloud_endpoints: "
                   "'partner.microsoftonline.cn' " +
                       Partner(kH, "") + " }");
  const CrossTenantResult out = Xtap(r, &h, Guest(kB2bDirectConnectUser));
  EXPECT_EQ(out.reason, CrossTenantReason::kCrossCloudDirectConnectUnsupported);
}

TEST(Section2_9, UnknownResourceCloudDeniesExternalUsers) {
  IssueCollector issues;
  CrossTenantCompileOptions options;
  options.fail_on_error = false;
  auto r = CompiledCrossTenantAccess::Compile(
      TenantFromText("tenant_id: '" + FormatGuid(kR) +
                     "' cloud: 'moon.example'"),
      AppSetTable::Default(), options, &issues);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(Xtap(*r, nullptr, Guest()).allowed);
}

// --- Inbound trust (spec 2.11), D4, consent (spec 2.5) ---------------------

TEST(Section2_11, EffectiveInboundTrustIsReturnedWithTheResult) {
  auto r = Compile(
      kR,
      "cross_tenant_access_policy { default_configuration { settings { "
      "inbound_trust { is_mfa_accepted: true } } } " +
          Partner(kH, "inbound_trust { is_compliant_device_accepted: true }") +
          " }");
  const CrossTenantResult out = Xtap(r, nullptr, Guest());
  EXPECT_TRUE(out.allowed);
  EXPECT_TRUE(out.inbound_trust.mfa_accepted);               // inherited (D1)
  EXPECT_TRUE(out.inbound_trust.compliant_device_accepted);  // partner
  EXPECT_FALSE(out.inbound_trust.hybrid_joined_device_accepted);
  Request other = Guest();
  other.home_tenant_id = kT;
  const CrossTenantResult d = Xtap(r, nullptr, other);
  EXPECT_TRUE(d.inbound_trust.mfa_accepted);
  EXPECT_FALSE(d.inbound_trust.compliant_device_accepted);
}

TEST(D4, ServiceProviderPartnerAddsServiceProviderUserType) {
  auto r = Compile(kR, "cross_tenant_access_policy { " +
                           Partner(kH, "", "is_service_provider: true") + " }");
  EXPECT_EQ(AdditionalUserTypeBits(r, Guest()),
            static_cast<uint32_t>(kServiceProvider));
  EXPECT_EQ(Xtap(r, nullptr, Guest()).extra_user_type_bits,
            static_cast<uint32_t>(kServiceProvider));
  Request other = Guest();
  other.home_tenant_id = kT;
  EXPECT_EQ(AdditionalUserTypeBits(r, other), 0u);
  Request member;
  member.resource_tenant_id = kR;
  EXPECT_EQ(AdditionalUserTypeBits(r, member), 0u);
}

TEST(Section2_3, MultiTenantOrganizationFlagIsReported) {
  auto r = Compile(
      kR, "cross_tenant_access_policy { " +
              Partner(kH, "", "is_in_multi_tenant_organization: true") + " }");
  EXPECT_TRUE(Xtap(r, nullptr, Guest()).is_in_multi_tenant_organization);
}

TEST(Section2_5, AutomaticRedemptionNeedsResourceInboundAndHomeOutbound) {
  auto r = Compile(
      kR,
      "cross_tenant_access_policy { " +
          Partner(kH,
                  "automatic_user_consent_settings { inbound_allowed: true }") +
          " }");
  auto h = Compile(
      kH,
      "cross_tenant_access_policy { " +
          Partner(
              kR,
              "automatic_user_consent_settings { outbound_allowed: true }") +
          " }");
  auto h_no = Compile(kH, "");
  CrossTenantResult out = Xtap(r, &h, Guest());
  EXPECT_TRUE(out.automatic_redemption);
  out = Xtap(r, &h_no, Guest());
  EXPECT_TRUE(out.automatic_consent_inbound);
  EXPECT_FALSE(out.automatic_redemption);
  out = Xtap(r, nullptr, Guest());  // D2: H's side unknown
  EXPECT_FALSE(out.automatic_consent_outbound);
  EXPECT_FALSE(out.automatic_redemption);
  EXPECT_TRUE(out.allowed);  // never affects access
}

// --- Tenant restrictions v2 (spec 2.12) ------------------------------------

TEST(Section2_12, EvaluatedOnlyWithTheSignal) {
  auto r = Compile(kR, "");
  auto t = Compile(kT, "");  // service default TRv2: blocked
  Request req = Guest();
  CrossTenantResult out = Xtap(r, nullptr, req, &t);
  EXPECT_TRUE(out.allowed);
  EXPECT_FALSE(out.tenant_restrictions_evaluated);
  req.tenant_restrictions_signal = true;
  req.tenant_restrictions_tenant_id = kT;
  out = Xtap(r, nullptr, req, &t);
  EXPECT_FALSE(out.allowed);
  EXPECT_EQ(out.stage, Stage::kTenantRestrictions);
  EXPECT_EQ(out.side, XtapSide::kRestrictingTenant);
  EXPECT_EQ(out.config_tenant_id, kT);
  EXPECT_EQ(out.setting, XtapSetting::kTenantRestrictions);
}

TEST(Section2_12, PartnerPolicyForResourceTenantWithIdentityAndApp) {
  auto r = Compile(kR, "");
  auto t = Compile(kT, "cross_tenant_access_policy { " +
                           Partner(kR, Setting("tenant_restrictions", kAllow,
                                               "AllUsers", "TARGET_TYPE_USER",
                                               kAllow, FormatGuid(kA1))) +
                           " }");
  Request member;  // a member of R signing in from T's network
  member.resource_tenant_id = kR;
  member.principal_id = kUser;
  member.application_id = kA1;
  member.tenant_restrictions_signal = true;
  member.tenant_restrictions_tenant_id = kT;
  CrossTenantResult out = Xtap(r, nullptr, member, &t);
  EXPECT_TRUE(out.allowed);
  EXPECT_TRUE(out.tenant_restrictions_evaluated);
  member.application_id = kA2;
  out = Xtap(r, nullptr, member, &t);
  EXPECT_FALSE(out.allowed);
  EXPECT_EQ(out.reason, CrossTenantReason::kAppNotInAllowedTargets);
  EXPECT_TRUE(out.source.is_partner);
}

TEST(Section2_12, UsersAreTheResourceTenantsIdentities) {
  auto r = Compile(kR, "");
  auto t = Compile(
      kT,
      "cross_tenant_access_policy { " +
          Partner(kR, Setting("tenant_restrictions", kAllow, FormatGuid(kUser),
                              "TARGET_TYPE_USER", kAllow, "AllApplications")) +
          " }");
  Request req;
  req.resource_tenant_id = kR;
  req.principal_id = kUser;
  req.application_id = kA1;
  req.tenant_restrictions_signal = true;
  req.tenant_restrictions_tenant_id = kT;
  EXPECT_TRUE(Xtap(r, nullptr, req, &t).allowed);
  req.principal_id = kG1;
  req.home_user_id = kUser;  // the home id is not what TRv2 matches
  EXPECT_FALSE(Xtap(r, nullptr, req, &t).allowed);
}

TEST(Section2_12, OwnTenantIsNotRestricted) {
  auto r = Compile(kR, "");
  Request req;
  req.resource_tenant_id = kR;
  req.tenant_restrictions_signal = true;
  req.tenant_restrictions_tenant_id = kR;
  const CrossTenantResult out = Xtap(r, nullptr, req);
  EXPECT_TRUE(out.allowed);
  EXPECT_FALSE(out.tenant_restrictions_evaluated);
}

TEST(Section2_12, RestrictingTenantNotInBundleFailsClosed) {
  auto r = Compile(kR, "");
  Request req = Guest();
  req.tenant_restrictions_signal = true;
  req.tenant_restrictions_tenant_id = kT;
  CrossTenantResult out = Xtap(r, nullptr, req);
  EXPECT_FALSE(out.allowed);
  EXPECT_EQ(out.reason,
            CrossTenantReason::kTenantRestrictionsPolicyUnavailable);
  req.tenant_restrictions_tenant_id = Guid{};
  out = Xtap(r, nullptr, req);
  EXPECT_EQ(out.reason,
            CrossTenantReason::kTenantRestrictionsSignalWithoutTenant);
}

TEST(Section2_12, RestrictingTenantsOwnIdentitiesAreNotRestricted) {
  auto r = Compile(kR, "");
  auto h = Compile(kH, "cross_tenant_access_policy { " +
                           Partner(kR, Setting("tenant_restrictions", kAllow,
                                               "AllUsers", "TARGET_TYPE_USER",
                                               kAllow, "AllApplications")) +
                           " }");
  Request req = Guest();
  req.tenant_restrictions_signal = true;
  req.tenant_restrictions_tenant_id = kH;
  const CrossTenantResult out = Xtap(r, &h, req);
  EXPECT_TRUE(out.allowed);
  // The guest signs in with H's own identity: TRv2 restricts external
  // identities only (spec 2.12); H's outbound settings govern this one.
  EXPECT_FALSE(out.tenant_restrictions_evaluated);
}

// --- Consistency and explanations ------------------------------------------

TEST(FailClosed, CompiledTenantsMustMatchTheRequest) {
  auto r = Compile(kR, "");
  auto other = Compile(kT, "");
  Request req = Guest();
  CrossTenantResult out = Xtap(other, nullptr, req);
  EXPECT_FALSE(out.allowed);
  EXPECT_EQ(out.stage, Stage::kInternal);
  EXPECT_EQ(out.reason, CrossTenantReason::kTenantMismatch);
  out = Xtap(r, &other, req);  // `home` is not H
  EXPECT_FALSE(out.allowed);
  EXPECT_EQ(out.reason, CrossTenantReason::kTenantMismatch);
  req.tenant_restrictions_signal = true;
  req.tenant_restrictions_tenant_id = G("55555555-5555-5555-5555-555555555555");
  out = Xtap(r, nullptr, req, &other);  // `restricting` is not that tenant
  EXPECT_EQ(out.reason, CrossTenantReason::kTenantMismatch);
}

TEST(Explanations, BlockNamesStageConfigurationSettingAndRule) {
  auto r = Compile(
      kR,
      "cross_tenant_access_policy { " +
          Partner(kH, Setting("b2b_collaboration_inbound", kAllow, "AllUsers",
                              "TARGET_TYPE_USER", kAllow, FormatGuid(kA2))) +
          " }");
  const CrossTenantResult out = Xtap(r, nullptr, Guest());
  EXPECT_EQ(
      FormatCrossTenantRule(out),
      "b2bCollaborationInbound.applications: blocked, app not in targets");
  EXPECT_EQ(FormatCrossTenantResult(out),
            "crossTenantAccess: blocked by resource tenant " + FormatGuid(kR) +
                " (partner " + FormatGuid(kH) +
                "): b2bCollaborationInbound.applications: blocked, app not in "
                "targets; "
                "home outbound not evaluated");
}

TEST(Explanations, InheritedHalfNamesItsOrigin) {
  auto r = Compile(
      kR, "cross_tenant_access_policy { " +
              Partner(kH, "inbound_trust { is_mfa_accepted: true }") + " }");
  const CrossTenantResult out = Xtap(r, nullptr, Guest(kB2bDirectConnectUser));
  EXPECT_EQ(FormatCrossTenantResult(out),
            "crossTenantAccess: blocked by resource tenant " + FormatGuid(kR) +
                " (partner " + FormatGuid(kH) +
                "): b2bDirectConnectInbound.usersAndGroups+applications: "
                "blocked, user and "
                "app both in blocked targets [from service default]; home "
                "outbound not "
                "evaluated");
}

}  // namespace
}  // namespace crossgate::cross_tenant
