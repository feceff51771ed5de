#ifndef CROSSGATE_LIB_COMPILE_TENANT_CONTEXT_H_
#define CROSSGATE_LIB_COMPILE_TENANT_CONTEXT_H_

// What the per-policy normalizers need to know about the tenant being
// compiled: its named locations, strengths, terms of use and custom controls
// (tenant-local indices, assigned in ascending id order so refs sort like
// ids, D11), the app-set resolver, options, and where to report issues.

#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "crossgate/policy/v1/bundle.pb.h"
#include "lib/compile/app_set_resolver.h"
#include "lib/compile/compile_options.h"
#include "lib/compile/policy_model.h"
#include "lib/load/load_issue.h"
#include "lib/model/guid.h"

namespace crossgate {

struct TenantContext {
  std::string path;  // "tenants/<tenantId>"
  const CompileOptions* options = nullptr;
  const AppSetResolver* app_sets = nullptr;
  IssueCollector* issues = nullptr;
  // Whether the export carried the tenant's named locations / authentication
  // strengths: only then is an id missing from them a dangling reference
  // (an error); otherwise it reads fail-closed and warns.
  bool named_locations_exported = false;
  bool authentication_strengths_exported = false;

  std::vector<LocationModel> locations;  // last entry: zero-GUID trusted IPs
  absl::flat_hash_map<Guid, uint32_t> location_index;
  std::vector<uint32_t> trusted_locations;  // D16

  std::vector<CompiledStrength> strengths;  // local order = ascending id
  std::vector<std::string> strength_ids;
  std::vector<std::string> strength_names;
  absl::flat_hash_map<std::string, uint32_t> strength_index;  // lower-case id

  std::vector<std::string> terms_of_use;  // canonical GUID text, ascending
  std::vector<Guid> terms_of_use_guids;
  absl::flat_hash_map<std::string, uint32_t> terms_of_use_index;

  std::vector<std::string> custom_controls;  // ascending
  absl::flat_hash_map<std::string, uint32_t> custom_control_index;
};

// Id tokens in Graph id lists (D7): a GUID, a keyword-shaped word
// (letters and digits, starting with a letter), or anything else.
enum class IdTokenKind { kGuid, kKeyword, kInvalid };
IdTokenKind ClassifyIdToken(absl::string_view text, Guid* guid);

// Reports an invalid id token as an error (placeholders such as
// `<AdminGroup>` get kPlaceholderId).
void ReportBadId(TenantContext& ctx, const std::string& path,
                 absl::string_view text);
// D7: an unknown keyword is a warning (or an error with
// fail_on_unknown_keyword) stating how it reads.
void ReportUnknownKeyword(TenantContext& ctx, const std::string& path,
                          absl::string_view text, bool include);

}  // namespace crossgate

#endif  // CROSSGATE_LIB_COMPILE_TENANT_CONTEXT_H_
