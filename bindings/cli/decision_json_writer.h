#ifndef CROSSGATE_BINDINGS_CLI_DECISION_JSON_WRITER_H_
#define CROSSGATE_BINDINGS_CLI_DECISION_JSON_WRITER_H_

// The decision JSON line of `crossgate check --json` and `check --batch`,
// appended to a caller's buffer: the batch loop writes one line per request
// into one growing output buffer, so a warm loop allocates nothing here.
//
// The JSON is the C ABI's (capi/decision_json.h, the one writer); this
// class converts the engine's Decision to the C struct into reused buffers
// and keeps the set's quoted policy ids and names between lines.

#include <string>
#include <vector>

#include "capi/decision_json.h"
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
  crossgate::capi::QuotedPolicyNames quoted_;  // of the set last written
};

}  // namespace crossgate_cli

#endif  // CROSSGATE_BINDINGS_CLI_DECISION_JSON_WRITER_H_
