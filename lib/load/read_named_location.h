#ifndef CROSSGATE_LIB_LOAD_READ_NAMED_LOCATION_H_
#define CROSSGATE_LIB_LOAD_READ_NAMED_LOCATION_H_

// Graph `namedLocation` JSON (ip, country, compliant network; spec 4.8) ->
// policy::v1::NamedLocation. The kind comes from `@odata.type` or, failing
// that, from the shape (`ipRanges`, `countriesAndRegions`,
// `compliantNetworkType`).

#include "crossgate/policy/v1/named_location.pb.h"
#include "lib/load/json_reader.h"

namespace crossgate {
namespace load_internal {

void ReadNamedLocation(JsonReader& r, const Struct& obj,
                       const std::string& path, policy::v1::NamedLocation* out);

// A CIDR as the model stores it: canonical text (host bits cleared, address
// normalized) when it parses, the input unchanged otherwise (validation
// reports it). `*ipv6` is set from the address when it parses.
std::string CanonicalCidr(absl::string_view text, bool* ipv6);

}  // namespace load_internal
}  // namespace crossgate

#endif  // CROSSGATE_LIB_LOAD_READ_NAMED_LOCATION_H_
