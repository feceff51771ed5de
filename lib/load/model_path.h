#ifndef CROSSGATE_LIB_LOAD_MODEL_PATH_H_
#define CROSSGATE_LIB_LOAD_MODEL_PATH_H_

// Issue paths for checks that walk the model by reflection (sizes, unknown
// fields): the same Graph-property paths the readers use, built from field
// descriptors (`json_name` is the camelCase Graph name for almost every
// field; the few that differ are mapped here).

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>

#include <string>

#include "absl/strings/string_view.h"

namespace crossgate {
namespace load_internal {

// `path` extended by `field` (of `parent`): "" for fields Graph flattens
// (a partner's `settings`), the Graph name otherwise.
// An id as it appears in an issue path: control bytes (NUL included) and
// backslashes escaped as \xNN, and at most 128 bytes kept, so a hostile id
// can neither cut a C string short nor flood a log line.
std::string PathSegment(absl::string_view id);

// True when `id` holds a control byte (U+0000..U+001F, U+007F).
bool HasControlByte(absl::string_view id);

std::string FieldPath(const std::string& path,
                      const google::protobuf::FieldDescriptor* field);

// `path` extended by element `index` of a repeated message field: `/<id>`
// when the element has a non-empty `id` or `tenant_id`, `[index]` otherwise.
std::string ElementPath(const std::string& path,
                        const google::protobuf::Message& element, int index);

}  // namespace load_internal
}  // namespace crossgate

#endif  // CROSSGATE_LIB_LOAD_MODEL_PATH_H_
