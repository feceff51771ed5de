#ifndef CROSSGATE_TESTS_REFERENCE_DECISION_DIFF_H_
#define CROSSGATE_TESTS_REFERENCE_DECISION_DIFF_H_

// Field-by-field comparison of two evaluators' decisions (the reference and
// the engine, both in ReferenceDecision form), for the differential test and
// the corpus scenarios.

#include <string>

#include "tests/reference/reference_decision.h"

namespace crossgate {
namespace reference {

struct DiffOptions {
  bool requirements = true;
  bool requirement_policy_ids = true;  // which policy asked for each
  bool deciding_policy = true;
  bool policy_results = true;
  bool what_if_reasons = false;  // PolicyOutcome::reason (What-If mode only)
  bool session = true;
};

// Empty when `a` and `b` agree on every compared field; otherwise one line
// per difference, naming the field and both values.
std::string DiffDecisions(const ReferenceDecision& a,
                          const ReferenceDecision& b,
                          const DiffOptions& options = {});

}  // namespace reference
}  // namespace crossgate

#endif  // CROSSGATE_TESTS_REFERENCE_DECISION_DIFF_H_
