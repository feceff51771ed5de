#ifndef CROSSGATE_TESTS_LOAD_TEST_UTIL_H_
#define CROSSGATE_TESTS_LOAD_TEST_UTIL_H_

// Helpers for the loader and corpus tests (header-only; shared by the
// load_tests and corpus_tests binaries).

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "lib/load/load_issue.h"

namespace crossgate {
namespace testing {

// The shared data directory: $CROSSGATE_SHARED_DIR, else the build's macro.
inline std::string SharedDir() {
  const char* env = std::getenv("CROSSGATE_SHARED_DIR");
  if (env != nullptr && *env != '\0') return env;
  return CROSSGATE_SHARED_DIR;
}

inline std::string ReadFileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline std::string Dump(const std::vector<LoadIssue>& issues) {
  std::string out;
  for (const LoadIssue& issue : issues) {
    absl::StrAppend(&out, "  ", issue.ToString(), "\n");
  }
  return out;
}

inline const LoadIssue* FindIssue(const std::vector<LoadIssue>& issues,
                                  IssueCode code, absl::string_view path) {
  for (const LoadIssue& issue : issues) {
    if (issue.code == code && issue.path == path) return &issue;
  }
  return nullptr;
}

inline int CountErrors(const std::vector<LoadIssue>& issues) {
  int n = 0;
  for (const LoadIssue& issue : issues) n += issue.is_error();
  return n;
}

}  // namespace testing
}  // namespace crossgate

#endif  // CROSSGATE_TESTS_LOAD_TEST_UTIL_H_
