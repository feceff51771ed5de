#ifndef CROSSGATE_TESTS_TESTING_CORPUS_H_
#define CROSSGATE_TESTS_TESTING_CORPUS_H_

// Test access to the shared, read-only data beside the checkout: the real
// Graph exports in <shared>/corpus (see corpus/MANIFEST.tsv) and the spec
// samples in <shared>/spec/graph-samples. Tests read these in place.

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace crossgate {
namespace testing {

// The shared directory: $CROSSGATE_SHARED_DIR when set and non-empty, else
// the CROSSGATE_SHARED_DIR compile-time definition (CMake cache variable).
std::string SharedDir();

// <shared>/corpus/<relative>, e.g.
// CorpusPath("j0eyv__ConditionalAccessBaseline/Config/ConditionalAccess").
std::string CorpusPath(absl::string_view relative);

// The whole file as bytes. NotFound / Internal with the path in the message.
absl::StatusOr<std::string> ReadFileToString(const std::string& path);

// Regular files under `dir` (recursively) whose name ends with `suffix`
// (empty = all), sorted by path so tests see a stable order. NotFound when
// `dir` is not a directory.
absl::StatusOr<std::vector<std::string>> ListFiles(const std::string& dir,
                                                   absl::string_view suffix);

}  // namespace testing
}  // namespace crossgate

#endif  // CROSSGATE_TESTS_TESTING_CORPUS_H_
