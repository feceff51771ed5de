// External collaboration settings, app sets and authentication strengths in
// the model (entra-semantics.md sections 3 and 6; D6, D18).

#include <algorithm>
#include <iterator>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "lib/load/keywords.h"
#include "lib/load/validate_enum.h"
#include "lib/load/validate_internal.h"

namespace crossgate {
namespace load_internal {
namespace {

namespace pb = ::crossgate::policy::v1;

// A lower-case DNS name of at least two labels: [a-z0-9-], labels of 1-63
// characters not starting or ending with '-', at most 253 characters. IDNs
// must be given in punycode (`xn--`).
absl::string_view DomainProblem(absl::string_view domain) {
  if (domain.empty()) return "empty domain";
  if (domain.find('*') != absl::string_view::npos) {
    return "wildcards are not supported; list each domain exactly (D6)";
  }
  if (domain.size() > 253) return "longer than 253 characters";
  int labels = 0;
  for (absl::string_view label : absl::StrSplit(domain, '.')) {
    ++labels;
    if (label.empty() || label.size() > 63)
      return "has an empty or overlong label";
    if (label.front() == '-' || label.back() == '-') {
      return "has a label starting or ending with '-'";
    }
    for (char c : label) {
      bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
      if (!ok) {
        return (c >= 'A' && c <= 'Z')
                   ? "must be lower-case"
                   : "is not a domain name (letters, digits and '-' only; "
                     "patterns are not supported)";
      }
    }
  }
  if (labels < 2) return "needs at least two labels (contoso.com)";
  return "";
}

void CheckDomains(Validator& v,
                  const google::protobuf::RepeatedPtrField<std::string>& list,
                  const std::string& path) {
  for (int i = 0; i < list.size(); ++i) {
    absl::string_view problem = DomainProblem(list[i]);
    if (!problem.empty()) {
      v.Error(IssueCode::kBadDomain, absl::StrCat(path, "[", i, "]"),
              absl::StrCat("\"", list[i], "\" ", problem));
    }
  }
}

}  // namespace

void Validator::ValidateStrength(const pb::AuthenticationStrengthPolicy& s,
                                 const std::string& path) {
  CheckGuid(s.id(), absl::StrCat(path, "/id"), "authentication strength id");
  using S = pb::AuthenticationStrengthPolicy;
  CheckEnum<S::PolicyType>(*this, s.policy_type(),
                           absl::StrCat(path, "/policyType"), false);
  CheckEnum<S::RequirementsSatisfied>(
      *this, s.requirements_satisfied(),
      absl::StrCat(path, "/requirementsSatisfied"), false);
  std::string cpath = absl::StrCat(path, "/allowedCombinations");
  if (s.allowed_combinations_size() == 0) {
    Error(IssueCode::kMissingField, cpath,
          "a strength needs at least one allowed combination");
  }
  for (int i = 0; i < s.allowed_combinations_size(); ++i) {
    std::string at = absl::StrCat(cpath, "[", i, "]");
    if (s.allowed_combinations(i).modes_size() == 0) {
      Error(IssueCode::kMissingField, at, "empty combination");
    }
    CheckEnumList<pb::AuthenticationMethodMode>(
        *this, s.allowed_combinations(i).modes(), at);
  }
  for (int i = 0; i < s.configured_combinations_size(); ++i) {
    CheckEnumList<pb::AuthenticationMethodMode>(
        *this, s.configured_combinations(i).modes(),
        absl::StrCat(path, "/combinationConfigurations[", i, "]"));
  }
}

void Validator::ValidateExternalCollaboration(const pb::TenantPolicies& tenant,
                                              const std::string& path) {
  if (tenant.has_authorization_policy()) {
    const pb::AuthorizationPolicy& a = tenant.authorization_policy();
    std::string apath = absl::StrCat(path, "/authorizationPolicy");
    CheckEnum<pb::AuthorizationPolicy::AllowInvitesFrom>(
        *this, a.allow_invites_from(), absl::StrCat(apath, "/allowInvitesFrom"),
        false);
    if (!a.guest_user_role_id().empty()) {
      CheckGuid(a.guest_user_role_id(), absl::StrCat(apath, "/guestUserRoleId"),
                "guestUserRoleId");
    }
  }
  if (tenant.has_invitation_domain_policy()) {
    const pb::InvitationDomainPolicy& d = tenant.invitation_domain_policy();
    std::string dpath = absl::StrCat(path, "/invitationDomainPolicy");
    CheckDomains(*this, d.allowed_domains(),
                 absl::StrCat(dpath, "/allowedDomains"));
    CheckDomains(*this, d.blocked_domains(),
                 absl::StrCat(dpath, "/blockedDomains"));
    if (d.allowed_domains_size() > 0 && d.blocked_domains_size() > 0) {
      // Spec 3.2 / D6: an allowlist or a blocklist, never both.
      Error(IssueCode::kInvalidCombination, dpath,
            "both allowedDomains and blockedDomains are set; a tenant has "
            "either an allowlist or a blocklist");
    }
  }
  if (tenant.has_authentication_flows_policy()) {
    CheckIdList(
        tenant.authentication_flows_policy()
            .self_service_sign_up_application_ids(),
        IdList::kGuidOnly,
        absl::StrCat(
            path,
            "/authenticationFlowsPolicy/selfServiceSignUpApplicationIds"));
  }
  if (tenant.has_email_otp_configuration()) {
    using E = pb::EmailOtpConfiguration;
    const E& e = tenant.email_otp_configuration();
    std::string epath = absl::StrCat(path, "/emailOtpConfiguration");
    CheckEnum<E::State>(*this, e.state(), absl::StrCat(epath, "/state"), false);
    CheckEnum<E::ExternalIdOtp>(
        *this, e.allow_external_id_to_use_email_otp(),
        absl::StrCat(epath, "/allowExternalIdToUseEmailOtp"), false);
  }
  std::string spath = absl::StrCat(path, "/appSets");
  absl::flat_hash_set<std::string> names;
  for (int i = 0; i < tenant.app_sets_size(); ++i) {
    const pb::AppSet& set = tenant.app_sets(i);
    std::string at = absl::StrCat(spath, "[", i, "]");
    if (std::find(std::begin(kAppSetNames), std::end(kAppSetNames),
                  absl::string_view(set.name())) == std::end(kAppSetNames)) {
      Error(IssueCode::kUnknownEnum, absl::StrCat(at, "/name"),
            absl::StrCat("unknown app set \"", set.name(),
                         "\" (expected Office365, MicrosoftAdminPortals, "
                         "AllMicrosoftApps)"));
    } else if (!names.insert(set.name()).second) {
      Error(IssueCode::kDuplicateId, absl::StrCat(at, "/name"),
            absl::StrCat("app set ", set.name(), " is given twice"));
    }
    CheckIdList(set.app_ids(), IdList::kGuidOnly, absl::StrCat(at, "/appIds"));
  }
  std::string ipath = absl::StrCat(path, "/mfaTrustedIps");
  for (int i = 0; i < tenant.mfa_trusted_ips_size(); ++i) {
    std::string at = absl::StrCat(ipath, "[", i, "]");
    bool ipv6 = false;
    CheckCidr(tenant.mfa_trusted_ips(i), at, &ipv6);
    if (ipv6) {
      // Spec 4.8: the legacy MFA trusted IPs are IPv4 only.
      Error(IssueCode::kBadCidr, at, "MFA trusted IPs are IPv4 only");
    }
  }
}

}  // namespace load_internal
}  // namespace crossgate
