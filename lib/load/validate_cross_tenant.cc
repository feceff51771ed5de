// Cross-tenant access settings in the model (entra-semantics.md section 2,
// D1).

#include <algorithm>
#include <iterator>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "lib/load/keywords.h"
#include "lib/load/validate_enum.h"
#include "lib/load/validate_internal.h"
#include "lib/model/guid.h"

namespace crossgate {
namespace load_internal {
namespace {

namespace pb = ::crossgate::policy::v1;
using Target = pb::CrossTenantAccessTarget;

bool Contains(absl::Span<const absl::string_view> list, absl::string_view s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

void CheckTarget(Validator& v, const Target& t, const std::string& path,
                 bool inbound_default_users) {
  std::string tpath = absl::StrCat(path, "/target");
  bool type_ok = CheckEnum<Target::TargetType>(
      v, t.target_type(), absl::StrCat(path, "/targetType"), true);
  const std::string& target = t.target();
  if (target.empty()) {
    v.Error(IssueCode::kMissingField, tpath,
            "a target needs its id or keyword");
    return;
  }
  bool user_keyword = Contains(kCrossTenantUserKeywords, target);
  bool app_keyword = Contains(kCrossTenantAppKeywords, target);
  if (user_keyword || app_keyword) {
    bool app_type = t.target_type() == Target::TARGET_TYPE_APPLICATION;
    if (type_ok && user_keyword == app_type) {
      v.Error(IssueCode::kInvalidCombination, tpath,
              absl::StrCat(
                  "keyword ", target, " does not go with targetType ",
                  GraphEnumName(
                      google::protobuf::GetEnumDescriptor<Target::TargetType>(),
                      t.target_type())));
    }
  } else if (v.CheckGuid(target, tpath, "target") && inbound_default_users) {
    // Spec 2.8: the inbound default can only target AllUsers.
    v.Error(IssueCode::kInvalidCombination, tpath,
            "the default's inbound settings cannot target specific users or "
            "groups, only AllUsers");
  }
}

void CheckTargets(Validator& v,
                  const pb::CrossTenantAccessTargetConfiguration& c,
                  const std::string& path, bool inbound_default_users) {
  using C = pb::CrossTenantAccessTargetConfiguration;
  CheckEnum<C::AccessType>(v, c.access_type(),
                           absl::StrCat(path, "/accessType"), true);
  std::string tpath = absl::StrCat(path, "/targets");
  if (c.targets_size() == 0) {
    // Spec 2.7 / 8.2: what an empty list means is unconfirmed; refuse it.
    v.Error(IssueCode::kMissingField, tpath,
            "an access setting needs at least one target");
    return;
  }
  for (int i = 0; i < c.targets_size(); ++i) {
    CheckTarget(v, c.targets(i), absl::StrCat(tpath, "[", i, "]"),
                inbound_default_users);
  }
}

template <typename Halves>
void CheckHalves(Validator& v, const Halves& s, const std::string& path,
                 bool inbound_default) {
  if (s.has_users_and_groups()) {
    CheckTargets(v, s.users_and_groups(), absl::StrCat(path, "/usersAndGroups"),
                 inbound_default);
  }
  if (s.has_applications()) {
    CheckTargets(v, s.applications(), absl::StrCat(path, "/applications"),
                 false);
  }
}

void CheckSettings(Validator& v, const pb::CrossTenantAccessSettings& s,
                   const std::string& path, bool is_default) {
  if (s.has_b2b_collaboration_inbound()) {
    CheckHalves(v, s.b2b_collaboration_inbound(),
                absl::StrCat(path, "/b2bCollaborationInbound"), is_default);
  }
  if (s.has_b2b_collaboration_outbound()) {
    CheckHalves(v, s.b2b_collaboration_outbound(),
                absl::StrCat(path, "/b2bCollaborationOutbound"), false);
  }
  if (s.has_b2b_direct_connect_inbound()) {
    CheckHalves(v, s.b2b_direct_connect_inbound(),
                absl::StrCat(path, "/b2bDirectConnectInbound"), is_default);
  }
  if (s.has_b2b_direct_connect_outbound()) {
    CheckHalves(v, s.b2b_direct_connect_outbound(),
                absl::StrCat(path, "/b2bDirectConnectOutbound"), false);
  }
  if (s.has_tenant_restrictions()) {
    std::string tpath = absl::StrCat(path, "/tenantRestrictions");
    CheckHalves(v, s.tenant_restrictions(), tpath, false);
    if (s.tenant_restrictions().has_devices()) {
      v.ValidateFilter(s.tenant_restrictions().devices(),
                       absl::StrCat(tpath, "/devices"), /*device_rule=*/true);
    }
  }
}

}  // namespace

void Validator::ValidateCrossTenant(const pb::CrossTenantAccessPolicy& policy,
                                    const std::string& path) {
  std::string cpath = absl::StrCat(path, "/allowedCloudEndpoints");
  for (int i = 0; i < policy.allowed_cloud_endpoints_size(); ++i) {
    if (!Contains(kClouds, policy.allowed_cloud_endpoints(i))) {
      Error(IssueCode::kUnknownEnum, absl::StrCat(cpath, "[", i, "]"),
            absl::StrCat("unknown cloud \"", policy.allowed_cloud_endpoints(i),
                         "\" (expected microsoftonline.com, "
                         "microsoftonline.us, partner.microsoftonline.cn)"));
    }
  }
  if (policy.has_default_configuration()) {
    const pb::CrossTenantAccessDefault& d = policy.default_configuration();
    std::string dpath = absl::StrCat(path, "/default");
    CheckSettings(*this, d.settings(), dpath, /*is_default=*/true);
    using Idp = pb::InvitationRedemptionIdentityProviderConfiguration;
    const Idp& idp = d.invitation_redemption_identity_provider_configuration();
    std::string ipath = absl::StrCat(
        dpath, "/invitationRedemptionIdentityProviderConfiguration");
    CheckEnumList<Idp::IdentityProvider>(
        *this, idp.primary_identity_provider_precedence_order(),
        absl::StrCat(ipath, "/primaryIdentityProviderPrecedenceOrder"));
    CheckEnum<Idp::IdentityProvider>(
        *this, idp.fallback_identity_provider(),
        absl::StrCat(ipath, "/fallbackIdentityProvider"), false);
  }
  std::string ppath = absl::StrCat(path, "/partners");
  if (policy.partners_size() > options().limits.max_objects_per_tenant) {
    Error(IssueCode::kLimitExceeded, ppath,
          absl::StrCat(policy.partners_size(), " partners; the limit is ",
                       options().limits.max_objects_per_tenant));
    return;
  }
  absl::flat_hash_set<std::string> seen;
  for (int i = 0; i < policy.partners_size(); ++i) {
    const pb::CrossTenantAccessPartner& p = policy.partners(i);
    std::string at = p.tenant_id().empty()
                         ? absl::StrCat(ppath, "[", i, "]")
                         : absl::StrCat(ppath, "/", p.tenant_id());
    if (CheckGuid(p.tenant_id(), absl::StrCat(at, "/tenantId"),
                  "partner tenantId") &&
        !seen.insert(p.tenant_id()).second) {
      Error(IssueCode::kDuplicateId, at,
            absl::StrCat("partner ", p.tenant_id(), " is configured twice"));
    }
    CheckSettings(*this, p.settings(), at, /*is_default=*/false);
    if (p.has_identity_synchronization() &&
        !p.identity_synchronization().tenant_id().empty() &&
        p.identity_synchronization().tenant_id() != p.tenant_id()) {
      Error(IssueCode::kInvalidCombination,
            absl::StrCat(at, "/identitySynchronization/tenantId"),
            "does not match the partner's tenantId");
    }
  }
}

}  // namespace load_internal
}  // namespace crossgate
