#ifndef CROSSGATE_TESTS_TESTING_REQUEST_BUILDER_H_
#define CROSSGATE_TESTS_TESTING_REQUEST_BUILDER_H_

// A fluent builder for crossgate::Request that owns the storage its spans
// point at, so tests need not keep group/role/terms vectors alive by hand:
//
//   RequestBuilder b;
//   b.Tenant(kTenant).User(kAlice).Groups({kAdmins}).App(kExchange)
//    .Client(ClientApp::kBrowser).OnPlatform(Platform::kWindows)
//    .Ip("203.0.113.7").Country("NL").Mfa();
//   const Request& req = b.Build();
//
// Build() re-points every span into the builder and returns a reference to
// the builder's Request, valid until the builder is changed, moved or
// destroyed. Copying a builder is fine (the copy's Build() binds to the
// copy). Ids are GUID strings; a malformed one fails the current test.

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "crossgate/policy/v1/authentication_strength.pb.h"
#include "lib/eval/request.h"
#include "lib/model/guid.h"

namespace crossgate {
namespace testing {

// Parses a GUID; a malformed string fails the current test and returns zero.
Guid G(absl::string_view text);

class RequestBuilder {
 public:
  RequestBuilder() = default;

  // The resource tenant whose policies decide.
  RequestBuilder& Tenant(absl::string_view tenant_id);

  // Who. User() makes an internal member of the resource tenant unless
  // External() follows.
  RequestBuilder& User(absl::string_view object_id);
  RequestBuilder& ServicePrincipal(absl::string_view object_id);
  RequestBuilder& Groups(std::initializer_list<absl::string_view> ids);
  RequestBuilder& AddGroup(absl::string_view id);
  RequestBuilder& AddGroup(const Guid& id);
  RequestBuilder& Roles(std::initializer_list<absl::string_view> ids);
  RequestBuilder& AddRole(absl::string_view id);
  RequestBuilder& AddRole(const Guid& id);
  // An external principal: home tenant (empty = unknown, e.g. a social or
  // one-time-passcode identity), ExternalUserTypeBit set, and where its
  // credentials live.
  RequestBuilder& External(absl::string_view home_tenant_id, uint32_t types,
                           IdentitySource source = IdentitySource::kEntra);
  RequestBuilder& HomeUser(absl::string_view id);
  RequestBuilder& AddHomeGroup(absl::string_view id);
  RequestBuilder& AddHomeGroup(const Guid& id);

  // What.
  RequestBuilder& App(absl::string_view app_id);
  RequestBuilder& ClientApplication(absl::string_view app_id);
  RequestBuilder& Action(UserAction action);
  RequestBuilder& AuthContext(int n);  // `cN`

  // Where and how.
  RequestBuilder& Client(ClientApp client);
  RequestBuilder& OnPlatform(Platform platform);
  RequestBuilder& Ip(absl::string_view address);  // fails the test if malformed
  RequestBuilder& Country(absl::string_view iso2);
  RequestBuilder& GpsCountry(absl::string_view iso2);
  RequestBuilder& CompliantNetwork(bool on = true);
  RequestBuilder& SignInRisk(RiskLevel level);
  RequestBuilder& UserRisk(RiskLevel level);
  RequestBuilder& ServicePrincipalRisk(RiskLevel level);
  RequestBuilder& Insider(InsiderRisk level);
  RequestBuilder& Flow(AuthenticationFlow flow);
  // The device as the resource tenant sees it (caller-owned; null =
  // unregistered).
  RequestBuilder& Device(const device_filter::DeviceAttributes* device);

  // Claims already in the session.
  RequestBuilder& Mfa(ClaimOrigin origin = ClaimOrigin::kUnspecified);
  RequestBuilder& Methods(
      std::initializer_list<policy::v1::AuthenticationMethodMode> modes);
  RequestBuilder& MethodBits(uint32_t bits);
  RequestBuilder& CompliantDevice(
      ClaimOrigin origin = ClaimOrigin::kUnspecified);
  RequestBuilder& HybridJoinedDevice(
      ClaimOrigin origin = ClaimOrigin::kUnspecified);
  RequestBuilder& ApprovedApp();
  RequestBuilder& AppProtection();
  RequestBuilder& PasswordChanged();
  RequestBuilder& RiskRemediated();
  RequestBuilder& AcceptTerms(absl::string_view terms_id);
  RequestBuilder& AcceptTerms(const Guid& terms_id);
  RequestBuilder& SatisfyCustomControl(absl::string_view control_id);

  RequestBuilder& TenantRestrictions(absl::string_view tenant_id);

  // Direct access for fields without a setter; spans set here are
  // overwritten by Build().
  Request& mutable_request() { return request_; }

  // Binds the spans to the builder's storage and returns the request.
  const Request& Build();

 private:
  Request request_;
  std::vector<Guid> groups_;
  std::vector<Guid> roles_;
  std::vector<Guid> home_groups_;
  std::vector<Guid> terms_;
  std::vector<std::string> custom_controls_;
  std::vector<absl::string_view> custom_control_views_;
};

}  // namespace testing
}  // namespace crossgate

#endif  // CROSSGATE_TESTS_TESTING_REQUEST_BUILDER_H_
