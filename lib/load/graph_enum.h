#ifndef CROSSGATE_LIB_LOAD_GRAPH_ENUM_H_
#define CROSSGATE_LIB_LOAD_GRAPH_ENUM_H_

// Graph enum strings <-> crossgate proto enums. The proto value names are the
// UPPER_SNAKE form of Graph's camelCase values behind a per-enum prefix
// (POLICY_STATE_ENABLED_FOR_REPORTING_BUT_NOT_ENFORCED <->
// enabledForReportingButNotEnforced), so one descriptor-driven rule serves
// every enum: trim surrounding whitespace (the spec's `" blocked"` sample),
// then compare case-insensitively with the value name without prefix and
// underscores. Value 0 (UNSPECIFIED) never matches, and neither does Graph's
// `unknownFutureValue` (D7: an unknown enum value is a load error).

#include <google/protobuf/descriptor.h>
#include <google/protobuf/generated_enum_reflection.h>

#include <string>

#include "absl/strings/string_view.h"
#include "absl/types/optional.h"

namespace crossgate {
namespace load_internal {

// The proto enum number for Graph string `text`, or nullopt.
absl::optional<int> LookupGraphEnum(
    const google::protobuf::EnumDescriptor* type, absl::string_view text);

template <typename E>
absl::optional<E> LookupGraphEnum(absl::string_view text) {
  absl::optional<int> v =
      LookupGraphEnum(google::protobuf::GetEnumDescriptor<E>(), text);
  if (!v) return absl::nullopt;
  return static_cast<E>(*v);
}

// The Graph spelling (camelCase) of a proto enum value, e.g. for messages.
// Empty for values the descriptor does not know.
std::string GraphEnumName(const google::protobuf::EnumDescriptor* type,
                          int number);

// The documented values of `type`, comma-separated, for error messages.
std::string GraphEnumValues(const google::protobuf::EnumDescriptor* type);

}  // namespace load_internal
}  // namespace crossgate

#endif  // CROSSGATE_LIB_LOAD_GRAPH_ENUM_H_
