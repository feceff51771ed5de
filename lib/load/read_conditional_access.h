#ifndef CROSSGATE_LIB_LOAD_READ_CONDITIONAL_ACCESS_H_
#define CROSSGATE_LIB_LOAD_READ_CONDITIONAL_ACCESS_H_

// Graph `conditionalAccessPolicy` JSON -> policy::v1::ConditionalAccessPolicy
// (spec section 4). Also reads `whatIfAnalysisResult` items, which are
// policies with What-If fields added (spec 5.7).
//
// Structural problems only (types, enums, unknown blocks); ids, CIDRs and
// references are checked by ValidateBundle on the model.

#include <vector>

#include "crossgate/policy/v1/authentication_strength.pb.h"
#include "crossgate/policy/v1/conditional_access.pb.h"
#include "lib/load/json_reader.h"

namespace crossgate {
namespace load_internal {

// `path` names the policy (tenants/<t>/conditionalAccessPolicies/<id>).
// Strengths defined inline in `grantControls.authenticationStrength` (with
// `allowedCombinations`) are appended to `inline_strengths`.
void ReadConditionalAccessPolicy(
    JsonReader& r, const Struct& obj, const std::string& path,
    policy::v1::ConditionalAccessPolicy* out,
    std::vector<policy::v1::AuthenticationStrengthPolicy>* inline_strengths);

// conditionalAccessConditionSet (spec 4.2). Unknown configured blocks, at
// any level, go to `unsupported_conditions` with a warning.
void ReadConditionSet(JsonReader& r, const Struct& obj, const std::string& path,
                      policy::v1::ConditionSet* out);

// conditionalAccessFilter: `mode` include/exclude + `rule`.
void ReadFilter(JsonReader& r, const Struct& obj, const std::string& path,
                policy::v1::Filter* out);

}  // namespace load_internal
}  // namespace crossgate

#endif  // CROSSGATE_LIB_LOAD_READ_CONDITIONAL_ACCESS_H_
