#ifndef CROSSGATE_TESTS_FUZZ_EXAMPLES_ENGINE_H_
#define CROSSGATE_TESTS_FUZZ_EXAMPLES_ENGINE_H_

// The example tenants (examples/policies: contoso, fabrikam, northwind),
// loaded once per process for the request targets: through the C ABI (an
// engine handle) and through lib/ (a compiled set), from the same files.

#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "crossgate/crossgate.h"
#include "lib/compile/compiler.h"
#include "lib/load/loader.h"
#include "tests/fuzz/fuzz_support.h"

namespace crossgate::fuzz {

inline std::vector<std::string> ExamplePolicyFiles() {
  const std::string dir = SourceDir() + "/examples/policies/";
  return {dir + "contoso.json", dir + "fabrikam.json", dir + "northwind.json"};
}

// Aborts when the examples do not load: a broken fixture must not read as a
// clean fuzz run.
inline crossgate_engine* ExamplesCEngine() {
  static crossgate_engine* engine = [] {
    crossgate_engine* e = nullptr;
    if (crossgate_engine_create(&e, nullptr, nullptr) != CROSSGATE_OK) std::abort();
    std::vector<std::string> files = ExamplePolicyFiles();
    std::vector<crossgate_str> paths;
    for (const std::string& f : files) paths.push_back({f.data(), f.size()});
    crossgate_error* err = nullptr;
    if (crossgate_engine_load_paths(nullptr, e, paths.data(), paths.size(), nullptr,
                                    &err) != CROSSGATE_OK) {
      std::fprintf(stderr, "examples do not load: %s at %s\n",
                   crossgate_error_message(err), crossgate_error_path(err));
      std::abort();
    }
    return e;
  }();
  return engine;
}

inline const CompiledPolicySet& ExamplesSet() {
  static std::shared_ptr<const CompiledPolicySet> set = [] {
    std::vector<LoadIssue> issues;
    auto bundle = LoadPaths(ExamplePolicyFiles(), LoadOptions(), &issues);
    if (!bundle.ok()) std::abort();
    auto compiled = CompilePolicySet(*bundle, CompileOptions(), &issues);
    if (!compiled.ok()) std::abort();
    return *std::move(compiled);
  }();
  return *set;
}

// A C decision must be a block whenever its call failed, and sane always.
inline void CheckCDecision(int rc, const crossgate_decision& d) {
  FUZZ_CHECK(d.status == rc, "decision status differs from the return code");
  if (rc != CROSSGATE_OK) {
    FUZZ_CHECK(d.outcome == CROSSGATE_OUTCOME_BLOCK, "failed call without block");
  }
  FUZZ_CHECK(d.outcome >= CROSSGATE_OUTCOME_BLOCK && d.outcome <= CROSSGATE_OUTCOME_CHALLENGE,
             "outcome out of range");
  FUZZ_CHECK(d.requirement_count <= CROSSGATE_MAX_REQUIREMENTS, "requirement count");
  if (d.outcome == CROSSGATE_OUTCOME_ALLOW) {
    FUZZ_CHECK(d.stage == CROSSGATE_STAGE_CONDITIONAL_ACCESS, "allow from another stage");
    FUZZ_CHECK(d.requirement_count == 0, "allow with requirements");
  }
  if (d.stage == CROSSGATE_STAGE_INTERNAL) {
    FUZZ_CHECK(d.outcome == CROSSGATE_OUTCOME_BLOCK, "internal stage without block");
  }
  if (d.policy_results != nullptr) {
    FUZZ_CHECK(d.policy_result_count <= 100000, "absurd policy result count");
  }
}

}  // namespace crossgate::fuzz

#endif  // CROSSGATE_TESTS_FUZZ_EXAMPLES_ENGINE_H_
