#include "lib/device_filter/case_fold.h"

#include <array>
#include <cstring>

namespace crossgate::device_filter {
namespace {

constexpr std::array<unsigned char, 128> MakeAsciiLower() {
  std::array<unsigned char, 128> t{};
  for (int c = 0; c < 128; ++c) {
    t[c] = static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  return t;
}
constexpr std::array<unsigned char, 128> kAsciiLower = MakeAsciiLower();

// In [lo, hi], code points with the given parity map to cp + 1.
constexpr bool PairRange(uint32_t cp, uint32_t lo, uint32_t hi,
                         uint32_t parity) {
  return cp >= lo && cp <= hi && (cp & 1) == parity;
}

// Decodes the 2- or 3-byte sequence at p (the only lengths that fold).
// Returns its length, or 1 when the byte is not the start of such a
// well-formed sequence; that byte then compares raw.
size_t Decode(const unsigned char* p, size_t avail, uint32_t* cp) {
  unsigned char c = p[0];
  if (c >= 0xC2 && c <= 0xDF && avail >= 2 && (p[1] & 0xC0) == 0x80) {
    *cp = (static_cast<uint32_t>(c & 0x1F) << 6) | (p[1] & 0x3F);
    return 2;
  }
  if (c >= 0xE0 && c <= 0xEF && avail >= 3 && (p[1] & 0xC0) == 0x80 &&
      (p[2] & 0xC0) == 0x80) {
    uint32_t v = (static_cast<uint32_t>(c & 0x0F) << 12) |
                 (static_cast<uint32_t>(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    if (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF)) return 1;
    *cp = v;
    return 3;
  }
  return 1;
}

void Encode(uint32_t cp, size_t len, unsigned char* out) {
  if (len == 2) {
    out[0] = static_cast<unsigned char>(0xC0 | (cp >> 6));
    out[1] = static_cast<unsigned char>(0x80 | (cp & 0x3F));
  } else {
    out[0] = static_cast<unsigned char>(0xE0 | (cp >> 12));
    out[1] = static_cast<unsigned char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<unsigned char>(0x80 | (cp & 0x3F));
  }
}

// Folds the character at value[i]; writes its folded bytes to out and
// returns their count (equal to the bytes consumed).
inline size_t FoldAt(absl::string_view value, size_t i, unsigned char* out) {
  const auto* p = reinterpret_cast<const unsigned char*>(value.data()) + i;
  if (p[0] < 0x80) {
    out[0] = kAsciiLower[p[0]];
    return 1;
  }
  uint32_t cp = 0;
  size_t len = Decode(p, value.size() - i, &cp);
  if (len == 1) {
    out[0] = p[0];
    return 1;
  }
  Encode(FoldCodePoint(cp), len, out);
  return len;
}

}  // namespace

bool FoldedMatchAt(absl::string_view value, size_t pos,
                   absl::string_view folded) {
  const auto* lit = reinterpret_cast<const unsigned char*>(folded.data());
  const auto* v = reinterpret_cast<const unsigned char*>(value.data());
  size_t n = folded.size();
  size_t i = 0;
  while (i < n) {
    unsigned char c = v[pos + i];
    if (c < 0x80) {
      if (kAsciiLower[c] != lit[i]) return false;
      ++i;
      continue;
    }
    unsigned char buf[3];
    size_t k = FoldAt(value, pos + i, buf);
    if (i + k > n || std::memcmp(buf, lit + i, k) != 0) return false;
    i += k;
  }
  return true;
}

uint32_t FoldCodePoint(uint32_t cp) {
  if (cp < 0x80) return kAsciiLower[cp];
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 0x20;
  if (cp < 0x100) return cp;
  if (cp <= 0x17F) {
    if (PairRange(cp, 0x100, 0x12F, 0) || PairRange(cp, 0x132, 0x137, 0) ||
        PairRange(cp, 0x139, 0x148, 1) || PairRange(cp, 0x14A, 0x177, 0) ||
        PairRange(cp, 0x179, 0x17E, 1)) {
      return cp + 1;
    }
    if (cp == 0x178) return 0xFF;
    return cp;
  }
  if (cp >= 0x386 && cp <= 0x3AB) {
    if (cp == 0x386) return 0x3AC;
    if (cp >= 0x388 && cp <= 0x38A) return cp + 37;
    if (cp == 0x38C) return 0x3CC;
    if (cp == 0x38E || cp == 0x38F) return cp + 63;
    if ((cp >= 0x391 && cp <= 0x3A1) || (cp >= 0x3A3 && cp <= 0x3AB)) {
      return cp + 0x20;
    }
    return cp;
  }
  if (cp == 0x3C2) return 0x3C3;  // final sigma folds to sigma
  if (cp >= 0x400 && cp <= 0x52F) {
    if (cp <= 0x40F) return cp + 0x50;
    if (cp <= 0x42F) return cp + 0x20;
    if (cp == 0x4C0) return 0x4CF;
    if (PairRange(cp, 0x460, 0x481, 0) || PairRange(cp, 0x48A, 0x4BF, 0) ||
        PairRange(cp, 0x4C1, 0x4CE, 1) || PairRange(cp, 0x4D0, 0x52F, 0)) {
      return cp + 1;
    }
    return cp;
  }
  if (cp >= 0x531 && cp <= 0x556) return cp + 0x30;
  if (PairRange(cp, 0x1E00, 0x1E95, 0) || PairRange(cp, 0x1EA0, 0x1EFF, 0)) {
    return cp + 1;
  }
  if (cp >= 0xFF21 && cp <= 0xFF3A) return cp + 0x20;
  return cp;
}

std::string FoldCase(absl::string_view s) {
  std::string out(s.size(), '\0');
  auto* o = reinterpret_cast<unsigned char*>(out.data());
  size_t i = 0;
  while (i < s.size()) i += FoldAt(s, i, o + i);
  return out;
}

bool FoldedFind(absl::string_view value, absl::string_view folded) {
  const auto* v = reinterpret_cast<const unsigned char*>(value.data());
  const unsigned char first = static_cast<unsigned char>(folded[0]);
  const size_t last_start = value.size() - folded.size();
  for (size_t pos = 0; pos <= last_start; ++pos) {
    // Cheap first-byte filter; non-ASCII bytes go to the full comparison.
    unsigned char c = v[pos];
    if (c < 0x80 && kAsciiLower[c] != first) continue;
    if (FoldedMatchAt(value, pos, folded)) return true;
  }
  return false;
}

int FoldedCompare(absl::string_view value, absl::string_view folded) {
  const auto* lit = reinterpret_cast<const unsigned char*>(folded.data());
  const auto* v = reinterpret_cast<const unsigned char*>(value.data());
  size_t i = 0;
  while (i < value.size()) {
    if (v[i] < 0x80) {  // ASCII fast path
      if (i >= folded.size()) return 1;
      const unsigned char c = kAsciiLower[v[i]];
      if (c != lit[i]) return c < lit[i] ? -1 : 1;
      ++i;
      continue;
    }
    unsigned char buf[3];
    size_t k = FoldAt(value, i, buf);
    for (size_t j = 0; j < k; ++j) {
      if (i + j >= folded.size()) return 1;  // value is longer
      if (buf[j] != lit[i + j]) return buf[j] < lit[i + j] ? -1 : 1;
    }
    i += k;
  }
  return i == folded.size() ? 0 : -1;
}

}  // namespace crossgate::device_filter
