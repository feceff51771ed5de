#ifndef CROSSGATE_LIB_ENGINE_ENGINE_H_
#define CROSSGATE_LIB_ENGINE_ENGINE_H_

// Engine: the current CompiledPolicySet plus a generation counter, with
// atomic publication and hot reload (STYLE 4.4).
//
// Two ways to evaluate:
//  (a) explicit snapshots: Snapshot() once per batch, then
//      crossgate::Evaluate(*snapshot.set, ..., your EvalScratch, ...). The hot
//      path touches no shared state and a batch sees one policy set.
//  (b) Engine::Evaluate(): a per-thread cache keyed by (engine, generation).
//      Each call does one acquire load of the generation; only the first call
//      on a thread after a publish takes the mutex (briefly, never while a
//      load compiles) and, if the new set is larger, allocates a new scratch.
//      Caveat: an idle thread keeps its last snapshot alive until its next
//      call on that engine (or until it exits).
//
// Thread safety: every method is thread-safe. Load compiles outside the
// lock; a failed Load leaves the published set unchanged.

#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

#include <shared_mutex>

#include "absl/status/status.h"
#include "crossgate/policy/v1/bundle.pb.h"
#include "lib/compile/compile_options.h"
#include "lib/compile/compiled_policy_set.h"
#include "lib/eval/decision.h"
#include "lib/eval/evaluator.h"
#include "lib/eval/request.h"
#include "lib/load/load_issue.h"

namespace crossgate {

struct EngineSnapshot {
  std::shared_ptr<const CompiledPolicySet> set;  // null before the first publish
  uint64_t generation = 0;                       // 0 before the first publish
};

class Engine {
 public:
  explicit Engine(const CompileOptions& options = CompileOptions());
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // Compiles `bundle` (outside the lock) and publishes it. On error returns
  // the compile status, appends issues, and keeps the current set.
  absl::Status Load(const policy::v1::PolicyBundle& bundle,
                    std::vector<LoadIssue>* issues = nullptr);

  // Publishes an already compiled set. InvalidArgument for null.
  absl::Status Publish(std::shared_ptr<const CompiledPolicySet> set);

  // The current set and its generation (an explicit snapshot handle).
  EngineSnapshot Snapshot() const;
  uint64_t generation() const {
    return generation_.load(std::memory_order_acquire);
  }

  // Evaluates against the current set through the calling thread's cache.
  // Before the first publish: block (Stage::kRequest, Reason::kNoPolicySet).
  // Decision::generation says which set answered; policy_results point into
  // thread-local scratch, valid until this thread's next call.
  void Evaluate(const Request& request, const EvaluateOptions& options,
                Decision* out) const noexcept;

 private:
  const uint64_t id_;  // distinguishes engines in the per-thread caches
  const CompileOptions options_;
  std::atomic<uint64_t> generation_{0};
  // A pthread-based lock rather than absl::Mutex: Debian's libabsl is not
  // built for ThreadSanitizer, which then cannot see absl::Mutex's ordering
  // and reports every access it guards as a race (docs/reliability.md).
  mutable std::shared_mutex mu_;
  // Guarded by mu_.
  std::shared_ptr<const CompiledPolicySet> current_;
  uint64_t current_generation_ = 0;
  uint64_t next_generation_ = 0;
};

}  // namespace crossgate

#endif  // CROSSGATE_LIB_ENGINE_ENGINE_H_
