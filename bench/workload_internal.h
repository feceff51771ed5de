#ifndef CROSSGATE_BENCH_WORKLOAD_INTERNAL_H_
#define CROSSGATE_BENCH_WORKLOAD_INTERNAL_H_

// Shared by the workload generator's two halves (workload.cc: tenants and
// policies; workload_requests.cc: sign-ins): the seeded generator and the id
// scheme. Only the generator's .cc files include this.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>

#include "lib/model/guid.h"

namespace crossgate {
namespace bench {
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  int Below(int n) {
    return static_cast<int>(Next() % static_cast<uint64_t>(n));
  }
  int Between(int lo, int hi) { return lo + Below(hi - lo + 1); }  // inclusive
  bool Percent(int p) { return Below(100) < p; }
  // Zipf-like (s ~ 1): index k with weight 1/(k+1), k < n.
  int Skewed(int n) {
    double u = static_cast<double>(Next() >> 11) * (1.0 / 9007199254740992.0);
    double x = std::pow(static_cast<double>(n) + 1.0, u) - 1.0;
    return std::min(n - 1, static_cast<int>(x));
  }

 private:
  uint64_t state_;
};

inline uint64_t Mix(uint64_t x) {
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

// Ids kinds (the last 12 hex digits hold kind, scope and n, so ids are
// unique; the rest is hashed so they look and hash like real GUIDs).
enum Kind : uint32_t {
  kTenantKind = 1,
  kUserKind,
  kGroupKind,
  kRoleKind,
  kAppKind,
  kPolicyKind,
  kLocationKind,
  kPartnerKind,
  kHomeUserKind,
  kHomeGroupKind,
};

inline std::string IdText(uint32_t kind, uint32_t scope, uint32_t n) {
  const uint64_t h = Mix((uint64_t{kind} << 52) ^ (uint64_t{scope} << 24) ^ n ^
                         0x6372617373676174ull);
  char buf[40];
  std::snprintf(
      buf, sizeof(buf), "%08x-%04x-4%03x-%x%03x-%02x%05x%05x",
      static_cast<uint32_t>(h >> 32), static_cast<uint32_t>(h >> 16) & 0xffff,
      static_cast<uint32_t>(h >> 4) & 0xfff, 8 + static_cast<uint32_t>(h & 3),
      static_cast<uint32_t>(h >> 20) & 0xfff, kind & 0xff, scope & 0xfffff,
      n & 0xfffff);
  return buf;
}

inline Guid G(const std::string& text) { return *ParseGuid(text); }

}  // namespace bench
}  // namespace crossgate

#endif  // CROSSGATE_BENCH_WORKLOAD_INTERNAL_H_
