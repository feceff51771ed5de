// The decision path allocates nothing: a counting global operator new must see
// zero allocations across many EvaluateCrossTenant calls covering every
// branch (allowed, blocked, direct connect, cross-cloud, TRv2, app sets,
// group spans, not-applicable principals).

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "lib/cross_tenant/cross_tenant_stage.h"
#include "tests/cross_tenant/xtap_test_support.h"
#include "tests/testing/counting_new.h"

namespace crossgate::cross_tenant {
namespace {

using xtap_testing::G;
using xtap_testing::TenantFromText;

CompiledCrossTenantAccess Compile(const std::string& text) {
  auto c = CompiledCrossTenantAccess::Compile(
      TenantFromText(text), AppSetTable::Default(), {}, nullptr);
  EXPECT_TRUE(c.ok()) << c.status();
  return *std::move(c);
}

TEST(NoAllocation, CounterSeesAllocations) {
  const long before = testing::AllocationCount();
  auto* p = new std::string(100, 'x');
  delete p;
  EXPECT_GT(testing::AllocationCount(), before);
}

TEST(NoAllocation, EvaluateCrossTenantAllocatesNothing) {
  const std::string groups_setting =
      "users_and_groups { access_type: ACCESS_TYPE_ALLOWED "
      "targets { target: 'aaaaaaaa-0000-0000-0000-000000000001' target_type: "
      "TARGET_TYPE_GROUP } "
      "targets { target: 'aaaaaaaa-0000-0000-0000-000000000002' target_type: "
      "TARGET_TYPE_GROUP } "
      "targets { target: 'cccccccc-0000-0000-0000-000000000001' target_type: "
      "TARGET_TYPE_USER } } "
      "applications { access_type: ACCESS_TYPE_ALLOWED "
      "targets { target: 'Office365' target_type: TARGET_TYPE_APPLICATION } "
      "targets { target: 'bbbbbbbb-0000-0000-0000-000000000001' target_type: "
      "TARGET_TYPE_APPLICATION } }";
  auto r = Compile(
      "tenant_id: '11111111-1111-1111-1111-111111111111' "
      "cross_tenant_access_policy { allowed_cloud_endpoints: "
      "'microsoftonline.us' "
      "partners { tenant_id: '22222222-2222-2222-2222-222222222222' "
      "is_service_provider: true "
      "settings { b2b_collaboration_inbound { " +
      groups_setting +
      " } "
      "b2b_direct_connect_inbound { " +
      groups_setting +
      " } "
      "inbound_trust { is_mfa_accepted: true } } } "
      "partners { tenant_id: '55555555-5555-5555-5555-555555555555' } }");
  auto h = Compile(
      "tenant_id: '22222222-2222-2222-2222-222222222222' "
      "cross_tenant_access_policy { partners { tenant_id: "
      "'11111111-1111-1111-1111-111111111111' "
      "settings { b2b_direct_connect_outbound { " +
      groups_setting + " } } } }");
  auto us = Compile(
      "tenant_id: '55555555-5555-5555-5555-555555555555' cloud: "
      "'microsoftonline.us' "
      "cross_tenant_access_policy { allowed_cloud_endpoints: "
      "'microsoftonline.com' "
      "partners { tenant_id: '11111111-1111-1111-1111-111111111111' } }");
  auto t = Compile(
      "tenant_id: '44444444-4444-4444-4444-444444444444' "
      "cross_tenant_access_policy { partners { tenant_id: "
      "'11111111-1111-1111-1111-111111111111' settings { tenant_restrictions "
      "{ " +
      groups_setting + " } } } }");

  std::vector<Guid> many_groups;
  for (uint64_t i = 1; i <= 500; ++i) many_groups.push_back(Guid{i, i});
  many_groups.push_back(G("aaaaaaaa-0000-0000-0000-000000000002"));

  std::vector<Request> requests;
  Request base;
  base.resource_tenant_id = G("11111111-1111-1111-1111-111111111111");
  base.home_tenant_id = G("22222222-2222-2222-2222-222222222222");
  base.home_user_id = G("cccccccc-0000-0000-0000-000000000009");
  base.principal_id = G("cccccccc-0000-0000-0000-000000000001");
  base.external_user_types = kB2bCollaborationGuest;
  base.application_id = G("00000002-0000-0ff1-ce00-000000000000");
  base.home_groups = many_groups;
  base.groups = many_groups;
  requests.push_back(base);  // allowed via group + Office365
  Request blocked_app = base;
  blocked_app.application_id = G("bbbbbbbb-0000-0000-0000-000000000002");
  requests.push_back(blocked_app);
  Request dc = base;
  dc.external_user_types = kB2bDirectConnectUser;
  requests.push_back(dc);
  Request unknown_home = base;
  unknown_home.home_tenant_id = G("66666666-6666-6666-6666-666666666666");
  requests.push_back(unknown_home);
  Request trv2 = base;
  trv2.tenant_restrictions_signal = true;
  trv2.tenant_restrictions_tenant_id =
      G("44444444-4444-4444-4444-444444444444");
  requests.push_back(trv2);
  Request member;
  member.resource_tenant_id = base.resource_tenant_id;
  requests.push_back(member);
  Request msa = base;
  msa.identity_source = IdentitySource::kMicrosoftAccount;
  requests.push_back(msa);
  Request cross_cloud = base;
  cross_cloud.home_tenant_id = G("55555555-5555-5555-5555-555555555555");
  requests.push_back(cross_cloud);

  const CompiledCrossTenantAccess* homes[] = {
      &h, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, &us};
  CrossTenantResult out;
  int allowed = 0;
  uint32_t bits = 0;
  const long before = testing::AllocationCount();
  for (int round = 0; round < 200; ++round) {
    for (size_t i = 0; i < requests.size(); ++i) {
      EvaluateCrossTenant(r, homes[i], &t, requests[i], &out);
      allowed += out.allowed ? 1 : 0;
      bits |= AdditionalUserTypeBits(r, requests[i]);
    }
  }
  const long after = testing::AllocationCount();
  EXPECT_EQ(after - before, 0);
  // The loop really exercised allowed and blocked paths.
  EXPECT_GT(allowed, 0);
  EXPECT_LT(allowed, 200 * static_cast<int>(requests.size()));
  EXPECT_EQ(bits, static_cast<uint32_t>(kServiceProvider));
}

}  // namespace
}  // namespace crossgate::cross_tenant
