// Fuzz target: end to end, policies + request -> decision, checked against
// the reference evaluator (tests/reference).
//
// Input: NUL-separated chunks. Every chunk but the last is one JSON policy
// document (a tenant document or a Graph export; at most 4); the last is a
// JSON request. The documents' tenants form one bundle, validated as a whole.
//
// Properties:
//  - no crash, no leak, bounded time;
//  - a document that fails to load is refused by the C ABI too, and an engine
//    given only that document publishes nothing and blocks (invalid input
//    never yields allow);
//  - the engine's decision holds the decision invariants and is repeatable;
//  - the engine's outcome equals the reference evaluator's for every input
//    (the differential suite is at 0 mismatches, so any disagreement is a
//    bug on one side); CROSSGATE_FUZZ_REFERENCE=loose keeps only the
//    fixed-point checks below, for hunting other failures past a known one;
//  - whatever the mode: an unknown resource tenant blocks in both (stage
//    request), and a tenant with neither Conditional Access policies nor
//    cross-tenant settings allows a member in both.

#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "crossgate/crossgate.h"
#include "lib/compile/compiler.h"
#include "lib/eval/evaluator.h"
#include "lib/eval/scratch.h"
#include "lib/load/loader.h"
#include "lib/request_json/request_reader.h"
#include "tests/fuzz/fuzz_support.h"
#include "tests/reference/library_data.h"
#include "tests/reference/reference_evaluator.h"

namespace {

bool Strict() {
  static const bool strict = [] {
    const char* v = std::getenv("CROSSGATE_FUZZ_REFERENCE");
    return v == nullptr || std::string(v) != "loose";
  }();
  return strict;
}

// A refused document must be refused by the C ABI as well, and leave an
// engine that has nothing published blocking.
void CheckRefusedThroughCAbi(absl::string_view doc) {
  crossgate_engine* engine = nullptr;
  FUZZ_CHECK(crossgate_engine_create(&engine, nullptr, nullptr) == CROSSGATE_OK, "create");
  crossgate_load_options opts = CROSSGATE_LOAD_OPTIONS_INIT;
  opts.format = CROSSGATE_FORMAT_JSON;
  crossgate_error* err = nullptr;
  const int rc = crossgate_engine_load_memory(nullptr, engine, doc.data(), doc.size(),
                                              &opts, &err);
  FUZZ_CHECK(rc != CROSSGATE_OK, "the C ABI loaded a document lib/load refused");
  FUZZ_CHECK(crossgate_engine_generation(engine) == 0, "a failed load published");
  crossgate_error_free(err);
  crossgate_request request = CROSSGATE_REQUEST_INIT;
  crossgate_decision d = CROSSGATE_DECISION_INIT;
  FUZZ_CHECK(crossgate_evaluate(&d, engine, &request, nullptr) == CROSSGATE_ENOTLOADED &&
                 d.outcome == CROSSGATE_OUTCOME_BLOCK,
             "an engine without policies must block");
  crossgate_engine_destroy(engine);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace crossgate;
  const absl::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<absl::string_view> chunks = absl::StrSplit(input, '\0');
  if (chunks.size() < 2 || chunks.size() > 5) return 0;
  const absl::string_view request_json = chunks.back();
  chunks.pop_back();

  policy::v1::PolicyBundle bundle;
  for (absl::string_view doc : chunks) {
    std::vector<LoadIssue> issues;
    auto one = LoadJsonText(doc, LoadOptions(), &issues);
    if (!one.ok()) {
      CheckRefusedThroughCAbi(doc);
      return 0;
    }
    for (auto& tenant : *one->mutable_tenants()) bundle.add_tenants()->Swap(&tenant);
  }
  IssueCollector collector;
  if (!ValidateBundle(bundle, LoadOptions(), collector).ok()) return 0;
  std::vector<LoadIssue> issues;
  auto set = CompilePolicySet(bundle, CompileOptions(), &issues);
  if (!set.ok()) return 0;

  RequestDefaults defaults;
  if (bundle.tenants_size() == 1) {
    if (auto id = ParseGuid(bundle.tenants(0).tenant_id())) defaults.resource_tenant_id = *id;
  }
  auto parsed = ParseRequestJson(request_json, defaults, nullptr);
  if (!parsed.ok()) return 0;
  const Request& request = parsed->request();

  EvalScratch scratch(**set);
  Decision d, again;
  Evaluate(**set, request, EvaluateOptions(), scratch, &d);
  const std::string bad = fuzz::DecisionInvariants(d);
  FUZZ_CHECK(bad.empty(), bad);
  Evaluate(**set, request, EvaluateOptions(), scratch, &again);
  FUZZ_CHECK(d.outcome == again.outcome && d.reason == again.reason &&
                 d.deciding_policy == again.deciding_policy &&
                 d.requirement_count == again.requirement_count,
             "evaluation is not repeatable");

  static const reference::ReferenceOptions options = reference::LibraryBackedOptions();
  const reference::ReferenceDecision ref =
      reference::ReferenceEvaluate(bundle, request, options);

  const policy::v1::TenantPolicies* tenant = nullptr;
  for (const auto& t : bundle.tenants()) {
    auto id = ParseGuid(t.tenant_id());
    if (id && *id == request.resource_tenant_id) tenant = &t;
  }
  if (tenant == nullptr) {
    FUZZ_CHECK(d.outcome == Outcome::kBlock && d.stage == Stage::kRequest,
               "engine: unknown resource tenant must block at stage request");
    FUZZ_CHECK(ref.outcome == Outcome::kBlock,
               "reference: unknown resource tenant must block");
  } else if (tenant->conditional_access_policies_size() == 0 &&
             !tenant->has_cross_tenant_access_policy() && !request.is_external() &&
             request.identity_source == IdentitySource::kUnspecified &&
             !request.tenant_restrictions_signal) {
    FUZZ_CHECK(d.outcome == Outcome::kAllow,
               "engine: a member of a tenant without policies must be allowed");
    FUZZ_CHECK(ref.outcome == Outcome::kAllow,
               "reference: a member of a tenant without policies must be allowed");
  }
  if (Strict()) {
    FUZZ_CHECK(d.outcome == ref.outcome,
               "engine and reference outcomes differ; reference:\n" + ref.DebugString());
  }
  return 0;
}
