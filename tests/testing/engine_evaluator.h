#ifndef CROSSGATE_TESTS_TESTING_ENGINE_EVALUATOR_H_
#define CROSSGATE_TESTS_TESTING_ENGINE_EVALUATOR_H_

// The indexed engine behind the differential Evaluator interface. Until the
// engine (lib/compile/compiler.h, lib/eval/evaluator.h) is on the branch,
// AddEngineEvaluator adds nothing and the differential test checks the
// reference's invariants only.

#include <memory>
#include <vector>

#include "tests/testing/evaluators.h"

namespace crossgate {
namespace differential {

inline void AddEngineEvaluator(
    const AppSetTable& /*app_sets*/,
    std::vector<std::unique_ptr<Evaluator>>* /*out*/) {}

}  // namespace differential
}  // namespace crossgate

#endif  // CROSSGATE_TESTS_TESTING_ENGINE_EVALUATOR_H_
