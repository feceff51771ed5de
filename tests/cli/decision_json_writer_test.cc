// The decision JSON writer (capi/decision_json.h) as the CLI uses it: the
// CLI's DecisionJsonWriter (engine Decision -> C struct in reused buffers,
// the set's quoted ids and names cached) writes byte-for-byte what the C
// ABI's uncached RenderDecisionJson writes for every example decision, with
// and without per-policy results, and for policy names that need escaping;
// on random decisions (out-of-range enums and indexes included) the cached
// and uncached paths agree and every line is valid JSON. Appending keeps
// what the buffer held.

#include "bindings/cli/decision_json_writer.h"

#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "bindings/cli/policy_source.h"
#include "capi/decision_io.h"
#include "capi/decision_json.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "lib/compile/compiler.h"
#include "lib/eval/evaluator.h"
#include "lib/eval/scratch.h"
#include "lib/load/loader.h"
#include "lib/request_json/request_reader.h"
#include "tests/cli/cli_runner.h"

namespace crossgate_cli_test {
namespace {

using crossgate::CompiledPolicySet;
using crossgate::Decision;

// The C ABI's line for `d`, through the C struct as the C ABI sees it.
std::string CapiLine(const Decision& d, const CompiledPolicySet& set) {
  std::vector<crossgate_policy_result> results(d.policy_results.size());
  crossgate_decision c;
  crossgate_decision_init(&c, sizeof(c));
  c.policy_results = results.empty() ? nullptr : results.data();
  c.policy_results_capacity = static_cast<uint32_t>(results.size());
  crossgate::capi::WriteDecision(d, &c);
  return crossgate::capi::RenderDecisionJson(c, &set);
}

// Decides every example request against `set` and compares the two writers;
// returns how many lines were compared.
int CompareOnExamples(const CompiledPolicySet& set) {
  const std::string text =
      ReadFile(SourceDir() + "/examples/requests/requests.jsonl");
  crossgate::RequestReader reader;
  crossgate::ParsedRequest parsed;
  crossgate::EvalScratch scratch = set.NewScratch();
  crossgate_cli::DecisionJsonWriter writer;
  std::string out = "prefix\n";
  int compared = 0;
  for (bool report : {false, true}) {
    crossgate::EvaluateOptions options;
    options.report_policies = report;
    for (absl::string_view line : absl::StrSplit(text, '\n')) {
      if (line.empty()) continue;
      crossgate::RequestDefaults defaults;
      if (set.tenant_count() == 1) {
        defaults.resource_tenant_id = *crossgate::ParseGuid(set.tenant_id(0));
      }
      if (!reader.Parse(line, defaults, &parsed, nullptr).ok()) continue;
      Decision d;
      crossgate::Evaluate(set, parsed.request(), options, scratch, &d);
      const std::string want = CapiLine(d, set);
      const size_t before = out.size();
      writer.Append(d, set, &out);
      EXPECT_EQ(out.substr(before), want);
      EXPECT_EQ(writer.Render(d, set), want);
      ++compared;
    }
  }
  EXPECT_EQ(out.substr(0, 7), "prefix\n");
  return compared;
}

TEST(DecisionJsonWriter, SameBytesAsTheCAbiOnEveryExample) {
  auto policies = crossgate_cli::LoadPolicies(
      {SourceDir() + "/examples/policies/contoso.json",
       SourceDir() + "/examples/policies/fabrikam.json",
       SourceDir() + "/examples/policies/northwind.json"},
      crossgate::LoadOptions(), "test");
  ASSERT_TRUE(policies.ok());
  EXPECT_GE(CompareOnExamples(*(*policies)->set), 2 * 30);
}

TEST(DecisionJsonWriter, EscapesPolicyNamesLikeTheCAbi) {
  std::string doc = ReadFile(SourceDir() + "/examples/policies/contoso.json");
  // Every policy's displayName gets quotes, a backslash, control
  // characters and non-ASCII UTF-8.
  std::string renamed;
  const std::string key = "\"displayName\": \"";
  size_t from = 0;
  for (size_t at; (at = doc.find(key, from)) != std::string::npos;
       from = at + key.size()) {
    renamed.append(doc, from, at + key.size() - from);
    renamed.append(R"(q\"b\\n\nr\rt\tc\u0001\u001fé\u2028 )");
  }
  renamed.append(doc, from, std::string::npos);
  std::vector<crossgate::LoadIssue> issues;
  auto bundle =
      crossgate::LoadJsonText(renamed, crossgate::LoadOptions(), &issues);
  ASSERT_TRUE(bundle.ok()) << bundle.status();
  auto set = crossgate::CompilePolicySet(*bundle, crossgate::CompileOptions(),
                                         &issues);
  ASSERT_TRUE(set.ok()) << set.status();
  ASSERT_NE((*set)->policy_display_name(0).find('\x01'),
            absl::string_view::npos);
  EXPECT_GT(CompareOnExamples(**set), 0);
}

TEST(DecisionJsonWriter, SameBytesOnRandomDecisions) {
  auto policies = crossgate_cli::LoadPolicies(
      {SourceDir() + "/examples/policies/contoso.json"},
      crossgate::LoadOptions(), "test");
  ASSERT_TRUE(policies.ok());
  const CompiledPolicySet& set = *(*policies)->set;
  std::mt19937_64 rng(20261127);
  auto pick = [&](int lo, int hi) {
    return std::uniform_int_distribution<int>(lo, hi)(rng);
  };
  const int policy_count = static_cast<int>(set.policy_count());
  const crossgate::capi::QuotedPolicyNames quoted =
      crossgate::capi::QuotePolicyNames(set);
  for (int round = 0; round < 2000; ++round) {
    crossgate_decision c;
    crossgate_decision_init(&c, sizeof(c));
    crossgate_policy_result results[8];
    c.status = pick(0, 3) == 0 ? pick(-12, 0) : 0;
    c.outcome = pick(-1, 4);
    c.stage = pick(-1, 12);
    c.reason = static_cast<uint32_t>(pick(0, 200));
    c.challenge_location = pick(-1, 5);
    c.deciding_policy = pick(-2, policy_count + 1);
    c.tenant_index = pick(-2, static_cast<int>(set.tenant_count()) + 1);
    c.generation = rng();
    c.bundle_version = rng();
    c.requirement_count = static_cast<uint32_t>(pick(0, 40));
    for (auto& r : c.requirements) {
      r.kind = pick(-1, 20);
      r.ref = static_cast<uint32_t>(pick(0, 5));
      r.group = static_cast<uint32_t>(pick(0, 4));
      r.location = pick(-1, 5);
      r.policy_index = static_cast<uint32_t>(pick(0, policy_count + 1));
    }
    c.sign_in_frequency_minutes = pick(-1, 100000);
    c.persistent_browser = pick(-1, 3);
    c.cloud_app_security = pick(-1, 4);
    c.session_flags = static_cast<uint32_t>(rng());
    c.policy_result_count = static_cast<uint32_t>(pick(0, 12));
    c.policy_results = pick(0, 4) == 0 ? nullptr : results;
    c.policy_results_capacity = static_cast<uint32_t>(pick(0, 8));
    for (auto& p : results) {
      p.policy_index = static_cast<uint32_t>(pick(0, policy_count + 1));
      p.result = pick(-1, 9);
      p.reason = pick(-1, 30);
      p.applies = static_cast<uint32_t>(pick(0, 2));
    }
    for (const CompiledPolicySet* s :
         {&set, static_cast<const CompiledPolicySet*>(nullptr)}) {
      const std::string plain = crossgate::capi::RenderDecisionJson(c, s);
      google::protobuf::Value parsed;
      ASSERT_TRUE(
          google::protobuf::util::JsonStringToMessage(plain, &parsed).ok())
          << plain;
      ASSERT_EQ(parsed.struct_value().fields().count("outcome"), 1u);
      std::string out = "x";
      crossgate::capi::AppendDecisionJson(
          c, s, s != nullptr ? &quoted : nullptr, &out);
      ASSERT_EQ(out, "x" + plain) << "round " << round;
    }
  }
}

}  // namespace
}  // namespace crossgate_cli_test
