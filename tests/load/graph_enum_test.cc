#include "lib/load/graph_enum.h"

#include "crossgate/policy/v1/authentication_strength.pb.h"
#include "crossgate/policy/v1/conditional_access.pb.h"
#include "gtest/gtest.h"

namespace crossgate {
namespace load_internal {
namespace {

namespace pb = ::crossgate::policy::v1;

TEST(GraphEnumTest, MatchesDocumentedCamelCaseIgnoringCaseAndSpace) {
  EXPECT_EQ(
      LookupGraphEnum<pb::PolicyState>("enabledForReportingButNotEnforced"),
      pb::POLICY_STATE_ENABLED_FOR_REPORTING_BUT_NOT_ENFORCED);
  EXPECT_EQ(LookupGraphEnum<pb::ClientAppType>("All"), pb::CLIENT_APP_TYPE_ALL);
  EXPECT_EQ(LookupGraphEnum<pb::ClientAppType>("  all "),
            pb::CLIENT_APP_TYPE_ALL);
  EXPECT_EQ(LookupGraphEnum<pb::DevicePlatform>("iOS"),
            pb::DEVICE_PLATFORM_IOS);
  EXPECT_EQ(LookupGraphEnum<pb::AuthenticationMethodMode>(
                "x509CertificateMultiFactor"),
            pb::AUTHENTICATION_METHOD_MODE_X509_CERTIFICATE_MULTI_FACTOR);
  EXPECT_EQ(LookupGraphEnum<pb::GrantControls::Operator>("OR"),
            pb::GrantControls::OPERATOR_OR);
}

TEST(GraphEnumTest, RejectsUnknownAndPlaceholderValues) {
  EXPECT_FALSE(LookupGraphEnum<pb::PolicyState>("unknownFutureValue"));
  EXPECT_FALSE(LookupGraphEnum<pb::PolicyState>("unspecified"));
  EXPECT_FALSE(LookupGraphEnum<pb::PolicyState>(""));
  EXPECT_FALSE(LookupGraphEnum<pb::PolicyState>("enabled_for_reporting"));
  EXPECT_FALSE(LookupGraphEnum<pb::BuiltInControl>("compliantNetwork"));
  EXPECT_FALSE(LookupGraphEnum<pb::ClientAppType>("all,browser"));
}

TEST(GraphEnumTest, Aliases) {
  EXPECT_EQ(LookupGraphEnum<pb::ClientAppType>("easUnsupported"),
            pb::CLIENT_APP_TYPE_EXCHANGE_ACTIVE_SYNC);
}

TEST(GraphEnumTest, NamesRoundTrip) {
  const auto* type = google::protobuf::GetEnumDescriptor<pb::DevicePlatform>();
  for (int i = 0; i < type->value_count(); ++i) {
    int number = type->value(i)->number();
    if (number == 0) continue;
    std::string name = GraphEnumName(type, number);
    EXPECT_EQ(LookupGraphEnum(type, name), number) << name;
  }
  EXPECT_EQ(GraphEnumName(type, pb::DEVICE_PLATFORM_WINDOWS_PHONE),
            "windowsPhone");
  EXPECT_EQ(GraphEnumName(type, pb::DEVICE_PLATFORM_MACOS), "macOS");
}

}  // namespace
}  // namespace load_internal
}  // namespace crossgate
