// Golden tests of every verb's human and JSON output on the example tenants
// (examples/policies) and the tour's next Contoso version (examples/tour).
// Each golden (tests/cli/golden/<case>.txt) holds the command, the exit code,
// stdout and stderr. Regenerate after an intended change (for example when
// engine semantics change) with
//   CROSSGATE_UPDATE_GOLDENS=1 build/bin/cli_tests --gtest_filter='Golden*'
// and review the diff.

#include <ostream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "gtest/gtest.h"
#include "tests/cli/cli_runner.h"

namespace crossgate_cli_test {
namespace {

const std::vector<std::string> kPolicies = {
    "-p", "examples/policies/contoso.json",
    "-p", "examples/policies/fabrikam.json",
    "-p", "examples/policies/northwind.json"};

std::vector<std::string> WithPolicies(std::vector<std::string> args) {
  std::vector<std::string> out = {args[0]};
  out.insert(out.end(), kPolicies.begin(), kPolicies.end());
  out.insert(out.end(), args.begin() + 1, args.end());
  return out;
}

struct GoldenCase {
  const char* name;
  std::vector<std::string> args;
};

// gtest prints a failing parameter with this instead of its bytes.
void PrintTo(const GoldenCase& c, std::ostream* os) { *os << c.name; }

std::string Transcript(const std::vector<std::string>& args,
                       const RunResult& r) {
  std::string command = absl::StrCat("$ crossgate ", absl::StrJoin(args, " "));
  // The shared data directory differs between machines.
  command =
      absl::StrReplaceAll(command, {{SharedDir(), "$CROSSGATE_SHARED_DIR"}});
  return absl::StrCat(command, "\nexit ", r.exit_code, "\n--- stdout\n", r.out,
                      "--- stderr\n", r.err);
}

std::vector<GoldenCase> Cases() {
  const std::string contoso_only = "examples/policies/contoso.json";
  const std::string graph_sample =
      SharedDir() + "/spec/graph-samples/ca-whatif-evaluate-request.json";
  std::vector<GoldenCase> cases = {
      // check: one request of each outcome and stage, human and JSON.
      {"check_member_needs_mfa",
       WithPolicies({"check", "examples/requests/member-needs-mfa.json"})},
      {"check_member_needs_mfa_json",
       WithPolicies(
           {"check", "--json", "examples/requests/member-needs-mfa.json"})},
      {"check_guest_fabrikam_trusted",
       WithPolicies(
           {"check", "examples/requests/guest-fabrikam-trusted.json"})},
      {"check_guest_fabrikam_trusted_json",
       WithPolicies({"check", "--json",
                     "examples/requests/guest-fabrikam-trusted.json"})},
      {"check_guest_unconfigured_tenant",
       WithPolicies(
           {"check", "examples/requests/guest-unconfigured-tenant.json"})},
      {"check_guest_outbound_blocked",
       WithPolicies(
           {"check",
            "examples/requests/guest-fabrikam-outbound-blocked.json"})},
      {"check_guest_outbound_blocked_json",
       WithPolicies(
           {"check", "--json",
            "examples/requests/guest-fabrikam-outbound-blocked.json"})},
      {"check_directconnect_northwind_teams",
       WithPolicies(
           {"check", "examples/requests/directconnect-northwind-teams.json"})},
      {"check_risky_signin_high",
       WithPolicies({"check", "examples/requests/risky-signin-high.json"})},
      {"check_risky_signin_high_json",
       WithPolicies(
           {"check", "--json", "examples/requests/risky-signin-high.json"})},
      {"check_graph_sample_contoso_only",
       {"check", "-p", contoso_only, graph_sample}},
      // check --batch: every example request, with and without per-policy
      // results.
      {"check_batch_requests",
       WithPolicies({"check", "--batch", "examples/requests/requests.jsonl"})},
      {"check_batch_tour_requests_policy_results",
       WithPolicies({"check", "--batch", "examples/tour/diff-requests.jsonl",
                     "--policy-results"})},
      // what-if.
      {"what_if_guest_fabrikam_trusted",
       WithPolicies(
           {"what-if", "examples/requests/guest-fabrikam-trusted.json"})},
      {"what_if_guest_fabrikam_trusted_json",
       WithPolicies({"what-if", "--json",
                     "examples/requests/guest-fabrikam-trusted.json"})},
      {"what_if_guest_outbound_blocked",
       WithPolicies(
           {"what-if",
            "examples/requests/guest-fabrikam-outbound-blocked.json"})},
      {"what_if_directconnect_json",
       WithPolicies({"what-if", "--json",
                     "examples/requests/directconnect-northwind-teams.json"})},
      {"what_if_graph_sample",
       {"what-if", "-p", contoso_only, "--graph", graph_sample}},
      {"what_if_graph_sample_json",
       {"what-if", "-p", contoso_only, "--graph", "--json", graph_sample}},
      // lint.
      {"lint_examples_clean",
       {"lint", "examples/policies/contoso.json",
        "examples/policies/fabrikam.json", "examples/policies/northwind.json"}},
      {"lint_contoso_next", {"lint", "examples/tour/contoso-next.json"}},
      {"lint_contoso_next_json",
       {"lint", "--json", "examples/tour/contoso-next.json"}},
      // diff: switching CA104 on.
      {"diff_contoso_next",
       {"diff", contoso_only, "examples/tour/contoso-next.json", "--requests",
        "examples/tour/diff-requests.jsonl"}},
      {"diff_contoso_next_json",
       {"diff", "--json", contoso_only, "examples/tour/contoso-next.json",
        "--requests", "examples/tour/diff-requests.jsonl"}},
      {"diff_same",
       {"diff", contoso_only, contoso_only, "--requests",
        "examples/requests/requests.jsonl"}},
      // invite.
      {"invite_blocked_domain",
       {"invite", "-p", contoso_only, "--inviter-role",
        "95e79109-95c0-4d8e-aee3-d01accf2d47b", "someone@mailinator.com"}},
      {"invite_blocked_domain_json",
       {"invite", "-p", contoso_only, "--json", "--inviter-role",
        "95e79109-95c0-4d8e-aee3-d01accf2d47b", "someone@mailinator.com"}},
      {"invite_member_not_permitted",
       {"invite", "-p", contoso_only, "partner@fabrikam.example"}},
      {"invite_fabrikam_allowed",
       {"invite", "-p", contoso_only, "--inviter-role",
        "95e79109-95c0-4d8e-aee3-d01accf2d47b", "--invitee-tenant",
        "219f69be-e8d7-5edf-a220-078f91bdaa42", "fiona@fabrikam.example"}},
      // inspect (the foundation's verb, on the same tenants).
      {"inspect_examples",
       {"inspect", "examples/policies/contoso.json",
        "examples/policies/fabrikam.json", "examples/policies/northwind.json"}},
  };
  return cases;
}

class GoldenTest : public ::testing::TestWithParam<GoldenCase> {};

TEST_P(GoldenTest, MatchesGolden) {
  const GoldenCase& c = GetParam();
  RunResult r = RunCli(c.args);
  ExpectGolden(absl::StrCat(c.name, ".txt"), Transcript(c.args, r));
}

INSTANTIATE_TEST_SUITE_P(Golden, GoldenTest, ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<GoldenCase>& info) {
                           return std::string(info.param.name);
                         });

}  // namespace
}  // namespace crossgate_cli_test
