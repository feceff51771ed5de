#include "lib/model/guid.h"

#include <cstring>

#include "absl/base/internal/endian.h"
#include "absl/strings/str_format.h"

namespace crossgate {
namespace {

constexpr uint64_t kOnes = 0x0101010101010101ULL;
constexpr uint64_t kHigh = 0x8080808080808080ULL;

// Eight ASCII hex digits (first digit in the lowest byte: Load64 /
// Load4And4) -> their four bytes, first byte lowest (store them with
// little_endian::Store32). SWAR: every byte is tested and converted at
// once, without a branch or a table per character (ParseGuid was a fifth
// of a JSON request's read time, issue #6). False when a byte is not a hex
// digit.
inline bool HexToBytes(uint64_t x, uint32_t* out) {
  if ((x & kHigh) != 0) return false;  // non-ASCII: not a digit
  // Per byte, bit 7 set iff the byte is in range (bytes < 0x80: no carries).
  const uint64_t digit = (x + 0x50 * kOnes) & ~(x + 0x46 * kOnes);  // 0-9
  const uint64_t folded = x | 0x20 * kOnes;  // A-F -> a-f
  const uint64_t letter =
      (folded + 0x1f * kOnes) & ~(folded + 0x19 * kOnes);  // a-f
  if (((digit | letter) & kHigh) != kHigh) return false;
  // Nibble values: low four bits, plus 9 for letters ('a' = 0x61 -> 10).
  const uint64_t nibbles = (x & 0x0f * kOnes) + ((letter & kHigh) >> 7) * 9;
  // Pairs of nibbles -> bytes (first digit high), then the four bytes packed.
  uint64_t v = ((nibbles << 4) & 0x00f000f000f000f0ULL) |
               ((nibbles >> 8) & 0x000f000f000f000fULL);
  v = (v | (v >> 8)) & 0x0000ffff0000ffffULL;
  v = (v | (v >> 16)) & 0x00000000ffffffffULL;
  *out = static_cast<uint32_t>(v);
  return true;
}

// Eight digits as loaded on a little-endian host (first digit lowest), on
// any host: HexToBytes's lane order then holds everywhere.
uint64_t Load64(const char* p) { return absl::little_endian::Load64(p); }

// Two four-digit groups as one eight-digit word.
uint64_t Load4And4(const char* a, const char* b) {
  return uint64_t{absl::little_endian::Load32(a)} |
         uint64_t{absl::little_endian::Load32(b)} << 32;
}

}  // namespace

absl::optional<Guid> ParseGuid(absl::string_view text) {
  if (text.size() == 38 && text.front() == '{' && text.back() == '}') {
    text = text.substr(1, 36);
  }
  if (text.size() != 36 || text[8] != '-' || text[13] != '-' ||
      text[18] != '-' || text[23] != '-') {
    return absl::nullopt;
  }
  const char* p = text.data();
  // xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx: digits at 0-7, 9-12 + 14-17,
  // 19-22 + 24-27, 28-35. A Guid's bytes are the text-order bytes.
  const uint64_t words[4] = {Load64(p), Load4And4(p + 9, p + 14),
                             Load4And4(p + 19, p + 24), Load64(p + 28)};
  uint8_t bytes[16];
  for (int i = 0; i < 4; ++i) {
    uint32_t part;
    if (!HexToBytes(words[i], &part)) return absl::nullopt;
    absl::little_endian::Store32(bytes + 4 * i, part);
  }
  return Guid::FromBytes(bytes);
}

std::string FormatGuid(const Guid& guid) {
  const uint64_t hi = guid.high64(), lo = guid.low64();
  return absl::StrFormat("%08x-%04x-%04x-%04x-%012x", hi >> 32,
                         (hi >> 16) & 0xffff, hi & 0xffff, lo >> 48,
                         lo & 0xffffffffffffULL);
}

}  // namespace crossgate
