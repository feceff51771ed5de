// Engine: publication, failed loads, snapshots, per-thread caches, and
// readers racing reloads (run under scripts/dev test --tsan too).

#include <atomic>
#include <thread>
#include <vector>

#include "gtest/gtest.h"
#include "lib/engine/engine.h"
#include "tests/eval/ca_fixture.h"

namespace crossgate::testing {
namespace {

policy::v1::PolicyBundle BlockAll() {
  return TenantBundle(Policy("p", absl::StrCat(AllUsersAllApps(), kGrantBlock)));
}
policy::v1::PolicyBundle AllowAll() { return TenantBundle(Policy("p", AllUsersAllApps())); }

TEST(Engine, BlocksBeforeFirstPublish) {
  crossgate::Engine engine;
  Decision d;
  engine.Evaluate(MemberRequest(), EvaluateOptions(), &d);
  EXPECT_EQ(d.outcome, Outcome::kBlock);
  EXPECT_EQ(d.stage, Stage::kRequest);
  EXPECT_EQ(ReasonName(d.reason), "noPolicySet");
  EXPECT_EQ(engine.generation(), 0u);
  EXPECT_EQ(engine.Snapshot().set, nullptr);
}

TEST(Engine, LoadPublishesAndBumpsGeneration) {
  crossgate::Engine engine;
  ASSERT_TRUE(engine.Load(BlockAll()).ok());
  Decision d;
  engine.Evaluate(MemberRequest(), EvaluateOptions(), &d);
  EXPECT_EQ(d.outcome, Outcome::kBlock);
  EXPECT_EQ(d.generation, 1u);
  ASSERT_TRUE(engine.Load(AllowAll()).ok());
  engine.Evaluate(MemberRequest(), EvaluateOptions(), &d);
  EXPECT_EQ(d.outcome, Outcome::kAllow);
  EXPECT_EQ(d.generation, 2u);
}

TEST(Engine, FailedLoadKeepsPreviousSnapshot) {
  crossgate::Engine engine;
  ASSERT_TRUE(engine.Load(BlockAll()).ok());
  std::vector<LoadIssue> issues;
  absl::Status status = engine.Load(TenantBundle(Policy("p", "") + Policy("p", "")), &issues);
  EXPECT_FALSE(status.ok());
  EXPECT_FALSE(issues.empty());
  EXPECT_EQ(engine.generation(), 1u);
  Decision d;
  engine.Evaluate(MemberRequest(), EvaluateOptions(), &d);
  EXPECT_EQ(d.outcome, Outcome::kBlock);
}

TEST(Engine, PublishRejectsNull) {
  crossgate::Engine engine;
  EXPECT_FALSE(engine.Publish(nullptr).ok());
}

TEST(Engine, SnapshotIsStableAcrossReloads) {
  crossgate::Engine engine;
  ASSERT_TRUE(engine.Load(BlockAll()).ok());
  EngineSnapshot snap = engine.Snapshot();
  ASSERT_TRUE(engine.Load(AllowAll()).ok());
  EvalScratch scratch(*snap.set);
  Decision d;
  Evaluate(*snap.set, MemberRequest(), EvaluateOptions(), scratch, &d);
  EXPECT_EQ(d.outcome, Outcome::kBlock);  // the old set, still alive
  EXPECT_EQ(snap.generation, 1u);
}

TEST(Engine, PerThreadCacheFollowsTheEngineUsed) {
  crossgate::Engine a, b;
  ASSERT_TRUE(a.Load(BlockAll()).ok());
  ASSERT_TRUE(b.Load(AllowAll()).ok());
  Decision d;
  a.Evaluate(MemberRequest(), EvaluateOptions(), &d);
  EXPECT_EQ(d.outcome, Outcome::kBlock);
  b.Evaluate(MemberRequest(), EvaluateOptions(), &d);
  EXPECT_EQ(d.outcome, Outcome::kAllow);
  a.Evaluate(MemberRequest(), EvaluateOptions(), &d);
  EXPECT_EQ(d.outcome, Outcome::kBlock);
}

TEST(Engine, LargerSetAfterReloadGetsALargerScratch) {
  crossgate::Engine engine;
  ASSERT_TRUE(engine.Load(AllowAll()).ok());
  Decision d;
  engine.Evaluate(MemberRequest(), EvaluateOptions(), &d);
  std::string policies;
  for (int i = 0; i < 300; ++i) policies += Policy(absl::StrCat("p", 1000 + i), AllUsersAllApps());
  policies += Policy("z", absl::StrCat(AllUsersAllApps(), kGrantBlock));
  ASSERT_TRUE(engine.Load(TenantBundle(policies)).ok());
  engine.Evaluate(MemberRequest(), EvaluateOptions(), &d);
  EXPECT_EQ(d.outcome, Outcome::kBlock);
  EXPECT_EQ(d.policy_results.size(), 301u);
}

TEST(Engine, ReadersNeverSeeATornSetWhileReloading) {
  crossgate::Engine engine;
  ASSERT_TRUE(engine.Load(BlockAll()).ok());
  std::atomic<bool> stop{false};
  std::atomic<long> decisions{0};
  std::atomic<int> bad{0};
  std::vector<std::thread> readers;
  for (int t = 0; t < 3; ++t) {
    readers.emplace_back([&] {
      Decision d;
      const Request r = MemberRequest();
      while (!stop.load(std::memory_order_relaxed)) {
        engine.Evaluate(r, EvaluateOptions(), &d);
        // Odd generations block, even ones allow.
        const bool expect_block = d.generation % 2 == 1;
        if ((d.outcome == Outcome::kBlock) != expect_block) bad.fetch_add(1);
        decisions.fetch_add(1, std::memory_order_relaxed);
      }
    });
  }
  const policy::v1::PolicyBundle allow = AllowAll(), block = BlockAll();
  for (int i = 0; i < 40; ++i) {
    ASSERT_TRUE(engine.Load(i % 2 == 0 ? allow : block).ok());
  }
  stop = true;
  for (auto& t : readers) t.join();
  EXPECT_EQ(bad.load(), 0);
  EXPECT_GT(decisions.load(), 0);
  EXPECT_EQ(engine.generation(), 41u);
}

}  // namespace
}  // namespace crossgate::testing
