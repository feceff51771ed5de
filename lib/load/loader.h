#ifndef CROSSGATE_LIB_LOAD_LOADER_H_
#define CROSSGATE_LIB_LOAD_LOADER_H_

// File: loader.h
//
// Loading policies into the model, policy::v1::PolicyBundle: from Microsoft
// Graph JSON exports (as admins export them), from crossgate's tenant
// document, or from a binary bundle written by SerializeBundle. Every path
// runs the same validation (ValidateBundle) and fails closed: when any issue
// is an error, the load returns a non-OK status and no bundle, never a
// partial one. docs/loading.md describes the accepted shapes, the directory
// rules and every issue code.
//
//   std::vector<crossgate::LoadIssue> issues;
//   absl::StatusOr<crossgate::policy::v1::PolicyBundle> bundle =
//       crossgate::LoadPaths({"exports/contoso"}, crossgate::LoadOptions(),
//                            &issues);
//   for (const auto& issue : issues) std::cerr << issue.ToString() << "\n";
//   if (!bundle.ok()) return bundle.status();
//
// Status codes: InvalidArgument for problems in the input (the message is
// "<path>: <message>" of the first error), ResourceExhausted when a limit of
// LoadOptions::limits is exceeded. `issues` (may be null) receives every
// warning and error, in input order.
//
// Thread safety: the functions are thread-safe; they share no state.

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "crossgate/policy/v1/bundle.pb.h"
#include "lib/load/limits.h"
#include "lib/load/load_issue.h"

namespace crossgate {

// Loads files and directories. Each path is one input unit:
//  - a binary bundle (a `.pb` file, or any file that does not start like
//    JSON) contributes all of its tenants;
//  - a JSON file is one tenant: a tenant document, or any Graph export;
//  - a directory is one tenant made of every `*.json` file below it (sorted
//    by path; other files are ignored), its tenant id taken from a tenant
//    document among them (for example `tenant.json`).
// When the paths yield more than one tenant, every JSON unit must name its
// tenant id. A single unit without one gets the placeholder tenant id
// 00000000-0000-0000-0000-000000000000 and a warning. Issues about a
// tenant's objects name the file they came from.
absl::StatusOr<policy::v1::PolicyBundle> LoadPaths(
    absl::Span<const std::string> paths, const LoadOptions& options,
    std::vector<LoadIssue>* issues);

// Loads one JSON document (a tenant document or any single Graph export, in
// UTF-8, UTF-8 with BOM, or UTF-16 LE/BE with BOM) as one tenant.
absl::StatusOr<policy::v1::PolicyBundle> LoadJsonText(
    absl::string_view bytes, const LoadOptions& options,
    std::vector<LoadIssue>* issues);

// Loads a binary bundle (SerializeBundle's output). Fields this version of
// the schema does not know fail the load: a newer writer may have added
// semantics this reader would silently drop.
absl::StatusOr<policy::v1::PolicyBundle> LoadBinaryBundle(
    absl::string_view bytes, const LoadOptions& options,
    std::vector<LoadIssue>* issues);

// The validation both readers run on the model: sizes against
// options.limits, ids (GUIDs, keywords, placeholders), CIDRs, country codes,
// enums, duplicates, references, filter rules, invitation domains. Adds to
// `issues`; returns issues.ToStatus().
absl::Status ValidateBundle(const policy::v1::PolicyBundle& bundle,
                            const LoadOptions& options, IssueCollector& issues);

// The binary form of `bundle` (deterministic protobuf serialization).
absl::StatusOr<std::string> SerializeBundle(
    const policy::v1::PolicyBundle& bundle);

}  // namespace crossgate

#endif  // CROSSGATE_LIB_LOAD_LOADER_H_
