// `check --batch`'s per-line path (BatchChecker::ProcessLine: parse,
// decide, append the decision JSON) allocates nothing once warm: the reader
// keeps its simdjson parser and buffer, the ParsedRequest its capacity and
// spare list strings, the writer its buffers, and the line is appended to
// the caller's buffer. This binary's only counting operator new.

#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "bindings/cli/batch_checker.h"
#include "bindings/cli/policy_source.h"
#include "gtest/gtest.h"
#include "tests/cli/cli_runner.h"
#include "tests/testing/counting_new.h"

namespace crossgate_cli_test {
namespace {

TEST(BatchAllocation, WarmLoopAllocatesNothing) {
  auto policies = crossgate_cli::LoadPolicies(
      {SourceDir() + "/examples/policies/contoso.json",
       SourceDir() + "/examples/policies/fabrikam.json",
       SourceDir() + "/examples/policies/northwind.json"},
      crossgate::LoadOptions(), "test");
  ASSERT_TRUE(policies.ok());
  const std::string text =
      ReadFile(SourceDir() + "/examples/requests/requests.jsonl");
  std::vector<std::string> lines;
  for (absl::string_view line : absl::StrSplit(text, '\n', absl::SkipEmpty())) {
    lines.emplace_back(line);
  }
  ASSERT_GE(lines.size(), 30u);
  for (bool policy_results : {false, true}) {
    crossgate_cli::BatchChecker checker(**policies, policy_results);
    std::string out;
    out.reserve(1 << 20);
    auto pass = [&] {
      for (size_t i = 0; i < lines.size(); ++i) {
        out.clear();
        auto outcome = checker.ProcessLine(lines[i], static_cast<int>(i + 1),
                                           "requests.jsonl", &out);
        ASSERT_TRUE(outcome.ok()) << outcome.status();
      }
    };
    pass();
    pass();  // every line seen twice: buffers at their largest
    const long before = crossgate::testing::AllocationCount();
    pass();
    EXPECT_EQ(crossgate::testing::AllocationCount() - before, 0)
        << "policy_results=" << policy_results;
  }
}

}  // namespace
}  // namespace crossgate_cli_test
