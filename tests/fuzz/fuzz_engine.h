#ifndef CROSSGATE_TESTS_FUZZ_FUZZ_ENGINE_H_
#define CROSSGATE_TESTS_FUZZ_FUZZ_ENGINE_H_

// Shared by the loader targets: whatever a load accepts must compile or fail
// with a status, and every decision over it must satisfy the decision
// invariants (fuzz_support.h), for a few fixed requests.

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "crossgate/policy/v1/bundle.pb.h"
#include "lib/compile/compiler.h"
#include "lib/engine/engine.h"
#include "lib/eval/evaluator.h"
#include "lib/eval/scratch.h"
#include "lib/load/loader.h"
#include "lib/model/guid.h"
#include "tests/fuzz/fuzz_support.h"

namespace crossgate::fuzz {

// The load contract both loader targets check: a failed load reports an
// error issue, an accepted one none, and what is accepted validates again.
// Returns whether the load was accepted.
template <typename Loaded>
bool CheckLoadContract(const Loaded& bundle,
                       const std::vector<LoadIssue>& issues) {
  if (!bundle.ok()) {
    bool has_error = false;
    for (const LoadIssue& i : issues) has_error |= i.is_error();
    FUZZ_CHECK(has_error, "a failed load must report an error issue");
    return false;
  }
  for (const LoadIssue& i : issues) {
    FUZZ_CHECK(!i.is_error(), "accepted with an error issue: " + i.ToString());
  }
  IssueCollector again;
  FUZZ_CHECK(ValidateBundle(*bundle, LoadOptions(), again).ok(),
             "an accepted bundle must validate again");
  return true;
}

// Compiles `bundle`; if that works, evaluates a member, a guest and a
// workload identity against each tenant and checks every decision, and that
// Engine::Evaluate (thread cache) agrees with an explicit snapshot.
inline void CompileAndProbe(const policy::v1::PolicyBundle& bundle) {
  std::vector<LoadIssue> issues;
  auto set = CompilePolicySet(bundle, CompileOptions(), &issues);
  if (!set.ok()) return;
  Engine engine;
  FUZZ_CHECK(engine.Publish(*set).ok(), "publish of a compiled set");
  EvalScratch scratch(**set);
  const Guid other = *ParseGuid("11111111-2222-3333-4444-555555555555");
  for (const auto& tenant : bundle.tenants()) {
    auto tid = ParseGuid(tenant.tenant_id());
    if (!tid) continue;
    for (int kind = 0; kind < 3; ++kind) {
      Request r;
      r.resource_tenant_id = *tid;
      r.application_id = *ParseGuid("00000003-0000-0ff1-ce00-000000000000");
      if (kind == 1) {
        r.home_tenant_id = other;
        r.external_user_types = kB2bCollaborationGuest;
      }
      if (kind == 2) r.principal_kind = PrincipalKind::kServicePrincipal;
      Decision a, b;
      Evaluate(**set, r, EvaluateOptions(), scratch, &a);
      engine.Evaluate(r, EvaluateOptions(), &b);
      const std::string bad = DecisionInvariants(a);
      FUZZ_CHECK(bad.empty(), bad);
      FUZZ_CHECK(a.outcome == b.outcome && a.reason == b.reason &&
                     a.deciding_policy == b.deciding_policy,
                 "Engine::Evaluate and an explicit snapshot disagree");
    }
  }
}

}  // namespace crossgate::fuzz

#endif  // CROSSGATE_TESTS_FUZZ_FUZZ_ENGINE_H_
