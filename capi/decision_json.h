#ifndef CROSSGATE_CAPI_DECISION_JSON_H_
#define CROSSGATE_CAPI_DECISION_JSON_H_

// One crossgate_decision as a line of JSON, for logs, the CLI and the
// examples. Renders exactly what a C caller sees (the C struct), adding ids
// and display names when the snapshot that answered is at hand. Allocates:
// not for the decision path.

#include <string>

#include "crossgate/crossgate.h"
#include "lib/compile/compiled_policy_set.h"

namespace crossgate::capi {

// `set` (the snapshot that answered) may be null: indexes only. The
// decision must be validated.
std::string RenderDecisionJson(const crossgate_decision& decision,
                               const CompiledPolicySet* set);

}  // namespace crossgate::capi

#endif  // CROSSGATE_CAPI_DECISION_JSON_H_
