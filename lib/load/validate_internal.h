#ifndef CROSSGATE_LIB_LOAD_VALIDATE_INTERNAL_H_
#define CROSSGATE_LIB_LOAD_VALIDATE_INTERNAL_H_

// The parts of ValidateBundle (loader.h), one file per area. Validation reads
// only the model, so binary bundles and Graph JSON get the same checks; every
// issue path uses Graph property names.

#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "crossgate/policy/v1/bundle.pb.h"
#include "lib/load/limits.h"
#include "lib/load/load_issue.h"

namespace crossgate {
namespace load_internal {

struct TenantScope {
  const policy::v1::TenantPolicies* tenant = nullptr;
  std::string path;  // tenants/<tenantId>
  absl::flat_hash_set<std::string> location_ids;
  absl::flat_hash_set<std::string> strength_ids;
};

class Validator {
 public:
  Validator(const LoadOptions& options, IssueCollector& issues)
      : options_(options), issues_(issues) {}

  const LoadOptions& options() const { return options_; }
  IssueCollector& issues() { return issues_; }

  void Error(IssueCode code, std::string path, std::string message) {
    issues_.Error(code, std::move(path), std::move(message));
  }
  void Warning(IssueCode code, std::string path, std::string message) {
    issues_.Warning(code, std::move(path), std::move(message));
  }

  // --- ids (validate_ids.cc) ---
  enum class IdList {
    kGuidOnly,           // groups, roles, app ids in sets, terms of use, ...
    kUsers,              // All, None, GuestsOrExternalUsers
    kApplications,       // All, None, Office365, MicrosoftAdminPortals
    kLocations,          // All, AllTrusted
    kServicePrincipals,  // ServicePrincipalsInMyTenant
  };
  // Every entry of a CA-style id list: placeholder, canonical GUID, known
  // keyword, unknown keyword (warning, D7) or bad id (error). `path` is the
  // list's path; entries are reported as path[i].
  void CheckIdList(const google::protobuf::RepeatedPtrField<std::string>& ids,
                   IdList kind, const std::string& path);
  // One id that must be a canonical GUID (tenant ids, object ids). `what`
  // names it in messages. Placeholders are always errors here.
  bool CheckGuid(absl::string_view id, const std::string& path,
                 absl::string_view what);
  // A display name carrying a template token such as `<RING>`.
  void CheckDisplayName(absl::string_view name, const std::string& path);

  // --- areas ---
  void ValidateTenant(const policy::v1::TenantPolicies& tenant,
                      const std::string& path);
  void ValidatePolicy(TenantScope& scope,
                      const policy::v1::ConditionalAccessPolicy& policy,
                      const std::string& path);
  void ValidateNamedLocation(const policy::v1::NamedLocation& location,
                             const std::string& path);
  void ValidateStrength(const policy::v1::AuthenticationStrengthPolicy& s,
                        const std::string& path);
  void ValidateCrossTenant(const policy::v1::CrossTenantAccessPolicy& policy,
                           const std::string& path);
  void ValidateExternalCollaboration(const policy::v1::TenantPolicies& tenant,
                                     const std::string& path);
  void ValidateFilter(const policy::v1::Filter& filter, const std::string& path,
                      bool device_rule);
  // A CIDR stored in the model: canonical, and longer than /8.
  void CheckCidr(absl::string_view cidr, const std::string& path,
                 bool* ipv6 = nullptr);

  // A named location or strength reference that the tenant does not define.
  void Dangling(const TenantScope& scope, bool exported,
                const std::string& path, const std::string& message);

 private:
  const LoadOptions& options_;
  IssueCollector& issues_;
};

// True for template placeholders: `<Name>`, `{{name}}`, `${name}`, and
// GUID-shaped strings with non-hex letters (`xxxxxxxx-xxxx-...`).
bool IsPlaceholder(absl::string_view id);

}  // namespace load_internal
}  // namespace crossgate

#endif  // CROSSGATE_LIB_LOAD_VALIDATE_INTERNAL_H_
