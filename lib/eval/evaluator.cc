#include "lib/eval/evaluator.h"

namespace crossgate {

// TODO(#4): first-commit placeholder (fails closed).
void Evaluate(const CompiledPolicySet&, const Request&, const EvaluateOptions&,
              EvalScratch&, Decision* out) noexcept {
  if (out == nullptr) return;
  *out = Decision();
  out->outcome = Outcome::kBlock;
  out->stage = Stage::kInternal;
  out->reason = static_cast<uint16_t>(Reason::kInternalError);
}

}  // namespace crossgate
