#ifndef CROSSGATE_TESTS_REFERENCE_REFERENCE_TEST_UTIL_H_
#define CROSSGATE_TESTS_REFERENCE_REFERENCE_TEST_UTIL_H_

// Shared fixtures for the reference evaluator's unit tests: ids, a textproto
// bundle parser and a one-call evaluation.

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "crossgate/policy/v1/bundle.pb.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"
#include "tests/reference/reference_evaluator.h"
#include "tests/testing/request_builder.h"

namespace crossgate {
namespace reference {
namespace test {

inline constexpr char kResource[] = "11111111-1111-1111-1111-111111111111";
inline constexpr char kHome[] = "22222222-2222-2222-2222-222222222222";
inline constexpr char kOther[] = "33333333-3333-3333-3333-333333333333";
inline constexpr char kAlice[] = "a0000000-0000-0000-0000-000000000001";
inline constexpr char kBob[] = "a0000000-0000-0000-0000-000000000002";
inline constexpr char kGroup1[] = "90000000-0000-0000-0000-000000000001";
inline constexpr char kGroup2[] = "90000000-0000-0000-0000-000000000002";
inline constexpr char kGlobalAdmin[] = "62e90394-69f5-4237-9190-012177145e10";
inline constexpr char kExchange[] = "00000002-0000-0ff1-ce00-000000000000";
inline constexpr char kSharePoint[] = "00000003-0000-0ff1-ce00-000000000000";
inline constexpr char kAzurePortal[] = "c44b4083-3bb0-49c1-b47d-974e53cbdf3c";
inline constexpr char kCustomApp[] = "c0000000-0000-0000-0000-000000000001";
inline constexpr char kSp[] = "5e000000-0000-0000-0000-000000000001";
inline constexpr char kTerms[] = "70000000-0000-0000-0000-000000000001";
inline constexpr char kTerms2[] = "70000000-0000-0000-0000-000000000002";
inline constexpr char kLoc1[] = "10c00000-0000-0000-0000-000000000001";
inline constexpr char kLoc2[] = "10c00000-0000-0000-0000-000000000002";
inline constexpr char kLoc3[] = "10c00000-0000-0000-0000-000000000003";
inline constexpr char kMfaStrength[] = "00000000-0000-0000-0000-000000000002";
inline constexpr char kPasswordlessStrength[] =
    "00000000-0000-0000-0000-000000000003";
inline constexpr char kPhishingResistant[] =
    "00000000-0000-0000-0000-000000000004";

inline policy::v1::PolicyBundle ParseBundle(absl::string_view text) {
  policy::v1::PolicyBundle b;
  if (!google::protobuf::TextFormat::ParseFromString(std::string(text), &b)) {
    ADD_FAILURE() << "bad textproto:\n" << std::string(text);
  }
  return b;
}

// A request from member Alice of the resource tenant to Exchange in a
// browser on Windows: the starting point most tests vary.
inline testing::RequestBuilder Member() {
  testing::RequestBuilder b;
  b.Tenant(kResource)
      .User(kAlice)
      .App(kExchange)
      .Client(ClientApp::kBrowser)
      .OnPlatform(Platform::kWindows);
  return b;
}

// An external Entra user from kHome (home object id kBob) of `types`.
inline testing::RequestBuilder Guest(uint32_t types = kB2bCollaborationGuest) {
  testing::RequestBuilder b = Member();
  b.External(kHome, types).HomeUser(kBob);
  return b;
}

inline ReferenceDecision Eval(const policy::v1::PolicyBundle& bundle,
                              testing::RequestBuilder b,
                              const ReferenceOptions& options = {}) {
  return ReferenceEvaluate(bundle, b.Build(), options);
}

// The per-policy result of `policy_id`, or a failure.
inline ReferencePolicyOutcome ResultOf(const ReferenceDecision& d,
                                       absl::string_view policy_id) {
  for (const ReferencePolicyOutcome& p : d.policy_results) {
    if (p.policy_id == policy_id) return p;
  }
  ADD_FAILURE() << "no result for " << std::string(policy_id) << "\n"
                << d.DebugString();
  return {};
}

// A bundle with one resource tenant (`tenant_extra` spliced into it) holding
// one policy "p1" with `conditions` and `controls` (grant/session blocks).
inline policy::v1::PolicyBundle OnePolicy(
    absl::string_view conditions, absl::string_view controls,
    absl::string_view tenant_extra = "",
    absl::string_view state = "POLICY_STATE_ENABLED") {
  return ParseBundle(
      absl::StrCat("tenants { tenant_id: \"", kResource, "\" ", tenant_extra,
                   " conditional_access_policies { id: \"p1\" state: ", state,
                   " conditions { ", conditions, " } ", controls, " } }"));
}

inline constexpr char kAllUsersAllApps[] =
    "users { include_users: \"All\" } "
    "applications { include_applications: \"All\" }";
inline constexpr char kRequireMfa[] =
    "grant_controls { operator: OPERATOR_OR built_in_controls: "
    "BUILT_IN_CONTROL_MFA }";
inline constexpr char kBlock[] =
    "grant_controls { operator: OPERATOR_OR built_in_controls: "
    "BUILT_IN_CONTROL_BLOCK }";

// Tenant text: the resource tenant allows inbound direct connect from kHome
// (it is blocked by the service default, spec 2.6).
inline std::string AllowDirectConnectFromHome(absl::string_view more = "") {
  return absl::StrCat(
      "cross_tenant_access_policy { partners { tenant_id: \"", kHome,
      "\" settings { b2b_direct_connect_inbound { users_and_groups { "
      "access_type: ACCESS_TYPE_ALLOWED targets { target: \"AllUsers\" "
      "target_type: TARGET_TYPE_USER } } applications { access_type: "
      "ACCESS_TYPE_ALLOWED targets { target: \"AllApplications\" "
      "target_type: TARGET_TYPE_APPLICATION } } } ",
      more, " } } }");
}

}  // namespace test
}  // namespace reference
}  // namespace crossgate

#endif  // CROSSGATE_TESTS_REFERENCE_REFERENCE_TEST_UTIL_H_
