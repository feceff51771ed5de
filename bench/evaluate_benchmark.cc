// Per-decision latency of crossgate::Evaluate on a generated tenant shaped
// like real ones (tests/eval/generated_tenant.h), single thread.
//
//   BM_Evaluate_Indexed/200       the engine, per-policy results included
//   BM_Evaluate_NoPolicyResults   the decision only (report_policies=false)
//   BM_Evaluate_Latency           per-call p50/p99 via steady_clock (counters)
//   BM_Evaluate_ManyGroups        a member of 1000 groups
//   BM_Evaluate_Engine            through Engine::Evaluate (thread cache)
//
// Run: build-release/bin/evaluate_benchmark --benchmark_repetitions=5
//        --benchmark_report_aggregates_only=true

#include <algorithm>
#include <chrono>
#include <vector>

#include "benchmark/benchmark.h"
#include "lib/compile/compiler.h"
#include "lib/engine/engine.h"
#include "lib/eval/evaluator.h"
#include "tests/eval/generated_tenant.h"

namespace crossgate {
namespace {

constexpr int kVariants = 64;

struct Fixture {
  explicit Fixture(int policies) : tenant(testing::GenerateTenant(policies)) {
    auto compiled = CompilePolicySet(tenant.bundle, CompileOptions(), nullptr);
    if (!compiled.ok()) std::abort();
    set = *compiled;
    groups.resize(kVariants);
    for (int v = 0; v < kVariants; ++v) {
      requests.push_back(testing::GeneratedRequest(tenant, v, &groups[v]));
    }
  }
  testing::GeneratedTenant tenant;
  std::shared_ptr<const CompiledPolicySet> set;
  std::vector<std::vector<Guid>> groups;
  std::vector<Request> requests;
};

void BM_Evaluate_Indexed(benchmark::State& state) {
  Fixture f(static_cast<int>(state.range(0)));
  EvalScratch scratch(*f.set);
  Decision d;
  EvaluateOptions options;
  int v = 0;
  for (auto _ : state) {
    Evaluate(*f.set, f.requests[v], options, scratch, &d);
    benchmark::DoNotOptimize(d.outcome);
    v = (v + 1) & (kVariants - 1);
  }
}
BENCHMARK(BM_Evaluate_Indexed)->Arg(200)->Arg(2000);

void BM_Evaluate_NoPolicyResults(benchmark::State& state) {
  Fixture f(200);
  EvalScratch scratch(*f.set);
  Decision d;
  EvaluateOptions options;
  options.report_policies = false;
  int v = 0;
  for (auto _ : state) {
    Evaluate(*f.set, f.requests[v], options, scratch, &d);
    benchmark::DoNotOptimize(d.outcome);
    v = (v + 1) & (kVariants - 1);
  }
}
BENCHMARK(BM_Evaluate_NoPolicyResults);

void BM_Evaluate_Latency(benchmark::State& state) {
  Fixture f(200);
  EvalScratch scratch(*f.set);
  Decision d;
  EvaluateOptions options;
  using Clock = std::chrono::steady_clock;
  // The clock's own cost, subtracted from each sample.
  std::vector<int64_t> overhead(10000);
  for (auto& o : overhead) {
    auto a = Clock::now();
    auto b = Clock::now();
    o = (b - a).count();
  }
  std::nth_element(overhead.begin(), overhead.begin() + overhead.size() / 2, overhead.end());
  const int64_t clock_ns = overhead[overhead.size() / 2];
  std::vector<int64_t> samples;
  samples.reserve(1 << 20);
  int v = 0;
  for (auto _ : state) {
    auto a = Clock::now();
    Evaluate(*f.set, f.requests[v], options, scratch, &d);
    auto b = Clock::now();
    benchmark::DoNotOptimize(d.outcome);
    if (samples.size() < samples.capacity()) samples.push_back((b - a).count() - clock_ns);
    v = (v + 1) & (kVariants - 1);
  }
  std::sort(samples.begin(), samples.end());
  if (!samples.empty()) {
    state.counters["p50_ns"] = static_cast<double>(samples[samples.size() / 2]);
    state.counters["p99_ns"] = static_cast<double>(samples[samples.size() * 99 / 100]);
  }
}
BENCHMARK(BM_Evaluate_Latency);

void BM_Evaluate_ManyGroups(benchmark::State& state) {
  Fixture f(200);
  EvalScratch scratch(*f.set);
  Decision d;
  EvaluateOptions options;
  std::vector<Guid> groups;
  for (int i = 0; i < 1000; ++i) groups.push_back(*ParseGuid(testing::GenGuid(9, i)));
  groups.push_back(f.tenant.groups[3]);
  Request r = f.requests[1];
  r.groups = groups;
  for (auto _ : state) {
    Evaluate(*f.set, r, options, scratch, &d);
    benchmark::DoNotOptimize(d.outcome);
  }
}
BENCHMARK(BM_Evaluate_ManyGroups);

void BM_Evaluate_Engine(benchmark::State& state) {
  Fixture f(200);
  Engine engine;
  if (!engine.Publish(f.set).ok()) std::abort();
  Decision d;
  EvaluateOptions options;
  int v = 0;
  for (auto _ : state) {
    engine.Evaluate(f.requests[v], options, &d);
    benchmark::DoNotOptimize(d.outcome);
    v = (v + 1) & (kVariants - 1);
  }
}
BENCHMARK(BM_Evaluate_Engine);

void BM_Compile(benchmark::State& state) {
  testing::GeneratedTenant tenant = testing::GenerateTenant(200);
  for (auto _ : state) {
    auto compiled = CompilePolicySet(tenant.bundle, CompileOptions(), nullptr);
    benchmark::DoNotOptimize(compiled);
  }
}
BENCHMARK(BM_Compile)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace crossgate

BENCHMARK_MAIN();
