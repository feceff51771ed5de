#ifndef CROSSGATE_LIB_LOAD_CIDR_TEXT_H_
#define CROSSGATE_LIB_LOAD_CIDR_TEXT_H_

// CIDR text as Graph accepts it. lib/model's ParseCidr rejects host bits
// below the prefix; Graph's own samples carry them
// (`2001:4898:80e8:7:d92a:7695:fda1:9d62/48`), so the loader clears them and
// stores the canonical range instead (spec 4.8: "store canonical").

#include "absl/strings/string_view.h"
#include "absl/types/optional.h"
#include "lib/model/cidr.h"

namespace crossgate {
namespace load_internal {

// `<address>/<prefix>` with host bits cleared; nullopt when malformed.
absl::optional<Cidr> ParseCidrText(absl::string_view text);

// The shortest prefix Entra accepts is /9 (spec 4.8: "greater than /8").
inline constexpr int kMinCidrPrefix = 9;

}  // namespace load_internal
}  // namespace crossgate

#endif  // CROSSGATE_LIB_LOAD_CIDR_TEXT_H_
