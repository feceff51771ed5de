// The workload generator itself: checks that what it produces is accepted
// and shaped as intended, writes it out for the Python and CLI benchmarks,
// and times generation.
//
//   workload_benchmark --check [--sizes=20,200,2000,20000] [--tenants=1,1000]
//       every size: loader + compiler report no issue (CheckAccepted), the
//       Graph JSON tenant document loads back to the same model, and the
//       outcome mix of a request stream (engine beside reference)
//   workload_benchmark --write=DIR [--policies=200] [--requests=100000]
//       DIR/bundle.pb (binary bundle), DIR/tenant.json (Graph JSON),
//       DIR/requests.jsonl (one request per line, Python binding field names)
//   workload_benchmark [Google Benchmark flags]
//       BM_Generate: generation time per size

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "bench/bench_util.h"
#include "bench/workload.h"
#include "benchmark/benchmark.h"
#include "google/protobuf/util/message_differencer.h"
#include "lib/compile/compiler.h"
#include "lib/eval/evaluator.h"
#include "lib/load/loader.h"
#include "tests/reference/library_data.h"
#include "tests/reference/reference_evaluator.h"

namespace crossgate {
namespace bench {
namespace {

void BM_Generate(benchmark::State& state) {
  WorkloadOptions o;
  o.policies = static_cast<int>(state.range(0));
  o.tenants = static_cast<int>(state.range(1));
  for (auto _ : state) {
    Workload w = GenerateWorkload(o);
    benchmark::DoNotOptimize(w.bundle);
  }
}
BENCHMARK(BM_Generate)
    ->Args({200, 1})
    ->Args({2000, 1})
    ->Unit(benchmark::kMillisecond);

// The model a tenant document gives back must be the generated one.
bool JsonRoundTrip(const policy::v1::TenantPolicies& tenant) {
  std::string json = TenantDocumentJson(tenant);
  std::vector<LoadIssue> issues;
  auto loaded = LoadJsonText(json, WorkloadLoadOptions(), &issues);
  for (const LoadIssue& i : issues)
    std::fprintf(stderr, "  json: %s\n", i.ToString().c_str());
  if (!loaded.ok() || !issues.empty()) {
    std::fprintf(stderr, "  json: %s\n", loaded.status().ToString().c_str());
    return false;
  }
  google::protobuf::util::MessageDifferencer diff;
  std::string report;
  diff.ReportDifferencesToString(&report);
  if (loaded->tenants_size() != 1 ||
      !diff.Compare(tenant, loaded->tenants(0))) {
    std::fprintf(stderr, "  json round trip differs:\n%s\n",
                 report.substr(0, 4000).c_str());
    return false;
  }
  return true;
}

int Check(const std::vector<int>& sizes,
          const std::vector<int>& tenant_counts) {
  int failures = 0;
  reference::ReferenceOptions ref_options = reference::LibraryBackedOptions();
  for (int tenants : tenant_counts) {
    for (int policies : sizes) {
      WorkloadOptions o;
      o.policies = policies;
      o.tenants = tenants;
      Workload w = GenerateWorkload(o);
      absl::Status accepted = CheckAccepted(w.bundle);
      std::printf("policies=%d tenants=%d partners=%d: %s\n", policies, tenants,
                  o.partners,
                  accepted.ok() ? "accepted" : accepted.ToString().c_str());
      if (!accepted.ok()) {
        ++failures;
        continue;
      }
      if (tenants == 1 && !JsonRoundTrip(w.bundle.tenants(0))) ++failures;
      auto set = *CompilePolicySet(w.bundle, CompileOptions(), nullptr);
      EvalScratch scratch(*set);
      RequestStream s = GenerateRequests(w, policies >= 20000 ? 200 : 2000, 7);
      OutcomeMix engine, ref;
      int disagree = 0;
      std::map<std::string, int> deciders;  // block reasons by policy kind
      std::map<std::string, std::string> names;
      for (const auto& t : w.bundle.tenants()) {
        for (const auto& p : t.conditional_access_policies())
          names[p.id()] = p.display_name();
      }
      for (const Request& r : s.requests) {
        Decision d;
        Evaluate(*set, r, EvaluateOptions(), scratch, &d);
        engine.Add(d.outcome, d.stage);
        if (d.outcome == Outcome::kBlock) {
          std::string why(ReasonName(d.reason));
          if (d.deciding_policy >= 0) {
            absl::string_view name =
                names[std::string(set->policy_id(d.deciding_policy))];
            absl::StrAppend(&why, " ", name.substr(name.find('-') + 1));
          }
          ++deciders[why];
        }
        reference::ReferenceDecision rd =
            reference::ReferenceEvaluate(w.bundle, r, ref_options);
        ref.Add(rd.outcome, rd.stage);
        if (rd.outcome != d.outcome && ++disagree <= 3) {
          std::printf(
              "  disagreement: engine %s (%s, %s) vs reference %s (%s)\n",
              std::string(OutcomeName(d.outcome)).c_str(),
              std::string(StageName(d.stage)).c_str(),
              std::string(ReasonName(d.reason)).c_str(),
              std::string(OutcomeName(rd.outcome)).c_str(), rd.reason.c_str());
        }
      }
      std::printf(
          "  %zu requests (%d member, %d guest, %d small-tenant)\n  engine:    "
          "%s\n"
          "  reference: %s\n  outcome disagreements: %d\n",
          s.requests.size(), s.members, s.guests, s.small_tenant,
          engine.ToString().c_str(), ref.ToString().c_str(), disagree);
      for (const auto& [why, n] : deciders)
        std::printf("    block: %-60s %d\n", why.c_str(), n);
    }
  }
  return failures == 0 ? 0 : 1;
}

std::string GuidJson(const Guid& g) {
  return absl::StrCat("\"", FormatGuid(g), "\"");
}

std::string GuidsJson(GuidList list) {
  std::string out = "[";
  for (size_t i = 0; i < list.size(); ++i)
    absl::StrAppend(&out, i ? "," : "", GuidJson(list[i]));
  return out + "]";
}

// One request in the Python binding's dict form
// (bindings/python/crossgate/request.py).
std::string RequestJson(const Request& r) {
  static const char* kClients[] = {"", "browser", "mobileAppsAndDesktopClients",
                                   "exchangeActiveSync", "other"};
  static const char* kPlatforms[] = {"",        "android",      "iOS",
                                     "windows", "windowsPhone", "macOS",
                                     "linux",   "unknown"};
  static const char* kRisk[] = {"", "none", "low", "medium", "high", "hidden"};
  std::string out = absl::StrCat(
      "{\"resource_tenant_id\":", GuidJson(r.resource_tenant_id),
      ",\"principal_id\":", GuidJson(r.principal_id),
      ",\"groups\":", GuidsJson(r.groups), ",\"roles\":", GuidsJson(r.roles),
      ",\"application_id\":", GuidJson(r.application_id), ",\"client_app\":\"",
      kClients[static_cast<int>(r.client_app)], "\",\"platform\":\"",
      kPlatforms[static_cast<int>(r.platform)], "\",\"ip\":\"",
      FormatIpAddress(r.ip), "\"", ",\"sign_in_risk\":\"",
      kRisk[static_cast<int>(r.sign_in_risk)], "\",\"user_risk\":\"",
      kRisk[static_cast<int>(r.user_risk)], "\"");
  if (r.country[0] != 0)
    absl::StrAppend(&out, ",\"country\":\"", std::string(r.country, 2), "\"");
  if (r.is_external()) {
    absl::StrAppend(
        &out, ",\"home_tenant_id\":", GuidJson(r.home_tenant_id),
        ",\"home_user_id\":", GuidJson(r.home_user_id),
        ",\"home_groups\":", GuidsJson(r.home_groups),
        ",\"external_user_types\":[\"b2bCollaborationGuest\"]",
        ",\"mfa_origin\":\"homeTenant\",\"device_origin\":\"homeTenant\"");
  }
  std::vector<std::string> claims;
  if (r.claims.mfa) claims.push_back("\"mfa\"");
  if (r.claims.compliant_device) claims.push_back("\"compliantDevice\"");
  if (r.claims.hybrid_joined_device) claims.push_back("\"hybridJoinedDevice\"");
  absl::StrAppend(
      &out, ",\"claims\":[", absl::StrJoin(claims, ","),
      "],\"authentication_methods\":", r.claims.authentication_methods, "}");
  return out;
}

int Write(const std::string& dir, int policies, int requests) {
  WorkloadOptions o;
  o.policies = policies;
  Workload w = GenerateWorkload(o);
  absl::Status accepted = CheckAccepted(w.bundle);
  if (!accepted.ok()) {
    std::fprintf(stderr, "%s\n", accepted.ToString().c_str());
    return 1;
  }
  std::ofstream(dir + "/bundle.pb", std::ios::binary)
      << *SerializeBundle(w.bundle);
  std::ofstream(dir + "/tenant.json")
      << TenantDocumentJson(w.bundle.tenants(0));
  RequestStream s = GenerateRequests(w, requests, 11);
  std::ofstream out(dir + "/requests.jsonl");
  for (const Request& r : s.requests) out << RequestJson(r) << "\n";
  std::printf(
      "wrote %s/{bundle.pb,tenant.json,requests.jsonl} (%d policies, %d "
      "requests)\n",
      dir.c_str(), policies, requests);
  return out ? 0 : 1;
}

std::vector<int> Ints(absl::string_view text) {
  std::vector<int> out;
  for (absl::string_view part : absl::StrSplit(text, ',')) {
    int v;
    if (absl::SimpleAtoi(part, &v)) out.push_back(v);
  }
  return out;
}

}  // namespace
}  // namespace bench
}  // namespace crossgate

int main(int argc, char** argv) {
  using namespace crossgate::bench;  // NOLINT
  std::string write_dir;
  bool check = false;
  std::vector<int> sizes = {20, 200, 2000, 20000}, tenants = {1, 1000};
  int policies = 200, requests = 100000;
  std::vector<char*> rest = {argv[0]};
  for (int i = 1; i < argc; ++i) {
    absl::string_view a = argv[i];
    if (a == "--check") {
      check = true;
    } else if (absl::ConsumePrefix(&a, "--sizes=")) {
      sizes = Ints(a);
    } else if (absl::ConsumePrefix(&a, "--tenants=")) {
      tenants = Ints(a);
    } else if (absl::ConsumePrefix(&a, "--write=")) {
      write_dir = std::string(a);
    } else if (absl::ConsumePrefix(&a, "--policies=")) {
      policies = Ints(a).at(0);
    } else if (absl::ConsumePrefix(&a, "--requests=")) {
      requests = Ints(a).at(0);
    } else {
      rest.push_back(argv[i]);
    }
  }
  if (check) return Check(sizes, tenants);
  if (!write_dir.empty()) return Write(write_dir, policies, requests);
  int n = static_cast<int>(rest.size());
  benchmark::Initialize(&n, rest.data());
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
