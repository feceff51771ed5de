// Hand-checked scenarios on Cloudshield-io/Conditional-Access-Framework
// (Config/: 41 Conditional Access policies, 4 named locations, 2 custom
// authentication strengths; Graph beta GET bodies of a live tenant). Only two
// policies are enabled:
//   CA100 admins (24 role templates, Global Administrator 62e90394 and
//         9b895d92 among them), All apps, built-in Phishing-resistant MFA
//         strength (00..04); excludes groups 8072f500 (break glass), df65a669;
//   CA101 the same roles registering security info, custom strength
//         6f1ed154 "Phishing-resistant MFA or TAP" (WHfB, FIDO2, CBA
//         multi-factor, TAP one-time, TAP multi-use); excludes 8072f500,
//         d410c553.
// Every other policy is disabled and must report notEnabled. No cross-tenant
// settings: service defaults, nothing trusted.

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

constexpr char kAlice[] = "a11ce000-0000-4000-8000-000000000002";
constexpr char kGlobalAdmin[] = "62e90394-69f5-4237-9190-012177145e10";
constexpr char kAppAdmin[] = "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3";
constexpr char kBreakGlass[] = "8072f500-ee01-4cc9-accc-230f11be2d5e";
constexpr char kCa100Excluded[] = "df65a669-5b26-4aea-a1e2-7a496f02da5e";
constexpr char kCa101Excluded[] = "d410c553-5c30-4874-93d6-db32eed85539";
constexpr char kLineOfBusiness[] = "10b00000-0000-4000-8000-000000000002";
constexpr char kPhishingResistant[] = "00000000-0000-0000-0000-000000000004";
constexpr char kPhishingResistantOrTap[] =
    "6f1ed154-c9eb-4217-9cbe-e3d690bdc8ce";

using M = policy::v1::AuthenticationMethodMode;
constexpr M kPassword = policy::v1::AUTHENTICATION_METHOD_MODE_PASSWORD;
constexpr M kSms = policy::v1::AUTHENTICATION_METHOD_MODE_SMS;
constexpr M kFido2 = policy::v1::AUTHENTICATION_METHOD_MODE_FIDO2;
constexpr M kWhfb =
    policy::v1::AUTHENTICATION_METHOD_MODE_WINDOWS_HELLO_FOR_BUSINESS;
constexpr M kCbaMulti =
    policy::v1::AUTHENTICATION_METHOD_MODE_X509_CERTIFICATE_MULTI_FACTOR;
constexpr M kTapOnce =
    policy::v1::AUTHENTICATION_METHOD_MODE_TEMPORARY_ACCESS_PASS_ONE_TIME;
constexpr M kTapMulti =
    policy::v1::AUTHENTICATION_METHOD_MODE_TEMPORARY_ACCESS_PASS_MULTI_USE;
constexpr M kHardwareOath =
    policy::v1::AUTHENTICATION_METHOD_MODE_HARDWARE_OATH;
constexpr M kFederatedMulti =
    policy::v1::AUTHENTICATION_METHOD_MODE_FEDERATED_MULTI_FACTOR;

RequestBuilder Member() {
  RequestBuilder b;
  b.Tenant(kPlaceholderTenant)
      .User(kAlice)
      .App(kLineOfBusiness)
      .Client(ClientApp::kBrowser)
      .OnPlatform(Platform::kWindows)
      .Ip("198.51.100.20")
      .Country("NL");
  return b;
}

RequestBuilder GlobalAdmin() {
  RequestBuilder b = Member();
  b.AddRole(kGlobalAdmin);
  return b;
}

std::vector<Scenario> Scenarios() {
  std::vector<Scenario> s;
  auto add = [&s](const char* why, RequestBuilder r, Expect e) {
    s.push_back({why, std::move(r), std::move(e)});
  };
  add("member without admin roles -> no enabled policy applies; all others "
      "notEnabled -> allow",
      Member(), Expect::Allow());
  add("global admin with password+SMS -> phishing-resistant strength unmet -> "
      "challenge in resource tenant (CA100)",
      GlobalAdmin().Mfa().Methods({kPassword, kSms}),
      Expect::Challenge(kResource)
          .Needs(RK::kAuthenticationStrength, kPhishingResistant)
          .Applied("CA100", kFailure));
  add("global admin with no methods yet -> challenge phishing-resistant "
      "strength",
      GlobalAdmin(),
      Expect::Challenge(kResource)
          .Needs(RK::kAuthenticationStrength, kPhishingResistant)
          .Applied("CA100", kFailure));
  add("global admin with FIDO2 -> strength met -> allow",
      GlobalAdmin().Mfa().Methods({kFido2}),
      Expect::Allow().Applied("CA100", kSuccess));
  add("global admin with Windows Hello for Business -> allow",
      GlobalAdmin().Mfa().Methods({kWhfb}),
      Expect::Allow().Applied("CA100", kSuccess));
  add("global admin with multi-factor certificate -> allow",
      GlobalAdmin().Mfa().Methods({kCbaMulti}),
      Expect::Allow().Applied("CA100", kSuccess));
  add("global admin with a one-time TAP -> TAP is not phishing resistant -> "
      "challenge",
      GlobalAdmin().Mfa().Methods({kTapOnce}),
      Expect::Challenge(kResource)
          .Needs(RK::kAuthenticationStrength, kPhishingResistant)
          .Applied("CA100", kFailure));
  add("global admin with password + hardware OATH -> challenge",
      GlobalAdmin().Mfa().Methods({kPassword, kHardwareOath}),
      Expect::Challenge(kResource)
          .Needs(RK::kAuthenticationStrength, kPhishingResistant)
          .Applied("CA100", kFailure));
  add("global admin with federated MFA -> not in the phishing-resistant list "
      "-> challenge",
      GlobalAdmin().Mfa().Methods({kFederatedMulti}),
      Expect::Challenge(kResource)
          .Needs(RK::kAuthenticationStrength, kPhishingResistant)
          .Applied("CA100", kFailure));
  add("global admin in CA100's excluded group df65a669 -> allow without strong "
      "auth",
      GlobalAdmin().AddGroup(kCa100Excluded), Expect::Allow());
  add("global admin in the break-glass group 8072f500 -> excluded from both "
      "enabled policies -> allow",
      GlobalAdmin().AddGroup(kBreakGlass), Expect::Allow());
  add("application administrator (9b895d92, also listed) with FIDO2 -> allow",
      Member().AddRole(kAppAdmin).Mfa().Methods({kFido2}),
      Expect::Allow().Applied("CA100", kSuccess));
  add("global admin registering security info with a one-time TAP -> CA101 "
      "custom strength met; CA100 targets apps only",
      GlobalAdmin()
          .Action(UserAction::kRegisterSecurityInfo)
          .Methods({kTapOnce}),
      Expect::Allow().Applied("CA101", kSuccess));
  add("global admin registering security info with a multi-use TAP -> allow",
      GlobalAdmin()
          .Action(UserAction::kRegisterSecurityInfo)
          .Methods({kTapMulti}),
      Expect::Allow().Applied("CA101", kSuccess));
  add("global admin registering security info with password+SMS -> challenge "
      "custom strength 6f1ed154",
      GlobalAdmin()
          .Action(UserAction::kRegisterSecurityInfo)
          .Mfa()
          .Methods({kPassword, kSms}),
      Expect::Challenge(kResource)
          .Needs(RK::kAuthenticationStrength, kPhishingResistantOrTap)
          .Applied("CA101", kFailure));
  add("global admin in CA101's excluded group d410c553 registering security "
      "info -> allow",
      GlobalAdmin()
          .Action(UserAction::kRegisterSecurityInfo)
          .AddGroup(kCa101Excluded),
      Expect::Allow());
  add("global admin registering a device -> only the disabled CA050 targets it "
      "-> allow",
      GlobalAdmin().Action(UserAction::kRegisterDevice), Expect::Allow());
  add("member registering security info -> CA101 is for admins only -> allow",
      Member().Action(UserAction::kRegisterSecurityInfo), Expect::Allow());
  add("global admin on Exchange ActiveSync with FIDO2 -> legacy client cannot "
      "satisfy a strength (D13) -> block",
      GlobalAdmin()
          .Client(ClientApp::kExchangeActiveSync)
          .Mfa()
          .Methods({kFido2}),
      Expect::Block("CA100").Applied("CA100", kFailure));
  add("guest holding Global Administrator, no MFA trust -> phishing-resistant "
      "unreachable in the resource tenant (6.4) -> block",
      GlobalAdmin()
          .External("c0ffee00-0000-4000-8000-0000000000aa",
                    kB2bCollaborationGuest)
          .HomeUser("c0ffee00-0000-4000-8000-000000000001"),
      Expect::Block("CA100").Applied("CA100", kFailure));
  add("same guest with a home FIDO2 sign-in -> home methods do not count "
      "without trust -> block",
      GlobalAdmin()
          .External("c0ffee00-0000-4000-8000-0000000000aa",
                    kB2bCollaborationGuest)
          .HomeUser("c0ffee00-0000-4000-8000-000000000001")
          .Mfa(ClaimOrigin::kHomeTenant)
          .Methods({kFido2}),
      Expect::Block("CA100").Applied("CA100", kFailure));
  add("one-time-passcode guest holding Global Administrator -> strengths are "
      "for Entra identities only -> block",
      GlobalAdmin().External("", kB2bCollaborationGuest,
                             IdentitySource::kEmailOneTimePasscode),
      Expect::Block("CA100").Applied("CA100", kFailure));
  {
    RequestBuilder sp;
    sp.Tenant(kPlaceholderTenant)
        .ServicePrincipal("5e000000-0000-4000-8000-000000000002")
        .App(kLineOfBusiness);
    add("workload identity -> no enabled policy names service principals -> "
        "allow",
        sp, Expect::Allow());
  }
  return s;
}

TEST(CloudshieldScenariosTest, HandCheckedDecisions) {
  std::vector<Scenario> scenarios = Scenarios();
  EXPECT_GE(scenarios.size(), 20u);
  RunScenarios({testing::CorpusPath(
                   "Cloudshield-io__Conditional-Access-Framework/Config")},
               scenarios);
}

}  // namespace
}  // namespace scenarios
}  // namespace crossgate
