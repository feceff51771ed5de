#ifndef CROSSGATE_LIB_LOAD_TEXT_ENCODING_H_
#define CROSSGATE_LIB_LOAD_TEXT_ENCODING_H_

// Byte-order marks and UTF-16: Graph exports made on Windows (PowerShell
// `Out-File`, IntuneManagement) are often UTF-16 LE with a BOM, or UTF-8 with
// a BOM. JSON parsing wants plain UTF-8, so every JSON input passes here
// first.

#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace crossgate {
namespace load_internal {

// Turns `bytes` into UTF-8 JSON text without a BOM. Accepts UTF-8 (with or
// without BOM) and UTF-16 LE/BE with BOM. When no conversion is needed
// `*text` points into `bytes`; otherwise into `*storage`. Invalid UTF-8 and
// invalid UTF-16 (odd length, unpaired surrogate) are InvalidArgument with
// the byte offset.
absl::Status DecodeJsonText(absl::string_view bytes, std::string* storage,
                            absl::string_view* text);

// True when `bytes` starts (after an optional BOM and whitespace) like a JSON
// document: `{` or `[`. Used to tell JSON from a binary bundle.
bool LooksLikeJson(absl::string_view bytes);

// Returns the length of the valid UTF-8 prefix of `text` (== size when valid).
size_t ValidUtf8Prefix(absl::string_view text);

}  // namespace load_internal
}  // namespace crossgate

#endif  // CROSSGATE_LIB_LOAD_TEXT_ENCODING_H_
