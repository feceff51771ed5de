#ifndef CROSSGATE_LIB_DEVICE_FILTER_CASE_FOLD_H_
#define CROSSGATE_LIB_DEVICE_FILTER_CASE_FOLD_H_

// Case-insensitive string tests without allocation (section 4.10: "String
// and regex comparisons are case-insensitive").
//
// Folding maps each character to its simple lower-case form for ASCII,
// Latin-1, Latin Extended-A, Greek, Cyrillic, Armenian, Latin Extended
// Additional and fullwidth Latin letters. Every mapping keeps the UTF-8
// length of the character, so a folded string has the same byte length as
// the original and byte offsets line up. Characters outside those ranges,
// and invalid UTF-8 bytes, compare byte for byte. Mappings that change the
// UTF-8 length (U+0130 dotted I, U+017F long s, U+1E9E capital sharp s,
// U+212A Kelvin) are deliberately left out.
//
// Rule literals are folded once at compile time (FoldCase); the request
// value is folded on the fly while comparing. Functions named Folded* take
// the request value first and an already folded literal second.

#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

namespace crossgate::device_filter {

// The folded code point (identity outside the ranges above).
uint32_t FoldCodePoint(uint32_t cp);

// Folds every character of `s`.
std::string FoldCase(absl::string_view s);

// Does FoldCase(value) hold `folded` at byte offset pos? Requires
// pos + folded.size() <= value.size(); a character of `value` that runs past
// the end of the window is a mismatch.
bool FoldedMatchAt(absl::string_view value, size_t pos,
                   absl::string_view folded);
// Substring test; requires value.size() >= folded.size() > 0.
bool FoldedFind(absl::string_view value, absl::string_view folded);

// The length checks are inline so that most mismatches cost no call.
inline bool FoldedEquals(absl::string_view value, absl::string_view folded) {
  return value.size() == folded.size() && FoldedMatchAt(value, 0, folded);
}
inline bool FoldedStartsWith(absl::string_view value,
                             absl::string_view folded) {
  return value.size() >= folded.size() && FoldedMatchAt(value, 0, folded);
}
inline bool FoldedEndsWith(absl::string_view value, absl::string_view folded) {
  return value.size() >= folded.size() &&
         FoldedMatchAt(value, value.size() - folded.size(), folded);
}
// Substring test; an empty literal is contained in every value.
inline bool FoldedContains(absl::string_view value, absl::string_view folded) {
  if (folded.empty()) return true;
  return value.size() >= folded.size() && FoldedFind(value, folded);
}
// Three-way byte-wise comparison of FoldCase(value) with `folded` (<0, 0, >0),
// consistent with sorting folded strings by std::string's operator<.
int FoldedCompare(absl::string_view value, absl::string_view folded);

}  // namespace crossgate::device_filter

#endif  // CROSSGATE_LIB_DEVICE_FILTER_CASE_FOLD_H_
