#ifndef CROSSGATE_LIB_LOAD_COUNTRY_CODES_H_
#define CROSSGATE_LIB_LOAD_COUNTRY_CODES_H_

// ISO 3166-1 alpha-2 codes for countryNamedLocation.countriesAndRegions
// (spec 4.8).

#include "absl/strings/string_view.h"

namespace crossgate {
namespace load_internal {

// True for an officially assigned ISO 3166-1 alpha-2 code (upper-case), and
// for `XK` (Kosovo), which Microsoft's country list uses although ISO has not
// assigned it.
bool IsCountryCode(absl::string_view code);

}  // namespace load_internal
}  // namespace crossgate

#endif  // CROSSGATE_LIB_LOAD_COUNTRY_CODES_H_
