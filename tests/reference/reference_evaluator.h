#ifndef CROSSGATE_TESTS_REFERENCE_REFERENCE_EVALUATOR_H_
#define CROSSGATE_TESTS_REFERENCE_REFERENCE_EVALUATOR_H_

// THIS CODE SHOULD NEVER BE USED IN PRODUCTION.
//
// The reference evaluator: a slow, obviously correct transcription of
// shared/spec/entra-semantics.md (sections 2.7-2.12, 4, 5, 6) and
// decisions.md (D1-D18), evaluated directly over the loaded model
// (policy::v1::PolicyBundle). It exists so the indexed engine
// (lib/eval/evaluator.h) can be checked against it on millions of generated
// requests (tests/differential/), in the manner of RE2's
// re2/testing/backtrack.cc. It lives in the crossgate_testing library and is
// never linked into crossgate itself.
//
// Rules of the house:
// - Clarity beats speed: linear scans over strings, no indexes, no caching.
// - Each spec rule is written once, in the file named for it, with the
//   section it comes from:
//     reference_cross_tenant.cc  2.7 inheritance (D1), 2.8 nine-case formula,
//                                2.9 which setting applies (D2, D3), 2.12 TRv2
//     reference_conditions.cc    5.2 applies(P, req), condition by condition
//     reference_grants.cc        5.3 combination, 5.5 trust translation,
//                                6.3/6.4 strengths, D9-D13
//     reference_session.cc       5.4 / D17 session merge
//     reference_evaluator.cc     the stages in order (D5) and 5.6 results
// - It shares no decision logic with lib/. It calls the library's device
//   filter evaluator through ReferenceOptions::device_filter (the filter has
//   its own differential test) and may be given the library's shipped app-set
//   DATA through ReferenceOptions::app_sets; see docs/reference-evaluator.md.

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "crossgate/policy/v1/bundle.pb.h"
#include "lib/eval/request.h"
#include "tests/reference/reference_decision.h"

namespace crossgate {
namespace reference {

// Decides whether a device filter `rule` matches `device` (null = a device
// not registered in the resource tenant: every property null, spec 4.10).
// An error (rule does not parse) makes the reference fail closed (block,
// stage kInternal).
using DeviceFilterMatcher = std::function<absl::StatusOr<bool>(
    absl::string_view rule, const device_filter::DeviceAttributes* device)>;

struct ReferenceOptions {
  // App-set expansions (D18) used for a keyword the tenant's own `app_sets`
  // do not override: keyword (`Office365`, `MicrosoftAdminPortals`,
  // `AllMicrosoftApps`) -> app ids. A keyword in neither contains no app.
  std::map<std::string, std::vector<std::string>> app_sets;

  // Required only when a policy carries a device filter; unset then means
  // the reference fails closed (stage kInternal).
  DeviceFilterMatcher device_filter;
};

// Evaluates `request` against `bundle` and returns the decision. Never fails:
// anything the reference cannot decide is a block with stage kRequest (the
// request is unusable, e.g. unknown resource tenant) or kInternal.
ReferenceDecision ReferenceEvaluate(const policy::v1::PolicyBundle& bundle,
                                    const Request& request,
                                    const ReferenceOptions& options);

}  // namespace reference
}  // namespace crossgate

#endif  // CROSSGATE_TESTS_REFERENCE_REFERENCE_EVALUATOR_H_
