#ifndef CROSSGATE_LIB_LOAD_DOCUMENT_KIND_H_
#define CROSSGATE_LIB_LOAD_DOCUMENT_KIND_H_

// What a JSON object in an export is. Admins export Graph resources in many
// wrappings (a single GET body, a `{"value": [...]}` list, a bare array, a
// `{"status", "body"}` envelope) and rarely say what they exported, so the
// kind comes from, in order: the object's `@odata.type`, the `@odata.context`
// of the object or its enclosing list, and finally its shape (the properties
// only that resource has). docs/loading.md lists the shapes.

#include "absl/strings/string_view.h"
#include "lib/load/json_reader.h"

namespace crossgate {
namespace load_internal {

enum class ResourceKind {
  kUnknown,
  kTenantDocument,           // crossgate's own per-tenant document
  kConditionalAccessPolicy,  // also whatIfAnalysisResult items
  kNamedLocation,
  kAuthenticationStrength,
  kCrossTenantAccessPolicy,
  kCrossTenantDefault,
  kCrossTenantPartner,
  kIdentitySynchronization,
  kAuthorizationPolicy,
  kAuthenticationFlowsPolicy,
  kEmailAuthenticationMethod,
  kLegacyDirectoryPolicy,    // `definition` array (B2BManagementPolicy, ...)
  kB2BManagementDefinition,  // the JSON inside such a definition
  // Recognized, but not policy in force: a load error.
  kConditionalAccessTemplate,
  // Recognized, carrying no policy: skipped with a warning.
  kOtherAuthenticationMethod,
  kWhatIfRequest,
  kInvitation,
  kTestVectors,
};

struct DetectedKind {
  ResourceKind kind = ResourceKind::kUnknown;
  // Set for cross-tenant settings that carry neither `tenantId` nor a sign of
  // being the default (`isServiceDefault`, an @odata.context or type naming
  // it): read as the default, with a warning.
  bool assumed_default = false;
};

// `list_context` is the @odata.context of the list holding `obj` ("" when
// none). The object's own @odata.type and @odata.context come first.
DetectedKind DetectKind(const Struct& obj, absl::string_view list_context);

// A short name for messages ("conditionalAccessPolicy", ...).
absl::string_view ResourceKindName(ResourceKind kind);

}  // namespace load_internal
}  // namespace crossgate

#endif  // CROSSGATE_LIB_LOAD_DOCUMENT_KIND_H_
