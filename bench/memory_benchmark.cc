// Resident memory of compiled policy sets (target: at most 2 KiB per compiled
// policy), counted two ways in the same run:
//  - bytes live on the heap after CompilePolicySet, by a counting global
//    operator new/delete in this binary (exact, unaffected by other
//    processes on the machine);
//  - the process's resident-set growth (/proc/self/statm), which includes
//    allocator slack and page granularity.
//
//   BM_CompiledBytes/<policies>/<tenants>  counters: live_bytes, rss_bytes,
//       bytes_per_policy (main tenant's policies, whole set amortized),
//       model_bytes (the loaded protobuf model, for comparison)
//   BM_MarginalPolicyBytes     (set(20,000) - set(2,000)) / 18,000: the cost
//                              of one more policy, tenant overhead excluded
//   BM_MarginalTenantBytes     (set(1,000 tenants) - set(1 tenant)) / 999:
//                              the cost of one more small tenant
//
// Each benchmark body runs its measurement once per repetition; the timing
// columns are the compile time and carry no target.

#include <malloc.h>

#include <atomic>
#include <cstdlib>
#include <new>

#include "bench/bench_util.h"
#include "benchmark/benchmark.h"
#include "lib/compile/compiler.h"

namespace {
std::atomic<int64_t> g_live{0};

void* Allocate(size_t n) {
  void* p = std::malloc(n == 0 ? 1 : n);
  if (p == nullptr) throw std::bad_alloc();
  g_live.fetch_add(static_cast<int64_t>(malloc_usable_size(p)),
                   std::memory_order_relaxed);
  return p;
}
void* AllocateAligned(size_t n, std::align_val_t a) {
  void* p =
      std::aligned_alloc(static_cast<size_t>(a),
                         (n + static_cast<size_t>(a) - 1) /
                             static_cast<size_t>(a) * static_cast<size_t>(a));
  if (p == nullptr) throw std::bad_alloc();
  g_live.fetch_add(static_cast<int64_t>(malloc_usable_size(p)),
                   std::memory_order_relaxed);
  return p;
}
void Release(void* p) {
  if (p == nullptr) return;
  g_live.fetch_sub(static_cast<int64_t>(malloc_usable_size(p)),
                   std::memory_order_relaxed);
  std::free(p);
}
}  // namespace

void* operator new(size_t n) { return Allocate(n); }
void* operator new[](size_t n) { return Allocate(n); }
void* operator new(size_t n, std::align_val_t a) {
  return AllocateAligned(n, a);
}
void* operator new[](size_t n, std::align_val_t a) {
  return AllocateAligned(n, a);
}
void* operator new(size_t n, const std::nothrow_t&) noexcept {
  void* p = std::malloc(n == 0 ? 1 : n);
  if (p)
    g_live.fetch_add(static_cast<int64_t>(malloc_usable_size(p)),
                     std::memory_order_relaxed);
  return p;
}
void* operator new[](size_t n, const std::nothrow_t& t) noexcept {
  return operator new(n, t);
}
void operator delete(void* p) noexcept { Release(p); }
void operator delete[](void* p) noexcept { Release(p); }
void operator delete(void* p, size_t) noexcept { Release(p); }
void operator delete[](void* p, size_t) noexcept { Release(p); }
void operator delete(void* p, std::align_val_t) noexcept { Release(p); }
void operator delete[](void* p, std::align_val_t) noexcept { Release(p); }
void operator delete(void* p, size_t, std::align_val_t) noexcept { Release(p); }
void operator delete[](void* p, size_t, std::align_val_t) noexcept {
  Release(p);
}
void operator delete(void* p, const std::nothrow_t&) noexcept { Release(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { Release(p); }

namespace crossgate {
namespace bench {
namespace {

struct Measured {
  int64_t live = 0;  // heap bytes the compiled set holds
  int64_t rss = 0;   // resident growth while it is alive
};

Measured MeasureSet(const policy::v1::PolicyBundle& bundle) {
  malloc_trim(0);
  const int64_t live0 = g_live.load();
  const int64_t rss0 = ResidentBytes();
  auto set = CompilePolicySet(bundle, CompileOptions(), nullptr);
  if (!set.ok()) std::abort();
  Measured m;
  m.live = g_live.load() - live0;
  m.rss = ResidentBytes() - rss0;
  return m;  // the set is released here
}

void BM_CompiledBytes(benchmark::State& state) {
  const int policies = static_cast<int>(state.range(0));
  const Fixture& f = GetFixture(policies, static_cast<int>(state.range(1)));
  Measured m;
  for (auto _ : state) m = MeasureSet(f.workload.bundle);
  const int n = f.workload.bundle.tenants(0).conditional_access_policies_size();
  state.counters["live_bytes"] = static_cast<double>(m.live);
  state.counters["rss_bytes"] = static_cast<double>(m.rss);
  state.counters["bytes_per_policy"] = static_cast<double>(m.live) / n;
  state.counters["model_bytes"] =
      static_cast<double>(f.workload.bundle.SpaceUsedLong());
}
BENCHMARK(BM_CompiledBytes)
    ->ArgNames({"policies", "tenants"})
    ->Args({200, 1})
    ->Args({2000, 1})
    ->Args({20000, 1})
    ->Args({200, 1000})
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);

void BM_MarginalPolicyBytes(benchmark::State& state) {
  const Fixture& small = GetFixture(2000, 1);
  const Fixture& large = GetFixture(20000, 1);
  Measured a, b;
  for (auto _ : state) {
    a = MeasureSet(small.workload.bundle);
    b = MeasureSet(large.workload.bundle);
  }
  const int n =
      large.workload.bundle.tenants(0).conditional_access_policies_size() -
      small.workload.bundle.tenants(0).conditional_access_policies_size();
  state.counters["bytes_per_policy"] =
      static_cast<double>(b.live - a.live) / std::max(1, n);
  state.counters["rss_per_policy"] =
      static_cast<double>(b.rss - a.rss) / std::max(1, n);
}
BENCHMARK(BM_MarginalPolicyBytes)->Iterations(1)->Unit(benchmark::kMillisecond);

void BM_MarginalTenantBytes(benchmark::State& state) {
  const Fixture& one = GetFixture(200, 1);
  const Fixture& many = GetFixture(200, 1000);
  Measured a, b;
  for (auto _ : state) {
    a = MeasureSet(one.workload.bundle);
    b = MeasureSet(many.workload.bundle);
  }
  const int n =
      many.workload.bundle.tenants_size() - one.workload.bundle.tenants_size();
  state.counters["bytes_per_tenant"] =
      static_cast<double>(b.live - a.live) / std::max(1, n);
  state.counters["rss_per_tenant"] =
      static_cast<double>(b.rss - a.rss) / std::max(1, n);
  // A small tenant has 5 policies: the per-policy share of a whole tenant.
  state.counters["bytes_per_small_policy"] =
      static_cast<double>(b.live - a.live) / std::max(1, n) / 5;
}
BENCHMARK(BM_MarginalTenantBytes)->Iterations(1)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace bench
}  // namespace crossgate

BENCHMARK_MAIN();
