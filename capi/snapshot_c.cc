// Explicit snapshots (STYLE 4.4 a) and what they know about their policies.
#include "capi/c_error.h"
#include "capi/core.h"
#include "capi/guard.h"
#include "capi/handles.h"
#include "capi/struct_io.h"
#include "crossgate/crossgate.h"

using namespace crossgate::capi;  // NOLINT: entry points only

extern "C" {

CROSSGATE_API int crossgate_engine_snapshot(crossgate_snapshot** out,
                                            const crossgate_engine* engine,
                                            crossgate_error** err) {
  return Guard(err, [&]() -> int {
    if (out == nullptr) return SetError(err, CROSSGATE_EINVALID, "argument is NULL", "out");
    *out = nullptr;
    if (engine == nullptr) return SetError(err, CROSSGATE_EINVALID, "argument is NULL", "engine");
    crossgate::EngineSnapshot current = engine->rep.Snapshot();
    if (current.set == nullptr) return SetError(err, CROSSGATE_ENOTLOADED, "no policies loaded");
    *out = new crossgate_snapshot{std::move(current)};
    return CROSSGATE_OK;
  });
}

CROSSGATE_API void crossgate_snapshot_release(crossgate_snapshot* snapshot) {
  delete snapshot;
}

CROSSGATE_API uint64_t crossgate_snapshot_generation(const crossgate_snapshot* snapshot) {
  return snapshot == nullptr ? 0 : snapshot->rep.generation;
}

CROSSGATE_API uint64_t
crossgate_snapshot_bundle_version(const crossgate_snapshot* snapshot) {
  return snapshot == nullptr ? 0 : snapshot->rep.set->bundle_version();
}

CROSSGATE_API int crossgate_snapshot_policy(crossgate_policy_info* out,
                                            const crossgate_snapshot* snapshot,
                                            const crossgate_decision* decision,
                                            uint32_t policy_index,
                                            crossgate_error** err) {
  return Guard(err, [&]() -> int {
    if (out == nullptr || snapshot == nullptr || decision == nullptr) {
      return SetError(err, CROSSGATE_EINVALID, "argument is NULL");
    }
    if (CheckSize<crossgate_policy_info>(out->struct_size) ||
        CheckSize<crossgate_decision>(decision->struct_size)) {
      return SetError(err, CROSSGATE_EVERSION,
                      "struct_size is not a size this library supports");
    }
    if (decision->generation != snapshot->rep.generation) {
      return SetError(err, CROSSGATE_ESTALE,
                      "the decision came from another snapshot generation");
    }
    const crossgate::CompiledPolicySet& set = *snapshot->rep.set;
    if (policy_index >= set.policy_count()) {
      return SetError(err, CROSSGATE_ERANGE, "policy index out of range");
    }
    absl::string_view id = set.policy_id(policy_index);
    absl::string_view name = set.policy_display_name(policy_index);
    out->id = {id.data(), id.size()};
    out->display_name = {name.data(), name.size()};
    return CROSSGATE_OK;
  });
}

}  // extern "C"
