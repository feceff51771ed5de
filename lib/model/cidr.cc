#include "lib/model/cidr.h"

#include <arpa/inet.h>

#include <cstring>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace crossgate {
namespace {

constexpr uint8_t kV4MappedPrefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};

uint64_t LoadBigEndian(const uint8_t* p) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = (v << 8) | p[i];
  return v;
}

}  // namespace

uint64_t IpAddress::high() const { return LoadBigEndian(bytes); }
uint64_t IpAddress::low() const { return LoadBigEndian(bytes + 8); }

bool operator==(const IpAddress& a, const IpAddress& b) {
  return a.v6 == b.v6 && std::memcmp(a.bytes, b.bytes, 16) == 0;
}

bool Cidr::Contains(const IpAddress& ip) const {
  if (ip.v6 != base.v6) return false;
  int bits = base.v6 ? prefix : prefix + 96;
  for (int i = 0; i < 16 && bits > 0; ++i, bits -= 8) {
    uint8_t mask = bits >= 8 ? 0xff : static_cast<uint8_t>(0xff << (8 - bits));
    if ((ip.bytes[i] & mask) != base.bytes[i]) return false;
  }
  return true;
}

absl::optional<IpAddress> ParseIpAddress(absl::string_view text) {
  // inet_pton needs a NUL-terminated string; addresses are short.
  if (text.empty() || text.size() > 45) return absl::nullopt;
  char buf[46];
  std::memcpy(buf, text.data(), text.size());
  buf[text.size()] = '\0';
  IpAddress ip;
  if (text.find(':') == absl::string_view::npos) {
    uint8_t v4[4];
    if (inet_pton(AF_INET, buf, v4) != 1) return absl::nullopt;
    std::memcpy(ip.bytes, kV4MappedPrefix, 12);
    std::memcpy(ip.bytes + 12, v4, 4);
    ip.v6 = false;
    return ip;
  }
  if (inet_pton(AF_INET6, buf, ip.bytes) != 1) return absl::nullopt;
  ip.v6 = true;
  return ip;
}

absl::optional<Cidr> ParseCidr(absl::string_view text) {
  size_t slash = text.find('/');
  if (slash == absl::string_view::npos) return absl::nullopt;
  absl::optional<IpAddress> ip = ParseIpAddress(text.substr(0, slash));
  absl::string_view prefix_text = text.substr(slash + 1);
  int prefix = 0;
  if (!ip || prefix_text.empty() || prefix_text.size() > 3 ||
      !absl::SimpleAtoi(prefix_text, &prefix)) {
    return absl::nullopt;
  }
  for (char c : prefix_text) {
    if (c < '0' || c > '9') return absl::nullopt;
  }
  if (prefix < 0 || prefix > (ip->v6 ? 128 : 32)) return absl::nullopt;
  Cidr cidr{*ip, prefix};
  // Host bits below the prefix must be clear.
  if (!cidr.Contains(*ip)) return absl::nullopt;
  int bits = ip->v6 ? prefix : prefix + 96;
  for (int i = 0; i < 16; ++i, bits -= 8) {
    uint8_t keep = bits >= 8 ? 0xff
                   : bits <= 0 ? 0
                               : static_cast<uint8_t>(0xff << (8 - bits));
    if ((ip->bytes[i] & ~keep & 0xff) != 0) return absl::nullopt;
  }
  return cidr;
}

std::string FormatIpAddress(const IpAddress& ip) {
  char buf[INET6_ADDRSTRLEN];
  if (!ip.v6) {
    inet_ntop(AF_INET, ip.bytes + 12, buf, sizeof(buf));
  } else {
    inet_ntop(AF_INET6, ip.bytes, buf, sizeof(buf));
  }
  return buf;
}

std::string FormatCidr(const Cidr& cidr) {
  return absl::StrCat(FormatIpAddress(cidr.base), "/", cidr.prefix);
}

}  // namespace crossgate
