#ifndef CROSSGATE_LIB_REQUEST_JSON_REQUEST_WRITER_H_
#define CROSSGATE_LIB_REQUEST_JSON_REQUEST_WRITER_H_

// Writes a Request back as request JSON (docs/request.md): one line, members
// in a fixed order, every directory fact stated explicitly (so reading it back
// gives the same Request and no "not given" notes except for the device when
// it is unregistered). Used by the CLI's echo and by round-trip tests.

#include <string>

#include "lib/eval/request.h"
#include "lib/request_json/parsed_request.h"

namespace crossgate {

// The device is written from `request.device` when it is registered (an
// unregistered device has no attributes to write).
std::string FormatRequestJson(const Request& request);

// As above, but the device comes from the ParsedRequest's own storage (which
// also keeps the attributes of a device given as `registered: false`), and
// `appliedPoliciesOnly` is written.
std::string FormatRequestJson(const ParsedRequest& parsed);

// `text` as a JSON string literal (quotes included); UTF-8 passes through,
// quotes, backslashes and control characters are escaped.
std::string JsonQuote(absl::string_view text);

}  // namespace crossgate

#endif  // CROSSGATE_LIB_REQUEST_JSON_REQUEST_WRITER_H_
