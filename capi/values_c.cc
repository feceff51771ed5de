// Value helpers (GUID and IP text) and the _init() functions of every
// size-tagged struct (libgit2's git_clone_options_init, for FFI callers).
#include <cstring>

#include "absl/strings/string_view.h"
#include "capi/guard.h"
#include "capi/request_io.h"
#include "capi/struct_io.h"
#include "crossgate/crossgate.h"
#include "lib/model/cidr.h"
#include "lib/model/guid.h"

using crossgate::capi::Guard;
using crossgate::capi::InitStruct;
using crossgate::capi::SetError;

extern "C" {

CROSSGATE_API int crossgate_guid_parse(crossgate_guid* out, const char* text,
                                       size_t size, crossgate_error** err) {
  return Guard(err, [&]() -> int {
    if (out == nullptr || (text == nullptr && size != 0)) {
      return SetError(err, CROSSGATE_EINVALID, "argument is NULL");
    }
    if (size > crossgate::capi::kMaxCLength) {
      return SetError(err, CROSSGATE_EINVALID,
                      "size is larger than PTRDIFF_MAX", "size");
    }
    auto guid = crossgate::ParseGuid(absl::string_view(text, size));
    if (!guid) return SetError(err, CROSSGATE_EPARSE, "not a GUID");
    *out = crossgate::capi::FromGuid(*guid);
    return CROSSGATE_OK;
  });
}

CROSSGATE_API int crossgate_guid_format(char* out, size_t out_size,
                                        const crossgate_guid* guid) {
  return Guard(nullptr, [&]() -> int {
    if (out == nullptr || guid == nullptr) return CROSSGATE_EINVALID;
    if (out_size < 37) return CROSSGATE_EBUFSIZE;
    std::string text = crossgate::FormatGuid(crossgate::capi::ToGuid(*guid));
    std::memcpy(out, text.c_str(), 37);
    return CROSSGATE_OK;
  });
}

CROSSGATE_API int crossgate_ip_parse(crossgate_ip* out, const char* text,
                                     size_t size, crossgate_error** err) {
  return Guard(err, [&]() -> int {
    if (out == nullptr || (text == nullptr && size != 0)) {
      return SetError(err, CROSSGATE_EINVALID, "argument is NULL");
    }
    if (size > crossgate::capi::kMaxCLength) {
      return SetError(err, CROSSGATE_EINVALID,
                      "size is larger than PTRDIFF_MAX", "size");
    }
    auto ip = crossgate::ParseIpAddress(absl::string_view(text, size));
    if (!ip) return SetError(err, CROSSGATE_EPARSE, "not an IP address");
    std::memset(out, 0, sizeof(*out));
    if (ip->v6) {
      out->family = 6;
      std::memcpy(out->bytes, ip->bytes, 16);
    } else {
      out->family = 4;
      std::memcpy(out->bytes, ip->bytes + 12, 4);
    }
    return CROSSGATE_OK;
  });
}

CROSSGATE_API int crossgate_request_init(crossgate_request* p, size_t size) {
  return InitStruct(p, size);
}
CROSSGATE_API int crossgate_decision_init(crossgate_decision* p, size_t size) {
  int rc = InitStruct(p, size);
  if (rc == CROSSGATE_OK) {
    p->deciding_policy = -1;
    p->tenant_index = -1;
  }
  return rc;
}
CROSSGATE_API int crossgate_device_init(crossgate_device* p, size_t size) {
  return InitStruct(p, size);
}
CROSSGATE_API int crossgate_issue_init(crossgate_issue* p, size_t size) {
  return InitStruct(p, size);
}
CROSSGATE_API int crossgate_engine_options_init(crossgate_engine_options* p,
                                                size_t size) {
  return InitStruct(p, size);
}
CROSSGATE_API int crossgate_load_options_init(crossgate_load_options* p,
                                              size_t size) {
  return InitStruct(p, size);
}
CROSSGATE_API int crossgate_policy_info_init(crossgate_policy_info* p,
                                             size_t size) {
  return InitStruct(p, size);
}
CROSSGATE_API int crossgate_invitation_init(crossgate_invitation* p,
                                            size_t size) {
  return InitStruct(p, size);
}
CROSSGATE_API int crossgate_sign_up_init(crossgate_sign_up* p, size_t size) {
  return InitStruct(p, size);
}
CROSSGATE_API int crossgate_check_result_init(crossgate_check_result* p,
                                              size_t size) {
  return InitStruct(p, size);
}

}  // extern "C"
