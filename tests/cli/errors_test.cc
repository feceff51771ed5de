// Every error path of the CLI, with the message asserted: unreadable files,
// bad JSON with line and column, unknown tenants, bad request fields, bad
// policies, usage errors. Exit codes are the documented ones (docs/cli.md):
// 1 error, 2 usage.

#include <unistd.h>

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/cli/cli_runner.h"

namespace crossgate_cli_test {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

const std::vector<std::string> kContoso = {"-p",
                                           "examples/policies/contoso.json"};
const std::vector<std::string> kAll = {
    "-p", "examples/policies/contoso.json",
    "-p", "examples/policies/fabrikam.json",
    "-p", "examples/policies/northwind.json"};

std::vector<std::string> Args(std::vector<std::string> head,
                              const std::vector<std::string>& policies,
                              std::vector<std::string> tail) {
  head.insert(head.end(), policies.begin(), policies.end());
  head.insert(head.end(), tail.begin(), tail.end());
  return head;
}

// A scratch file, removed when the test ends.
class TempFile {
 public:
  explicit TempFile(const std::string& text,
                    const std::string& suffix = ".json") {
    char name[] = "/tmp/crossgate_cli_test_XXXXXX";
    int fd = mkstemp(name);
    close(fd);
    base_ = name;
    path_ = base_ + suffix;
    rename(base_.c_str(), path_.c_str());
    WriteFile(path_, text);
  }
  ~TempFile() { unlink(path_.c_str()); }
  const std::string& path() const { return path_; }

 private:
  std::string base_, path_;
};

std::string MemberRequest() {
  return ReadFile(SourceDir() + "/examples/requests/member-needs-mfa.json");
}

std::string Replace(std::string text, const std::string& from,
                    const std::string& to) {
  size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

// --- unreadable files -----------------------------------------------------

TEST(CliErrors, MissingRequestFile) {
  RunResult r = RunCli(Args({"check"}, kContoso, {"no/such/request.json"}));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "crossgate check: no/such/request.json: cannot read: No such file "
            "or directory\n");
  EXPECT_EQ(r.out, "");
}

TEST(CliErrors, RequestPathIsADirectory) {
  RunResult r = RunCli(Args({"what-if"}, kContoso, {"examples"}));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "crossgate what-if: examples: cannot read: Is a directory\n");
}

TEST(CliErrors, MissingBatchFile) {
  RunResult r = RunCli(Args({"check"}, kContoso, {"--batch", "no/such.jsonl"}));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "crossgate check: no/such.jsonl: cannot read: No such file or "
            "directory\n");
}

TEST(CliErrors, MissingRequestsForDiff) {
  RunResult r =
      RunCli({"diff", "examples/policies/contoso.json",
              "examples/policies/contoso.json", "--requests", "no/such.jsonl"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "crossgate diff: no/such.jsonl: cannot read: No such file or "
            "directory\n");
}

TEST(CliErrors, MissingPolicyFile) {
  RunResult r = RunCli(Args({"check"}, {"-p", "no/such/bundle.pb"},
                            {"examples/requests/member-needs-mfa.json"}));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "crossgate check: error io no/such/bundle.pb: cannot read: No such "
            "file or directory\n"
            "crossgate check: cannot load policies: no/such/bundle.pb: cannot "
            "read: No such file or directory\n");
}

TEST(CliErrors, MissingLintInput) {
  RunResult r = RunCli({"lint", "no/such/policies.json"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("crossgate lint: cannot load policies: "
                               "no/such/policies.json: cannot read"));
}

// --- bad JSON, with line and column ---------------------------------------

TEST(CliErrors, BadJsonNamesLineAndColumn) {
  // Line 3, column 54: the second comma.
  TempFile f(
      "{\n  \"signInIdentity\": {\n"
      "    \"userId\": \"047258de-d058-5e2f-8647-079ceb305924\",,\n  }\n}\n");
  RunResult r = RunCli(Args({"check"}, kContoso, {f.path()}));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, absl::StrCat(
                       "crossgate check: ", f.path(),
                       ":3:54: invalid JSON: Expected an object key or }.\n"));
}

TEST(CliErrors, BadJsonMissingColon) {
  TempFile f("{\"signInIdentity\": {\"userId\" \"x\"}}");
  RunResult r = RunCli(Args({"what-if"}, kContoso, {f.path()}));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            absl::StrCat(
                "crossgate what-if: ", f.path(),
                ":1:30: invalid JSON: Expected : between key:value pair.\n"));
}

TEST(CliErrors, TruncatedJsonPointsAtTheEnd) {
  TempFile f("{\n  \"signInIdentity\":\n");
  RunResult r = RunCli(Args({"check"}, kContoso, {f.path()}));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            absl::StrCat("crossgate check: ", f.path(),
                         ":2:20: invalid JSON: Unexpected end of string. "
                         "Expected a value.\n"));
}

TEST(CliErrors, DuplicateKey) {
  TempFile f("{\"claims\": {}, \"claims\": {}}");
  RunResult r = RunCli(Args({"check"}, kContoso, {f.path()}));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, absl::StrCat("crossgate check: ", f.path(),
                                ": invalid JSON: duplicate key \"claims\"\n"));
}

TEST(CliErrors, BatchBadJsonLineKeepsGoingAndFailsClosed) {
  std::string good =
      ReadFile(SourceDir() + "/examples/requests/requests.jsonl");
  good = good.substr(0, good.find('\n') + 1);  // first request
  TempFile f(absl::StrCat(good, "{\"signInIdentity\": tru}\n", good), ".jsonl");
  RunResult r = RunCli(Args({"check"}, kContoso, {"--batch", f.path()}));
  EXPECT_EQ(r.exit_code, 1);
  const std::string message =
      absl::StrCat(f.path(), ":2:20: invalid JSON: Unexpected token.");
  EXPECT_EQ(r.err, absl::StrCat("crossgate check: ", message, "\n"));
  // Three lines out, the middle one an error object that blocks.
  std::vector<std::string> lines;
  size_t start = 0;
  for (size_t nl; (nl = r.out.find('\n', start)) != std::string::npos;
       start = nl + 1) {
    lines.push_back(r.out.substr(start, nl - start));
  }
  ASSERT_EQ(lines.size(), 3u) << r.out;
  EXPECT_THAT(lines[0], StartsWith("{\"status\":\"ok\""));
  EXPECT_EQ(lines[1],
            absl::StrCat("{\"status\":\"error\",\"outcome\":\"block\","
                         "\"line\":2,\"error\":\"",
                         message, "\"}"));
  EXPECT_THAT(lines[2], StartsWith("{\"status\":\"ok\""));
}

TEST(CliErrors, DiffBadJsonLine) {
  TempFile f("\n\n  {\"a\": }\n", ".jsonl");
  RunResult r =
      RunCli({"diff", "examples/policies/contoso.json",
              "examples/policies/contoso.json", "--requests", f.path()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, absl::StrCat("crossgate diff: ", f.path(),
                                ":3:9: invalid JSON: Unexpected token.\n"));
  EXPECT_EQ(r.out, "0 of 0 requests change decision\n");
}

// --- unknown tenant --------------------------------------------------------

TEST(CliErrors, UnknownResourceTenant) {
  TempFile f(Replace(MemberRequest(), "26df84dc-8579-5daa-b6a2-459e1120abd7",
                     "11111111-2222-4333-8444-555555555555"));
  RunResult r = RunCli(Args({"check"}, kAll, {f.path()}));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(
      r.err,
      absl::StrCat("crossgate check: ", f.path(),
                   ": resourceTenantId 11111111-2222-4333-8444-555555555555 "
                   "is not a loaded tenant (loaded: "
                   "26df84dc-8579-5daa-b6a2-459e1120abd7, "
                   "219f69be-e8d7-5edf-a220-078f91bdaa42, "
                   "4468c3c6-933e-55a3-b192-874c458eecb2)\n"));
  EXPECT_EQ(r.out, "");
}

TEST(CliErrors, UnknownResourceTenantInBatch) {
  std::string line =
      Replace(ReadFile(SourceDir() + "/examples/tour/admin-travelling.json"),
              "26df84dc-8579-5daa-b6a2-459e1120abd7",
              "11111111-2222-4333-8444-555555555555");
  for (char& c : line) {
    if (c == '\n') c = ' ';
  }
  TempFile f(line + "\n", ".jsonl");
  RunResult r = RunCli(Args({"check"}, kContoso, {"--batch", f.path()}));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, absl::StrCat("crossgate check: ", f.path(),
                                ":1: resourceTenantId "
                                "11111111-2222-4333-8444-555555555555 is not a "
                                "loaded tenant (loaded: "
                                "26df84dc-8579-5daa-b6a2-459e1120abd7)\n"));
}

TEST(CliErrors, NoResourceTenantWithSeveralLoaded) {
  RunResult r = RunCli(Args(
      {"check"}, kAll,
      {SharedDir() + "/spec/graph-samples/ca-whatif-evaluate-request.json"}));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("resourceTenantId"));
  EXPECT_THAT(r.err, StartsWith("crossgate check: " + SharedDir()));
}

TEST(CliErrors, InviteUnknownTenant) {
  RunResult r =
      RunCli({"invite", "-p", "examples/policies/contoso.json", "--tenant",
              "11111111-2222-4333-8444-555555555555", "a@b.example"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(
      r.err,
      "crossgate invite: --tenant 11111111-2222-4333-8444-555555555555 is "
      "not a loaded tenant (loaded: 26df84dc-8579-5daa-b6a2-459e1120abd7)\n");
}

TEST(CliErrors, InviteNeedsTenantWhenSeveralLoaded) {
  RunResult r = RunCli(Args({"invite"}, kAll, {"a@b.example"}));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, StartsWith("crossgate invite: --tenant is required when "
                                "several tenants are loaded"));
}

// --- bad request fields ----------------------------------------------------

TEST(CliErrors, UnknownEnumValue) {
  TempFile f(Replace(MemberRequest(), "\"browser\"", "\"desktop\""));
  RunResult r = RunCli(Args({"check"}, kContoso, {f.path()}));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            absl::StrCat("crossgate check: ", f.path(),
                         ": signInConditions.clientAppType: unknown value "
                         "\"desktop\"\n"));
}

TEST(CliErrors, BadGuidInGroups) {
  TempFile f(Replace(MemberRequest(),
                     "\"10bccd7f-970d-519a-97ce-7568e45d1472\"", "\"Sales\""));
  RunResult r = RunCli(Args({"what-if"}, kContoso, {f.path()}));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, absl::StrCat("crossgate what-if: ", f.path(),
                                ": signInIdentity.groups[0]: not a GUID: "
                                "\"Sales\"\n"));
}

TEST(CliErrors, UnknownProperty) {
  TempFile f(Replace(MemberRequest(), "\"claims\": {",
                     "\"claims\": {\"mfaa\": true, "));
  RunResult r = RunCli(Args({"check"}, kContoso, {"--json", f.path()}));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, StartsWith(absl::StrCat("crossgate check: ", f.path(),
                                             ": claims.mfaa: ")));
  EXPECT_EQ(r.out, "");
}

// --- bad policies ----------------------------------------------------------

TEST(CliErrors, BadPolicyJson) {
  TempFile f("{\"tenantId\": \"26df84dc-8579-5daa-b6a2-459e1120abd7\",\n");
  RunResult r = RunCli(Args({"check"}, {"-p", f.path()},
                            {"examples/requests/member-needs-mfa.json"}));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("crossgate check: cannot load policies: "));
  EXPECT_THAT(r.err, HasSubstr("not valid JSON"));
}

// --- usage errors (exit 2) -------------------------------------------------

TEST(CliUsage, UnknownVerb) {
  RunResult r = RunCli({"frobnicate"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, StartsWith("crossgate: unknown verb 'frobnicate'\n"));
}

TEST(CliUsage, CheckWithoutPolicies) {
  RunResult r = RunCli({"check", "examples/requests/member-needs-mfa.json"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, StartsWith("crossgate check: -p POLICIES is required\n"));
}

TEST(CliUsage, UnknownFlag) {
  RunResult r = RunCli(Args({"what-if"}, kContoso, {"--colour", "x.json"}));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, StartsWith("crossgate what-if: unknown flag --colour\n"));
}

TEST(CliUsage, DiffNeedsRequests) {
  RunResult r = RunCli({"diff", "a", "b"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, StartsWith("crossgate diff: --requests REQUESTS.jsonl is "
                                "required\n"));
}

TEST(CliUsage, InviteBadInviter) {
  RunResult r =
      RunCli(Args({"invite"}, kContoso, {"--inviter", "boss", "a@b.c"}));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, StartsWith("crossgate invite: --inviter must be member, "
                                "guest or application, not \"boss\"\n"));
}

TEST(CliUsage, HelpListsEveryVerbAndExitCodes) {
  RunResult r = RunCli({"help"});
  EXPECT_EQ(r.exit_code, 0);
  for (const char* verb :
       {"compile", "inspect", "check", "what-if", "lint", "diff", "invite"}) {
    EXPECT_THAT(r.out, HasSubstr(absl::StrCat("  ", verb, " "))) << verb;
  }
  EXPECT_THAT(r.out, HasSubstr("3 block"));
}

}  // namespace
}  // namespace crossgate_cli_test
