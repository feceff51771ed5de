#ifndef CROSSGATE_CAPI_CORE_H_
#define CROSSGATE_CAPI_CORE_H_

// The lib/ entry points the C ABI calls, in one place. Everything else in
// capi/ is translation; this file is where lib pieces plug in. CMake defines
// CROSSGATE_HAVE_<PIECE> for each lib module present in the tree (see
// capi/CMakeLists.txt); a missing piece makes its entry points fail closed
// with Unimplemented (CROSSGATE_EUNSUPPORTED).

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "crossgate/crossgate.h"
#include "lib/engine/snapshot_publisher.h"
#include "lib/eval/decision.h"
#include "lib/eval/request.h"
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

// Reads and compiles. `issues` receives every issue, warnings included.
absl::StatusOr<std::shared_ptr<const CompiledPolicySet>> LoadAndCompile(
    const LoadInput& input, std::vector<LoadIssue>* issues);

// Evaluates with this thread's scratch and stamps the generation. Per-policy
// results are computed only when `report_policies`.
// noexcept: failures become a Stage::kInternal block.
void EvaluateOn(const PublishedSnapshot& snapshot, const Request& request,
                bool what_if, bool report_policies, Decision* out) noexcept;

// Parses a JSON request into this thread's reusable request storage; the
// returned Request is valid until this thread's next ParseJsonRequest.
absl::StatusOr<const Request*> ParseJsonRequest(const PublishedSnapshot& snapshot,
                                                absl::string_view json);

// Snapshot facts for accessors and JSON rendering.
uint64_t BundleVersion(const CompiledPolicySet& set);
uint32_t PolicyCount(const CompiledPolicySet& set);
absl::string_view PolicyId(const CompiledPolicySet& set, uint32_t index);
absl::string_view PolicyDisplayName(const CompiledPolicySet& set, uint32_t index);
// Id named by a requirement (strength, terms of use, custom control), or "".
absl::string_view RequirementId(const CompiledPolicySet& set, int32_t kind,
                                uint32_t ref);

// Static name of a decision reason code, or null when unknown.
const char* DecisionReasonName(int reason);
// Static name of a collaboration check reason (CROSSGATE_ENUM_INVITATION_
// REASON or _SIGN_UP_REASON), or null.
const char* CheckReasonName(int kind, int reason);

// Collaboration checks (spec 3). The input structs are already validated.
absl::Status CanInvite(const PublishedSnapshot& snapshot,
                       const crossgate_invitation& in, crossgate_check_result* out);
absl::Status CanSelfServiceSignUp(const PublishedSnapshot& snapshot,
                                  const crossgate_sign_up& in,
                                  crossgate_check_result* out);

}  // namespace crossgate::capi

#endif  // CROSSGATE_CAPI_CORE_H_
