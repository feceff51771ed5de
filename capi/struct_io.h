#ifndef CROSSGATE_CAPI_STRUCT_IO_H_
#define CROSSGATE_CAPI_STRUCT_IO_H_

// Size-tagged struct access (crossgate.h convention 7, libgit2's
// git_error__check_version with struct_size in place of a version).
//
// kV1Size<T> is the size of T's first released version and never changes;
// appending a field only moves sizeof(T). The library reads
// min(struct_size, sizeof(T)) bytes and zero-fills (= defaults) the rest.

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "capi/c_error.h"
#include "crossgate/crossgate.h"

namespace crossgate::capi {

// The largest length a caller may pass with a pointer: no object is larger,
// and Debian's hardened absl::string_view aborts the process on a longer
// one, so every (pointer, size) argument is checked against it first and a
// longer one fails with CROSSGATE_EINVALID.
inline constexpr size_t kMaxCLength = static_cast<size_t>(PTRDIFF_MAX);

// Frozen first-version sizes (x86-64 / LP64). Every size-tagged struct has
// one; there is deliberately no default. When a field is appended, keep the
// literal and update the assertion below it.
template <typename T>
inline constexpr size_t kV1Size = T::kNoFrozenSize;  // fails to compile
#define CROSSGATE_FROZEN_V1_SIZE(type, size)                \
  template <>                                               \
  inline constexpr size_t kV1Size<type> = size;             \
  static_assert(sizeof(void*) != 8 || sizeof(type) == size, \
                #type " grew: keep its v1 size, update this assertion")
CROSSGATE_FROZEN_V1_SIZE(crossgate_request, 304);
CROSSGATE_FROZEN_V1_SIZE(crossgate_decision, 856);
CROSSGATE_FROZEN_V1_SIZE(crossgate_device, 456);
CROSSGATE_FROZEN_V1_SIZE(crossgate_issue, 40);
CROSSGATE_FROZEN_V1_SIZE(crossgate_engine_options, 8);
CROSSGATE_FROZEN_V1_SIZE(crossgate_load_options, 24);
CROSSGATE_FROZEN_V1_SIZE(crossgate_policy_info, 40);
CROSSGATE_FROZEN_V1_SIZE(crossgate_invitation, 88);
CROSSGATE_FROZEN_V1_SIZE(crossgate_sign_up, 72);
CROSSGATE_FROZEN_V1_SIZE(crossgate_check_result, 40);
#undef CROSSGATE_FROZEN_V1_SIZE

// CROSSGATE_OK, or EVERSION when struct_size is below v1 or above sizeof(T).
template <typename T>
int CheckSize(uint32_t struct_size) {
  if (struct_size < kV1Size<T> || struct_size > sizeof(T)) {
    return CROSSGATE_EVERSION;
  }
  return CROSSGATE_OK;
}

// Validates `in` (not null, good struct_size) and copies it into *copy with
// missing tail fields zeroed. `what` names the argument in the error.
template <typename T>
int ReadStruct(const T* in, T* copy, const char* what, crossgate_error** err) {
  if (in == nullptr) {
    return SetError(err, CROSSGATE_EINVALID, "argument is NULL", what);
  }
  if (CheckSize<T>(in->struct_size) != CROSSGATE_OK) {
    return SetError(err, CROSSGATE_EVERSION,
                    "struct_size is not a size this library supports", what);
  }
  if (in->struct_size == sizeof(T)) {
    std::memcpy(copy, in, sizeof(T));
  } else {
    std::memset(static_cast<void*>(copy), 0, sizeof(T));
    std::memcpy(copy, in, in->struct_size);
  }
  return CROSSGATE_OK;
}

// Same, for an optional input: NULL yields the all-defaults struct.
template <typename T>
int ReadOptionalStruct(const T* in, T* copy, const char* what,
                       crossgate_error** err) {
  if (in == nullptr) {
    std::memset(static_cast<void*>(copy), 0, sizeof(T));
    copy->struct_size = sizeof(T);
    return CROSSGATE_OK;
  }
  return ReadStruct(in, copy, what, err);
}

// How many bytes of a caller's output struct the library may write: its
// struct_size, clamped to [v1, sizeof(T)]. Every real object is at least
// the first version, so an uninitialized struct_size still gets a block.
template <typename T>
size_t WritableSize(const T* out) {
  size_t size = out->struct_size;
  if (size < kV1Size<T>) return kV1Size<T>;
  if (size > sizeof(T)) return sizeof(T);
  return size;
}

// `_init()` functions: zero-fill and tag.
template <typename T>
int InitStruct(T* p, size_t struct_size) {
  if (p == nullptr) return CROSSGATE_EINVALID;
  if (struct_size < kV1Size<T> || struct_size > sizeof(T)) {
    return CROSSGATE_EVERSION;
  }
  std::memset(static_cast<void*>(p), 0, struct_size);
  p->struct_size = static_cast<uint32_t>(struct_size);
  return CROSSGATE_OK;
}

}  // namespace crossgate::capi

#endif  // CROSSGATE_CAPI_STRUCT_IO_H_
