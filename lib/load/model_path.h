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

// A path built while walking the model and rendered only when an issue is
// reported, so a clean walk formats nothing: one step per field or element,
// linked to its parent on the walker's stack.
//
//   ModelPathStep field = parent.Field(descriptor);
//   ModelPathStep item = field.Element(&element_message, i);
//   issues.Error(code, item.ToString(), ...);
struct ModelPathStep {
  const ModelPathStep* parent = nullptr;
  const google::protobuf::FieldDescriptor* field = nullptr;  // a field step
  const google::protobuf::Message* element = nullptr;  // element step, or null
  int index = -1;  // element step: its index (`[index]` without an id)

  ModelPathStep Field(const google::protobuf::FieldDescriptor* f) const {
    return {this, f, nullptr, -1};
  }
  // `message` may be null when the element is not parsed yet (numbered).
  ModelPathStep Element(const google::protobuf::Message* message, int i) const {
    return {this, nullptr, message, i};
  }
  // The same text FieldPath / ElementPath build step by step; the root
  // renders as "".
  std::string ToString() const;
};

}  // namespace load_internal
}  // namespace crossgate

#endif  // CROSSGATE_LIB_LOAD_MODEL_PATH_H_
