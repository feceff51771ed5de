// Loading real exports: Graph JSON directories and files, and the binary
// bundle compiled from them. Inputs are read from shared/corpus in place
// ($CROSSGATE_SHARED_DIR, else the build's CROSSGATE_SHARED_DIR).
//
// Load + compile of the generated workload (bench/workload.h), the figures
// the issue sets targets for:
//   BM_LoadCompileBinary/<policies>/<tenants>  LoadBinaryBundle +
//   CompilePolicySet BM_LoadCompileJson/<policies>              LoadJsonText
//   (Graph JSON tenant
//                                              document) + CompilePolicySet
//   BM_CompileOnly/<policies>/<tenants>        CompilePolicySet on the model
// The sizes above the loader's default limits load with WorkloadLoadOptions().
//
//   build/bin/load_benchmark --benchmark_repetitions=5
//                            --benchmark_report_aggregates_only

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "bench/bench_util.h"
#include "benchmark/benchmark.h"
#include "lib/compile/compiler.h"
#include "lib/load/loader.h"

namespace crossgate {
namespace {

std::string SharedDir() {
  const char* env = std::getenv("CROSSGATE_SHARED_DIR");
  if (env != nullptr && *env != '\0') return env;
#ifdef CROSSGATE_SHARED_DIR
  return CROSSGATE_SHARED_DIR;
#else
  return "../shared";
#endif
}

std::string Corpus(const std::string& relative) {
  return SharedDir() + "/corpus/" + relative;
}

void LoadOrSkip(benchmark::State& state, const std::vector<std::string>& paths,
                int* policies) {
  auto bundle = LoadPaths(paths, LoadOptions(), nullptr);
  if (!bundle.ok()) {
    state.SkipWithError(std::string(bundle.status().message()).c_str());
    return;
  }
  *policies = 0;
  for (const auto& t : bundle->tenants()) {
    *policies += t.conditional_access_policies_size() +
                 t.named_locations_size() +
                 t.authentication_strength_policies_size();
  }
}

void BM_LoadPaths_Directory(benchmark::State& state, const char* dir) {
  std::vector<std::string> paths = {Corpus(dir)};
  int objects = 0;
  for (auto _ : state) {
    LoadOrSkip(state, paths, &objects);
  }
  state.counters["objects"] = objects;
}
BENCHMARK_CAPTURE(BM_LoadPaths_Directory, J0eyv,
                  "j0eyv__ConditionalAccessBaseline/Config")
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_LoadPaths_Directory, Cloudshield,
                  "Cloudshield-io__Conditional-Access-Framework/Config")
    ->Unit(benchmark::kMillisecond);

// caOptics files are overlapping snapshots of one tenant: each is one load.
void BM_LoadPaths_CaOpticsEachFile(benchmark::State& state) {
  std::vector<std::string> files;
  for (const auto& entry :
       std::filesystem::directory_iterator(Corpus("jsa2__caOptics/demodata"))) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  int total = 0;
  for (auto _ : state) {
    total = 0;
    for (const std::string& file : files) {
      int objects = 0;
      LoadOrSkip(state, {file}, &objects);
      total += objects;
    }
  }
  state.counters["files"] = static_cast<double>(files.size());
  state.counters["objects"] = total;
}
BENCHMARK(BM_LoadPaths_CaOpticsEachFile)->Unit(benchmark::kMillisecond);

// The same Cloudshield tenant from its binary bundle.
void BM_LoadBinaryBundle_Cloudshield(benchmark::State& state) {
  auto bundle =
      LoadPaths({Corpus("Cloudshield-io__Conditional-Access-Framework/Config")},
                LoadOptions(), nullptr);
  if (!bundle.ok()) {
    state.SkipWithError("corpus not found");
    return;
  }
  std::string bytes = *SerializeBundle(*bundle);
  for (auto _ : state) {
    auto loaded = LoadBinaryBundle(bytes, LoadOptions(), nullptr);
    benchmark::DoNotOptimize(loaded);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(bytes.size()));
}
BENCHMARK(BM_LoadBinaryBundle_Cloudshield)->Unit(benchmark::kMillisecond);

}  // namespace

namespace bench {
namespace {

// Times load + compile of `input` with `load` (LoadBinaryBundle or
// LoadJsonText); a failure stops the benchmark with the loader's message.
template <typename Loader>
void RunLoadCompile(benchmark::State& state, const std::string& input,
                    Loader load) {
  const LoadOptions options = WorkloadLoadOptions();
  for (auto _ : state) {
    auto bundle = load(input, options, nullptr);
    if (!bundle.ok()) {
      state.SkipWithError(std::string(bundle.status().message()).c_str());
      break;
    }
    auto set = CompilePolicySet(*bundle, CompileOptions(), nullptr);
    if (!set.ok()) {
      state.SkipWithError(std::string(set.status().message()).c_str());
      break;
    }
    benchmark::DoNotOptimize(set);
  }
  state.counters["input_bytes"] = static_cast<double>(input.size());
}

void BM_LoadCompileBinary(benchmark::State& state) {
  const Fixture& f = GetFixture(static_cast<int>(state.range(0)),
                                static_cast<int>(state.range(1)));
  RunLoadCompile(state, *SerializeBundle(f.workload.bundle), LoadBinaryBundle);
}
BENCHMARK(BM_LoadCompileBinary)
    ->ArgNames({"policies", "tenants"})
    ->Args({200, 1})
    ->Args({2000, 1})
    ->Args({20000, 1})
    ->Args({200, 1000})
    ->Unit(benchmark::kMillisecond);

// 100,000 tenants (the main one and 99,999 small ones): tens of seconds per
// load, so one iteration per repetition.
void BM_LoadCompileBinaryHuge(benchmark::State& state) {
  BM_LoadCompileBinary(state);
}
BENCHMARK(BM_LoadCompileBinaryHuge)
    ->ArgNames({"policies", "tenants"})
    ->Args({200, 100000})
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);

void BM_LoadCompileJson(benchmark::State& state) {
  const Fixture& f = GetFixture(static_cast<int>(state.range(0)), 1);
  RunLoadCompile(state, TenantDocumentJson(f.workload.bundle.tenants(0)),
                 LoadJsonText);
}
BENCHMARK(BM_LoadCompileJson)
    ->ArgName("policies")
    ->Arg(200)
    ->Arg(2000)
    ->Arg(20000)
    ->Unit(benchmark::kMillisecond);

void BM_CompileOnly(benchmark::State& state) {
  const Fixture& f = GetFixture(static_cast<int>(state.range(0)),
                                static_cast<int>(state.range(1)));
  for (auto _ : state) {
    auto set = CompilePolicySet(f.workload.bundle, CompileOptions(), nullptr);
    benchmark::DoNotOptimize(set);
  }
}
BENCHMARK(BM_CompileOnly)
    ->ArgNames({"policies", "tenants"})
    ->Args({200, 1})
    ->Args({20000, 1})
    ->Args({200, 1000})
    ->Unit(benchmark::kMillisecond);

// The other phase: LoadBinaryBundle alone (parse, unknown-field check,
// ValidateBundle), to split load+compile.
void BM_LoadOnlyBinary(benchmark::State& state) {
  const Fixture& f = GetFixture(static_cast<int>(state.range(0)),
                                static_cast<int>(state.range(1)));
  const std::string bytes = *SerializeBundle(f.workload.bundle);
  const LoadOptions options = WorkloadLoadOptions();
  for (auto _ : state) {
    auto bundle = LoadBinaryBundle(bytes, options, nullptr);
    benchmark::DoNotOptimize(bundle);
  }
}
BENCHMARK(BM_LoadOnlyBinary)
    ->ArgNames({"policies", "tenants"})
    ->Args({200, 1})
    ->Args({20000, 1})
    ->Args({200, 1000})
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace bench
}  // namespace crossgate

BENCHMARK_MAIN();
