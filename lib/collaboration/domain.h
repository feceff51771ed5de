#ifndef CROSSGATE_LIB_COLLABORATION_DOMAIN_H_
#define CROSSGATE_LIB_COLLABORATION_DOMAIN_H_

// Invitation domain matching (spec 3.2, D6): the invitee email's domain part,
// ASCII lower-cased, with one trailing dot removed, compared exactly with the
// list entries (a subdomain is a different domain; no wildcards).
//
// These helpers run on the invitation decision path: they never allocate
// (normalization writes into a caller-provided fixed buffer).

#include <cstddef>

#include "absl/strings/string_view.h"
#include "absl/types/optional.h"

namespace crossgate::collaboration {

// RFC 1035 limit on a domain name's text form.
inline constexpr size_t kMaxDomainLength = 253;

struct DomainBuffer {
  char data[kMaxDomainLength];
};

enum class DomainError : unsigned char {
  kNone = 0,
  kEmpty,
  kTooLong,
  kWildcard,      // '*' or '?' anywhere (D6: patterns are a load error)
  kBadCharacter,  // anything but a-z, 0-9, '-', '.' (after lower-casing)
  kBadLabel,      // empty label, label over 63, or leading/trailing '-'
};

// Normalizes `domain` into `buffer`: lower-cases ASCII, removes one trailing
// dot, and validates the label syntax. Returns a view into `buffer`, or
// nullopt with `*error` set.
absl::optional<absl::string_view> NormalizeDomain(absl::string_view domain,
                                                  DomainBuffer* buffer,
                                                  DomainError* error) noexcept;

// The domain part of an email address: the text after the last '@'. Nullopt
// when there is no '@' or either side is empty.
absl::optional<absl::string_view> EmailDomain(absl::string_view email) noexcept;

// "empty", "too long", ... (static).
absl::string_view DomainErrorName(DomainError error);

}  // namespace crossgate::collaboration

#endif  // CROSSGATE_LIB_COLLABORATION_DOMAIN_H_
