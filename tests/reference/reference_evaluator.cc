// THIS CODE SHOULD NEVER BE USED IN PRODUCTION (see reference_evaluator.h).

#include "tests/reference/reference_evaluator.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "lib/model/guid.h"
#include "tests/reference/reference_conditions.h"
#include "tests/reference/reference_context.h"
#include "tests/reference/reference_cross_tenant.h"
#include "tests/reference/reference_grants.h"
#include "tests/reference/reference_session.h"

namespace crossgate {
namespace reference {
namespace {

using policy::v1::ConditionalAccessPolicy;
using State = PolicyGrantVerdict::State;

// One applying, enforced policy's verdict, kept for the combination step.
struct Enforced {
  const ConditionalAccessPolicy* policy;
  PolicyGrantVerdict grants;
};

PolicyResult ResultFor(bool report_only, State s) {
  switch (s) {
    case State::kSatisfied:
      return report_only ? PolicyResult::kReportOnlySuccess
                         : PolicyResult::kSuccess;
    case State::kBlocked:
      return report_only ? PolicyResult::kReportOnlyFailure
                         : PolicyResult::kFailure;
    case State::kChallenge:
      // D14: an enabled policy needing interaction reports failure; a
      // report-only one "user action required" (5.6).
      return report_only ? PolicyResult::kReportOnlyInterrupted
                         : PolicyResult::kFailure;
  }
  return PolicyResult::kFailure;
}

// 5.3.6 / D11: the conjunction of the challenging policies' clauses, each
// clause's alternatives in prompt order, duplicate clauses merged (the first
// policy by id keeps them), clauses ordered by their first alternative.
void BuildChallenge(const std::vector<Enforced>& enforced,
                    ReferenceDecision* d) {
  struct Clause {
    std::vector<PolicyGrantVerdict::ClauseAtom> atoms;
    std::string policy_id;
  };
  auto same = [](const Clause& a, const Clause& b) {
    if (a.atoms.size() != b.atoms.size()) return false;
    for (size_t i = 0; i < a.atoms.size(); ++i) {
      if (AtomLess(a.atoms[i].atom, b.atoms[i].atom) ||
          AtomLess(b.atoms[i].atom, a.atoms[i].atom)) {
        return false;
      }
    }
    return true;
  };
  std::vector<Clause> clauses;
  for (const Enforced& e : enforced) {
    if (e.grants.state != State::kChallenge) continue;
    for (const auto& atoms : e.grants.clauses) {
      Clause c{atoms, e.policy->id()};
      bool dup = false;
      for (const Clause& have : clauses) dup = dup || same(have, c);
      if (!dup) clauses.push_back(std::move(c));
    }
  }
  std::stable_sort(
      clauses.begin(), clauses.end(), [](const Clause& a, const Clause& b) {
        return std::lexicographical_compare(a.atoms.begin(), a.atoms.end(),
                                            b.atoms.begin(), b.atoms.end(),
                                            [](const auto& x, const auto& y) {
                                              return AtomLess(x.atom, y.atom);
                                            });
      });
  int group = 0;
  for (const Clause& c : clauses) {
    for (const auto& a : c.atoms) {
      d->requirements.push_back(
          {a.atom.kind, a.atom.ref, c.policy_id, group, a.where});
    }
    ++group;
  }
  // The prompt starts with the first requirement; it says where.
  d->challenge_location = clauses.front().atoms.front().where;
}

void DecideConditionalAccess(const RequestContext& ctx, ReferenceDecision* d) {
  std::vector<const ConditionalAccessPolicy*> policies;
  for (const ConditionalAccessPolicy& p :
       ctx.tenant->conditional_access_policies()) {
    policies.push_back(&p);
  }
  // D14: evaluated and reported in ascending id order.
  std::sort(policies.begin(), policies.end(),
            [](const ConditionalAccessPolicy* a,
               const ConditionalAccessPolicy* b) { return a->id() < b->id(); });

  std::vector<Enforced> enforced;
  for (const ConditionalAccessPolicy* p : policies) {
    ReferencePolicyOutcome out;
    out.policy_id = p->id();
    const bool enabled = p->state() == policy::v1::POLICY_STATE_ENABLED;
    const bool report_only =
        p->state() ==
        policy::v1::POLICY_STATE_ENABLED_FOR_REPORTING_BUT_NOT_ENFORCED;
    if (!enabled && !report_only) {  // 4.14: disabled is never evaluated
      out.result = PolicyResult::kNotEnabled;
      out.reason = WhatIfReason::kPolicyNotEnabled;
      d->policy_results.push_back(out);
      continue;
    }
    const Applicability a = PolicyApplies(*p, ctx);
    if (!a.error.empty()) {  // cannot decide: fail closed
      *d = ReferenceDecision();
      d->stage = Stage::kInternal;
      d->reason = absl::StrCat("policy ", p->id(), ": ", a.error);
      d->deciding_policy_id = p->id();
      return;
    }
    if (!a.applies) {
      out.result = report_only ? PolicyResult::kReportOnlyNotApplied
                               : PolicyResult::kNotApplied;
      out.reason = a.reason;
      d->policy_results.push_back(out);
      continue;
    }
    PolicyGrantVerdict g = EvaluateGrants(*p, ctx);
    out.result = ResultFor(report_only, g.state);
    d->policy_results.push_back(out);
    if (enabled) enforced.push_back({p, std::move(g)});  // 5.1 phase 2
  }

  d->stage = Stage::kConditionalAccess;
  // 5.3.2 / D9: any applying enabled block control wins.
  for (const Enforced& e : enforced) {
    if (e.grants.block_control) {
      d->outcome = Outcome::kBlock;
      d->deciding_policy_id = e.policy->id();
      d->reason = absl::StrCat("conditional access: block control in policy ",
                               e.policy->id());
      return;
    }
  }
  // D10 / D14: otherwise the first policy whose grants can never be met.
  for (const Enforced& e : enforced) {
    if (e.grants.state != State::kBlocked) continue;
    d->outcome = Outcome::kBlock;
    d->deciding_policy_id = e.policy->id();
    // D10: the reason names the unmet controls; a block carries no
    // requirements (nothing the user could do).
    std::string unmet;
    for (const Atom& a : e.grants.unsatisfiable) {
      absl::StrAppend(&unmet, unmet.empty() ? "" : ", ",
                      RequirementKindName(a.kind),
                      a.ref.empty() ? "" : absl::StrCat("(", a.ref, ")"));
    }
    d->reason = absl::StrCat("conditional access: policy ", e.policy->id(),
                             " cannot be met: ", unmet);
    return;
  }
  // 5.3.3-4: every applying enabled policy must be satisfied.
  for (const Enforced& e : enforced) {
    if (e.grants.state == State::kChallenge) {
      d->outcome = Outcome::kChallenge;
      d->reason = "conditional access: interactive grant controls unmet";
      BuildChallenge(enforced, d);
      return;
    }
  }
  // 5.3.1 / 5.4: allowed; the applying enabled policies' session controls.
  d->outcome = Outcome::kAllow;
  d->reason = enforced.empty() ? "conditional access: no applicable policy"
                               : "conditional access: all grant controls met";
  for (const Enforced& e : enforced) {
    if (e.policy->has_session_controls()) {
      MergeSessionControls(e.policy->session_controls(), ctx, &d->session);
    }
  }
}

}  // namespace

ReferenceDecision ReferenceEvaluate(const policy::v1::PolicyBundle& bundle,
                                    const Request& request,
                                    const ReferenceOptions& options) {
  ReferenceDecision d;
  const std::string tenant_id = FormatGuid(request.resource_tenant_id);
  const policy::v1::TenantPolicies* tenant = FindTenant(bundle, tenant_id);
  if (tenant == nullptr) {
    d.stage = Stage::kRequest;
    d.reason = absl::StrCat("resource tenant ", tenant_id, " not in bundle");
    return d;
  }
  const RequestContext ctx =
      MakeRequestContext(bundle, *tenant, request, options);

  // Spec 1 steps 2-3 / 2.9: cross-tenant settings first; D5: a denial stops
  // here with no per-policy results.
  StageVerdict xtap = EvaluateCrossTenantAccess(ctx);
  d.notes = xtap.notes;
  if (!xtap.permitted) {
    d.stage = Stage::kCrossTenantAccess;
    d.reason = xtap.reason;
    return d;
  }
  StageVerdict tr = EvaluateTenantRestrictions(ctx);
  if (!tr.permitted) {
    d.stage = Stage::kTenantRestrictions;
    d.reason = tr.reason;
    return d;
  }
  DecideConditionalAccess(ctx, &d);
  if (d.stage == Stage::kInternal) d.notes = xtap.notes;
  return d;
}

}  // namespace reference
}  // namespace crossgate
