// crossgate_decision_to_json{,_alloc}: caller buffer with required-size
// return (snprintf style), or a malloc'ed string freed by crossgate_free.
#include <cstdlib>
#include <cstring>
#include <string>

#include "capi/c_error.h"
#include "capi/decision_io.h"
#include "capi/decision_json.h"
#include "capi/guard.h"
#include "capi/handles.h"
#include "crossgate/crossgate.h"

namespace crossgate::capi {
namespace {

int Render(std::string* out, const crossgate_snapshot* snapshot,
           const crossgate_decision* decision, crossgate_error** err) {
  if (decision == nullptr) return SetError(err, CROSSGATE_EINVALID, "argument is NULL", "decision");
  if (CheckDecisionOut(decision) != CROSSGATE_OK) {
    return SetError(err, CROSSGATE_EVERSION,
                    "struct_size is not a size this library supports", "decision");
  }
  if (snapshot != nullptr && snapshot->rep.generation != decision->generation) {
    return SetError(err, CROSSGATE_ESTALE,
                    "the decision came from another snapshot generation");
  }
  *out = RenderDecisionJson(*decision, snapshot ? snapshot->rep.set.get() : nullptr);
  return CROSSGATE_OK;
}

}  // namespace
}  // namespace crossgate::capi

using namespace crossgate::capi;  // NOLINT: entry points only

extern "C" {

CROSSGATE_API int crossgate_decision_to_json(char* buf, size_t capacity,
                                             size_t* size_out,
                                             const crossgate_snapshot* snapshot,
                                             const crossgate_decision* decision,
                                             crossgate_error** err) {
  return Guard(err, [&]() -> int {
    if (size_out == nullptr || (buf == nullptr && capacity != 0)) {
      return SetError(err, CROSSGATE_EINVALID, "argument is NULL");
    }
    std::string json;
    if (int rc = Render(&json, snapshot, decision, err)) return rc;
    *size_out = json.size();
    if (json.size() + 1 > capacity) {
      return SetError(err, CROSSGATE_EBUFSIZE, "buffer too small; see *size_out");
    }
    std::memcpy(buf, json.c_str(), json.size() + 1);
    return CROSSGATE_OK;
  });
}

CROSSGATE_API int crossgate_decision_to_json_alloc(
    char** out, size_t* size_out, const crossgate_snapshot* snapshot,
    const crossgate_decision* decision, crossgate_error** err) {
  return Guard(err, [&]() -> int {
    if (out == nullptr) return SetError(err, CROSSGATE_EINVALID, "argument is NULL", "out");
    *out = nullptr;
    std::string json;
    if (int rc = Render(&json, snapshot, decision, err)) return rc;
    char* copy = static_cast<char*>(std::malloc(json.size() + 1));
    if (copy == nullptr) return SetError(err, CROSSGATE_ENOMEM, "out of memory");
    std::memcpy(copy, json.c_str(), json.size() + 1);
    *out = copy;
    if (size_out != nullptr) *size_out = json.size();
    return CROSSGATE_OK;
  });
}

}  // extern "C"
