#ifndef CROSSGATE_BINDINGS_CLI_DECISION_JSON_WRITER_H_
#define CROSSGATE_BINDINGS_CLI_DECISION_JSON_WRITER_H_

// The decision JSON line of `crossgate check --json` and `check --batch`,
// appended to a caller's buffer: the batch loop writes one line per request
// into one growing output buffer, so a warm loop allocates nothing here.
//
// The object is the C ABI's (capi/decision_json.cc RenderDecisionJson, the
// same crossgate_decision in, the same bytes out); this is its appending,
// allocation-free twin for the CLI's hot path. tests/cli/
// decision_json_writer_test.cc holds the two byte-for-byte equal on every
// example decision and on random decisions. Change both together.

#include <string>
#include <vector>

#include "crossgate/crossgate.h"
#include "lib/compile/compiled_policy_set.h"
#include "lib/eval/decision.h"

namespace crossgate_cli {

// Reuses its per-policy result buffer between calls, and quotes the policy
// ids and names of the set it last wrote for once (the set must outlive the
// writer's use of it, or be passed again only while alive). Thread-
// compatible.
class DecisionJsonWriter {
 public:
  // Appends one line of JSON (no trailing newline) to *out. `set` is the set
  // that answered.
  void Append(const crossgate::Decision& decision,
              const crossgate::CompiledPolicySet& set, std::string* out);

  // The line as a new string (single requests; not for loops).
  std::string Render(const crossgate::Decision& decision,
                     const crossgate::CompiledPolicySet& set) {
    std::string out;
    Append(decision, set, &out);
    return out;
  }

 private:
  std::vector<crossgate_policy_result> results_;
  const crossgate::CompiledPolicySet* quoted_set_ = nullptr;
  std::vector<std::string> quoted_;  // policy i: id at 2i, name at 2i+1
};

// The JSON of a C decision, appended: exactly
// capi::RenderDecisionJson(decision, set). `set` may be null (indexes only).
void AppendDecisionJson(const crossgate_decision& decision,
                        const crossgate::CompiledPolicySet* set,
                        std::string* out);

}  // namespace crossgate_cli

#endif  // CROSSGATE_BINDINGS_CLI_DECISION_JSON_WRITER_H_
