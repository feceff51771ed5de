#ifndef CROSSGATE_TESTS_TESTING_ENGINE_EVALUATOR_H_
#define CROSSGATE_TESTS_TESTING_ENGINE_EVALUATOR_H_

// The indexed engine (lib/compile/compiler.h + lib/eval/evaluator.h) behind
// the differential Evaluator interface, its Decision translated to a
// ReferenceDecision through the set's index -> id accessors. Until the
// engine is on the branch, AddEngineEvaluator adds nothing and callers run
// the reference alone.

#include <memory>
#include <string>
#include <vector>

#include "tests/testing/evaluators.h"

#if __has_include("lib/eval/evaluator.h") && __has_include("lib/compile/compiler.h")
#define CROSSGATE_TESTING_HAVE_ENGINE 1
#include "lib/compile/compiler.h"
#include "lib/eval/evaluator.h"
#include "lib/eval/scratch.h"
#endif

namespace crossgate {
namespace differential {

#ifdef CROSSGATE_TESTING_HAVE_ENGINE

class EngineEvaluator : public Evaluator {
 public:
  std::string name() const override { return "engine"; }

  absl::Status Load(const policy::v1::PolicyBundle& bundle) override {
    std::vector<LoadIssue> issues;
    absl::StatusOr<std::shared_ptr<const CompiledPolicySet>> set =
        CompilePolicySet(bundle, CompileOptions(), &issues);
    if (!set.ok()) return set.status();
    set_ = *std::move(set);
    scratch_ = std::make_unique<EvalScratch>(*set_);
    return absl::OkStatus();
  }

  reference::ReferenceDecision Evaluate(const Request& request) override {
    Decision d;
    Evaluate(request, EvaluateOptions(), &d);
    return Translate(d);
  }

  // Evaluation with explicit options (What-If).
  void Evaluate(const Request& request, const EvaluateOptions& options,
                Decision* out) {
    ::crossgate::Evaluate(*set_, request, options, *scratch_, out);
  }

  reference::ReferenceDecision Translate(const Decision& d) const {
    reference::ReferenceDecision r;
    r.outcome = d.outcome;
    r.stage = d.stage;
    r.challenge_location = d.challenge_location;
    r.reason = std::string(ReasonName(d.reason));
    if (d.deciding_policy >= 0) {
      r.deciding_policy_id = std::string(set_->policy_id(d.deciding_policy));
    }
    for (int i = 0; i < d.requirement_count; ++i) {
      const Requirement& q = d.requirements[i];
      r.requirements.push_back({q.kind, std::string(set_->RequirementId(q)),
                                std::string(set_->policy_id(q.policy_index)),
                                q.group, q.where});
    }
    r.session = d.session;
    for (const PolicyOutcome& p : d.policy_results) {
      r.policy_results.push_back(
          {std::string(set_->policy_id(p.policy_index)), p.result, p.reason});
    }
    return r;
  }

  const CompiledPolicySet& set() const { return *set_; }

 private:
  std::shared_ptr<const CompiledPolicySet> set_;
  std::unique_ptr<EvalScratch> scratch_;
};

inline bool HaveEngine() { return true; }

inline void AddEngineEvaluator(const AppSetTable& /*app_sets*/,
                               std::vector<std::unique_ptr<Evaluator>>* out) {
  out->push_back(std::make_unique<EngineEvaluator>());
}

#else

inline bool HaveEngine() { return false; }

inline void AddEngineEvaluator(const AppSetTable& /*app_sets*/,
                               std::vector<std::unique_ptr<Evaluator>>* /*out*/) {}

#endif

}  // namespace differential
}  // namespace crossgate

#endif  // CROSSGATE_TESTS_TESTING_ENGINE_EVALUATOR_H_
