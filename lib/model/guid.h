#ifndef CROSSGATE_LIB_MODEL_GUID_H_
#define CROSSGATE_LIB_MODEL_GUID_H_

// A 128-bit GUID value (tenant, user, group, role, app, policy ids). Requests
// carry Guids, so the decision path hashes two words instead of a string.

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/types/optional.h"

namespace crossgate {

struct Guid {
  uint64_t hi = 0;
  uint64_t lo = 0;

  bool is_zero() const { return hi == 0 && lo == 0; }
  friend bool operator==(const Guid& a, const Guid& b) {
    return a.hi == b.hi && a.lo == b.lo;
  }
  friend bool operator!=(const Guid& a, const Guid& b) { return !(a == b); }
  friend bool operator<(const Guid& a, const Guid& b) {
    return a.hi != b.hi ? a.hi < b.hi : a.lo < b.lo;
  }
  template <typename H>
  friend H AbslHashValue(H h, const Guid& g) {
    return H::combine(std::move(h), g.hi, g.lo);
  }
};

// Parses `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` (either case, optionally in
// braces). Anything else, including surrounding whitespace, is nullopt.
absl::optional<Guid> ParseGuid(absl::string_view text);

// Canonical lower-case 8-4-4-4-12 form.
std::string FormatGuid(const Guid& guid);

}  // namespace crossgate

#endif  // CROSSGATE_LIB_MODEL_GUID_H_
