#include "bindings/cli/lint.h"

#include <algorithm>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "bindings/cli/policy_describe.h"
#include "google/protobuf/util/message_differencer.h"

namespace crossgate_cli {

namespace pb = crossgate::policy::v1;
using google::protobuf::RepeatedPtrField;

namespace {

template <typename List>
bool Contains(const List& list, absl::string_view value) {
  for (const auto& item : list) {
    if (absl::EqualsIgnoreCase(item, value)) return true;
  }
  return false;
}

// Every item of `include` (ignoring case) is in `exclude`; false when
// `include` is empty.
bool Covered(const RepeatedPtrField<std::string>& include,
             const RepeatedPtrField<std::string>& exclude) {
  if (include.empty()) return false;
  for (const auto& item : include) {
    if (!Contains(exclude, item)) return false;
  }
  return true;
}

bool HasGuests(const pb::Users& users, bool include) {
  const pb::GuestsOrExternalUsers& g =
      include ? users.include_guests_or_external_users()
              : users.exclude_guests_or_external_users();
  for (int t : g.guest_or_external_user_types()) {
    if (t != pb::GUEST_OR_EXTERNAL_USER_TYPE_NONE &&
        t != pb::GUEST_OR_EXTERNAL_USER_TYPE_UNSPECIFIED) {
      return true;
    }
  }
  return false;
}

bool IncludesNoUsers(const pb::ConditionSet& c) {
  const pb::Users& u = c.users();
  const bool only_none =
      !u.include_users().empty() &&
      std::all_of(
          u.include_users().begin(), u.include_users().end(),
          [](const auto& s) { return absl::EqualsIgnoreCase(s, "None"); });
  const bool users = (!u.include_users().empty() && !only_none) ||
                     !u.include_groups().empty() ||
                     !u.include_roles().empty() || HasGuests(u, true);
  const bool workloads =
      !c.client_applications().include_service_principals().empty();
  return !users && !workloads;
}

class Linter {
 public:
  Linter(const pb::TenantPolicies& tenant, std::vector<LintFinding>* out)
      : tenant_(tenant), out_(out) {}

  void Policy(const pb::ConditionalAccessPolicy& p,
              const std::vector<std::string>& warnings) {
    policy_ = &p;
    NeverApplies(p.conditions());
    ExclusionCovers(p.conditions());
    ReportOnlyBlocksEveryone(p);
    for (const auto& u : p.conditions().unsupported_conditions()) {
      Add("unknown-feature",
          absl::StrCat("condition ", u,
                       " is not evaluated by crossgate (it never narrows the "
                       "policy)"));
    }
    for (const auto& u : p.session_controls().unsupported_controls()) {
      Add("unknown-feature", absl::StrCat("session control ", u,
                                          " is not evaluated by crossgate"));
    }
    for (const auto& w : warnings) Add("unknown-feature", w);
  }

  void Partners() {
    const pb::CrossTenantAccessPolicy& x = tenant_.cross_tenant_access_policy();
    const pb::CrossTenantAccessSettings& d =
        x.default_configuration().settings();
    for (const pb::CrossTenantAccessPartner& partner : x.partners()) {
      if (SameAsDefault(partner, d)) {
        out_->push_back(LintFinding{
            "partner-same-as-default", tenant_.tenant_id(), partner.tenant_id(),
            "",
            "partner entry sets nothing the default configuration does not "
            "already say: delete it, or set what should differ"});
      }
    }
  }

 private:
  void Add(absl::string_view rule, std::string message) {
    out_->push_back(LintFinding{std::string(rule), tenant_.tenant_id(),
                                policy_->id(), policy_->display_name(),
                                std::move(message)});
  }

  void NeverApplies(const pb::ConditionSet& c) {
    if (IncludesNoUsers(c)) {
      Add("never-applies",
          "includes no users, groups, roles, guests or workload identities");
    }
    const pb::Applications& a = c.applications();
    if (a.include_applications().empty() && a.include_user_actions().empty() &&
        a.include_authentication_context_class_references().empty()) {
      Add("never-applies",
          "targets no application, user action or authentication context");
    } else if (a.include_applications_size() > 0 &&
               std::all_of(a.include_applications().begin(),
                           a.include_applications().end(), [](const auto& s) {
                             return absl::EqualsIgnoreCase(s, "None");
                           })) {
      Add("never-applies", "includeApplications is None");
    }
    const auto& flows = c.authentication_flows().transfer_methods();
    if (!flows.empty() && std::all_of(flows.begin(), flows.end(), [](int m) {
          return m == pb::TRANSFER_METHOD_NONE;
        })) {
      Add("never-applies",
          "authenticationFlows lists only `none`, which matches no sign-in "
          "(D15)");
    }
  }

  void ExclusionCovers(const pb::ConditionSet& c) {
    const pb::Users& u = c.users();
    if (Contains(u.exclude_users(), "All")) {
      Add("exclusion-covers-inclusion", "excludeUsers is All: no user is left");
    } else if (!Contains(u.include_users(), "All") &&
               !Contains(u.include_users(), "GuestsOrExternalUsers") &&
               !HasGuests(u, true)) {
      // Every kind of inclusion present is fully excluded.
      const bool any = !u.include_users().empty() ||
                       !u.include_groups().empty() ||
                       !u.include_roles().empty();
      const bool users_ok = u.include_users().empty() ||
                            Covered(u.include_users(), u.exclude_users());
      const bool groups_ok = u.include_groups().empty() ||
                             Covered(u.include_groups(), u.exclude_groups());
      const bool roles_ok = u.include_roles().empty() ||
                            Covered(u.include_roles(), u.exclude_roles());
      if (any && users_ok && groups_ok && roles_ok) {
        Add("exclusion-covers-inclusion",
            "every included user, group and role is also excluded");
      }
    }
    const pb::Applications& a = c.applications();
    if (!a.include_applications().empty()) {
      if (Contains(a.exclude_applications(), "All")) {
        Add("exclusion-covers-inclusion", "excludeApplications is All");
      } else if (!Contains(a.include_applications(), "All") &&
                 Covered(a.include_applications(), a.exclude_applications())) {
        Add("exclusion-covers-inclusion",
            "every included application is also excluded");
      }
    }
    const pb::ClientApplications& sp = c.client_applications();
    if (Covered(sp.include_service_principals(),
                sp.exclude_service_principals())) {
      Add("exclusion-covers-inclusion",
          "every included service principal is also excluded");
    }
    const pb::Platforms& pl = c.platforms();
    if (!pl.include_platforms().empty()) {
      bool excluded_all = false, covered = true;
      for (int e : pl.exclude_platforms()) {
        excluded_all |= e == pb::DEVICE_PLATFORM_ALL;
      }
      for (int i : pl.include_platforms()) {
        if (i == pb::DEVICE_PLATFORM_ALL ||
            std::find(pl.exclude_platforms().begin(),
                      pl.exclude_platforms().end(),
                      i) == pl.exclude_platforms().end()) {
          covered = false;
        }
      }
      if (excluded_all || covered) {
        Add("exclusion-covers-inclusion",
            "every included platform is also excluded (unknown platforms are "
            "never excluded, spec 4.7, but are only included by `all`)");
      }
    }
    const pb::Locations& l = c.locations();
    if (!l.include_locations().empty()) {
      if (Contains(l.exclude_locations(), "All")) {
        Add("exclusion-covers-inclusion", "excludeLocations is All");
      } else if (!Contains(l.include_locations(), "All") &&
                 Covered(l.include_locations(), l.exclude_locations())) {
        Add("exclusion-covers-inclusion",
            "every included location is also excluded");
      }
    }
  }

  void ReportOnlyBlocksEveryone(const pb::ConditionalAccessPolicy& p) {
    if (p.state() != pb::POLICY_STATE_ENABLED_FOR_REPORTING_BUT_NOT_ENFORCED) {
      return;
    }
    const auto& controls = p.grant_controls().built_in_controls();
    if (std::find(controls.begin(), controls.end(),
                  pb::BUILT_IN_CONTROL_BLOCK) == controls.end()) {
      return;
    }
    const pb::ConditionSet& c = p.conditions();
    const pb::Users& u = c.users();
    const bool all_users = Contains(u.include_users(), "All") &&
                           u.exclude_users().empty() &&
                           u.exclude_groups().empty() &&
                           u.exclude_roles().empty() && !HasGuests(u, false);
    const bool all_apps =
        Contains(c.applications().include_applications(), "All") &&
        c.applications().exclude_applications().empty() &&
        !c.applications().has_application_filter();
    bool all_clients = true;
    for (int t : c.client_app_types()) {
      if (t != pb::CLIENT_APP_TYPE_ALL) all_clients = false;
    }
    bool all_platforms = c.platforms().exclude_platforms().empty();
    for (int t : c.platforms().include_platforms()) {
      if (t != pb::DEVICE_PLATFORM_ALL) all_platforms = false;
    }
    const bool all_locations =
        c.locations().exclude_locations().empty() &&
        (c.locations().include_locations().empty() ||
         Contains(c.locations().include_locations(), "All"));
    const bool no_risk = c.sign_in_risk_levels().empty() &&
                         c.user_risk_levels().empty() &&
                         c.service_principal_risk_levels().empty() &&
                         c.insider_risk_levels().empty();
    const bool no_device = !c.devices().has_device_filter();
    const bool no_flow = c.authentication_flows().transfer_methods().empty();
    if (all_users && all_apps && all_clients && all_platforms &&
        all_locations && no_risk && no_device && no_flow) {
      Add("report-only-blocks-everyone",
          "report-only policy blocks all users on all applications with no "
          "exclusion: switched on, it locks everyone out, emergency-access "
          "accounts included");
    }
  }

  // True when every setting the partner states equals the default's.
  static bool SameAsDefault(const pb::CrossTenantAccessPartner& p,
                            const pb::CrossTenantAccessSettings& d) {
    using google::protobuf::util::MessageDifferencer;
    if (p.has_is_service_provider() && p.is_service_provider()) return false;
    if (p.has_is_in_multi_tenant_organization() &&
        p.is_in_multi_tenant_organization()) {
      return false;
    }
    if (p.has_identity_synchronization()) return false;
    if (p.has_block_service_provider_outbound_access()) return false;
    const pb::CrossTenantAccessSettings& s = p.settings();
    auto same = [](bool has, const auto& a, const auto& b) {
      return !has || MessageDifferencer::Equals(a, b);
    };
    return same(s.has_automatic_user_consent_settings(),
                s.automatic_user_consent_settings(),
                d.automatic_user_consent_settings()) &&
           same(s.has_b2b_collaboration_inbound(),
                s.b2b_collaboration_inbound(), d.b2b_collaboration_inbound()) &&
           same(s.has_b2b_collaboration_outbound(),
                s.b2b_collaboration_outbound(),
                d.b2b_collaboration_outbound()) &&
           same(s.has_b2b_direct_connect_inbound(),
                s.b2b_direct_connect_inbound(),
                d.b2b_direct_connect_inbound()) &&
           same(s.has_b2b_direct_connect_outbound(),
                s.b2b_direct_connect_outbound(),
                d.b2b_direct_connect_outbound()) &&
           same(s.has_inbound_trust(), s.inbound_trust(), d.inbound_trust()) &&
           same(s.has_tenant_restrictions(), s.tenant_restrictions(),
                d.tenant_restrictions());
  }

  const pb::TenantPolicies& tenant_;
  std::vector<LintFinding>* out_;
  const pb::ConditionalAccessPolicy* policy_ = nullptr;
};

// Loader warnings about features the engine does not evaluate, keyed by
// "<tenant>/<policy id>" from paths like
// tenants/<t>/conditionalAccessPolicies/<id>/conditions/...
absl::flat_hash_map<std::string, std::vector<std::string>> FeatureWarnings(
    const std::vector<crossgate::LoadIssue>& issues) {
  absl::flat_hash_map<std::string, std::vector<std::string>> out;
  for (const auto& issue : issues) {
    if (issue.is_error()) continue;
    // kUnsupportedFeature warnings are in the model too (unsupported_*
    // lists, which also survive a binary bundle): report those from there.
    if (issue.code != crossgate::IssueCode::kUnknownKeyword &&
        issue.code != crossgate::IssueCode::kUnknownEnum) {
      continue;
    }
    std::vector<absl::string_view> parts = absl::StrSplit(issue.path, '/');
    for (size_t i = 0; i + 3 < parts.size(); ++i) {
      if (parts[i] == "tenants" &&
          parts[i + 2] == "conditionalAccessPolicies") {
        out[absl::StrCat(parts[i + 1], "/", parts[i + 3])].push_back(
            absl::StrCat(issue.message, " (",
                         crossgate::IssueCodeName(issue.code), " at ",
                         issue.path, ")"));
        break;
      }
    }
  }
  return out;
}

}  // namespace

std::vector<LintFinding> LintBundle(
    const pb::PolicyBundle& bundle,
    const std::vector<crossgate::LoadIssue>& load_warnings) {
  std::vector<LintFinding> out;
  auto warnings = FeatureWarnings(load_warnings);
  static const std::vector<std::string> kNone;
  for (const pb::TenantPolicies& tenant : bundle.tenants()) {
    Linter linter(tenant, &out);
    for (const auto& policy : tenant.conditional_access_policies()) {
      auto it =
          warnings.find(absl::StrCat(tenant.tenant_id(), "/", policy.id()));
      linter.Policy(policy, it == warnings.end() ? kNone : it->second);
    }
    linter.Partners();
  }
  return out;
}

}  // namespace crossgate_cli
