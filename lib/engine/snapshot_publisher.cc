#include "lib/engine/snapshot_publisher.h"

#include <utility>

namespace crossgate {
namespace {

std::atomic<uint64_t> next_publisher_id{1};

// A few publishers per thread cover the usual one-engine-per-process case
// and tests that juggle several; a miss only costs a mutex acquisition.
struct CacheEntry {
  uint64_t publisher_id = 0;
  uint64_t generation = 0;
  std::shared_ptr<const PublishedSnapshot> snapshot;
};
constexpr int kCacheEntries = 4;
thread_local CacheEntry cache[kCacheEntries];
thread_local unsigned cache_victim = 0;

}  // namespace

SnapshotPublisher::SnapshotPublisher()
    : id_(next_publisher_id.fetch_add(1, std::memory_order_relaxed)) {}

SnapshotPublisher::~SnapshotPublisher() = default;

uint64_t SnapshotPublisher::Publish(std::shared_ptr<const CompiledPolicySet> set) {
  absl::MutexLock lock(&mu_);
  uint64_t generation = generation_.load(std::memory_order_relaxed) + 1;
  current_ = std::make_shared<const PublishedSnapshot>(
      PublishedSnapshot{std::move(set), generation});
  // Release: a reader that sees this generation and then takes mu_ (or
  // already holds a snapshot of this generation) sees the complete set.
  generation_.store(generation, std::memory_order_release);
  return generation;
}

std::shared_ptr<const PublishedSnapshot> SnapshotPublisher::Current() const {
  absl::MutexLock lock(&mu_);
  return current_;
}

const PublishedSnapshot* SnapshotPublisher::CurrentCached() const {
  uint64_t now = generation_.load(std::memory_order_acquire);
  if (now == 0) return nullptr;
  CacheEntry* slot = nullptr;
  for (CacheEntry& entry : cache) {
    if (entry.publisher_id == id_) {
      if (entry.generation == now) return entry.snapshot.get();
      slot = &entry;
      break;
    }
  }
  if (slot == nullptr) slot = &cache[cache_victim++ % kCacheEntries];
  std::shared_ptr<const PublishedSnapshot> fresh = Current();
  slot->publisher_id = id_;
  slot->generation = fresh->generation;
  slot->snapshot = std::move(fresh);
  return slot->snapshot.get();
}

}  // namespace crossgate
