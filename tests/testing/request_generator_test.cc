// The generators are deterministic per seed and aim at the ids a bundle
// mentions.

#include "tests/testing/request_generator.h"

#include <set>
#include <string>

#include "gtest/gtest.h"
#include "lib/model/guid.h"
#include "tests/testing/random_bundle.h"

namespace crossgate {
namespace testing {
namespace {

TEST(RandomBundleTest, SameSeedSameBundle) {
  Rng a(7), b(7), c(8);
  EXPECT_EQ(RandomBundle(a).SerializeAsString(),
            RandomBundle(b).SerializeAsString());
  Rng d(7);
  EXPECT_NE(RandomBundle(c).SerializeAsString(),
            RandomBundle(d).SerializeAsString());
}

TEST(RequestGeneratorTest, SameSeedSameRequests) {
  Rng rng(11);
  const policy::v1::PolicyBundle bundle = RandomBundle(rng);
  RequestGenerator g1(bundle, 99), g2(bundle, 99);
  for (int i = 0; i < 200; ++i) {
    RequestBuilder x = g1.Next(), y = g2.Next();
    EXPECT_EQ(RequestDebugString(x.Build()), RequestDebugString(y.Build()))
        << i;
  }
}

TEST(RequestGeneratorTest, DrawsTheBundlesIds) {
  Rng rng(5);
  const policy::v1::PolicyBundle bundle = RandomBundle(rng);
  const std::vector<TenantIds> ids = CollectIds(bundle);
  ASSERT_FALSE(ids.empty());
  std::set<std::string> users(ids[0].users.begin(), ids[0].users.end());
  RequestGenerator gen(bundle, 1);
  int known_tenant = 0, known_user = 0, in_range = 0, external = 0;
  const int n = 2000;
  for (int i = 0; i < n; ++i) {
    RequestBuilder b = gen.Next();
    const Request& r = b.Build();
    const std::string tenant = FormatGuid(r.resource_tenant_id);
    known_tenant += tenant == ids[0].tenant_id ||
                    (ids.size() > 1 && tenant == ids[1].tenant_id);
    known_user += users.count(FormatGuid(r.principal_id));
    external += r.is_external();
    if (r.has_ip) {
      for (const std::string& text : ids[0].cidrs) {
        auto cidr = ParseCidr(text);
        if (cidr && cidr->Contains(r.ip)) {
          ++in_range;
          break;
        }
      }
    }
  }
  EXPECT_GT(known_tenant, n * 9 / 10);
  if (!users.empty()) {
    EXPECT_GT(known_user, n / 4);
  }
  EXPECT_GT(in_range, n / 10);
  EXPECT_GT(external, n / 4);
  EXPECT_LT(external, n * 3 / 4);
}

}  // namespace
}  // namespace testing
}  // namespace crossgate
