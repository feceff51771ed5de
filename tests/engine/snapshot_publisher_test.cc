#include "lib/engine/snapshot_publisher.h"

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

#include "gtest/gtest.h"

namespace crossgate {
namespace {

// The publisher never looks inside a set, so tests publish stand-ins: an
// aliasing shared_ptr whose pointer value encodes which set it is, and whose
// owner counts live sets.
struct Token {
  explicit Token(std::atomic<int>* live) : live(live) { ++*live; }
  ~Token() { --*live; }
  std::atomic<int>* live;
  uint64_t id = 0;
};

std::shared_ptr<const CompiledPolicySet> FakeSet(uint64_t id, std::atomic<int>* live) {
  auto token = std::make_shared<Token>(live);
  token->id = id;
  // Aliasing constructor: shares ownership of `token`, points at it.
  return std::shared_ptr<const CompiledPolicySet>(
      token, reinterpret_cast<const CompiledPolicySet*>(token.get()));
}

uint64_t IdOf(const PublishedSnapshot& s) {
  return reinterpret_cast<const Token*>(s.set.get())->id;
}

TEST(SnapshotPublisherTest, EmptyUntilFirstPublish) {
  SnapshotPublisher publisher;
  EXPECT_EQ(publisher.generation(), 0u);
  EXPECT_EQ(publisher.Current(), nullptr);
  EXPECT_EQ(publisher.CurrentCached(), nullptr);
}

TEST(SnapshotPublisherTest, GenerationsCountPublications) {
  std::atomic<int> live{0};
  SnapshotPublisher publisher;
  EXPECT_EQ(publisher.Publish(FakeSet(10, &live)), 1u);
  EXPECT_EQ(publisher.Publish(FakeSet(20, &live)), 2u);
  auto current = publisher.Current();
  ASSERT_NE(current, nullptr);
  EXPECT_EQ(current->generation, 2u);
  EXPECT_EQ(IdOf(*current), 20u);
  const PublishedSnapshot* cached = publisher.CurrentCached();
  ASSERT_NE(cached, nullptr);
  EXPECT_EQ(cached->generation, 2u);
  EXPECT_EQ(IdOf(*cached), 20u);
}

TEST(SnapshotPublisherTest, PinnedSnapshotOutlivesReplacement) {
  std::atomic<int> live{0};
  SnapshotPublisher publisher;
  publisher.Publish(FakeSet(1, &live));
  auto pinned = publisher.Current();
  publisher.Publish(FakeSet(2, &live));
  EXPECT_EQ(IdOf(*pinned), 1u);
  EXPECT_EQ(live.load(), 2);
  pinned.reset();
  EXPECT_EQ(live.load(), 1);  // the replaced set is freed with its last holder
}

TEST(SnapshotPublisherTest, CachesDoNotAliasAcrossPublishers) {
  std::atomic<int> live{0};
  SnapshotPublisher a, b;
  a.Publish(FakeSet(100, &live));
  b.Publish(FakeSet(200, &live));
  EXPECT_EQ(IdOf(*a.CurrentCached()), 100u);
  EXPECT_EQ(IdOf(*b.CurrentCached()), 200u);
  EXPECT_EQ(IdOf(*a.CurrentCached()), 100u);
}

TEST(SnapshotPublisherTest, ReadersSeeConsistentSnapshotsDuringPublishes) {
  std::atomic<int> live{0};
  SnapshotPublisher publisher;
  // Set id == 1000 + generation, so a reader can check every snapshot.
  publisher.Publish(FakeSet(1001, &live));
  std::atomic<bool> stop{false};
  std::atomic<int> bad{0};
  std::atomic<long> reads{0};
  std::vector<std::thread> readers;
  for (int t = 0; t < 3; ++t) {
    readers.emplace_back([&, t] {
      uint64_t last = 0;
      while (!stop.load(std::memory_order_relaxed)) {
        const PublishedSnapshot* s = nullptr;
        if (t == 0) {  // explicit pinning
          auto held = publisher.Current();
          s = held.get();
          if (IdOf(*s) != 1000 + s->generation || s->generation < last) ++bad;
          last = s->generation;
        } else {  // per-thread cache
          s = publisher.CurrentCached();
          if (IdOf(*s) != 1000 + s->generation || s->generation < last) ++bad;
          last = s->generation;
        }
        ++reads;
      }
    });
  }
  // Let every reader start first: on a loaded machine the publishes could
  // otherwise all finish before any reader runs.
  while (reads.load() < 3) std::this_thread::yield();
  for (uint64_t g = 2; g <= 1000; ++g) publisher.Publish(FakeSet(1000 + g, &live));
  stop = true;
  for (auto& r : readers) r.join();
  EXPECT_EQ(bad.load(), 0);
  EXPECT_GT(reads.load(), 0);
  EXPECT_EQ(publisher.generation(), 1000u);
}

}  // namespace
}  // namespace crossgate
