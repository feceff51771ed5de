#include "bindings/cli/batch_checker.h"

#include "absl/strings/str_cat.h"
#include "bindings/cli/request_input.h"
#include "lib/request_json/request_writer.h"

namespace crossgate_cli {

absl::Status CheckTenantKnown(const crossgate::Request& request,
                              const Policies& policies,
                              absl::string_view where) {
  if (policies.set->FindTenant(request.resource_tenant_id) >= 0) {
    return absl::OkStatus();
  }
  return absl::NotFoundError(absl::StrCat(
      where, ": resourceTenantId ",
      crossgate::FormatGuid(request.resource_tenant_id),
      " is not a loaded tenant (loaded: ", policies.TenantList(), ")"));
}

BatchChecker::BatchChecker(const Policies& policies, bool policy_results)
    : policies_(policies), scratch_(policies.set->NewScratch()) {
  defaults_.resource_tenant_id = policies.OnlyTenant();
  options_.report_policies = policy_results;
}

absl::StatusOr<crossgate::Outcome> BatchChecker::ProcessLine(
    absl::string_view line, int line_number, absl::string_view source,
    std::string* out, bool line_padded) {
  absl::Status status =
      ParseRequestAt(reader_, line, defaults_, source, line_number, &parsed_,
                     nullptr, line_padded);
  // The location is only formatted for an unknown tenant.
  if (status.ok() &&
      policies_.set->FindTenant(parsed_.request().resource_tenant_id) < 0) {
    status = CheckTenantKnown(parsed_.request(), policies_,
                              absl::StrCat(source, ":", line_number));
  }
  if (!status.ok()) {
    absl::StrAppend(
        out,
        "{\"status\":\"error\",\"outcome\":\"block\",\"line\":", line_number,
        ",\"error\":", crossgate::JsonQuote(status.message()), "}\n");
    return status;
  }
  crossgate::Evaluate(*policies_.set, parsed_.request(), options_, scratch_,
                      &decision_);
  writer_.Append(decision_, *policies_.set, out);
  out->push_back('\n');
  return decision_.outcome;
}

}  // namespace crossgate_cli
