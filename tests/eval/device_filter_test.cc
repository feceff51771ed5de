// Spec 4.10 (filter for devices) through the engine, including the null
// (unregistered device) cases and D12.

#include "gtest/gtest.h"
#include "lib/device_filter/device_attributes.h"
#include "tests/eval/ca_fixture.h"

namespace crossgate::testing {
namespace {

using device_filter::DeviceAttributes;
using device_filter::DeviceText;

std::string Filtered(absl::string_view mode, absl::string_view rule,
                     absl::string_view grant = kGrantBlock) {
  return Policy("p", absl::StrCat(AllUsersAllApps(absl::StrCat(
                                      "devices { device_filter { mode: MODE_", mode,
                                      " rule: '", rule, "' } }")),
                                  grant));
}

DeviceAttributes Device(absl::string_view trust_type, absl::string_view ext1 = "") {
  DeviceAttributes d;
  d.registered = true;
  d.text[static_cast<int>(DeviceText::kTrustType)] = trust_type;
  if (!ext1.empty()) d.text[static_cast<int>(DeviceText::kExtensionAttribute1)] = ext1;
  return d;
}

TEST(Section4_10, IncludeModeAppliesToDevicesTheRuleMatches) {
  Engine e(Filtered("INCLUDE", "device.trustType -eq \"AzureAD\""));
  Request r = MemberRequest();
  DeviceAttributes joined = Device("AzureAD"), hybrid = Device("ServerAD");
  r.device = &joined;
  EXPECT_EQ(e.Run(r).outcome, Outcome::kBlock);
  r.device = &hybrid;
  EXPECT_EQ(e.Run(r).outcome, Outcome::kAllow);
}

TEST(Section4_10, ExcludeModeSkipsDevicesTheRuleMatches) {
  Engine e(Filtered("EXCLUDE", "device.trustType -eq \"AzureAD\""));
  Request r = MemberRequest();
  DeviceAttributes joined = Device("AzureAD"), hybrid = Device("ServerAD");
  r.device = &joined;
  EXPECT_EQ(e.Run(r).outcome, Outcome::kAllow);
  r.device = &hybrid;
  EXPECT_EQ(e.Run(r).outcome, Outcome::kBlock);
}

TEST(Section4_10, PositiveOperatorNeverMatchesUnregisteredDevice) {
  Engine e(Filtered("INCLUDE", "device.trustType -eq \"AzureAD\""));
  Request r = MemberRequest();  // device = null: not registered
  EXPECT_EQ(e.Run(r).outcome, Outcome::kAllow);
  DeviceAttributes unregistered;  // registered = false
  r.device = &unregistered;
  EXPECT_EQ(e.Run(r).outcome, Outcome::kAllow);
}

TEST(Section4_10, NegativeOperatorMatchesUnregisteredDevice) {
  Engine e(Filtered("INCLUDE", "device.trustType -ne \"AzureAD\""));
  EXPECT_EQ(e.Run(MemberRequest()).outcome, Outcome::kBlock);
}

TEST(Section4_10, ExcludeSawBlocksUnregisteredDevices) {
  // Worked consequence: exclude-mode `extensionAttribute1 -eq "SAW"` + Block.
  Engine e(Filtered("EXCLUDE", "device.extensionAttribute1 -eq \"SAW\""));
  Request r = MemberRequest();
  EXPECT_EQ(e.Run(r).outcome, Outcome::kBlock);
  DeviceAttributes saw = Device("AzureAD", "SAW");
  r.device = &saw;
  EXPECT_EQ(e.Run(r).outcome, Outcome::kAllow);
}

Request Guest() {
  Request r = MemberRequest();
  r.home_tenant_id = G(kHomeTenantId);
  r.external_user_types = kB2bCollaborationGuest;
  return r;
}

std::string DeviceTrust(bool compliant) {
  return absl::StrCat("cross_tenant_access_policy { partners { tenant_id: \"",
                      kHomeTenantId, "\" settings { inbound_trust { "
                      "is_compliant_device_accepted: ", compliant ? "true" : "false",
                      " } } } }");
}

TEST(D12, GuestDeviceIsUnregisteredWithoutDeviceTrust) {
  Engine e(Filtered("INCLUDE", "device.trustType -eq \"AzureAD\"") + DeviceTrust(false));
  Request r = Guest();
  DeviceAttributes joined = Device("AzureAD");
  r.device = &joined;
  EXPECT_EQ(e.Run(r).outcome, Outcome::kAllow);  // filter sees no device
}

TEST(D12, GuestDeviceIsVisibleWithDeviceTrust) {
  Engine e(Filtered("INCLUDE", "device.trustType -eq \"AzureAD\"") + DeviceTrust(true));
  Request r = Guest();
  DeviceAttributes joined = Device("AzureAD");
  r.device = &joined;
  EXPECT_EQ(e.Run(r).outcome, Outcome::kBlock);
}

TEST(Section4_10, BadRuleIsALoadErrorWithPath) {
  std::vector<LoadIssue> issues;
  auto set = CompilePolicySet(TenantBundle(Filtered("INCLUDE", "device.colour -eq \"red\"")),
                              CompileOptions(), &issues);
  EXPECT_FALSE(set.ok());
  bool found = false;
  for (const LoadIssue& i : issues) {
    if (i.code == IssueCode::kBadDeviceFilter) {
      found = true;
      EXPECT_EQ(i.path, absl::StrCat("tenants/", kTenantId,
                                     "/conditionalAccessPolicies/p/conditions/devices/"
                                     "deviceFilter/rule"));
    }
  }
  EXPECT_TRUE(found);
}

TEST(Section4_10, RegexOperatorsAreRejected) {
  auto set = CompilePolicySet(
      TenantBundle(Filtered("INCLUDE", "device.displayName -match \"^SAW\"")),
      CompileOptions(), nullptr);
  EXPECT_FALSE(set.ok());
}

TEST(Section5_7, DeviceFilterIsTheWhatIfDevicesReason) {
  Engine e(Filtered("INCLUDE", "device.trustType -eq \"AzureAD\""));
  EvaluateOptions options;
  options.what_if = true;
  e.Run(MemberRequest(), options);
  EXPECT_EQ(e.ResultOf("p").reason, WhatIfReason::kDevices);
}

TEST(Section4_4, BadApplicationFilterRuleIsALoadError) {
  auto set = CompilePolicySet(
      TenantBundle(Policy("p", absl::StrCat(
                                   "conditions { users { include_users: \"All\" } "
                                   "applications { include_applications: \"All\" "
                                   "application_filter { mode: MODE_INCLUDE rule: "
                                   "'device.trustType -eq \"x\"' } } } ",
                                   kGrantBlock))),
      CompileOptions(), nullptr);
  EXPECT_FALSE(set.ok());
}

}  // namespace
}  // namespace crossgate::testing
