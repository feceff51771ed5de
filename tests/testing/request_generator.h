#ifndef CROSSGATE_TESTS_TESTING_REQUEST_GENERATOR_H_
#define CROSSGATE_TESTS_TESTING_REQUEST_GENERATOR_H_

// A seeded generator of random Requests over the ids a bundle actually
// mentions (tests/testing/id_universe.h): its users, groups, roles, apps,
// named-location ranges (addresses inside and just outside) and countries,
// partners and unconfigured tenants, every enum value (including
// "unspecified"), random claims and, when a device factory is given, random
// devices. The same seed gives the same sequence on the same build.
//
//   RequestGenerator gen(bundle, /*seed=*/42);
//   for (int i = 0; i < n; ++i) {
//     RequestBuilder b = gen.Next();
//     Check(b.Build());
//   }

#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "crossgate/policy/v1/bundle.pb.h"
#include "lib/eval/request.h"
#include "tests/testing/id_universe.h"
#include "tests/testing/request_builder.h"

namespace crossgate {
namespace testing {

using Rng = std::mt19937_64;

struct RequestGeneratorOptions {
  // Extra app ids to draw (e.g. the shipped app-set table's members).
  std::vector<std::string> extra_apps;
  // Called for requests that carry a device; returns a device that must stay
  // valid until the next call (null = unregistered). Unset = never a device.
  std::function<const device_filter::DeviceAttributes*(Rng&)> device_factory;
  // Percent of requests naming a resource tenant that is not in the bundle.
  int unknown_tenant_percent = 1;
};

class RequestGenerator {
 public:
  RequestGenerator(const policy::v1::PolicyBundle& bundle, uint64_t seed,
                   RequestGeneratorOptions options = {});

  // The next request; the builder owns its storage.
  RequestBuilder Next();

  Rng& rng() { return rng_; }

 private:
  std::vector<TenantIds> tenants_;
  std::vector<std::string> all_tenant_ids_;
  RequestGeneratorOptions options_;
  Rng rng_;
};

// A random canonical GUID string.
std::string RandomGuid(Rng& rng);

// Renders every field of a request (for failure messages), one per line.
std::string RequestDebugString(const Request& request);

}  // namespace testing
}  // namespace crossgate

#endif  // CROSSGATE_TESTS_TESTING_REQUEST_GENERATOR_H_
