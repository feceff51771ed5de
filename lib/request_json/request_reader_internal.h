#ifndef CROSSGATE_LIB_REQUEST_JSON_REQUEST_READER_INTERNAL_H_
#define CROSSGATE_LIB_REQUEST_JSON_REQUEST_READER_INTERNAL_H_

// Pieces of the request reader shared between its .cc files. Not API.

#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "lib/eval/request.h"
#include "lib/request_json/json_fields.h"
#include "lib/request_json/parsed_request.h"

namespace crossgate {
namespace request_json_internal {

// The reader's view of a ParsedRequest's storage.
struct ParsedRequestAccess {
  static Request& request(ParsedRequest* p) { return p->request_; }
  static std::vector<Guid>& groups(ParsedRequest* p) { return p->groups_; }
  static std::vector<Guid>& home_groups(ParsedRequest* p) {
    return p->home_groups_;
  }
  static std::vector<Guid>& roles(ParsedRequest* p) { return p->roles_; }
  static std::vector<Guid>& accepted_terms_of_use(ParsedRequest* p) {
    return p->accepted_terms_of_use_;
  }
  static std::vector<std::string>& custom_controls(ParsedRequest* p) {
    return p->custom_controls_;
  }
  static RequestDevice& device(ParsedRequest* p) { return p->device_; }
  static std::vector<std::string>* spare_strings(ParsedRequest* p) {
    return &p->spare_strings_;
  }
  static void set_applied_policies_only(ParsedRequest* p, bool v) {
    p->applied_policies_only_ = v;
  }
  static void Relink(ParsedRequest* p) { p->Relink(); }
};

// A note piece as StrCat takes it; a JsonPath is rendered only here.
template <typename T>
const T& NotePiece(const T& piece) {
  return piece;
}
inline std::string NotePiece(const JsonPath& path) { return path.ToString(); }

// Appends a note built from `pieces` when notes are wanted. Pass paths as
// JsonPath (not ToString()) and guard pieces that format with
// `if (notes != nullptr)`: the batch path (notes off) must not allocate.
template <typename... Pieces>
void Note(std::vector<std::string>* notes, const Pieces&... pieces) {
  if (notes != nullptr) notes->push_back(absl::StrCat(NotePiece(pieces)...));
}

// `<path>: unknown value "<text>"`.
absl::Status UnknownValue(const JsonPath& path, absl::string_view text);

// Reads `signInConditions` (may be null = absent) into `out`. `is_user` says
// whether user-only defaults get notes.
absl::Status ReadConditions(JsonSlot conditions, const JsonPath& path,
                            bool is_user, ParsedRequest* out,
                            std::vector<std::string>* notes);

// Reads the top-level `claims` extension (may be null). Runs after
// ReadConditions: device claims not given are derived from the device.
absl::Status ReadClaims(JsonSlot claims, const JsonPath& path, bool is_user,
                        ParsedRequest* out, std::vector<std::string>* notes);

// Reads `signInConditions.deviceInfo` into the device storage.
// `spare` (may be null): strings to refill before allocating new ones.
absl::Status ReadDeviceInfo(const JsonValue& device_info, const JsonPath& path,
                            RequestDevice* device,
                            std::vector<std::string>* spare,
                            std::vector<std::string>* notes);

}  // namespace request_json_internal
}  // namespace crossgate

#endif  // CROSSGATE_LIB_REQUEST_JSON_REQUEST_READER_INTERNAL_H_
