#include "lib/collaboration/compiled_collaboration.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "lib/collaboration/domain.h"
#include "lib/cross_tenant/guid_set.h"
#include "lib/load/compile_issue_scope.h"

namespace crossgate::collaboration {

struct CompiledExternalCollaboration::State {
  Guid tenant_id;
  bool authorization_policy_present = false;
  AllowInvitesFrom allow_invites_from = AllowInvitesFrom::kEveryone;
  DomainListMode domain_mode = DomainListMode::kNoList;
  absl::flat_hash_set<std::string> domains;  // normalized
  bool domain_policy_invalid = false;
  bool sign_up_policy_present = false;
  bool sign_up_enabled = false;
  cross_tenant::GuidSet sign_up_apps;
  bool email_otp_enabled = true;
  bool redemption_configured = false;
  std::vector<RedemptionProvider> redemption_primary;
  RedemptionProvider redemption_fallback =
      RedemptionProvider::kDefaultConfiguredIdp;
  GuestAccessLevel guest_level = GuestAccessLevel::kLimited;
  Guid guest_role_id;
  bool has_errors = false;
};

namespace {

using policy::v1::AuthorizationPolicy;
using policy::v1::EmailOtpConfiguration;
using policy::v1::InvitationRedemptionIdentityProviderConfiguration;
using State = CompiledExternalCollaboration::State;

constexpr absl::string_view kGuestRoleSameAsMembers =
    "a0b1b346-4d3e-4e8b-98f8-753987be4970";
constexpr absl::string_view kGuestRoleLimited =
    "10dae51f-b6af-4016-8d66-8c2a99b929b3";
constexpr absl::string_view kGuestRoleRestricted =
    "2af84b1e-32c8-42b7-82bc-daa82404023b";

void CompileAuthorization(const policy::v1::TenantPolicies& tenant,
                          const std::string& tenant_path, State& state,
                          IssueCollector& issues) {
  state.guest_role_id = *ParseGuid(kGuestRoleLimited);
  if (!tenant.has_authorization_policy()) return;  // D6: everyone
  state.authorization_policy_present = true;
  const AuthorizationPolicy& policy = tenant.authorization_policy();
  const std::string path = absl::StrCat(tenant_path, "/authorizationPolicy");
  switch (policy.allow_invites_from()) {
    case AuthorizationPolicy::ALLOW_INVITES_FROM_NONE:
      state.allow_invites_from = AllowInvitesFrom::kNone;
      break;
    case AuthorizationPolicy::ALLOW_INVITES_FROM_ADMINS_AND_GUEST_INVITERS:
      state.allow_invites_from = AllowInvitesFrom::kAdminsAndGuestInviters;
      break;
    case AuthorizationPolicy::
        ALLOW_INVITES_FROM_ADMINS_GUEST_INVITERS_AND_ALL_MEMBERS:
      state.allow_invites_from =
          AllowInvitesFrom::kAdminsGuestInvitersAndAllMembers;
      break;
    case AuthorizationPolicy::ALLOW_INVITES_FROM_EVERYONE:
    case AuthorizationPolicy::ALLOW_INVITES_FROM_UNSPECIFIED:
      // An absent property reads like an absent policy (D6).
      state.allow_invites_from = AllowInvitesFrom::kEveryone;
      break;
    default:
      issues.Error(IssueCode::kUnknownEnum,
                   absl::StrCat(path, "/allowInvitesFrom"),
                   "unknown allowInvitesFrom; nobody may invite (fail closed)");
      state.allow_invites_from = AllowInvitesFrom::kNone;
  }

  if (policy.guest_user_role_id().empty()) return;
  absl::optional<Guid> role = ParseGuid(policy.guest_user_role_id());
  if (!role.has_value()) {
    issues.Error(
        IssueCode::kBadGuid, absl::StrCat(path, "/guestUserRoleId"),
        absl::StrCat("'", policy.guest_user_role_id(), "' is not a GUID"));
    state.guest_level = GuestAccessLevel::kUnknown;
    return;
  }
  state.guest_role_id = *role;
  if (*role == *ParseGuid(kGuestRoleSameAsMembers)) {
    state.guest_level = GuestAccessLevel::kSameAsMembers;
  } else if (*role == *ParseGuid(kGuestRoleLimited)) {
    state.guest_level = GuestAccessLevel::kLimited;
  } else if (*role == *ParseGuid(kGuestRoleRestricted)) {
    state.guest_level = GuestAccessLevel::kRestricted;
  } else {
    issues.Warning(IssueCode::kUnknownKeyword,
                   absl::StrCat(path, "/guestUserRoleId"),
                   "unknown guest role template id; reported as unknown");
    state.guest_level = GuestAccessLevel::kUnknown;
  }
}

void CompileDomains(const policy::v1::TenantPolicies& tenant,
                    const std::string& tenant_path, State& state,
                    IssueCollector& issues) {
  const policy::v1::InvitationDomainPolicy& policy =
      tenant.invitation_domain_policy();
  const std::string path = absl::StrCat(tenant_path, "/invitationDomainPolicy");
  const bool allow = policy.allowed_domains_size() > 0;
  const bool block = policy.blocked_domains_size() > 0;
  if (allow && block) {
    // D6: one mode only; both lists is invalid data.
    issues.Error(IssueCode::kInvalidCombination, path,
                 "both allowedDomains and blockedDomains are set (D6); every "
                 "invitation is denied (fail closed)");
    state.domain_policy_invalid = true;
  }
  state.domain_mode =
      allow ? DomainListMode::kAllowList
            : (block ? DomainListMode::kBlockList : DomainListMode::kNoList);
  const auto& list =
      allow ? policy.allowed_domains() : policy.blocked_domains();
  const absl::string_view name = allow ? "allowedDomains" : "blockedDomains";
  for (int i = 0; i < list.size(); ++i) {
    DomainBuffer buffer;
    DomainError error;
    absl::optional<absl::string_view> domain =
        NormalizeDomain(list[i], &buffer, &error);
    if (!domain.has_value()) {
      issues.Error(IssueCode::kBadDomain,
                   absl::StrCat(path, "/", name, "[", i, "]"),
                   absl::StrCat("'", list[i], "': ", DomainErrorName(error),
                                "; every invitation is denied (fail closed)"));
      state.domain_policy_invalid = true;
      continue;
    }
    state.domains.insert(std::string(*domain));
  }
}

void CompileSignUp(const policy::v1::TenantPolicies& tenant,
                   const std::string& tenant_path, State& state,
                   IssueCollector& issues) {
  if (!tenant.has_authentication_flows_policy()) return;  // disabled
  const auto& policy = tenant.authentication_flows_policy();
  state.sign_up_policy_present = true;
  state.sign_up_enabled = policy.has_self_service_sign_up_enabled() &&
                          policy.self_service_sign_up_enabled();
  std::vector<Guid> apps;
  for (int i = 0; i < policy.self_service_sign_up_application_ids_size(); ++i) {
    absl::optional<Guid> app =
        ParseGuid(policy.self_service_sign_up_application_ids(i));
    if (!app.has_value()) {
      issues.Error(IssueCode::kBadGuid,
                   absl::StrCat(tenant_path,
                                "/authenticationFlowsPolicy/"
                                "selfServiceSignUpApplicationIds[",
                                i, "]"),
                   "not an application id; the entry is ignored");
      continue;
    }
    apps.push_back(*app);
  }
  state.sign_up_apps = cross_tenant::GuidSet(std::move(apps));
}

void CompileEmailOtp(const policy::v1::TenantPolicies& tenant,
                     const std::string& tenant_path, State& state,
                     IssueCollector& issues) {
  if (!tenant.has_email_otp_configuration()) return;  // on (spec 3.4)
  switch (
      tenant.email_otp_configuration().allow_external_id_to_use_email_otp()) {
    case EmailOtpConfiguration::EXTERNAL_ID_OTP_UNSPECIFIED:
    case EmailOtpConfiguration::EXTERNAL_ID_OTP_DEFAULT:
    case EmailOtpConfiguration::EXTERNAL_ID_OTP_ENABLED:
      state.email_otp_enabled = true;
      break;
    case EmailOtpConfiguration::EXTERNAL_ID_OTP_DISABLED:
      state.email_otp_enabled = false;
      break;
    default:
      issues.Error(
          IssueCode::kUnknownEnum,
          absl::StrCat(tenant_path,
                       "/emailOtpConfiguration/allowExternalIdToUseEmailOtp"),
          "unknown value; email OTP is read as disabled");
      state.email_otp_enabled = false;
  }
}

absl::optional<RedemptionProvider> FromProto(
    InvitationRedemptionIdentityProviderConfiguration::IdentityProvider p) {
  using C = InvitationRedemptionIdentityProviderConfiguration;
  switch (p) {
    case C::IDENTITY_PROVIDER_AZURE_ACTIVE_DIRECTORY:
      return RedemptionProvider::kAzureActiveDirectory;
    case C::IDENTITY_PROVIDER_EXTERNAL_FEDERATION:
      return RedemptionProvider::kExternalFederation;
    case C::IDENTITY_PROVIDER_SOCIAL_IDENTITY_PROVIDERS:
      return RedemptionProvider::kSocialIdentityProviders;
    case C::IDENTITY_PROVIDER_EMAIL_ONE_TIME_PASSCODE:
      return RedemptionProvider::kEmailOneTimePasscode;
    case C::IDENTITY_PROVIDER_MICROSOFT_ACCOUNT:
      return RedemptionProvider::kMicrosoftAccount;
    case C::IDENTITY_PROVIDER_DEFAULT_CONFIGURED_IDP:
      return RedemptionProvider::kDefaultConfiguredIdp;
    default:
      return absl::nullopt;
  }
}

bool IsPrimaryProvider(RedemptionProvider p) {
  return p == RedemptionProvider::kAzureActiveDirectory ||
         p == RedemptionProvider::kExternalFederation ||
         p == RedemptionProvider::kSocialIdentityProviders;
}

void CompileRedemption(const policy::v1::TenantPolicies& tenant,
                       const std::string& tenant_path, State& state,
                       IssueCollector& issues) {
  const auto& def = tenant.cross_tenant_access_policy().default_configuration();
  if (!def.has_invitation_redemption_identity_provider_configuration()) {
    // Service default order (crossgate reading; see docs/cross-tenant.md).
    state.redemption_primary = {RedemptionProvider::kAzureActiveDirectory,
                                RedemptionProvider::kExternalFederation,
                                RedemptionProvider::kSocialIdentityProviders};
    return;
  }
  state.redemption_configured = true;
  const auto& config =
      def.invitation_redemption_identity_provider_configuration();
  const std::string path =
      absl::StrCat(tenant_path,
                   "/crossTenantAccessPolicy/default/"
                   "invitationRedemptionIdentityProviderConfiguration");
  for (int i = 0; i < config.primary_identity_provider_precedence_order_size();
       ++i) {
    const std::string entry_path =
        absl::StrCat(path, "/primaryIdentityProviderPrecedenceOrder[", i, "]");
    absl::optional<RedemptionProvider> p =
        FromProto(config.primary_identity_provider_precedence_order(i));
    if (!p.has_value()) {
      issues.Error(IssueCode::kUnknownEnum, entry_path,
                   "unknown identity provider; the entry is dropped");
      continue;
    }
    if (!IsPrimaryProvider(*p)) {
      issues.Error(IssueCode::kInvalidCombination, entry_path,
                   absl::StrCat(RedemptionProviderName(*p),
                                " is a fallback provider, not a primary one; "
                                "the entry is dropped"));
      continue;
    }
    if (std::find(state.redemption_primary.begin(),
                  state.redemption_primary.end(),
                  *p) != state.redemption_primary.end()) {
      issues.Error(
          IssueCode::kDuplicateId, entry_path,
          "identity provider listed twice; the later entry is dropped");
      continue;
    }
    state.redemption_primary.push_back(*p);
  }
  if (config.fallback_identity_provider() ==
      InvitationRedemptionIdentityProviderConfiguration::
          IDENTITY_PROVIDER_UNSPECIFIED) {
    return;  // defaultConfiguredIdp
  }
  absl::optional<RedemptionProvider> fallback =
      FromProto(config.fallback_identity_provider());
  if (!fallback.has_value() || IsPrimaryProvider(*fallback)) {
    issues.Error(IssueCode::kInvalidCombination,
                 absl::StrCat(path, "/fallbackIdentityProvider"),
                 "the fallback must be defaultConfiguredIdp, "
                 "emailOneTimePasscode or microsoftAccount; "
                 "defaultConfiguredIdp is used");
    return;
  }
  state.redemption_fallback = *fallback;
}

}  // namespace

absl::StatusOr<CompiledExternalCollaboration>
CompiledExternalCollaboration::Compile(
    const policy::v1::TenantPolicies& tenant,
    const CollaborationCompileOptions& options, IssueCollector* issues) {
  CompileIssueScope scope(issues, "collaboration settings");
  IssueCollector& sink = scope.sink();
  absl::StatusOr<Guid> tenant_id = scope.TenantId(tenant);
  if (!tenant_id.ok()) return tenant_id.status();
  const std::string tenant_path = TenantPath(*tenant_id);
  auto state = std::make_unique<State>();
  state->tenant_id = *tenant_id;
  CompileAuthorization(tenant, tenant_path, *state, sink);
  CompileDomains(tenant, tenant_path, *state, sink);
  CompileSignUp(tenant, tenant_path, *state, sink);
  CompileEmailOtp(tenant, tenant_path, *state, sink);
  CompileRedemption(tenant, tenant_path, *state, sink);

  state->has_errors = scope.has_errors();
  if (state->has_errors && options.fail_on_error) return scope.FirstError();
  return CompiledExternalCollaboration(
      std::shared_ptr<const State>(std::move(state)));
}

const Guid& CompiledExternalCollaboration::tenant_id() const noexcept {
  return state_->tenant_id;
}
AllowInvitesFrom CompiledExternalCollaboration::allow_invites_from()
    const noexcept {
  return state_->allow_invites_from;
}
bool CompiledExternalCollaboration::authorization_policy_present()
    const noexcept {
  return state_->authorization_policy_present;
}
DomainListMode CompiledExternalCollaboration::domain_mode() const noexcept {
  return state_->domain_mode;
}
bool CompiledExternalCollaboration::DomainListed(
    absl::string_view normalized_domain) const noexcept {
  // Heterogeneous lookup: no std::string is built.
  return state_->domains.contains(normalized_domain);
}
bool CompiledExternalCollaboration::domain_policy_invalid() const noexcept {
  return state_->domain_policy_invalid;
}
bool CompiledExternalCollaboration::self_service_sign_up_policy_present()
    const noexcept {
  return state_->sign_up_policy_present;
}
bool CompiledExternalCollaboration::self_service_sign_up_enabled()
    const noexcept {
  return state_->sign_up_enabled;
}
bool CompiledExternalCollaboration::HasSignUpUserFlow(
    const Guid& app) const noexcept {
  return !app.is_zero() && state_->sign_up_apps.Contains(app);
}
bool CompiledExternalCollaboration::email_otp_enabled_for_guests()
    const noexcept {
  return state_->email_otp_enabled;
}
absl::Span<const RedemptionProvider>
CompiledExternalCollaboration::redemption_primary() const noexcept {
  return state_->redemption_primary;
}
RedemptionProvider CompiledExternalCollaboration::redemption_fallback()
    const noexcept {
  return state_->redemption_fallback;
}
bool CompiledExternalCollaboration::redemption_configured() const noexcept {
  return state_->redemption_configured;
}
GuestAccessLevel CompiledExternalCollaboration::guest_access_level()
    const noexcept {
  return state_->guest_level;
}
const Guid& CompiledExternalCollaboration::guest_user_role_id() const noexcept {
  return state_->guest_role_id;
}
bool CompiledExternalCollaboration::has_errors() const noexcept {
  return state_->has_errors;
}

}  // namespace crossgate::collaboration
