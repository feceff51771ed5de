#include "lib/load/text_encoding.h"

#include <cstdint>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace crossgate {
namespace load_internal {
namespace {

constexpr absl::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr absl::string_view kUtf16LeBom = "\xFF\xFE";
constexpr absl::string_view kUtf16BeBom = "\xFE\xFF";

// Writes `cp` as UTF-8 at `out`; returns the byte count (1-4).
int PutUtf8(uint32_t cp, char* out) {
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (cp >> 18));
  out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

absl::Status DecodeUtf16(absl::string_view bytes, bool big_endian,
                         std::string* out) {
  if (bytes.size() % 2 != 0) {
    return absl::InvalidArgumentError(
        "invalid UTF-16: odd number of bytes after the byte-order mark");
  }
  // Each 2-byte unit becomes at most 3 bytes (a 4-byte pair at most 4).
  out->resize(bytes.size() / 2 * 3);
  char* w = out->data();
  const auto* b = reinterpret_cast<const uint8_t*>(bytes.data());
  auto unit_at = [&](size_t i) -> uint32_t {
    return big_endian ? (uint32_t{b[i]} << 8 | b[i + 1])
                      : (uint32_t{b[i + 1]} << 8 | b[i]);
  };
  for (size_t i = 0; i < bytes.size(); i += 2) {
    uint32_t unit = unit_at(i);
    if (unit < 0x80) {  // the common case in JSON
      *w++ = static_cast<char>(unit);
      continue;
    }
    // The offset reported counts the BOM, so it matches a hex dump.
    if (unit >= 0xDC00 && unit <= 0xDFFF) {
      return absl::InvalidArgumentError(absl::StrCat(
          "invalid UTF-16: unpaired low surrogate at byte ", i + 2));
    }
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      uint32_t low = i + 3 < bytes.size() ? unit_at(i + 2) : 0;
      if (low < 0xDC00 || low > 0xDFFF) {
        return absl::InvalidArgumentError(absl::StrCat(
            "invalid UTF-16: unpaired high surrogate at byte ", i + 2));
      }
      w += PutUtf8(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00), w);
      i += 2;
      continue;
    }
    w += PutUtf8(unit, w);
  }
  out->resize(static_cast<size_t>(w - out->data()));
  return absl::OkStatus();
}

}  // namespace

size_t ValidUtf8Prefix(absl::string_view text) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    uint8_t c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    int len;
    uint32_t min;
    uint32_t cp;
    if ((c & 0xE0) == 0xC0) {
      len = 2, min = 0x80, cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3, min = 0x800, cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4, min = 0x10000, cp = c & 0x07;
    } else {
      return i;
    }
    if (i + len > n) return i;
    for (int k = 1; k < len; ++k) {
      uint8_t cc = s[i + k];
      if ((cc & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (cc & 0x3F);
    }
    // Overlong forms, UTF-16 surrogates and values past U+10FFFF are invalid.
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += len;
  }
  return n;
}

absl::Status DecodeJsonText(absl::string_view bytes, std::string* storage,
                            absl::string_view* text) {
  if (absl::StartsWith(bytes, kUtf16LeBom) ||
      absl::StartsWith(bytes, kUtf16BeBom)) {
    bool big_endian = absl::StartsWith(bytes, kUtf16BeBom);
    absl::Status status = DecodeUtf16(bytes.substr(2), big_endian, storage);
    if (!status.ok()) return status;
    *text = *storage;
    return absl::OkStatus();
  }
  absl::string_view utf8 = bytes;
  if (absl::StartsWith(utf8, kUtf8Bom)) utf8.remove_prefix(kUtf8Bom.size());
  size_t valid = ValidUtf8Prefix(utf8);
  if (valid != utf8.size()) {
    bool utf16_without_bom = utf8.size() >= 2 && utf8[1] == '\0';
    return absl::InvalidArgumentError(absl::StrCat(
        "invalid UTF-8 at byte ", valid + (bytes.size() - utf8.size()),
        utf16_without_bom
            ? " (looks like UTF-16 without a byte-order mark; save it with one)"
            : ""));
  }
  *text = utf8;
  return absl::OkStatus();
}

bool LooksLikeJson(absl::string_view bytes) {
  if (absl::StartsWith(bytes, kUtf16LeBom) ||
      absl::StartsWith(bytes, kUtf16BeBom)) {
    return true;
  }
  if (absl::StartsWith(bytes, kUtf8Bom)) bytes.remove_prefix(kUtf8Bom.size());
  for (char c : bytes) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    return c == '{' || c == '[';
  }
  return false;
}

}  // namespace load_internal
}  // namespace crossgate
