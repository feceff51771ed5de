#ifndef CROSSGATE_CAPI_DECISION_JSON_H_
#define CROSSGATE_CAPI_DECISION_JSON_H_

// One crossgate_decision as a line of JSON, for logs, the CLI
// (`check --json`, `check --batch`) and the examples: the one writer of the
// decision JSON. Renders exactly what a C caller sees (the C struct), adding
// ids and display names when the snapshot that answered is at hand.
// AppendDecisionJson appends to a caller's buffer without allocating once
// the buffer has grown (enum names are quoted once per process, policy ids
// and names once per set with QuotePolicyNames), so a batch loop can write
// one line per request into one output buffer.

#include <string>
#include <vector>

#include "crossgate/crossgate.h"
#include "lib/compile/compiled_policy_set.h"

namespace crossgate::capi {

// Every policy's id and display name of one set, already JSON-quoted: policy
// i's id at text[2i], its name at text[2i+1]; tenant t's id at tenants[t].
struct QuotedPolicyNames {
  const CompiledPolicySet* set = nullptr;
  std::vector<std::string> text;
  std::vector<std::string> tenants;
};
QuotedPolicyNames QuotePolicyNames(const CompiledPolicySet& set);

// Appends the decision's JSON (no newline). `set` (the snapshot that
// answered) may be null: indexes only. `quoted` may be null; when given it
// must come from QuotePolicyNames(*set). The decision must be validated.
void AppendDecisionJson(const crossgate_decision& decision,
                        const CompiledPolicySet* set,
                        const QuotedPolicyNames* quoted, std::string* out);

// The same as a new string.
std::string RenderDecisionJson(const crossgate_decision& decision,
                               const CompiledPolicySet* set);

}  // namespace crossgate::capi

#endif  // CROSSGATE_CAPI_DECISION_JSON_H_
