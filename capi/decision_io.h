#ifndef CROSSGATE_CAPI_DECISION_IO_H_
#define CROSSGATE_CAPI_DECISION_IO_H_

// crossgate::Decision (lib/eval) -> crossgate_decision (C, size-tagged,
// caller-allocated), and the block decision every failed call writes
// (crossgate.h convention 9).

#include "capi/struct_io.h"
#include "crossgate/crossgate.h"
#include "lib/eval/decision.h"

namespace crossgate::capi {

// Writes `in` into *out up to out's struct_size, and copies the per-policy
// results into out->policy_results (at most policy_results_capacity).
// `out` must already be validated (WritableSize is applied here too).
void WriteDecision(const Decision& in, crossgate_decision* out) noexcept;

// Writes a block with `status` (stage REQUEST for caller errors, INTERNAL
// for library failures) into *out as far as it is writable. NULL is a no-op.
// `generation`/`bundle_version` name the snapshot involved, if any (0).
void WriteFailure(crossgate_decision* out, int status, uint64_t generation = 0,
                  uint64_t bundle_version = 0) noexcept;

// The same for collaboration check results.
void WriteFailure(crossgate_check_result* out, int status) noexcept;

// CROSSGATE_OK, or EVERSION when out's struct_size is out of range.
inline int CheckDecisionOut(const crossgate_decision* out) {
  return CheckSize<crossgate_decision>(out->struct_size);
}

}  // namespace crossgate::capi

#endif  // CROSSGATE_CAPI_DECISION_IO_H_
