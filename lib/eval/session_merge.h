#ifndef CROSSGATE_LIB_EVAL_SESSION_MERGE_H_
#define CROSSGATE_LIB_EVAL_SESSION_MERGE_H_

// Session controls of applying enforced policies merge to the most
// restrictive (spec 5.4, D17).

#include "lib/compile/compiled_tenant.h"
#include "lib/eval/decision.h"

namespace crossgate {

// Folds `s` into `out`. Direct-connect users do not get sign-in frequency,
// persistent browser, app-enforced restrictions or Defender for Cloud Apps
// (spec 5.5); those are dropped and flagged.
void MergeSession(const CompiledSession& s, bool direct_connect,
                  SessionOutcome* out) noexcept;

}  // namespace crossgate

#endif  // CROSSGATE_LIB_EVAL_SESSION_MERGE_H_
