// JSON input units -> tenants (docs/loading.md, "Tenants and directories").

#include <algorithm>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "lib/load/json_document.h"
#include "lib/load/json_reader.h"
#include "lib/load/keywords.h"
#include "lib/load/load_internal.h"
#include "lib/load/loader.h"
#include "lib/load/tenant_assembler.h"
#include "lib/load/text_encoding.h"

namespace crossgate {
namespace load_internal {
namespace {

// Longest recorded prefix of `path` (cut at '/' boundaries) in `sources`.
const std::string* SourceOf(
    const absl::flat_hash_map<std::string, std::string>& sources,
    absl::string_view path) {
  while (!path.empty()) {
    auto it = sources.find(path);
    if (it != sources.end()) return &it->second;
    size_t slash = path.rfind('/');
    if (slash == absl::string_view::npos) break;
    path = path.substr(0, slash);
  }
  return nullptr;
}

}  // namespace

bool ParseJsonInto(absl::string_view bytes, const std::string& source,
                   const LoadOptions& options, IssueCollector& issues,
                   JsonUnit* unit) {
  if (bytes.size() > options.limits.max_input_bytes) {
    issues.Error(IssueCode::kLimitExceeded, source,
                 absl::StrCat(bytes.size(), " bytes; the limit is ",
                              options.limits.max_input_bytes));
    return false;
  }
  std::string storage;
  absl::string_view text;
  absl::Status status = DecodeJsonText(bytes, &storage, &text);
  if (!status.ok()) {
    issues.Error(IssueCode::kMalformedInput, source,
                 std::string(status.message()));
    return false;
  }
  JsonDocument doc;
  doc.source = source;
  status = ParseJson(text, options.limits.max_json_depth, &doc.root);
  if (!status.ok()) {
    issues.Error(status.code() == absl::StatusCode::kResourceExhausted
                     ? IssueCode::kLimitExceeded
                     : IssueCode::kMalformedInput,
                 source, std::string(status.message()));
    return false;
  }
  unit->documents.push_back(std::move(doc));
  return true;
}

void AssembleUnits(const std::vector<JsonUnit>& units, int tenants_in_load,
                   const LoadOptions& options, IssueCollector& issues,
                   policy::v1::PolicyBundle* out, SourceMap* sources) {
  JsonReader reader(issues, options);
  for (const JsonUnit& unit : units) {
    if (unit.documents.empty()) continue;  // its parse error is reported
    // The tenant id comes from the unit's tenant documents; they must agree.
    std::vector<std::string> ids;
    for (const JsonDocument& doc : unit.documents) {
      for (std::string& id : TenantIdsIn(doc.root)) {
        if (std::find(ids.begin(), ids.end(), id) == ids.end()) {
          ids.push_back(std::move(id));
        }
      }
    }
    std::string tenant_id;
    if (ids.size() > 1) {
      issues.Error(
          IssueCode::kInvalidCombination, unit.name,
          absl::StrCat("tenant documents name different tenants (",
                       absl::StrJoin(ids, ", "), "); one input is one tenant"));
      continue;
    }
    if (ids.size() == 1) {
      tenant_id = ids[0];
    } else if (tenants_in_load > 1) {
      issues.Error(IssueCode::kMissingField, unit.name,
                   "no tenantId: when several tenants are loaded together "
                   "each needs a tenant document (e.g. tenant.json with "
                   "{\"tenantId\": ...})");
      continue;
    } else {
      tenant_id = std::string(kPlaceholderTenantId);
      issues.Warning(IssueCode::kMissingField, unit.name,
                     absl::StrCat("no tenantId; using the placeholder tenant "
                                  "id ",
                                  kPlaceholderTenantId));
    }
    TenantAssembler assembler(reader, tenant_id, out->add_tenants());
    for (const JsonDocument& doc : unit.documents) {
      assembler.AddDocument(doc.root, doc.source);
    }
    assembler.Finish();
    if (sources != nullptr) {
      sources->insert(sources->end(), assembler.sources().begin(),
                      assembler.sources().end());
    }
  }
}

absl::Status FinishLoad(const policy::v1::PolicyBundle& bundle,
                        const LoadOptions& options, const SourceMap& sources,
                        IssueCollector& issues) {
  issues.SuppressRepeatsAtErrorPaths();
  absl::Status status = ValidateBundle(bundle, options, issues);
  if (sources.empty()) return status;
  // Name the file behind each tenant-object issue: a directory holds many
  // files and a policy without an id is known only by its index.
  absl::flat_hash_map<std::string, std::string> by_path;
  for (const auto& [path, file] : sources) by_path.emplace(path, file);
  for (LoadIssue& issue : issues.mutable_issues()) {
    const std::string* file = SourceOf(by_path, issue.path);
    if (file != nullptr && *file != issue.path) {
      absl::StrAppend(&issue.message, " (in ", *file, ")");
    }
  }
  return status.ok() ? status : issues.ToStatus();
}

}  // namespace load_internal
}  // namespace crossgate
