#ifndef CROSSGATE_LIB_EVAL_SCRATCH_H_
#define CROSSGATE_LIB_EVAL_SCRATCH_H_

// Per-thread working memory for Evaluate (cel-cpp's evaluator state): every
// buffer the decision path writes, sized once from a CompiledPolicySet so
// evaluation never allocates. One EvalScratch serves one thread at a time;
// it may be reused across calls and across sets it fits.
//
// Decision::policy_results points into the scratch and stays valid until the
// scratch is used again.

#include <cstdint>
#include <memory>

#include "lib/compile/compiled_policy_set.h"
#include "lib/eval/decision.h"

namespace crossgate {

class CompiledPolicySet;

// A run of alternatives in the pending requirement buffer (one OR group).
struct PendingGroup {
  uint16_t begin = 0;
  uint16_t count = 0;
  bool alive = true;
  // Order-independent digest of the group's atoms: equal groups from many
  // policies are merged as they are collected (GrantResolver::Collect).
  uint64_t digest = 0;
};

class EvalScratch {
 public:
  // Bitset rows the evaluator uses (one per condition dimension plus work
  // rows); see lib/eval/conditional_access_stage.cc.
  static constexpr int kRows = 24;
  // Unmet requirements collected before grouping (several per policy).
  static constexpr int kMaxPending = 256;

  explicit EvalScratch(const CompiledPolicySet& set);
  // Explicit sizing: `policies` per tenant, `strengths` per tenant.
  EvalScratch(uint32_t policies, uint32_t strengths);
  EvalScratch(EvalScratch&&) noexcept;
  EvalScratch& operator=(EvalScratch&&) noexcept;
  ~EvalScratch();

  // True when this scratch is large enough for every tenant of `set`.
  // Inline: the C ABI checks it on every call against a pinned snapshot.
  bool Fits(const CompiledPolicySet& set) const {
    return set.max_tenant_policies() <= policies_ &&
           set.max_tenant_strengths() <= strengths_;
  }

  uint32_t policy_capacity() const { return policies_; }
  uint32_t words_per_row() const { return words_; }

  // Evaluator internals.
  uint64_t* row(int r) { return rows_.get() + static_cast<size_t>(r) * words_; }
  PolicyOutcome* results() { return results_.get(); }
  uint8_t* strength_state() { return strength_state_.get(); }
  uint32_t* strength_stamp() { return strength_stamp_.get(); }
  uint32_t NextStamp() {
    return ++stamp_ == 0 ? (ResetStamps(), ++stamp_) : stamp_;
  }
  Requirement* pending() { return pending_.get(); }
  PendingGroup* groups() { return groups_.get(); }

 private:
  void ResetStamps();

  uint32_t policies_ = 0;
  uint32_t words_ = 0;
  uint32_t strengths_ = 0;
  uint32_t stamp_ = 0;
  std::unique_ptr<uint64_t[]> rows_;
  std::unique_ptr<PolicyOutcome[]> results_;
  std::unique_ptr<uint8_t[]> strength_state_;
  std::unique_ptr<uint32_t[]> strength_stamp_;
  std::unique_ptr<Requirement[]> pending_;
  std::unique_ptr<PendingGroup[]> groups_;
};

}  // namespace crossgate

#endif  // CROSSGATE_LIB_EVAL_SCRATCH_H_
