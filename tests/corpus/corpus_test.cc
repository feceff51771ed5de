// Every real export in shared/corpus (MANIFEST.tsv) and every sample in
// shared/spec/graph-samples loads, or fails exactly as pinned in
// expected_failures.tsv. Files are read in place.

#include <google/protobuf/util/message_differencer.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "lib/load/loader.h"
#include "tests/load/test_util.h"

namespace crossgate {
namespace {

namespace pb = ::crossgate::policy::v1;
using google::protobuf::util::MessageDifferencer;
using testing::Dump;
using testing::SharedDir;

struct ManifestRow {
  std::string path;  // under shared/corpus
  std::string kind;  // MANIFEST column 4
  int objects = 0;   // MANIFEST column 6
};

std::vector<ManifestRow> ReadManifest() {
  std::ifstream in(SharedDir() + "/corpus/MANIFEST.tsv");
  std::vector<ManifestRow> rows;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> cols = absl::StrSplit(line, '\t');
    if (cols.size() < 6) continue;
    ManifestRow row;
    // Column 1 `owner/name` is the directory `owner__name`.
    row.path =
        absl::StrCat(absl::StrReplaceAll(cols[0], {{"/", "__"}}), "/", cols[2]);
    row.kind = cols[3];
    row.objects = std::stoi(cols[5]);
    rows.push_back(row);
  }
  return rows;
}

struct Expected {
  std::string errors;               // distinct codes, default options
  std::string errors_placeholders;  // with allow_placeholders, "ok" = loads
};

std::map<std::string, Expected> ReadExpectedFailures() {
  std::ifstream in(std::string(CROSSGATE_SOURCE_DIR) +
                   "/tests/corpus/expected_failures.tsv");
  std::map<std::string, Expected> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols = absl::StrSplit(line, '\t');
    if (cols.size() < 3) continue;
    out[cols[0]] = {cols[1], cols[2]};
  }
  return out;
}

// "a,b" for the distinct error codes, "ok" when there are none.
std::string ErrorCodes(const std::vector<LoadIssue>& issues) {
  std::set<std::string> codes;
  for (const LoadIssue& issue : issues) {
    if (issue.is_error()) codes.insert(std::string(IssueCodeName(issue.code)));
  }
  return codes.empty() ? "ok" : absl::StrJoin(codes, ",");
}

int Objects(const pb::TenantPolicies& t, const std::string& kind) {
  if (kind == "conditionalAccessPolicy")
    return t.conditional_access_policies_size();
  if (kind == "namedLocation") return t.named_locations_size();
  if (kind == "authenticationStrength")
    return t.authentication_strength_policies_size();
  if (kind == "authorizationPolicy")
    return t.has_authorization_policy() ? 1 : 0;
  return -1;  // not counted
}

void ExpectRoundTrip(const pb::PolicyBundle& bundle, const std::string& what) {
  auto bytes = SerializeBundle(bundle);
  ASSERT_TRUE(bytes.ok()) << what;
  std::vector<LoadIssue> issues;
  auto reloaded = LoadBinaryBundle(*bytes, LoadOptions(), &issues);
  ASSERT_TRUE(reloaded.ok()) << what << "\n" << Dump(issues);
  EXPECT_TRUE(MessageDifferencer::Equals(bundle, *reloaded)) << what;
}

TEST(CorpusTest, ManifestHasEveryRepository) {
  std::vector<ManifestRow> rows = ReadManifest();
  EXPECT_EQ(rows.size(), 420u) << "MANIFEST.tsv changed; update the pins";
}

TEST(CorpusTest, EveryFileLoadsOrFailsAsPinned) {
  std::vector<ManifestRow> rows = ReadManifest();
  std::map<std::string, Expected> expected = ReadExpectedFailures();
  ASSERT_FALSE(rows.empty());
  ASSERT_FALSE(expected.empty());
  int loaded = 0;
  std::set<std::string> seen;
  for (const ManifestRow& row : rows) {
    seen.insert(row.path);
    std::string file = SharedDir() + "/corpus/" + row.path;
    std::vector<LoadIssue> issues;
    auto bundle = LoadPaths({file}, LoadOptions(), &issues);
    auto pin = expected.find(row.path);
    if (pin == expected.end()) {
      ASSERT_TRUE(bundle.ok()) << row.path << "\n" << Dump(issues);
      ++loaded;
      ASSERT_EQ(bundle->tenants_size(), 1);
      int objects = Objects(bundle->tenants(0), row.kind);
      if (objects >= 0) {
        EXPECT_EQ(objects, row.objects) << row.path;
      }
      ExpectRoundTrip(*bundle, row.path);
      continue;
    }
    EXPECT_FALSE(bundle.ok()) << row.path;
    EXPECT_EQ(ErrorCodes(issues), pin->second.errors) << row.path << "\n"
                                                      << Dump(issues);
    LoadOptions allow;
    allow.allow_placeholders = true;
    auto with_placeholders = LoadPaths({file}, allow, &issues);
    EXPECT_EQ(ErrorCodes(issues), pin->second.errors_placeholders)
        << row.path << "\n"
        << Dump(issues);
    EXPECT_EQ(with_placeholders.ok(), pin->second.errors_placeholders == "ok");
  }
  for (const auto& [path, pin] : expected) {
    EXPECT_TRUE(seen.count(path)) << "pinned but not in MANIFEST: " << path;
  }
  EXPECT_EQ(loaded, 182);
}

TEST(CorpusTest, EveryAlexFilipinTemplateIsRejected) {
  int templates = 0;
  for (const ManifestRow& row : ReadManifest()) {
    if (row.path.rfind("AlexFilipin__ConditionalAccess/", 0) != 0) continue;
    ++templates;
    std::vector<LoadIssue> issues;
    auto bundle = LoadPaths({SharedDir() + "/corpus/" + row.path},
                            LoadOptions(), &issues);
    EXPECT_FALSE(bundle.ok()) << row.path;
  }
  EXPECT_EQ(templates, 214);
}

TEST(CorpusTest, TenantDirectoriesLoadAsOneTenant) {
  struct Dir {
    const char* path;
    int policies, locations, strengths;
  };
  for (const Dir& d :
       {Dir{"j0eyv__ConditionalAccessBaseline/Config", 36, 3, 0},
        Dir{"Cloudshield-io__Conditional-Access-Framework/Config", 42, 4, 2}}) {
    std::vector<LoadIssue> issues;
    auto bundle =
        LoadPaths({SharedDir() + "/corpus/" + d.path}, LoadOptions(), &issues);
    ASSERT_TRUE(bundle.ok()) << d.path << "\n" << Dump(issues);
    const pb::TenantPolicies& t = bundle->tenants(0);
    EXPECT_EQ(t.conditional_access_policies_size(), d.policies) << d.path;
    EXPECT_EQ(t.named_locations_size(), d.locations) << d.path;
    EXPECT_EQ(t.authentication_strength_policies_size(), d.strengths) << d.path;
    // With the locations and strengths exported, every reference resolves.
    for (const LoadIssue& issue : issues) {
      EXPECT_NE(issue.code, IssueCode::kDanglingReference) << issue.ToString();
    }
    ExpectRoundTrip(*bundle, d.path);
  }
}

TEST(CorpusTest, CaOpticsDirectoryRepeatsPolicyIds) {
  // caOptics demodata files are overlapping snapshots of one tenant; loaded
  // as one directory the same policy ids appear in several files.
  std::vector<LoadIssue> issues;
  auto bundle = LoadPaths({SharedDir() + "/corpus/jsa2__caOptics/demodata"},
                          LoadOptions(), &issues);
  EXPECT_FALSE(bundle.ok());
  EXPECT_EQ(ErrorCodes(issues), "duplicate_id") << Dump(issues);
}

TEST(GraphSamplesTest, AllFifteenLoad) {
  struct Sample {
    const char* file;
    int policies, locations, strengths, partners;
    bool skipped;
  };
  const Sample samples[] = {
      {"authentication-flows-policy-get.json", 0, 0, 0, 0, false},
      {"authentication-strength-policies-builtin-list.json", 0, 0, 3, 0, false},
      {"authorization-policy-get.json", 0, 0, 0, 0, false},
      {"ca-device-filter-patch-request.json", 1, 0, 0, 0, false},
      {"ca-policy-create-all-conditions-response.json", 1, 0, 0, 0, false},
      {"ca-policy-create-exo-mfa-outside-trusted-response.json", 1, 0, 0, 0,
       false},
      {"ca-whatif-evaluate-request.json", 0, 0, 0, 0, true},
      {"ca-whatif-evaluate-response-authstrength.json", 1, 0, 0, 0, false},
      {"cross-tenant-default-service-default.json", 0, 0, 0, 0, false},
      {"cross-tenant-partner-create-response.json", 0, 0, 0, 1, false},
      {"cross-tenant-partner-get.json", 0, 0, 0, 1, false},
      {"cross-tenant-partner-update-inboundtrust-request.json", 0, 0, 0, 0,
       false},
      {"derived-xtap-b2bsetting-interpretation-cases.json", 0, 0, 0, 0, true},
      {"email-otp-method-config-get.json", 0, 0, 0, 0, false},
      {"invitation-create-response.json", 0, 0, 0, 0, true},
      {"named-locations-list.json", 0, 3, 0, 0, false},
  };
  // The brief counts 15 resources; the directory holds 16 JSON files (the
  // derived test vectors are the 16th). Every one is in the table.
  std::set<std::string> listed;
  for (const Sample& s : samples) listed.insert(s.file);
  for (const auto& entry : std::filesystem::directory_iterator(
           SharedDir() + "/spec/graph-samples")) {
    if (entry.path().extension() != ".json") continue;
    EXPECT_TRUE(listed.count(entry.path().filename().string()))
        << "sample without expectations: " << entry.path();
  }
  for (const Sample& s : samples) {
    std::string file = SharedDir() + "/spec/graph-samples/" + s.file;
    std::vector<LoadIssue> issues;
    auto bundle = LoadPaths({file}, LoadOptions(), &issues);
    ASSERT_TRUE(bundle.ok()) << s.file << "\n" << Dump(issues);
    const pb::TenantPolicies& t = bundle->tenants(0);
    EXPECT_EQ(t.conditional_access_policies_size(), s.policies) << s.file;
    EXPECT_EQ(t.named_locations_size(), s.locations) << s.file;
    EXPECT_EQ(t.authentication_strength_policies_size(), s.strengths) << s.file;
    EXPECT_EQ(t.cross_tenant_access_policy().partners_size(), s.partners)
        << s.file;
    bool skipped = testing::FindIssue(issues, IssueCode::kSkippedDocument,
                                      file) != nullptr;
    EXPECT_EQ(skipped, s.skipped) << s.file << "\n" << Dump(issues);
    ExpectRoundTrip(*bundle, s.file);
  }
  EXPECT_EQ(listed.size(), 16u);
}

}  // namespace
}  // namespace crossgate
