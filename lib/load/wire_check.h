#ifndef CROSSGATE_LIB_LOAD_WIRE_CHECK_H_
#define CROSSGATE_LIB_LOAD_WIRE_CHECK_H_

// Pre-checks a binary bundle's wire format before protobuf parses it.
// protobuf rejects a proto3 string field holding invalid UTF-8, but it also
// writes an ERROR line to the process log when it does, and a library must
// not log. Checking the strings first turns that case into a load issue and
// keeps protobuf quiet.

#include <google/protobuf/descriptor.h>

#include <string>

#include "absl/strings/string_view.h"

namespace crossgate {
namespace load_internal {

// True when every string field of `type` (recursively) in `bytes` is valid
// UTF-8 and the wire format is well formed. On false, `*where` names the
// field (Graph path where known) or the problem.
bool CheckWireFormat(absl::string_view bytes,
                     const google::protobuf::Descriptor* type,
                     std::string* where);

}  // namespace load_internal
}  // namespace crossgate

#endif  // CROSSGATE_LIB_LOAD_WIRE_CHECK_H_
