// Truncated and corrupted exports never crash the loader, and its answer is
// consistent: a failed load reports an error, a successful one validates.

#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "lib/load/loader.h"
#include "tests/load/test_util.h"

namespace crossgate {
namespace {

void ExpectConsistent(const std::string& input, const std::string& what) {
  std::vector<LoadIssue> issues;
  auto bundle = LoadJsonText(input, LoadOptions(), &issues);
  if (!bundle.ok()) {
    EXPECT_GT(testing::CountErrors(issues), 0) << what;
    return;
  }
  EXPECT_EQ(testing::CountErrors(issues), 0) << what;
  IssueCollector again;
  EXPECT_TRUE(ValidateBundle(*bundle, LoadOptions(), again).ok())
      << what << "\n"
      << testing::Dump(again.issues());
  auto bytes = SerializeBundle(*bundle);
  ASSERT_TRUE(bytes.ok());
  EXPECT_TRUE(LoadBinaryBundle(*bytes, LoadOptions(), nullptr).ok()) << what;
}

TEST(RobustnessTest, TruncatedAndMutatedSamples) {
  // The library never logs, whatever protobuf meets.
  ::testing::internal::CaptureStderr();
  std::mt19937 rng(20260611);  // fixed seed: the test is deterministic
  const char* samples[] = {
      "ca-policy-create-all-conditions-response.json",
      "cross-tenant-partner-create-response.json",
      "named-locations-list.json",
      "ca-whatif-evaluate-response-authstrength.json",
  };
  for (const char* name : samples) {
    std::string text = testing::ReadFileBytes(testing::SharedDir() +
                                              "/spec/graph-samples/" + name);
    ASSERT_FALSE(text.empty()) << name;
    for (size_t cut = 0; cut < text.size(); cut += 13) {
      ExpectConsistent(text.substr(0, cut), std::string(name) + " cut");
    }
    const std::string alphabet = "{}[]\",:0aZ- \\\x01\xff";
    for (int i = 0; i < 150; ++i) {
      std::string mutated = text;
      int edits = 1 + static_cast<int>(rng() % 3);
      for (int e = 0; e < edits; ++e) {
        mutated[rng() % mutated.size()] = alphabet[rng() % alphabet.size()];
      }
      ExpectConsistent(mutated, std::string(name) + " mutation");
    }
  }
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
}

TEST(RobustnessTest, MutatedBinaryBundles) {
  auto bundle = LoadJsonText(
      testing::ReadFileBytes(testing::SharedDir() +
                             "/spec/graph-samples/named-locations-list.json"),
      LoadOptions(), nullptr);
  ASSERT_TRUE(bundle.ok());
  std::string bytes = *SerializeBundle(*bundle);
  std::mt19937 rng(7);
  ::testing::internal::CaptureStderr();
  for (int i = 0; i < 300; ++i) {
    std::string mutated = bytes;
    mutated[rng() % mutated.size()] = static_cast<char>(rng() & 0xff);
    std::vector<LoadIssue> issues;
    auto loaded = LoadBinaryBundle(mutated, LoadOptions(), &issues);
    if (!loaded.ok()) {
      EXPECT_GT(testing::CountErrors(issues), 0);
    }
  }
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
}

}  // namespace
}  // namespace crossgate
