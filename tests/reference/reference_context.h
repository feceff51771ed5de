#ifndef CROSSGATE_TESTS_REFERENCE_REFERENCE_CONTEXT_H_
#define CROSSGATE_TESTS_REFERENCE_REFERENCE_CONTEXT_H_

// THIS CODE SHOULD NEVER BE USED IN PRODUCTION (see reference_evaluator.h).
//
// Facts about one request that every reference stage reads, worked out once
// from the request and the bundle with the ids spelled as canonical strings.

#include <string>
#include <vector>

#include "crossgate/policy/v1/bundle.pb.h"
#include "lib/eval/request.h"
#include "tests/reference/reference_evaluator.h"

namespace crossgate {
namespace reference {

// How the principal's claims count in the resource tenant (spec 5.5).
enum class ClaimContext {
  kMember,              // member or internal guest: claims are the tenant's own
  kEntraCollaboration,  // external Entra user with a guest/member object in R
  kEntraDirectConnect,  // external Entra user via B2B direct connect
  kNonEntraExternal,    // OTP, MSA, social, SAML/WS-Fed: R does the MFA
  kServicePrincipal,    // workload identity: nothing interactive
};

// The resource tenant's effective inbound trust for the home tenant (2.11).
struct Trust {
  bool mfa = false;
  bool compliant_device = false;
  bool hybrid_joined_device = false;
};

struct RequestContext {
  const policy::v1::PolicyBundle* bundle = nullptr;
  const policy::v1::TenantPolicies* tenant = nullptr;  // the resource tenant
  // The home tenant's policies when the principal is external and its home
  // tenant is in the bundle (D2); else null.
  const policy::v1::TenantPolicies* home = nullptr;
  const Request* request = nullptr;
  const ReferenceOptions* options = nullptr;

  std::string resource_tenant_id;
  std::string principal_id;
  std::string home_tenant_id;  // empty when zero
  std::string home_user_id;    // empty when zero
  std::string application_id;  // empty when zero
  std::string client_application_id;
  std::vector<std::string> groups;       // in the resource tenant
  std::vector<std::string> roles;        // role template ids
  std::vector<std::string> home_groups;  // in the home tenant

  bool is_service_principal = false;
  // True when the home tenant is a different Entra tenant (the cross-tenant
  // settings apply to this pair).
  bool external_entra = false;
  // ExternalUserTypeBit set, plus kServiceProvider when the resource tenant
  // marks the home tenant as a service provider (D4).
  uint32_t types = 0;
  ClaimContext claim_context = ClaimContext::kMember;
  Trust trust;
};

// Fills the context; `tenant` must be the resource tenant of `request`.
RequestContext MakeRequestContext(const policy::v1::PolicyBundle& bundle,
                                  const policy::v1::TenantPolicies& tenant,
                                  const Request& request,
                                  const ReferenceOptions& options);

// The tenant with `tenant_id` in `bundle`, or null.
const policy::v1::TenantPolicies* FindTenant(
    const policy::v1::PolicyBundle& bundle, const std::string& tenant_id);

// True when `app_id` is in the app set `keyword` (D18): the tenant's own
// `app_sets` entry for the keyword when it has one, else the options' table.
bool AppInSet(const policy::v1::TenantPolicies& tenant,
              const ReferenceOptions& options, const std::string& keyword,
              const std::string& app_id);

bool Contains(const std::vector<std::string>& list, const std::string& value);

}  // namespace reference
}  // namespace crossgate

#endif  // CROSSGATE_TESTS_REFERENCE_REFERENCE_CONTEXT_H_
