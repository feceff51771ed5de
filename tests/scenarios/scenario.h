#ifndef CROSSGATE_TESTS_SCENARIOS_SCENARIO_H_
#define CROSSGATE_TESTS_SCENARIOS_SCENARIO_H_

// Hand-checked scenarios on the real-export tenants of shared/corpus: each is
// a request, the decision a careful reader of the policy JSON expects (per
// shared/spec/entra-semantics.md and decisions.md), and a one-line reason.
// The same table runs against every evaluator (the reference, and the engine
// once it is on the branch).
//
// Policies are named by their display-name prefix ("CA400" matches
// "CA400-GuestUsers-..."). A scenario lists the policies that apply, with
// their result; every other policy must report the result for "not applied"
// in its state (notApplied, reportOnlyNotApplied, notEnabled).

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "crossgate/policy/v1/bundle.pb.h"
#include "lib/eval/decision.h"
#include "tests/reference/reference_decision.h"
#include "tests/testing/request_builder.h"

namespace crossgate {
namespace scenarios {

using reference::ReferenceDecision;

struct ExpectedRequirement {
  RequirementKind kind;
  std::string ref;  // strength / terms id, else empty
  int group;
  ChallengeLocation where;
};

class Expect {
 public:
  static Expect Allow() {
    return Expect(Outcome::kAllow, Stage::kConditionalAccess);
  }
  // A Conditional Access block decided by `policy`.
  static Expect Block(std::string policy) {
    Expect e(Outcome::kBlock, Stage::kConditionalAccess);
    e.deciding_ = std::move(policy);
    return e;
  }
  // A block by an earlier stage (no per-policy results, D5).
  static Expect BlockAt(Stage stage) { return Expect(Outcome::kBlock, stage); }
  static Expect Challenge(ChallengeLocation where) {
    Expect e(Outcome::kChallenge, Stage::kConditionalAccess);
    e.location_ = where;
    return e;
  }

  // The next requirement, in its own group (an AND), from `policy`.
  Expect& Needs(RequirementKind kind, std::string ref = "") {
    requirements_.push_back({kind, std::move(ref), next_group_++, Where()});
    return *this;
  }
  // An alternative to the previous requirement (same OR group).
  Expect& Or(RequirementKind kind, std::string ref = "") {
    requirements_.push_back({kind, std::move(ref), next_group_ - 1, Where()});
    return *this;
  }
  Expect& Applied(std::string policy, PolicyResult result) {
    applied_.emplace_back(std::move(policy), result);
    return *this;
  }
  // Merged session controls of an allow or a challenge (D17).
  Expect& SignInFrequencyMinutes(int minutes) {
    session_.sign_in_frequency_minutes = minutes;
    return *this;
  }
  Expect& PersistentBrowserNever() {
    session_.persistent_browser = SessionOutcome::PersistentBrowser::kNever;
    return *this;
  }
  Expect& AppEnforcedRestrictions() {
    session_.application_enforced_restrictions = true;
    return *this;
  }
  Expect& StrictContinuousAccessEvaluation() {
    session_.continuous_access_evaluation_strict = true;
    return *this;
  }
  Expect& DisableResilienceDefaults() {
    session_.disable_resilience_defaults = true;
    return *this;
  }

  // Empty when `d` matches; else one line per difference.
  std::string Check(const policy::v1::TenantPolicies& tenant,
                    const ReferenceDecision& d) const {
    std::string out;
    auto expect_eq = [&out](absl::string_view what, absl::string_view want,
                            absl::string_view got) {
      if (want != got)
        absl::StrAppend(&out, what, ": want ", want, ", got ", got, "\n");
    };
    expect_eq("outcome", reference::OutcomeName(outcome_),
              reference::OutcomeName(d.outcome));
    expect_eq("stage", reference::StageName(stage_),
              reference::StageName(d.stage));
    expect_eq("challenge location", reference::ChallengeLocationName(location_),
              reference::ChallengeLocationName(d.challenge_location));
    // A challenge names the first challenged policy by id (the lowest id
    // among its requirements' policies) unless the scenario names one.
    std::string first_challenged = "-";
    if (outcome_ == Outcome::kChallenge) {
      for (const auto& r : d.requirements) {
        if (first_challenged == "-" || r.policy_id < first_challenged) {
          first_challenged = r.policy_id;
        }
      }
    }
    expect_eq("deciding policy",
              deciding_.empty() ? first_challenged
                                : Resolve(tenant, deciding_, &out),
              d.deciding_policy_id.empty() ? "-" : d.deciding_policy_id);
    // Requirements (none on allow and block: a block names its unmet
    // controls in its reason, D10).
    {
      std::string want, got;
      for (const auto& r : requirements_) {
        absl::StrAppend(&want, " [", r.group, "]",
                        reference::RequirementKindName(r.kind),
                        r.ref.empty() ? "" : absl::StrCat("(", r.ref, ")"), "@",
                        reference::ChallengeLocationName(r.where));
      }
      for (const auto& r : d.requirements) {
        absl::StrAppend(&got, " [", r.group, "]",
                        reference::RequirementKindName(r.kind),
                        r.ref.empty() ? "" : absl::StrCat("(", r.ref, ")"), "@",
                        reference::ChallengeLocationName(r.where));
      }
      expect_eq("requirements", want.empty() ? " -" : want,
                got.empty() ? " -" : got);
    }
    if (outcome_ != Outcome::kBlock) {  // a block carries no session controls
      expect_eq("session", reference::SessionDebugString(session_),
                reference::SessionDebugString(d.session));
    }
    // Per-policy results: every policy of the tenant, by id.
    if (stage_ != Stage::kConditionalAccess) {
      if (!d.policy_results.empty())
        absl::StrAppend(&out, "per-policy results present\n");
      return out;
    }
    std::vector<std::pair<std::string, PolicyResult>> want;
    for (const auto& [key, result] : applied_) {
      want.emplace_back(Resolve(tenant, key, &out), result);
    }
    for (const auto& p : tenant.conditional_access_policies()) {
      PolicyResult expected = DefaultResult(p.state());
      std::string name = p.display_name();
      for (const auto& [id, result] : want) {
        if (id == p.id()) expected = result;
      }
      const reference::ReferencePolicyOutcome* got = nullptr;
      for (const auto& r : d.policy_results) {
        if (r.policy_id == p.id()) got = &r;
      }
      expect_eq(absl::StrCat("result of ", name),
                reference::PolicyResultName(expected),
                got == nullptr ? "(missing)"
                               : reference::PolicyResultName(got->result));
    }
    if (d.policy_results.size() !=
        static_cast<size_t>(tenant.conditional_access_policies_size())) {
      absl::StrAppend(&out, "per-policy result count ", d.policy_results.size(),
                      " != policy count ",
                      tenant.conditional_access_policies_size(), "\n");
    }
    return out;
  }

 private:
  Expect(Outcome outcome, Stage stage) : outcome_(outcome), stage_(stage) {}

  ChallengeLocation Where() const {
    return outcome_ == Outcome::kChallenge ? location_
                                           : ChallengeLocation::kNone;
  }

  static PolicyResult DefaultResult(policy::v1::PolicyState state) {
    switch (state) {
      case policy::v1::POLICY_STATE_ENABLED:
        return PolicyResult::kNotApplied;
      case policy::v1::POLICY_STATE_ENABLED_FOR_REPORTING_BUT_NOT_ENFORCED:
        return PolicyResult::kReportOnlyNotApplied;
      default:
        return PolicyResult::kNotEnabled;
    }
  }

  // The id of the one policy whose display name is `key` or starts with
  // `key` followed by '-', ':' or ' '.
  static std::string Resolve(const policy::v1::TenantPolicies& tenant,
                             const std::string& key, std::string* errors) {
    std::string found;
    int matches = 0;
    for (const auto& p : tenant.conditional_access_policies()) {
      const std::string& n = p.display_name();
      if (n == key || (absl::StartsWith(n, key) && n.size() > key.size() &&
                       (n[key.size()] == '-' || n[key.size()] == ':' ||
                        n[key.size()] == ' '))) {
        found = p.id();
        ++matches;
      }
    }
    if (matches != 1) {
      absl::StrAppend(errors, "policy key '", key, "' matches ", matches,
                      " policies\n");
    }
    return found;
  }

  Outcome outcome_;
  Stage stage_;
  ChallengeLocation location_ = ChallengeLocation::kNone;
  std::string deciding_;
  std::vector<ExpectedRequirement> requirements_;
  int next_group_ = 0;
  std::vector<std::pair<std::string, PolicyResult>> applied_;
  SessionOutcome session_;
};

struct Scenario {
  std::string why;  // one line: request -> decision, because
  testing::RequestBuilder request;
  Expect expect;
};

}  // namespace scenarios
}  // namespace crossgate

#endif  // CROSSGATE_TESTS_SCENARIOS_SCENARIO_H_
