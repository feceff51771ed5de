// A compiled tenant is immutable and shared: many threads evaluating the
// same CompiledCrossTenantAccess get the same answers (run under
// `scripts/dev test --tsan` to check for races).

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

#include "gtest/gtest.h"
#include "lib/cross_tenant/cross_tenant_stage.h"
#include "tests/cross_tenant/xtap_test_support.h"

namespace crossgate::cross_tenant {
namespace {

using xtap_testing::G;

TEST(ThreadSafety, ConcurrentEvaluationsAgree) {
  auto compiled = CompiledCrossTenantAccess::Compile(
      xtap_testing::TenantFromText(R"pb(
        tenant_id: "11111111-1111-1111-1111-111111111111"
        cross_tenant_access_policy {
          partners {
            tenant_id: "22222222-2222-2222-2222-222222222222"
            settings {
              b2b_collaboration_inbound {
                users_and_groups {
                  access_type: ACCESS_TYPE_ALLOWED
                  targets {
                    target: "aaaaaaaa-0000-0000-0000-000000000001"
                    target_type: TARGET_TYPE_GROUP
                  }
                }
                applications {
                  access_type: ACCESS_TYPE_ALLOWED
                  targets {
                    target: "Office365"
                    target_type: TARGET_TYPE_APPLICATION
                  }
                }
              }
            }
          }
        })pb"),
      AppSetTable::Default(), {}, nullptr);
  ASSERT_TRUE(compiled.ok());
  // A copy shares the same immutable state.
  const CompiledCrossTenantAccess shared = *compiled;

  const std::vector<Guid> in_group = {
      G("aaaaaaaa-0000-0000-0000-000000000001")};
  std::vector<Request> requests(4);
  for (size_t i = 0; i < requests.size(); ++i) {
    Request& r = requests[i];
    r.resource_tenant_id = G("11111111-1111-1111-1111-111111111111");
    r.home_tenant_id = G(i % 2 ? "22222222-2222-2222-2222-222222222222"
                               : "33333333-3333-3333-3333-333333333333");
    r.external_user_types = kB2bCollaborationGuest;
    r.application_id = G(i < 2 ? "00000002-0000-0ff1-ce00-000000000000"
                               : "bbbbbbbb-0000-0000-0000-000000000001");
    if (i % 2) r.home_groups = in_group;
  }
  std::vector<bool> expected;
  for (const Request& r : requests) {
    CrossTenantResult out;
    EvaluateCrossTenant(shared, nullptr, r, &out);
    expected.push_back(out.allowed);
  }

  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      const CompiledCrossTenantAccess& c = t % 2 ? shared : *compiled;
      for (int round = 0; round < 2000; ++round) {
        for (size_t i = 0; i < requests.size(); ++i) {
          CrossTenantResult out;
          EvaluateCrossTenant(c, nullptr, requests[i], &out);
          if (out.allowed != expected[i]) ++mismatches[t];
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (int m : mismatches) EXPECT_EQ(m, 0);
  // The answers differ between requests, so agreement is meaningful.
  EXPECT_NE(std::count(expected.begin(), expected.end(), true), 0);
  EXPECT_NE(std::count(expected.begin(), expected.end(), false), 0);
}

}  // namespace
}  // namespace crossgate::cross_tenant
