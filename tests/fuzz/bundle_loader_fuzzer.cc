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
  if (!fuzz::CheckLoadContract(bundle, issues)) return 0;
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
