#ifndef CROSSGATE_CAPI_REQUEST_IO_H_
#define CROSSGATE_CAPI_REQUEST_IO_H_

// crossgate_request (C, size-tagged) -> crossgate::Request (lib/eval).
// Translation only: ranges are checked (unknown enum values and flag bits
// fail closed with a path naming the field), GUID bytes become Guid words,
// lists are copied into buffers this object owns and reuses, so a converter
// kept per thread stops allocating once its buffers have grown.

#include <cstdint>
#include <vector>

#include "absl/strings/string_view.h"
#include "capi/c_error.h"
#include "crossgate/crossgate.h"
#include "lib/eval/request.h"
#include "lib/model/cidr.h"
#include "lib/model/guid.h"
#include "lib/device_filter/device_attributes.h"

namespace crossgate::capi {

// Network-order bytes <-> Guid words (crossgate.h convention 6).
Guid ToGuid(const crossgate_guid& in);
crossgate_guid FromGuid(const Guid& in);

// Largest list the C ABI accepts in a request (ELIMIT beyond).
inline constexpr size_t kMaxRequestList = size_t{1} << 20;

class RequestConverter {
 public:
  // Fills every field of *out from `in`; *out borrows this converter's
  // buffers (valid until the next Convert) and `in`'s strings. Returns CROSSGATE_OK or a negative
  // status with *err naming the field ("request/platform").
  int Convert(const crossgate_request* in, Request* out,
              crossgate_error** err);

 private:
  static void CopyGuids(const crossgate_guid* data, size_t count,
                        std::vector<Guid>* buffer);
  int ConvertDevice(const crossgate_device* in, Request* out, crossgate_error** err);

  std::vector<Guid> home_groups_;
  std::vector<Guid> groups_;
  std::vector<Guid> roles_;
  std::vector<Guid> terms_of_use_;
  std::vector<absl::string_view> custom_controls_;
  device_filter::DeviceAttributes device_;
  std::vector<absl::string_view> physical_ids_;
  std::vector<absl::string_view> system_labels_;
};

}  // namespace crossgate::capi

#endif  // CROSSGATE_CAPI_REQUEST_IO_H_
