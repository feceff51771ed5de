#ifndef CROSSGATE_TESTS_REFERENCE_REFERENCE_GRANTS_H_
#define CROSSGATE_TESTS_REFERENCE_REFERENCE_GRANTS_H_

// THIS CODE SHOULD NEVER BE USED IN PRODUCTION (see reference_evaluator.h).
//
// Grant controls of one policy against the session's claims: atoms (5.3.6),
// the external-user trust translation (5.5, 2.11), authentication strengths
// (6.3, 6.4) and the decisions D9 (block wins), D10 (device/app grants are
// blocks), D12 (custom controls for externals), D13 (legacy clients).

#include <string>
#include <vector>

#include "crossgate/policy/v1/bundle.pb.h"
#include "lib/eval/decision.h"
#include "tests/reference/reference_context.h"

namespace crossgate {
namespace reference {

// One grant control: a kind plus, for strengths / terms / custom controls,
// the id.
struct Atom {
  RequirementKind kind = RequirementKind::kMfa;
  std::string ref;
};
bool AtomLess(const Atom& a, const Atom& b);  // D11 prompt order

enum class AtomState { kMet, kChallenge, kUnsatisfiable };

struct AtomVerdict {
  AtomState state = AtomState::kUnsatisfiable;
  ChallengeLocation where = ChallengeLocation::kNone;  // for kChallenge
};

// Whether the request's claims meet `atom`, could meet it by interaction
// (and where), or never can.
AtomVerdict EvaluateAtom(const Atom& atom, const RequestContext& ctx);

struct PolicyGrantVerdict {
  enum class State { kSatisfied, kChallenge, kBlocked };
  State state = State::kSatisfied;
  bool block_control = false;  // D9: `block` among the built-in controls
  // kChallenge: the unmet interactive clauses (AND: one atom each; OR: one
  // clause holding every interactive alternative), each atom with its
  // location.
  struct ClauseAtom {
    Atom atom;
    ChallengeLocation where;
  };
  std::vector<std::vector<ClauseAtom>> clauses;
  // kBlocked without a block control: the atoms that can never be met, and
  // whether they were alternatives (OR).
  std::vector<Atom> unsatisfiable;
  bool unsatisfiable_are_alternatives = false;
};

PolicyGrantVerdict EvaluateGrants(
    const policy::v1::ConditionalAccessPolicy& policy,
    const RequestContext& ctx);

}  // namespace reference
}  // namespace crossgate

#endif  // CROSSGATE_TESTS_REFERENCE_REFERENCE_GRANTS_H_
