// Hot reload under load (run under ThreadSanitizer by `scripts/dev test
// --tsan-concurrency` and CI): evaluator threads decide through lib/engine's
// Engine and through the C ABI while a loader thread alternates good loads,
// hostile loads that must fail, and loads of a larger set. Every decision
// must come from a published generation, never be an allow from a failed
// load, and the engine must end on the last good generation.

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "google/protobuf/text_format.h"
#include "crossgate/crossgate.h"
#include "gtest/gtest.h"
#include "lib/engine/engine.h"
#include "lib/load/loader.h"
#include "tests/reliability/hostile_inputs.h"

namespace crossgate::reliability {
namespace {

// n policies; the block policy p0000 applies only when `block` is set. Built
// as text format, not JSON: under ThreadSanitizer, protobuf's inline map code
// (PROTOBUF_TSAN) no longer matches Debian's uninstrumented libprotobuf, and
// JSON parsing goes through maps (docs/reliability.md).
policy::v1::PolicyBundle Bundle(int n, bool block) {
  std::string text = absl::StrCat("tenants { tenant_id: \"", kTenant, "\"");
  for (int i = 0; i < n; ++i) {
    absl::StrAppend(
        &text, " conditional_access_policies { id: \"", absl::StrFormat("p%04d", i),
        "\" state: POLICY_STATE_ENABLED conditions { users { include_users: \"All\" } ",
        "applications { include_applications: \"All\" } client_app_types: CLIENT_APP_TYPE_ALL } ",
        "grant_controls { operator: OPERATOR_OR built_in_controls: ",
        i == 0 && block ? "BUILT_IN_CONTROL_BLOCK" : "BUILT_IN_CONTROL_MFA", " } }");
  }
  absl::StrAppend(&text, " }");
  policy::v1::PolicyBundle bundle;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &bundle));
  IssueCollector issues;
  EXPECT_TRUE(ValidateBundle(bundle, LoadOptions(), issues).ok());
  return bundle;
}

std::string Binary(int n, bool block) { return *SerializeBundle(Bundle(n, block)); }

constexpr int kEvaluators = 3;
constexpr int kReloads = 40;

TEST(ReliabilityConcurrency, EngineReloadsUnderLoad) {
  Engine engine;
  const policy::v1::PolicyBundle mfa = Bundle(2, false), big = Bundle(130, false),
                                 block = Bundle(3, true);
  ASSERT_TRUE(engine.Load(mfa).ok());
  std::atomic<bool> done{false};
  std::atomic<int> bad{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kEvaluators; ++t) {
    threads.emplace_back([&] {
      Request r;
      r.resource_tenant_id = *ParseGuid(kTenant);
      r.client_app = ClientApp::kBrowser;
      uint64_t last = 0;
      while (!done.load()) {
        Decision d;
        engine.Evaluate(r, EvaluateOptions(), &d);
        // Every set here challenges (mfa) or blocks; none allows.
        if (d.outcome == Outcome::kAllow || d.generation < last || d.generation == 0) ++bad;
        last = d.generation;
      }
    });
  }
  for (int i = 0; i < kReloads; ++i) {
    ASSERT_TRUE(engine.Load(i % 3 == 0 ? big : i % 3 == 1 ? block : mfa).ok());
    EXPECT_FALSE(engine.Publish(nullptr).ok());
  }
  done = true;
  for (auto& t : threads) t.join();
  EXPECT_EQ(bad.load(), 0);
  EXPECT_EQ(engine.generation(), 1u + kReloads);
}

TEST(ReliabilityConcurrency, CAbiReloadsWithFailedLoadsUnderLoad) {
  crossgate_engine* engine = nullptr;
  ASSERT_EQ(crossgate_engine_create(&engine, nullptr, nullptr), CROSSGATE_OK);
  crossgate_load_options opts = CROSSGATE_LOAD_OPTIONS_INIT;
  opts.format = CROSSGATE_FORMAT_BINARY;
  const std::string good = Binary(2, false), larger = Binary(130, false);
  // A duplicate tenant: refused by validation.
  const std::string hostile = good + good;
  ASSERT_EQ(crossgate_engine_load_memory(nullptr, engine, good.data(), good.size(), &opts,
                                         nullptr),
            CROSSGATE_OK);
  std::atomic<bool> done{false};
  std::atomic<int> bad{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kEvaluators; ++t) {
    threads.emplace_back([&, t] {
      crossgate_request r = CROSSGATE_REQUEST_INIT;
      crossgate_guid_parse(&r.resource_tenant_id, kTenant, 36, nullptr);
      r.client_app = CROSSGATE_CLIENT_APP_BROWSER;
      crossgate_request batch[2] = {r, r};
      while (!done.load()) {
        crossgate_decision d[2] = {CROSSGATE_DECISION_INIT, CROSSGATE_DECISION_INIT};
        int rc;
        if (t == 0) {
          crossgate_snapshot* s = nullptr;
          if (crossgate_engine_snapshot(&s, engine, nullptr) != CROSSGATE_OK) {
            ++bad;
            continue;
          }
          rc = crossgate_snapshot_evaluate_batch(d, s, batch, 2, nullptr);
          if (d[0].generation != d[1].generation) ++bad;
          crossgate_snapshot_release(s);
        } else {
          rc = crossgate_evaluate(d, engine, &r, nullptr);
        }
        if (rc != CROSSGATE_OK || d[0].outcome != CROSSGATE_OUTCOME_CHALLENGE) ++bad;
      }
    });
  }
  uint64_t published = 1;
  for (int i = 0; i < kReloads; ++i) {
    const std::string& doc = i % 2 ? hostile : (i % 4 ? good : larger);
    const int rc = crossgate_engine_load_memory(nullptr, engine, doc.data(), doc.size(),
                                                &opts, nullptr);
    if (i % 2) {
      EXPECT_EQ(rc, CROSSGATE_ESEMANTIC);  // duplicate_id
    } else {
      EXPECT_EQ(rc, CROSSGATE_OK);
      ++published;
    }
  }
  done = true;
  for (auto& t : threads) t.join();
  EXPECT_EQ(bad.load(), 0);
  EXPECT_EQ(crossgate_engine_generation(engine), published);
  crossgate_engine_destroy(engine);
}

}  // namespace
}  // namespace crossgate::reliability
