#ifndef CROSSGATE_CAPI_DECISION_IO_H_
#define CROSSGATE_CAPI_DECISION_IO_H_

// crossgate::Decision (lib/eval) -> crossgate_decision (C, size-tagged,
// caller-allocated), and the block decision every failed call writes
// (crossgate.h convention 9).

#include <algorithm>
#include <cstdint>

#include "capi/struct_io.h"
#include "crossgate/crossgate.h"
#include "lib/eval/decision.h"

namespace crossgate::capi {

// Copies the per-policy results into out->policy_results (at most
// policy_results_capacity); out->policy_result_count is already set.
void FillPolicyResults(const Decision& in, crossgate_decision* out) noexcept;

// The six session bools as CROSSGATE_SESSION_* bits. Read one by one on
// purpose: Evaluate has just stored them as single bytes, and one wider
// load of all six could not be forwarded from those stores (a stall that
// cost more than the shifts).
inline uint32_t SessionFlags(const SessionOutcome& s) {
  static_assert(CROSSGATE_SESSION_APP_ENFORCED_RESTRICTIONS == 1 << 0 &&
                CROSSGATE_SESSION_DISABLE_RESILIENCE_DEFAULTS == 1 << 1 &&
                CROSSGATE_SESSION_SECURE_SIGN_IN_SESSION == 1 << 2 &&
                CROSSGATE_SESSION_CAE_STRICT == 1 << 3 &&
                CROSSGATE_SESSION_CAE_DISABLED == 1 << 4 &&
                CROSSGATE_SESSION_IGNORED_FOR_DIRECT_CONNECT == 1 << 5);
  return uint32_t{s.application_enforced_restrictions} |
         uint32_t{s.disable_resilience_defaults} << 1 |
         uint32_t{s.secure_sign_in_session} << 2 |
         uint32_t{s.continuous_access_evaluation_strict} << 3 |
         uint32_t{s.continuous_access_evaluation_disabled} << 4 |
         uint32_t{s.ignored_for_direct_connect} << 5;
}

// `value`, kept a scalar load: GCC would otherwise read bundle_version and
// generation as one 16-byte vector, and generation's 8-byte store (made just
// before, by EvaluateOn or Engine::Evaluate) cannot forward to that wider
// load, stalling until it leaves the store buffer.
inline uint64_t ScalarLoad(const uint64_t& value) {
  uint64_t v = value;
  __asm__("" : "+r"(v));
  return v;
}

// Fills every output field of a full-size *out from `in` (keeps the three
// policy_results input fields). Inline: it is on every decision's path.
inline void FillDecision(const Decision& in, crossgate_decision* d) noexcept {
  d->status = CROSSGATE_OK;
  d->outcome = static_cast<int32_t>(in.outcome);
  d->stage = static_cast<int32_t>(in.stage);
  d->challenge_location = static_cast<int32_t>(in.challenge_location);
  d->reason = in.reason;
  d->deciding_policy = in.deciding_policy;
  d->tenant_index = in.tenant_index;
  d->bundle_version = in.bundle_version;
  d->generation = ScalarLoad(in.generation);
  d->sign_in_frequency_minutes = in.session.sign_in_frequency_minutes;
  d->persistent_browser = static_cast<int32_t>(in.session.persistent_browser);
  d->cloud_app_security = static_cast<int32_t>(in.session.cloud_app_security);
  d->session_flags = SessionFlags(in.session);
  d->policy_result_count = static_cast<uint32_t>(in.policy_results.size());
  if (d->policy_results != nullptr) FillPolicyResults(in, d);

  const uint32_t count =
      std::min<uint32_t>(in.requirement_count, CROSSGATE_MAX_REQUIREMENTS);
  d->requirement_count = count;
  d->reserved0 = 0;
  for (uint32_t i = 0; i < count; ++i) {
    const Requirement& r = in.requirements[i];
    d->requirements[i] = {
        static_cast<int32_t>(r.kind),  r.ref, r.policy_index, r.group,
        static_cast<int32_t>(r.where), 0};
  }
}

// The same for an older caller's smaller struct (its known prefix only).
void WriteDecisionPrefix(const Decision& in, crossgate_decision* out) noexcept;

// Writes `in` into *out up to out's struct_size. `out` must already be
// validated (CheckDecisionOut).
inline void WriteDecision(const Decision& in,
                          crossgate_decision* out) noexcept {
  if (out->struct_size == sizeof(crossgate_decision)) [[likely]] {
    FillDecision(in, out);
  } else {
    WriteDecisionPrefix(in, out);
  }
}

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
