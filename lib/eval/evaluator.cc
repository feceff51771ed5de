#include "lib/eval/evaluator.h"

#include "lib/compile/compiled_tenant.h"
#include "lib/cross_tenant/cross_tenant_stage.h"
#include "lib/eval/conditional_access_stage.h"

namespace crossgate {
namespace {

void Reset(const CompiledPolicySet& set, Decision* out) {
  // Field by field: the requirements array is only valid up to
  // requirement_count, so it is not cleared.
  out->outcome = Outcome::kBlock;  // fail closed until decided
  out->stage = Stage::kNone;
  out->challenge_location = ChallengeLocation::kNone;
  out->reason = static_cast<uint16_t>(Reason::kNone);
  out->deciding_policy = -1;
  out->requirement_count = 0;
  out->session = SessionOutcome();
  out->policy_results = absl::Span<const PolicyOutcome>();
  out->bundle_version = set.bundle_version();
  out->generation = 0;
  out->tenant_index = -1;
  out->cross_tenant_reason = 0;
  out->home_outbound_evaluated = false;
}

void Block(Stage stage, Reason reason, Decision* out) {
  out->outcome = Outcome::kBlock;
  out->stage = stage;
  out->reason = static_cast<uint16_t>(reason);
}

const CompiledTenant* FindOther(const CompiledPolicySet& set, const Guid& id,
                                const Guid& resource) {
  if (id.is_zero() || id == resource) return nullptr;
  const int32_t index = set.FindTenant(id);
  return index < 0 ? nullptr : &set.tenant(static_cast<uint32_t>(index));
}

}  // namespace

void Evaluate(const CompiledPolicySet& set, const Request& request,
              const EvaluateOptions& options, EvalScratch& scratch,
              Decision* out) noexcept {
  if (out == nullptr) return;
  Reset(set, out);
  if (!scratch.Fits(set)) {
    Block(Stage::kInternal, Reason::kScratchTooSmall, out);
    return;
  }
  const int32_t tenant_index = set.FindTenant(request.resource_tenant_id);
  if (tenant_index < 0) {
    // A tenant without policies in the bundle cannot be decided: fail closed.
    Block(Stage::kRequest, Reason::kUnknownResourceTenant, out);
    return;
  }
  out->tenant_index = tenant_index;
  const CompiledTenant& tenant = set.tenant(static_cast<uint32_t>(tenant_index));

  // Cross-tenant access first (spec 1 step 2): the home tenant's outbound
  // side only when it is in the bundle (D2); a denial blocks with no
  // per-policy results (D5).
  const Guid& resource = request.resource_tenant_id;
  const CompiledTenant* home = FindOther(set, request.home_tenant_id, resource);
  const CompiledTenant* restricting =
      request.tenant_restrictions_signal
          ? FindOther(set, request.tenant_restrictions_tenant_id, resource)
          : nullptr;
  cross_tenant::CrossTenantResult xtap;
  cross_tenant::EvaluateCrossTenant(
      *tenant.cross_tenant, home ? home->cross_tenant.get() : nullptr,
      restricting ? restricting->cross_tenant.get() : nullptr, request, &xtap);
  out->cross_tenant_reason = static_cast<uint16_t>(xtap.reason);
  out->home_outbound_evaluated = xtap.home_outbound_evaluated;
  if (!xtap.allowed) {
    Block(xtap.stage == Stage::kNone ? Stage::kCrossTenantAccess : xtap.stage,
          xtap.stage == Stage::kInternal ? Reason::kInternalError
                                         : Reason::kCrossTenantAccessDenied,
          out);
    return;
  }

  InboundTrust trust;
  if (options.inbound_trust != nullptr) {
    trust = *options.inbound_trust;
  } else {
    trust.mfa_accepted = xtap.inbound_trust.mfa_accepted;
    trust.compliant_device_accepted = xtap.inbound_trust.compliant_device_accepted;
    trust.hybrid_joined_device_accepted =
        xtap.inbound_trust.hybrid_joined_device_accepted;
    trust.extra_user_types = xtap.extra_user_type_bits;
  }
  EvaluateConditionalAccess(tenant, request, trust, options, scratch, out);
}

}  // namespace crossgate
