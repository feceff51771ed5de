// crossgate diff OLD NEW --requests REQUESTS.jsonl [--json]
//
// Which requests change decision between two versions of the policies (each
// a bundle, a Graph JSON export / tenant document, or a tenant directory):
// the question to ask before switching a report-only policy on. Every line
// of the JSONL file is decided against both; a request changes when its
// outcome, stage, reason, deciding policy (by id), requirements or session
// controls differ. Requests for a tenant in neither version are skipped
// (with a note on stderr): their decision cannot change. Exit 0 when nothing
// changes, 5 when something does, 1 on an input error.

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "bindings/cli/batch_checker.h"
#include "bindings/cli/decide_flags.h"
#include "bindings/cli/decision_render.h"
#include "bindings/cli/policy_source.h"
#include "bindings/cli/request_input.h"
#include "bindings/cli/terminal.h"
#include "bindings/cli/verbs.h"
#include "lib/eval/evaluator.h"

namespace crossgate_cli {
namespace {

// What decides "changed": ids, not indexes (the versions number policies
// differently) and not display names (a rename is not a change).
std::string DecisionKey(const crossgate::Decision& d,
                        const crossgate::CompiledPolicySet& set) {
  std::string key = absl::StrCat(
      crossgate::OutcomeName(d.outcome), "|", crossgate::StageName(d.stage),
      "|", crossgate::ReasonName(d.reason), "|", d.cross_tenant_reason, "|");
  if (d.deciding_policy >= 0) {
    absl::StrAppend(&key,
                    set.policy_id(static_cast<uint32_t>(d.deciding_policy)));
  }
  for (int i = 0; i < d.requirement_count; ++i) {
    const crossgate::Requirement& r = d.requirements[i];
    absl::StrAppend(&key, "|", crossgate::RequirementKindName(r.kind), ":",
                    set.RequirementId(r), "@",
                    crossgate::ChallengeLocationName(r.where), "#", r.group);
  }
  absl::StrAppend(&key, "|", SessionSummary(d.session));
  return key;
}

std::string Summary(const crossgate::Decision& d, const Policies& policies) {
  std::string s = absl::StrCat(crossgate::OutcomeName(d.outcome), ": ",
                               DecisionReason(d, policies));
  std::string session = SessionSummary(d.session);
  if (!session.empty()) absl::StrAppend(&s, " [", session, "]");
  return s;
}

struct Side {
  const Policies* policies;
  crossgate::EvalScratch scratch;
  crossgate::Decision decision;
};

}  // namespace

int RunDiff(int argc, char** argv) {
  DecideFlags flags;
  std::string requests;
  bool ok = flags.Parse("diff", argc, argv, [&](int n, char** args) -> int {
    if (std::strcmp(args[0], "--requests") != 0) return 0;
    if (n < 2) {
      std::fprintf(stderr, "crossgate diff: --requests needs a JSONL file\n");
      return -1;
    }
    requests = args[1];
    return 2;
  });
  if (ok && flags.positional.size() != 2) {
    std::fprintf(stderr, "crossgate diff: give OLD and NEW policies\n");
    ok = false;
  }
  if (ok && requests.empty()) {
    std::fprintf(stderr,
                 "crossgate diff: --requests REQUESTS.jsonl is required\n");
    ok = false;
  }
  if (!ok) {
    std::fputs(
        "usage: crossgate diff OLD NEW --requests REQUESTS.jsonl [--json]\n",
        stderr);
    return kExitUsage;
  }
  auto old_policies =
      LoadPolicies({flags.positional[0]}, flags.load_options, "diff");
  if (!old_policies.ok()) return kExitError;
  auto new_policies =
      LoadPolicies({flags.positional[1]}, flags.load_options, "diff");
  if (!new_policies.ok()) return kExitError;
  auto text = ReadWholeFile(requests);
  if (!text.ok()) {
    std::fprintf(stderr, "crossgate diff: %s\n",
                 std::string(text.status().message()).c_str());
    return kExitError;
  }
  Side sides[2] = {
      {old_policies->get(), (*old_policies)->set->NewScratch(), {}},
      {new_policies->get(), (*new_policies)->set->NewScratch(), {}}};
  crossgate::RequestReader reader;
  crossgate::ParsedRequest parsed;
  crossgate::RequestDefaults defaults;
  // Only when both versions hold the same single tenant.
  if ((*old_policies)->OnlyTenant() == (*new_policies)->OnlyTenant()) {
    defaults.resource_tenant_id = (*old_policies)->OnlyTenant();
  }
  const bool color = ShouldColor(stdout);
  Table table({"line", "old decision", "new decision"});
  DecisionJsonWriter writer;
  int line_number = 0, decided = 0, changed = 0, skipped = 0;
  std::string first_skipped;
  bool any_error = false;
  for (absl::string_view line : absl::StrSplit(*text, '\n')) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == absl::string_view::npos) continue;
    absl::Status status = ParseRequestAt(reader, line, defaults, requests,
                                         line_number, &parsed, nullptr);
    if (status.ok() &&
        (*old_policies)->set->FindTenant(parsed.request().resource_tenant_id) <
            0 &&
        (*new_policies)->set->FindTenant(parsed.request().resource_tenant_id) <
            0) {
      // Neither version decides this tenant, so its decision cannot change
      // (a mixed request file against one tenant's versions). Said below.
      if (skipped++ == 0) {
        first_skipped = absl::StrCat(
            requests, ":", line_number, " (",
            crossgate::FormatGuid(parsed.request().resource_tenant_id), ")");
      }
      continue;
    }
    if (!status.ok()) {
      std::fprintf(stderr, "crossgate diff: %s\n",
                   std::string(status.message()).c_str());
      any_error = true;
      continue;
    }
    ++decided;
    for (Side& side : sides) {
      crossgate::Evaluate(*side.policies->set, parsed.request(),
                          crossgate::EvaluateOptions(), side.scratch,
                          &side.decision);
    }
    if (DecisionKey(sides[0].decision, *sides[0].policies->set) ==
        DecisionKey(sides[1].decision, *sides[1].policies->set)) {
      continue;
    }
    ++changed;
    if (flags.json) {
      // Render one at a time: the writer reuses its buffer.
      std::string old_json =
          writer.Render(sides[0].decision, *sides[0].policies->set);
      std::string new_json =
          writer.Render(sides[1].decision, *sides[1].policies->set);
      std::printf("{\"line\":%d,\"old\":%s,\"new\":%s}\n", line_number,
                  old_json.c_str(), new_json.c_str());
    } else {
      table.AddRow({absl::StrCat(line_number),
                    Summary(sides[0].decision, *sides[0].policies),
                    Summary(sides[1].decision, *sides[1].policies)});
    }
  }
  if (skipped > 0) {
    std::fprintf(stderr,
                 "crossgate diff: note: skipped %d requests for tenants in "
                 "neither version (first: %s)\n",
                 skipped, first_skipped.c_str());
  }
  if (!flags.json) {
    if (changed > 0) table.Print(stdout, color);
    std::printf("%d of %d requests change decision\n", changed, decided);
  }
  if (any_error) return kExitError;
  return changed > 0 ? kExitFindings : kExitOk;
}

}  // namespace crossgate_cli
