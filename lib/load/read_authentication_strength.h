#ifndef CROSSGATE_LIB_LOAD_READ_AUTHENTICATION_STRENGTH_H_
#define CROSSGATE_LIB_LOAD_READ_AUTHENTICATION_STRENGTH_H_

// Graph `authenticationStrengthPolicy` JSON -> model (spec 6.1). Each entry
// of `allowedCombinations` is one combination, comma-joined when
// multi-factor (`"password,sms"`).

#include "crossgate/policy/v1/authentication_strength.pb.h"
#include "lib/load/json_reader.h"

namespace crossgate {
namespace load_internal {

void ReadAuthenticationStrength(JsonReader& r, const Struct& obj,
                                const std::string& path,
                                policy::v1::AuthenticationStrengthPolicy* out);

}  // namespace load_internal
}  // namespace crossgate

#endif  // CROSSGATE_LIB_LOAD_READ_AUTHENTICATION_STRENGTH_H_
