#ifndef CROSSGATE_BINDINGS_CLI_DECISION_RENDER_H_
#define CROSSGATE_BINDINGS_CLI_DECISION_RENDER_H_

// A Decision for people (an aligned key/value block, a one-line summary) and
// for scripts (the decision JSON: decision_json_writer.h, the same object
// the C ABI's crossgate_decision_to_json writes).

#include <cstdio>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "bindings/cli/decision_json_writer.h"
#include "bindings/cli/policy_source.h"
#include "crossgate/crossgate.h"
#include "lib/eval/decision.h"
#include "lib/eval/request.h"

namespace crossgate_cli {

// "allow", "block", "challenge" (OutcomeName), upper-cased for people.
std::string OutcomeLabel(crossgate::Outcome outcome);

// Why, in one line: "blocked by CA103-... (blockControl)", "crossTenantAccess:
// blocked, user not in targets", "mfa at resourceTenant, then termsOfUse
// <id>", "all requirements met".
std::string DecisionReason(const crossgate::Decision& decision,
                           const Policies& policies);

// The session controls in force, "" when none: "signInFrequency 4h,
// persistentBrowser never".
std::string SessionSummary(const crossgate::SessionOutcome& session);

// The requirement as people read it: "mfa", "authenticationStrength
// Phishing-resistant MFA", "termsOfUse <id>".
std::string RequirementLabel(const crossgate::Requirement& requirement,
                             const crossgate::CompiledPolicySet& set);

// The `check` block: decision, stage, reason, tenant, cross-tenant result,
// requirements (one line each, with the policy asking), session controls and
// the policies that applied. `cross_tenant_detail` (FormatCrossTenantResult,
// may be empty) replaces the bare cross-tenant reason when the B2B checks
// applied: whose setting, which entry, which half.
void PrintDecision(std::FILE* out, const crossgate::Decision& decision,
                   const Policies& policies, bool color,
                   absl::string_view cross_tenant_detail = "");

// The process exit code for a decision (verbs.h: allow 0, block 3,
// challenge 4).
int ExitCodeFor(const crossgate::Decision& decision);

}  // namespace crossgate_cli

#endif  // CROSSGATE_BINDINGS_CLI_DECISION_RENDER_H_
