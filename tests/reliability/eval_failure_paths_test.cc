// Evaluation never allows by accident (issue #8 section 5): every path on
// which a decision cannot be made normally (scratch too small, too many
// unmet requirements, no policy set, unknown tenant, a cross-tenant stage
// given the wrong tenant, an allocation failure while growing the per-thread
// scratch) is forced here, and each must answer block, with a stage/reason
// that says why, whatever the output held before.
//
// Allocation failures are forced by replacing the global operator new for
// this binary: allocations go to malloc as usual until a thread arms
// FailAllocationsAbove(n), after which that thread's allocations larger than
// n bytes throw std::bad_alloc.

#include <cstdlib>
#include <memory>
#include <new>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "crossgate/crossgate.h"
#include "gtest/gtest.h"
#include "lib/compile/compiled_tenant.h"
#include "lib/compile/compiler.h"
#include "lib/cross_tenant/cross_tenant_stage.h"
#include "lib/engine/engine.h"
#include "lib/eval/evaluator.h"
#include "lib/eval/scratch.h"
#include "lib/load/loader.h"
#include "tests/reliability/hostile_inputs.h"

// ThreadSanitizer's runtime provides operator new/delete; the replacement is
// left out there and the two allocation tests skip (the TSan leg runs only
// the concurrency tests; the plain and ASan builds run these).
#if defined(__SANITIZE_THREAD__)
#define CROSSGATE_REPLACE_OPERATOR_NEW 0
#else
#define CROSSGATE_REPLACE_OPERATOR_NEW 1
#endif

namespace {
thread_local size_t fail_above = 0;  // 0 = never fail
}  // namespace

#if CROSSGATE_REPLACE_OPERATOR_NEW
namespace {

void* Allocate(size_t size) {
  if (fail_above != 0 && size > fail_above) throw std::bad_alloc();
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
}  // namespace

void* operator new(size_t size) { return Allocate(size); }
void* operator new[](size_t size) { return Allocate(size); }
void* operator new(size_t size, const std::nothrow_t&) noexcept {
  try {
    return Allocate(size);
  } catch (...) {
    return nullptr;
  }
}
void* operator new[](size_t size, const std::nothrow_t&) noexcept {
  try {
    return Allocate(size);
  } catch (...) {
    return nullptr;
  }
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, size_t) noexcept { std::free(p); }
void operator delete[](void* p, size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }
#endif

namespace crossgate::reliability {
namespace {

// Arms allocation failure on this thread for its lifetime.
class FailAllocationsAbove {
 public:
  explicit FailAllocationsAbove(size_t bytes) { fail_above = bytes; }
  ~FailAllocationsAbove() { fail_above = 0; }
};

// `n` enabled policies, each requiring its own terms of use (an AND grant):
// a member who accepted none has n unmet requirements.
policy::v1::PolicyBundle TermsOfUseTenant(int n) {
  std::vector<std::string> policies;
  for (int i = 0; i < n; ++i) {
    policies.push_back(Policy(
        absl::StrFormat("p%04d", i), "",
        absl::StrFormat("{\"operator\": \"AND\", \"termsOfUse\": "
                        "[\"%08x-1111-4111-8111-111111111111\"]}",
                        i + 1)));
  }
  std::vector<LoadIssue> issues;
  auto bundle = LoadJsonText(TenantDoc(Policies(policies)), LoadOptions(), &issues);
  EXPECT_TRUE(bundle.ok()) << bundle.status();
  return bundle.ok() ? *bundle : policy::v1::PolicyBundle();
}

std::shared_ptr<const CompiledPolicySet> Compile(const policy::v1::PolicyBundle& b) {
  std::vector<LoadIssue> issues;
  auto set = CompilePolicySet(b, CompileOptions(), &issues);
  EXPECT_TRUE(set.ok()) << set.status();
  return set.ok() ? *set : nullptr;
}

Request Member() {
  Request r;
  r.resource_tenant_id = *ParseGuid(kTenant);
  r.principal_id = *ParseGuid(kGroup);
  r.application_id = *ParseGuid("00000003-0000-0ff1-ce00-000000000000");
  r.client_app = ClientApp::kBrowser;
  return r;
}

// A decision pre-filled as an allow, so a path that forgets to write the
// outcome is caught.
Decision StaleAllow() {
  Decision d;
  d.outcome = Outcome::kAllow;
  d.stage = Stage::kConditionalAccess;
  return d;
}

void ExpectBlock(const Decision& d, Stage stage, Reason reason) {
  EXPECT_EQ(d.outcome, Outcome::kBlock);
  EXPECT_EQ(d.stage, stage) << StageName(d.stage);
  EXPECT_EQ(d.reason, static_cast<uint16_t>(reason)) << ReasonName(d.reason);
  EXPECT_EQ(d.requirement_count, 0);
}

TEST(EvalFailurePaths, TheFixtureChallengesWhenWithinBounds) {
  // The same shape as below, small enough to decide normally: proves the
  // overflow tests fail for the overflow and not for the fixture.
  auto set = Compile(TermsOfUseTenant(3));
  ASSERT_NE(set, nullptr);
  EvalScratch scratch(*set);
  Decision d = StaleAllow();
  Evaluate(*set, Member(), EvaluateOptions(), scratch, &d);
  EXPECT_EQ(d.outcome, Outcome::kChallenge);
  EXPECT_EQ(d.requirement_count, 3);
}

TEST(EvalFailurePaths, ScratchTooSmallBlocksAsInternal) {
  auto set = Compile(TermsOfUseTenant(70));
  ASSERT_NE(set, nullptr);
  std::vector<EvalScratch> scratches;
  scratches.emplace_back(0, 0);
  scratches.emplace_back(1, 0);
  scratches.emplace_back(*Compile(TermsOfUseTenant(1)));  // sized for a smaller set
  for (EvalScratch& scratch : scratches) {
    ASSERT_FALSE(scratch.Fits(*set));
    Decision d = StaleAllow();
    Evaluate(*set, Member(), EvaluateOptions(), scratch, &d);
    ExpectBlock(d, Stage::kInternal, Reason::kScratchTooSmall);
    EXPECT_TRUE(d.policy_results.empty());
  }
}

TEST(EvalFailurePaths, MoreRequirementsThanADecisionHoldsBlock) {
  // 33 distinct unmet requirements: one more than Decision::kMaxRequirements.
  static_assert(Decision::kMaxRequirements == 32);
  auto set = Compile(TermsOfUseTenant(Decision::kMaxRequirements + 1));
  ASSERT_NE(set, nullptr);
  EvalScratch scratch(*set);
  Decision d = StaleAllow();
  Evaluate(*set, Member(), EvaluateOptions(), scratch, &d);
  ExpectBlock(d, Stage::kConditionalAccess, Reason::kTooManyRequirements);
  EXPECT_EQ(d.deciding_policy, 0) << "the first policy that challenged";
}

TEST(EvalFailurePaths, MoreRequirementsThanTheScratchHoldsBlock) {
  // Past EvalScratch::kMaxPending: the collection itself overflows.
  auto set = Compile(TermsOfUseTenant(EvalScratch::kMaxPending + 1));
  ASSERT_NE(set, nullptr);
  EvalScratch scratch(*set);
  Decision d = StaleAllow();
  Evaluate(*set, Member(), EvaluateOptions(), scratch, &d);
  ExpectBlock(d, Stage::kConditionalAccess, Reason::kTooManyRequirements);
}

TEST(EvalFailurePaths, AnEngineWithNothingPublishedBlocks) {
  Engine engine;
  Decision d = StaleAllow();
  engine.Evaluate(Member(), EvaluateOptions(), &d);
  ExpectBlock(d, Stage::kRequest, Reason::kNoPolicySet);
  EXPECT_FALSE(engine.Publish(nullptr).ok());
  engine.Evaluate(Member(), EvaluateOptions(), &d);
  ExpectBlock(d, Stage::kRequest, Reason::kNoPolicySet);
}

TEST(EvalFailurePaths, AnUnknownResourceTenantBlocks) {
  auto set = Compile(TermsOfUseTenant(1));
  ASSERT_NE(set, nullptr);
  EvalScratch scratch(*set);
  Request r = Member();
  r.resource_tenant_id = *ParseGuid("99999999-9999-4999-8999-999999999999");
  Decision d = StaleAllow();
  Evaluate(*set, r, EvaluateOptions(), scratch, &d);
  ExpectBlock(d, Stage::kRequest, Reason::kUnknownResourceTenant);
}

TEST(EvalFailurePaths, CrossTenantStageGivenTheWrongTenantFailsClosed) {
  // Evaluate() always hands the stage the resource tenant's own settings,
  // so this invariant is checked on the stage directly.
  auto set = Compile(TermsOfUseTenant(1));
  ASSERT_NE(set, nullptr);
  Request r = Member();
  r.resource_tenant_id = *ParseGuid("99999999-9999-4999-8999-999999999999");
  cross_tenant::CrossTenantResult out;
  out.allowed = true;
  cross_tenant::EvaluateCrossTenant(*set->tenant(0).cross_tenant, nullptr, r, &out);
  EXPECT_FALSE(out.allowed);
  EXPECT_EQ(out.stage, Stage::kInternal);
}

TEST(EvalFailurePaths, ScratchAllocationFailureInTheEngineBlocksAsInternal) {
  if (!CROSSGATE_REPLACE_OPERATOR_NEW) GTEST_SKIP() << "operator new is TSan's";
  auto set = Compile(TermsOfUseTenant(70));
  ASSERT_NE(set, nullptr);
  Engine engine;
  ASSERT_TRUE(engine.Publish(set).ok());
  // A fresh thread has no cached scratch, so its first call allocates one.
  std::thread([&] {
    Decision d = StaleAllow();
    {
      FailAllocationsAbove armed(64);
      engine.Evaluate(Member(), EvaluateOptions(), &d);
    }
    ExpectBlock(d, Stage::kInternal, Reason::kInternalError);
    engine.Evaluate(Member(), EvaluateOptions(), &d);  // recovers
    EXPECT_EQ(d.outcome, Outcome::kBlock);
    EXPECT_EQ(d.reason, static_cast<uint16_t>(Reason::kTooManyRequirements));
  }).join();
}

TEST(EvalFailurePaths, ScratchAllocationFailureInTheCAbiFailsClosed) {
  if (!CROSSGATE_REPLACE_OPERATOR_NEW) GTEST_SKIP() << "operator new is TSan's";
  crossgate_engine* engine = nullptr;
  ASSERT_EQ(crossgate_engine_create(&engine, nullptr, nullptr), CROSSGATE_OK);
  const std::string doc = TenantDoc(Policies({Policy("p1")}));
  crossgate_load_options opts = CROSSGATE_LOAD_OPTIONS_INIT;
  opts.format = CROSSGATE_FORMAT_JSON;
  ASSERT_EQ(crossgate_engine_load_memory(nullptr, engine, doc.data(), doc.size(), &opts,
                                         nullptr),
            CROSSGATE_OK);
  crossgate_snapshot* snapshot = nullptr;
  ASSERT_EQ(crossgate_engine_snapshot(&snapshot, engine, nullptr), CROSSGATE_OK);
  crossgate_request request = CROSSGATE_REQUEST_INIT;
  crossgate_guid_parse(&request.resource_tenant_id, kTenant, 36, nullptr);
  std::thread([&] {
    for (int pinned = 0; pinned < 2; ++pinned) {
      crossgate_decision d = CROSSGATE_DECISION_INIT;
      d.outcome = CROSSGATE_OUTCOME_ALLOW;
      int rc;
      {
        FailAllocationsAbove armed(64);
        rc = pinned ? crossgate_snapshot_evaluate(&d, snapshot, &request, nullptr)
                    : crossgate_evaluate(&d, engine, &request, nullptr);
      }
      EXPECT_EQ(rc, CROSSGATE_EINTERNAL) << "pinned=" << pinned;
      EXPECT_EQ(d.status, CROSSGATE_EINTERNAL);
      EXPECT_EQ(d.outcome, CROSSGATE_OUTCOME_BLOCK);
      EXPECT_EQ(d.stage, CROSSGATE_STAGE_INTERNAL);
    }
  }).join();
  crossgate_snapshot_release(snapshot);
  crossgate_engine_destroy(engine);
}

}  // namespace
}  // namespace crossgate::reliability
