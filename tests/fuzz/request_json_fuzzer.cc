// Fuzz target: the JSON request reader (lib/request_json) and the C ABI's
// JSON evaluation entry point, against the example tenants.
// Properties: no crash; the reusable reader agrees with the one-shot parser
// (no state leaks between requests); an accepted request's decision holds
// the decision invariants; crossgate_evaluate_json writes a block whenever
// it fails, and fails whenever the reader rejects the request.

#include <cstdint>
#include <string>

#include "crossgate/crossgate.h"
#include "lib/eval/evaluator.h"
#include "lib/eval/scratch.h"
#include "lib/request_json/request_reader.h"
#include "tests/fuzz/examples_engine.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace crossgate;
  const absl::string_view json(reinterpret_cast<const char*>(data), size);

  static RequestReader reader;
  static ParsedRequest parsed;
  const RequestDefaults defaults;  // no default tenant: three are loaded
  const absl::Status status = reader.Parse(json, defaults, &parsed, nullptr);
  auto one_shot = ParseRequestJson(json, defaults, nullptr);
  FUZZ_CHECK(status.ok() == one_shot.ok(),
             "reusable reader and one-shot parser disagree: " + status.ToString() +
                 " vs " + one_shot.status().ToString());
  if (status.ok()) {
    static EvalScratch scratch(fuzz::ExamplesSet());
    Decision d;
    Evaluate(fuzz::ExamplesSet(), parsed.request(), EvaluateOptions(), scratch, &d);
    const std::string bad = fuzz::DecisionInvariants(d);
    FUZZ_CHECK(bad.empty(), bad);
  }

  crossgate_decision out = CROSSGATE_DECISION_INIT;
  crossgate_policy_result results[8];
  out.policy_results = results;
  out.policy_results_capacity = 8;
  const int rc = crossgate_evaluate_json(&out, fuzz::ExamplesCEngine(), json.data(),
                                         json.size(), nullptr);
  fuzz::CheckCDecision(rc, out);
  if (!status.ok()) {
    FUZZ_CHECK(rc != CROSSGATE_OK, "the C ABI accepted a request the reader rejects: " +
                                       status.ToString());
  }
  return 0;
}
