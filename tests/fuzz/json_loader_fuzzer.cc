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
  if (!fuzz::CheckLoadContract(bundle, issues)) return 0;
  auto binary = SerializeBundle(*bundle);
  FUZZ_CHECK(binary.ok(), "serialize of an accepted model");
  std::vector<LoadIssue> issues2;
  auto reloaded = LoadBinaryBundle(*binary, LoadOptions(), &issues2);
  FUZZ_CHECK(reloaded.ok(), "binary reload of a JSON-loaded model: " +
                                std::string(reloaded.status().message()));
  fuzz::CompileAndProbe(*bundle);
  return 0;
}
