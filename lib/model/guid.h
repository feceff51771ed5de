#ifndef CROSSGATE_LIB_MODEL_GUID_H_
#define CROSSGATE_LIB_MODEL_GUID_H_

// A 128-bit GUID value (tenant, user, group, role, app, policy ids). Requests
// carry Guids, so the decision path hashes two words instead of a string.
//
// Representation: the 16 bytes in canonical text order ("72f988bf-86f1-..."
// is 72 f9 88 bf 86 f1 ...), the same bytes as the C ABI's crossgate_guid and
// Python's uuid.UUID.bytes, held as two words loaded in host byte order. A
// Guid's object representation therefore IS the text-order byte string, so
// the C ABI copies a caller's GUID array with one memcpy instead of
// converting every id. The words' numeric values are host-dependent: only
// FromBytes/ToBytes, FromNumbers and high64/low64 give them meaning.

#include <bit>
#include <cstdint>
#include <cstring>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/types/optional.h"

namespace crossgate {

struct Guid {
  // Text bytes 0-7 and 8-15, loaded in host byte order (see above). Public
  // so that Guid stays an aggregate (Guid{}, Guid{a, b} for distinct test
  // ids); code that means numbers uses FromNumbers / high64 / low64.
  uint64_t w0 = 0;
  uint64_t w1 = 0;

  // From / to the 16 text-order bytes (any alignment).
  static Guid FromBytes(const void* bytes16) {
    Guid g;
    std::memcpy(&g, bytes16, sizeof(g));
    return g;
  }
  void ToBytes(void* bytes16) const {
    std::memcpy(bytes16, this, sizeof(*this));
  }

  // The GUID read as a 128-bit big-endian number: high64 holds text bytes
  // 0-7 ("72f988bf86f141af"), low64 bytes 8-15. Text order = numeric order.
  // constexpr, so ids can be written as constants (FromNumbers), never as
  // Guid{number, number}.
  static constexpr Guid FromNumbers(uint64_t high, uint64_t low) {
    return Guid{Swap(high), Swap(low)};
  }
  constexpr uint64_t high64() const { return Swap(w0); }
  constexpr uint64_t low64() const { return Swap(w1); }

  bool is_zero() const { return w0 == 0 && w1 == 0; }
  friend bool operator==(const Guid& a, const Guid& b) {
    return a.w0 == b.w0 && a.w1 == b.w1;
  }
  friend bool operator!=(const Guid& a, const Guid& b) { return !(a == b); }
  // Canonical text order (what FormatGuid strings sort as).
  friend bool operator<(const Guid& a, const Guid& b) {
    return a.w0 != b.w0 ? a.high64() < b.high64() : a.low64() < b.low64();
  }
  template <typename H>
  friend H AbslHashValue(H h, const Guid& g) {
    return H::combine(std::move(h), g.w0, g.w1);
  }

  // Big-endian number <-> host-order word of the same bytes (an involution).
  static constexpr uint64_t Swap(uint64_t v) {
    return std::endian::native == std::endian::little ? __builtin_bswap64(v)
                                                      : v;
  }
};
static_assert(sizeof(Guid) == 16, "a Guid is its 16 text-order bytes");

// Parses `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` (either case, optionally in
// braces). Anything else, including surrounding whitespace, is nullopt.
absl::optional<Guid> ParseGuid(absl::string_view text);

// Canonical lower-case 8-4-4-4-12 form.
std::string FormatGuid(const Guid& guid);

}  // namespace crossgate

#endif  // CROSSGATE_LIB_MODEL_GUID_H_
