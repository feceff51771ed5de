#ifndef CROSSGATE_LIB_EVAL_GRANT_RESOLVER_H_
#define CROSSGATE_LIB_EVAL_GRANT_RESOLVER_H_

// Grant controls against the session's claims (spec 5.3, 5.5, 6; D9-D13).
// Each control ("atom") is satisfied, challengeable (in the home or the
// resource tenant) or unsatisfiable (a block with a reason). A policy's
// clause combines its atoms with AND / OR; challenged clauses become
// requirement groups, merged across policies in prompt order (D11).

#include <cstdint>

#include "lib/compile/compiled_tenant.h"
#include "lib/eval/decision.h"
#include "lib/eval/request_context.h"
#include "lib/eval/scratch.h"

namespace crossgate {

enum class AtomState : uint8_t {
  kSatisfied = 0,
  kChallengeHome,
  kChallengeResource,
  kUnsatisfiable,
};

// States of the built-in controls (bit = 1 << RequirementKind), computed
// once per request.
struct BuiltinStates {
  uint32_t satisfied = 0;
  uint32_t unsatisfiable = 0;
  uint32_t home = 0;  // challengeable in the home tenant (else resource)
  Reason reason[16] = {};
};

void ComputeBuiltinStates(const RequestContext& ctx, BuiltinStates* out) noexcept;

enum class Verdict : uint8_t { kSatisfied = 0, kChallenge, kUnsatisfiable };

class GrantResolver {
 public:
  GrantResolver(const CompiledTenant& tenant, const RequestContext& ctx,
                EvalScratch& scratch) noexcept;

  // The policy's clause. On kUnsatisfiable, *reason says why.
  Verdict Evaluate(const CompiledPolicy& policy, Reason* reason) noexcept;

  // Verdicts of every policy in `applicable` as two bitsets: satisfied and
  // unsatisfiable (the rest need a challenge). Built-in-only grants are
  // resolved with word operations over requires_builtin; the rest one by
  // one. Returns pointers to scratch rows.
  template <uint32_t W>
  void VerdictSets(const uint64_t* applicable, const uint64_t** satisfied,
                   const uint64_t** unsatisfiable) noexcept;

  // Adds a challenged policy's unmet, challengeable atoms as requirement
  // groups (one per atom for AND, one for the whole clause for OR). Returns
  // false when the pending buffer is full.
  bool Collect(const CompiledPolicy& policy, uint32_t policy_index) noexcept;

  // Dedupes and orders the collected groups into out->requirements (D11).
  // Returns false when they do not fit in Decision::kMaxRequirements.
  bool Assemble(Decision* out) noexcept;

 private:
  AtomState Atom(const GrantAtom& atom, Reason* reason) noexcept;
  AtomState Strength(const GrantAtom& atom, Reason* reason) noexcept;
  bool Push(RequirementKind kind, uint32_t ref, uint32_t local,
            uint32_t policy_index, AtomState state) noexcept;

  const CompiledTenant& tenant_;
  const RequestContext& ctx_;
  EvalScratch& scratch_;
  BuiltinStates builtins_;
  uint32_t stamp_;
  int pending_ = 0;
  int groups_ = 0;
};

}  // namespace crossgate

#endif  // CROSSGATE_LIB_EVAL_GRANT_RESOLVER_H_
