#ifndef CROSSGATE_LIB_LOAD_COMPILE_ISSUE_SCOPE_H_
#define CROSSGATE_LIB_LOAD_COMPILE_ISSUE_SCOPE_H_

// The issues one per-tenant compile step (cross-tenant access, external
// collaboration) adds to a caller's collector, or to its own when the caller
// passes none, and the tenant id every such step starts from.
//
//   CompileIssueScope scope(issues, "cross-tenant settings");
//   CROSSGATE_ASSIGN_OR_RETURN(Guid id, scope.TenantId(tenant));
//   ... scope.sink().Error(...) ...
//   if (scope.has_errors() && fail_on_error) return scope.FirstError();

#include <cstddef>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "crossgate/policy/v1/bundle.pb.h"
#include "lib/load/load_issue.h"
#include "lib/model/guid.h"

namespace crossgate {

class CompileIssueScope {
 public:
  // `issues` may be null; `what` names the settings in the fallback error
  // ("cross-tenant settings have load errors").
  CompileIssueScope(IssueCollector* issues, absl::string_view what);
  CompileIssueScope(const CompileIssueScope&) = delete;
  CompileIssueScope& operator=(const CompileIssueScope&) = delete;

  IssueCollector& sink() { return sink_; }

  // The tenant's id; a non-GUID is a kBadGuid error at
  // `tenants/<id>/tenantId` and InvalidArgument naming that path.
  absl::StatusOr<Guid> TenantId(const policy::v1::TenantPolicies& tenant);

  // Whether errors were added since the scope began.
  bool has_errors() const { return sink_.error_count() > errors_before_; }

  // InvalidArgument "<path>: <message>" of the first error added since the
  // scope began (or a generic one when the collector stopped keeping them).
  absl::Status FirstError() const;

 private:
  IssueCollector local_;
  IssueCollector& sink_;
  const int errors_before_;
  const size_t issues_before_;
  const std::string what_;
};

// "tenants/<canonical guid>", the prefix of every per-tenant issue path.
std::string TenantPath(const Guid& tenant_id);

}  // namespace crossgate

#endif  // CROSSGATE_LIB_LOAD_COMPILE_ISSUE_SCOPE_H_
