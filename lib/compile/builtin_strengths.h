#ifndef CROSSGATE_LIB_COMPILE_BUILTIN_STRENGTHS_H_
#define CROSSGATE_LIB_COMPILE_BUILTIN_STRENGTHS_H_

// The built-in authentication strengths as shipped data (spec 6.2). Built-ins
// change when Microsoft adds methods, so they are a table, not logic: a
// tenant that exports its built-ins (same id) replaces the shipped entry.
// Table version: spec 6.2 as of the 2025 Graph list-policies page.

#include <vector>

#include "crossgate/policy/v1/authentication_strength.pb.h"

namespace crossgate {

// The three built-ins: ...002 Multifactor authentication, ...003 Passwordless
// MFA, ...004 Phishing-resistant MFA (policyType builtIn,
// requirementsSatisfied mfa).
const std::vector<policy::v1::AuthenticationStrengthPolicy>&
ShippedBuiltInStrengths();

}  // namespace crossgate

#endif  // CROSSGATE_LIB_COMPILE_BUILTIN_STRENGTHS_H_
