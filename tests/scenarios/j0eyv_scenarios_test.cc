// Hand-checked scenarios on j0eyv/ConditionalAccessBaseline (Config/: 39
// Conditional Access policies and 3 named locations exported from a live
// demo tenant; UTF-16). Every expectation was worked out from the policy JSON
// and the spec, not by running an evaluator. No cross-tenant settings are
// exported, so the service defaults apply (spec 2.6: collaboration allowed,
// direct connect blocked, nothing trusted).
//
// Groups and roles that matter (ids from the export):
//   internals ceeac9b8 (CA200-CA210), service accounts 77c1ed37 (CA300-301),
//   break-glass 2802b872 (excluded almost everywhere), Global Administrator
//   role 62e90394 (CA100-CA105).
// Named locations: ALLOWED COUNTRIES = BE, LU, NL (CA001 blocks elsewhere);
// ALLOWED COUNTRIES - SERVICE ACCOUNTS = NL (CA301).

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
constexpr auto kReportOnlySuccess = PolicyResult::kReportOnlySuccess;
constexpr auto kReportOnlyInterrupted = PolicyResult::kReportOnlyInterrupted;
constexpr auto kResource = ChallengeLocation::kResourceTenant;

constexpr char kAlice[] = "a11ce000-0000-4000-8000-000000000001";
constexpr char kHomeTenant[] = "b0b0b0b0-0000-4000-8000-0000000000aa";
constexpr char kGuestHomeId[] = "b0b0b0b0-0000-4000-8000-000000000001";

constexpr char kInternals[] = "ceeac9b8-ddf5-48cb-afcb-e2ab8bfd1a57";
constexpr char kServiceAccounts[] = "77c1ed37-10d0-4ef1-93dc-198e70abb166";
constexpr char kBreakGlass[] = "2802b872-ccfb-4b29-a9a9-459808dfb11b";
constexpr char kCa001Excluded[] = "6499f521-8620-4f4e-92a1-db47c79362e8";
constexpr char kCa002Excluded[] = "8861a932-f1d1-4d1d-a5e6-cdce20fada27";
constexpr char kCa004Excluded[] = "f389fc8e-3965-4ae0-aa53-87511ab05f2b";
constexpr char kCa205Excluded[] = "a76676e6-d7f2-45ff-9973-d6a28680db56";
constexpr char kCa301Excluded[] =
    "813e2655-e8b9-4255-91f5-7761ee2824bb";  // also CA001
constexpr char kCa400Excluded[] =
    "349156c1-2fb1-4ffa-9cd3-5c4418e24e4c";  // also CA000
constexpr char kGlobalAdmin[] = "62e90394-69f5-4237-9190-012177145e10";

constexpr char kExchange[] = "00000002-0000-0ff1-ce00-000000000000";
constexpr char kSharePoint[] = "00000003-0000-0ff1-ce00-000000000000";
constexpr char kAzurePortal[] = "c44b4083-3bb0-49c1-b47d-974e53cbdf3c";
constexpr char kIntuneEnrollment[] = "d4ebce55-015a-49b5-a083-c84d1797ae8c";
constexpr char kGraphCli[] = "14d82eec-204b-4c2f-b7e8-296a70dab67e";
constexpr char kCa207App[] = "f53895d3-095d-408f-8e93-8f94b391404e";
constexpr char kGuestApp[] = "2793995e-0a7d-40d7-bd35-6968ba142197";
constexpr char kLineOfBusiness[] = "10b00000-0000-4000-8000-000000000001";

constexpr char kMfaStrength[] = "00000000-0000-0000-0000-000000000002";
constexpr char kPhishingResistant[] = "00000000-0000-0000-0000-000000000004";

constexpr auto kPassword = policy::v1::AUTHENTICATION_METHOD_MODE_PASSWORD;
constexpr auto kSms = policy::v1::AUTHENTICATION_METHOD_MODE_SMS;
constexpr auto kFido2 = policy::v1::AUTHENTICATION_METHOD_MODE_FIDO2;

// A member of the tenant in a browser on Windows, from the Netherlands.
RequestBuilder Member(const char* app) {
  RequestBuilder b;
  b.Tenant(kPlaceholderTenant)
      .User(kAlice)
      .App(app)
      .Client(ClientApp::kBrowser)
      .OnPlatform(Platform::kWindows)
      .Ip("203.0.113.10")
      .Country("NL");
  return b;
}

RequestBuilder Internal(const char* app) {
  RequestBuilder b = Member(app);
  b.AddGroup(kInternals);
  return b;
}

RequestBuilder Admin(const char* app) {
  RequestBuilder b = Member(app);
  b.AddRole(kGlobalAdmin);
  return b;
}

// A B2B collaboration guest from an Entra tenant with no partner entry.
RequestBuilder Guest(const char* app, uint32_t types = kB2bCollaborationGuest) {
  RequestBuilder b = Member(app);
  b.External(kHomeTenant, types).HomeUser(kGuestHomeId);
  return b;
}

std::vector<Scenario> Scenarios() {
  std::vector<Scenario> s;
  auto add = [&s](const char* why, RequestBuilder r, Expect e) {
    s.push_back({why, std::move(r), std::move(e)});
  };

  // --- Members (CA000-CA006).
  add("member, LOB app, browser, NL, no MFA -> challenge mfa in resource "
      "tenant by CA000",
      Member(kLineOfBusiness),
      Expect::Challenge(kResource).Needs(RK::kMfa).Applied("CA000", kFailure));
  add("member with MFA -> allow; only CA000 applies, no session controls",
      Member(kLineOfBusiness).Mfa(),
      Expect::Allow().Applied("CA000", kSuccess));
  add("member from DE (outside BE/LU/NL) -> CA001 blocks, block wins over "
      "CA000's MFA",
      Member(kLineOfBusiness).Mfa().Country("DE"),
      Expect::Block("CA001")
          .Applied("CA000", kSuccess)
          .Applied("CA001", kFailure));
  add("member whose IP maps to no country -> CA001 blocks (unknown countries "
      "not included)",
      Member(kLineOfBusiness).Mfa().Country(""),
      Expect::Block("CA001")
          .Applied("CA000", kSuccess)
          .Applied("CA001", kFailure));
  add("member from LU with MFA -> allowed country, allow",
      Member(kLineOfBusiness).Mfa().Country("LU"),
      Expect::Allow().Applied("CA000", kSuccess));
  add("member in CA001's excluded group 6499f521 from DE with MFA -> allow",
      Member(kLineOfBusiness).Mfa().Country("DE").AddGroup(kCa001Excluded),
      Expect::Allow().Applied("CA000", kSuccess));
  add("member on Exchange ActiveSync -> CA002 blocks legacy auth (block beats "
      "CA000)",
      Member(kExchange).Client(ClientApp::kExchangeActiveSync),
      Expect::Block("CA002")
          .Applied("CA000", kFailure)
          .Applied("CA002", kFailure));
  add("member excluded from CA002 on an 'other' legacy client, MFA claim -> "
      "CA000 cannot be met (D13) -> block",
      Member(kLineOfBusiness)
          .Client(ClientApp::kOther)
          .Mfa()
          .AddGroup(kCa002Excluded),
      Expect::Block("CA000").Applied("CA000", kFailure));
  add("member registering a device, no MFA -> CA003 (user action) asks for "
      "mfa; app policies do not apply",
      Member(kLineOfBusiness).Action(UserAction::kRegisterDevice),
      Expect::Challenge(kResource).Needs(RK::kMfa).Applied("CA003", kFailure));
  add("member registering a device with MFA -> allow via CA003",
      Member(kLineOfBusiness).Action(UserAction::kRegisterDevice).Mfa(),
      Expect::Allow().Applied("CA003", kSuccess));
  add("member registering security info -> no policy targets that action -> "
      "allow",
      Member(kLineOfBusiness).Action(UserAction::kRegisterSecurityInfo),
      Expect::Allow());
  add("member using device code flow with MFA -> CA004 blocks",
      Member(kLineOfBusiness).Mfa().Flow(AuthenticationFlow::kDeviceCodeFlow),
      Expect::Block("CA004")
          .Applied("CA000", kSuccess)
          .Applied("CA004", kFailure));
  add("member using authentication transfer -> CA004 blocks",
      Member(kLineOfBusiness)
          .Mfa()
          .Flow(AuthenticationFlow::kAuthenticationTransfer),
      Expect::Block("CA004")
          .Applied("CA000", kSuccess)
          .Applied("CA004", kFailure));
  add("member in CA004's excluded group f389fc8e using device code flow with "
      "MFA -> allow",
      Member(kLineOfBusiness)
          .Mfa()
          .Flow(AuthenticationFlow::kDeviceCodeFlow)
          .AddGroup(kCa004Excluded),
      Expect::Allow().Applied("CA000", kSuccess));
  add("member, mobile app on iOS to Exchange, unregistered device, MFA -> "
      "CA005 needs app protection -> block (D10)",
      Member(kExchange)
          .Client(ClientApp::kMobileAppsAndDesktopClients)
          .OnPlatform(Platform::kIos)
          .Mfa(),
      Expect::Block("CA005")
          .Applied("CA000", kSuccess)
          .Applied("CA005", kFailure));
  add("same with an app protection policy in force -> allow with CA005's "
      "app-enforced restrictions",
      Member(kExchange)
          .Client(ClientApp::kMobileAppsAndDesktopClients)
          .OnPlatform(Platform::kIos)
          .Mfa()
          .AppProtection(),
      Expect::Allow()
          .AppEnforcedRestrictions()
          .Applied("CA000", kSuccess)
          .Applied("CA005", kSuccess));
  add("member, browser on Android to SharePoint, MFA, no app protection -> "
      "CA005 blocks; CA006 applies too",
      Member(kSharePoint).OnPlatform(Platform::kAndroid).Mfa(),
      Expect::Block("CA005")
          .Applied("CA000", kSuccess)
          .Applied("CA005", kFailure)
          .Applied("CA006", kSuccess));
  add("member, browser on Windows to SharePoint, unregistered device, MFA -> "
      "allow; CA006 app-enforced restrictions",
      Member(kSharePoint).Mfa(),
      Expect::Allow()
          .AppEnforcedRestrictions()
          .Applied("CA000", kSuccess)
          .Applied("CA006", kSuccess));
  add("member, desktop client on Windows to Exchange -> CA006 is browser-only; "
      "allow with MFA, no session",
      Member(kExchange).Client(ClientApp::kMobileAppsAndDesktopClients).Mfa(),
      Expect::Allow().Applied("CA000", kSuccess));

  // --- Administrators (CA100-CA105).
  add("global admin to Azure portal with password+SMS -> MFA strength, mfa "
      "met; SIF 12h, persistent browser never",
      Admin(kAzurePortal).Mfa().Methods({kPassword, kSms}),
      Expect::Allow()
          .SignInFrequencyMinutes(720)
          .PersistentBrowserNever()
          .Applied("CA000", kSuccess)
          .Applied("CA100", kSuccess)
          .Applied("CA101", kSuccess)
          .Applied("CA102", kSuccess)
          .Applied("CA103", kSuccess)
          .Applied("CA105", kReportOnlyInterrupted));
  add("global admin to Azure portal with an MFA claim but no methods -> "
      "challenge MFA strength (CA100)",
      Admin(kAzurePortal).Mfa(),
      Expect::Challenge(kResource)
          .Needs(RK::kAuthenticationStrength, kMfaStrength)
          .Applied("CA000", kSuccess)
          .Applied("CA100", kFailure)
          .Applied("CA101", kSuccess)
          .Applied("CA102", kSuccess)
          .Applied("CA103", kSuccess)
          .Applied("CA105", kReportOnlyInterrupted));
  add("global admin with FIDO2 -> everything met; report-only CA105 "
      "phishing-resistant succeeds",
      Admin(kAzurePortal).Mfa().Methods({kFido2}),
      Expect::Allow()
          .SignInFrequencyMinutes(720)
          .PersistentBrowserNever()
          .Applied("CA000", kSuccess)
          .Applied("CA100", kSuccess)
          .Applied("CA101", kSuccess)
          .Applied("CA102", kSuccess)
          .Applied("CA103", kSuccess)
          .Applied("CA105", kReportOnlySuccess));
  add("global admin to Graph CLI (excluded from CA105), LOB-like app not an "
      "admin portal -> CA100 not applied",
      Admin(kGraphCli).Mfa().Methods({kPassword, kSms}),
      Expect::Allow()
          .SignInFrequencyMinutes(720)
          .PersistentBrowserNever()
          .Applied("CA000", kSuccess)
          .Applied("CA101", kSuccess)
          .Applied("CA102", kSuccess)
          .Applied("CA103", kSuccess));
  add("global admin without MFA to LOB app on desktop client -> challenge mfa "
      "(CA000, CA101); no persistent browser policy",
      Admin(kLineOfBusiness).Client(ClientApp::kMobileAppsAndDesktopClients),
      Expect::Challenge(kResource)
          .Needs(RK::kMfa)
          .Applied("CA000", kFailure)
          .Applied("CA101", kFailure)
          .Applied("CA102", kSuccess)
          .Applied("CA105", kReportOnlyInterrupted));

  // --- Internal users (CA200-CA210).
  add("internal user on Windows, MFA, no device claims -> CA205 needs "
      "compliant or hybrid -> block (D10)",
      Internal(kLineOfBusiness).Mfa(),
      Expect::Block("CA205")
          .Applied("CA000", kSuccess)
          .Applied("CA200", kSuccess)
          .Applied("CA202", kSuccess)
          .Applied("CA205", kFailure)
          .Applied("CA206", kSuccess)
          .Applied("CA209", kSuccess));
  add("internal user on Windows with MFA and a compliant-device claim -> "
      "allow; SIF 12h, browser never, strict CAE",
      Internal(kLineOfBusiness).Mfa().CompliantDevice(),
      Expect::Allow()
          .SignInFrequencyMinutes(720)
          .PersistentBrowserNever()
          .StrictContinuousAccessEvaluation()
          .Applied("CA000", kSuccess)
          .Applied("CA200", kSuccess)
          .Applied("CA202", kSuccess)
          .Applied("CA205", kSuccess)
          .Applied("CA206", kSuccess)
          .Applied("CA209", kSuccess));
  add("internal user with hybrid-joined device, no MFA -> CA000/CA200 "
      "challenge mfa",
      Internal(kLineOfBusiness).HybridJoinedDevice(),
      Expect::Challenge(kResource)
          .Needs(RK::kMfa)
          .Applied("CA000", kFailure)
          .Applied("CA200", kFailure)
          .Applied("CA202", kSuccess)
          .Applied("CA205", kSuccess)
          .Applied("CA206", kSuccess)
          .Applied("CA209", kSuccess));
  add("internal user on Linux -> CA204 blocks platforms other than "
      "Android/iOS/Windows/macOS",
      Internal(kLineOfBusiness).Mfa().OnPlatform(Platform::kLinux),
      Expect::Block("CA204")
          .Applied("CA000", kSuccess)
          .Applied("CA200", kSuccess)
          .Applied("CA204", kFailure)
          .Applied("CA206", kSuccess)
          .Applied("CA209", kSuccess));
  add("internal user on an unknown platform (ChromeOS) -> CA204 blocks "
      "(unknown matches all, never excluded)",
      Internal(kLineOfBusiness).Mfa().OnPlatform(Platform::kUnknown),
      Expect::Block("CA204")
          .Applied("CA000", kSuccess)
          .Applied("CA200", kSuccess)
          .Applied("CA204", kFailure)
          .Applied("CA206", kSuccess)
          .Applied("CA209", kSuccess));
  add("internal user on macOS with MFA, not compliant -> CA208 blocks (D10); "
      "CA202 still applies",
      Internal(kLineOfBusiness).Mfa().OnPlatform(Platform::kMacOs),
      Expect::Block("CA208")
          .Applied("CA000", kSuccess)
          .Applied("CA200", kSuccess)
          .Applied("CA202", kSuccess)
          .Applied("CA206", kSuccess)
          .Applied("CA208", kFailure)
          .Applied("CA209", kSuccess));
  add("internal user to Intune Enrollment with MFA -> CA203 sign-in every time "
      "beats 12h; CA205 excludes the app",
      Internal(kIntuneEnrollment).Mfa(),
      Expect::Allow()
          .SignInFrequencyMinutes(-1)
          .PersistentBrowserNever()
          .StrictContinuousAccessEvaluation()
          .Applied("CA000", kSuccess)
          .Applied("CA200", kSuccess)
          .Applied("CA202", kSuccess)
          .Applied("CA203", kSuccess)
          .Applied("CA206", kSuccess)
          .Applied("CA209", kSuccess));
  add("internal user with high user risk -> CA201 blocks",
      Internal(kLineOfBusiness)
          .Mfa()
          .CompliantDevice()
          .UserRisk(RiskLevel::kHigh),
      Expect::Block("CA201")
          .Applied("CA000", kSuccess)
          .Applied("CA200", kSuccess)
          .Applied("CA201", kFailure)
          .Applied("CA202", kSuccess)
          .Applied("CA205", kSuccess)
          .Applied("CA206", kSuccess)
          .Applied("CA209", kSuccess));
  add("internal user with high user and sign-in risk -> CA201 and CA210 block; "
      "deciding is CA210 (lower id a9b24259, D14)",
      Internal(kLineOfBusiness)
          .Mfa()
          .CompliantDevice()
          .UserRisk(RiskLevel::kHigh)
          .SignInRisk(RiskLevel::kHigh),
      Expect::Block("CA210")
          .Applied("CA000", kSuccess)
          .Applied("CA200", kSuccess)
          .Applied("CA201", kFailure)
          .Applied("CA202", kSuccess)
          .Applied("CA205", kSuccess)
          .Applied("CA206", kSuccess)
          .Applied("CA209", kSuccess)
          .Applied("CA210", kFailure));
  add("internal user with medium sign-in risk -> CA210 is high only; allow",
      Internal(kLineOfBusiness)
          .Mfa()
          .CompliantDevice()
          .SignInRisk(RiskLevel::kMedium),
      Expect::Allow()
          .SignInFrequencyMinutes(720)
          .PersistentBrowserNever()
          .StrictContinuousAccessEvaluation()
          .Applied("CA000", kSuccess)
          .Applied("CA200", kSuccess)
          .Applied("CA202", kSuccess)
          .Applied("CA205", kSuccess)
          .Applied("CA206", kSuccess)
          .Applied("CA209", kSuccess));
  add("internal user to CA207's app f53895d3 in a browser -> CA207 blocks",
      Internal(kCa207App).Mfa().CompliantDevice(),
      Expect::Block("CA207")
          .Applied("CA000", kSuccess)
          .Applied("CA200", kSuccess)
          .Applied("CA202", kSuccess)
          .Applied("CA205", kSuccess)
          .Applied("CA206", kSuccess)
          .Applied("CA207", kFailure)
          .Applied("CA209", kSuccess));
  add("internal user in CA205's excluded group a76676e6 on Windows with MFA -> "
      "allow without device",
      Internal(kLineOfBusiness).Mfa().AddGroup(kCa205Excluded),
      Expect::Allow()
          .SignInFrequencyMinutes(720)
          .PersistentBrowserNever()
          .StrictContinuousAccessEvaluation()
          .Applied("CA000", kSuccess)
          .Applied("CA200", kSuccess)
          .Applied("CA202", kSuccess)
          .Applied("CA206", kSuccess)
          .Applied("CA209", kSuccess));

  // --- Service accounts (CA300-CA301).
  add("service account from NL with MFA -> allow; CA301 excludes its allowed "
      "country",
      Member(kLineOfBusiness).AddGroup(kServiceAccounts).Mfa(),
      Expect::Allow().Applied("CA000", kSuccess).Applied("CA300", kSuccess));
  add("service account from BE -> CA301 blocks (service accounts: NL only)",
      Member(kLineOfBusiness).AddGroup(kServiceAccounts).Mfa().Country("BE"),
      Expect::Block("CA301")
          .Applied("CA000", kSuccess)
          .Applied("CA300", kSuccess)
          .Applied("CA301", kFailure));
  add("service account in 813e2655 (excluded from CA001 and CA301) from DE "
      "with MFA -> allow",
      Member(kLineOfBusiness)
          .AddGroup(kServiceAccounts)
          .AddGroup(kCa301Excluded)
          .Mfa()
          .Country("DE"),
      Expect::Allow().Applied("CA000", kSuccess).Applied("CA300", kSuccess));

  // --- Guests (CA400-CA404).
  add("B2B guest to an LOB app -> CA401 blocks guests outside Office 365 and "
      "the guest app",
      Guest(kLineOfBusiness),
      Expect::Block("CA401")
          .Applied("CA000", kFailure)
          .Applied("CA400", kFailure)
          .Applied("CA401", kFailure)
          .Applied("CA402", kSuccess)
          .Applied("CA403", kSuccess));
  add("B2B guest to SharePoint, no MFA -> challenge mfa in the resource tenant "
      "(no MFA trust), asked once",
      Guest(kSharePoint),
      Expect::Challenge(kResource)
          .Needs(RK::kMfa)
          .Applied("CA000", kFailure)
          .Applied("CA006", kSuccess)
          .Applied("CA400", kFailure)
          .Applied("CA402", kSuccess)
          .Applied("CA403", kSuccess));
  add("B2B guest to SharePoint with MFA done in the resource tenant -> allow; "
      "SIF 12h, browser never, AER",
      Guest(kSharePoint).Mfa(ClaimOrigin::kResourceTenant),
      Expect::Allow()
          .SignInFrequencyMinutes(720)
          .PersistentBrowserNever()
          .AppEnforcedRestrictions()
          .Applied("CA000", kSuccess)
          .Applied("CA006", kSuccess)
          .Applied("CA400", kSuccess)
          .Applied("CA402", kSuccess)
          .Applied("CA403", kSuccess));
  add("B2B guest with only a home-tenant MFA claim -> not trusted by default, "
      "challenged in the resource tenant",
      Guest(kSharePoint).Mfa(ClaimOrigin::kHomeTenant),
      Expect::Challenge(kResource)
          .Needs(RK::kMfa)
          .Applied("CA000", kFailure)
          .Applied("CA006", kSuccess)
          .Applied("CA400", kFailure)
          .Applied("CA402", kSuccess)
          .Applied("CA403", kSuccess));
  add("B2B guest to the allowed guest app 2793995e on desktop client -> CA401 "
      "excluded; challenge mfa",
      Guest(kGuestApp).Client(ClientApp::kMobileAppsAndDesktopClients),
      Expect::Challenge(kResource)
          .Needs(RK::kMfa)
          .Applied("CA000", kFailure)
          .Applied("CA400", kFailure)
          .Applied("CA402", kSuccess));
  add("B2B guest to the Azure portal -> CA401 and CA404 block; deciding CA401 "
      "(lower id)",
      Guest(kAzurePortal).Mfa(ClaimOrigin::kResourceTenant),
      Expect::Block("CA401")
          .Applied("CA000", kSuccess)
          .Applied("CA400", kSuccess)
          .Applied("CA401", kFailure)
          .Applied("CA402", kSuccess)
          .Applied("CA403", kSuccess)
          .Applied("CA404", kFailure));
  add("B2B collaboration member (userType Member) to Exchange with resource "
      "MFA -> guest policies apply, allow",
      Guest(kExchange, kB2bCollaborationMember)
          .Mfa(ClaimOrigin::kResourceTenant),
      Expect::Allow()
          .SignInFrequencyMinutes(720)
          .PersistentBrowserNever()
          .AppEnforcedRestrictions()
          .Applied("CA000", kSuccess)
          .Applied("CA006", kSuccess)
          .Applied("CA400", kSuccess)
          .Applied("CA402", kSuccess)
          .Applied("CA403", kSuccess));
  add("direct-connect user -> service-default cross-tenant settings block "
      "direct connect; no policy results (D5)",
      Guest(kSharePoint, kB2bDirectConnectUser),
      Expect::BlockAt(Stage::kCrossTenantAccess));
  add("internal guest (credentials in this tenant) to SharePoint -> CA400 mfa, "
      "challenged in the resource tenant",
      Member(kSharePoint).External(kPlaceholderTenant, kInternalGuest),
      Expect::Challenge(kResource)
          .Needs(RK::kMfa)
          .Applied("CA000", kFailure)
          .Applied("CA006", kSuccess)
          .Applied("CA400", kFailure)
          .Applied("CA402", kSuccess)
          .Applied("CA403", kSuccess));
  add("service-provider-only user to LOB app -> CA400 lists serviceProvider, "
      "CA401 does not; challenge mfa",
      Guest(kLineOfBusiness, kServiceProvider),
      Expect::Challenge(kResource)
          .Needs(RK::kMfa)
          .Applied("CA000", kFailure)
          .Applied("CA400", kFailure)
          .Applied("CA402", kSuccess)
          .Applied("CA403", kSuccess));
  add("guest in 349156c1 (excluded from CA000 and CA400) to SharePoint -> no "
      "grant needed; guest sessions",
      Guest(kSharePoint).AddGroup(kCa400Excluded),
      Expect::Allow()
          .SignInFrequencyMinutes(720)
          .PersistentBrowserNever()
          .AppEnforcedRestrictions()
          .Applied("CA006", kSuccess)
          .Applied("CA402", kSuccess)
          .Applied("CA403", kSuccess));
  add("email one-time-passcode guest to SharePoint -> skips cross-tenant "
      "settings; mfa asked in resource tenant",
      Member(kSharePoint)
          .External("", kB2bCollaborationGuest,
                    IdentitySource::kEmailOneTimePasscode),
      Expect::Challenge(kResource)
          .Needs(RK::kMfa)
          .Applied("CA000", kFailure)
          .Applied("CA006", kSuccess)
          .Applied("CA400", kFailure)
          .Applied("CA402", kSuccess)
          .Applied("CA403", kSuccess));

  // --- Break-glass and workload identities.
  add("break-glass account (2802b872) from DE without MFA -> excluded from "
      "every policy that could apply -> allow",
      Member(kLineOfBusiness).AddGroup(kBreakGlass).Country("DE"),
      Expect::Allow());
  add("break-glass account on Exchange ActiveSync -> excluded from CA002 and "
      "CA000 -> allow",
      Member(kLineOfBusiness)
          .AddGroup(kBreakGlass)
          .Client(ClientApp::kExchangeActiveSync),
      Expect::Allow());
  add("break-glass account to SharePoint in a browser -> CA006 does not "
      "exclude it; allow with AER",
      Member(kSharePoint).AddGroup(kBreakGlass),
      Expect::Allow().AppEnforcedRestrictions().Applied("CA006", kSuccess));
  {
    RequestBuilder sp;
    sp.Tenant(kPlaceholderTenant)
        .ServicePrincipal("5e000000-0000-4000-8000-000000000001")
        .App(kExchange)
        .ServicePrincipalRisk(RiskLevel::kHigh);
    add("workload identity with high risk -> no policy names service "
        "principals (agents are not modelled) -> allow",
        sp, Expect::Allow());
  }
  return s;
}

TEST(J0eyvScenariosTest, HandCheckedDecisions) {
  std::vector<Scenario> scenarios = Scenarios();
  EXPECT_GE(scenarios.size(), 45u);
  RunScenarios({testing::CorpusPath("j0eyv__ConditionalAccessBaseline/Config")},
               scenarios);
}

}  // namespace
}  // namespace scenarios
}  // namespace crossgate
