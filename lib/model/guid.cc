#include "lib/model/guid.h"

#include <bit>
#include <cstring>

#include "absl/strings/str_format.h"

namespace crossgate {
namespace {

constexpr uint64_t kOnes = 0x0101010101010101ULL;
constexpr uint64_t kHigh = 0x8080808080808080ULL;

// Eight ASCII hex digits (first digit in the lowest byte, as loaded from
// text on a little-endian host) -> their four bytes, in text order, in the
// low 32 bits' memory order. SWAR: every byte is tested and converted at
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

uint64_t Load64(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

// Two four-digit groups as one eight-digit word.
uint64_t Load4And4(const char* a, const char* b) {
  uint32_t lo, hi;
  std::memcpy(&lo, a, 4);
  std::memcpy(&hi, b, 4);
  return uint64_t{lo} | uint64_t{hi} << 32;
}

// The portable form, for big-endian hosts (where the SWAR lane order
// differs): one digit at a time.
absl::optional<Guid> ParseGuidPortable(absl::string_view text) {
  static constexpr uint8_t kDigitAt[32] = {
      0,  1,  2,  3,  4,  5,  6,  7,  9,  10, 11, 12, 14, 15, 16, 17,
      19, 20, 21, 22, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35};
  uint8_t bytes[16] = {};
  for (int k = 0; k < 32; ++k) {
    const char c = text[kDigitAt[k]];
    int v;
    if (c >= '0' && c <= '9') {
      v = c - '0';
    } else if (c >= 'a' && c <= 'f') {
      v = c - 'a' + 10;
    } else if (c >= 'A' && c <= 'F') {
      v = c - 'A' + 10;
    } else {
      return absl::nullopt;
    }
    bytes[k / 2] = static_cast<uint8_t>(bytes[k / 2] << 4 | v);
  }
  return Guid::FromBytes(bytes);
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
  if constexpr (std::endian::native != std::endian::little) {
    return ParseGuidPortable(text);
  }
  const char* p = text.data();
  // xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx: digits at 0-7, 9-12 + 14-17,
  // 19-22 + 24-27, 28-35. A Guid's bytes are the text-order bytes.
  uint32_t part[4];
  if (!HexToBytes(Load64(p), &part[0]) ||
      !HexToBytes(Load4And4(p + 9, p + 14), &part[1]) ||
      !HexToBytes(Load4And4(p + 19, p + 24), &part[2]) ||
      !HexToBytes(Load64(p + 28), &part[3])) {
    return absl::nullopt;
  }
  return Guid::FromBytes(part);
}

std::string FormatGuid(const Guid& guid) {
  const uint64_t hi = guid.high64(), lo = guid.low64();
  return absl::StrFormat("%08x-%04x-%04x-%04x-%012x", hi >> 32,
                         (hi >> 16) & 0xffff, hi & 0xffff, lo >> 48,
                         lo & 0xffffffffffffULL);
}

}  // namespace crossgate
