// The differential test: the slow reference evaluator (tests/reference/)
// against the indexed engine (lib/eval/evaluator.h) on generated requests
// over generated tenants. Zero mismatches allowed.
//
//   CROSSGATE_DIFF_REQUESTS  total requests (default 100000; 10000000 for
//                            the long run, see docs/reference-evaluator.md)
//   CROSSGATE_DIFF_SEED      base seed (default fixed, so CI is stable)
//
// On a mismatch the test prints the bundle seed, the request index, the
// bundle (textproto), the request and both decisions.

#include <cstdlib>
#include <map>
#include <set>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"
#include "tests/reference/decision_diff.h"
#include "tests/reference/library_data.h"
#include "tests/testing/engine_evaluator.h"
#include "tests/testing/evaluators.h"
#include "tests/testing/random_bundle.h"
#include "tests/testing/request_generator.h"

namespace crossgate {
namespace differential {
namespace {

using reference::ReferenceDecision;

uint64_t EnvNumber(const char* name, uint64_t fallback) {
  const char* v = std::getenv(name);
  uint64_t n = 0;
  if (v != nullptr && absl::SimpleAtoi(v, &n)) return n;
  return fallback;
}

constexpr uint64_t kDefaultSeed = 0x5eed2026;
constexpr int kRequestsPerBundle = 200;

// splitmix64: independent per-bundle seeds from one base seed.
uint64_t Mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// The app-set table both evaluators use: the library's shipped table when it
// is on the branch (the engine always uses it), else the random universe's.
AppSetTable UniverseAppSets() {
  AppSetTable t;
  if (reference::HaveShippedAppSets()) {
    for (const auto& [name, ids] : reference::ShippedAppSetTable()) {
      t.emplace_back(name, ids);
    }
    return t;
  }
  for (const auto& s : testing::RandomUniverse::AppSets()) t.push_back(s);
  return t;
}

// Properties every decision of the reference has, whatever the request; a
// safety net for the reference itself (it has no second opinion until the
// engine is present).
std::string CheckInvariants(const policy::v1::PolicyBundle& bundle,
                            const Request& request,
                            const ReferenceDecision& d) {
  std::string out;
  auto fail = [&out](absl::string_view what) {
    absl::StrAppend(&out, what, "\n");
  };
  if (d.outcome == Outcome::kChallenge) {
    if (d.requirements.empty()) fail("challenge without requirements");
    if (d.challenge_location == ChallengeLocation::kNone)
      fail("challenge without location");
    int expected_group = 0;
    for (const auto& r : d.requirements) {
      if (r.kind >= RequirementKind::kCompliantDevice)
        fail("non-interactive challenge");
      if (r.group != expected_group && r.group != expected_group + 1) {
        fail("requirement groups not contiguous");
      }
      expected_group = r.group;
      if (r.where == ChallengeLocation::kNone)
        fail("requirement without location");
    }
    if (d.challenge_location != d.requirements.front().where) {
      fail("challenge location is not the first requirement's");
    }
  } else if (d.challenge_location != ChallengeLocation::kNone) {
    fail("location on a non-challenge");
  }
  if (d.outcome == Outcome::kAllow) {
    if (!d.requirements.empty()) fail("allow with requirements");
    if (d.stage != Stage::kConditionalAccess) fail("allow outside CA stage");
  }
  if (d.outcome == Outcome::kBlock &&
      !reference::SessionEquals(d.session, SessionOutcome())) {
    fail("session controls on a block");
  }
  if (d.stage != Stage::kConditionalAccess && d.outcome != Outcome::kBlock) {
    fail("non-CA stage that does not block");
  }
  if (d.stage == Stage::kConditionalAccess) {
    const policy::v1::TenantPolicies* t = nullptr;
    for (const auto& x : bundle.tenants()) {
      if (x.tenant_id() == FormatGuid(request.resource_tenant_id)) t = &x;
    }
    if (t == nullptr) {
      fail("CA stage for an unknown tenant");
    } else if (d.policy_results.size() !=
               static_cast<size_t>(t->conditional_access_policies_size())) {
      fail("not one result per policy");
    }
    for (size_t i = 1; i < d.policy_results.size(); ++i) {
      if (!(d.policy_results[i - 1].policy_id <
            d.policy_results[i].policy_id)) {
        fail("results not in ascending id order");
      }
    }
    if (d.outcome == Outcome::kBlock && d.deciding_policy_id.empty()) {
      fail("CA block without a deciding policy");
    }
  } else if (!d.policy_results.empty()) {
    fail("per-policy results outside the CA stage");
  }
  return out;
}

// A mismatch's class, for the summary: the fields that differ (indices
// dropped) and the two outcomes.
std::string MismatchClass(const std::string& problems,
                          const ReferenceDecision& ref,
                          const ReferenceDecision& engine) {
  std::set<std::string> fields;
  for (absl::string_view line : absl::StrSplit(problems, '\n')) {
    if (line.empty() || absl::StartsWith(line, "reference vs")) continue;
    std::string field(line.substr(0, line.find(':')));
    fields.insert(field.substr(0, field.find('[')));
  }
  return absl::StrCat(reference::OutcomeName(ref.outcome), "->",
                      reference::OutcomeName(engine.outcome), " ",
                      absl::StrJoin(fields, ","));
}

struct Stats {
  std::map<std::string, int64_t> classes;  // mismatches by class
  int64_t requests = 0;
  int64_t mismatches = 0;
  int64_t skipped_bundles = 0;
  std::map<std::string, int64_t> shapes;  // outcome/stage counts
};

void RunBundle(uint64_t seed, int requests,
               std::vector<std::unique_ptr<Evaluator>>& evaluators,
               Stats* stats) {
  testing::Rng rng(seed);
  testing::RandomBundleOptions bundle_options;
  const policy::v1::PolicyBundle bundle =
      testing::RandomBundle(rng, bundle_options);
  for (auto& e : evaluators) {
    absl::Status s = e->Load(bundle);
    if (!s.ok()) {
      // The engine may reject a combination the generator thinks valid: count
      // it; the test fails if that happens often (see below).
      ++stats->skipped_bundles;
      if (stats->skipped_bundles <= 3) {
        ADD_FAILURE() << e->name() << " rejected bundle seed " << seed << ": "
                      << s;
      }
      return;
    }
  }
  testing::RequestGeneratorOptions request_options;
  for (const auto& [name, ids] : testing::RandomUniverse::AppSets()) {
    for (const auto& id : ids) request_options.extra_apps.push_back(id);
  }
  testing::RequestGenerator gen(bundle, Mix(seed), request_options);
  for (int i = 0; i < requests; ++i) {
    testing::RequestBuilder b = gen.Next();
    const Request& request = b.Build();
    std::vector<ReferenceDecision> decisions;
    for (auto& e : evaluators) decisions.push_back(e->Evaluate(request));
    ++stats->requests;
    const ReferenceDecision& ref = decisions[0];
    ++stats->shapes[absl::StrCat(reference::OutcomeName(ref.outcome), "/",
                                 reference::StageName(ref.stage))];
    for (const auto& p : ref.policy_results) {
      ++stats->shapes[absl::StrCat(
          "policy ", reference::PolicyResultName(p.result),
          p.reason == WhatIfReason::kNone
              ? ""
              : absl::StrCat(" ", reference::WhatIfReasonName(p.reason)))];
    }
    std::string problems = CheckInvariants(bundle, request, ref);
    for (size_t k = 1; k < decisions.size(); ++k) {
      std::string diff = reference::DiffDecisions(ref, decisions[k]);
      if (!diff.empty()) {
        absl::StrAppend(&problems, "reference vs ", evaluators[k]->name(),
                        ":\n", diff);
      }
    }
    const ReferenceDecision again = evaluators[0]->Evaluate(request);
    if (again.DebugString() != ref.DebugString()) {
      absl::StrAppend(&problems, "reference is not deterministic\n");
    }
    if (problems.empty()) continue;
    ++stats->mismatches;
    // The first of each class is printed in full: enough to diagnose.
    if (++stats->classes[MismatchClass(problems, ref, decisions.back())] > 1) {
      continue;
    }
    std::string bundle_text;
    google::protobuf::TextFormat::PrintToString(bundle, &bundle_text);
    std::string message = absl::StrCat(
        "MISMATCH bundle seed ", seed, " request #", i, "\n", problems,
        "--- request\n", testing::RequestDebugString(request), "\n--- ",
        evaluators[0]->name(), "\n", ref.DebugString(), "\n");
    for (size_t k = 1; k < decisions.size(); ++k) {
      absl::StrAppend(&message, "--- ", evaluators[k]->name(), "\n",
                      decisions[k].DebugString(), "\n");
    }
    ADD_FAILURE() << message << "--- bundle\n" << bundle_text;
  }
}

TEST(DifferentialTest, RandomTenantsAndRequests) {
  const int64_t budget =
      static_cast<int64_t>(EnvNumber("CROSSGATE_DIFF_REQUESTS", 100000));
  const uint64_t base = EnvNumber("CROSSGATE_DIFF_SEED", kDefaultSeed);
  std::vector<std::unique_ptr<Evaluator>> evaluators;
  evaluators.push_back(std::make_unique<ReferenceEvaluator>(
      ReferenceOptionsFor(UniverseAppSets())));
  AddEngineEvaluator(UniverseAppSets(), &evaluators);

  Stats stats;
  const int64_t bundles =
      (budget + kRequestsPerBundle - 1) / kRequestsPerBundle;
  for (int64_t i = 0; i < bundles; ++i) {
    const int n = static_cast<int>(
        std::min<int64_t>(kRequestsPerBundle, budget - i * kRequestsPerBundle));
    RunBundle(Mix(base + static_cast<uint64_t>(i)), n, evaluators, &stats);
  }
  std::string shapes;
  for (const auto& [shape, count] : stats.shapes) {
    absl::StrAppend(&shapes, "  ", shape, ": ", count, "\n");
  }
  std::cout << "[ differential ] evaluators:";
  for (const auto& e : evaluators) std::cout << " " << e->name();
  std::cout << "\n[ differential ] " << stats.requests << " requests over "
            << bundles << " bundles (base seed " << base << "), "
            << stats.mismatches << " mismatches, " << stats.skipped_bundles
            << " bundles rejected\n"
            << shapes;
  for (const auto& [c, count] : stats.classes) {
    std::cout << "[ differential ] mismatch class " << c << ": " << count << "\n";
  }
  EXPECT_EQ(stats.mismatches, 0);
  EXPECT_LE(stats.skipped_bundles * 100, bundles)
      << "over 1% of bundles rejected";
  // The generators must exercise every kind of answer, or the comparison
  // says little.
  if (budget >= 10000) {
    for (const char* shape :
         {"allow/conditionalAccess", "block/conditionalAccess",
          "challenge/conditionalAccess", "block/crossTenantAccess",
          "block/request"}) {
      EXPECT_GE(stats.shapes[shape] * 100, stats.requests / 100)
          << shape << " is under 1% of requests:\n"
          << shapes;
    }
  }
}

}  // namespace
}  // namespace differential
}  // namespace crossgate
