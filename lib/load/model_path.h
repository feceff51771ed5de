#ifndef CROSSGATE_LIB_LOAD_MODEL_PATH_H_
#define CROSSGATE_LIB_LOAD_MODEL_PATH_H_

// Issue paths for checks that walk the model by reflection (sizes, unknown
// fields): the same Graph-property paths the readers use, built from field
// descriptors (`json_name` is the camelCase Graph name for almost every
// field; the few that differ are mapped here).

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>

#include <string>

namespace crossgate {
namespace load_internal {

// `path` extended by `field` (of `parent`): "" for fields Graph flattens
// (a partner's `settings`), the Graph name otherwise.
std::string FieldPath(const std::string& path,
                      const google::protobuf::FieldDescriptor* field);

// `path` extended by element `index` of a repeated message field: `/<id>`
// when the element has a non-empty `id` or `tenant_id`, `[index]` otherwise.
std::string ElementPath(const std::string& path,
                        const google::protobuf::Message& element, int index);

}  // namespace load_internal
}  // namespace crossgate

#endif  // CROSSGATE_LIB_LOAD_MODEL_PATH_H_
