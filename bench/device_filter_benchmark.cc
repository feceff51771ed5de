// Device filter evaluation cost (lib/device_filter). Each benchmark cycles
// through a small set of devices so the branch predictor does not learn one
// answer. BM_DeviceFilter_Native is a hand-written C++ version of the 3-term
// rule (cel-cpp BM_PolicyNative style): the floor for that rule.
//
//   build-release/bin/device_filter_benchmark --benchmark_repetitions=5
//       --benchmark_report_aggregates_only    (one command line)

#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "benchmark/benchmark.h"
#include "lib/device_filter/device_filter.h"

namespace crossgate::device_filter {
namespace {

constexpr char kThreeTerms[] =
    "device.trustType -eq \"ServerAD\" -and device.isCompliant -eq True -and "
    "device.extensionAttribute1 -ne \"Kiosk\"";

// 40 comparisons: a realistic mix of every operator family, grouped with
// parentheses; on the benchmark devices most groups must be evaluated.
std::string FortyTerms() {
  std::string rule =
      "(device.trustType -eq \"ServerAD\" -or device.trustType -eq \"AzureAD\")"
      " -and device.isCompliant -eq True"
      " -and device.deviceOwnership -ne \"Personal\""
      " -and device.operatingSystem -in [\"Windows\", \"macOS\", \"Linux\"]"
      " -and device.operatingSystemVersion -notStartsWith \"6.\""
      " -and device.model -notContains \"Virtual\""
      " -and device.manufacturer -notIn [\"QEMU\", \"innotek GmbH\"]"
      " -and device.systemLabels -notContains \"MultiUser\""
      " -and device.physicalIds -notContains \"[ZTDId]:blocked\"";
  // 30 more: extension attributes set by Intune tags.
  for (int n = 1; n <= 15; ++n) {
    absl::StrAppend(&rule, " -and (device.extensionAttribute", n,
                    " -ne \"quarantine\" -or device.displayName -endsWith \"-",
                    n, "\")");
  }
  return rule;
}

struct DeviceSet {
  std::vector<std::string> physical_ids = {"[ZTDId]:abc", "[GID]:g1"};
  std::vector<absl::string_view> physical_views;
  std::vector<absl::string_view> labels;
  std::vector<std::string> device_ids;
  std::vector<DeviceAttributes> devices;

  DeviceSet() {
    physical_views.assign(physical_ids.begin(), physical_ids.end());
    for (int i = 0; i < 16; ++i) {  // every other one is in the -in list
      device_ids.push_back(
          absl::StrCat(absl::Hex(0x1000000 + (i % 2 ? 500 + i : i * 4) * 977,
                                 absl::kZeroPad8),
                       "-0000-1111-2222-bbbbbbbbbbbb"));
    }
    static const char* kNames[] = {"DESK-0042", "LAPTOP-17", "KIOSK-3",
                                   "SURFACE-9"};
    static const char* kTrust[] = {"ServerAD", "AzureAD", "ServerAD",
                                   "Workplace"};
    for (int i = 0; i < 16; ++i) {
      DeviceAttributes d;
      d.registered = true;
      d[DeviceText::kDeviceId] = device_ids[i];
      d[DeviceText::kDisplayName] = kNames[i % 4];
      d[DeviceText::kTrustType] = kTrust[i % 4];
      d[DeviceText::kDeviceOwnership] = "Company";
      d[DeviceText::kOperatingSystem] = i % 5 ? "Windows" : "macOS";
      d[DeviceText::kOperatingSystemVersion] = "10.0.22631";
      d[DeviceText::kModel] = "Latitude 7440";
      d[DeviceText::kManufacturer] = "Dell Inc.";
      d[DeviceText::kProfileType] = "RegisteredDevice";
      d.is_compliant = i % 7 != 3;
      d.physical_ids = absl::MakeConstSpan(physical_views);
      d.system_labels = absl::MakeConstSpan(labels);
      for (int n = 1; n <= 15; ++n) {
        d[ExtensionAttribute(n)] = (i + n) % 11 ? "normal" : "Kiosk";
      }
      devices.push_back(d);
    }
  }
};

void RunRule(benchmark::State& state, const std::string& text,
             const Options& options = {}) {
  absl::StatusOr<CompiledRule> rule = CompileRule(text, options);
  if (!rule.ok()) {
    state.SkipWithError(std::string(rule.status().message()).c_str());
    return;
  }
  DeviceSet set;
  size_t i = 0, matched = 0;
  for (auto _ : state) {
    matched += rule->Matches(set.devices[i++ & 15]);
  }
  benchmark::DoNotOptimize(matched);
  state.counters["terms"] = benchmark::Counter(
      static_cast<double>(rule->term_count()), benchmark::Counter::kAvgThreads);
  state.counters["match_rate"] =
      benchmark::Counter(static_cast<double>(matched) / state.iterations(),
                         benchmark::Counter::kAvgThreads);
}

void BM_DeviceFilter_3Terms(benchmark::State& state) {
  RunRule(state, kThreeTerms);
}
BENCHMARK(BM_DeviceFilter_3Terms)->ThreadRange(1, 2);

void BM_DeviceFilter_Native(benchmark::State& state) {
  DeviceSet set;
  size_t i = 0, matched = 0;
  for (auto _ : state) {
    const DeviceAttributes& d = set.devices[i++ & 15];
    const auto& trust = d[DeviceText::kTrustType];
    const auto& ext1 = d[ExtensionAttribute(1)];
    matched += d.registered && trust.has_value() &&
               absl::EqualsIgnoreCase(*trust, "ServerAD") &&
               d.is_compliant.value_or(false) &&
               !(ext1.has_value() && absl::EqualsIgnoreCase(*ext1, "Kiosk"));
  }
  benchmark::DoNotOptimize(matched);
}
BENCHMARK(BM_DeviceFilter_Native);

void BM_DeviceFilter_40Terms(benchmark::State& state) {
  RunRule(state, FortyTerms());
}
BENCHMARK(BM_DeviceFilter_40Terms)->ThreadRange(1, 2);

// Worst case for 40 terms: an -and chain that is true, so every test runs.
void BM_DeviceFilter_40TermsAllEvaluated(benchmark::State& state) {
  std::string rule;
  for (int n = 0; n < 40; ++n) {
    absl::StrAppend(&rule, n ? " -and " : "", "device.extensionAttribute",
                    n % 15 + 1, " -notContains \"quarantine", n, "\"");
  }
  RunRule(state, rule);
}
BENCHMARK(BM_DeviceFilter_40TermsAllEvaluated);

void BM_DeviceFilter_Unregistered(benchmark::State& state) {
  absl::StatusOr<CompiledRule> rule = CompileRule(FortyTerms());
  DeviceAttributes unregistered;
  size_t matched = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(unregistered);
    matched += rule->Matches(unregistered);
  }
  benchmark::DoNotOptimize(matched);
}
BENCHMARK(BM_DeviceFilter_Unregistered);

// deviceId -in a list of 70 GUIDs (about the most a 3072-character rule
// holds): binary search over folded, sorted literals.
void BM_DeviceFilter_InList70Guids(benchmark::State& state) {
  std::string rule = "device.deviceId -in [";
  for (int i = 0; i < 70; ++i) {
    absl::StrAppend(&rule, i ? "," : "", "\"",
                    absl::Hex(0x1000000 + i * 977, absl::kZeroPad8),
                    "-0000-1111-2222-BBBBBBBBBBBB\"");
  }
  rule += "]";
  RunRule(state, rule);
}
BENCHMARK(BM_DeviceFilter_InList70Guids);

void BM_DeviceFilter_Regex(benchmark::State& state) {
  Options options;
  options.allow_regex_operators = true;
  RunRule(state, "device.displayName -match \"^(desk|laptop)-[0-9]+$\"",
          options);
}
BENCHMARK(BM_DeviceFilter_Regex);

void BM_DeviceFilter_Compile3Terms(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(CompileRule(kThreeTerms));
  }
}
BENCHMARK(BM_DeviceFilter_Compile3Terms);

void BM_DeviceFilter_Compile40Terms(benchmark::State& state) {
  const std::string rule = FortyTerms();
  for (auto _ : state) {
    benchmark::DoNotOptimize(CompileRule(rule));
  }
}
BENCHMARK(BM_DeviceFilter_Compile40Terms);

}  // namespace
}  // namespace crossgate::device_filter

BENCHMARK_MAIN();
