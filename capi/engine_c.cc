// Engine lifetime, loading (with all-or-nothing publication) and load
// reports.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "capi/c_error.h"
#include "capi/core.h"
#include "capi/guard.h"
#include "capi/handles.h"
#include "capi/struct_io.h"
#include "crossgate/crossgate.h"

namespace crossgate::capi {
namespace {

constexpr uint32_t kKnownLoadFlags =
    CROSSGATE_LOAD_WARNINGS_AS_ERRORS | CROSSGATE_LOAD_VALIDATE_ONLY;

int ReadLoadOptions(const crossgate_load_options* in,
                    crossgate_load_options* out, crossgate_error** err) {
  int rc = ReadOptionalStruct(in, out, "opts", err);
  if (rc != CROSSGATE_OK) return rc;
  if (out->format < CROSSGATE_FORMAT_AUTO ||
      out->format > CROSSGATE_FORMAT_JSON) {
    return SetError(err, CROSSGATE_EENUM, "unknown format", "opts/format");
  }
  if ((out->flags & ~kKnownLoadFlags) != 0 || out->reserved0 != 0) {
    return SetError(err, CROSSGATE_EINVALID, "unknown flag bits", "opts/flags");
  }
  return CROSSGATE_OK;
}

// Read + compile + publish, all or nothing (STYLE 4.4).
int Load(crossgate_load_report** report, crossgate_engine* engine,
         LoadInput input, const crossgate_load_options& opts,
         crossgate_error** err) {
  if (report != nullptr) *report = nullptr;
  input.format = static_cast<LoadFormat>(opts.format);
  input.bundle_version = opts.bundle_version;
  auto issues = std::make_shared<std::vector<LoadIssue>>();
  uint64_t generation = 0;
  absl::Status status;
  {
    absl::MutexLock lock(&engine->load_mu);
    auto set = LoadAndCompile(input, issues.get());
    status = set.status();
    if (status.ok() && !issues->empty() &&
        (opts.flags & CROSSGATE_LOAD_WARNINGS_AS_ERRORS) != 0) {
      status = absl::InvalidArgumentError("warnings are treated as errors");
    }
    if (status.ok() && (opts.flags & CROSSGATE_LOAD_VALIDATE_ONLY) == 0) {
      status = engine->rep.Publish(*std::move(set));
      // Loads are serialized by load_mu, so this is the generation just
      // published.
      if (status.ok()) generation = engine->rep.generation();
    }
  }
  if (report != nullptr)
    *report = new crossgate_load_report{generation, issues};
  if (status.ok()) return CROSSGATE_OK;
  int code = LoadStatusCode(status, *issues);
  if (code == CROSSGATE_OK) code = CROSSGATE_ESEMANTIC;  // warnings as errors
  return SetLoadError(err, code, status, std::move(issues));
}

}  // namespace
}  // namespace crossgate::capi

using namespace crossgate::capi;  // NOLINT: entry points only

extern "C" {

CROSSGATE_API int crossgate_engine_create(crossgate_engine** out,
                                          const crossgate_engine_options* opts,
                                          crossgate_error** err) {
  return Guard(err, [&]() -> int {
    if (out == nullptr)
      return SetError(err, CROSSGATE_EINVALID, "argument is NULL", "out");
    *out = nullptr;
    crossgate_engine_options o{};
    if (int rc = ReadOptionalStruct(opts, &o, "opts", err)) return rc;
    if (o.flags != 0) {
      return SetError(err, CROSSGATE_EINVALID, "unknown flag bits",
                      "opts/flags");
    }
    *out = new crossgate_engine();
    return CROSSGATE_OK;
  });
}

CROSSGATE_API void crossgate_engine_destroy(crossgate_engine* engine) {
  delete engine;
}

CROSSGATE_API int crossgate_engine_load_paths(
    crossgate_load_report** report, crossgate_engine* engine,
    const crossgate_str* paths, size_t path_count,
    const crossgate_load_options* opts, crossgate_error** err) {
  return Guard(err, [&]() -> int {
    if (report != nullptr) *report = nullptr;
    if (engine == nullptr)
      return SetError(err, CROSSGATE_EINVALID, "argument is NULL", "engine");
    if (paths == nullptr || path_count == 0) {
      return SetError(err, CROSSGATE_EINVALID, "no paths given", "paths");
    }
    crossgate_load_options o{};
    if (int rc = ReadLoadOptions(opts, &o, err)) return rc;
    LoadInput input;
    for (size_t i = 0; i < path_count; ++i) {
      if (paths[i].data == nullptr || paths[i].size == 0) {
        return SetError(err, CROSSGATE_EINVALID, "empty path",
                        absl::StrCat("paths[", i, "]"));
      }
      input.paths.emplace_back(paths[i].data, paths[i].size);
    }
    return Load(report, engine, std::move(input), o, err);
  });
}

CROSSGATE_API int crossgate_engine_load_memory(
    crossgate_load_report** report, crossgate_engine* engine, const void* data,
    size_t size, const crossgate_load_options* opts, crossgate_error** err) {
  return Guard(err, [&]() -> int {
    if (report != nullptr) *report = nullptr;
    if (engine == nullptr)
      return SetError(err, CROSSGATE_EINVALID, "argument is NULL", "engine");
    if (data == nullptr && size != 0) {
      return SetError(err, CROSSGATE_EINVALID, "argument is NULL", "data");
    }
    if (size > kMaxCLength) {
      return SetError(err, CROSSGATE_EINVALID,
                      "size is larger than PTRDIFF_MAX", "size");
    }
    crossgate_load_options o{};
    if (int rc = ReadLoadOptions(opts, &o, err)) return rc;
    LoadInput input;
    input.from_memory = true;
    input.bytes = absl::string_view(static_cast<const char*>(data), size);
    return Load(report, engine, std::move(input), o, err);
  });
}

CROSSGATE_API uint64_t
crossgate_engine_generation(const crossgate_engine* engine) {
  return engine == nullptr ? 0 : engine->rep.generation();
}

CROSSGATE_API uint64_t
crossgate_load_report_generation(const crossgate_load_report* report) {
  return report == nullptr ? 0 : report->generation;
}

CROSSGATE_API size_t
crossgate_load_report_issue_count(const crossgate_load_report* report) {
  return report == nullptr || report->issues == nullptr
             ? 0
             : report->issues->size();
}

CROSSGATE_API int crossgate_load_report_issue(
    crossgate_issue* out, const crossgate_load_report* report, size_t index) {
  if (out == nullptr || report == nullptr) return CROSSGATE_EINVALID;
  if (CheckSize<crossgate_issue>(out->struct_size)) return CROSSGATE_EVERSION;
  if (index >= crossgate_load_report_issue_count(report))
    return CROSSGATE_ERANGE;
  return FillIssue(out, (*report->issues)[index]);
}

CROSSGATE_API void crossgate_load_report_destroy(
    crossgate_load_report* report) {
  delete report;
}

}  // extern "C"
