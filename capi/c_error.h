#ifndef CROSSGATE_CAPI_C_ERROR_H_
#define CROSSGATE_CAPI_C_ERROR_H_

// absl::Status and LoadIssues -> crossgate_error (LevelDB's SaveError, with
// structure). Every function here is noexcept: an allocation failure while
// building an error yields a static out-of-memory error object that
// crossgate_error_free recognizes.

#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "crossgate/crossgate.h"
#include "lib/load/load_issue.h"

struct crossgate_error {
  int code = CROSSGATE_EINTERNAL;
  std::string message;
  std::string path;
  // Every issue of a failed load (errors and warnings); may be null.
  std::shared_ptr<const std::vector<crossgate::LoadIssue>> issues;
  bool is_static = false;  // the shared out-of-memory error; never deleted
};

namespace crossgate::capi {

// Replaces *err (when err is not null) with a new error and returns `code`.
int SetError(crossgate_error** err, int code, absl::string_view message,
             absl::string_view path = {}) noexcept;

// As SetError, attaching a load's issues; path/message come from the first
// error issue when there is one, else from `status`.
int SetLoadError(crossgate_error** err, int code, const absl::Status& status,
                 std::shared_ptr<const std::vector<LoadIssue>> issues) noexcept;

// The C status for a failed load: by the first error issue's code when
// there is one (io -> EIO, malformed input -> EPARSE, limit -> ELIMIT,
// otherwise ESEMANTIC), else by the canonical status code.
int LoadStatusCode(const absl::Status& status,
                   const std::vector<LoadIssue>& issues) noexcept;

// Copies `issue` into a caller crossgate_issue (size-tagged). Strings point
// into `issue`.
int FillIssue(crossgate_issue* out, const LoadIssue& issue) noexcept;

}  // namespace crossgate::capi

#endif  // CROSSGATE_CAPI_C_ERROR_H_
