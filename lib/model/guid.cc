#include "lib/model/guid.h"

#include "absl/strings/str_format.h"

namespace crossgate {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

absl::optional<Guid> ParseGuid(absl::string_view text) {
  if (text.size() == 38 && text.front() == '{' && text.back() == '}') {
    text = text.substr(1, 36);
  }
  if (text.size() != 36) return absl::nullopt;
  uint64_t words[2] = {0, 0};
  int nibble = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (text[i] != '-') return absl::nullopt;
      continue;
    }
    int v = HexValue(text[i]);
    if (v < 0) return absl::nullopt;
    uint64_t& word = words[nibble / 16];
    word = (word << 4) | static_cast<uint64_t>(v);
    ++nibble;
  }
  return Guid::FromNumbers(words[0], words[1]);
}

std::string FormatGuid(const Guid& guid) {
  const uint64_t hi = guid.high64(), lo = guid.low64();
  return absl::StrFormat("%08x-%04x-%04x-%04x-%012x", hi >> 32,
                         (hi >> 16) & 0xffff, hi & 0xffff, lo >> 48,
                         lo & 0xffffffffffffULL);
}

}  // namespace crossgate
