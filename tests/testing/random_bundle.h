#ifndef CROSSGATE_TESTS_TESTING_RANDOM_BUNDLE_H_
#define CROSSGATE_TESTS_TESTING_RANDOM_BUNDLE_H_

// Seeded random PolicyBundles over a deliberately small id universe (a few
// users, groups, apps, locations, tenants) so that generated requests
// actually hit the conditions, for the differential test. Policies follow
// the documented constraints an engine may validate (spec 4.12: no `mfa`
// with a strength in one policy; password change only as `mfa AND
// passwordChange` on user risk and all apps; ...).

#include <cstdint>
#include <string>
#include <vector>

#include "crossgate/policy/v1/bundle.pb.h"
#include "tests/testing/request_generator.h"

namespace crossgate {
namespace testing {

struct RandomBundleOptions {
  int max_policies_per_tenant = 8;
  // Device filter rules to draw from; empty = no device filters.
  std::vector<std::string> device_filter_rules;
};

// The universe's fixed ids (exposed so tests can aim requests at them).
struct RandomUniverse {
  static const std::vector<std::string>& Tenants();  // [0],[1] in the bundle
  static const std::vector<std::string>& Users();
  static const std::vector<std::string>& Groups();
  static const std::vector<std::string>& Roles();
  static const std::vector<std::string>& HomeUsers();
  static const std::vector<std::string>& HomeGroups();
  static const std::vector<std::string>&
  Apps();  // [0..1] Office365, [2] admin portal
  static const std::vector<std::string>& ServicePrincipals();
  static const std::vector<std::string>& TermsOfUse();
  // The app-set table the universe assumes (pass it to the evaluators).
  static const std::vector<std::pair<std::string, std::vector<std::string>>>&
  AppSets();
};

policy::v1::PolicyBundle RandomBundle(Rng& rng,
                                      const RandomBundleOptions& options = {});

}  // namespace testing
}  // namespace crossgate

#endif  // CROSSGATE_TESTS_TESTING_RANDOM_BUNDLE_H_
