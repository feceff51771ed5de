#include "lib/load/compile_issue_scope.h"

#include "absl/strings/str_cat.h"

namespace crossgate {

CompileIssueScope::CompileIssueScope(IssueCollector* issues,
                                     absl::string_view what)
    : sink_(issues != nullptr ? *issues : local_),
      errors_before_(sink_.error_count()),
      issues_before_(sink_.issues().size()),
      what_(what) {}

absl::StatusOr<Guid> CompileIssueScope::TenantId(
    const policy::v1::TenantPolicies& tenant) {
  absl::optional<Guid> id = ParseGuid(tenant.tenant_id());
  if (id.has_value()) return *id;
  const std::string path =
      absl::StrCat("tenants/", tenant.tenant_id(), "/tenantId");
  sink_.Error(IssueCode::kBadGuid, path, "tenantId is not a GUID");
  return absl::InvalidArgumentError(
      absl::StrCat(path, ": tenantId is not a GUID"));
}

absl::Status CompileIssueScope::FirstError() const {
  const std::vector<LoadIssue>& issues = sink_.issues();
  for (size_t i = issues_before_; i < issues.size(); ++i) {
    if (!issues[i].is_error()) continue;
    return absl::InvalidArgumentError(
        absl::StrCat(issues[i].path, ": ", issues[i].message));
  }
  // The collector may have stopped keeping issues; fail all the same.
  return absl::InvalidArgumentError(absl::StrCat(what_, " have load errors"));
}

std::string TenantPath(const Guid& tenant_id) {
  return absl::StrCat("tenants/", FormatGuid(tenant_id));
}

}  // namespace crossgate
