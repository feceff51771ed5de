#ifndef CROSSGATE_TESTS_REFERENCE_REFERENCE_STRENGTHS_H_
#define CROSSGATE_TESTS_REFERENCE_REFERENCE_STRENGTHS_H_

// THIS CODE SHOULD NEVER BE USED IN PRODUCTION (see reference_evaluator.h).
//
// Authentication strengths (spec 6): the built-in table of 6.2 as the
// reference's own copy, lookup by id, coverage (6.3) and the methods an
// external user can use in the resource tenant (6.4).

#include <cstdint>
#include <string>
#include <vector>

#include "crossgate/policy/v1/bundle.pb.h"

namespace crossgate {
namespace reference {

// The three built-in strengths of spec 6.2 (MFA, passwordless, phishing
// resistant), ids 00000000-0000-0000-0000-00000000000{2,3,4}.
const std::vector<policy::v1::AuthenticationStrengthPolicy>& BuiltInStrengths();

// The tenant's strength with `id`, else the built-in one, else null.
const policy::v1::AuthenticationStrengthPolicy* FindStrength(
    const policy::v1::TenantPolicies& tenant, const std::string& id);

// 1u << AuthenticationMethodMode for each mode.
uint32_t MethodBit(policy::v1::AuthenticationMethodMode mode);

// 6.3: the used methods cover at least one allowed combination.
bool MethodsSatisfy(const policy::v1::AuthenticationStrengthPolicy& strength,
                    uint32_t method_bits);

// 6.4 "done in home tenant" column (certificate-based authentication in
// both its forms), plus password as the first factor.
uint32_t HomeTenantMethods();

// 6.4 "done in resource tenant" column, plus password as the first factor.
uint32_t ResourceTenantMethods();

}  // namespace reference
}  // namespace crossgate

#endif  // CROSSGATE_TESTS_REFERENCE_REFERENCE_STRENGTHS_H_
