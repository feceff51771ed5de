#ifndef CROSSGATE_TESTS_REFERENCE_REFERENCE_SESSION_H_
#define CROSSGATE_TESTS_REFERENCE_REFERENCE_SESSION_H_

// THIS CODE SHOULD NEVER BE USED IN PRODUCTION (see reference_evaluator.h).
//
// Session controls (spec 4.13, 5.4) merged to the most restrictive across the
// applying enabled policies (D17).

#include "crossgate/policy/v1/bundle.pb.h"
#include "lib/eval/decision.h"
#include "tests/reference/reference_context.h"

namespace crossgate {
namespace reference {

// Folds one policy's session controls into `merged`.
void MergeSessionControls(const policy::v1::SessionControls& controls,
                          const RequestContext& ctx, SessionOutcome* merged);

}  // namespace reference
}  // namespace crossgate

#endif  // CROSSGATE_TESTS_REFERENCE_REFERENCE_SESSION_H_
