#ifndef CROSSGATE_CAPI_GUARD_H_
#define CROSSGATE_CAPI_GUARD_H_

// The one place where C++ exceptions stop (convention 10). absl and protobuf
// may throw std::bad_alloc; nothing may unwind into C.

#include <new>

#include "capi/c_error.h"

namespace crossgate::capi {

template <typename Body>
int Guard(crossgate_error** err, Body&& body) noexcept {
  try {
    return body();
  } catch (const std::bad_alloc&) {
    return SetError(err, CROSSGATE_ENOMEM, "out of memory");
  } catch (...) {
    return SetError(err, CROSSGATE_EINTERNAL, "internal error (exception)");
  }
}

// As Guard, and on any failure also runs `on_failure(status)` (which writes
// a block decision; it must be noexcept).
template <typename Body, typename OnFailure>
int GuardFailClosed(crossgate_error** err, OnFailure&& on_failure,
                    Body&& body) noexcept {
  int status = Guard(err, static_cast<Body&&>(body));
  if (status != CROSSGATE_OK) on_failure(status);
  return status;
}

}  // namespace crossgate::capi

#endif  // CROSSGATE_CAPI_GUARD_H_
