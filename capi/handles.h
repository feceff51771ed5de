#ifndef CROSSGATE_CAPI_HANDLES_H_
#define CROSSGATE_CAPI_HANDLES_H_

// The opaque C handles: one-member wrappers over lib objects (LevelDB's
// `struct leveldb_t { DB* rep; }`).

#include <cstdint>
#include <memory>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "lib/engine/engine.h"
#include "lib/load/load_issue.h"

struct crossgate_engine {
  crossgate::Engine rep;
  // Serializes loads so the last load to start is the last to publish.
  // Evaluations never take it.
  absl::Mutex load_mu;
};

struct crossgate_snapshot {
  crossgate::EngineSnapshot rep;  // set is never null
};

struct crossgate_load_report {
  uint64_t generation = 0;
  std::shared_ptr<const std::vector<crossgate::LoadIssue>> issues;
};

#endif  // CROSSGATE_CAPI_HANDLES_H_
