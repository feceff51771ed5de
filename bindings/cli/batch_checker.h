#ifndef CROSSGATE_BINDINGS_CLI_BATCH_CHECKER_H_
#define CROSSGATE_BINDINGS_CLI_BATCH_CHECKER_H_

// The per-line work of `crossgate check --batch`: parse one JSONL request,
// decide it, append its decision JSON line. One reader, one ParsedRequest and
// one EvalScratch are reused for every line, and the decision JSON is
// appended to the caller's buffer, so a long batch stops allocating once the
// buffers have grown to fit (error lines still format their message).
// bench/cli_check_batch_benchmark.cc times exactly this class.

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "bindings/cli/decision_render.h"
#include "bindings/cli/policy_source.h"
#include "lib/eval/decision.h"
#include "lib/eval/evaluator.h"
#include "lib/eval/scratch.h"
#include "lib/request_json/parsed_request.h"
#include "lib/request_json/request_reader.h"

namespace crossgate_cli {

class BatchChecker {
 public:
  // `policies` must outlive the checker. `policy_results`: include the
  // per-policy results (`policies` array) in each line.
  BatchChecker(const Policies& policies, bool policy_results);

  // Decides `line` (line number `line_number` of `source`) and appends one
  // JSON line (with '\n') to *out. On error the appended line is
  // {"status":"error","outcome":"block","line":N,"error":"..."} (fail
  // closed) and the error is returned.
  // `line_padded`: the crossgate::kRequestJsonPadding bytes after `line`
  // are readable (LineReader's lines), so the line is parsed in place.
  absl::StatusOr<crossgate::Outcome> ProcessLine(absl::string_view line,
                                                 int line_number,
                                                 absl::string_view source,
                                                 std::string* out,
                                                 bool line_padded = false);

 private:
  const Policies& policies_;
  crossgate::RequestDefaults defaults_;
  crossgate::EvaluateOptions options_;
  crossgate::RequestReader reader_;
  crossgate::ParsedRequest parsed_;
  crossgate::EvalScratch scratch_;
  crossgate::Decision decision_;
  DecisionJsonWriter writer_;
};

// Fails with the located message when the request names a resource tenant
// that is not loaded (the engine would block it with unknownResourceTenant;
// the CLI calls that an input error so a typo is not mistaken for a policy
// decision).
absl::Status CheckTenantKnown(const crossgate::Request& request,
                              const Policies& policies,
                              absl::string_view where);

}  // namespace crossgate_cli

#endif  // CROSSGATE_BINDINGS_CLI_BATCH_CHECKER_H_
