#include "capi/core.h"

#include <algorithm>
#include <cstring>
#include <iterator>
#include <utility>

#include "absl/container/inlined_vector.h"
#include "absl/strings/str_cat.h"
#include "capi/request_io.h"
#include "crossgate/policy/v1/bundle.pb.h"
#include "lib/collaboration/invitation.h"
#include "lib/collaboration/self_service_sign_up.h"
#include "lib/compile/compiled_tenant.h"
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

bool GrowScratch(const CompiledPolicySet& set,
                 std::unique_ptr<EvalScratch>* scratch) noexcept {
  try {
    *scratch = std::make_unique<EvalScratch>(set);
    return true;
  } catch (...) {
    return false;
  }
}

void InternalFailure(uint64_t generation, Decision* out) noexcept {
  *out = Decision();
  out->stage = Stage::kInternal;
  out->reason = static_cast<uint16_t>(Reason::kInternalError);
  out->generation = generation;
}

void EvaluateOn(const EngineSnapshot& snapshot, const Request& request,
                const EvaluateOptions& options, Decision* out) noexcept {
  EvaluateOn(snapshot, request, options, &thread_scratch, out);
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

// Stable identifiers for the collaboration reasons, in enum order (the
// library's own names are sentences for logs).
constexpr const char* kInvitationReasons[] = {
    "notEvaluated",        "allowedNoDomainRestriction",
    "allowedDomainAllowlisted", "allowedByCrossTenantAccess",
    "inviterNotPermitted", "invalidInviteeEmail",
    "domainBlocked",       "domainNotInAllowlist",
    "domainPolicyInvalid", "blockedByCrossTenantAccess",
    "tenantMismatch"};
static_assert(std::size(kInvitationReasons) ==
              static_cast<size_t>(collaboration::InvitationReason::kTenantMismatch) + 1);
constexpr const char* kSignUpReasons[] = {"notEvaluated", "allowed", "policyAbsent",
                                          "disabled", "noUserFlowForApp"};
static_assert(std::size(kSignUpReasons) ==
              static_cast<size_t>(collaboration::SignUpReason::kNoUserFlowForApp) + 1);

const char* CheckReasonName(int kind, int reason) {
  if (reason < 0) return nullptr;
  const size_t r = static_cast<size_t>(reason);
  if (kind == CROSSGATE_ENUM_INVITATION_REASON && r < std::size(kInvitationReasons)) {
    return kInvitationReasons[r];
  }
  if (kind == CROSSGATE_ENUM_SIGN_UP_REASON && r < std::size(kSignUpReasons)) {
    return kSignUpReasons[r];
  }
  return nullptr;
}

namespace {

const CompiledTenant* TenantOf(const EngineSnapshot& snapshot, const Guid& id) {
  if (snapshot.set == nullptr) return nullptr;
  const int32_t index = snapshot.set->FindTenant(id);
  return index < 0 ? nullptr : &snapshot.set->tenant(static_cast<uint32_t>(index));
}

void WriteCheck(const EngineSnapshot& snapshot, bool allowed, int stage,
                uint32_t reason, crossgate_check_result* out) {
  crossgate_check_result full;
  std::memset(&full, 0, sizeof(full));
  full.struct_size = out->struct_size;
  full.status = CROSSGATE_OK;
  full.outcome = allowed ? CROSSGATE_OUTCOME_ALLOW : CROSSGATE_OUTCOME_BLOCK;
  full.stage = allowed ? CROSSGATE_STAGE_NONE : stage;
  full.reason = reason;
  full.bundle_version = snapshot.set->bundle_version();
  full.generation = snapshot.generation;
  std::memcpy(static_cast<void*>(out), &full,
              std::min<size_t>(out->struct_size, sizeof(full)));
}

}  // namespace

absl::Status CanInvite(const EngineSnapshot& snapshot, const crossgate_invitation& in,
                       crossgate_check_result* out) {
  const CompiledTenant* tenant = TenantOf(snapshot, ToGuid(in.resource_tenant_id));
  if (tenant == nullptr || tenant->collaboration == nullptr) {
    return absl::InvalidArgumentError(
        "invitation/resource_tenant_id: tenant not in the loaded bundle");
  }
  // Role ids as the library's Guid; an inviter holds a handful of roles, so
  // the inline buffer covers every realistic case without allocating.
  absl::InlinedVector<Guid, 16> roles;
  for (size_t i = 0; i < in.inviter_role_count; ++i) {
    roles.push_back(ToGuid(in.inviter_roles[i]));
  }
  collaboration::Inviter inviter;
  inviter.type = in.inviter_kind == CROSSGATE_INVITER_GUEST
                     ? collaboration::InviterType::kGuest
                 : in.inviter_kind == CROSSGATE_INVITER_APPLICATION
                     ? collaboration::InviterType::kApplication
                     : collaboration::InviterType::kMember;
  inviter.roles = absl::MakeConstSpan(roles);
  const Guid home = ToGuid(in.invitee_home_tenant_id);
  const collaboration::InvitationDecision d = collaboration::CanInvite(
      *tenant->collaboration, *tenant->cross_tenant, inviter,
      absl::string_view(in.invitee_email.data, in.invitee_email.size),
      home.is_zero() ? absl::nullopt : absl::optional<Guid>(home));
  const bool xtap = d.reason == collaboration::InvitationReason::kBlockedByCrossTenantAccess;
  WriteCheck(snapshot, d.allowed,
             xtap ? CROSSGATE_STAGE_CROSS_TENANT_ACCESS
                  : CROSSGATE_STAGE_EXTERNAL_COLLABORATION,
             static_cast<uint32_t>(d.reason), out);
  return absl::OkStatus();
}

absl::Status CanSelfServiceSignUp(const EngineSnapshot& snapshot,
                                  const crossgate_sign_up& in,
                                  crossgate_check_result* out) {
  const CompiledTenant* tenant = TenantOf(snapshot, ToGuid(in.resource_tenant_id));
  if (tenant == nullptr || tenant->collaboration == nullptr) {
    return absl::InvalidArgumentError(
        "sign_up/resource_tenant_id: tenant not in the loaded bundle");
  }
  const collaboration::SignUpDecision d = collaboration::CanSelfServiceSignUp(
      *tenant->collaboration, ToGuid(in.application_id));
  WriteCheck(snapshot, d.allowed, CROSSGATE_STAGE_EXTERNAL_COLLABORATION,
             static_cast<uint32_t>(d.reason), out);
  return absl::OkStatus();
}

}  // namespace crossgate::capi
