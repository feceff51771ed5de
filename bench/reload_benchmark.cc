// Hot reload while readers run (Engine, STYLE 4.4): one reader thread
// evaluates the request stream through Engine::Evaluate non-stop while the
// benchmark thread reloads the 200-policy tenant (compile + publish) in a
// loop.
//
//   BM_ReloadWithReader/<policies>  time per Engine::Load (compile + atomic
//       publish) with a reader running; counters: reader_p50_ns /
//       reader_p99_ns / reader_max_ns (per-call latency of the reader during
//       the reloads), reader_decisions_per_s, generations (reloads seen)
//   BM_ReloadIdle/<policies>        Engine::Load with no reader, for contrast
//
// On a 2-core machine the reader and the loader each get a core when the
// machine is otherwise idle; on a shared machine they compete.

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

#include "bench/bench_util.h"
#include "benchmark/benchmark.h"
#include "lib/engine/engine.h"

namespace crossgate {
namespace bench {
namespace {

void BM_ReloadWithReader(benchmark::State& state) {
  const Fixture& f = GetFixture(static_cast<int>(state.range(0)), 1);
  Engine engine;
  if (!engine.Load(f.workload.bundle).ok()) std::abort();
  std::atomic<bool> stop{false};
  std::vector<uint64_t> samples;
  samples.reserve(1 << 22);
  uint64_t decisions = 0, first_gen = engine.generation(), last_gen = 0;
  std::thread reader([&] {
    EvaluateOptions options;
    options.report_policies = false;
    Decision d;
    size_t v = 0;
    while (!stop.load(std::memory_order_relaxed)) {
      const uint64_t t0 = Ticks();
      engine.Evaluate(f.stream.requests[v], options, &d);
      const uint64_t t1 = Ticks();
      if (samples.size() < samples.capacity()) samples.push_back(t1 - t0);
      last_gen = d.generation;
      ++decisions;
      v = (v + 1) & (kStreamSize - 1);
    }
  });
  const auto start = std::chrono::steady_clock::now();
  for (auto _ : state) {
    if (!engine.Load(f.workload.bundle).ok()) std::abort();
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  stop = true;
  reader.join();
  std::sort(samples.begin(), samples.end());
  const double per_ns = TicksPerNs();
  if (!samples.empty()) {
    state.counters["reader_p50_ns"] = samples[samples.size() / 2] / per_ns;
    state.counters["reader_p99_ns"] =
        samples[samples.size() * 99 / 100] / per_ns;
    state.counters["reader_max_ns"] = samples.back() / per_ns;
  }
  state.counters["reader_decisions_per_s"] = decisions / seconds;
  state.counters["generations"] = static_cast<double>(last_gen - first_gen);
}
BENCHMARK(BM_ReloadWithReader)
    ->ArgName("policies")
    ->Arg(200)
    ->Arg(2000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

void BM_ReloadIdle(benchmark::State& state) {
  const Fixture& f = GetFixture(static_cast<int>(state.range(0)), 1);
  Engine engine;
  for (auto _ : state) {
    if (!engine.Load(f.workload.bundle).ok()) std::abort();
  }
}
BENCHMARK(BM_ReloadIdle)
    ->ArgName("policies")
    ->Arg(200)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
}  // namespace bench
}  // namespace crossgate

BENCHMARK_MAIN();
