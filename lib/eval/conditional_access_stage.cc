#include "lib/eval/conditional_access_stage.h"

#include <cstring>

#include "lib/eval/applicability.h"
#include "lib/eval/bitset.h"
#include "lib/eval/grant_resolver.h"
#include "lib/eval/session_merge.h"

namespace crossgate {
namespace {

// Result by (report-only, satisfied, unsatisfiable): D14 and spec 5.6. An
// enabled policy that needs user interaction reports failure.
constexpr PolicyResult kResults[2][2][2] = {
    {{PolicyResult::kFailure, PolicyResult::kFailure},
     {PolicyResult::kSuccess, PolicyResult::kSuccess}},
    {{PolicyResult::kReportOnlyInterrupted, PolicyResult::kReportOnlyFailure},
     {PolicyResult::kReportOnlySuccess, PolicyResult::kReportOnlySuccess}}};

int FirstSet(const uint64_t* a, const uint64_t* b, uint32_t w) {
  for (uint32_t i = 0; i < w; ++i) {
    if (uint64_t x = a[i] & b[i]) {
      return static_cast<int>(i * 64 + __builtin_ctzll(x));
    }
  }
  return -1;
}

template <uint32_t W>
void Run(const CompiledTenant& t, const RequestContext& ctx,
         const EvaluateOptions& options, EvalScratch& s, Decision* out) {
  const uint32_t w = W != 0 ? W : t.words();
  const uint32_t n = t.policy_count;
  const BitsetPool& pool = t.bits;
  out->stage = Stage::kConditionalAccess;

  DimensionRows dims;
  const uint64_t* applicable = ComputeApplicable<W>(t, ctx, options, s, &dims);
  const uint64_t* enforced = pool.at(t.enforced);
  const bool report = options.report_policies;

  // Verdicts for every applicable policy. Report-only ones (the shadow
  // table) feed only their results below, never the decision.
  GrantResolver grants(t, ctx, s);
  const uint64_t* sat = nullptr;
  const uint64_t* unsat = nullptr;
  uint64_t* in_scope = s.row(22);
  if (report) {
    bits::Copy<W>(in_scope, applicable, w);
  } else {
    for (uint32_t i = 0; i < w; ++i) in_scope[i] = applicable[i] & enforced[i];
  }
  grants.template VerdictSets<W>(in_scope, &sat, &unsat);

  uint64_t* enforced_applicable = s.row(23);
  for (uint32_t i = 0; i < w; ++i) enforced_applicable[i] = applicable[i] & enforced[i];
  const int first_block = FirstSet(enforced_applicable, pool.at(t.block), w);
  const int first_unsat = first_block >= 0 ? first_block
                                           : FirstSet(enforced_applicable, unsat, w);
  if (first_unsat >= 0) {
    // D9 / D14: the first policy (by id) with block, else the first whose
    // grants cannot be met.
    Reason reason = Reason::kNone;
    grants.Evaluate(t.policies[first_unsat], &reason);
    out->outcome = Outcome::kBlock;
    out->deciding_policy = static_cast<int32_t>(t.policy_begin + first_unsat);
    out->reason = static_cast<uint16_t>(reason);
  } else {
    int first_challenge = -1;
    bool overflow = false;
    for (uint32_t i = 0; i < w; ++i) {
      for (uint64_t word = enforced_applicable[i] & ~sat[i]; word != 0;
           word &= word - 1) {
        const uint32_t local = i * 64 + static_cast<uint32_t>(__builtin_ctzll(word));
        if (first_challenge < 0) first_challenge = static_cast<int>(local);
        if (!overflow && !grants.Collect(t.policies[local], t.policy_begin + local)) {
          overflow = true;
        }
      }
    }
    if (first_challenge < 0) {
      out->outcome = Outcome::kAllow;
    } else {
      out->deciding_policy = static_cast<int32_t>(t.policy_begin + first_challenge);
      if (overflow || !grants.Assemble(out)) {
        out->outcome = Outcome::kBlock;  // fail closed
        out->reason = static_cast<uint16_t>(Reason::kTooManyRequirements);
        out->requirement_count = 0;
      } else {
        out->outcome = Outcome::kChallenge;
        out->challenge_location = out->requirements[0].where;
      }
    }
    if (out->outcome != Outcome::kBlock && t.sessions != 0) {
      const uint64_t* sessions = pool.at(t.sessions);
      for (uint32_t i = 0; i < w; ++i) {
        for (uint64_t word = enforced_applicable[i] & sessions[i]; word != 0;
             word &= word - 1) {
          const uint32_t local = i * 64 + static_cast<uint32_t>(__builtin_ctzll(word));
          MergeSession(t.policies[local].session, ctx.direct_connect, &out->session);
        }
      }
    }
  }

  if (!report || n == 0) return;
  PolicyOutcome* results = s.results();
  std::memcpy(results, t.result_template.data(), n * sizeof(PolicyOutcome));
  out->policy_results = absl::Span<const PolicyOutcome>(results, n);
  const uint64_t* shadow = pool.at(t.shadow);
  for (uint32_t i = 0; i < w; ++i) {
    const uint64_t a = applicable[i], sw = shadow[i], sa = sat[i], un = unsat[i];
    for (uint64_t word = a; word != 0; word &= word - 1) {
      const int b = __builtin_ctzll(word);
      PolicyOutcome& r = results[i * 64 + b];
      r.result = kResults[(sw >> b) & 1][(sa >> b) & 1][(un >> b) & 1];
      r.applies = true;
    }
  }
  if (options.what_if) {
    for (uint32_t local = 0; local < n; ++local) {
      if (!results[local].applies) {
        results[local].reason = FirstFailingCondition(t, local, dims, ctx);
      }
    }
  }
}

}  // namespace

void EvaluateConditionalAccess(const CompiledTenant& t, const Request& request,
                               const InboundTrust& trust,
                               const EvaluateOptions& options,
                               EvalScratch& s, Decision* out) noexcept {
  const RequestContext ctx = MakeRequestContext(request, trust);
  bits::DispatchWidth(t.words(), [&]<uint32_t W>() { Run<W>(t, ctx, options, s, out); });
}

}  // namespace crossgate
