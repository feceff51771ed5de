#ifndef CROSSGATE_TESTS_EXAMPLES_EXAMPLE_FILES_H_
#define CROSSGATE_TESTS_EXAMPLES_EXAMPLE_FILES_H_

// Reading the project's own examples/ (policies, requests, expected
// decisions) from the example tests.

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/testing/corpus.h"

namespace crossgate::testing_examples {

inline std::string ExamplesDir() {
  return std::string(CROSSGATE_SOURCE_DIR) + "/examples";
}

// examples/<relative> as bytes; a failed read fails the test and returns "".
inline std::string ReadExample(const std::string& relative) {
  auto text = testing::ReadFileToString(ExamplesDir() + "/" + relative);
  EXPECT_TRUE(text.ok()) << text.status();
  return text.ok() ? *std::move(text) : std::string();
}

// The single-request files in examples/requests (names, sorted), i.e. every
// *.json there but expected.json.
inline std::vector<std::string> ExampleRequestFiles() {
  const std::string dir = ExamplesDir() + "/requests";
  auto paths = testing::ListFiles(dir, ".json");
  EXPECT_TRUE(paths.ok()) << paths.status();
  std::vector<std::string> names;
  if (!paths.ok()) return names;
  for (const std::string& path : *paths) {
    std::string name = path.substr(dir.size() + 1);
    if (name != "expected.json" && !absl::StrContains(name, "/")) {
      names.push_back(std::move(name));
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace crossgate::testing_examples

#endif  // CROSSGATE_TESTS_EXAMPLES_EXAMPLE_FILES_H_
