#include "lib/load/cidr_text.h"

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"

namespace crossgate {
namespace load_internal {

absl::optional<Cidr> ParseCidrText(absl::string_view text) {
  size_t slash = text.find('/');
  if (slash == absl::string_view::npos) return absl::nullopt;
  absl::optional<IpAddress> ip = ParseIpAddress(text.substr(0, slash));
  absl::string_view prefix_text = text.substr(slash + 1);
  if (!ip || prefix_text.empty() || prefix_text.size() > 3) {
    return absl::nullopt;
  }
  for (char c : prefix_text) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) {
      return absl::nullopt;
    }
  }
  int prefix = 0;
  if (!absl::SimpleAtoi(prefix_text, &prefix) || prefix < 0 ||
      prefix > (ip->v6 ? 128 : 32)) {
    return absl::nullopt;
  }
  // IPv4 lives in the last four bytes (IPv4-mapped form).
  int bits = ip->v6 ? prefix : prefix + 96;
  for (int i = 0; i < 16; ++i, bits -= 8) {
    uint8_t keep = bits >= 8   ? 0xff
                   : bits <= 0 ? 0
                               : static_cast<uint8_t>(0xff << (8 - bits));
    ip->bytes[i] &= keep;
  }
  return Cidr{*ip, prefix};
}

}  // namespace load_internal
}  // namespace crossgate
