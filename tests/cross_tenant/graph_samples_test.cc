// The official Graph samples (shared/spec/graph-samples) compiled and
// evaluated: the service-default default, a partner with one setting, a
// partner with half-settings, and a PATCH body trusting all claims.

#include <string>

#include "gtest/gtest.h"
#include "lib/cross_tenant/cross_tenant_stage.h"
#include "tests/cross_tenant/xtap_test_support.h"

namespace crossgate::cross_tenant {
namespace {

using xtap_testing::G;

const Guid kR = G("11111111-1111-1111-1111-111111111111");
// Partner ids in the samples.
const Guid kPartnerGet = G("9c5d131d-b1c3-4fc4-9e3f-c6557947d551");
const Guid kPartnerCreate = G("3d0f5dec-5d3d-455c-8016-e2af1ae4d31a");
const Guid kCreateGroup = G("6f546279-4da5-4b53-a095-09ea0cef9971");
const Guid kTeams = G("cc15fd57-2c6c-4117-a88c-83b1d56b4bbe");
const Guid kOtherApp = G("bbbbbbbb-0000-0000-0000-000000000001");

google::protobuf::Struct Sample(const char* name) {
  auto text = xtap_testing::ReadGraphSample(name);
  EXPECT_TRUE(text.ok()) << text.status();
  auto value = xtap_testing::ParseJson(text.value_or("{}"));
  EXPECT_TRUE(value.ok()) << name << ": " << value.status();
  return value.ok() ? value->struct_value() : google::protobuf::Struct();
}

// R with the service-default default and the two sample partners.
policy::v1::TenantPolicies SampleTenant() {
  policy::v1::TenantPolicies t;
  t.set_tenant_id(FormatGuid(kR));
  auto* policy = t.mutable_cross_tenant_access_policy();
  xtap_testing::DefaultFromJson(
      Sample("cross-tenant-default-service-default.json"),
      policy->mutable_default_configuration());
  xtap_testing::PartnerFromJson(Sample("cross-tenant-partner-get.json"),
                                policy->add_partners());
  xtap_testing::PartnerFromJson(
      Sample("cross-tenant-partner-create-response.json"),
      policy->add_partners());
  return t;
}

CompiledCrossTenantAccess Compile(const policy::v1::TenantPolicies& t,
                                  bool strict = false) {
  CrossTenantCompileOptions options;
  options.strict_partner_inheritance = strict;
  IssueCollector issues;
  auto c = CompiledCrossTenantAccess::Compile(t, AppSetTable::Default(),
                                              options, &issues);
  EXPECT_TRUE(c.ok()) << c.status();
  EXPECT_TRUE(issues.issues().empty());
  return *std::move(c);
}

Request DirectConnect(const Guid& home, const Guid& app) {
  Request r;
  r.resource_tenant_id = kR;
  r.home_tenant_id = home;
  r.home_user_id = G("cccccccc-0000-0000-0000-000000000001");
  r.external_user_types = kB2bDirectConnectUser;
  r.application_id = app;
  return r;
}

TEST(GraphSamples, ServiceDefaultDefaultMatchesSection2_6) {
  XTAP_SKIP_JSON_UNDER_TSAN();
  policy::v1::TenantPolicies t;
  t.set_tenant_id(FormatGuid(kR));
  xtap_testing::DefaultFromJson(
      Sample("cross-tenant-default-service-default.json"),
      t.mutable_cross_tenant_access_policy()->mutable_default_configuration());
  EXPECT_TRUE(t.cross_tenant_access_policy()
                  .default_configuration()
                  .is_service_default());
  auto c = Compile(t);
  const EffectiveConfiguration& d = c.default_configuration();
  EXPECT_EQ(d.b2b_collaboration_inbound.users_and_groups->access,
            AccessType::kAllowed);
  EXPECT_EQ(d.b2b_collaboration_outbound.applications->access,
            AccessType::kAllowed);
  EXPECT_EQ(d.b2b_direct_connect_inbound.users_and_groups->access,
            AccessType::kBlocked);
  EXPECT_EQ(d.b2b_direct_connect_outbound.applications->access,
            AccessType::kBlocked);
  EXPECT_FALSE(d.inbound_trust.mfa_accepted);
  // A guest from anywhere may collaborate; nobody may direct-connect.
  Request guest =
      DirectConnect(G("22222222-2222-2222-2222-222222222222"), kOtherApp);
  guest.external_user_types = kB2bCollaborationGuest;
  CrossTenantResult out;
  EvaluateCrossTenant(c, nullptr, guest, &out);
  EXPECT_TRUE(out.allowed);
  EvaluateCrossTenant(c, nullptr, DirectConnect(guest.home_tenant_id, kTeams),
                      &out);
  EXPECT_FALSE(out.allowed);
}

TEST(GraphSamples, PartnerGetAllowsDirectConnectToOffice365Only) {
  XTAP_SKIP_JSON_UNDER_TSAN();
  auto c = Compile(SampleTenant());
  CrossTenantResult out;
  EvaluateCrossTenant(c, nullptr, DirectConnect(kPartnerGet, kTeams), &out);
  EXPECT_TRUE(out.allowed);
  EvaluateCrossTenant(c, nullptr, DirectConnect(kPartnerGet, kOtherApp), &out);
  EXPECT_FALSE(out.allowed);
  EXPECT_EQ(out.reason, CrossTenantReason::kAppNotInAllowedTargets);
  // Null properties inherit the default (collaboration allowed, no trust).
  const EffectiveConfiguration& p = c.ForPartner(kPartnerGet);
  EXPECT_EQ(
      p.b2b_collaboration_inbound.users_and_groups,
      c.default_configuration().b2b_collaboration_inbound.users_and_groups);
  EXPECT_FALSE(p.inbound_trust.mfa_accepted);
  EXPECT_FALSE(p.automatic_consent_inbound);
}

TEST(GraphSamples, PartnerCreateResponseHalfSettingsInheritOrStandAlone) {
  XTAP_SKIP_JSON_UNDER_TSAN();
  auto loose = Compile(SampleTenant(), false);
  auto strict = Compile(SampleTenant(), true);
  CrossTenantResult out;
  // Inbound: only `applications` (Office365) is set. D1 inherits the default's
  // usersAndGroups (blocked AllUsers), so nothing is allowed; the strict
  // reading allows Office365 for everyone.
  EvaluateCrossTenant(loose, nullptr, DirectConnect(kPartnerCreate, kTeams),
                      &out);
  EXPECT_FALSE(out.allowed);
  EXPECT_EQ(out.half, XtapHalf::kUsersAndGroups);
  EXPECT_EQ(out.origin, SettingOrigin::kDefault);  // the sample's default
  EvaluateCrossTenant(strict, nullptr, DirectConnect(kPartnerCreate, kTeams),
                      &out);
  EXPECT_TRUE(out.allowed);
  EvaluateCrossTenant(strict, nullptr, DirectConnect(kPartnerCreate, kOtherApp),
                      &out);
  EXPECT_FALSE(out.allowed);

  // Outbound (checked for this tenant's own users going to the partner):
  // blocked group + inherited blocked AllApplications = the group is blocked,
  // everyone else may go (block/block blocks only the intersection).
  const EffectiveB2BSetting& outbound =
      loose.ForPartner(kPartnerCreate).b2b_direct_connect_outbound;
  const std::vector<Guid> in_group = {kCreateGroup};
  EXPECT_FALSE(EvaluateB2BSetting(outbound, loose.app_sets(),
                                  {G("cccccccc-0000-0000-0000-000000000001"),
                                   in_group, kOtherApp, Guid{}})
                   .permitted);
  EXPECT_TRUE(
      EvaluateB2BSetting(
          outbound, loose.app_sets(),
          {G("cccccccc-0000-0000-0000-000000000001"), {}, kOtherApp, Guid{}})
          .permitted);
}

TEST(GraphSamples, InboundTrustPatchTrustsAllClaims) {
  XTAP_SKIP_JSON_UNDER_TSAN();
  policy::v1::TenantPolicies t = SampleTenant();
  // Apply the PATCH body to the partner-get entry.
  xtap_testing::SettingsFromJson(
      Sample("cross-tenant-partner-update-inboundtrust-request.json"),
      t.mutable_cross_tenant_access_policy()
          ->mutable_partners(0)
          ->mutable_settings());
  auto c = Compile(t);
  Request guest = DirectConnect(kPartnerGet, kTeams);
  guest.external_user_types = kB2bCollaborationGuest;
  CrossTenantResult out;
  EvaluateCrossTenant(c, nullptr, guest, &out);
  EXPECT_TRUE(out.allowed);
  EXPECT_TRUE(out.inbound_trust.mfa_accepted);
  EXPECT_TRUE(out.inbound_trust.compliant_device_accepted);
  EXPECT_TRUE(out.inbound_trust.hybrid_joined_device_accepted);
  // The other partner still inherits the default: nothing trusted.
  guest.home_tenant_id = kPartnerCreate;
  EvaluateCrossTenant(c, nullptr, guest, &out);
  EXPECT_FALSE(out.inbound_trust.mfa_accepted);
}

}  // namespace
}  // namespace crossgate::cross_tenant
