#ifndef CROSSGATE_TESTS_TESTING_ID_UNIVERSE_H_
#define CROSSGATE_TESTS_TESTING_ID_UNIVERSE_H_

// The ids a bundle actually mentions, per resource tenant, so generated
// requests hit the conditions the policies test (users, groups, roles, apps,
// named-location ranges and countries, partners, terms of use, ...).

#include <string>
#include <vector>

#include "crossgate/policy/v1/bundle.pb.h"

namespace crossgate {
namespace testing {

struct TenantIds {
  std::string tenant_id;
  std::vector<std::string> users;  // GUIDs in user lists
  std::vector<std::string> groups;
  std::vector<std::string> roles;
  std::vector<std::string> apps;  // app ids (policies, sets, XTAP)
  std::vector<std::string> service_principals;
  std::vector<std::string> cidrs;      // named-location ranges, MFA trusted IPs
  std::vector<std::string> countries;  // ISO codes in country locations
  std::vector<std::string> partner_tenants;   // XTAP partners
  std::vector<std::string> external_tenants;  // externalTenants members
  std::vector<std::string> home_users;        // XTAP user targets
  std::vector<std::string> home_groups;       // XTAP group targets
  std::vector<std::string> terms_of_use;
  std::vector<std::string> custom_controls;
  std::vector<int> auth_contexts;  // N of cN
};

// Scans every tenant of `bundle`; lists are de-duplicated and sorted.
// `extra_apps` (e.g. the app-set table's members) join every tenant's apps.
std::vector<TenantIds> CollectIds(
    const policy::v1::PolicyBundle& bundle,
    const std::vector<std::string>& extra_apps = {});

}  // namespace testing
}  // namespace crossgate

#endif  // CROSSGATE_TESTS_TESTING_ID_UNIVERSE_H_
