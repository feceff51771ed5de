#include "lib/device_filter/source_error.h"

#include "absl/strings/str_cat.h"

namespace crossgate::device_filter {
namespace {

bool IsContinuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

}  // namespace

size_t CharOffset(absl::string_view source, size_t byte_pos) {
  if (byte_pos > source.size()) byte_pos = source.size();
  size_t chars = 0;
  for (size_t i = 0; i < byte_pos; ++i) {
    if (!IsContinuation(source[i])) ++chars;
  }
  return chars + 1;
}

absl::Status SourceError(absl::string_view source, size_t byte_pos,
                         absl::string_view message) {
  return absl::InvalidArgumentError(
      absl::StrCat("offset ", CharOffset(source, byte_pos), ": ", message));
}

std::string Fragment(absl::string_view text) {
  constexpr size_t kMaxChars = 40;
  size_t chars = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (IsContinuation(text[i])) continue;
    if (chars == kMaxChars) return absl::StrCat(text.substr(0, i), "...");
    ++chars;
  }
  return std::string(text);
}

}  // namespace crossgate::device_filter
