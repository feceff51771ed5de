#ifndef CROSSGATE_BINDINGS_CLI_POLICY_DESCRIBE_H_
#define CROSSGATE_BINDINGS_CLI_POLICY_DESCRIBE_H_

// A Conditional Access policy's controls in Graph's words, from the model:
// for the What-If view ("the grant and session controls that apply") and
// lint messages.

#include <string>
#include <vector>

#include "crossgate/policy/v1/bundle.pb.h"

namespace crossgate_cli {

// The grant controls as Graph names them: "block", "mfa", "compliantDevice",
// "authenticationStrength:<display name>", "termsOfUse:<id>",
// "customAuthenticationFactor:<id>". Empty when the policy has none.
std::vector<std::string> GrantItems(
    const crossgate::policy::v1::ConditionalAccessPolicy& policy,
    const crossgate::policy::v1::TenantPolicies& tenant);

// "AND" or "OR" (Graph's `operator`; AND when unspecified).
const char* GrantOperator(
    const crossgate::policy::v1::ConditionalAccessPolicy& policy);

// Items joined with the operator ("mfa OR compliantDevice"); "-" for none.
std::string GrantText(
    const crossgate::policy::v1::ConditionalAccessPolicy& policy,
    const crossgate::policy::v1::TenantPolicies& tenant);

// Enabled session controls: "signInFrequency 4h", "persistentBrowser never",
// "applicationEnforcedRestrictions", "cloudAppSecurity blockDownloads",
// "disableResilienceDefaults", "continuousAccessEvaluation strict",
// "secureSignInSession", and each unsupported control by name.
std::vector<std::string> SessionItems(
    const crossgate::policy::v1::ConditionalAccessPolicy& policy);

// "enabled", "enabledForReportingButNotEnforced", "disabled".
const char* StateName(crossgate::policy::v1::PolicyState state);

}  // namespace crossgate_cli

#endif  // CROSSGATE_BINDINGS_CLI_POLICY_DESCRIBE_H_
