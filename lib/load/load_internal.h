#ifndef CROSSGATE_LIB_LOAD_LOAD_INTERNAL_H_
#define CROSSGATE_LIB_LOAD_LOAD_INTERNAL_H_

// Pieces of loader.cc shared with LoadPaths: parsing one input into a unit,
// and turning JSON units into tenants.

#include <google/protobuf/struct.pb.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"
#include "crossgate/policy/v1/bundle.pb.h"
#include "lib/load/limits.h"
#include "lib/load/load_issue.h"

namespace crossgate {
namespace load_internal {

// One parsed JSON document and where it came from.
struct JsonDocument {
  std::string source;  // file path, or "input"
  google::protobuf::Value root;
};

// A JSON input unit: one tenant's documents (a file, or a directory's files).
struct JsonUnit {
  std::string name;  // the path given, or "input"
  std::vector<JsonDocument> documents;
};

// (model path prefix, source file) for annotating issues.
using SourceMap = std::vector<std::pair<std::string, std::string>>;

// Decodes and parses `bytes` into `unit` as one more document. Problems are
// issues at `source`; returns false when the document is unusable.
bool ParseJsonInto(absl::string_view bytes, const std::string& source,
                   const LoadOptions& options, IssueCollector& issues,
                   JsonUnit* unit);

// Parses a binary bundle; false (with issues at `source`) when unusable.
bool ParseBinaryInto(absl::string_view bytes, const std::string& source,
                     const LoadOptions& options, IssueCollector& issues,
                     policy::v1::PolicyBundle* out);

// Reads JSON units into tenants appended to `out`. `tenants_in_load` is the
// number of tenants the whole load produces (binary tenants included); when
// above one, every unit must name its tenant id.
void AssembleUnits(const std::vector<JsonUnit>& units, int tenants_in_load,
                   const LoadOptions& options, IssueCollector& issues,
                   policy::v1::PolicyBundle* out, SourceMap* sources);

// Validates `bundle` after reading, without repeating issues the reader
// already reported at the same path, and appends " (in <file>)" to issue
// messages under a path that `sources` maps to a file.
absl::Status FinishLoad(const policy::v1::PolicyBundle& bundle,
                        const LoadOptions& options, const SourceMap& sources,
                        IssueCollector& issues);

}  // namespace load_internal
}  // namespace crossgate

#endif  // CROSSGATE_LIB_LOAD_LOAD_INTERNAL_H_
