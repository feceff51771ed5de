// Output for terminals and for scripts: colour only on a TTY and never with
// NO_COLOR; the batch progress bar only when stderr is a TTY; the documented
// exit codes; the batch, JSON and bundle paths agreeing with each other.

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/cli/cli_runner.h"

namespace crossgate_cli_test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const std::vector<std::string> kCheckMfa = {
    "check", "-p", "examples/policies/contoso.json",
    "examples/requests/member-needs-mfa.json"};

TEST(CliTerminal, ColourOnATty) {
  RunOptions tty;
  tty.stdout_tty = true;
  RunResult r = RunCli(kCheckMfa, tty);
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_THAT(r.out, HasSubstr("\033[33mCHALLENGE\033[0m"));
}

TEST(CliTerminal, NoColourWithNoColor) {
  RunOptions tty;
  tty.stdout_tty = true;
  tty.env = {"NO_COLOR=1"};
  RunResult r = RunCli(kCheckMfa, tty);
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_THAT(r.out, HasSubstr("CHALLENGE"));
  EXPECT_THAT(r.out, Not(HasSubstr("\033[")));
}

TEST(CliTerminal, NoColourWhenPiped) {
  RunResult r = RunCli(kCheckMfa);
  EXPECT_THAT(r.out, HasSubstr("decision       CHALLENGE\n"));
  EXPECT_THAT(r.out, Not(HasSubstr("\033[")));
}

TEST(CliTerminal, ProgressBarOnlyOnATerminal) {
  std::vector<std::string> args = {"check",
                                   "-p",
                                   "examples/policies/contoso.json",
                                   "-p",
                                   "examples/policies/fabrikam.json",
                                   "-p",
                                   "examples/policies/northwind.json",
                                   "--batch",
                                   "examples/requests/requests.jsonl"};
  RunOptions tty;
  tty.stderr_tty = true;
  RunResult on_tty = RunCli(args, tty);
  EXPECT_THAT(on_tty.err, HasSubstr("requests"));
  EXPECT_THAT(on_tty.err, HasSubstr("\r\033[K"));  // erased at the end
  RunResult piped = RunCli(args);
  EXPECT_EQ(piped.err, "");
  EXPECT_EQ(on_tty.out, piped.out);
}

TEST(CliExitCodes, AllowBlockChallenge) {
  auto check = [](const std::string& request) {
    return RunCli({"check", "-p", "examples/policies/contoso.json", "-p",
                   "examples/policies/fabrikam.json", "-p",
                   "examples/policies/northwind.json",
                   "examples/requests/" + request + ".json"})
        .exit_code;
  };
  EXPECT_EQ(check("member-compliant-mfa"), 0);
  EXPECT_EQ(check("risky-signin-high"), 3);
  EXPECT_EQ(check("guest-fabrikam-outbound-blocked"), 3);
  EXPECT_EQ(check("member-needs-mfa"), 4);
}

TEST(CliExitCodes, LintAndDiff) {
  EXPECT_EQ(RunCli({"lint", "examples/policies/contoso.json"}).exit_code, 0);
  EXPECT_EQ(RunCli({"lint", "examples/tour/contoso-next.json"}).exit_code, 5);
  EXPECT_EQ(RunCli({"diff", "examples/policies/contoso.json",
                    "examples/policies/contoso.json", "--requests",
                    "examples/tour/diff-requests.jsonl"})
                .exit_code,
            0);
  EXPECT_EQ(RunCli({"diff", "examples/policies/contoso.json",
                    "examples/tour/contoso-next.json", "--requests",
                    "examples/tour/diff-requests.jsonl"})
                .exit_code,
            5);
}

// `check --batch --policy-results` writes, line for line, what `check --json`
// writes for each request; a compiled bundle decides like the JSON exports.
TEST(CliConsistency, BatchJsonAndBundleAgree) {
  const std::vector<std::string> policies = {
      "-p", "examples/policies/contoso.json",
      "-p", "examples/policies/fabrikam.json",
      "-p", "examples/policies/northwind.json"};
  std::vector<std::string> names = {"member-needs-mfa",
                                    "guest-fabrikam-trusted",
                                    "guest-unconfigured-tenant",
                                    "directconnect-northwind-teams",
                                    "risky-signin-high",
                                    "guest-fabrikam-outbound-blocked",
                                    "admin-fido2",
                                    "workload-identity-untrusted"};
  std::string jsonl;
  std::string expected;
  for (const std::string& name : names) {
    std::string text =
        ReadFile(SourceDir() + "/examples/requests/" + name + ".json");
    for (char& c : text) {
      if (c == '\n') c = ' ';
    }
    absl::StrAppend(&jsonl, text, "\n");
    std::vector<std::string> args = {"check", "--json"};
    args.insert(args.end(), policies.begin(), policies.end());
    args.push_back("examples/requests/" + name + ".json");
    RunResult one = RunCli(args);
    ASSERT_NE(one.exit_code, 1) << name << ": " << one.err;
    absl::StrAppend(&expected, one.out);
  }
  char path[] = "/tmp/crossgate_cli_batch_XXXXXX";
  int fd = mkstemp(path);
  close(fd);
  WriteFile(path, jsonl);
  std::vector<std::string> args = {"check", "--batch", path,
                                   "--policy-results"};
  args.insert(args.end(), policies.begin(), policies.end());
  RunResult batch = RunCli(args);
  EXPECT_EQ(batch.out, expected);

  char bundle[] = "/tmp/crossgate_cli_bundle_XXXXXX";
  fd = mkstemp(bundle);
  close(fd);
  RunResult compiled =
      RunCli({"compile", "examples/policies/contoso.json",
              "examples/policies/fabrikam.json",
              "examples/policies/northwind.json", "-o", bundle});
  ASSERT_EQ(compiled.exit_code, 0) << compiled.err;
  RunResult from_bundle =
      RunCli({"check", "-p", bundle, "--batch", path, "--policy-results"});
  EXPECT_EQ(from_bundle.out, expected);
  unlink(path);
  unlink(bundle);
}

}  // namespace
}  // namespace crossgate_cli_test

namespace crossgate_cli_test {
namespace {

// `-` reads the request (or the JSONL batch) from standard input.
TEST(CliStdin, RequestAndBatchFromStandardInput) {
  RunOptions in;
  in.stdin_path = SourceDir() + "/examples/requests/member-needs-mfa.json";
  RunResult one = RunCli(
      {"check", "--json", "-p", "examples/policies/contoso.json", "-"}, in);
  RunResult file = RunCli({"check", "--json", "-p",
                           "examples/policies/contoso.json",
                           "examples/requests/member-needs-mfa.json"});
  EXPECT_EQ(one.exit_code, 4);
  EXPECT_EQ(one.out, file.out);

  RunOptions batch_in;
  batch_in.stdin_path = SourceDir() + "/examples/tour/diff-requests.jsonl";
  const std::vector<std::string> policies = {
      "-p", "examples/policies/contoso.json", "-p",
      "examples/policies/fabrikam.json",      "-p",
      "examples/policies/northwind.json"};
  std::vector<std::string> from_stdin = {"check", "--batch", "-"};
  from_stdin.insert(from_stdin.end(), policies.begin(), policies.end());
  std::vector<std::string> from_file = {"check", "--batch",
                                        "examples/tour/diff-requests.jsonl"};
  from_file.insert(from_file.end(), policies.begin(), policies.end());
  RunResult a = RunCli(from_stdin, batch_in);
  RunResult b = RunCli(from_file);
  EXPECT_EQ(a.exit_code, 3);  // the batch has blocks and no errors
  EXPECT_EQ(a.out, b.out);
  EXPECT_EQ(std::count(a.out.begin(), a.out.end(), '\n'), 38);
}

}  // namespace
}  // namespace crossgate_cli_test
