#include "lib/eval/scratch.h"

#include <algorithm>
#include <cstring>

#include "lib/compile/compiled_policy_set.h"

namespace crossgate {

EvalScratch::EvalScratch(const CompiledPolicySet& set)
    : EvalScratch(set.max_tenant_policies(), set.max_tenant_strengths()) {}

EvalScratch::EvalScratch(uint32_t policies, uint32_t strengths)
    : policies_(std::max<uint32_t>(policies, 1)),
      words_((policies_ + 63) / 64),
      strengths_(std::max<uint32_t>(strengths, 1)),
      rows_(new uint64_t[static_cast<size_t>(kRows) * words_]()),
      results_(new PolicyOutcome[policies_]),
      strength_state_(new uint8_t[strengths_]()),
      strength_stamp_(new uint32_t[strengths_]()),
      pending_(new Requirement[kMaxPending]),
      groups_(new PendingGroup[kMaxPending]) {}

EvalScratch::EvalScratch(EvalScratch&&) noexcept = default;
EvalScratch& EvalScratch::operator=(EvalScratch&&) noexcept = default;
EvalScratch::~EvalScratch() = default;

void EvalScratch::ResetStamps() {
  std::memset(strength_stamp_.get(), 0, sizeof(uint32_t) * strengths_);
}

}  // namespace crossgate
