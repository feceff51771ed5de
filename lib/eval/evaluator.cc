#include "lib/eval/evaluator.h"

#include "lib/compile/compiled_tenant.h"
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
}

void Block(Stage stage, Reason reason, Decision* out) {
  out->outcome = Outcome::kBlock;
  out->stage = stage;
  out->reason = static_cast<uint16_t>(reason);
}

// The resource tenant's inbound trust for the request's home tenant (D1
// inheritance applied at compile time).
// TODO(#4): take the effective trust from lib/cross_tenant once it lands.
const InboundTrust& LookupTrust(const CompiledTenant& t, const Request& r) {
  if (r.home_tenant_id.is_zero() || r.home_tenant_id == r.resource_tenant_id ||
      t.partner_trust.empty()) {
    return t.default_trust;
  }
  auto it = t.partner_trust.find(r.home_tenant_id);
  return it == t.partner_trust.end() ? t.default_trust : it->second;
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
  // Cross-tenant access stage: runs here once lib/cross_tenant lands; a
  // denial blocks with Stage::kCrossTenantAccess and no per-policy results
  // (D5).
  const InboundTrust& trust = options.inbound_trust != nullptr
                                  ? *options.inbound_trust
                                  : LookupTrust(tenant, request);
  EvaluateConditionalAccess(tenant, request, trust, options, scratch, out);
}

}  // namespace crossgate
