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
#include "tests/reference/reference_strengths.h"

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

// True when meeting `atom` meets `clause` (an OR of atoms): the atom is one
// of its alternatives, or (D11) it is a strength that implies MFA and the
// clause accepts mfa.
bool AtomMeetsClause(const Atom& atom,
                     const std::vector<PolicyGrantVerdict::ClauseAtom>& clause,
                     const RequestContext& ctx) {
  for (const auto& c : clause) {
    if (!AtomLess(atom, c.atom) && !AtomLess(c.atom, atom)) return true;
    if (c.atom.kind == RequirementKind::kMfa &&
        atom.kind == RequirementKind::kAuthenticationStrength) {
      const auto* s = FindStrength(*ctx.tenant, atom.ref);
      if (s != nullptr && s->requirements_satisfied() ==
                              policy::v1::AuthenticationStrengthPolicy::
                                  REQUIREMENTS_SATISFIED_MFA) {
        return true;
      }
    }
  }
  return false;
}

// 5.3.6 / D11: the conjunction of the challenging policies' clauses in
// simplest form. A clause A "covers" clause B when meeting any alternative of
// A meets B; a covered clause is dropped (absorption: {mfa} absorbs
// {mfa OR terms}; an MFA-implying strength absorbs {mfa}). Of two clauses that
// cover each other the one from the earlier policy (by id) stays. Clauses are
// then prompted by their first alternative in D11 order, the one with fewer
// alternatives first, then in policy order.
void BuildChallenge(const std::vector<Enforced>& enforced,
                    const RequestContext& ctx, ReferenceDecision* d) {
  struct Clause {
    std::vector<PolicyGrantVerdict::ClauseAtom> atoms;  // sorted, unique
    std::string policy_id;
  };
  std::vector<Clause> clauses;
  for (const Enforced& e : enforced) {
    if (e.grants.state != State::kChallenge) continue;
    for (const auto& atoms : e.grants.clauses) {
      clauses.push_back({atoms, e.policy->id()});
    }
  }
  auto covers = [&ctx](const Clause& a, const Clause& b) {
    for (const auto& x : a.atoms) {
      if (!AtomMeetsClause(x.atom, b.atoms, ctx)) return false;
    }
    return true;
  };
  std::vector<const Clause*> kept;
  for (size_t b = 0; b < clauses.size(); ++b) {
    bool dropped = false;
    for (size_t a = 0; a < clauses.size() && !dropped; ++a) {
      if (a == b || !covers(clauses[a], clauses[b])) continue;
      dropped = !covers(clauses[b], clauses[a]) || a < b;
    }
    if (!dropped) kept.push_back(&clauses[b]);
  }
  std::stable_sort(kept.begin(), kept.end(),
                   [](const Clause* a, const Clause* b) {
                     const Atom& x = a->atoms.front().atom;
                     const Atom& y = b->atoms.front().atom;
                     if (AtomLess(x, y) || AtomLess(y, x))
                       return AtomLess(x, y);
                     return a->atoms.size() < b->atoms.size();
                   });
  int group = 0;
  for (const Clause* c : kept) {
    for (const auto& a : c->atoms) {
      d->requirements.push_back(
          {a.atom.kind, a.atom.ref, c->policy_id, group, a.where});
    }
    ++group;
  }
  // The prompt starts with the first requirement; it says where.
  d->challenge_location = kept.front()->atoms.front().where;
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
  // 5.4: the applying enabled policies' session controls apply once every
  // grant is met, so an allow and a challenge both carry them.
  for (const Enforced& e : enforced) {
    if (e.policy->has_session_controls()) {
      MergeSessionControls(e.policy->session_controls(), ctx, &d->session);
    }
  }
  // 5.3.3-4: every applying enabled policy must be satisfied.
  for (const Enforced& e : enforced) {
    if (e.grants.state == State::kChallenge) {
      d->outcome = Outcome::kChallenge;
      d->deciding_policy_id = e.policy->id();  // the first challenged, by id
      d->reason = "conditional access: interactive grant controls unmet";
      BuildChallenge(enforced, ctx, d);
      return;
    }
  }
  // 5.3.1: allowed.
  d->outcome = Outcome::kAllow;
  d->reason = enforced.empty() ? "conditional access: no applicable policy"
                               : "conditional access: all grant controls met";
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
  // TRv2 first: the network or device owner's restriction is checked
  // before the tenants' own settings are consulted.
  StageVerdict tr = EvaluateTenantRestrictions(ctx);
  if (!tr.permitted) {
    d.stage = Stage::kTenantRestrictions;
    d.reason = tr.reason;
    return d;
  }
  StageVerdict xtap = EvaluateCrossTenantAccess(ctx);
  d.notes = xtap.notes;
  if (!xtap.permitted) {
    d.stage = Stage::kCrossTenantAccess;
    d.reason = xtap.reason;
    return d;
  }
  DecideConditionalAccess(ctx, &d);
  if (d.stage == Stage::kInternal) d.notes = xtap.notes;
  return d;
}

}  // namespace reference
}  // namespace crossgate
