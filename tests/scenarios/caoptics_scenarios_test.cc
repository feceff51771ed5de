// Hand-checked scenarios on jsa2/caOptics demo data (arrays of Graph
// policies exported from real tenants, used by caOptics to find gaps). Three
// tenants, each one file plus, where its policies name locations,
// demodata/namedLocations.json (finland 10a25087 = FI; switzerland; one
// trusted /32):
//   extreme          6 policies: MFA baseline outside Finland, Finland MFA
//                    except macOS, macOS clients, guest MFA except API
//                    88cc92be, Office 365 needs a compliant device outside
//                    Finland, guests on API 88cc92be from mobile apps.
//   multipleGuestTypes  4 policies: block all (excluding guests, a group,
//                    a role, a user), block marketing off hybrid-joined
//                    devices, MFA for a group/role/all guest types.
//   largePol         7 policies: per-API MFA outside Finland, a baseline
//                    excluding 200 users and four APIs, and "close-gaps".
// Expectations come from reading the JSON against the spec; caOptics' own
// gap findings are exactly the "allow" rows marked "gap".

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/scenarios/scenario_runner.h"

namespace crossgate {
namespace scenarios {
namespace {

using testing::RequestBuilder;
using RK = RequirementKind;
constexpr auto kSuccess = PolicyResult::kSuccess;
constexpr auto kFailure = PolicyResult::kFailure;
constexpr auto kResource = ChallengeLocation::kResourceTenant;

constexpr char kAlice[] = "a11ce000-0000-4000-8000-000000000003";
constexpr char kExcludedEverywhere[] = "259fcf40-ff7c-4625-9b78-cd11793f161f";
constexpr char kRareApi[] = "88cc92be-d474-4d95-a57d-7b3ef701f510";
constexpr char kExchange[] = "00000002-0000-0ff1-ce00-000000000000";
constexpr char kLineOfBusiness[] = "10b00000-0000-4000-8000-000000000003";
constexpr char kGuestHome[] = "c0ffee00-0000-4000-8000-0000000000bb";

std::string Demo(const char* file) {
  return testing::CorpusPath(std::string("jsa2__caOptics/demodata/") + file);
}

RequestBuilder Member(const char* app, const char* country) {
  RequestBuilder b;
  b.Tenant(kPlaceholderTenant)
      .User(kAlice)
      .App(app)
      .Client(ClientApp::kBrowser)
      .OnPlatform(Platform::kWindows)
      .Ip("192.0.2.44")
      .Country(country);
  return b;
}

RequestBuilder Guest(const char* app, const char* country) {
  RequestBuilder b = Member(app, country);
  b.External(kGuestHome, kB2bCollaborationGuest)
      .HomeUser("c0ffee00-0000-4000-8000-000000000002");
  return b;
}

TEST(CaOpticsScenariosTest, Extreme) {
  std::vector<Scenario> s;
  auto add = [&s](const char* why, RequestBuilder r, Expect e) {
    s.push_back({why, std::move(r), std::move(e)});
  };
  add("member from the US, no MFA -> baseline (outside Finland) challenges mfa",
      Member(kLineOfBusiness, "US"),
      Expect::Challenge(kResource).Needs(RK::kMfa).Applied("baseline",
                                                           kFailure));
  add("member from Finland on Windows -> baseline excludes Finland; finski "
      "asks mfa",
      Member(kLineOfBusiness, "FI"),
      Expect::Challenge(kResource).Needs(RK::kMfa).Applied("finski", kFailure));
  add("member from Finland on macOS in a browser -> finski excludes macOS; "
      "'Handle macOs' asks mfa",
      Member(kLineOfBusiness, "FI").OnPlatform(Platform::kMacOs),
      Expect::Challenge(kResource).Needs(RK::kMfa).Applied("Handle macOs",
                                                           kFailure));
  add("gap: member from Finland on macOS with Exchange ActiveSync -> no policy "
      "applies -> allow",
      Member(kLineOfBusiness, "FI")
          .OnPlatform(Platform::kMacOs)
          .Client(ClientApp::kExchangeActiveSync),
      Expect::Allow());
  add("user 259fcf40 to Exchange from the US -> only 'Handle Office 365' "
      "(compliant device) applies -> block (D10)",
      Member(kExchange, "US").User(kExcludedEverywhere),
      Expect::Block("Handle Office 365")
          .Applied("Handle Office 365", kFailure));
  add("gap: user 259fcf40 to an LOB app -> excluded from everything that "
      "applies -> allow",
      Member(kLineOfBusiness, "US").User(kExcludedEverywhere), Expect::Allow());
  add("member to Exchange from the US with MFA, no compliant device -> block "
      "by 'Handle Office 365'",
      Member(kExchange, "US").Mfa(),
      Expect::Block("Handle Office 365")
          .Applied("baseline", kSuccess)
          .Applied("Handle Office 365", kFailure));
  add("member to Exchange from the US with MFA and a compliant device -> allow",
      Member(kExchange, "US").Mfa().CompliantDevice(),
      Expect::Allow()
          .Applied("baseline", kSuccess)
          .Applied("Handle Office 365", kSuccess));
  add("member to Exchange from Finland with MFA -> Office 365 policy excludes "
      "Finland; finski met -> allow",
      Member(kExchange, "FI").Mfa(),
      Expect::Allow().Applied("finski", kSuccess));
  add("guest to API 88cc92be from a mobile app in the US -> only the rare-API "
      "guest policy applies -> challenge mfa",
      Guest(kRareApi, "US").Client(ClientApp::kMobileAppsAndDesktopClients),
      Expect::Challenge(kResource).Needs(RK::kMfa).Applied(
          "Guests handle rare API", kFailure));
  add("gap: guest to API 88cc92be in a browser -> CA005 excludes the API, the "
      "API policy wants mobile apps -> allow",
      Guest(kRareApi, "US"), Expect::Allow());
  add("guest to an LOB app from the US -> baseline excludes guests; CA005 asks "
      "mfa in the resource tenant",
      Guest(kLineOfBusiness, "US"),
      Expect::Challenge(kResource).Needs(RK::kMfa).Applied("CA005", kFailure));
  add("guest to Exchange from the US with resource-tenant MFA -> compliant "
      "device cannot be met by a guest without trust -> block",
      Guest(kExchange, "US")
          .Mfa(ClaimOrigin::kResourceTenant)
          .CompliantDevice(),
      Expect::Block("Handle Office 365")
          .Applied("CA005", kSuccess)
          .Applied("Handle Office 365", kFailure));
  RunScenarios(
      {LinkFilesIntoTenantDir(
          "extreme", {Demo("extreme.json"), Demo("namedLocations.json")})},
      s);
}

TEST(CaOpticsScenariosTest, MultipleGuestTypes) {
  constexpr char kMarketing[] = "a881d286-2b5c-417b-8d7e-c48b516aef83";
  constexpr char kSales[] = "0f30c490-7522-4ed6-b5aa-ef1308789093";
  constexpr char kRole[] = "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3";
  constexpr char kNamedUser[] = "82437bb1-7a18-4701-b0d6-4cd0eaf3bb80";
  std::vector<Scenario> s;
  auto add = [&s](const char* why, RequestBuilder r, Expect e) {
    s.push_back({why, std::move(r), std::move(e)});
  };
  add("plain member -> blockAll blocks", Member(kLineOfBusiness, "US"),
      Expect::Block("blockAll").Applied("blockAll", kFailure));
  add("marketing member on an unregistered device -> excluded from blockAll; "
      "'handle marketing' blocks (filter excludes only ServerAD)",
      Member(kLineOfBusiness, "US").AddGroup(kMarketing),
      Expect::Block("handle marketing").Applied("handle marketing", kFailure));
  add("guest to an LOB app -> blockAll excludes guests; SDa asks mfa",
      Guest(kLineOfBusiness, "US"),
      Expect::Challenge(kResource).Needs(RK::kMfa).Applied("SDa", kFailure));
  add("guest with MFA done in the resource tenant -> allow",
      Guest(kLineOfBusiness, "US").Mfa(ClaimOrigin::kResourceTenant),
      Expect::Allow().Applied("SDa", kSuccess));
  add("guest to API 88cc92be on Windows -> SDa excludes the API; sda2 (listed "
      "platforms, any location) asks mfa",
      Guest(kRareApi, "US"),
      Expect::Challenge(kResource).Needs(RK::kMfa).Applied("sda2", kFailure));
  add("gap: guest to API 88cc92be from an unknown platform -> sda2 lists "
      "platforms explicitly -> allow",
      Guest(kRareApi, "US").OnPlatform(Platform::kUnknown), Expect::Allow());
  add("user holding role 9b895d92 -> excluded from blockAll; SDa asks mfa",
      Member(kLineOfBusiness, "US").AddRole(kRole),
      Expect::Challenge(kResource).Needs(RK::kMfa).Applied("SDa", kFailure));
  add("user holding role 9b895d92 with MFA -> allow",
      Member(kLineOfBusiness, "US").AddRole(kRole).Mfa(),
      Expect::Allow().Applied("SDa", kSuccess));
  add("user 82437bb1 -> blockAll and 'handle marketing' both block; deciding "
      "is the lower id (59d6b116)",
      Member(kLineOfBusiness, "US").User(kNamedUser),
      Expect::Block("handle marketing")
          .Applied("blockAll", kFailure)
          .Applied("handle marketing", kFailure));
  add("user 259fcf40 -> excluded from blockAll, named nowhere else -> allow",
      Member(kLineOfBusiness, "US").User(kExcludedEverywhere), Expect::Allow());
  add("sales member (0f30c490) with MFA -> blockAll and 'handle marketing' "
      "block; deciding is the lower id 59d6b116",
      Member(kLineOfBusiness, "US").AddGroup(kSales).Mfa(),
      Expect::Block("handle marketing")
          .Applied("blockAll", kFailure)
          .Applied("handle marketing", kFailure)
          .Applied("SDa", kSuccess));
  add("direct-connect guest -> cross-tenant service defaults block direct "
      "connect",
      Guest(kLineOfBusiness, "US").External(kGuestHome, kB2bDirectConnectUser),
      Expect::BlockAt(Stage::kCrossTenantAccess));
  RunScenarios({Demo("multipleGuestTypes.json")}, s);
}

TEST(CaOpticsScenariosTest, LargePolicy) {
  constexpr char kFirstExcluded[] = "d8bfa72d-e26f-43cc-a597-bc0a21b1575f";
  constexpr char kLastExcluded[] = "c9d70a0e-c1a4-4660-ac5b-94dd5603b0fa";
  constexpr char kApi14736[] = "881b5d33-671a-43b9-8fd1-ba1e446f607f";
  constexpr char kMgmtApi[] = "ae1ece49-cc61-4d08-86c2-b0246abc3f6a";
  std::vector<Scenario> s;
  auto add = [&s](const char* why, RequestBuilder r, Expect e) {
    s.push_back({why, std::move(r), std::move(e)});
  };
  add("member to an LOB app -> baseline and close-gaps both ask mfa (asked "
      "once)",
      Member(kLineOfBusiness, "US"),
      Expect::Challenge(kResource)
          .Needs(RK::kMfa)
          .Applied("baseline", kFailure)
          .Applied("close-gaps", kFailure));
  add("first of 200 baseline-excluded users -> close-gaps still asks mfa",
      Member(kLineOfBusiness, "US").User(kFirstExcluded),
      Expect::Challenge(kResource).Needs(RK::kMfa).Applied("close-gaps",
                                                           kFailure));
  add("gap: last baseline-excluded user on Exchange ActiveSync -> close-gaps "
      "does not list EAS -> allow",
      Member(kLineOfBusiness, "US")
          .User(kLastExcluded)
          .Client(ClientApp::kExchangeActiveSync),
      Expect::Allow());
  add("baseline-excluded user on an 'other' legacy client -> close-gaps "
      "applies, mfa impossible (D13) -> block",
      Member(kLineOfBusiness, "US")
          .User(kLastExcluded)
          .Client(ClientApp::kOther),
      Expect::Block("close-gaps").Applied("close-gaps", kFailure));
  add("user 259fcf40 is not in baseline's exclusions -> baseline asks mfa; "
      "close-gaps excludes the user",
      Member(kLineOfBusiness, "US").User(kExcludedEverywhere),
      Expect::Challenge(kResource).Needs(RK::kMfa).Applied("baseline",
                                                           kFailure));
  add("member to API 881b5d33 (not excluded from baseline) from the US -> "
      "three policies ask mfa",
      Member(kApi14736, "US"),
      Expect::Challenge(kResource)
          .Needs(RK::kMfa)
          .Applied("api-14736", kFailure)
          .Applied("baseline", kFailure)
          .Applied("close-gaps", kFailure));
  add("member to API 881b5d33 from Finland -> api-14736 excludes Finland; "
      "baseline and close-gaps remain",
      Member(kApi14736, "FI"),
      Expect::Challenge(kResource)
          .Needs(RK::kMfa)
          .Applied("baseline", kFailure)
          .Applied("close-gaps", kFailure));
  add("gap: member to API 88cc92be from Finland -> api-1313 excludes Finland, "
      "baseline and close-gaps exclude the API -> allow",
      Member(kRareApi, "FI"), Expect::Allow());
  add("member to API 88cc92be from the US -> api-1313 asks mfa",
      Member(kRareApi, "US"),
      Expect::Challenge(kResource).Needs(RK::kMfa).Applied("api-1313",
                                                           kFailure));
  add("member to the management API ae1ece49 with MFA -> allow",
      Member(kMgmtApi, "US").Mfa(),
      Expect::Allow()
          .Applied("mgmtApiReader", kSuccess)
          .Applied("close-gaps", kSuccess));
  add("guest to an LOB app -> 'All' users includes guests: baseline and "
      "close-gaps ask mfa in the resource tenant",
      Guest(kLineOfBusiness, "US"),
      Expect::Challenge(kResource)
          .Needs(RK::kMfa)
          .Applied("baseline", kFailure)
          .Applied("close-gaps", kFailure));
  RunScenarios(
      {LinkFilesIntoTenantDir(
          "largePol", {Demo("largePol.json"), Demo("namedLocations.json")})},
      s);
}

}  // namespace
}  // namespace scenarios
}  // namespace crossgate
