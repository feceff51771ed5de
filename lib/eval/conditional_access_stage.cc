#include "lib/eval/conditional_access_stage.h"

#include <cstring>

#include "lib/eval/applicability.h"
#include "lib/eval/bitset.h"
#include "lib/eval/grant_resolver.h"
#include "lib/eval/session_merge.h"

namespace crossgate {
namespace {

PolicyResult ResultFor(PolicyMode mode, Verdict v) {
  if (mode == PolicyMode::kEnabled) {
    // D14: an enabled policy that needs user interaction reports failure.
    return v == Verdict::kSatisfied ? PolicyResult::kSuccess
                                    : PolicyResult::kFailure;
  }
  switch (v) {  // spec 5.6
    case Verdict::kSatisfied: return PolicyResult::kReportOnlySuccess;
    case Verdict::kChallenge: return PolicyResult::kReportOnlyInterrupted;
    default: return PolicyResult::kReportOnlyFailure;
  }
}

}  // namespace

void EvaluateConditionalAccess(const CompiledTenant& t, const Request& request,
                               const InboundTrust& trust,
                               const EvaluateOptions& options,
                               EvalScratch& s, Decision* out) noexcept {
  const RequestContext ctx = MakeRequestContext(request, trust);
  const uint32_t w = t.words();
  const uint32_t n = t.policy_count;
  out->stage = Stage::kConditionalAccess;

  DimensionRows dims;
  const uint64_t* applicable = ComputeApplicable(t, ctx, options, s, &dims);
  const uint64_t* enforced = t.bits.at(t.enforced);

  PolicyOutcome* results = s.results();
  const bool report = options.report_policies;
  if (report && n > 0) {
    std::memcpy(results, t.result_template.data(), n * sizeof(PolicyOutcome));
    out->policy_results = absl::Span<const PolicyOutcome>(results, n);
  }

  // Enforced policies decide; report-only ones (the shadow table) are
  // resolved only into their results and never touch the decision.
  GrantResolver grants(t, ctx, s);
  int first_block = -1, first_unsat = -1, first_challenge = -1;
  Reason unsat_reason = Reason::kNone;
  bool overflow = false;
  for (uint32_t i = 0; i < w; ++i) {
    uint64_t word = applicable[i];
    if (!report) word &= enforced[i];
    for (; word != 0; word &= word - 1) {
      const uint32_t local = i * 64 + static_cast<uint32_t>(__builtin_ctzll(word));
      const CompiledPolicy& p = t.policies[local];
      Reason reason = Reason::kNone;
      const Verdict v = grants.Evaluate(p, &reason);
      if (p.mode == PolicyMode::kEnabled) {
        if (v == Verdict::kUnsatisfiable) {
          if (p.grant.block && first_block < 0) first_block = static_cast<int>(local);
          if (first_unsat < 0) {
            first_unsat = static_cast<int>(local);
            unsat_reason = reason;
          }
        } else if (v == Verdict::kChallenge) {
          if (first_challenge < 0) first_challenge = static_cast<int>(local);
          if (!overflow && !grants.Collect(p, t.policy_begin + local)) overflow = true;
        }
      }
      if (report) {
        results[local].result = ResultFor(p.mode, v);
        results[local].applies = true;
      }
    }
  }

  if (first_block >= 0 || first_unsat >= 0) {
    // D9 / D14: the first policy (by id) with block, else the first whose
    // grants cannot be met.
    out->outcome = Outcome::kBlock;
    const int decider = first_block >= 0 ? first_block : first_unsat;
    out->deciding_policy = static_cast<int32_t>(t.policy_begin + decider);
    out->reason = static_cast<uint16_t>(first_block >= 0 ? Reason::kBlockControl
                                                         : unsat_reason);
  } else if (first_challenge >= 0) {
    out->deciding_policy = static_cast<int32_t>(t.policy_begin + first_challenge);
    if (overflow || !grants.Assemble(out)) {
      out->outcome = Outcome::kBlock;  // fail closed
      out->reason = static_cast<uint16_t>(Reason::kTooManyRequirements);
      out->requirement_count = 0;
    } else {
      out->outcome = Outcome::kChallenge;
      out->challenge_location = out->requirements[0].where;
    }
  } else {
    out->outcome = Outcome::kAllow;
  }

  if (out->outcome != Outcome::kBlock) {
    for (uint32_t i = 0; i < w; ++i) {
      for (uint64_t word = applicable[i] & enforced[i]; word != 0; word &= word - 1) {
        const uint32_t local = i * 64 + static_cast<uint32_t>(__builtin_ctzll(word));
        MergeSession(t.policies[local].session, ctx.direct_connect, &out->session);
      }
    }
  }

  if (options.what_if && report) {
    for (uint32_t local = 0; local < n; ++local) {
      if (!results[local].applies) {
        results[local].reason = FirstFailingCondition(t, local, dims, ctx);
      }
    }
  }
}

}  // namespace crossgate
