#include "lib/collaboration/domain.h"

namespace crossgate::collaboration {

absl::optional<absl::string_view> NormalizeDomain(absl::string_view domain,
                                                  DomainBuffer* buffer,
                                                  DomainError* error) noexcept {
  DomainError ignored;
  DomainError& err = error != nullptr ? *error : ignored;
  err = DomainError::kNone;
  if (!domain.empty() && domain.back() == '.') domain.remove_suffix(1);
  if (domain.empty()) {
    err = DomainError::kEmpty;
    return absl::nullopt;
  }
  if (domain.size() > kMaxDomainLength) {
    err = DomainError::kTooLong;
    return absl::nullopt;
  }
  size_t label_start = 0;
  for (size_t i = 0; i <= domain.size(); ++i) {
    if (i == domain.size() || domain[i] == '.') {
      const size_t len = i - label_start;
      if (len == 0 || len > 63 || buffer->data[label_start] == '-' ||
          buffer->data[i - 1] == '-') {
        err = DomainError::kBadLabel;
        return absl::nullopt;
      }
      if (i < domain.size()) buffer->data[i] = '.';
      label_start = i + 1;
      continue;
    }
    char c = domain[i];
    if (c == '*' || c == '?') {
      err = DomainError::kWildcard;
      return absl::nullopt;
    }
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok) {
      err = DomainError::kBadCharacter;
      return absl::nullopt;
    }
    buffer->data[i] = c;
  }
  return absl::string_view(buffer->data, domain.size());
}

absl::optional<absl::string_view> EmailDomain(
    absl::string_view email) noexcept {
  const size_t at = email.rfind('@');
  if (at == absl::string_view::npos || at == 0 || at + 1 >= email.size()) {
    return absl::nullopt;
  }
  return email.substr(at + 1);
}

absl::string_view DomainErrorName(DomainError error) {
  switch (error) {
    case DomainError::kNone:
      return "ok";
    case DomainError::kEmpty:
      return "empty";
    case DomainError::kTooLong:
      return "longer than 253 characters";
    case DomainError::kWildcard:
      return "wildcards and patterns are not supported (D6)";
    case DomainError::kBadCharacter:
      return "invalid character";
    case DomainError::kBadLabel:
      return "invalid label";
  }
  return "unknown";
}

}  // namespace crossgate::collaboration
