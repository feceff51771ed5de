#ifndef CROSSGATE_TESTS_EVAL_CA_FIXTURE_H_
#define CROSSGATE_TESTS_EVAL_CA_FIXTURE_H_

// Test helpers for the Conditional Access engine: bundles from textproto,
// compile-or-fail, and a small evaluator wrapper. Header-only so both
// tests/compile and tests/eval can use it.

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "crossgate/policy/v1/bundle.pb.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"
#include "lib/compile/compiler.h"
#include "lib/eval/evaluator.h"

namespace crossgate {
namespace testing {

inline constexpr char kTenantId[] = "11111111-1111-1111-1111-111111111111";
inline constexpr char kHomeTenantId[] = "22222222-2222-2222-2222-222222222222";
inline constexpr char kOtherTenantId[] = "33333333-3333-3333-3333-333333333333";
inline constexpr char kUser[] = "aaaaaaaa-0000-0000-0000-000000000001";
inline constexpr char kOtherUser[] = "aaaaaaaa-0000-0000-0000-000000000002";
inline constexpr char kGroupA[] = "bbbbbbbb-0000-0000-0000-00000000000a";
inline constexpr char kGroupB[] = "bbbbbbbb-0000-0000-0000-00000000000b";
inline constexpr char kRoleAdmin[] = "62e90394-69f5-4237-9190-012177145e10";
inline constexpr char kApp[] = "cccccccc-0000-0000-0000-000000000001";
inline constexpr char kOtherApp[] = "cccccccc-0000-0000-0000-000000000002";
inline constexpr char kSp[] = "dddddddd-0000-0000-0000-000000000001";
inline constexpr char kMfaStrength[] = "00000000-0000-0000-0000-000000000002";
inline constexpr char kPasswordlessStrength[] = "00000000-0000-0000-0000-000000000003";
inline constexpr char kPhishingResistantStrength[] = "00000000-0000-0000-0000-000000000004";

inline Guid G(absl::string_view text) {
  absl::optional<Guid> g = ParseGuid(text);
  EXPECT_TRUE(g.has_value()) << text;
  return g.value_or(Guid());
}

// A bundle with one tenant (kTenantId) whose body is `tenant_text`.
inline policy::v1::PolicyBundle TenantBundle(absl::string_view tenant_text) {
  policy::v1::PolicyBundle bundle;
  std::string text = absl::StrCat("bundle_version: 7 tenants { tenant_id: \"",
                                  kTenantId, "\" ", tenant_text, " }");
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &bundle))
      << text;
  return bundle;
}

// One enabled policy: `body` goes inside conditional_access_policies {}.
inline std::string Policy(absl::string_view id, absl::string_view body,
                          absl::string_view state = "POLICY_STATE_ENABLED") {
  return absl::StrCat("conditional_access_policies { id: \"", id,
                      "\" display_name: \"", id, "\" state: ", state, " ",
                      body, " }");
}

// Conditions that match every user on every app, plus `extra` conditions.
inline std::string AllUsersAllApps(absl::string_view extra = "") {
  return absl::StrCat(
      "conditions { users { include_users: \"All\" } applications { "
      "include_applications: \"All\" } ",
      extra, " }");
}

inline constexpr char kGrantMfa[] =
    "grant_controls { operator: OPERATOR_OR built_in_controls: BUILT_IN_CONTROL_MFA }";
inline constexpr char kGrantBlock[] =
    "grant_controls { operator: OPERATOR_OR built_in_controls: BUILT_IN_CONTROL_BLOCK }";
inline constexpr char kGrantCompliant[] =
    "grant_controls { operator: OPERATOR_OR built_in_controls: "
    "BUILT_IN_CONTROL_COMPLIANT_DEVICE }";

// Cross-tenant settings whose default admits B2B direct connect inbound (the
// service default blocks it, spec 2.6), so direct-connect requests reach
// Conditional Access.
inline constexpr char kAllowDirectConnectByDefault[] =
    "cross_tenant_access_policy { default_configuration { settings { "
    "b2b_direct_connect_inbound { users_and_groups { access_type: ACCESS_TYPE_ALLOWED "
    "targets { target: \"AllUsers\" target_type: TARGET_TYPE_USER } } applications { "
    "access_type: ACCESS_TYPE_ALLOWED targets { target: \"AllApplications\" "
    "target_type: TARGET_TYPE_APPLICATION } } } } } }";

inline std::shared_ptr<const CompiledPolicySet> Compile(
    const policy::v1::PolicyBundle& bundle, const CompileOptions& options = {},
    std::vector<LoadIssue>* issues = nullptr) {
  auto set = CompilePolicySet(bundle, options, issues);
  EXPECT_TRUE(set.ok()) << set.status();
  return set.ok() ? *set : nullptr;
}

// A member user's sign-in to kApp from a browser on Windows.
inline Request MemberRequest() {
  Request r;
  r.resource_tenant_id = G(kTenantId);
  r.principal_kind = PrincipalKind::kUser;
  r.principal_id = G(kUser);
  r.target_kind = TargetKind::kApplication;
  r.application_id = G(kApp);
  r.client_app = ClientApp::kBrowser;
  r.platform = Platform::kWindows;
  return r;
}

// Compiles once, evaluates many times with one scratch.
class Engine {
 public:
  explicit Engine(const policy::v1::PolicyBundle& bundle,
                  const CompileOptions& options = {})
      : set_(Compile(bundle, options)),
        scratch_(set_ ? set_->max_tenant_policies() : 1,
                 set_ ? set_->max_tenant_strengths() : 1) {}
  explicit Engine(absl::string_view tenant_text,
                  const CompileOptions& options = {})
      : Engine(TenantBundle(tenant_text), options) {}

  const Decision& Run(const Request& request,
                      const EvaluateOptions& options = {}) {
    Evaluate(*set_, request, options, scratch_, &decision_);
    return decision_;
  }
  const CompiledPolicySet& set() const { return *set_; }
  // The per-policy result of `policy_id` in the last decision.
  PolicyOutcome ResultOf(absl::string_view policy_id) const {
    for (const PolicyOutcome& o : decision_.policy_results) {
      if (set_->policy_id(o.policy_index) == policy_id) return o;
    }
    ADD_FAILURE() << "no result for " << policy_id;
    return PolicyOutcome();
  }
  PolicyResult Result(absl::string_view policy_id) const {
    return ResultOf(policy_id).result;
  }
  bool Applies(absl::string_view policy_id) const {
    PolicyResult r = Result(policy_id);
    return r == PolicyResult::kSuccess || r == PolicyResult::kFailure ||
           r == PolicyResult::kReportOnlySuccess ||
           r == PolicyResult::kReportOnlyFailure ||
           r == PolicyResult::kReportOnlyInterrupted;
  }
  // "mfa", "authenticationStrength:<id>|mfa" ...: requirements as text,
  // groups separated by ';', alternatives by '|'.
  std::string Requirements() const {
    std::string out;
    for (int i = 0; i < decision_.requirement_count; ++i) {
      const Requirement& r = decision_.requirements[i];
      if (i > 0) {
        out += r.group == decision_.requirements[i - 1].group ? "|" : ";";
      }
      out += std::string(RequirementKindName(r.kind));
      absl::string_view id = set_->RequirementId(r);
      if (!id.empty()) absl::StrAppend(&out, ":", id);
      if (r.where == ChallengeLocation::kHomeTenant) out += "@home";
    }
    return out;
  }
  std::string ReasonText() const {
    return std::string(ReasonName(decision_.reason));
  }
  const Decision& decision() const { return decision_; }

 private:
  std::shared_ptr<const CompiledPolicySet> set_;
  EvalScratch scratch_;
  Decision decision_;
};

}  // namespace testing
}  // namespace crossgate

#endif  // CROSSGATE_TESTS_EVAL_CA_FIXTURE_H_
