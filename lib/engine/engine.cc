#include "lib/engine/engine.h"

#include <mutex>
#include <utility>

#include "lib/compile/compiler.h"
#include "lib/eval/scratch.h"

namespace crossgate {
namespace {

std::atomic<uint64_t> next_engine_id{1};

// The calling thread's view of one engine (the last one it used).
struct ThreadCache {
  uint64_t engine_id = 0;
  uint64_t generation = 0;
  std::shared_ptr<const CompiledPolicySet> set;
  std::unique_ptr<EvalScratch> scratch;
};

ThreadCache& Cache() {
  thread_local ThreadCache cache;
  return cache;
}

void BlockInto(Decision* out, Stage stage, Reason reason) {
  *out = Decision();
  out->outcome = Outcome::kBlock;
  out->stage = stage;
  out->reason = static_cast<uint16_t>(reason);
}

}  // namespace

Engine::Engine(const CompileOptions& options)
    : id_(next_engine_id.fetch_add(1)), options_(options) {}

Engine::~Engine() = default;

absl::Status Engine::Load(const policy::v1::PolicyBundle& bundle,
                          std::vector<LoadIssue>* issues) {
  auto compiled = CompilePolicySet(bundle, options_, issues);  // no lock held
  if (!compiled.ok()) return compiled.status();
  return Publish(*std::move(compiled));
}

absl::Status Engine::Publish(std::shared_ptr<const CompiledPolicySet> set) {
  if (set == nullptr) {
    return absl::InvalidArgumentError("Engine::Publish: null policy set");
  }
  std::shared_ptr<const CompiledPolicySet> previous;
  {
    std::unique_lock<std::shared_mutex> lock(mu_);
    previous = std::exchange(current_, std::move(set));
    current_generation_ = ++next_generation_;
    generation_.store(current_generation_, std::memory_order_release);
  }
  // `previous` is released outside the lock (its destructor may be long).
  return absl::OkStatus();
}

EngineSnapshot Engine::Snapshot() const {
  std::shared_lock<std::shared_mutex> lock(mu_);
  return EngineSnapshot{current_, current_generation_};
}

void Engine::Evaluate(const Request& request, const EvaluateOptions& options,
                      Decision* out) const noexcept {
  if (out == nullptr) return;
  ThreadCache& cache = Cache();
  const uint64_t generation = generation_.load(std::memory_order_acquire);
  if (cache.engine_id != id_ || cache.generation != generation ||
      cache.set == nullptr) {
    EngineSnapshot snap = Snapshot();
    if (snap.set == nullptr) {
      BlockInto(out, Stage::kRequest, Reason::kNoPolicySet);
      return;
    }
    if (cache.scratch == nullptr || !cache.scratch->Fits(*snap.set)) {
      // Only after a publish: the new set needs a larger scratch.
      // Allocation failure must not escape a noexcept call: fail closed.
      try {
        cache.scratch = std::make_unique<EvalScratch>(*snap.set);
      } catch (...) {
        cache.scratch.reset();
        BlockInto(out, Stage::kInternal, Reason::kInternalError);
        return;
      }
    }
    cache.engine_id = id_;
    cache.generation = snap.generation;
    cache.set = std::move(snap.set);
  }
  crossgate::Evaluate(*cache.set, request, options, *cache.scratch, out);
  out->generation = cache.generation;
}

}  // namespace crossgate
