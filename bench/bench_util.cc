#include "bench/bench_util.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <thread>
#include <utility>

#include "absl/strings/str_format.h"
#include "lib/compile/compiler.h"

namespace crossgate {
namespace bench {

bool SmokeMode() {
  const char* v = std::getenv("CROSSGATE_BENCH_SMOKE");
  return v != nullptr && *v != '\0' && *v != '0';
}

const Fixture& GetFixture(int policies, int tenants) {
  static std::mutex* mu = new std::mutex;
  std::lock_guard<std::mutex> lock(*mu);
  if (SmokeMode()) {  // tiny sizes: the smoke run only proves the code runs
    policies = std::min(policies, 20);
    tenants = std::min(tenants, 3);
  }
  static auto* cache =
      new std::map<std::pair<int, int>, std::unique_ptr<Fixture>>();
  std::unique_ptr<Fixture>& slot = (*cache)[{policies, tenants}];
  if (slot == nullptr) {
    auto f = std::make_unique<Fixture>();
    WorkloadOptions o;
    o.policies = policies;
    o.tenants = tenants;
    if (SmokeMode()) {  // a small directory keeps smoke runs fast
      o.members = 500;
      o.guests = 100;
      o.partners = std::min(o.partners, 50);
    }
    f->workload = GenerateWorkload(o);
    absl::Status accepted = CheckAccepted(f->workload.bundle);
    if (!accepted.ok()) {
      std::fprintf(stderr, "workload (%d policies, %d tenants): %s\n", policies,
                   tenants, accepted.ToString().c_str());
      std::abort();
    }
    f->set = *CompilePolicySet(f->workload.bundle, CompileOptions(), nullptr);
    f->stream = GenerateRequests(f->workload, kStreamSize, 1);
    slot = std::move(f);
  }
  return *slot;
}

double TicksPerNs() {
  static const double ratio = [] {
#if defined(__x86_64__)
    auto t0 = std::chrono::steady_clock::now();
    uint64_t c0 = Ticks();
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    auto t1 = std::chrono::steady_clock::now();
    uint64_t c1 = Ticks();
    double ns = std::chrono::duration<double, std::nano>(t1 - t0).count();
    return static_cast<double>(c1 - c0) / ns;
#else
    return 1.0;
#endif
  }();
  return ratio;
}

LatencySampler::LatencySampler(size_t capacity) { samples_.reserve(capacity); }

void LatencySampler::Report(benchmark::State& state) {
  if (samples_.empty()) return;
  // The timer's own cost (two reads back to back), subtracted from samples.
  std::vector<uint64_t> overhead(4096);
  for (auto& o : overhead) {
    uint64_t a = Ticks();
    uint64_t b = Ticks();
    o = b - a;
  }
  std::nth_element(overhead.begin(), overhead.begin() + overhead.size() / 2,
                   overhead.end());
  const uint64_t timer = overhead[overhead.size() / 2];
  const double per_ns = TicksPerNs();
  std::sort(samples_.begin(), samples_.end());
  auto at = [&](double q) {
    uint64_t v = samples_[std::min(samples_.size() - 1,
                                   static_cast<size_t>(q * samples_.size()))];
    return static_cast<double>(v > timer ? v - timer : 0) / per_ns;
  };
  double sum = 0;
  for (uint64_t v : samples_)
    sum += static_cast<double>(v > timer ? v - timer : 0);
  state.counters["p50_ns"] = at(0.50);
  state.counters["p99_ns"] = at(0.99);
  state.counters["mean_ns"] =
      sum / static_cast<double>(samples_.size()) / per_ns;
  state.counters["timer_ns"] = static_cast<double>(timer) / per_ns;
  samples_.clear();
}

void OutcomeMix::Add(Outcome o, Stage s) {
  switch (o) {
    case Outcome::kAllow:
      ++allow;
      break;
    case Outcome::kChallenge:
      ++challenge;
      break;
    default:
      ++block;
      if (s == Stage::kCrossTenantAccess) {
        ++cross_tenant;
      } else if (s == Stage::kConditionalAccess) {
        ++ca_block;
      } else {
        ++other_block;
      }
  }
}

std::string OutcomeMix::ToString() const {
  const double n = std::max(1, allow + challenge + block);
  return absl::StrFormat(
      "allow %.1f%%, challenge %.1f%%, block %.1f%% (CA %.1f%%, cross-tenant "
      "%.1f%%, other "
      "%.1f%%)",
      100 * allow / n, 100 * challenge / n, 100 * block / n, 100 * ca_block / n,
      100 * cross_tenant / n, 100 * other_block / n);
}

void OutcomeMix::Report(benchmark::State& state) const {
  const double n = std::max(1, allow + challenge + block);
  state.counters["allow_pct"] = 100 * allow / n;
  state.counters["challenge_pct"] = 100 * challenge / n;
  state.counters["block_pct"] = 100 * block / n;
}

int64_t ResidentBytes() {
  long pages_total = 0, pages_resident = 0;
  std::FILE* f = std::fopen("/proc/self/statm", "r");
  if (f == nullptr) return -1;
  int got = std::fscanf(f, "%ld %ld", &pages_total, &pages_resident);
  std::fclose(f);
  if (got != 2) return -1;
  return static_cast<int64_t>(pages_resident) * sysconf(_SC_PAGESIZE);
}

}  // namespace bench
}  // namespace crossgate
