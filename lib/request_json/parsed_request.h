#ifndef CROSSGATE_LIB_REQUEST_JSON_PARSED_REQUEST_H_
#define CROSSGATE_LIB_REQUEST_JSON_PARSED_REQUEST_H_

// A Request (lib/eval/request.h) together with the storage its spans and
// pointers borrow: group/role/terms-of-use id vectors, custom-control strings
// and the device. The request JSON reader fills it.
//
// INVARIANT: every span and pointer in request() points into this object.
// Copying and moving re-point them at the new object's storage (a moved
// std::string may relocate its characters), so a ParsedRequest can be
// returned by value, stored in a vector or put in a StatusOr.
//
// Reuse: Clear() empties it but keeps every buffer's capacity, so a batch
// reader can re-fill one ParsedRequest per line without allocating once the
// buffers have grown to fit.
//
// Thread-compatible: concurrent const use is safe.

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "lib/device_filter/device_attributes.h"
#include "lib/eval/request.h"
#include "lib/model/guid.h"
#include "lib/request_json/request_device.h"

namespace crossgate {

namespace request_json_internal {
struct ParsedRequestAccess;
}  // namespace request_json_internal

class ParsedRequest {
 public:
  ParsedRequest() { Relink(); }
  ParsedRequest(const ParsedRequest& other);
  ParsedRequest& operator=(const ParsedRequest& other);
  ParsedRequest(ParsedRequest&& other) noexcept;
  ParsedRequest& operator=(ParsedRequest&& other) noexcept;
  ~ParsedRequest() = default;

  // The request to evaluate. Valid while this object lives and is not
  // modified.
  const Request& request() const { return request_; }

  // The What-If body's `appliedPoliciesOnly`: report only applying policies.
  bool applied_policies_only() const { return applied_policies_only_; }

  // The device as the request gave it (attributes are kept even when
  // `registered` is false, for echoing the request back).
  const RequestDevice& device() const { return device_; }

  // Back to an empty request (every field "not supplied"), keeping capacity.
  void Clear();

 private:
  friend struct request_json_internal::ParsedRequestAccess;

  // Points the Request's spans and pointers at this object's storage.
  void Relink();
  void RelinkDevice();

  Request request_;
  std::vector<Guid> groups_;
  std::vector<Guid> home_groups_;
  std::vector<Guid> roles_;
  std::vector<Guid> accepted_terms_of_use_;
  std::vector<std::string> custom_controls_;
  std::vector<absl::string_view> custom_control_views_;
  RequestDevice device_;
  // What request_.device points at when the device is registered: views
  // into device_.
  device_filter::DeviceAttributes device_attributes_;
  std::vector<absl::string_view> physical_id_views_;
  std::vector<absl::string_view> system_label_views_;
  bool applied_policies_only_ = false;
  // List strings (device ids and labels, custom controls) Clear() took out
  // of the lists: the reader refills them instead of allocating new ones,
  // so a warm batch loop allocates nothing for long list entries either.
  std::vector<std::string> spare_strings_;
};

}  // namespace crossgate

#endif  // CROSSGATE_LIB_REQUEST_JSON_PARSED_REQUEST_H_
