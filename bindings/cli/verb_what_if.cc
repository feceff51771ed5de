// crossgate what-if -p POLICIES [--json] [--graph] REQUEST.json
//
// The Entra What-If view of one request: the decision, the cross-tenant
// settings consulted, then every Conditional Access policy of the resource
// tenant with applies / does not apply, the first condition that did not
// match (What-If `analysisReasons`, spec 5.7), its sign-in log result, and
// the grant and session controls of the policies that apply.
//
// By default a condition on something the request does not supply reads as
// a real sign-in would (the same decision as `check`). --graph reads it as
// Graph's What-If does: such a policy does not apply.

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "bindings/cli/batch_checker.h"
#include "bindings/cli/cross_tenant_view.h"
#include "bindings/cli/decide_flags.h"
#include "bindings/cli/decision_render.h"
#include "bindings/cli/policy_describe.h"
#include "bindings/cli/policy_source.h"
#include "bindings/cli/request_input.h"
#include "bindings/cli/terminal.h"
#include "bindings/cli/verbs.h"
#include "lib/cross_tenant/cross_tenant_reason.h"
#include "lib/eval/evaluator.h"
#include "lib/request_json/request_writer.h"

namespace crossgate_cli {
namespace {

namespace pb = crossgate::policy::v1;
using crossgate::JsonQuote;

const char* ShortState(crossgate::PolicyMode mode) {
  switch (mode) {
    case crossgate::PolicyMode::kEnabled:
      return "on";
    case crossgate::PolicyMode::kReportOnly:
      return "report-only";
    case crossgate::PolicyMode::kDisabled:
      return "off";
  }
  return "?";
}

std::string JsonList(const std::vector<std::string>& items) {
  std::vector<std::string> quoted;
  for (const auto& item : items) quoted.push_back(JsonQuote(item));
  return absl::StrCat("[", absl::StrJoin(quoted, ","), "]");
}

struct PolicyRow {
  const crossgate::PolicyOutcome* outcome;
  const pb::ConditionalAccessPolicy* model;  // may be null
};

void PrintHuman(const crossgate::Decision& d, const Policies& policies,
                const CrossTenantView& xtap, const std::vector<PolicyRow>& rows,
                const pb::TenantPolicies* tenant) {
  const bool color = ShouldColor(stdout);
  const crossgate::CompiledPolicySet& set = *policies.set;
  PrintDecision(stdout, d, policies, color, xtap.summary);
  std::printf("\ncross-tenant settings consulted\n  %s\n",
              xtap.summary.c_str());
  for (const std::string& line : xtap.consulted) {
    std::printf("  - %s\n", line.c_str());
  }
  std::printf("\n");
  if (rows.empty()) {
    std::printf(
        "Conditional Access: not evaluated (the cross-tenant stage decided "
        "first, D5)\n");
    return;
  }
  Table table({"policy", "state", "applies", "why not", "result",
               "controls that apply"});
  std::vector<PolicyRow> sorted = rows;  // by name, for people
  std::sort(sorted.begin(), sorted.end(),
            [&](const PolicyRow& a, const PolicyRow& b) {
              return set.policy_display_name(a.outcome->policy_index) <
                     set.policy_display_name(b.outcome->policy_index);
            });
  for (const PolicyRow& row : sorted) {
    const crossgate::PolicyOutcome& p = *row.outcome;
    const bool applies = p.applies;
    std::string controls;
    if (applies && row.model != nullptr && tenant != nullptr) {
      std::vector<std::string> parts;
      if (row.model->has_grant_controls()) {
        parts.push_back(absl::StrCat("grant ", GrantText(*row.model, *tenant)));
      }
      std::vector<std::string> items = SessionItems(*row.model);
      if (!items.empty()) {
        parts.push_back(absl::StrCat("session ", absl::StrJoin(items, ", ")));
      }
      controls = absl::StrJoin(parts, "; ");
    }
    table.AddRow(
        {std::string(set.policy_display_name(p.policy_index)),
         ShortState(set.policy_mode(p.policy_index)), applies ? "yes" : "no",
         applies ? "" : std::string(crossgate::WhatIfReasonName(p.reason)),
         std::string(crossgate::PolicyResultName(p.result)), controls},
        {Color::kNone, Color::kNone, applies ? Color::kGreen : Color::kDim});
  }
  table.Print(stdout, color);
}

void PrintJson(const crossgate::Decision& d, const Policies& policies,
               const CrossTenantView& xtap, const std::vector<PolicyRow>& rows,
               const pb::TenantPolicies* tenant,
               const std::vector<std::string>& notes) {
  const crossgate::CompiledPolicySet& set = *policies.set;
  DecisionJsonWriter writer;
  const auto& x = xtap.result;
  std::string out = absl::StrCat(
      "{\"decision\":", writer.Render(d, set),
      ",\"crossTenant\":{\"allowed\":", x.allowed ? "true" : "false",
      ",\"reason\":",
      JsonQuote(crossgate::cross_tenant::CrossTenantReasonName(x.reason)),
      ",\"summary\":", JsonQuote(xtap.summary), ",\"homeOutboundEvaluated\":",
      x.home_outbound_evaluated ? "true" : "false",
      ",\"inboundTrust\":{\"isMfaAccepted\":",
      x.inbound_trust.mfa_accepted ? "true" : "false",
      ",\"isCompliantDeviceAccepted\":",
      x.inbound_trust.compliant_device_accepted ? "true" : "false",
      ",\"isHybridAzureADJoinedDeviceAccepted\":",
      x.inbound_trust.hybrid_joined_device_accepted ? "true" : "false",
      "},\"consulted\":", JsonList(xtap.consulted), "},\"policies\":[");
  for (size_t i = 0; i < rows.size(); ++i) {
    const crossgate::PolicyOutcome& p = *rows[i].outcome;
    std::vector<std::string> grant, session;
    const char* op = "AND";
    if (p.applies && rows[i].model != nullptr && tenant != nullptr) {
      grant = GrantItems(*rows[i].model, *tenant);
      session = SessionItems(*rows[i].model);
      op = GrantOperator(*rows[i].model);
    }
    absl::StrAppend(
        &out, i == 0 ? "" : ",",
        "{\"id\":", JsonQuote(set.policy_id(p.policy_index)),
        ",\"displayName\":", JsonQuote(set.policy_display_name(p.policy_index)),
        ",\"state\":",
        JsonQuote(rows[i].model ? StateName(rows[i].model->state())
                                : "unknown"),
        ",\"policyApplies\":", p.applies ? "true" : "false",
        ",\"analysisReasons\":",
        JsonQuote(p.applies ? "" : crossgate::WhatIfReasonName(p.reason)),
        ",\"result\":", JsonQuote(crossgate::PolicyResultName(p.result)),
        ",\"grantOperator\":", JsonQuote(op),
        ",\"grantControls\":", JsonList(grant),
        ",\"sessionControls\":", JsonList(session), "}");
  }
  absl::StrAppend(&out, "],\"notes\":", JsonList(notes), "}");
  std::printf("%s\n", out.c_str());
}

}  // namespace

int RunWhatIf(int argc, char** argv) {
  DecideFlags flags;
  bool graph = false;
  bool ok = flags.Parse("what-if", argc, argv, [&](int, char** args) -> int {
    if (std::strcmp(args[0], "--graph") != 0) return 0;
    graph = true;
    return 1;
  });
  if (ok && flags.policies.empty()) {
    std::fprintf(stderr, "crossgate what-if: -p POLICIES is required\n");
    ok = false;
  }
  if (ok && flags.positional.size() != 1) {
    std::fprintf(stderr, "crossgate what-if: give exactly one request file\n");
    ok = false;
  }
  if (!ok) {
    std::fputs(
        "usage: crossgate what-if -p POLICIES [--json] [--graph] "
        "REQUEST.json\n",
        stderr);
    return kExitUsage;
  }
  auto loaded = LoadPolicies(flags.policies, flags.load_options, "what-if");
  if (!loaded.ok()) return kExitError;
  const Policies& policies = **loaded;
  const std::string& path = flags.positional[0];
  crossgate::ParsedRequest parsed;
  std::vector<std::string> notes;
  absl::Status status = ReadRequestFile(policies, path, &parsed, &notes);
  if (!status.ok()) {
    std::fprintf(stderr, "crossgate what-if: %s\n",
                 std::string(status.message()).c_str());
    return kExitError;
  }
  if (!flags.json) {
    for (const std::string& note : notes) {
      std::fprintf(stderr, "crossgate what-if: note: %s\n", note.c_str());
    }
  }
  crossgate::EvaluateOptions options;
  options.what_if = true;
  options.what_if_unsupplied_not_applied = graph;
  crossgate::EvalScratch scratch = policies.set->NewScratch();
  crossgate::Decision decision;
  crossgate::Evaluate(*policies.set, parsed.request(), options, scratch,
                      &decision);
  CrossTenantView xtap = ViewCrossTenant(policies, parsed.request());
  const pb::TenantPolicies* tenant = policies.FindTenant(
      crossgate::FormatGuid(parsed.request().resource_tenant_id));
  std::vector<PolicyRow> rows;
  for (const crossgate::PolicyOutcome& p : decision.policy_results) {
    if (parsed.applied_policies_only() && !p.applies) continue;
    rows.push_back(PolicyRow{&p, policies.FindPolicy(p.policy_index)});
  }
  if (flags.json) {
    PrintJson(decision, policies, xtap, rows, tenant, notes);
  } else {
    PrintHuman(decision, policies, xtap, rows, tenant);
  }
  return ExitCodeFor(decision);
}

}  // namespace crossgate_cli
