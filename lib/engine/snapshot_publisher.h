#ifndef CROSSGATE_LIB_ENGINE_SNAPSHOT_PUBLISHER_H_
#define CROSSGATE_LIB_ENGINE_SNAPSHOT_PUBLISHER_H_

// Atomic publication of immutable compiled policy sets (STYLE 4.4).
//
// A SnapshotPublisher holds the snapshot now serving. Publish() swaps in a
// new one under a mutex and bumps the generation with a release store;
// readers never see a half-built set because a set is complete before it is
// published and never changes afterwards.
//
// Readers have two ways in:
//  (a) Current(): a shared_ptr copy, for callers that pin a snapshot across
//      many requests (the C ABI's crossgate_snapshot).
//  (b) CurrentCached(): a per-thread cache keyed by (publisher, generation).
//      The common case is one acquire load and a compare, touching no shared
//      cache line; only after a publication does the thread take the mutex
//      once to refresh its copy. Caveat: an idle thread keeps the snapshot it
//      last used alive until its next call on that publisher (or until the
//      thread exits).
//
// Thread safety: thread-safe. Publish calls are serialized; reads never
// wait for a compile (compilation happens before Publish is called).

#include <atomic>
#include <cstdint>
#include <memory>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"

namespace crossgate {

class CompiledPolicySet;  // lib/compile/compiled_policy_set.h

// One published set and the generation it was published as.
struct PublishedSnapshot {
  std::shared_ptr<const CompiledPolicySet> set;
  uint64_t generation = 0;  // 1, 2, ... in publication order
};

class SnapshotPublisher {
 public:
  SnapshotPublisher();
  SnapshotPublisher(const SnapshotPublisher&) = delete;
  SnapshotPublisher& operator=(const SnapshotPublisher&) = delete;
  ~SnapshotPublisher();

  // Publishes `set` (non-null) and returns its generation.
  uint64_t Publish(std::shared_ptr<const CompiledPolicySet> set);

  // The generation now serving; 0 before the first Publish. Wait-free.
  uint64_t generation() const {
    return generation_.load(std::memory_order_acquire);
  }

  // The snapshot now serving, or null before the first Publish.
  std::shared_ptr<const PublishedSnapshot> Current() const;

  // As Current(), through this thread's cache. The pointer stays valid until
  // this thread's next CurrentCached call on any publisher. Null before the
  // first Publish.
  const PublishedSnapshot* CurrentCached() const;

 private:
  const uint64_t id_;  // unique per publisher: cache keys never alias
  mutable absl::Mutex mu_;
  std::shared_ptr<const PublishedSnapshot> current_ ABSL_GUARDED_BY(mu_);
  std::atomic<uint64_t> generation_{0};
};

}  // namespace crossgate

#endif  // CROSSGATE_LIB_ENGINE_SNAPSHOT_PUBLISHER_H_
