#include "tests/reference/decision_diff.h"

#include <algorithm>

#include "absl/strings/str_cat.h"

namespace crossgate {
namespace reference {
namespace {

std::string RequirementString(const ReferenceRequirement& r, bool with_policy) {
  return absl::StrCat("[", r.group, "] ", RequirementKindName(r.kind),
                      r.ref.empty() ? "" : absl::StrCat("(", r.ref, ")"), "@",
                      ChallengeLocationName(r.where),
                      with_policy ? absl::StrCat(" from ", r.policy_id) : "");
}

}  // namespace

std::string DiffDecisions(const ReferenceDecision& a,
                          const ReferenceDecision& b, const DiffOptions& o) {
  std::string out;
  auto diff = [&out](absl::string_view field, absl::string_view x,
                     absl::string_view y) {
    if (x != y) absl::StrAppend(&out, field, ": ", x, " vs ", y, "\n");
  };
  diff("outcome", OutcomeName(a.outcome), OutcomeName(b.outcome));
  diff("stage", StageName(a.stage), StageName(b.stage));
  diff("challenge_location", ChallengeLocationName(a.challenge_location),
       ChallengeLocationName(b.challenge_location));
  if (o.deciding_policy) {
    diff("deciding_policy", a.deciding_policy_id, b.deciding_policy_id);
  }
  if (o.requirements) {
    const size_t n = std::max(a.requirements.size(), b.requirements.size());
    for (size_t i = 0; i < n; ++i) {
      diff(absl::StrCat("requirements[", i, "]"),
           i < a.requirements.size()
               ? RequirementString(a.requirements[i], o.requirement_policy_ids)
               : "-",
           i < b.requirements.size()
               ? RequirementString(b.requirements[i], o.requirement_policy_ids)
               : "-");
    }
  }
  if (o.session) {
    diff("session", SessionDebugString(a.session),
         SessionDebugString(b.session));
  }
  if (o.policy_results) {
    const size_t n = std::max(a.policy_results.size(), b.policy_results.size());
    for (size_t i = 0; i < n; ++i) {
      auto render = [&o](const std::vector<ReferencePolicyOutcome>& v,
                         size_t i) {
        if (i >= v.size()) return std::string("-");
        return absl::StrCat(
            v[i].policy_id, " ", PolicyResultName(v[i].result),
            o.what_if_reasons
                ? absl::StrCat(" (", WhatIfReasonName(v[i].reason), ")")
                : "");
      };
      diff(absl::StrCat("policy_results[", i, "]"), render(a.policy_results, i),
           render(b.policy_results, i));
    }
  }
  return out;
}

}  // namespace reference
}  // namespace crossgate
