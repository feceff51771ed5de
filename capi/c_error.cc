#include "capi/c_error.h"

#include <new>
#include <utility>

namespace crossgate::capi {
namespace {

crossgate_error* OutOfMemoryError() noexcept {
  // Built once; construction of an empty std::string cannot throw.
  static crossgate_error* error = [] {
    static crossgate_error e;
    e.code = CROSSGATE_ENOMEM;
    e.is_static = true;
    return &e;
  }();
  return error;
}

void Replace(crossgate_error** err, crossgate_error* fresh) noexcept {
  if (*err != nullptr && !(*err)->is_static) delete *err;
  *err = fresh;
}

const LoadIssue* FirstError(const std::vector<LoadIssue>& issues) {
  for (const LoadIssue& issue : issues) {
    if (issue.is_error()) return &issue;
  }
  return nullptr;
}

}  // namespace

int SetError(crossgate_error** err, int code, absl::string_view message,
             absl::string_view path) noexcept {
  if (err == nullptr) return code;
  try {
    auto fresh = std::make_unique<crossgate_error>();
    fresh->code = code;
    fresh->message = std::string(message);
    fresh->path = std::string(path);
    Replace(err, fresh.release());
  } catch (...) {
    Replace(err, OutOfMemoryError());
  }
  return code;
}

int SetLoadError(crossgate_error** err, int code, const absl::Status& status,
                 std::shared_ptr<const std::vector<LoadIssue>> issues) noexcept {
  if (err == nullptr) return code;
  try {
    auto fresh = std::make_unique<crossgate_error>();
    fresh->code = code;
    const LoadIssue* first = issues ? FirstError(*issues) : nullptr;
    // Warnings treated as errors: name the first warning.
    if (first == nullptr && issues && !issues->empty()) first = &issues->front();
    if (first != nullptr) {
      fresh->message = first->message;
      fresh->path = first->path;
    } else {
      fresh->message = std::string(status.message());
    }
    fresh->issues = std::move(issues);
    Replace(err, fresh.release());
  } catch (...) {
    Replace(err, OutOfMemoryError());
  }
  return code;
}

int LoadStatusCode(const absl::Status& status,
                   const std::vector<LoadIssue>& issues) noexcept {
  if (const LoadIssue* first = FirstError(issues)) {
    switch (first->code) {
      case IssueCode::kIo: return CROSSGATE_EIO;
      case IssueCode::kMalformedInput: return CROSSGATE_EPARSE;
      case IssueCode::kLimitExceeded: return CROSSGATE_ELIMIT;
      default: return CROSSGATE_ESEMANTIC;
    }
  }
  switch (status.code()) {
    case absl::StatusCode::kOk: return CROSSGATE_OK;
    case absl::StatusCode::kInvalidArgument: return CROSSGATE_ESEMANTIC;
    case absl::StatusCode::kNotFound:
    case absl::StatusCode::kPermissionDenied:
    case absl::StatusCode::kDataLoss: return CROSSGATE_EIO;
    case absl::StatusCode::kResourceExhausted: return CROSSGATE_ELIMIT;
    case absl::StatusCode::kOutOfRange: return CROSSGATE_ELIMIT;
    case absl::StatusCode::kFailedPrecondition: return CROSSGATE_EINVALID;
    case absl::StatusCode::kUnimplemented: return CROSSGATE_EUNSUPPORTED;
    default: return CROSSGATE_EINTERNAL;
  }
}

int FillIssue(crossgate_issue* out, const LoadIssue& issue) noexcept {
  out->severity = issue.is_error() ? CROSSGATE_SEVERITY_ERROR
                                   : CROSSGATE_SEVERITY_WARNING;
  out->code = static_cast<int32_t>(issue.code);
  out->reserved0 = 0;
  out->code_name = IssueCodeName(issue.code).data();
  out->path = issue.path.c_str();
  out->message = issue.message.c_str();
  return CROSSGATE_OK;
}

}  // namespace crossgate::capi
