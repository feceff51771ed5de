#ifndef CROSSGATE_BENCH_WORKLOAD_H_
#define CROSSGATE_BENCH_WORKLOAD_H_

// The benchmark workload: a deterministic (fixed-seed) bundle and request
// stream shaped like real tenants (issue #7). Condition and control
// frequencies are modelled on the Graph exports in shared/corpus; workload.cc
// cites the counts next to each number.
//
//   bench::WorkloadOptions o;          // 200 policies, 1,000 partners, ...
//   bench::Workload w = bench::GenerateWorkload(o);
//   absl::Status ok = bench::CheckAccepted(w.bundle);  // load + compile, no
//   issue bench::RequestStream s = bench::GenerateRequests(w, 4096,
//   /*seed=*/1);
//
// Tenant 0 of the bundle is the "main" tenant: `policies` Conditional Access
// policies, 20,000 members, 3,000 guests from its partners, 600 groups,
// 25 roles, 250 apps, IPv4 and IPv6 named locations, country locations and
// `partners` cross-tenant partner entries (inherited / blocked / trusted /
// scoped). Tenants 1.. are small tenants (a handful of baseline policies,
// one trusted location, two partners) that make up multi-tenant bundles.
//
// Everything here allocates freely: it runs before the timed loops.

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "crossgate/policy/v1/bundle.pb.h"
#include "lib/device_filter/device_attributes.h"
#include "lib/eval/request.h"
#include "lib/load/limits.h"
#include "lib/model/guid.h"

namespace crossgate {
namespace bench {

struct WorkloadOptions {
  int policies = 200;   // CA policies of the main tenant
  int tenants = 1;      // tenants in the bundle: the main one + small ones
  int partners = 1000;  // cross-tenant partner entries of the main tenant
  int members = 20000;
  int guests = 3000;
  int groups = 600;
  int roles = 25;
  int apps = 250;
  uint64_t seed = 0x5eed2026;
};

// A principal of the main tenant's directory.
struct Principal {
  Guid id;
  std::vector<Guid> groups;  // transitive, in the resource tenant
  std::vector<Guid> roles;
  // Guests only: where they come from.
  Guid home_tenant;
  Guid home_user;
  std::vector<Guid> home_groups;
};

// One small tenant's directory (tenants 1.. of the bundle).
struct SmallTenant {
  Guid id;
  std::vector<Guid> groups;
  std::vector<Guid> apps;
};

struct Workload {
  WorkloadOptions options;
  policy::v1::PolicyBundle bundle;
  Guid main_tenant;
  std::vector<Principal> members;
  std::vector<Principal> guests;
  std::vector<Guid> groups;
  std::vector<Guid> roles;
  std::vector<Guid> apps;  // [0..k) are shipped first-party (Office 365) ids
  std::vector<Guid> partners;
  std::vector<SmallTenant> small_tenants;
};

Workload GenerateWorkload(const WorkloadOptions& options);

// Load limits that admit the workload's largest sizes (20,000 policies in one
// tenant, 100,000 tenants): the defaults (docs/loading.md) are defensive
// bounds below those sizes.
LoadOptions WorkloadLoadOptions();

// Runs the loader's validation and the compiler on `bundle` and fails with
// the first issue (error or warning) it finds: a bundle the engine does not
// accept cleanly is a generator bug, not a benchmark.
absl::Status CheckAccepted(const policy::v1::PolicyBundle& bundle);

// Requests whose spans point into the Workload (which must outlive them) and
// into this stream's own device storage.
struct RequestStream {
  std::vector<Request> requests;
  std::vector<device_filter::DeviceAttributes> devices;  // reserved, stable
  // Fraction of requests aimed at each kind of principal (for labels).
  int members = 0, guests = 0, small_tenant = 0;
};

// `n` sign-ins: ~85% members, ~12% guests (B2B collaboration from partners
// and from unconfigured tenants); on a multi-tenant bundle half of them go to
// the small tenants. Apps are Zipf-distributed (Office 365 dominates),
// clients/platforms/IP families/countries follow production-like mixes.
RequestStream GenerateRequests(const Workload& workload, int n, uint64_t seed);

// The main tenant (bundle.tenants(0)) as a crossgate tenant document in Graph
// JSON (docs/loading.md), for the load-from-JSON benchmark.
std::string TenantDocumentJson(const policy::v1::TenantPolicies& tenant);

}  // namespace bench
}  // namespace crossgate

#endif  // CROSSGATE_BENCH_WORKLOAD_H_
