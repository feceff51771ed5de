#include "capi/core.h"

#include <fstream>
#include <sstream>
#include <utility>

#include "absl/strings/str_cat.h"

#if CROSSGATE_HAVE_EVALUATOR
#include "lib/compile/compiled_policy_set.h"
#include "lib/compile/compiler.h"
#include "lib/eval/evaluator.h"
#include "lib/eval/scratch.h"
#endif
#if CROSSGATE_HAVE_LOADER
#include "lib/load/loader.h"
#endif
#if CROSSGATE_HAVE_REQUEST_JSON
#include "lib/request_json/request_reader.h"
#endif
#include "crossgate/policy/v1/bundle.pb.h"
#include "lib/model/guid.h"

namespace crossgate::capi {
namespace {

[[maybe_unused]] absl::Status Missing(absl::string_view piece) {
  return absl::UnimplementedError(
      absl::StrCat(piece, " is not part of this build"));
}

// JSON documents start with '{' or '['; a serialized PolicyBundle starts
// with a field tag (0x08 or 0x12), never with either.
[[maybe_unused]] bool LooksLikeJson(absl::string_view bytes) {
  for (char c : bytes) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    return c == '{' || c == '[';
  }
  return false;
}

#if CROSSGATE_HAVE_EVALUATOR && !CROSSGATE_HAVE_LOADER
// Without lib/load/loader.h only binary bundles load, parsed as protobuf;
// CompilePolicySet still validates them.
absl::StatusOr<policy::v1::PolicyBundle> ReadBinary(absl::string_view bytes,
                                                    absl::string_view where,
                                                    std::vector<LoadIssue>* issues) {
  policy::v1::PolicyBundle bundle;
  if (LooksLikeJson(bytes)) {
    issues->push_back({LoadIssue::Severity::kError, IssueCode::kUnsupportedFeature,
                       std::string(where), "JSON loading needs lib/load/loader"});
    return Missing("the Graph JSON loader");
  }
  if (!bundle.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    issues->push_back({LoadIssue::Severity::kError, IssueCode::kMalformedInput,
                       std::string(where), "not a serialized PolicyBundle"});
    return absl::InvalidArgumentError(absl::StrCat(where, ": not a PolicyBundle"));
  }
  return bundle;
}

absl::StatusOr<policy::v1::PolicyBundle> ReadInput(const LoadInput& input,
                                                   std::vector<LoadIssue>* issues) {
  if (input.from_memory) {
    if (input.format == LoadFormat::kJson) return Missing("the Graph JSON loader");
    return ReadBinary(input.bytes, "", issues);
  }
  if (input.paths.size() != 1) return Missing("multi-file loading (lib/load/loader)");
  std::ifstream file(input.paths[0], std::ios::binary);
  std::stringstream contents;
  if (!file || !(contents << file.rdbuf())) {
    issues->push_back({LoadIssue::Severity::kError, IssueCode::kIo, input.paths[0],
                       "cannot read the file"});
    return absl::NotFoundError(absl::StrCat(input.paths[0], ": cannot read"));
  }
  return ReadBinary(contents.str(), input.paths[0], issues);
}
#elif CROSSGATE_HAVE_EVALUATOR
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
#endif

}  // namespace

#if CROSSGATE_HAVE_EVALUATOR

absl::StatusOr<std::shared_ptr<const CompiledPolicySet>> LoadAndCompile(
    const LoadInput& input, std::vector<LoadIssue>* issues) {
  absl::StatusOr<policy::v1::PolicyBundle> bundle = ReadInput(input, issues);
  if (!bundle.ok()) return bundle.status();
  if (input.bundle_version != 0) bundle->set_bundle_version(input.bundle_version);
  return CompilePolicySet(*bundle, CompileOptions(), issues);
}

namespace {
thread_local std::unique_ptr<EvalScratch> thread_scratch;
}  // namespace

void EvaluateOn(const PublishedSnapshot& snapshot, const Request& request,
                bool what_if, bool report_policies, Decision* out) noexcept {
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
  EvaluateOptions options;
  options.report_policies = report_policies || what_if;
  options.what_if = what_if;
  options.what_if_unsupplied_not_applied = what_if;
  Evaluate(set, request, options, *thread_scratch, out);
  out->generation = snapshot.generation;
}

uint64_t BundleVersion(const CompiledPolicySet& set) { return set.bundle_version(); }
uint32_t PolicyCount(const CompiledPolicySet& set) { return set.policy_count(); }
absl::string_view PolicyId(const CompiledPolicySet& set, uint32_t index) {
  return set.policy_id(index);
}
absl::string_view PolicyDisplayName(const CompiledPolicySet& set, uint32_t index) {
  return set.policy_display_name(index);
}
absl::string_view RequirementId(const CompiledPolicySet& set, int32_t kind,
                                uint32_t ref) {
  Requirement r;
  r.kind = static_cast<RequirementKind>(kind);
  r.ref = ref;
  return set.RequirementId(r);
}
const char* DecisionReasonName(int reason) {
  if (reason < 0 || reason >= static_cast<int>(Reason::kReasonCount)) return nullptr;
  return ReasonName(static_cast<uint16_t>(reason)).data();
}

#else  // !CROSSGATE_HAVE_EVALUATOR

absl::StatusOr<std::shared_ptr<const CompiledPolicySet>> LoadAndCompile(
    const LoadInput&, std::vector<LoadIssue>*) {
  return Missing("the Conditional Access compiler (lib/compile)");
}
void EvaluateOn(const PublishedSnapshot& snapshot, const Request&, bool, bool,
                Decision* out) noexcept {
  *out = Decision();
  out->stage = Stage::kInternal;
  out->generation = snapshot.generation;
}
uint64_t BundleVersion(const CompiledPolicySet&) { return 0; }
uint32_t PolicyCount(const CompiledPolicySet&) { return 0; }
absl::string_view PolicyId(const CompiledPolicySet&, uint32_t) { return {}; }
absl::string_view PolicyDisplayName(const CompiledPolicySet&, uint32_t) { return {}; }
absl::string_view RequirementId(const CompiledPolicySet&, int32_t, uint32_t) {
  return {};
}
const char* DecisionReasonName(int) { return nullptr; }

#endif  // CROSSGATE_HAVE_EVALUATOR

#if CROSSGATE_HAVE_REQUEST_JSON && CROSSGATE_HAVE_EVALUATOR
absl::StatusOr<const Request*> ParseJsonRequest(const PublishedSnapshot& snapshot,
                                                absl::string_view json) {
  thread_local RequestReader reader;
  thread_local ParsedRequest parsed;
  RequestDefaults defaults;
  // A request may leave out resourceTenantId when the bundle has one tenant.
  if (snapshot.set->tenant_count() == 1) {
    if (auto id = ParseGuid(snapshot.set->tenant_id(0))) {
      defaults.resource_tenant_id = *id;
    }
  }
  absl::Status status = reader.Parse(json, defaults, &parsed, nullptr);
  if (!status.ok()) return status;
  return &parsed.request();
}
#else
absl::StatusOr<const Request*> ParseJsonRequest(const PublishedSnapshot&,
                                                absl::string_view) {
  return Missing("the JSON request reader (lib/request_json)");
}
#endif

#if __has_include("lib/collaboration/invitation.h")
}  // namespace crossgate::capi
#include "lib/collaboration/invitation.h"
namespace crossgate::capi {
const char* CheckReasonName(int kind, int reason) {
  using collaboration::InvitationReason;
  if (kind == CROSSGATE_ENUM_INVITATION_REASON && reason >= 0 &&
      reason <= static_cast<int>(InvitationReason::kTenantMismatch)) {
    return collaboration::InvitationReasonName(static_cast<InvitationReason>(reason))
        .data();
  }
  return nullptr;
}
#else
const char* CheckReasonName(int, int) { return nullptr; }
#endif

// TODO(#5): call collaboration::CanInvite once the compiled policy set
// exposes each tenant's CompiledExternalCollaboration and
// CompiledCrossTenantAccess (lib/compile), and a self-service sign-up check
// exists in lib/collaboration.
absl::Status CanInvite(const PublishedSnapshot&, const crossgate_invitation&,
                       crossgate_check_result*) {
  return Missing("the invitation check (lib/collaboration)");
}
absl::Status CanSelfServiceSignUp(const PublishedSnapshot&,
                                  const crossgate_sign_up&,
                                  crossgate_check_result*) {
  return Missing("the self-service sign-up check (lib/collaboration)");
}

}  // namespace crossgate::capi
