// The C ABI's cost over the C++ API (target: at most +10% per decision).
//
//   BM_Evaluate_Cxx               Evaluate() on a prepared crossgate::Request
//   BM_Evaluate_CApi              crossgate_evaluate (engine, per-thread cache)
//   BM_Evaluate_CApiSnapshot      crossgate_snapshot_evaluate (pinned snapshot)
//   BM_Evaluate_CApiBatch         crossgate_snapshot_evaluate_batch, per decision
//   BM_Evaluate_CxxPolicyResults  Evaluate() with per-policy results (a span)
//   BM_Evaluate_CApiPolicyResults crossgate_evaluate copying them to the caller
//
// Same bundle, same request (10 groups, MFA claim). The first four compute
// no per-policy results; the last two do (the C ABI copies them out, the C++
// API only exposes its scratch). The C entry points are linked in directly
// (capi/CMakeLists.txt explains why), so the PLT hop of libcrossgate.so is
// not counted: about one indirect call per decision.

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "crossgate/crossgate.h"

#include "crossgate/policy/v1/bundle.pb.h"
#include "lib/compile/compiler.h"
#include "lib/eval/evaluator.h"
#include "lib/eval/scratch.h"
#include "lib/model/guid.h"

namespace crossgate {
namespace {

constexpr char kTenant[] = "72f988bf-86f1-41af-91ab-2d7cd011db47";

std::string NumberedGuid(uint32_t prefix, uint32_t i) {
  char text[40];
  std::snprintf(text, sizeof(text), "%08x-0000-4000-8000-%012x", prefix, i);
  return text;
}

// `n` enabled policies over a mix of apps and groups, grants MFA or a
// compliant device, a tenth of them report-only.
policy::v1::PolicyBundle MakeBundle(int n) {
  using policy::v1::ConditionalAccessPolicy;
  policy::v1::PolicyBundle bundle;
  bundle.set_bundle_version(1);
  auto* tenant = bundle.add_tenants();
  tenant->set_tenant_id(kTenant);
  for (int i = 0; i < n; ++i) {
    ConditionalAccessPolicy* p = tenant->add_conditional_access_policies();
    p->set_id(NumberedGuid(0xca, i));
    p->set_display_name("bench policy " + std::to_string(i));
    p->set_state(i % 10 == 9
                     ? policy::v1::POLICY_STATE_ENABLED_FOR_REPORTING_BUT_NOT_ENFORCED
                     : policy::v1::POLICY_STATE_ENABLED);
    auto* users = p->mutable_conditions()->mutable_users();
    if (i % 3 == 0) {
      users->add_include_users("All");
    } else {
      users->add_include_groups(NumberedGuid(0x6e, i % 50));
    }
    p->mutable_conditions()->mutable_applications()->add_include_applications(
        i % 4 == 0 ? std::string("All") : NumberedGuid(0xa9, i % 20));
    auto* grant = p->mutable_grant_controls();
    grant->set_operator_(policy::v1::GrantControls::OPERATOR_OR);
    grant->add_built_in_controls(i % 2 ? policy::v1::BUILT_IN_CONTROL_MFA
                                       : policy::v1::BUILT_IN_CONTROL_COMPLIANT_DEVICE);
    grant->add_built_in_controls(policy::v1::BUILT_IN_CONTROL_MFA);
  }
  return bundle;
}

crossgate_guid CGuid(const std::string& text) {
  crossgate_guid g;
  crossgate_guid_parse(&g, text.data(), text.size(), nullptr);
  return g;
}

struct Fixture {
  explicit Fixture(int policies) {
    policy::v1::PolicyBundle bundle = MakeBundle(policies);
    std::vector<LoadIssue> issues;
    auto compiled = CompilePolicySet(bundle, CompileOptions(), &issues);
    if (!compiled.ok()) {
      std::fprintf(stderr, "compile: %s\n", compiled.status().ToString().c_str());
      std::abort();
    }
    set = *compiled;
    std::string bytes = bundle.SerializeAsString();
    crossgate_engine_create(&engine, nullptr, nullptr);
    if (crossgate_engine_load_memory(nullptr, engine, bytes.data(), bytes.size(),
                                     nullptr, nullptr) != CROSSGATE_OK ||
        crossgate_engine_snapshot(&snapshot, engine, nullptr) != CROSSGATE_OK) {
      std::abort();
    }
    for (int i = 0; i < 10; ++i) {
      std::string g = NumberedGuid(0x6e, i * 3);
      groups.push_back(*ParseGuid(g));
      c_groups.push_back(CGuid(g));
    }
    std::string app = NumberedGuid(0xa9, 3);
    req.resource_tenant_id = *ParseGuid(kTenant);
    req.application_id = *ParseGuid(app);
    req.client_app = ClientApp::kBrowser;
    req.platform = Platform::kWindows;
    req.groups = groups;
    req.claims.mfa = true;

    crossgate_request_init(&c_req, sizeof(c_req));
    c_req.resource_tenant_id = CGuid(kTenant);
    c_req.application_id = CGuid(app);
    c_req.client_app = CROSSGATE_CLIENT_APP_BROWSER;
    c_req.platform = CROSSGATE_PLATFORM_WINDOWS;
    c_req.groups = c_groups.data();
    c_req.group_count = c_groups.size();
    c_req.claims = CROSSGATE_CLAIM_MFA;
    results.resize(policies + 1);
  }
  ~Fixture() {
    crossgate_snapshot_release(snapshot);
    crossgate_engine_destroy(engine);
  }
  void InitDecision(crossgate_decision* d) {
    crossgate_decision_init(d, sizeof(*d));
    d->policy_results = results.data();
    d->policy_results_capacity = static_cast<uint32_t>(results.size());
  }

  std::shared_ptr<const CompiledPolicySet> set;
  crossgate_engine* engine = nullptr;
  crossgate_snapshot* snapshot = nullptr;
  std::vector<Guid> groups;
  std::vector<crossgate_guid> c_groups;
  std::vector<crossgate_policy_result> results;
  Request req;
  crossgate_request c_req;
};

void RunCxx(benchmark::State& state, bool report_policies) {
  Fixture f(static_cast<int>(state.range(0)));
  EvalScratch scratch(*f.set);
  EvaluateOptions options;
  options.report_policies = report_policies;
  Decision d;
  for (auto _ : state) {
    Evaluate(*f.set, f.req, options, scratch, &d);
    benchmark::DoNotOptimize(d);
  }
  state.SetLabel(OutcomeName(d.outcome).data());
}
void BM_Evaluate_Cxx(benchmark::State& state) { RunCxx(state, false); }
void BM_Evaluate_CxxPolicyResults(benchmark::State& state) { RunCxx(state, true); }

void RunCApi(benchmark::State& state, bool report_policies) {
  Fixture f(static_cast<int>(state.range(0)));
  crossgate_decision d;
  f.InitDecision(&d);
  if (!report_policies) d.policy_results = nullptr;
  for (auto _ : state) {
    crossgate_evaluate(&d, f.engine, &f.c_req, nullptr);
    benchmark::DoNotOptimize(d);
  }
  state.SetLabel(crossgate_enum_string(CROSSGATE_ENUM_OUTCOME, d.outcome));
}
void BM_Evaluate_CApi(benchmark::State& state) { RunCApi(state, false); }
void BM_Evaluate_CApiPolicyResults(benchmark::State& state) { RunCApi(state, true); }

void BM_Evaluate_CApiSnapshot(benchmark::State& state) {
  Fixture f(static_cast<int>(state.range(0)));
  crossgate_decision d;
  crossgate_decision_init(&d, sizeof(d));
  for (auto _ : state) {
    crossgate_snapshot_evaluate(&d, f.snapshot, &f.c_req, nullptr);
    benchmark::DoNotOptimize(d);
  }
}

void BM_Evaluate_CApiBatch(benchmark::State& state) {
  Fixture f(static_cast<int>(state.range(0)));
  constexpr int kBatch = 256;
  std::vector<crossgate_request> requests(kBatch, f.c_req);
  std::vector<crossgate_decision> decisions(kBatch);
  for (auto& d : decisions) crossgate_decision_init(&d, sizeof(d));
  for (auto _ : state) {
    crossgate_snapshot_evaluate_batch(decisions.data(), f.snapshot, requests.data(),
                                      kBatch, nullptr);
    benchmark::DoNotOptimize(decisions.data());
  }
  state.SetItemsProcessed(state.iterations() * kBatch);
}

BENCHMARK(BM_Evaluate_Cxx)->Arg(20)->Arg(200)->Arg(2000);
BENCHMARK(BM_Evaluate_CApi)->Arg(20)->Arg(200)->Arg(2000);
BENCHMARK(BM_Evaluate_CApiSnapshot)->Arg(20)->Arg(200)->Arg(2000);
BENCHMARK(BM_Evaluate_CApiBatch)->Arg(20)->Arg(200)->Arg(2000);
BENCHMARK(BM_Evaluate_CxxPolicyResults)->Arg(20)->Arg(200)->Arg(2000);
BENCHMARK(BM_Evaluate_CApiPolicyResults)->Arg(20)->Arg(200)->Arg(2000);

}  // namespace
}  // namespace crossgate


BENCHMARK_MAIN();
