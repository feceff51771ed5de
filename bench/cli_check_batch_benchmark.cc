// `crossgate check --batch` throughput: one JSONL line in, one decision JSON
// line out, on the example tenants (examples/policies) with the 37 example
// requests (examples/requests/requests.jsonl) cycled. Target: >= 500,000
// requests/s on one core. items_per_second = requests/s.
//
//   BM_CheckBatch_Line       the CLI's per-line path (BatchChecker::
//                            ProcessLine): parse + evaluate + write JSON
//   BM_CheckBatch_Line_PolicyResults   the same with --policy-results
//   BM_Parse                 RequestReader::Parse alone (the JSON front end)
//   BM_Evaluate              Evaluate alone on pre-parsed requests
//   BM_WriteJson             decision JSON rendering alone (appended to a
//                            re-used buffer, as the batch loop does)
//
// The last three split the first into its parts, to show where time goes.

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "benchmark/benchmark.h"
#include "bindings/cli/batch_checker.h"
#include "bindings/cli/decision_render.h"
#include "bindings/cli/policy_source.h"
#include "bindings/cli/request_input.h"
#include "lib/eval/evaluator.h"
#include "lib/request_json/request_reader.h"

namespace {

struct Fixture {
  std::unique_ptr<crossgate_cli::Policies> policies;
  std::vector<std::string> lines;
  // Each line followed by crossgate::kRequestJsonPadding spare bytes, as
  // the CLI's LineReader hands lines out (parsed in place).
  std::vector<std::string> padded;
};

const Fixture& GetFixture() {
  static const Fixture* fixture = [] {
    auto* f = new Fixture;
    const std::string root = CROSSGATE_SOURCE_DIR;
    auto loaded = crossgate_cli::LoadPolicies(
        {root + "/examples/policies/contoso.json",
         root + "/examples/policies/fabrikam.json",
         root + "/examples/policies/northwind.json"},
        crossgate::LoadOptions(), "bench");
    if (!loaded.ok()) std::abort();
    f->policies = *std::move(loaded);
    auto text = crossgate_cli::ReadWholeFile(
        root + "/examples/requests/requests.jsonl");
    if (!text.ok()) std::abort();
    for (absl::string_view line :
         absl::StrSplit(*text, '\n', absl::SkipEmpty())) {
      f->lines.emplace_back(line);
      f->padded.push_back(
          absl::StrCat(line, std::string(crossgate::kRequestJsonPadding, ' ')));
    }
    return f;
  }();
  return *fixture;
}

void RunLines(benchmark::State& state, bool policy_results) {
  const Fixture& f = GetFixture();
  crossgate_cli::BatchChecker checker(*f.policies, policy_results);
  std::string out;
  size_t i = 0, bytes = 0;
  for (auto _ : state) {
    out.clear();
    const absl::string_view line(f.padded[i].data(), f.lines[i].size());
    auto outcome = checker.ProcessLine(line, static_cast<int>(i + 1),
                                       "requests.jsonl", &out,
                                       /*line_padded=*/true);
    if (!outcome.ok()) state.SkipWithError("a request failed");
    bytes += f.lines[i].size();
    benchmark::DoNotOptimize(out.data());
    if (++i == f.lines.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}

void BM_CheckBatch_Line(benchmark::State& state) { RunLines(state, false); }
BENCHMARK(BM_CheckBatch_Line);

void BM_CheckBatch_Line_PolicyResults(benchmark::State& state) {
  RunLines(state, true);
}
BENCHMARK(BM_CheckBatch_Line_PolicyResults);

void BM_Parse(benchmark::State& state) {
  const Fixture& f = GetFixture();
  crossgate::RequestReader reader;
  crossgate::ParsedRequest parsed;
  crossgate::RequestDefaults defaults;
  size_t i = 0;
  for (auto _ : state) {
    if (!reader.Parse(f.lines[i], defaults, &parsed, nullptr).ok()) {
      state.SkipWithError("parse failed");
    }
    benchmark::DoNotOptimize(parsed);
    if (++i == f.lines.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Parse);

std::vector<crossgate::ParsedRequest> ParseAll(const Fixture& f) {
  std::vector<crossgate::ParsedRequest> out;
  crossgate::RequestReader reader;
  for (const std::string& line : f.lines) {
    crossgate::ParsedRequest parsed;
    if (!reader.Parse(line, crossgate::RequestDefaults(), &parsed, nullptr)
             .ok()) {
      std::abort();
    }
    out.push_back(std::move(parsed));
  }
  return out;
}

void BM_Evaluate(benchmark::State& state) {
  const Fixture& f = GetFixture();
  std::vector<crossgate::ParsedRequest> requests = ParseAll(f);
  crossgate::EvalScratch scratch = f.policies->set->NewScratch();
  crossgate::EvaluateOptions options;
  options.report_policies = false;
  crossgate::Decision decision;
  size_t i = 0;
  for (auto _ : state) {
    crossgate::Evaluate(*f.policies->set, requests[i].request(), options,
                        scratch, &decision);
    benchmark::DoNotOptimize(decision);
    if (++i == requests.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Evaluate);

void BM_WriteJson(benchmark::State& state) {
  const Fixture& f = GetFixture();
  std::vector<crossgate::ParsedRequest> requests = ParseAll(f);
  crossgate::EvalScratch scratch = f.policies->set->NewScratch();
  crossgate::EvaluateOptions options;
  options.report_policies = false;
  std::vector<crossgate::Decision> decisions(requests.size());
  for (size_t k = 0; k < requests.size(); ++k) {
    crossgate::Evaluate(*f.policies->set, requests[k].request(), options,
                        scratch, &decisions[k]);
  }
  crossgate_cli::DecisionJsonWriter writer;
  std::string json;  // re-used, as the batch loop re-uses its output buffer
  size_t i = 0;
  for (auto _ : state) {
    json.clear();
    writer.Append(decisions[i], *f.policies->set, &json);
    benchmark::DoNotOptimize(json.data());
    if (++i == decisions.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_WriteJson);

}  // namespace

BENCHMARK_MAIN();
