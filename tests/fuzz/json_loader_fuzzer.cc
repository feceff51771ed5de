// Fuzz target: the Graph JSON / tenant document loader (LoadJsonText).
// Properties: no crash; a failed load reports an error issue; an accepted
// model re-validates, survives the binary round trip (what JSON accepts,
// the binary reader accepts), and compiles or fails with a status with
// decisions that hold the decision invariants.

#include <cstdint>
#include <vector>

#include "lib/load/loader.h"
#include "tests/fuzz/fuzz_engine.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace crossgate;
  const absl::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::vector<LoadIssue> issues;
  auto bundle = LoadJsonText(bytes, LoadOptions(), &issues);
  if (!bundle.ok()) {
    bool has_error = false;
    for (const LoadIssue& i : issues) has_error |= i.is_error();
    FUZZ_CHECK(has_error, "a failed load must report an error issue");
    return 0;
  }
  for (const LoadIssue& i : issues) {
    FUZZ_CHECK(!i.is_error(), "accepted with an error issue: " + i.ToString());
  }
  IssueCollector again;
  FUZZ_CHECK(ValidateBundle(*bundle, LoadOptions(), again).ok(),
             "an accepted model must validate again");
  auto binary = SerializeBundle(*bundle);
  FUZZ_CHECK(binary.ok(), "serialize of an accepted model");
  std::vector<LoadIssue> issues2;
  auto reloaded = LoadBinaryBundle(*binary, LoadOptions(), &issues2);
  FUZZ_CHECK(reloaded.ok(), "binary reload of a JSON-loaded model: " +
                                std::string(reloaded.status().message()));
  fuzz::CompileAndProbe(*bundle);
  return 0;
}
