#ifndef CROSSGATE_BENCH_BENCH_UTIL_H_
#define CROSSGATE_BENCH_BENCH_UTIL_H_

// Shared helpers of the benchmark binaries: cached workloads (generated once
// per process, not once per repetition), per-call latency sampling, outcome
// mixes and resident-memory readings.

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "bench/workload.h"
#include "benchmark/benchmark.h"
#include "lib/compile/compiled_policy_set.h"
#include "lib/eval/decision.h"
#include "lib/eval/request.h"

#if defined(__x86_64__)
#include <x86intrin.h>
#endif

namespace crossgate {
namespace bench {

// A generated workload, its compiled set and a request stream, built once
// per (policies, tenants) and kept for the life of the process.
struct Fixture {
  Workload workload;
  std::shared_ptr<const CompiledPolicySet> set;
  RequestStream stream;
};
// Aborts (with the issue) when the generated bundle is not accepted: a
// benchmark never runs on a workload the engine rejected.
const Fixture& GetFixture(int policies, int tenants = 1);

// Requests in a stream (a power of two, so indexes wrap with a mask).
inline constexpr int kStreamSize = 4096;

// The environment's size override for smoke runs: CROSSGATE_BENCH_SMOKE set
// makes every size argument small (see tests/bench_smoke).
bool SmokeMode();

// A cycle counter for per-call timing: rdtsc on x86-64 (a few ns, no
// syscall), steady_clock elsewhere. Ticks convert to ns with TicksPerNs(),
// calibrated once against steady_clock.
inline uint64_t Ticks() {
#if defined(__x86_64__)
  _mm_lfence();
  uint64_t t = __rdtsc();
  _mm_lfence();
  return t;
#else
  return static_cast<uint64_t>(
      std::chrono::steady_clock::now().time_since_epoch().count());
#endif
}
double TicksPerNs();

// Collects per-call samples (ticks) and reports p50/p99/mean in ns as
// counters, after subtracting the timer's own median cost.
class LatencySampler {
 public:
  explicit LatencySampler(size_t capacity = 1 << 20);
  void Add(uint64_t ticks) {
    if (samples_.size() < samples_.capacity()) samples_.push_back(ticks);
  }
  // Sets p50_ns, p99_ns, mean_ns (and timer_ns) on `state`.
  void Report(benchmark::State& state);

 private:
  std::vector<uint64_t> samples_;
};

// Reads the request and every byte range it points at (groups, roles, home
// groups, device) so they are in cache, as when the caller has just built
// the request.
// Called before a timed call; without it a 4,096-request stream measures
// cache misses on the benchmark's own request data (found with perf: half
// of ComputeApplicable's samples were loads of request group ids).
template <typename T>
inline void TouchSpan(const T* data, size_t n, uint64_t& sink) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(data);
  for (size_t i = 0; i < n * sizeof(T); i += 64) sink += p[i];
  if (n > 0) sink += p[n * sizeof(T) - 1];
}
inline void TouchRequest(const Request& r) {
  uint64_t sink = 0;
  TouchSpan(&r, 1, sink);
  for (const GuidList& ids : {r.groups, r.roles, r.home_groups}) {
    TouchSpan(ids.bytes(), ids.size() * GuidList::kRecord, sink);
  }
  if (r.device != nullptr) TouchSpan(r.device, 1, sink);
  benchmark::DoNotOptimize(sink);
}

// Allow / challenge / block counts and the stages that blocked.
struct OutcomeMix {
  int allow = 0, challenge = 0, block = 0, cross_tenant = 0, ca_block = 0,
      other_block = 0;
  void Add(Outcome o, Stage s);
  std::string ToString() const;
  // Sets allow_pct, challenge_pct, block_pct counters.
  void Report(benchmark::State& state) const;
};

// Resident set size of this process, from /proc/self/statm (bytes).
int64_t ResidentBytes();

}  // namespace bench
}  // namespace crossgate

#endif  // CROSSGATE_BENCH_BENCH_UTIL_H_
