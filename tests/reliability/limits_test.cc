// Every limit of README.md's "Limits" table, at the limit (accepted) and one
// past it (a limit error naming where, nothing published). Cheap limits go
// through the C ABI at their defaults; the ones whose inputs are large at the
// default are checked with a smaller configured value through lib/load and
// lib/engine's Engine (LoadOptions::limits is the configuration point).

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "crossgate/crossgate.h"
#include "gtest/gtest.h"
#include "lib/compile/compiler.h"
#include "lib/device_filter/device_filter.h"
#include "lib/engine/engine.h"
#include "lib/eval/evaluator.h"
#include "lib/eval/scratch.h"
#include "lib/load/loader.h"
#include "tests/reliability/hostile_inputs.h"

namespace crossgate::reliability {
namespace {

namespace fs = std::filesystem;

std::string T() { return absl::StrCat("tenants/", kTenant); }
std::string P(absl::string_view id) {
  return absl::StrCat(T(), "/conditionalAccessPolicies/", id);
}

// A C ABI engine that already serves one policy (generation 1).
class CEngine {
 public:
  CEngine() {
    EXPECT_EQ(crossgate_engine_create(&engine_, nullptr, nullptr), CROSSGATE_OK);
    EXPECT_EQ(Load(TenantDoc(Policies({Policy("serving")})), CROSSGATE_FORMAT_JSON),
              CROSSGATE_OK);
  }
  ~CEngine() {
    crossgate_error_free(err_);
    crossgate_engine_destroy(engine_);
  }
  int Load(const std::string& bytes, int format) {
    crossgate_load_options opts = CROSSGATE_LOAD_OPTIONS_INIT;
    opts.format = format;
    crossgate_error_free(err_);
    err_ = nullptr;
    return crossgate_engine_load_memory(nullptr, engine_, bytes.data(), bytes.size(), &opts,
                                        &err_);
  }
  uint64_t generation() const { return crossgate_engine_generation(engine_); }
  std::string path() const { return crossgate_error_path(err_); }
  std::string code() const {
    crossgate_issue issue = CROSSGATE_ISSUE_INIT;
    if (crossgate_error_issue(&issue, err_, 0) != CROSSGATE_OK) return "";
    return issue.code_name;
  }
  crossgate_engine* get() const { return engine_; }

 private:
  crossgate_engine* engine_ = nullptr;
  crossgate_error* err_ = nullptr;
};

// At the limit: accepted and published. One past: ELIMIT with the path,
// the serving generation untouched.
void AtAndPast(const std::string& at, const std::string& past, int format,
               const std::string& path) {
  {
    CEngine e;
    EXPECT_EQ(e.Load(at, format), CROSSGATE_OK) << crossgate_error_path(nullptr) << e.path();
    EXPECT_EQ(e.generation(), 2u);
  }
  CEngine e;
  EXPECT_EQ(e.Load(past, format), CROSSGATE_ELIMIT);
  EXPECT_EQ(e.code(), "limit_exceeded");
  EXPECT_EQ(e.path(), path);
  EXPECT_EQ(e.generation(), 1u) << "a load past a limit published";
}

std::string GroupIds(int n) {
  std::vector<std::string> g;
  for (int i = 0; i < n; ++i) {
    g.push_back(absl::StrFormat("\"%08x-0000-4000-8000-000000000000\"", i + 1));
  }
  return absl::StrJoin(g, ",");
}

std::string WithGroups(int n) {
  return TenantDoc(Policies({absl::StrCat(
      "{\"id\": \"p1\", \"state\": \"enabled\", \"conditions\": {\"users\": ",
      "{\"includeGroups\": [", GroupIds(n), "]}, \"applications\": ",
      "{\"includeApplications\": [\"All\"]}, \"clientAppTypes\": [\"all\"]}, ",
      "\"grantControls\": {\"operator\": \"OR\", \"builtInControls\": [\"mfa\"]}}")}));
}

std::string Tenants(int n) {
  std::string s;
  for (int i = 0; i < n; ++i) {
    s += wire::TenantEntry(absl::StrFormat("%08x-0000-4000-8000-000000000000", i + 1));
  }
  return s;
}

// A Graph policy export whose ignored member nests `arrays` arrays: JSON
// depth 1 + arrays.
std::string Nested(int arrays) {
  return absl::StrCat(Policy("p1").substr(0, Policy("p1").size() - 1), ", \"x\": ",
                      std::string(arrays, '['), std::string(arrays, ']'), "}");
}

std::string Filter(absl::string_view rule) {
  return TenantDoc(Policies({Policy("p1", absl::StrCat(
      "\"devices\": {\"deviceFilter\": {\"mode\": \"include\", \"rule\": \"", rule, "\"}}"))}));
}

// `device.model -eq "aaa..."` of exactly `length` characters.
std::string RuleOfLength(size_t length) {
  const std::string head = "device.model -eq \\\"", tail = "\\\"";
  const size_t fixed = 19;  // device.model -eq "" unescaped
  return absl::StrCat(head, std::string(length - fixed, 'a'), tail);
}

std::string RuleOfDepth(int depth) {
  return absl::StrCat(std::string(depth, '('), "device.model -eq \\\"a\\\"",
                      std::string(depth, ')'));
}

TEST(Limits, ListEntries) {
  AtAndPast(WithGroups(10000), WithGroups(10001), CROSSGATE_FORMAT_JSON,
            P("p1") + "/conditions/users/includeGroups");
}

TEST(Limits, StringLength) {
  AtAndPast(TenantDoc(Policies({Policy(std::string(32768, 'p'))})),
            TenantDoc(Policies({Policy(std::string(32769, 'p'))})), CROSSGATE_FORMAT_JSON,
            absl::StrCat(T(), "/conditionalAccessPolicies/", std::string(128, 'p'),
                         "...(32769 bytes)/id"));
}

TEST(Limits, Tenants) {
  AtAndPast(Tenants(10000), Tenants(10001), CROSSGATE_FORMAT_BINARY, "tenants");
}

TEST(Limits, JsonDepth) {
  AtAndPast(Nested(31), Nested(32), CROSSGATE_FORMAT_JSON, "input");
}

TEST(Limits, DeviceFilterLength) {
  CEngine at;
  EXPECT_EQ(at.Load(Filter(RuleOfLength(3072)), CROSSGATE_FORMAT_JSON), CROSSGATE_OK)
      << at.path();
  CEngine past;
  EXPECT_EQ(past.Load(Filter(RuleOfLength(3073)), CROSSGATE_FORMAT_JSON),
            CROSSGATE_ESEMANTIC);
  EXPECT_EQ(past.code(), "bad_device_filter");
  EXPECT_EQ(past.path(), P("p1") + "/conditions/devices/deviceFilter/rule");
  EXPECT_EQ(past.generation(), 1u);
}

TEST(Limits, DeviceFilterDepth) {
  CEngine at;
  EXPECT_EQ(at.Load(Filter(RuleOfDepth(32)), CROSSGATE_FORMAT_JSON), CROSSGATE_OK) << at.path();
  CEngine past;
  EXPECT_EQ(past.Load(Filter(RuleOfDepth(33)), CROSSGATE_FORMAT_JSON), CROSSGATE_ESEMANTIC);
  EXPECT_EQ(past.code(), "bad_device_filter");
  EXPECT_EQ(past.path(), P("p1") + "/conditions/devices/deviceFilter/rule");
  EXPECT_EQ(past.generation(), 1u);
}

TEST(Limits, DeviceFilterTerms) {
  // 256 comparisons do not fit in 3072 characters, so the term limit is
  // checked on the filter compiler with a longer rule allowed.
  auto rule = [](int terms) {
    std::vector<std::string> t(terms, "device.model -eq \"a\"");
    return absl::StrJoin(t, " -or ");
  };
  device_filter::Options options;
  options.max_rule_length = 1 << 16;
  EXPECT_TRUE(device_filter::CompileRule(rule(256), options).ok());
  auto past = device_filter::CompileRule(rule(257), options);
  EXPECT_FALSE(past.ok());
  EXPECT_NE(past.status().message().find("256"), absl::string_view::npos) << past.status();
}

TEST(Limits, RegexProgramMemory) {
  // RE2's max_mem bounds each pattern's program; past it, the rule is
  // refused. Regex operators are off by default (docs/device-filter.md).
  device_filter::Options options;
  options.allow_regex_operators = true;
  options.regex_max_mem = 64 << 10;
  EXPECT_TRUE(device_filter::CompileRule("device.model -match \"^SAW-[0-9]{4}$\"", options).ok());
  EXPECT_FALSE(
      device_filter::CompileRule("device.model -match \"((a|b|c|d){50}){50}\"", options).ok());
  options.allow_regex_operators = false;
  EXPECT_FALSE(device_filter::CompileRule("device.model -match \"^a$\"", options).ok());
}

TEST(Limits, InputBytesAtTheDefault) {
  // One past 64 MiB is refused before parsing.
  CEngine e;
  std::string doc = TenantDoc("");
  doc.append((uint64_t{64} << 20) + 1 - doc.size(), ' ');
  EXPECT_EQ(e.Load(doc, CROSSGATE_FORMAT_JSON), CROSSGATE_ELIMIT);
  EXPECT_EQ(e.code(), "limit_exceeded");
  EXPECT_EQ(e.path(), "input");
  EXPECT_EQ(e.generation(), 1u);
}

// Configured limits through lib/load + Engine: the engine keeps serving.
class ConfiguredLimits : public ::testing::Test {
 protected:
  void SetUp() override {
    std::vector<LoadIssue> issues;
    auto serving = LoadJsonText(TenantDoc(Policies({Policy("serving")})), LoadOptions(),
                                &issues);
    ASSERT_TRUE(serving.ok());
    ASSERT_TRUE(engine_.Load(*serving).ok());
  }
  // Loads `text`; on success publishes it. Returns the load status.
  absl::Status LoadAndPublish(absl::string_view text, const LoadOptions& options) {
    issues_.clear();
    auto bundle = LoadJsonText(text, options, &issues_);
    if (!bundle.ok()) return bundle.status();
    return engine_.Load(*bundle);
  }
  Engine engine_;
  std::vector<LoadIssue> issues_;
};

TEST_F(ConfiguredLimits, InputBytes) {
  const std::string doc = TenantDoc(Policies({Policy("p1")}));
  LoadOptions options;
  options.limits.max_input_bytes = doc.size();
  EXPECT_TRUE(LoadAndPublish(doc, options).ok());
  EXPECT_EQ(engine_.generation(), 2u);
  options.limits.max_input_bytes = doc.size() - 1;
  absl::Status past = LoadAndPublish(doc, options);
  EXPECT_EQ(past.code(), absl::StatusCode::kResourceExhausted) << past;
  ASSERT_FALSE(issues_.empty());
  EXPECT_EQ(issues_[0].code, IssueCode::kLimitExceeded);
  EXPECT_EQ(issues_[0].path, "input");
  EXPECT_EQ(engine_.generation(), 2u);
}

TEST_F(ConfiguredLimits, ObjectsPerTenant) {
  LoadOptions options;
  options.limits.max_objects_per_tenant = 5;
  std::vector<std::string> p;
  for (int i = 0; i < 5; ++i) p.push_back(Policy(absl::StrCat("p", i)));
  EXPECT_TRUE(LoadAndPublish(TenantDoc(Policies(p)), options).ok());
  p.push_back(Policy("p5"));
  absl::Status past = LoadAndPublish(TenantDoc(Policies(p)), options);
  EXPECT_EQ(past.code(), absl::StatusCode::kResourceExhausted) << past;
  ASSERT_FALSE(issues_.empty());
  EXPECT_EQ(issues_[0].path, T() + "/conditionalAccessPolicies");
  EXPECT_EQ(engine_.generation(), 2u);
}

TEST_F(ConfiguredLimits, Files) {
  const fs::path dir = fs::path(::testing::TempDir()) / "limits_files";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "tenant.json") << TenantDoc("");
  std::ofstream(dir / "p1.json") << Policy("p1");
  std::ofstream(dir / "p2.json") << Policy("p2");
  LoadOptions options;
  options.limits.max_files = 3;
  std::vector<LoadIssue> issues;
  EXPECT_TRUE(LoadPaths({dir.string()}, options, &issues).ok());
  std::ofstream(dir / "p3.json") << Policy("p3");
  issues.clear();
  auto past = LoadPaths({dir.string()}, options, &issues);
  EXPECT_EQ(past.status().code(), absl::StatusCode::kResourceExhausted) << past.status();
  ASSERT_FALSE(issues.empty());
  EXPECT_EQ(issues[0].code, IssueCode::kLimitExceeded);
  EXPECT_EQ(issues[0].path, dir.string());
}

TEST_F(ConfiguredLimits, IssuesAreCappedAndTheLoadStillFails) {
  LoadOptions options;
  options.limits.max_issues = 3;
  auto bad_groups = [](int n) {
    std::vector<std::string> g(n, "\"not-a-guid\"");
    return TenantDoc(Policies({absl::StrCat(
        "{\"id\": \"p1\", \"state\": \"enabled\", \"conditions\": {\"users\": ",
        "{\"includeGroups\": [", absl::StrJoin(g, ","), "]}, \"applications\": ",
        "{\"includeApplications\": [\"All\"]}, \"clientAppTypes\": [\"all\"]}, ",
        "\"grantControls\": {\"operator\": \"OR\", \"builtInControls\": [\"mfa\"]}}")}));
  };
  EXPECT_FALSE(LoadAndPublish(bad_groups(3), options).ok());
  EXPECT_EQ(issues_.size(), 3u);
  EXPECT_FALSE(LoadAndPublish(bad_groups(4), options).ok());
  EXPECT_EQ(issues_.size(), 3u);
  EXPECT_EQ(engine_.generation(), 1u);
}

TEST(Limits, CAbiRequestLists) {
  CEngine e;
  crossgate_request r = CROSSGATE_REQUEST_INIT;
  crossgate_guid_parse(&r.resource_tenant_id, kTenant, 36, nullptr);
  std::vector<crossgate_guid> groups(size_t{1} << 20);
  r.groups = groups.data();
  r.group_count = groups.size();
  crossgate_decision d = CROSSGATE_DECISION_INIT;
  EXPECT_EQ(crossgate_evaluate(&d, e.get(), &r, nullptr), CROSSGATE_OK);
  r.group_count = (size_t{1} << 20) + 1;  // never read: refused by count
  crossgate_error* err = nullptr;
  EXPECT_EQ(crossgate_evaluate(&d, e.get(), &r, &err), CROSSGATE_ELIMIT);
  EXPECT_EQ(std::string(crossgate_error_path(err)), "request/groups");
  EXPECT_EQ(d.outcome, CROSSGATE_OUTCOME_BLOCK);
  crossgate_error_free(err);
}

std::string JsonRequest(int groups, size_t pad_to = 0) {
  std::string r = absl::StrCat(
      "{\"resourceTenantId\": \"", kTenant, "\", \"signInIdentity\": {\"@odata.type\": ",
      "\"#microsoft.graph.userSignIn\", \"userId\": \"", kGroup, "\", \"groups\": [",
      GroupIds(groups), "]}, \"signInContext\": {\"@odata.type\": ",
      "\"#microsoft.graph.applicationContext\", \"includeApplications\": ",
      "[\"00000003-0000-0ff1-ce00-000000000000\"]}}");
  if (r.size() < pad_to) r.append(pad_to - r.size(), ' ');
  return r;
}

int EvaluateJson(const CEngine& e, const std::string& json, std::string* path) {
  crossgate_decision d = CROSSGATE_DECISION_INIT;
  crossgate_error* err = nullptr;
  const int rc = crossgate_evaluate_json(&d, e.get(), json.data(), json.size(), &err);
  *path = crossgate_error_path(err);
  crossgate_error_free(err);
  if (rc != CROSSGATE_OK) {
    EXPECT_EQ(d.outcome, CROSSGATE_OUTCOME_BLOCK);
  }
  return rc;
}

TEST(Limits, JsonRequestListEntries) {
  CEngine e;
  std::string path;
  EXPECT_EQ(EvaluateJson(e, JsonRequest(100000), &path), CROSSGATE_OK) << path;
  EXPECT_EQ(EvaluateJson(e, JsonRequest(100001), &path), CROSSGATE_ELIMIT);
  EXPECT_EQ(path, "signInIdentity.groups");
}

TEST(Limits, JsonRequestBytes) {
  CEngine e;
  std::string path;
  EXPECT_EQ(EvaluateJson(e, JsonRequest(1, size_t{16} << 20), &path), CROSSGATE_OK) << path;
  EXPECT_EQ(EvaluateJson(e, JsonRequest(1, (size_t{16} << 20) + 1), &path), CROSSGATE_ELIMIT);
  EXPECT_EQ(path, "request");
}

TEST(Limits, RequirementsPerDecision) {
  // 32 unmet requirements are a challenge; the 33rd is the overflow block
  // (tests/reliability/eval_failure_paths_test.cc).
  std::vector<std::string> policies;
  for (int i = 0; i < Decision::kMaxRequirements; ++i) {
    policies.push_back(Policy(absl::StrFormat("p%04d", i), "",
                              absl::StrFormat("{\"operator\": \"AND\", \"termsOfUse\": "
                                              "[\"%08x-1111-4111-8111-111111111111\"]}",
                                              i + 1)));
  }
  std::vector<LoadIssue> issues;
  auto bundle = LoadJsonText(TenantDoc(Policies(policies)), LoadOptions(), &issues);
  ASSERT_TRUE(bundle.ok()) << bundle.status();
  auto set = CompilePolicySet(*bundle, CompileOptions(), &issues);
  ASSERT_TRUE(set.ok()) << set.status();
  EvalScratch scratch(**set);
  Request r;
  r.resource_tenant_id = *ParseGuid(kTenant);
  r.client_app = ClientApp::kBrowser;
  Decision d;
  Evaluate(**set, r, EvaluateOptions(), scratch, &d);
  EXPECT_EQ(d.outcome, Outcome::kChallenge);
  EXPECT_EQ(d.requirement_count, Decision::kMaxRequirements);
}

}  // namespace
}  // namespace crossgate::reliability
