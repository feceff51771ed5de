// Golden decisions: every request in examples/requests, evaluated by the
// engine against the example tenants, gives the decision examples/requests/
// expected.json states. The expectations were derived by hand from the spec
// and decisions.md, not recorded from the engine.

#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "lib/compile/compiler.h"
#include "lib/eval/evaluator.h"
#include "lib/eval/scratch.h"
#include "lib/load/loader.h"
#include "lib/request_json/request_reader.h"
#include "tests/examples/example_files.h"

namespace crossgate {
namespace {

using google::protobuf::Value;
using testing_examples::ExamplesDir;
using testing_examples::ReadExample;

std::shared_ptr<const CompiledPolicySet> CompileExamples() {
  std::string dir = ExamplesDir() + "/policies/";
  std::vector<LoadIssue> issues;
  auto bundle = LoadPaths(
      {dir + "contoso.json", dir + "fabrikam.json", dir + "northwind.json"},
      LoadOptions(), &issues);
  EXPECT_TRUE(bundle.ok()) << bundle.status();
  if (!bundle.ok()) return nullptr;
  auto set = CompilePolicySet(*bundle, CompileOptions(), &issues);

  EXPECT_TRUE(set.ok()) << set.status();
  return set.ok() ? *set : nullptr;
}

// The decision in expected.json's vocabulary, for the members the
// expectation states.
std::string Describe(const CompiledPolicySet& set, const Decision& d,
                     const google::protobuf::Struct& expected) {
  const auto& exp = expected.fields();
  std::vector<std::string> parts;
  parts.push_back(absl::StrCat("outcome=", OutcomeName(d.outcome)));
  if (exp.contains("stage")) {
    parts.push_back(absl::StrCat("stage=", StageName(d.stage)));
  }
  if (exp.contains("decidingPolicy")) {
    parts.push_back(
        absl::StrCat("policy=", d.deciding_policy >= 0
                                    ? set.policy_display_name(d.deciding_policy)
                                    : "none"));
  }
  if (d.outcome == Outcome::kChallenge) {
    parts.push_back(
        absl::StrCat("where=", ChallengeLocationName(d.challenge_location)));
    std::vector<std::string> reqs;
    for (int i = 0; i < d.requirement_count; ++i) {
      const Requirement& r = d.requirements[i];
      absl::string_view id = set.RequirementId(r);
      reqs.push_back(id.empty()
                         ? std::string(RequirementKindName(r.kind))
                         : absl::StrCat(RequirementKindName(r.kind), ":", id));
    }
    parts.push_back(absl::StrCat("requirements=", absl::StrJoin(reqs, ",")));
  }
  if (exp.contains("session")) {
    const auto& s = exp.at("session").struct_value().fields();
    if (s.contains("signInFrequencyMinutes")) {
      parts.push_back(
          absl::StrCat("sif=", d.session.sign_in_frequency_minutes));
    }
    if (s.contains("persistentBrowser")) {
      parts.push_back(
          absl::StrCat("persistentBrowser=",
                       d.session.persistent_browser ==
                               SessionOutcome::PersistentBrowser::kNever
                           ? "never"
                       : d.session.persistent_browser ==
                               SessionOutcome::PersistentBrowser::kAlways
                           ? "always"
                           : "notSet"));
    }
    if (s.contains("applicationEnforcedRestrictions")) {
      parts.push_back(
          absl::StrCat("aer=", d.session.application_enforced_restrictions));
    }
    if (s.contains("disableResilienceDefaults")) {
      parts.push_back(
          absl::StrCat("drd=", d.session.disable_resilience_defaults));
    }
  }
  return absl::StrJoin(parts, " ");
}

std::string DescribeExpected(const google::protobuf::Struct& expected) {
  const auto& exp = expected.fields();
  std::vector<std::string> parts;
  std::string outcome = exp.at("outcome").string_value();
  parts.push_back(absl::StrCat("outcome=", outcome));
  if (exp.contains("stage")) {
    parts.push_back(absl::StrCat("stage=", exp.at("stage").string_value()));
  }
  if (exp.contains("decidingPolicy")) {
    parts.push_back(absl::StrCat("policy=", exp.at("decidingPolicy")
                                                .struct_value()
                                                .fields()
                                                .at("displayName")
                                                .string_value()));
  }
  if (outcome == "challenge") {
    parts.push_back(
        absl::StrCat("where=", exp.at("challengeLocation").string_value()));
    std::vector<std::string> reqs;
    for (const Value& r : exp.at("requirements").list_value().values()) {
      reqs.push_back(r.string_value());
    }
    parts.push_back(absl::StrCat("requirements=", absl::StrJoin(reqs, ",")));
  }
  if (exp.contains("session")) {
    const auto& s = exp.at("session").struct_value().fields();
    if (s.contains("signInFrequencyMinutes")) {
      parts.push_back(absl::StrCat(
          "sif=",
          static_cast<int>(s.at("signInFrequencyMinutes").number_value())));
    }
    if (s.contains("persistentBrowser")) {
      parts.push_back(absl::StrCat("persistentBrowser=",
                                   s.at("persistentBrowser").string_value()));
    }
    if (s.contains("applicationEnforcedRestrictions")) {
      parts.push_back(absl::StrCat(
          "aer=", s.at("applicationEnforcedRestrictions").bool_value()));
    }
    if (s.contains("disableResilienceDefaults")) {
      parts.push_back(
          absl::StrCat("drd=", s.at("disableResilienceDefaults").bool_value()));
    }
  }
  return absl::StrJoin(parts, " ");
}

TEST(ExampleDecisionsTest, EngineMatchesHandDerivedExpectations) {
  std::shared_ptr<const CompiledPolicySet> set = CompileExamples();
  ASSERT_NE(set, nullptr);
  Value expected;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(
                  ReadExample("requests/expected.json"), &expected)
                  .ok());
  EvalScratch scratch = set->NewScratch();
  RequestReader reader;
  ParsedRequest parsed;
  int checked = 0;
  for (const Value& entry : expected.list_value().values()) {
    const auto& fields = entry.struct_value().fields();
    std::string file = fields.at("file").string_value();
    ASSERT_TRUE(reader
                    .Parse(ReadExample("requests/" + file), RequestDefaults(),
                           &parsed, nullptr)
                    .ok())
        << file;
    Decision decision;
    Evaluate(*set, parsed.request(), EvaluateOptions(), scratch, &decision);
    const auto& exp = fields.at("expected").struct_value();
    std::string got = Describe(*set, decision, exp);
    std::string want = DescribeExpected(exp);
    EXPECT_EQ(got, want) << file << ": " << fields.at("why").string_value()
                         << "\n  reason: " << ReasonName(decision.reason);
    ++checked;
  }
  EXPECT_EQ(checked, 37);
}

}  // namespace
}  // namespace crossgate
