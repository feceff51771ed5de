#ifndef CROSSGATE_LIB_DEVICE_FILTER_SOURCE_ERROR_H_
#define CROSSGATE_LIB_DEVICE_FILTER_SOURCE_ERROR_H_

// Errors that point into the rule text, in the spirit of RE2's error_arg():
// "offset 27: unknown property 'device.colour'". Offsets are 1-based and
// count Unicode characters (code points), not bytes.

#include <cstddef>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace crossgate::device_filter {

// 1-based character offset of byte `byte_pos` in `source`.
size_t CharOffset(absl::string_view source, size_t byte_pos);

// InvalidArgument("offset <N>: <message>").
absl::Status SourceError(absl::string_view source, size_t byte_pos,
                         absl::string_view message);

// `text` for a message, cut to 40 characters with "..." when longer.
std::string Fragment(absl::string_view text);

}  // namespace crossgate::device_filter

#endif  // CROSSGATE_LIB_DEVICE_FILTER_SOURCE_ERROR_H_
