#ifndef CROSSGATE_TESTS_TESTING_EVALUATORS_H_
#define CROSSGATE_TESTS_TESTING_EVALUATORS_H_

// One small interface over every evaluator the differential test runs (in
// the manner of RE2's tester.h engines and Cedar's CedarTestImplementation):
// load a bundle once, then answer requests as ReferenceDecisions. The
// reference evaluator is always there; the indexed engine joins when
// lib/eval/evaluator.h is on the branch (see engine_evaluator.h).

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "crossgate/policy/v1/bundle.pb.h"
#include "lib/eval/request.h"
#include "tests/reference/reference_evaluator.h"

namespace crossgate {
namespace differential {

// The app-set table both evaluators are given (D18).
using AppSetTable =
    std::vector<std::pair<std::string, std::vector<std::string>>>;

class Evaluator {
 public:
  virtual ~Evaluator() = default;
  virtual std::string name() const = 0;
  // Loads `bundle` (kept by reference; it must outlive the evaluator's use).
  virtual absl::Status Load(const policy::v1::PolicyBundle& bundle) = 0;
  virtual reference::ReferenceDecision Evaluate(const Request& request) = 0;
};

class ReferenceEvaluator : public Evaluator {
 public:
  explicit ReferenceEvaluator(reference::ReferenceOptions options)
      : options_(std::move(options)) {}
  std::string name() const override { return "reference"; }
  absl::Status Load(const policy::v1::PolicyBundle& bundle) override {
    bundle_ = &bundle;
    return absl::OkStatus();
  }
  reference::ReferenceDecision Evaluate(const Request& request) override {
    return reference::ReferenceEvaluate(*bundle_, request, options_);
  }

 private:
  reference::ReferenceOptions options_;
  const policy::v1::PolicyBundle* bundle_ = nullptr;
};

inline reference::ReferenceOptions ReferenceOptionsFor(
    const AppSetTable& sets) {
  reference::ReferenceOptions o;
  for (const auto& [name, ids] : sets) o.app_sets[name] = ids;
  return o;
}

}  // namespace differential
}  // namespace crossgate

#endif  // CROSSGATE_TESTS_TESTING_EVALUATORS_H_
