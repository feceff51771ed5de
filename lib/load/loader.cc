#include "lib/load/loader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "lib/load/load_internal.h"
#include "lib/load/text_encoding.h"

namespace crossgate {
namespace {

namespace fs = std::filesystem;
using load_internal::JsonUnit;

bool HasExtension(const fs::path& path, absl::string_view ext) {
  return absl::AsciiStrToLower(path.extension().string()) == ext;
}

// Reads a whole file; false (with an issue) when it cannot, or when it would
// take the load past max_input_bytes.
bool ReadFile(const fs::path& path, const LoadOptions& options,
              uint64_t* total_bytes, IssueCollector& issues, std::string* out) {
  std::error_code ec;
  uint64_t size = fs::file_size(path, ec);
  if (ec) {
    issues.Error(IssueCode::kIo, path.string(),
                 absl::StrCat("cannot read: ", ec.message()));
    return false;
  }
  if (size > options.limits.max_input_bytes ||
      *total_bytes + size > options.limits.max_input_bytes) {
    issues.Error(
        IssueCode::kLimitExceeded, path.string(),
        absl::StrCat("input reaches ", *total_bytes + size,
                     " bytes; the limit is ", options.limits.max_input_bytes));
    return false;
  }
  *total_bytes += size;
  std::ifstream in(path, std::ios::binary);
  out->resize(size);
  if (!in || !in.read(out->data(), static_cast<std::streamsize>(size))) {
    issues.Error(IssueCode::kIo, path.string(), "cannot read the file");
    return false;
  }
  return true;
}

// Every `*.json` file below `dir`, sorted so the load is deterministic.
bool ListJsonFiles(const fs::path& dir, const LoadOptions& options,
                   int* file_count, IssueCollector& issues,
                   std::vector<fs::path>* out) {
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file(ec) || !HasExtension(it->path(), ".json")) {
      continue;
    }
    if (++*file_count > options.limits.max_files) {
      issues.Error(
          IssueCode::kLimitExceeded, dir.string(),
          absl::StrCat("more than ", options.limits.max_files, " JSON files"));
      return false;
    }
    out->push_back(it->path());
  }
  if (ec) {
    issues.Error(IssueCode::kIo, dir.string(),
                 absl::StrCat("cannot list: ", ec.message()));
    return false;
  }
  std::sort(out->begin(), out->end());
  if (out->empty()) {
    issues.Error(IssueCode::kIo, dir.string(), "no .json files below it");
    return false;
  }
  return true;
}

}  // namespace

absl::StatusOr<policy::v1::PolicyBundle> LoadJsonText(
    absl::string_view bytes, const LoadOptions& options,
    std::vector<LoadIssue>* issues) {
  IssueCollector collector(options.limits.max_issues);
  std::vector<JsonUnit> units(1);
  units[0].name = "input";
  policy::v1::PolicyBundle bundle;
  bundle.set_bundle_version(options.bundle_version);
  absl::Status status;
  if (load_internal::ParseJsonInto(bytes, "input", options, collector,
                                   &units[0])) {
    load_internal::AssembleUnits(units, 1, options, collector, &bundle,
                                 nullptr);
    status = load_internal::FinishLoad(bundle, options, {}, collector);
  } else {
    status = collector.ToStatus();
  }
  if (issues != nullptr) *issues = collector.TakeIssues();
  if (!status.ok()) return status;
  return bundle;
}

absl::StatusOr<policy::v1::PolicyBundle> LoadPaths(
    absl::Span<const std::string> paths, const LoadOptions& options,
    std::vector<LoadIssue>* issues) {
  IssueCollector collector(options.limits.max_issues);
  uint64_t total_bytes = 0;
  int file_count = 0;
  int binary_inputs = 0;
  uint64_t binary_version = 0;
  policy::v1::PolicyBundle binary_tenants;
  std::vector<JsonUnit> units;
  if (paths.empty()) collector.Error(IssueCode::kIo, "", "no input paths");
  for (const std::string& path_text : paths) {
    fs::path path(path_text);
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      std::vector<fs::path> files;
      if (!ListJsonFiles(path, options, &file_count, collector, &files)) {
        continue;
      }
      JsonUnit unit;
      unit.name = path_text;
      for (const fs::path& file : files) {
        std::string bytes;
        if (ReadFile(file, options, &total_bytes, collector, &bytes)) {
          load_internal::ParseJsonInto(bytes, file.string(), options, collector,
                                       &unit);
        }
      }
      units.push_back(std::move(unit));
      continue;
    }
    std::string bytes;
    if (!ReadFile(path, options, &total_bytes, collector, &bytes)) continue;
    bool binary =
        HasExtension(path, ".pb") ||
        (!HasExtension(path, ".json") && !load_internal::LooksLikeJson(bytes));
    if (binary) {
      policy::v1::PolicyBundle one;
      if (load_internal::ParseBinaryInto(bytes, path_text, options, collector,
                                         &one)) {
        ++binary_inputs;
        binary_version = one.bundle_version();
        for (auto& tenant : *one.mutable_tenants()) {
          *binary_tenants.add_tenants() = std::move(tenant);
        }
      }
      continue;
    }
    JsonUnit unit;
    unit.name = path_text;
    load_internal::ParseJsonInto(bytes, path_text, options, collector, &unit);
    units.push_back(std::move(unit));
  }

  policy::v1::PolicyBundle bundle;
  // An explicit version wins; a lone binary bundle keeps its own.
  bundle.set_bundle_version(options.bundle_version != 0 ? options.bundle_version
                            : (binary_inputs == 1 && units.empty())
                                ? binary_version
                                : 0);
  *bundle.mutable_tenants() = std::move(*binary_tenants.mutable_tenants());
  int tenants_in_load = bundle.tenants_size() + static_cast<int>(units.size());
  load_internal::SourceMap sources;
  load_internal::AssembleUnits(units, tenants_in_load, options, collector,
                               &bundle, &sources);
  absl::Status status =
      load_internal::FinishLoad(bundle, options, sources, collector);
  if (issues != nullptr) *issues = collector.TakeIssues();
  if (!status.ok()) return status;
  return bundle;
}

}  // namespace crossgate
