#ifndef CROSSGATE_LIB_DEVICE_FILTER_OPERATORS_H_
#define CROSSGATE_LIB_DEVICE_FILTER_OPERATORS_H_

// Comparison operators of the filter rule language (entra-semantics.md
// section 4.10, "Operator tokens"). Operators are case-insensitive and may be
// written with or without the leading hyphen (`-eq`, `eq`, `-EQ`).

#include <cstdint>
#include <initializer_list>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/types/optional.h"

namespace crossgate::device_filter {

enum class Operator : uint8_t {
  kEquals,
  kNotEquals,
  kStartsWith,
  kNotStartsWith,
  kEndsWith,
  kNotEndsWith,
  kContains,
  kNotContains,
  kIn,
  kNotIn,
  kMatch,     // RE2, only with Options::allow_regex_operators
  kNotMatch,  // RE2, only with Options::allow_regex_operators
};
inline constexpr int kOperatorCount = 12;

// A set of operators, one bit per Operator value.
class OperatorSet {
 public:
  constexpr OperatorSet() = default;
  constexpr OperatorSet(std::initializer_list<Operator> ops) {
    for (Operator op : ops) bits_ |= Bit(op);
  }
  constexpr bool contains(Operator op) const { return (bits_ & Bit(op)) != 0; }
  constexpr OperatorSet operator|(OperatorSet other) const {
    OperatorSet s;
    s.bits_ = bits_ | other.bits_;
    return s;
  }
  // "-eq, -ne, -in" in declaration order, for error messages.
  std::string ToString() const;

 private:
  static constexpr uint16_t Bit(Operator op) {
    return static_cast<uint16_t>(1u << static_cast<unsigned>(op));
  }
  uint16_t bits_ = 0;
};

// Canonical spelling with hyphen, e.g. "-notStartsWith".
absl::string_view OperatorName(Operator op);

// True for NotEquals, NotStartsWith, NotEndsWith, NotContains, NotIn and
// NotMatch. Section 4.10: over a null property a negative operator is true
// and a positive one false; on a value, the negative is the complement.
bool IsNegative(Operator op);

// The positive counterpart (NotIn -> In); positive operators map to themselves.
Operator PositiveOf(Operator op);

// Parses an operator word (`-eq`, `notIn`, ...), case-insensitively, with or
// without the hyphen. Returns nullopt for anything else, including the group
// grammar operators that Conditional Access does not support (see
// UnsupportedOperatorNote).
absl::optional<Operator> ParseOperator(absl::string_view word);

// For the dynamic-group operators that are not in the Conditional Access
// table (`-not`, `-any`, `-all`, `-le`, `-ge`, `-like`, `-notLike`), returns
// their canonical spelling (e.g. "-any"); otherwise an empty view.
absl::string_view UnsupportedOperatorName(absl::string_view word);

// The logical connectives `-and` / `-or`, with or without hyphen.
bool IsAndWord(absl::string_view word);
bool IsOrWord(absl::string_view word);

}  // namespace crossgate::device_filter

#endif  // CROSSGATE_LIB_DEVICE_FILTER_OPERATORS_H_
