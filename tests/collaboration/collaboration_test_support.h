#ifndef CROSSGATE_TESTS_COLLABORATION_COLLABORATION_TEST_SUPPORT_H_
#define CROSSGATE_TESTS_COLLABORATION_COLLABORATION_TEST_SUPPORT_H_

// Test-only: compiles one tenant textproto into both artifacts the
// collaboration decisions take.

#include <string>

#include "gtest/gtest.h"
#include "lib/collaboration/compiled_collaboration.h"
#include "lib/cross_tenant/compiled_cross_tenant.h"
#include "tests/cross_tenant/xtap_test_support.h"

namespace crossgate::collaboration {

inline constexpr char kTenantId[] = "11111111-1111-1111-1111-111111111111";

struct TenantArtifacts {
  cross_tenant::CompiledCrossTenantAccess access;
  CompiledExternalCollaboration collaboration;
};

// `body` is appended to `tenant_id: '<kTenantId>'`.
inline TenantArtifacts CompileTenant(const std::string& body) {
  const policy::v1::TenantPolicies t = xtap_testing::TenantFromText(
      std::string("tenant_id: '") + kTenantId + "' " + body);
  auto access = cross_tenant::CompiledCrossTenantAccess::Compile(
      t, AppSetTable::Default(), {}, nullptr);
  auto collab = CompiledExternalCollaboration::Compile(t, {}, nullptr);
  EXPECT_TRUE(access.ok()) << access.status();
  EXPECT_TRUE(collab.ok()) << collab.status();
  return TenantArtifacts{*std::move(access), *std::move(collab)};
}

}  // namespace crossgate::collaboration

#endif  // CROSSGATE_TESTS_COLLABORATION_COLLABORATION_TEST_SUPPORT_H_
