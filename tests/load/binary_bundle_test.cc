// Binary bundles: round trips, and the same validation as JSON.

#include <google/protobuf/util/message_differencer.h>

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "lib/load/loader.h"
#include "tests/load/test_util.h"

namespace crossgate {
namespace {

namespace pb = ::crossgate::policy::v1;
using google::protobuf::util::MessageDifferencer;
using testing::Dump;
using testing::FindIssue;

const char kTenant[] = R"({
  "tenantId": "72F988BF-86F1-41AF-91AB-2D7CD011DB47",
  "cloud": "microsoftonline.com",
  "namedLocations": [{"@odata.type": "#microsoft.graph.ipNamedLocation",
    "id": "0a0a0a0a-0000-4000-8000-000000000001", "displayName": "office",
    "isTrusted": true, "ipRanges": [{"cidrAddress": "192.0.2.0/24"}]}],
  "conditionalAccessPolicies": [{"id": "p1", "displayName": "mfa", "state": "enabled",
    "conditions": {"users": {"includeUsers": ["All"]},
                   "applications": {"includeApplications": ["All"]},
                   "locations": {"includeLocations": ["All"],
                                 "excludeLocations": ["0a0a0a0a-0000-4000-8000-000000000001"]}},
    "grantControls": {"operator": "OR", "builtInControls": ["mfa"]}}],
  "crossTenantAccessPolicy": {"default": {"isServiceDefault": true,
    "inboundTrust": {"isMfaAccepted": false}},
    "partners": [{"tenantId": "3d0f5dec-5d3d-455c-8016-e2af1ae4d31a",
                  "inboundTrust": {"isMfaAccepted": true}}]},
  "authorizationPolicy": {"allowInvitesFrom": "everyone"},
  "invitationDomainPolicy": {"blockedDomains": ["live.com"]},
  "mfaTrustedIps": ["198.51.100.0/24"],
  "appSets": [{"name": "Office365", "appIds": ["00000002-0000-0ff1-ce00-000000000000"]}]
})";

pb::PolicyBundle FromJson() {
  std::vector<LoadIssue> issues;
  auto bundle = LoadJsonText(kTenant, LoadOptions(), &issues);
  EXPECT_TRUE(bundle.ok()) << bundle.status() << Dump(issues);
  return bundle.ok() ? *bundle : pb::PolicyBundle();
}

TEST(BinaryBundleTest, JsonToBundleToModelEqualsJsonToModel) {
  pb::PolicyBundle model = FromJson();
  ASSERT_EQ(model.tenants(0).tenant_id(),
            "72f988bf-86f1-41af-91ab-2d7cd011db47");
  auto bytes = SerializeBundle(model);
  ASSERT_TRUE(bytes.ok());
  std::vector<LoadIssue> issues;
  auto reloaded = LoadBinaryBundle(*bytes, LoadOptions(), &issues);
  ASSERT_TRUE(reloaded.ok()) << reloaded.status() << Dump(issues);
  EXPECT_TRUE(MessageDifferencer::Equals(model, *reloaded));
}

TEST(BinaryBundleTest, BinaryToModelToBinaryIsByteIdentical) {
  LoadOptions options;
  options.bundle_version = 42;
  auto model = LoadJsonText(kTenant, options, nullptr);
  ASSERT_TRUE(model.ok());
  EXPECT_EQ(model->bundle_version(), 42u);
  auto first = SerializeBundle(*model);
  ASSERT_TRUE(first.ok());
  auto reloaded = LoadBinaryBundle(*first, LoadOptions(), nullptr);
  ASSERT_TRUE(reloaded.ok()) << reloaded.status();
  EXPECT_EQ(reloaded->bundle_version(), 42u);
  auto second = SerializeBundle(*reloaded);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(*first, *second);
}

TEST(BinaryBundleTest, GarbageIsMalformed) {
  std::vector<LoadIssue> issues;
  auto bundle = LoadBinaryBundle("\xff\xff\xff\xff", LoadOptions(), &issues);
  EXPECT_FALSE(bundle.ok());
  EXPECT_NE(FindIssue(issues, IssueCode::kMalformedInput, "input"), nullptr)
      << Dump(issues);
}

TEST(BinaryBundleTest, InvalidUtf8IsAnIssueAndNothingIsLogged) {
  pb::PolicyBundle model = FromJson();
  model.mutable_tenants(0)->mutable_named_locations(0)->set_display_name(
      "MARKER");
  std::string bytes = *SerializeBundle(model);
  size_t at = bytes.find("MARKER");
  ASSERT_NE(at, std::string::npos);
  bytes.replace(at, 6, "\xff\xfe\xfd\xfc\xfb\xfa");
  std::vector<LoadIssue> issues;
  ::testing::internal::CaptureStderr();
  auto bundle = LoadBinaryBundle(bytes, LoadOptions(), &issues);
  std::string logged = ::testing::internal::GetCapturedStderr();
  EXPECT_FALSE(bundle.ok());
  EXPECT_EQ(logged, "") << "the library must not log";
  const LoadIssue* issue =
      FindIssue(issues, IssueCode::kMalformedInput, "input");
  ASSERT_NE(issue, nullptr) << Dump(issues);
  EXPECT_NE(issue->message.find(
                "tenants[0]/namedLocations[0]/displayName holds invalid UTF-8"),
            std::string::npos)
      << issue->message;
}

TEST(BinaryBundleTest, UnknownFieldsFailClosed) {
  pb::PolicyBundle model = FromJson();
  // Field 99 of a policy: what a newer schema might add.
  model.mutable_tenants(0)
      ->mutable_conditional_access_policies(0)
      ->GetReflection()
      ->MutableUnknownFields(
          model.mutable_tenants(0)->mutable_conditional_access_policies(0))
      ->AddVarint(99, 1);
  auto bytes = SerializeBundle(model);
  ASSERT_TRUE(bytes.ok());
  std::vector<LoadIssue> issues;
  auto bundle = LoadBinaryBundle(*bytes, LoadOptions(), &issues);
  EXPECT_FALSE(bundle.ok());
  const LoadIssue* issue =
      FindIssue(issues, IssueCode::kMalformedInput, "input");
  ASSERT_NE(issue, nullptr) << Dump(issues);
  EXPECT_NE(issue->message.find("tenants/72f988bf-86f1-41af-91ab-2d7cd011db47/"
                                "conditionalAccessPolicies/p1"),
            std::string::npos)
      << issue->message;
}

TEST(BinaryBundleTest, ValidationRunsOnBinaryInput) {
  struct Mutation {
    const char* name;
    void (*apply)(pb::PolicyBundle*);
    IssueCode code;
    std::string path;
  };
  const std::string t = "tenants/72f988bf-86f1-41af-91ab-2d7cd011db47";
  const std::string p = t + "/conditionalAccessPolicies/p1";
  std::vector<Mutation> mutations = {
      {"unknown enum number",
       [](pb::PolicyBundle* b) {
         b->mutable_tenants(0)
             ->mutable_conditional_access_policies(0)
             ->set_state(static_cast<pb::PolicyState>(77));
       },
       IssueCode::kUnknownEnum, p + "/state"},
      {"unspecified state",
       [](pb::PolicyBundle* b) {
         b->mutable_tenants(0)
             ->mutable_conditional_access_policies(0)
             ->set_state(pb::POLICY_STATE_UNSPECIFIED);
       },
       IssueCode::kMissingField, p + "/state"},
      {"upper-case guid",
       [](pb::PolicyBundle* b) {
         b->mutable_tenants(0)
             ->mutable_conditional_access_policies(0)
             ->mutable_conditions()
             ->mutable_users()
             ->add_include_groups("124C5B6A-FFA5-483A-9B88-04C3FCE5574A");
       },
       IssueCode::kBadGuid, p + "/conditions/users/includeGroups[0]"},
      {"keyword spelled in lower case",
       [](pb::PolicyBundle* b) {
         b->mutable_tenants(0)
             ->mutable_conditional_access_policies(0)
             ->mutable_conditions()
             ->mutable_users()
             ->set_include_users(0, "none");
       },
       IssueCode::kBadGuid, p + "/conditions/users/includeUsers[0]"},
      {"non-canonical cidr",
       [](pb::PolicyBundle* b) {
         b->mutable_tenants(0)
             ->mutable_named_locations(0)
             ->mutable_ip()
             ->mutable_ip_ranges(0)
             ->set_cidr_address("192.0.2.7/24");
       },
       IssueCode::kBadCidr,
       t + "/namedLocations/0a0a0a0a-0000-4000-8000-000000000001/ipRanges[0]/"
           "cidrAddress"},
      {"location deleted",
       [](pb::PolicyBundle* b) {
         b->mutable_tenants(0)->clear_named_locations();
       },
       IssueCode::kDanglingReference,
       p + "/conditions/locations/excludeLocations[0]"},
      {"duplicate tenant",
       [](pb::PolicyBundle* b) { *b->add_tenants() = b->tenants(0); },
       IssueCode::kDuplicateId, t},
      {"domain not canonical",
       [](pb::PolicyBundle* b) {
         b->mutable_tenants(0)
             ->mutable_invitation_domain_policy()
             ->set_blocked_domains(0, "Live.com");
       },
       IssueCode::kBadDomain, t + "/invitationDomainPolicy/blockedDomains[0]"},
  };
  for (const Mutation& m : mutations) {
    pb::PolicyBundle model = FromJson();
    m.apply(&model);
    auto bytes = SerializeBundle(model);
    ASSERT_TRUE(bytes.ok());
    std::vector<LoadIssue> issues;
    auto bundle = LoadBinaryBundle(*bytes, LoadOptions(), &issues);
    EXPECT_FALSE(bundle.ok()) << m.name;
    const LoadIssue* issue = FindIssue(issues, m.code, m.path);
    ASSERT_NE(issue, nullptr) << m.name << "\n" << Dump(issues);
    EXPECT_TRUE(issue->is_error()) << m.name;
  }
}

}  // namespace
}  // namespace crossgate
