#ifndef CROSSGATE_LIB_REQUEST_JSON_REQUEST_READER_H_
#define CROSSGATE_LIB_REQUEST_JSON_REQUEST_READER_H_

// File: request_reader.h
//
// Reads one access request written as JSON: the body of Microsoft Graph's
// Conditional Access What-If call (`POST /beta/identity/conditionalAccess/
// evaluate`, spec 5.7) as it is, extended with the directory facts an
// offline engine must be told (resourceTenantId, userType, groups, roles,
// claims, the device's registration, ...). docs/request.md is the format
// reference; the CLI (`crossgate check`, `check --batch`), the C ABI's JSON
// entry point and Python all read requests through here.
//
//   std::vector<std::string> notes;
//   absl::StatusOr<ParsedRequest> parsed =
//       ParseRequestJson(json, RequestDefaults{only_tenant_id}, &notes);
//   if (!parsed.ok()) ...  // e.g. "signInConditions.clientAppType: unknown
//   value \"x\"" Evaluate(..., parsed->request(), ...);
//
// Errors are InvalidArgument with the JSON path first. Enum strings are
// case-insensitive. An unknown enum string is an error, except for
// devicePlatform, where an unknown platform (e.g. "chromeOS") is
// Platform::kUnknown with a note (spec 4.7). An unknown property is an error
// (a misspelt fact must not silently read as "not given"); OData annotations
// are ignored.
//
// Notes: every directory fact the request leaves out gets a default, and the
// reader says so, e.g. "groups not given: the user is in no groups". Pass
// notes = nullptr to skip them (the batch path).
//
// Parsing: simdjson's DOM parser (Debian libsimdjson-dev) reads the text
// once into a tree the reader walks; parser, tree and a padded copy of the
// text are kept in the RequestReader, so a batch loop stops allocating once
// they fit the largest request seen. Invalid JSON is `request: invalid JSON:
// <what>`; only on that error path the text is parsed again with protobuf's
// JSON parser, whose message carries an excerpt and a caret the CLI turns
// into `file:line:column` (bindings/cli/request_input.cc). A key repeated in
// one object is `request: invalid JSON: duplicate key "<path>"` (fail
// closed; docs/request.md). Limits (size below, list entries in
// json_fields.h) are ResourceExhausted, the rest InvalidArgument.

#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "lib/model/guid.h"
#include "lib/request_json/parsed_request.h"

namespace crossgate {

// What the caller knows that the request may leave out.
struct RequestDefaults {
  // Used when the request has no resourceTenantId; zero = none, and then a
  // request without resourceTenantId is an error.
  Guid resource_tenant_id;
  // How the note names where the default came from.
  std::string resource_tenant_source = "the bundle's only tenant";
};

// Readable bytes RequestReader::ParsePadded needs after the text
// (simdjson's SIMDJSON_PADDING: its SIMD loads may run past the end).
inline constexpr size_t kRequestJsonPadding = 64;

// The largest JSON request Parse reads: ResourceExhausted(`request: <n>
// bytes; the limit is 16777216`), checked before parsing. README.md
// "Limits".
inline constexpr size_t kMaxRequestJsonBytes = size_t{16} << 20;

// A reusable reader: keeps its JSON parser and parse tree between calls so a
// batch (JSONL) loop re-uses memory. Thread-compatible: one reader per
// thread.
class RequestReader {
 public:
  RequestReader();
  ~RequestReader();
  RequestReader(const RequestReader&) = delete;
  RequestReader& operator=(const RequestReader&) = delete;

  // Parses `json` into `*out`, which is cleared first (capacity kept). On
  // error `*out` holds an unspecified but valid request that must not be
  // evaluated. Notes are appended to `*notes` when it is not null.
  absl::Status Parse(absl::string_view json, const RequestDefaults& defaults,
                     ParsedRequest* out, std::vector<std::string>* notes);

  // Parse, reading `json` where it is instead of copying it into the
  // reader's padded buffer. The caller guarantees that the
  // kRequestJsonPadding bytes after json.end() are readable (their content
  // does not matter): e.g. a line inside a larger input buffer that was
  // allocated with that much slack (the CLI's batch reader does this).
  absl::Status ParsePadded(absl::string_view json,
                           const RequestDefaults& defaults, ParsedRequest* out,
                           std::vector<std::string>* notes);

 private:
  absl::Status ParseAt(const char* padded, absl::string_view json,
                       const RequestDefaults& defaults, ParsedRequest* out,
                       std::vector<std::string>* notes);

  struct Json;  // simdjson parser + padded text buffer (request_reader.cc)
  std::unique_ptr<Json> json_;
};

// One-shot form of RequestReader::Parse.
absl::StatusOr<ParsedRequest> ParseRequestJson(absl::string_view json,
                                               const RequestDefaults& defaults,
                                               std::vector<std::string>* notes);

}  // namespace crossgate

#endif  // CROSSGATE_LIB_REQUEST_JSON_REQUEST_READER_H_
