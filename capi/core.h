#ifndef CROSSGATE_CAPI_CORE_H_
#define CROSSGATE_CAPI_CORE_H_

// The lib/ entry points the C ABI calls beyond lib/engine, in one place:
// reading + compiling a bundle, evaluating against a pinned snapshot with a
// per-thread scratch, the JSON request reader, names for the renderer, and
// the collaboration checks.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "crossgate/crossgate.h"
#include "lib/compile/compiled_policy_set.h"
#include "lib/engine/engine.h"
#include "lib/eval/decision.h"
#include "lib/eval/evaluator.h"
#include "lib/eval/request.h"
#include "lib/eval/scratch.h"
#include "lib/load/load_issue.h"

namespace crossgate::capi {

enum class LoadFormat { kAuto = 0, kBinary = 1, kJson = 2 };

struct LoadInput {
  bool from_memory = false;
  std::vector<std::string> paths;  // path loads
  absl::string_view bytes;         // memory loads
  LoadFormat format = LoadFormat::kAuto;
  uint64_t bundle_version = 0;     // non-zero overrides the bundle's
};

// Reads and compiles (lib/load, lib/compile). `issues` receives every issue,
// warnings included.
absl::StatusOr<std::shared_ptr<const CompiledPolicySet>> LoadAndCompile(
    const LoadInput& input, std::vector<LoadIssue>* issues);

// The options for one C evaluation.
inline EvaluateOptions Options(bool what_if, bool report_policies) {
  EvaluateOptions options;
  options.report_policies = report_policies || what_if;
  options.what_if = what_if;
  options.what_if_unsupplied_not_applied = what_if;
  return options;
}

// (Re)allocates *scratch for `set`; false when out of memory.
bool GrowScratch(const CompiledPolicySet& set,
                 std::unique_ptr<EvalScratch>* scratch) noexcept;

// The block a failed evaluation decides (stage internal).
void InternalFailure(uint64_t generation, Decision* out) noexcept;

// Evaluates against a pinned snapshot with the caller's per-thread scratch
// (grown once per thread, and after a reload to a larger set; the steady
// state allocates nothing) and stamps the generation. noexcept: failures
// become a Stage::kInternal block. Inline: it is the C ABI's hot path.
inline void EvaluateOn(const EngineSnapshot& snapshot, const Request& request,
                       const EvaluateOptions& options,
                       std::unique_ptr<EvalScratch>* scratch,
                       Decision* out) noexcept {
  const CompiledPolicySet& set = *snapshot.set;
  if ((*scratch == nullptr || !(*scratch)->Fits(set)) &&
      !GrowScratch(set, scratch)) {
    InternalFailure(snapshot.generation, out);
    return;
  }
  Evaluate(set, request, options, **scratch, out);
  out->generation = snapshot.generation;
}

// The same with a scratch of this file's own per thread.
void EvaluateOn(const EngineSnapshot& snapshot, const Request& request,
                const EvaluateOptions& options, Decision* out) noexcept;

// Parses a JSON request into this thread's reusable request storage; the
// returned Request is valid until this thread's next ParseJsonRequest.
absl::StatusOr<const Request*> ParseJsonRequest(const CompiledPolicySet& set,
                                                absl::string_view json);

// Static names; null when unknown.
const char* DecisionReasonName(int reason);
const char* CheckReasonName(int kind, int reason);

// Collaboration checks (spec 3). The input structs are already validated.
absl::Status CanInvite(const EngineSnapshot& snapshot,
                       const crossgate_invitation& in, crossgate_check_result* out);
absl::Status CanSelfServiceSignUp(const EngineSnapshot& snapshot,
                                  const crossgate_sign_up& in,
                                  crossgate_check_result* out);

}  // namespace crossgate::capi

#endif  // CROSSGATE_CAPI_CORE_H_
