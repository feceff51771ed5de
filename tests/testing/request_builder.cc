#include "tests/testing/request_builder.h"

#include "gtest/gtest.h"
#include "lib/model/cidr.h"

namespace crossgate {
namespace testing {

Guid G(absl::string_view text) {
  absl::optional<Guid> guid = ParseGuid(text);
  if (!guid.has_value()) {
    ADD_FAILURE() << "not a GUID: \"" << std::string(text) << "\"";
    return Guid();
  }
  return *guid;
}

namespace {

void SetCountry(absl::string_view iso2, char (&out)[2]) {
  if (iso2.empty()) {
    out[0] = out[1] = 0;
    return;
  }
  if (iso2.size() != 2) {
    ADD_FAILURE() << "country must be two letters: " << std::string(iso2);
    return;
  }
  out[0] = iso2[0];
  out[1] = iso2[1];
}

}  // namespace

RequestBuilder& RequestBuilder::Tenant(absl::string_view tenant_id) {
  request_.resource_tenant_id = G(tenant_id);
  return *this;
}

RequestBuilder& RequestBuilder::User(absl::string_view object_id) {
  request_.principal_kind = PrincipalKind::kUser;
  request_.principal_id = G(object_id);
  return *this;
}

RequestBuilder& RequestBuilder::ServicePrincipal(absl::string_view object_id) {
  request_.principal_kind = PrincipalKind::kServicePrincipal;
  request_.principal_id = G(object_id);
  return *this;
}

RequestBuilder& RequestBuilder::Groups(
    std::initializer_list<absl::string_view> ids) {
  for (absl::string_view id : ids) AddGroup(id);
  return *this;
}

RequestBuilder& RequestBuilder::AddGroup(absl::string_view id) {
  return AddGroup(G(id));
}

RequestBuilder& RequestBuilder::AddGroup(const Guid& id) {
  groups_.push_back(id);
  return *this;
}

RequestBuilder& RequestBuilder::Roles(
    std::initializer_list<absl::string_view> ids) {
  for (absl::string_view id : ids) AddRole(id);
  return *this;
}

RequestBuilder& RequestBuilder::AddRole(absl::string_view id) {
  return AddRole(G(id));
}

RequestBuilder& RequestBuilder::AddRole(const Guid& id) {
  roles_.push_back(id);
  return *this;
}

RequestBuilder& RequestBuilder::External(absl::string_view home_tenant_id,
                                         uint32_t types,
                                         IdentitySource source) {
  request_.home_tenant_id = home_tenant_id.empty() ? Guid() : G(home_tenant_id);
  request_.external_user_types = types;
  request_.identity_source = source;
  return *this;
}

RequestBuilder& RequestBuilder::HomeUser(absl::string_view id) {
  request_.home_user_id = G(id);
  return *this;
}

RequestBuilder& RequestBuilder::AddHomeGroup(absl::string_view id) {
  return AddHomeGroup(G(id));
}

RequestBuilder& RequestBuilder::AddHomeGroup(const Guid& id) {
  home_groups_.push_back(id);
  return *this;
}

RequestBuilder& RequestBuilder::App(absl::string_view app_id) {
  request_.target_kind = TargetKind::kApplication;
  request_.application_id = G(app_id);
  return *this;
}

RequestBuilder& RequestBuilder::ClientApplication(absl::string_view app_id) {
  request_.client_application_id = G(app_id);
  return *this;
}

RequestBuilder& RequestBuilder::Action(UserAction action) {
  request_.target_kind = TargetKind::kUserAction;
  request_.user_action = action;
  return *this;
}

RequestBuilder& RequestBuilder::AuthContext(int n) {
  if (n < 1 || n > 99) ADD_FAILURE() << "auth context out of range: c" << n;
  request_.target_kind = TargetKind::kAuthenticationContext;
  request_.authentication_context = static_cast<uint8_t>(n);
  return *this;
}

RequestBuilder& RequestBuilder::Client(ClientApp client) {
  request_.client_app = client;
  return *this;
}

RequestBuilder& RequestBuilder::OnPlatform(Platform platform) {
  request_.platform = platform;
  return *this;
}

RequestBuilder& RequestBuilder::Ip(absl::string_view address) {
  absl::optional<IpAddress> ip = ParseIpAddress(address);
  if (!ip.has_value()) {
    ADD_FAILURE() << "not an IP address: " << std::string(address);
    return *this;
  }
  request_.has_ip = true;
  request_.ip = *ip;
  return *this;
}

RequestBuilder& RequestBuilder::Country(absl::string_view iso2) {
  SetCountry(iso2, request_.country);
  return *this;
}

RequestBuilder& RequestBuilder::GpsCountry(absl::string_view iso2) {
  SetCountry(iso2, request_.gps_country);
  return *this;
}

RequestBuilder& RequestBuilder::CompliantNetwork(bool on) {
  request_.compliant_network = on;
  return *this;
}

RequestBuilder& RequestBuilder::SignInRisk(RiskLevel level) {
  request_.sign_in_risk = level;
  return *this;
}

RequestBuilder& RequestBuilder::UserRisk(RiskLevel level) {
  request_.user_risk = level;
  return *this;
}

RequestBuilder& RequestBuilder::ServicePrincipalRisk(RiskLevel level) {
  request_.service_principal_risk = level;
  return *this;
}

RequestBuilder& RequestBuilder::Insider(InsiderRisk level) {
  request_.insider_risk = level;
  return *this;
}

RequestBuilder& RequestBuilder::Flow(AuthenticationFlow flow) {
  request_.authentication_flow = flow;
  return *this;
}

RequestBuilder& RequestBuilder::Device(
    const device_filter::DeviceAttributes* device) {
  request_.device = device;
  return *this;
}

RequestBuilder& RequestBuilder::Mfa(ClaimOrigin origin) {
  request_.claims.mfa = true;
  request_.claims.mfa_origin = origin;
  return *this;
}

RequestBuilder& RequestBuilder::Methods(
    std::initializer_list<policy::v1::AuthenticationMethodMode> modes) {
  for (policy::v1::AuthenticationMethodMode mode : modes) {
    request_.claims.authentication_methods |= 1u << static_cast<int>(mode);
  }
  return *this;
}

RequestBuilder& RequestBuilder::MethodBits(uint32_t bits) {
  request_.claims.authentication_methods = bits;
  return *this;
}

RequestBuilder& RequestBuilder::CompliantDevice(ClaimOrigin origin) {
  request_.claims.compliant_device = true;
  request_.claims.device_origin = origin;
  return *this;
}

RequestBuilder& RequestBuilder::HybridJoinedDevice(ClaimOrigin origin) {
  request_.claims.hybrid_joined_device = true;
  request_.claims.device_origin = origin;
  return *this;
}

RequestBuilder& RequestBuilder::ApprovedApp() {
  request_.claims.approved_application = true;
  return *this;
}

RequestBuilder& RequestBuilder::AppProtection() {
  request_.claims.app_protection_policy = true;
  return *this;
}

RequestBuilder& RequestBuilder::PasswordChanged() {
  request_.claims.password_changed = true;
  return *this;
}

RequestBuilder& RequestBuilder::RiskRemediated() {
  request_.claims.risk_remediated = true;
  return *this;
}

RequestBuilder& RequestBuilder::AcceptTerms(absl::string_view terms_id) {
  return AcceptTerms(G(terms_id));
}

RequestBuilder& RequestBuilder::AcceptTerms(const Guid& terms_id) {
  terms_.push_back(terms_id);
  return *this;
}

RequestBuilder& RequestBuilder::SatisfyCustomControl(
    absl::string_view control_id) {
  custom_controls_.emplace_back(control_id);
  return *this;
}

RequestBuilder& RequestBuilder::TenantRestrictions(
    absl::string_view tenant_id) {
  request_.tenant_restrictions_signal = true;
  request_.tenant_restrictions_tenant_id = G(tenant_id);
  return *this;
}

const Request& RequestBuilder::Build() {
  request_.groups = groups_;
  request_.roles = roles_;
  request_.home_groups = home_groups_;
  request_.claims.accepted_terms_of_use = terms_;
  custom_control_views_.assign(custom_controls_.begin(),
                               custom_controls_.end());
  request_.claims.satisfied_custom_controls = custom_control_views_;
  return request_;
}

}  // namespace testing
}  // namespace crossgate
