// crossgate_error accessors and the library allocator's free.
#include <cstdlib>

#include "capi/c_error.h"
#include "capi/struct_io.h"
#include "crossgate/crossgate.h"

extern "C" {

CROSSGATE_API int crossgate_error_code(const crossgate_error* error) {
  return error == nullptr ? CROSSGATE_OK : error->code;
}

CROSSGATE_API const char* crossgate_error_message(const crossgate_error* error) {
  if (error == nullptr) return "";
  if (error->is_static) return crossgate_status_string(error->code);
  return error->message.c_str();
}

CROSSGATE_API const char* crossgate_error_path(const crossgate_error* error) {
  return error == nullptr ? "" : error->path.c_str();
}

CROSSGATE_API size_t crossgate_error_issue_count(const crossgate_error* error) {
  return error == nullptr || error->issues == nullptr ? 0 : error->issues->size();
}

CROSSGATE_API int crossgate_error_issue(crossgate_issue* out,
                                        const crossgate_error* error,
                                        size_t index) {
  if (out == nullptr || error == nullptr) return CROSSGATE_EINVALID;
  if (crossgate::capi::CheckSize<crossgate_issue>(out->struct_size)) {
    return CROSSGATE_EVERSION;
  }
  if (index >= crossgate_error_issue_count(error)) return CROSSGATE_ERANGE;
  return crossgate::capi::FillIssue(out, (*error->issues)[index]);
}

CROSSGATE_API void crossgate_error_free(crossgate_error* error) {
  if (error != nullptr && !error->is_static) delete error;
}

// Library-allocated strings come from malloc (see json_c.cc).
CROSSGATE_API void crossgate_free(void* ptr) { std::free(ptr); }

}  // extern "C"
