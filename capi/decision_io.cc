#include "capi/decision_io.h"

#include <algorithm>
#include <cstring>

#include "capi/struct_io.h"

namespace crossgate::capi {
namespace {

static_assert(CROSSGATE_MAX_REQUIREMENTS == Decision::kMaxRequirements);
static_assert(CROSSGATE_OUTCOME_CHALLENGE == static_cast<int>(Outcome::kChallenge));
static_assert(CROSSGATE_STAGE_INTERNAL == static_cast<int>(Stage::kInternal));
static_assert(CROSSGATE_POLICY_REPORT_ONLY_INTERRUPTED ==
              static_cast<int>(PolicyResult::kReportOnlyInterrupted));
static_assert(CROSSGATE_WHATIF_AUTHENTICATION_FLOW ==
              static_cast<int>(WhatIfReason::kAuthenticationFlow));
static_assert(CROSSGATE_REQUIREMENT_APP_PROTECTION_POLICY ==
              static_cast<int>(RequirementKind::kAppProtectionPolicy));

// lib/eval/decision.h gains appended fields as the engine lands; these read
// them when present (C++20 requires-expressions) and default otherwise.
template <typename T>
bool CaeDisabled(const T& s) {
  if constexpr (requires { s.continuous_access_evaluation_disabled; }) {
    return s.continuous_access_evaluation_disabled;
  }
  return false;
}
template <typename T>
bool IgnoredForDirectConnect(const T& s) {
  if constexpr (requires { s.ignored_for_direct_connect; }) {
    return s.ignored_for_direct_connect;
  }
  return false;
}
template <typename T>
int32_t TenantIndex(const T& d) {
  if constexpr (requires { d.tenant_index; }) return d.tenant_index;
  return -1;
}
template <typename T>
uint32_t Applies(const T& p) {
  if constexpr (requires { p.applies; }) return p.applies ? 1u : 0u;
  return p.result == PolicyResult::kNotApplied ||
                 p.result == PolicyResult::kReportOnlyNotApplied ||
                 p.result == PolicyResult::kNotEnabled
             ? 0u
             : 1u;
}
template <typename T>
int32_t Where(const T& r) {
  if constexpr (requires { r.where; }) return static_cast<int32_t>(r.where);
  return CROSSGATE_CHALLENGE_RESOURCE_TENANT;
}

uint32_t SessionFlags(const SessionOutcome& s) {
  uint32_t flags = 0;
  if (s.application_enforced_restrictions) flags |= CROSSGATE_SESSION_APP_ENFORCED_RESTRICTIONS;
  if (s.disable_resilience_defaults) flags |= CROSSGATE_SESSION_DISABLE_RESILIENCE_DEFAULTS;
  if (s.secure_sign_in_session) flags |= CROSSGATE_SESSION_SECURE_SIGN_IN_SESSION;
  if (s.continuous_access_evaluation_strict) flags |= CROSSGATE_SESSION_CAE_STRICT;
  if (CaeDisabled(s)) flags |= CROSSGATE_SESSION_CAE_DISABLED;
  if (IgnoredForDirectConnect(s)) flags |= CROSSGATE_SESSION_IGNORED_FOR_DIRECT_CONNECT;
  return flags;
}

// Fills every output field of a full-size decision (keeps the three
// policy_results input fields of *d).
void Fill(const Decision& in, crossgate_decision* d) {
  d->status = CROSSGATE_OK;
  d->outcome = static_cast<int32_t>(in.outcome);
  d->stage = static_cast<int32_t>(in.stage);
  d->challenge_location = static_cast<int32_t>(in.challenge_location);
  d->reason = in.reason;
  d->deciding_policy = in.deciding_policy;
  d->tenant_index = TenantIndex(in);
  d->bundle_version = in.bundle_version;
  d->generation = in.generation;
  d->sign_in_frequency_minutes = in.session.sign_in_frequency_minutes;
  d->persistent_browser = static_cast<int32_t>(in.session.persistent_browser);
  d->cloud_app_security = static_cast<int32_t>(in.session.cloud_app_security);
  d->session_flags = SessionFlags(in.session);

  uint32_t total = static_cast<uint32_t>(in.policy_results.size());
  d->policy_result_count = total;
  if (d->policy_results != nullptr) {
    uint32_t n = std::min(total, d->policy_results_capacity);
    const PolicyOutcome* from = in.policy_results.data();
    crossgate_policy_result* to = d->policy_results;
    for (uint32_t i = 0; i < n; ++i) {
      to[i].policy_index = from[i].policy_index;
      to[i].result = static_cast<int32_t>(from[i].result);
      to[i].reason = static_cast<int32_t>(from[i].reason);
      to[i].applies = Applies(from[i]);
    }
  }

  uint32_t count = std::min<uint32_t>(in.requirement_count, CROSSGATE_MAX_REQUIREMENTS);
  d->requirement_count = count;
  d->reserved0 = 0;
  for (uint32_t i = 0; i < count; ++i) {
    const Requirement& r = in.requirements[i];
    d->requirements[i] = {static_cast<int32_t>(r.kind), r.ref, r.policy_index,
                          r.group, Where(r), 0};
  }
}

}  // namespace

void WriteDecision(const Decision& in, crossgate_decision* out) noexcept {
  size_t writable = WritableSize(out);
  if (writable == sizeof(crossgate_decision)) {
    Fill(in, out);
    return;
  }
  // An older caller: build a full decision and copy its known prefix.
  crossgate_decision full;
  std::memcpy(&full, out, writable);
  Fill(in, &full);
  std::memcpy(static_cast<void*>(out), &full, writable);
}

void WriteFailure(crossgate_decision* out, int status, uint64_t generation,
                  uint64_t bundle_version) noexcept {
  if (out == nullptr) return;
  size_t writable = WritableSize(out);
  crossgate_decision full;
  std::memset(&full, 0, sizeof(full));
  full.struct_size = out->struct_size;
  // Keep the caller's policy_results buffer; report no results.
  full.policy_results = out->policy_results;
  full.policy_results_capacity = out->policy_results_capacity;
  full.status = status;
  full.outcome = CROSSGATE_OUTCOME_BLOCK;
  full.stage = (status == CROSSGATE_ENOMEM || status == CROSSGATE_EINTERNAL)
                   ? CROSSGATE_STAGE_INTERNAL
                   : CROSSGATE_STAGE_REQUEST;
  full.deciding_policy = -1;
  full.tenant_index = -1;
  full.generation = generation;
  full.bundle_version = bundle_version;
  std::memcpy(static_cast<void*>(out), &full, writable);
}

void WriteFailure(crossgate_check_result* out, int status) noexcept {
  if (out == nullptr) return;
  size_t writable = WritableSize(out);
  crossgate_check_result full;
  std::memset(&full, 0, sizeof(full));
  full.struct_size = out->struct_size;
  full.status = status;
  full.outcome = CROSSGATE_OUTCOME_BLOCK;
  full.stage = (status == CROSSGATE_ENOMEM || status == CROSSGATE_EINTERNAL)
                   ? CROSSGATE_STAGE_INTERNAL
                   : CROSSGATE_STAGE_REQUEST;
  std::memcpy(static_cast<void*>(out), &full, writable);
}

}  // namespace crossgate::capi
