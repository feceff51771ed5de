// LoadPaths: files, directories, binary bundles, tenant ids (docs/loading.md,
// "Tenants and directories").

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "lib/load/loader.h"
#include "tests/load/test_util.h"

namespace crossgate {
namespace {

namespace fs = std::filesystem;
namespace pb = ::crossgate::policy::v1;
using testing::Dump;
using testing::FindIssue;

constexpr char kTenantA[] = "72f988bf-86f1-41af-91ab-2d7cd011db47";
constexpr char kTenantB[] = "9c5d131d-b1c3-4fc4-9e3f-c6557947d551";
constexpr char kPartner[] = "12345678-1234-1234-1234-123456789012";

class LoadPathsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ =
        fs::temp_directory_path() /
        absl::StrCat(
            "crossgate_load_paths_", ::getpid(), "_",
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }

  std::string Write(const std::string& relative, const std::string& bytes) {
    fs::path path = root_ / relative;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
    return path.string();
  }
  std::string Dir(const std::string& relative) {
    return (root_ / relative).string();
  }

  fs::path root_;
};

std::string TenantJson(const char* id) {
  return absl::StrCat(R"({"tenantId":")", id, R"("})");
}

const char kPolicyJson[] =
    R"({"id":"p1","state":"enabled","conditions":{"users":{"includeUsers":["All"]},"applications":{"includeApplications":["AllAgentIdResources"]},"locations":{"includeLocations":["0a0a0a0a-0000-4000-8000-000000000001"]}}})";
const char kLocationJson[] =
    R"({"@odata.type":"#microsoft.graph.countryNamedLocation","id":"0a0a0a0a-0000-4000-8000-000000000001","countriesAndRegions":["FI"]})";

TEST_F(LoadPathsTest, DirectoryIsOneTenantNamedByItsTenantDocument) {
  Write("a/tenant.json", TenantJson(kTenantA));
  std::string policy = Write("a/policies/p1.json", kPolicyJson);
  Write("a/locations/finland.json", kLocationJson);
  Write("a/README.md", "not json, ignored");
  std::vector<LoadIssue> issues;
  auto bundle = LoadPaths({Dir("a")}, LoadOptions(), &issues);
  ASSERT_TRUE(bundle.ok()) << bundle.status() << Dump(issues);
  ASSERT_EQ(bundle->tenants_size(), 1);
  const pb::TenantPolicies& t = bundle->tenants(0);
  EXPECT_EQ(t.tenant_id(), kTenantA);
  EXPECT_EQ(t.conditional_access_policies_size(), 1);
  EXPECT_EQ(t.named_locations_size(), 1);
  EXPECT_TRUE(t.named_locations_exported());
  // Issues about an object name the file it came from.
  const LoadIssue* w = FindIssue(
      issues, IssueCode::kUnknownKeyword,
      absl::StrCat("tenants/", kTenantA,
                   "/conditionalAccessPolicies/p1/conditions/applications/"
                   "includeApplications[0]"));
  ASSERT_NE(w, nullptr) << Dump(issues);
  EXPECT_NE(w->message.find(policy), std::string::npos) << w->message;
}

TEST_F(LoadPathsTest, SeveralTenantsNeedTenantIds) {
  Write("a/tenant.json", TenantJson(kTenantA));
  Write("a/p.json", kPolicyJson);
  Write("b/tenant.json", TenantJson(kTenantB));
  Write("b/l.json", kLocationJson);
  std::string lone = Write("c.json", kPolicyJson);
  LoadOptions options;
  options.bundle_version = 7;
  std::vector<LoadIssue> issues;
  auto bundle = LoadPaths({Dir("a"), Dir("b")}, options, &issues);
  ASSERT_TRUE(bundle.ok()) << bundle.status() << Dump(issues);
  EXPECT_EQ(bundle->bundle_version(), 7u);
  ASSERT_EQ(bundle->tenants_size(), 2);
  EXPECT_EQ(bundle->tenants(1).tenant_id(), kTenantB);

  auto failed = LoadPaths({Dir("a"), lone}, LoadOptions(), &issues);
  EXPECT_FALSE(failed.ok());
  EXPECT_NE(FindIssue(issues, IssueCode::kMissingField, lone), nullptr)
      << Dump(issues);
}

TEST_F(LoadPathsTest, LoneInputGetsThePlaceholderTenant) {
  std::string lone = Write("c.json", kPolicyJson);
  std::vector<LoadIssue> issues;
  auto bundle = LoadPaths({lone}, LoadOptions(), &issues);
  ASSERT_TRUE(bundle.ok()) << Dump(issues);
  EXPECT_EQ(bundle->tenants(0).tenant_id(),
            "00000000-0000-0000-0000-000000000000");
  const LoadIssue* w = FindIssue(issues, IssueCode::kMissingField, lone);
  ASSERT_NE(w, nullptr) << Dump(issues);
  EXPECT_FALSE(w->is_error());
}

TEST_F(LoadPathsTest, ConflictingTenantDocumentsInOneDirectory) {
  Write("a/tenant.json", TenantJson(kTenantA));
  Write("a/other.json", TenantJson(kTenantB));
  std::vector<LoadIssue> issues;
  EXPECT_FALSE(LoadPaths({Dir("a")}, LoadOptions(), &issues).ok());
  EXPECT_NE(FindIssue(issues, IssueCode::kInvalidCombination, Dir("a")),
            nullptr)
      << Dump(issues);
}

TEST_F(LoadPathsTest, BinaryAndJsonCombine) {
  Write("a/tenant.json", TenantJson(kTenantA));
  Write("a/p.json", kPolicyJson);
  auto first = LoadPaths({Dir("a")}, LoadOptions(), nullptr);
  ASSERT_TRUE(first.ok());
  first->set_bundle_version(3);
  auto bytes = SerializeBundle(*first);
  ASSERT_TRUE(bytes.ok());
  std::string pb_path = Write("a.pb", *bytes);
  std::string no_ext = Write("bundle.bin", *bytes);

  // A lone binary bundle keeps its version; content sniffing finds it.
  auto lone = LoadPaths({no_ext}, LoadOptions(), nullptr);
  ASSERT_TRUE(lone.ok()) << lone.status();
  EXPECT_EQ(lone->bundle_version(), 3u);

  Write("b/tenant.json", TenantJson(kTenantB));
  Write("b/l.json", kLocationJson);
  std::vector<LoadIssue> issues;
  auto both = LoadPaths({pb_path, Dir("b")}, LoadOptions(), &issues);
  ASSERT_TRUE(both.ok()) << both.status() << Dump(issues);
  EXPECT_EQ(both->tenants_size(), 2);
  EXPECT_EQ(both->bundle_version(), 0u);

  auto dup = LoadPaths({pb_path, Dir("a")}, LoadOptions(), &issues);
  EXPECT_FALSE(dup.ok());
  EXPECT_NE(FindIssue(issues, IssueCode::kDuplicateId,
                      absl::StrCat("tenants/", kTenantA)),
            nullptr)
      << Dump(issues);
}

TEST_F(LoadPathsTest, IdentitySyncJoinsItsPartnerInEitherOrder) {
  Write(
      "a/1_sync_users.json",
      absl::StrCat(
          R"({"@odata.context":"https://graph.microsoft.com/beta/$metadata#policies/crossTenantAccessPolicy/partners(')",
          kPartner,
          R"(')/identitySynchronization/$entity","displayName":"sync","userSyncInbound":{"isSyncAllowed":true}})"));
  Write("a/2_partner.json", absl::StrCat(R"({"tenantId":")", kPartner,
                                         R"(","isServiceProvider":true})"));
  Write("a/3_sync_groups.json",
        absl::StrCat(R"({"tenantId":")", kPartner,
                     R"(","groupSyncInbound":{"isSyncAllowed":false}})"));
  std::vector<LoadIssue> issues;
  auto bundle = LoadPaths({Dir("a")}, LoadOptions(), &issues);
  ASSERT_TRUE(bundle.ok()) << bundle.status() << Dump(issues);
  const auto& partners =
      bundle->tenants(0).cross_tenant_access_policy().partners();
  ASSERT_EQ(partners.size(), 1);
  EXPECT_TRUE(partners[0].is_service_provider());
  EXPECT_EQ(partners[0].identity_synchronization().tenant_id(), kPartner);
  EXPECT_TRUE(
      partners[0].identity_synchronization().user_sync_inbound_allowed());
  EXPECT_TRUE(
      partners[0].identity_synchronization().has_group_sync_inbound_allowed());
  EXPECT_FALSE(
      partners[0].identity_synchronization().group_sync_inbound_allowed());
}

TEST_F(LoadPathsTest, IoProblems) {
  std::vector<LoadIssue> issues;
  std::string missing = Dir("nope.json");
  EXPECT_FALSE(LoadPaths({missing}, LoadOptions(), &issues).ok());
  EXPECT_NE(FindIssue(issues, IssueCode::kIo, missing), nullptr)
      << Dump(issues);

  fs::create_directories(root_ / "empty");
  EXPECT_FALSE(LoadPaths({Dir("empty")}, LoadOptions(), &issues).ok());
  EXPECT_NE(FindIssue(issues, IssueCode::kIo, Dir("empty")), nullptr)
      << Dump(issues);

  EXPECT_FALSE(LoadPaths({}, LoadOptions(), &issues).ok());
}

TEST_F(LoadPathsTest, SizeAndFileLimits) {
  std::string big = Write("a/p.json", kPolicyJson);
  Write("a/l.json", kLocationJson);
  LoadOptions small;
  small.limits.max_input_bytes = 100;
  std::vector<LoadIssue> issues;
  auto bundle = LoadPaths({big}, small, &issues);
  EXPECT_FALSE(bundle.ok());
  EXPECT_EQ(bundle.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_NE(FindIssue(issues, IssueCode::kLimitExceeded, big), nullptr)
      << Dump(issues);

  LoadOptions one_file;
  one_file.limits.max_files = 1;
  EXPECT_FALSE(LoadPaths({Dir("a")}, one_file, &issues).ok());
  EXPECT_NE(FindIssue(issues, IssueCode::kLimitExceeded, Dir("a")), nullptr)
      << Dump(issues);
}

}  // namespace
}  // namespace crossgate
