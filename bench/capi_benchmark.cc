// The C ABI's cost over the C++ API on the generated workload (target: at
// most +10% per decision). Same bundle, same 4,096-request stream, converted
// once to crossgate_request (devices included) before timing.
//
//   BM_Cxx/<policies>          crossgate::Evaluate on an explicit snapshot
//   BM_CApiSnapshot/<policies> crossgate_snapshot_evaluate (pinned snapshot)
//   BM_CxxEngine/<policies>    Engine::Evaluate (engine, per-thread cache)
//   BM_CApi/<policies>         crossgate_evaluate (the same through the C ABI)
//   BM_CApiBatch/<policies>    crossgate_snapshot_evaluate_batch, per decision
//   BM_CApiLatency/<policies>  crossgate_snapshot_evaluate, per-call p50/p99
//   BM_StreamPass/<policies>   one pass of the stream through each API, for
//                              instruction counts (callgrind; see README)
//
// None computes per-policy results. The C entry points are linked in
// directly (capi/CMakeLists.txt explains why), so the PLT hop of
// libcrossgate.so is not counted: about one indirect call per decision.

#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "bench/bench_util.h"
#include "benchmark/benchmark.h"
#include "crossgate/crossgate.h"
#include "lib/device_filter/device_attributes.h"
#include "lib/engine/engine.h"
#include "lib/eval/evaluator.h"
#include "lib/eval/scratch.h"
#include "lib/load/loader.h"

namespace crossgate {
namespace bench {
namespace {

crossgate_guid CGuid(const Guid& g) {
  crossgate_guid out;
  std::string text = FormatGuid(g);
  crossgate_guid_parse(&out, text.data(), text.size(), nullptr);
  return out;
}

crossgate_str CStr(const absl::optional<absl::string_view>& s) {
  if (!s.has_value()) return crossgate_str{nullptr, 0};
  return crossgate_str{s->data(), s->size()};
}

// The stream as C requests; owns every array the requests point at.
struct CFixture {
  crossgate_engine* engine = nullptr;
  crossgate_snapshot* snapshot = nullptr;
  std::vector<crossgate_request> requests;
  std::vector<std::vector<crossgate_guid>> lists;  // groups, roles, home groups
  std::vector<crossgate_device> devices;

  explicit CFixture(const Fixture& f) {
    std::string bytes = *SerializeBundle(f.workload.bundle);
    if (crossgate_engine_create(&engine, nullptr, nullptr) != CROSSGATE_OK ||
        crossgate_engine_load_memory(nullptr, engine, bytes.data(),
                                     bytes.size(), nullptr,
                                     nullptr) != CROSSGATE_OK ||
        crossgate_engine_snapshot(&snapshot, engine, nullptr) != CROSSGATE_OK) {
      std::fprintf(stderr, "C ABI: the engine did not load the workload\n");
      std::abort();
    }
    const auto& in = f.stream.requests;
    lists.reserve(in.size() * 3);
    devices.reserve(in.size());
    auto list = [&](GuidList ids, const crossgate_guid** out, size_t* count) {
      lists.emplace_back();
      for (const Guid& g : ids) lists.back().push_back(CGuid(g));
      *out = lists.back().data();
      *count = lists.back().size();
    };
    for (const Request& r : in) {
      crossgate_request c;
      crossgate_request_init(&c, sizeof(c));
      c.resource_tenant_id = CGuid(r.resource_tenant_id);
      c.principal_id = CGuid(r.principal_id);
      c.home_tenant_id = CGuid(r.home_tenant_id);
      c.home_user_id = CGuid(r.home_user_id);
      c.principal_kind = static_cast<int32_t>(r.principal_kind);
      c.external_user_types = r.external_user_types;
      c.identity_source = static_cast<int32_t>(r.identity_source);
      c.target_kind = static_cast<int32_t>(r.target_kind);
      list(r.home_groups, &c.home_groups, &c.home_group_count);
      list(r.groups, &c.groups, &c.group_count);
      list(r.roles, &c.roles, &c.role_count);
      c.application_id = CGuid(r.application_id);
      c.client_app = static_cast<int32_t>(r.client_app);
      c.platform = static_cast<int32_t>(r.platform);
      if (r.has_ip) {
        c.ip.family = r.ip.v6 ? 6 : 4;
        if (r.ip.v6) {
          std::memcpy(c.ip.bytes, r.ip.bytes, 16);
        } else {
          std::memcpy(c.ip.bytes, r.ip.bytes + 12, 4);  // stored ::ffff:a.b.c.d
        }
      }
      c.country[0] = r.country[0];
      c.country[1] = r.country[1];
      c.sign_in_risk = static_cast<int32_t>(r.sign_in_risk);
      c.user_risk = static_cast<int32_t>(r.user_risk);
      const Claims& k = r.claims;
      c.claims =
          (k.mfa ? CROSSGATE_CLAIM_MFA : 0) |
          (k.compliant_device ? CROSSGATE_CLAIM_COMPLIANT_DEVICE : 0) |
          (k.hybrid_joined_device ? CROSSGATE_CLAIM_HYBRID_JOINED_DEVICE : 0) |
          (k.approved_application ? CROSSGATE_CLAIM_APPROVED_APPLICATION : 0) |
          (k.app_protection_policy ? CROSSGATE_CLAIM_APP_PROTECTION_POLICY : 0);
      c.mfa_origin = static_cast<int32_t>(k.mfa_origin);
      c.device_origin = static_cast<int32_t>(k.device_origin);
      c.authentication_methods = k.authentication_methods;
      if (r.device != nullptr && r.device->registered) {
        using device_filter::DeviceText;
        const device_filter::DeviceAttributes& d = *r.device;
        crossgate_device cd;
        crossgate_device_init(&cd, sizeof(cd));
        cd.is_compliant = !d.is_compliant.has_value() ? CROSSGATE_TRISTATE_NULL
                          : *d.is_compliant           ? CROSSGATE_TRISTATE_TRUE
                                            : CROSSGATE_TRISTATE_FALSE;
        cd.device_ownership = CStr(d[DeviceText::kDeviceOwnership]);
        cd.manufacturer = CStr(d[DeviceText::kManufacturer]);
        cd.model = CStr(d[DeviceText::kModel]);
        cd.operating_system = CStr(d[DeviceText::kOperatingSystem]);
        cd.trust_type = CStr(d[DeviceText::kTrustType]);
        for (int n = 1; n <= 15; ++n) {
          cd.extension_attributes[n - 1] =
              CStr(d[device_filter::ExtensionAttribute(n)]);
        }
        devices.push_back(cd);
        c.device = &devices.back();
      }
      requests.push_back(c);
    }
  }
  ~CFixture() {
    crossgate_snapshot_release(snapshot);
    crossgate_engine_destroy(engine);
  }
};

void TouchC(const crossgate_request& r) {
  uint64_t sink = 0;
  TouchSpan(&r, 1, sink);
  TouchSpan(r.groups, r.group_count, sink);
  TouchSpan(r.roles, r.role_count, sink);
  TouchSpan(r.home_groups, r.home_group_count, sink);
  if (r.device != nullptr) TouchSpan(r.device, 1, sink);
  benchmark::DoNotOptimize(sink);
}

CFixture& GetCFixture(int policies) {
  static auto* cache = new std::map<int, std::unique_ptr<CFixture>>();
  auto& slot = (*cache)[policies];
  if (slot == nullptr)
    slot = std::make_unique<CFixture>(GetFixture(policies, 1));
  return *slot;
}

void BM_Cxx(benchmark::State& state) {
  const Fixture& f = GetFixture(static_cast<int>(state.range(0)), 1);
  EvalScratch scratch(*f.set);
  EvaluateOptions options;
  options.report_policies = false;
  Decision d;
  size_t v = 0;
  for (auto _ : state) {
    Evaluate(*f.set, f.stream.requests[v], options, scratch, &d);
    benchmark::DoNotOptimize(d);
    v = (v + 1) & (kStreamSize - 1);
  }
}

// The C++ counterpart of crossgate_evaluate: lib Engine::Evaluate, which
// finds the current snapshot through the calling thread's cache as the C
// entry point does.
Engine& GetCxxEngine(int policies) {
  static auto* cache = new std::map<int, std::unique_ptr<Engine>>();
  auto& slot = (*cache)[policies];
  if (slot == nullptr) {
    slot = std::make_unique<Engine>();
    if (!slot->Publish(GetFixture(policies, 1).set).ok()) std::abort();
  }
  return *slot;
}

void BM_CxxEngine(benchmark::State& state) {
  const Fixture& f = GetFixture(static_cast<int>(state.range(0)), 1);
  const Engine& engine = GetCxxEngine(static_cast<int>(state.range(0)));
  EvaluateOptions options;
  options.report_policies = false;
  Decision d;
  size_t v = 0;
  for (auto _ : state) {
    engine.Evaluate(f.stream.requests[v], options, &d);
    benchmark::DoNotOptimize(d);
    v = (v + 1) & (kStreamSize - 1);
  }
}

void BM_CApiSnapshot(benchmark::State& state) {
  CFixture& f = GetCFixture(static_cast<int>(state.range(0)));
  crossgate_decision d;
  crossgate_decision_init(&d, sizeof(d));
  size_t v = 0;
  for (auto _ : state) {
    crossgate_snapshot_evaluate(&d, f.snapshot, &f.requests[v], nullptr);
    benchmark::DoNotOptimize(d);
    v = (v + 1) & (kStreamSize - 1);
  }
}

void BM_CApi(benchmark::State& state) {
  CFixture& f = GetCFixture(static_cast<int>(state.range(0)));
  crossgate_decision d;
  crossgate_decision_init(&d, sizeof(d));
  size_t v = 0;
  for (auto _ : state) {
    crossgate_evaluate(&d, f.engine, &f.requests[v], nullptr);
    benchmark::DoNotOptimize(d);
    v = (v + 1) & (kStreamSize - 1);
  }
}

void BM_CApiBatch(benchmark::State& state) {
  CFixture& f = GetCFixture(static_cast<int>(state.range(0)));
  constexpr int kBatch = 256;
  std::vector<crossgate_decision> decisions(kBatch);
  for (auto& d : decisions) crossgate_decision_init(&d, sizeof(d));
  size_t v = 0;
  for (auto _ : state) {
    crossgate_snapshot_evaluate_batch(decisions.data(), f.snapshot,
                                      &f.requests[v], kBatch, nullptr);
    benchmark::DoNotOptimize(decisions.data());
    v = (v + kBatch) & (kStreamSize - 1);
  }
  state.SetItemsProcessed(state.iterations() * kBatch);
}

void BM_CApiLatency(benchmark::State& state) {
  CFixture& f = GetCFixture(static_cast<int>(state.range(0)));
  crossgate_decision d;
  crossgate_decision_init(&d, sizeof(d));
  LatencySampler sampler;
  OutcomeMix mix;
  size_t v = 0;
  for (auto _ : state) {
    TouchC(f.requests[v]);
    const uint64_t t0 = Ticks();
    crossgate_snapshot_evaluate(&d, f.snapshot, &f.requests[v], nullptr);
    const uint64_t t1 = Ticks();
    benchmark::DoNotOptimize(d);
    sampler.Add(t1 - t0);
    v = (v + 1) & (kStreamSize - 1);
  }
  sampler.Report(state);
  // The C decisions must match the C++ ones (same workload, same engine).
  for (const crossgate_request& r : f.requests) {
    crossgate_snapshot_evaluate(&d, f.snapshot, &r, nullptr);
    mix.Add(static_cast<Outcome>(d.outcome), static_cast<Stage>(d.stage));
  }
  mix.Report(state);
}

// C++ and C calls alternate on the same request, each timed on its own, so
// both see the same machine load (the fair overhead figure on a shared VM).
// Which goes first alternates too: the second call finds the tenant's
// tables warm, and that advantage must not always go to the same API.
void BM_CxxVsCApiInterleaved(benchmark::State& state) {
  const Fixture& f = GetFixture(static_cast<int>(state.range(0)), 1);
  CFixture& c = GetCFixture(static_cast<int>(state.range(0)));
  EvalScratch scratch(*f.set);
  EvaluateOptions options;
  options.report_policies = false;
  Decision d;
  crossgate_decision cd;
  crossgate_decision_init(&cd, sizeof(cd));
  LatencySampler cxx, capi;
  auto time_cxx = [&](size_t v) {
    TouchRequest(f.stream.requests[v]);
    const uint64_t t0 = Ticks();
    Evaluate(*f.set, f.stream.requests[v], options, scratch, &d);
    const uint64_t t1 = Ticks();
    benchmark::DoNotOptimize(d);
    cxx.Add(t1 - t0);
  };
  auto time_capi = [&](size_t v) {
    TouchC(c.requests[v]);
    const uint64_t t0 = Ticks();
    crossgate_snapshot_evaluate(&cd, c.snapshot, &c.requests[v], nullptr);
    const uint64_t t1 = Ticks();
    benchmark::DoNotOptimize(cd);
    capi.Add(t1 - t0);
  };
  size_t v = 0;
  bool cxx_first = true;
  for (auto _ : state) {
    if (cxx_first) {
      time_cxx(v);
      time_capi(v);
    } else {
      time_capi(v);
      time_cxx(v);
    }
    cxx_first = !cxx_first;
    v = (v + 1) & (kStreamSize - 1);
  }
  cxx.Report(state);
  const double cxx_p50 = state.counters["p50_ns"],
               cxx_mean = state.counters["mean_ns"];
  capi.Report(state);
  state.counters["cxx_p50_ns"] = cxx_p50;
  state.counters["cxx_mean_ns"] = cxx_mean;
  state.counters["overhead_p50_pct"] =
      100.0 * (state.counters["p50_ns"] / cxx_p50 - 1);
  state.counters["overhead_mean_pct"] =
      100.0 * (state.counters["mean_ns"] / cxx_mean - 1);
}

// Exactly one pass over the stream through each of crossgate::Evaluate,
// crossgate_snapshot_evaluate, Engine::Evaluate and crossgate_evaluate: a
// fixed request mix for
//   valgrind --tool=callgrind
//     --toggle-collect='crossgate::bench::*BM_StreamPass*'
//     capi_benchmark --benchmark_filter=BM_StreamPass   (one command line)
// whose inclusive counts of each entry point, divided by its 4,096 calls,
// give the per-decision instruction cost of each API (the pairs compare a
// pinned snapshot, then the engine's current one; Evaluate is reached from
// three of them, so take its C++ share from the calls in BM_StreamPass).
void BM_StreamPass(benchmark::State& state) {
  const Fixture& f = GetFixture(static_cast<int>(state.range(0)), 1);
  CFixture& c = GetCFixture(static_cast<int>(state.range(0)));
  const Engine& engine = GetCxxEngine(static_cast<int>(state.range(0)));
  EvalScratch scratch(*f.set);
  EvaluateOptions options;
  options.report_policies = false;
  Decision d;
  crossgate_decision cd;
  crossgate_decision_init(&cd, sizeof(cd));
  for (auto _ : state) {
    for (const Request& r : f.stream.requests) {
      Evaluate(*f.set, r, options, scratch, &d);
      benchmark::DoNotOptimize(d);
    }
    for (const crossgate_request& r : c.requests) {
      crossgate_snapshot_evaluate(&cd, c.snapshot, &r, nullptr);
      benchmark::DoNotOptimize(cd);
    }
    for (const Request& r : f.stream.requests) {
      engine.Evaluate(r, options, &d);
      benchmark::DoNotOptimize(d);
    }
    for (const crossgate_request& r : c.requests) {
      crossgate_evaluate(&cd, c.engine, &r, nullptr);
      benchmark::DoNotOptimize(cd);
    }
  }
}

BENCHMARK(BM_StreamPass)->ArgName("policies")->Arg(200)->Iterations(1);
BENCHMARK(BM_CxxVsCApiInterleaved)->ArgName("policies")->Arg(200);
BENCHMARK(BM_Cxx)->ArgName("policies")->Arg(200)->Arg(2000);
BENCHMARK(BM_CxxEngine)->ArgName("policies")->Arg(200)->Arg(2000);
BENCHMARK(BM_CApiSnapshot)->ArgName("policies")->Arg(200)->Arg(2000);
BENCHMARK(BM_CApi)->ArgName("policies")->Arg(200)->Arg(2000);
BENCHMARK(BM_CApiBatch)->ArgName("policies")->Arg(200)->Arg(2000);
BENCHMARK(BM_CApiLatency)->ArgName("policies")->Arg(200);

}  // namespace
}  // namespace bench
}  // namespace crossgate

BENCHMARK_MAIN();
