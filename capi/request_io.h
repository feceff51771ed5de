#ifndef CROSSGATE_CAPI_REQUEST_IO_H_
#define CROSSGATE_CAPI_REQUEST_IO_H_

// crossgate_request (C, size-tagged) -> crossgate::Request (lib/eval).
// Translation only: ranges are checked (unknown enum values and flag bits
// fail closed with a path naming the field), GUIDs are copied as bytes, GUID
// lists are viewed where the caller keeps them (GuidList reads the
// crossgate_guid layout in place), and string lists are copied into buffers
// this object owns and reuses, so a converter kept per thread stops
// allocating once its buffers have grown.

#include <cstdint>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "capi/c_error.h"
#include "crossgate/crossgate.h"
#include "lib/device_filter/device_attributes.h"
#include "lib/eval/request.h"
#include "lib/model/cidr.h"
#include "lib/model/guid.h"

namespace crossgate::capi {

// crossgate_guid <-> Guid: both hold the 16 text-order bytes (crossgate.h
// convention 6, lib/model/guid.h), so these are plain copies.
static_assert(sizeof(crossgate_guid) == sizeof(Guid));
inline Guid ToGuid(const crossgate_guid& in) {
  return Guid::FromBytes(in.bytes);
}
inline crossgate_guid FromGuid(const Guid& in) {
  crossgate_guid out;
  in.ToBytes(out.bytes);
  return out;
}

// Largest list the C ABI accepts in a request (ELIMIT beyond).
inline constexpr size_t kMaxRequestList = size_t{1} << 20;

class RequestConverter {
 public:
  // Fills every field of *out from `in`; *out borrows this converter's
  // buffers (valid until the next Convert) and `in`'s strings. Returns
  // CROSSGATE_OK or a negative status with *err naming the field
  // ("request/platform").
  int Convert(const crossgate_request* in, Request* out, crossgate_error** err);

 private:
  int ConvertDevice(const crossgate_device* in, Request* out,
                    crossgate_error** err);

  std::vector<absl::string_view> custom_controls_;
  device_filter::DeviceAttributes device_;
  crossgate_device older_device_;  // an older caller's device, widened
  std::vector<absl::string_view> physical_ids_;
  std::vector<absl::string_view> system_labels_;
};

}  // namespace crossgate::capi

#endif  // CROSSGATE_CAPI_REQUEST_IO_H_
