#include "capi/decision_io.h"

#include <algorithm>
#include <cstring>

#include "capi/struct_io.h"

namespace crossgate::capi {
namespace {

static_assert(CROSSGATE_MAX_REQUIREMENTS == Decision::kMaxRequirements);
static_assert(CROSSGATE_OUTCOME_CHALLENGE ==
              static_cast<int>(Outcome::kChallenge));
static_assert(CROSSGATE_STAGE_INTERNAL == static_cast<int>(Stage::kInternal));
static_assert(CROSSGATE_POLICY_REPORT_ONLY_INTERRUPTED ==
              static_cast<int>(PolicyResult::kReportOnlyInterrupted));
static_assert(CROSSGATE_WHATIF_AUTHENTICATION_FLOW ==
              static_cast<int>(WhatIfReason::kAuthenticationFlow));
static_assert(CROSSGATE_REQUIREMENT_APP_PROTECTION_POLICY ==
              static_cast<int>(RequirementKind::kAppProtectionPolicy));

}  // namespace

void FillPolicyResults(const Decision& in, crossgate_decision* d) noexcept {
  const uint32_t n =
      std::min(d->policy_result_count, d->policy_results_capacity);
  const PolicyOutcome* from = in.policy_results.data();
  crossgate_policy_result* to = d->policy_results;
  for (uint32_t i = 0; i < n; ++i) {
    to[i].policy_index = from[i].policy_index;
    to[i].result = static_cast<int32_t>(from[i].result);
    to[i].reason = static_cast<int32_t>(from[i].reason);
    to[i].applies = from[i].applies ? 1u : 0u;
  }
}

void WriteDecisionPrefix(const Decision& in, crossgate_decision* out) noexcept {
  // Build a full decision and copy the caller's known prefix.
  const size_t writable = WritableSize(out);
  crossgate_decision full;
  std::memcpy(&full, out, writable);
  FillDecision(in, &full);
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
