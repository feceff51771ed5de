#ifndef CROSSGATE_TESTS_REQUEST_JSON_REQUEST_TEST_UTIL_H_
#define CROSSGATE_TESTS_REQUEST_JSON_REQUEST_TEST_UTIL_H_

// Helpers shared by the request_json tests.

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_join.h"
#include "gtest/gtest.h"
#include "lib/eval/request.h"
#include "lib/model/guid.h"
#include "lib/request_json/request_reader.h"

namespace crossgate {
namespace testing_request_json {

inline Guid G(const char* text) {
  absl::optional<Guid> guid = ParseGuid(text);
  EXPECT_TRUE(guid.has_value()) << text;
  return guid.value_or(Guid{});
}

inline std::string SharedDir() {
  const char* env = std::getenv("CROSSGATE_SHARED_DIR");
  return env != nullptr && *env != 0 ? env : CROSSGATE_SHARED_DIR;
}

inline std::string ReadFileOrDie(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot read " << path;
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// The tenant every test request defaults to.
inline RequestDefaults ContosoDefaults() {
  RequestDefaults defaults;
  defaults.resource_tenant_id = G("11111111-1111-4111-8111-111111111111");
  return defaults;
}

// Field-by-field equality of two Requests (spans compared by content). The
// device pointer is compared for presence only.
inline void ExpectSameRequest(const Request& a, const Request& b) {
  auto same_ids = [](GuidList x, GuidList y) {
    return std::vector<Guid>(x.begin(), x.end()) ==
           std::vector<Guid>(y.begin(), y.end());
  };
  EXPECT_EQ(a.resource_tenant_id, b.resource_tenant_id);
  EXPECT_EQ(a.principal_kind, b.principal_kind);
  EXPECT_EQ(a.principal_id, b.principal_id);
  EXPECT_EQ(a.home_tenant_id, b.home_tenant_id);
  EXPECT_EQ(a.external_user_types, b.external_user_types);
  EXPECT_EQ(a.identity_source, b.identity_source);
  EXPECT_EQ(a.home_user_id, b.home_user_id);
  EXPECT_TRUE(same_ids(a.home_groups, b.home_groups));
  EXPECT_TRUE(same_ids(a.groups, b.groups));
  EXPECT_TRUE(same_ids(a.roles, b.roles));
  EXPECT_EQ(a.target_kind, b.target_kind);
  EXPECT_EQ(a.application_id, b.application_id);
  EXPECT_EQ(a.client_application_id, b.client_application_id);
  EXPECT_EQ(a.user_action, b.user_action);
  EXPECT_EQ(a.authentication_context, b.authentication_context);
  EXPECT_EQ(a.client_app, b.client_app);
  EXPECT_EQ(a.platform, b.platform);
  EXPECT_EQ(a.has_ip, b.has_ip);
  if (a.has_ip && b.has_ip) {
    EXPECT_TRUE(a.ip == b.ip);
  }
  EXPECT_EQ(std::string(a.country, 2), std::string(b.country, 2));
  EXPECT_EQ(std::string(a.gps_country, 2), std::string(b.gps_country, 2));
  EXPECT_EQ(a.compliant_network, b.compliant_network);
  EXPECT_EQ(a.sign_in_risk, b.sign_in_risk);
  EXPECT_EQ(a.user_risk, b.user_risk);
  EXPECT_EQ(a.service_principal_risk, b.service_principal_risk);
  EXPECT_EQ(a.insider_risk, b.insider_risk);
  EXPECT_EQ(a.authentication_flow, b.authentication_flow);
  EXPECT_EQ(a.device == nullptr, b.device == nullptr);
  EXPECT_EQ(a.claims.mfa, b.claims.mfa);
  EXPECT_EQ(a.claims.mfa_origin, b.claims.mfa_origin);
  EXPECT_EQ(a.claims.authentication_methods, b.claims.authentication_methods);
  EXPECT_EQ(a.claims.compliant_device, b.claims.compliant_device);
  EXPECT_EQ(a.claims.hybrid_joined_device, b.claims.hybrid_joined_device);
  EXPECT_EQ(a.claims.device_origin, b.claims.device_origin);
  EXPECT_EQ(a.claims.approved_application, b.claims.approved_application);
  EXPECT_EQ(a.claims.app_protection_policy, b.claims.app_protection_policy);
  EXPECT_EQ(a.claims.password_changed, b.claims.password_changed);
  EXPECT_EQ(a.claims.risk_remediated, b.claims.risk_remediated);
  EXPECT_TRUE(
      same_ids(a.claims.accepted_terms_of_use, b.claims.accepted_terms_of_use));
  EXPECT_EQ(absl::StrJoin(a.claims.satisfied_custom_controls, "|"),
            absl::StrJoin(b.claims.satisfied_custom_controls, "|"));
  EXPECT_EQ(a.tenant_restrictions_signal, b.tenant_restrictions_signal);
  EXPECT_EQ(a.tenant_restrictions_tenant_id, b.tenant_restrictions_tenant_id);
}

}  // namespace testing_request_json
}  // namespace crossgate

#endif  // CROSSGATE_TESTS_REQUEST_JSON_REQUEST_TEST_UTIL_H_
