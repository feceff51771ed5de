#include "capi/core.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "crossgate/policy/v1/bundle.pb.h"
#include "lib/collaboration/invitation.h"
#include "lib/collaboration/self_service_sign_up.h"
#include "lib/compile/compiler.h"
#include "lib/eval/scratch.h"
#include "lib/load/loader.h"
#include "lib/model/guid.h"
#include "lib/request_json/request_reader.h"

namespace crossgate::capi {
namespace {

// JSON documents start with '{' or '['; a serialized PolicyBundle starts
// with a field tag (0x08 or 0x12), never with either.
bool LooksLikeJson(absl::string_view bytes) {
  for (char c : bytes) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    return c == '{' || c == '[';
  }
  return false;
}

absl::StatusOr<policy::v1::PolicyBundle> ReadInput(const LoadInput& input,
                                                   std::vector<LoadIssue>* issues) {
  LoadOptions options;
  options.bundle_version = input.bundle_version;
  if (!input.from_memory) return LoadPaths(input.paths, options, issues);
  bool json = input.format == LoadFormat::kJson ||
              (input.format == LoadFormat::kAuto && LooksLikeJson(input.bytes));
  return json ? LoadJsonText(input.bytes, options, issues)
              : LoadBinaryBundle(input.bytes, options, issues);
}

thread_local std::unique_ptr<EvalScratch> thread_scratch;

}  // namespace

absl::StatusOr<std::shared_ptr<const CompiledPolicySet>> LoadAndCompile(
    const LoadInput& input, std::vector<LoadIssue>* issues) {
  absl::StatusOr<policy::v1::PolicyBundle> bundle = ReadInput(input, issues);
  if (!bundle.ok()) return bundle.status();
  if (input.bundle_version != 0) bundle->set_bundle_version(input.bundle_version);
  return CompilePolicySet(*bundle, CompileOptions(), issues);
}

EvaluateOptions Options(bool what_if, bool report_policies) {
  EvaluateOptions options;
  options.report_policies = report_policies || what_if;
  options.what_if = what_if;
  options.what_if_unsupplied_not_applied = what_if;
  return options;
}

void EvaluateOn(const EngineSnapshot& snapshot, const Request& request,
                const EvaluateOptions& options, Decision* out) noexcept {
  const CompiledPolicySet& set = *snapshot.set;
  try {
    // Grows once per thread (and after a reload to a larger set); the
    // steady state allocates nothing.
    if (thread_scratch == nullptr || !thread_scratch->Fits(set)) {
      thread_scratch = std::make_unique<EvalScratch>(set);
    }
  } catch (...) {
    *out = Decision();
    out->stage = Stage::kInternal;
    out->reason = static_cast<uint16_t>(Reason::kInternalError);
    out->generation = snapshot.generation;
    return;
  }
  Evaluate(set, request, options, *thread_scratch, out);
  out->generation = snapshot.generation;
}

absl::StatusOr<const Request*> ParseJsonRequest(const CompiledPolicySet& set,
                                                absl::string_view json) {
  thread_local RequestReader reader;
  thread_local ParsedRequest parsed;
  RequestDefaults defaults;
  // A request may leave out resourceTenantId when the bundle has one tenant.
  if (set.tenant_count() == 1) {
    if (auto id = ParseGuid(set.tenant_id(0))) defaults.resource_tenant_id = *id;
  }
  absl::Status status = reader.Parse(json, defaults, &parsed, nullptr);
  if (!status.ok()) return status;
  return &parsed.request();
}

const char* DecisionReasonName(int reason) {
  if (reason < 0 || reason >= static_cast<int>(Reason::kReasonCount)) return nullptr;
  return ReasonName(static_cast<uint16_t>(reason)).data();
}

const char* CheckReasonName(int kind, int reason) {
  using collaboration::InvitationReason;
  using collaboration::SignUpReason;
  if (kind == CROSSGATE_ENUM_INVITATION_REASON && reason >= 0 &&
      reason <= static_cast<int>(InvitationReason::kTenantMismatch)) {
    return collaboration::InvitationReasonName(static_cast<InvitationReason>(reason))
        .data();
  }
  if (kind == CROSSGATE_ENUM_SIGN_UP_REASON && reason >= 0 &&
      reason <= static_cast<int>(SignUpReason::kNoUserFlowForApp)) {
    return collaboration::SignUpReasonName(static_cast<SignUpReason>(reason)).data();
  }
  return nullptr;
}

// TODO(#5): call collaboration::CanInvite / CanSelfServiceSignUp once the
// compiled policy set exposes each tenant's CompiledExternalCollaboration
// and CompiledCrossTenantAccess (lib/compile). Until then both checks fail
// closed.
absl::Status CanInvite(const EngineSnapshot&, const crossgate_invitation&,
                       crossgate_check_result*) {
  return absl::UnimplementedError(
      "the compiled policy set does not expose collaboration settings yet");
}
absl::Status CanSelfServiceSignUp(const EngineSnapshot&, const crossgate_sign_up&,
                                  crossgate_check_result*) {
  return absl::UnimplementedError(
      "the compiled policy set does not expose collaboration settings yet");
}

}  // namespace crossgate::capi
