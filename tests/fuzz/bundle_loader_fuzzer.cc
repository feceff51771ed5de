// Fuzz target: the binary bundle loader (LoadBinaryBundle).
// Properties: no crash; an accepted bundle re-validates cleanly, serializes
// deterministically and reloads to the same bytes (round trip); it compiles
// or fails with a status, and its decisions hold the decision invariants.

#include <cstdint>
#include <vector>

#include "lib/load/loader.h"
#include "tests/fuzz/fuzz_engine.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace crossgate;
  const absl::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::vector<LoadIssue> issues;
  auto bundle = LoadBinaryBundle(bytes, LoadOptions(), &issues);
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
             "an accepted bundle must validate again");
  auto first = SerializeBundle(*bundle);
  FUZZ_CHECK(first.ok(), "serialize of an accepted bundle");
  std::vector<LoadIssue> issues2;
  auto reloaded = LoadBinaryBundle(*first, LoadOptions(), &issues2);
  FUZZ_CHECK(reloaded.ok(), "reload of a serialized bundle: " +
                                std::string(reloaded.status().message()));
  auto second = SerializeBundle(*reloaded);
  FUZZ_CHECK(second.ok() && *second == *first, "round trip changed the bundle");
  fuzz::CompileAndProbe(*bundle);
  return 0;
}
