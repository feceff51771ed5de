#ifndef CROSSGATE_LIB_MODEL_CIDR_H_
#define CROSSGATE_LIB_MODEL_CIDR_H_

// IPv4/IPv6 addresses and CIDR ranges for named locations (spec 4.8).
// IPv4 addresses are stored as IPv4-mapped IPv6 (::ffff:a.b.c.d) so one
// 128-bit comparison serves both families; `v6` remembers the family.

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/types/optional.h"

namespace crossgate {

struct IpAddress {
  bool v6 = false;
  uint8_t bytes[16] = {0};  // network order; IPv4 mapped as ::ffff:a.b.c.d

  uint64_t high() const;  // bytes[0..7] as a big-endian word
  uint64_t low() const;   // bytes[8..15]
  friend bool operator==(const IpAddress& a, const IpAddress& b);
};

struct Cidr {
  IpAddress base;  // host bits cleared
  int prefix = 0;  // 0..32 for IPv4, 0..128 for IPv6 (family-relative)

  // True when `ip` is of the same family and inside the range.
  bool Contains(const IpAddress& ip) const;
};

// Dotted-quad IPv4 or RFC 4291 IPv6 text (with `::`, and an embedded IPv4
// tail). No zone ids, no whitespace.
absl::optional<IpAddress> ParseIpAddress(absl::string_view text);

// `<address>/<prefix>`. Host bits set below the prefix are an error (Graph
// stores canonical ranges), as is a missing prefix.
absl::optional<Cidr> ParseCidr(absl::string_view text);

std::string FormatIpAddress(const IpAddress& ip);
std::string FormatCidr(const Cidr& cidr);

}  // namespace crossgate

#endif  // CROSSGATE_LIB_MODEL_CIDR_H_
