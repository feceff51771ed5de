// Per-decision latency and throughput on the generated workload
// (bench/workload.h), with the reference evaluator (tests/reference) timed in
// the same process on the same requests as the baseline.
//
//   BM_Latency/<policies>/<tenants>/<report>  the engine through the C++ API
//       (explicit snapshot, own EvalScratch); per-call p50_ns / p99_ns /
//       mean_ns counters from a cycle counter around each call. report=1
//       also fills the per-policy results (D14), report=0 the decision only.
//       The request's arrays are touched (untimed) before each call, as
//       when the caller has just built it.
//   BM_Reference/<policies>   tests/reference ReferenceEvaluate, same stream
//   BM_Throughput/threads:N   decisions/s, N threads sharing one snapshot
//                             (each its own scratch), wall time
//   BM_EngineCache            Engine::Evaluate (per-thread snapshot cache)
//
// The request stream cycles through 4,096 generated sign-ins so branch
// predictors and caches see production-like variety.

#include <time.h>

#include <memory>

#include "bench/bench_util.h"
#include "benchmark/benchmark.h"
#include "lib/engine/engine.h"
#include "lib/eval/evaluator.h"
#include "lib/eval/scratch.h"
#include "tests/reference/library_data.h"
#include "tests/reference/reference_evaluator.h"

namespace crossgate {
namespace bench {
namespace {

double ThreadCpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) +
         static_cast<double>(ts.tv_nsec) * 1e-9;
}

void BM_Latency(benchmark::State& state) {
  const Fixture& f = GetFixture(static_cast<int>(state.range(0)),
                                static_cast<int>(state.range(1)));
  EvalScratch scratch(*f.set);
  EvaluateOptions options;
  options.report_policies = state.range(2) != 0;
  Decision d;
  LatencySampler sampler;
  OutcomeMix mix;
  size_t v = 0;
  for (auto _ : state) {
    const Request& r = f.stream.requests[v];
    TouchRequest(r);  // the caller has just built it
    const uint64_t t0 = Ticks();
    Evaluate(*f.set, r, options, scratch, &d);
    const uint64_t t1 = Ticks();
    benchmark::DoNotOptimize(d);
    sampler.Add(t1 - t0);
    v = (v + 1) & (kStreamSize - 1);
  }
  sampler.Report(state);
  for (const Request& r : f.stream.requests) {
    Evaluate(*f.set, r, options, scratch, &d);
    mix.Add(d.outcome, d.stage);
  }
  mix.Report(state);
}
BENCHMARK(BM_Latency)
    ->ArgNames({"policies", "tenants", "report"})
    ->Args({20, 1, 0})
    ->Args({200, 1, 0})
    ->Args({2000, 1, 0})
    ->Args({20000, 1, 0})
    ->Args({200, 1, 1})
    ->Args({2000, 1, 1})
    ->Args({200, 1000, 0})
    ->Args({200, 100000, 0});

void BM_Reference(benchmark::State& state) {
  const Fixture& f = GetFixture(static_cast<int>(state.range(0)), 1);
  static const reference::ReferenceOptions* options =
      new reference::ReferenceOptions(reference::LibraryBackedOptions());
  size_t v = 0;
  for (auto _ : state) {
    reference::ReferenceDecision d = reference::ReferenceEvaluate(
        f.workload.bundle, f.stream.requests[v], *options);
    benchmark::DoNotOptimize(d.outcome);
    v = (v + 1) & (kStreamSize - 1);
  }
}
BENCHMARK(BM_Reference)
    ->ArgNames({"policies"})
    ->Arg(20)
    ->Arg(200)
    ->Arg(2000)
    ->Arg(20000);

void BM_Throughput(benchmark::State& state) {
  // One snapshot (f.set) shared by every thread; each thread its own scratch.
  const Fixture& f = GetFixture(200, 1);
  EvalScratch scratch(*f.set);
  EvaluateOptions options;
  options.report_policies = false;
  Decision d;
  size_t v = static_cast<size_t>(state.thread_index()) * 1024;
  const double cpu0 = ThreadCpuSeconds();
  for (auto _ : state) {
    Evaluate(*f.set, f.stream.requests[v & (kStreamSize - 1)], options, scratch,
             &d);
    benchmark::DoNotOptimize(d);
    ++v;
  }
  state.SetItemsProcessed(state.iterations());
  // Decisions per second of this thread's own CPU time, averaged over the
  // threads: unaffected by other processes taking the cores, it shows
  // whether sharing the snapshot slows each thread down.
  state.counters["per_thread_cpu_rate"] = benchmark::Counter(
      static_cast<double>(state.iterations()) / (ThreadCpuSeconds() - cpu0),
      benchmark::Counter::kAvgThreads);
}
BENCHMARK(BM_Throughput)->Threads(1)->Threads(2)->UseRealTime();

void BM_EngineCache(benchmark::State& state) {
  const Fixture& f = GetFixture(200, 1);
  static Engine* engine = [&] {
    auto* e = new Engine();
    if (!e->Publish(f.set).ok()) std::abort();
    return e;
  }();
  EvaluateOptions options;
  options.report_policies = false;
  Decision d;
  size_t v = 0;
  for (auto _ : state) {
    engine->Evaluate(f.stream.requests[v], options, &d);
    benchmark::DoNotOptimize(d);
    v = (v + 1) & (kStreamSize - 1);
  }
}
BENCHMARK(BM_EngineCache);

}  // namespace
}  // namespace bench
}  // namespace crossgate

BENCHMARK_MAIN();
