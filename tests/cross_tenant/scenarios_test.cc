// End-to-end scenario table: tests/cross_tenant/scenarios/scenarios.json runs
// requests, invitations, sign-ups and redemption questions against bundles of
// tenant documents (tests/cross_tenant/scenarios/tenants/*.json) and checks
// each decision and the reason it gives.

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "lib/collaboration/invitation.h"
#include "lib/collaboration/redemption.h"
#include "lib/collaboration/self_service_sign_up.h"
#include "lib/cross_tenant/cross_tenant_format.h"
#include "lib/cross_tenant/cross_tenant_stage.h"
#include "tests/cross_tenant/xtap_test_support.h"

namespace crossgate {
namespace {

using google::protobuf::Struct;
using google::protobuf::Value;
using xtap_testing::BoolField;
using xtap_testing::ListField;
using xtap_testing::ObjectField;
using xtap_testing::StringField;

const std::string kDir =
    std::string(CROSSGATE_SOURCE_DIR) + "/tests/cross_tenant/scenarios";

struct CompiledTenant {
  cross_tenant::CompiledCrossTenantAccess access;
  collaboration::CompiledExternalCollaboration collaboration;
};

class ScenarioRunner {
 public:
  explicit ScenarioRunner(const Struct& aliases) {
    for (const auto& [name, value] : aliases.fields())
      aliases_[name] = value.string_value();
  }

  std::string Resolve(const std::string& text) const {
    auto it = aliases_.find(text);
    return it == aliases_.end() ? text : it->second;
  }
  Guid Id(const Struct& obj, const char* key) const {
    const std::string text = StringField(obj, key);
    if (text.empty()) return Guid{};
    return xtap_testing::G(Resolve(text));
  }
  std::vector<Guid> Ids(const Struct& obj, const char* key) const {
    std::vector<Guid> out;
    if (const auto* list = ListField(obj, key)) {
      for (const Value& v : list->values())
        out.push_back(xtap_testing::G(Resolve(v.string_value())));
    }
    return out;
  }

  // Compiles the named tenant documents into a bundle keyed by tenant id.
  std::map<Guid, std::unique_ptr<CompiledTenant>> Bundle(
      const google::protobuf::ListValue& names) {
    std::map<Guid, std::unique_ptr<CompiledTenant>> bundle;
    for (const Value& name : names.values()) {
      auto text = xtap_testing::ReadFile(kDir + "/tenants/" +
                                         name.string_value() + ".json");
      EXPECT_TRUE(text.ok()) << text.status();
      if (!text.ok()) continue;
      auto json = xtap_testing::ParseJson(*text);
      EXPECT_TRUE(json.ok()) << name.string_value() << ": " << json.status();
      if (!json.ok()) continue;
      const policy::v1::TenantPolicies tenant =
          xtap_testing::TenantFromJsonObject(json->struct_value());
      IssueCollector issues;
      auto access = cross_tenant::CompiledCrossTenantAccess::Compile(
          tenant, AppSetTable::Default(), {}, &issues);
      auto collab = collaboration::CompiledExternalCollaboration::Compile(
          tenant, {}, &issues);
      EXPECT_TRUE(access.ok())
          << name.string_value() << ": " << access.status();
      EXPECT_TRUE(collab.ok())
          << name.string_value() << ": " << collab.status();
      EXPECT_TRUE(issues.issues().empty()) << name.string_value();
      if (!access.ok() || !collab.ok()) continue;
      const Guid id = access->tenant_id();
      bundle[id] = std::make_unique<CompiledTenant>(
          CompiledTenant{*std::move(access), *std::move(collab)});
    }
    return bundle;
  }

 private:
  std::map<std::string, std::string> aliases_;
};

uint32_t UserTypes(const std::string& text) {
  uint32_t bits = 0;
  for (absl::string_view t : absl::StrSplit(text, ',', absl::SkipEmpty())) {
    if (t == "internalGuest")
      bits |= kInternalGuest;
    else if (t == "b2bCollaborationGuest")
      bits |= kB2bCollaborationGuest;
    else if (t == "b2bCollaborationMember")
      bits |= kB2bCollaborationMember;
    else if (t == "b2bDirectConnectUser")
      bits |= kB2bDirectConnectUser;
    else if (t == "otherExternalUser")
      bits |= kOtherExternalUser;
    else if (t == "serviceProvider")
      bits |= kServiceProvider;
    else
      ADD_FAILURE() << "unknown user type " << t;
  }
  return bits;
}

IdentitySource Source(const std::string& text) {
  if (text.empty()) return IdentitySource::kUnspecified;
  if (text == "entra") return IdentitySource::kEntra;
  if (text == "microsoftAccount") return IdentitySource::kMicrosoftAccount;
  if (text == "emailOneTimePasscode")
    return IdentitySource::kEmailOneTimePasscode;
  if (text == "social") return IdentitySource::kSocial;
  if (text == "samlWsFederation") return IdentitySource::kSamlWsFederation;
  ADD_FAILURE() << "unknown identity source " << text;
  return IdentitySource::kUnspecified;
}

const CompiledTenant* Find(
    const std::map<Guid, std::unique_ptr<CompiledTenant>>& bundle,
    const Guid& id) {
  auto it = bundle.find(id);
  return it == bundle.end() ? nullptr : it->second.get();
}

std::string StageText(Stage stage) {
  switch (stage) {
    case Stage::kCrossTenantAccess:
      return "crossTenantAccess";
    case Stage::kTenantRestrictions:
      return "tenantRestrictions";
    case Stage::kInternal:
      return "internal";
    default:
      return "none";
  }
}

void CheckAccess(const ScenarioRunner& run,
                 const std::map<Guid, std::unique_ptr<CompiledTenant>>& bundle,
                 const Struct& req_json, const Struct& expect) {
  Request req;
  req.resource_tenant_id = run.Id(req_json, "resource");
  req.home_tenant_id = run.Id(req_json, "home");
  req.home_user_id = run.Id(req_json, "homeUser");
  const std::vector<Guid> home_groups = run.Ids(req_json, "homeGroups");
  const std::vector<Guid> groups = run.Ids(req_json, "groups");
  req.home_groups = home_groups;
  req.groups = groups;
  req.principal_id = run.Id(req_json, "principal");
  req.external_user_types = UserTypes(StringField(req_json, "userTypes"));
  req.identity_source = Source(StringField(req_json, "identitySource"));
  if (StringField(req_json, "principalKind") == "servicePrincipal") {
    req.principal_kind = PrincipalKind::kServicePrincipal;
  }
  req.application_id = run.Id(req_json, "app");
  req.client_application_id = run.Id(req_json, "clientApp");
  if (!StringField(req_json, "trTenant").empty()) {
    req.tenant_restrictions_signal = true;
    req.tenant_restrictions_tenant_id = run.Id(req_json, "trTenant");
  }

  const CompiledTenant* r = Find(bundle, req.resource_tenant_id);
  ASSERT_NE(r, nullptr) << "resource tenant not in the scenario bundle";
  const CompiledTenant* h = Find(bundle, req.home_tenant_id);
  const CompiledTenant* t = Find(bundle, req.tenant_restrictions_tenant_id);
  cross_tenant::CrossTenantResult out;
  cross_tenant::EvaluateCrossTenant(r->access, h ? &h->access : nullptr,
                                    t ? &t->access : nullptr, req, &out);
  const std::string explained = cross_tenant::FormatCrossTenantResult(out);
  SCOPED_TRACE(explained);

  bool b = false;
  ASSERT_TRUE(BoolField(expect, "allowed", &b)) << "expect.allowed is required";
  EXPECT_EQ(out.allowed, b);
  EXPECT_EQ(cross_tenant::FormatCrossTenantRule(out),
            StringField(expect, "rule"));
  if (!StringField(expect, "stage").empty()) {
    EXPECT_EQ(StageText(out.stage), StringField(expect, "stage"));
  }
  if (!StringField(expect, "side").empty()) {
    EXPECT_EQ(cross_tenant::XtapSideName(out.side),
              StringField(expect, "side"));
  }
  const std::string config = StringField(expect, "config");
  if (config == "default") {
    EXPECT_FALSE(out.source.is_partner);
  } else if (!config.empty()) {
    ASSERT_EQ(config.rfind("partner ", 0), 0u) << config;
    EXPECT_TRUE(out.source.is_partner);
    EXPECT_EQ(FormatGuid(out.source.partner_tenant_id),
              run.Resolve(config.substr(8)));
  }
  if (BoolField(expect, "homeOutboundEvaluated", &b)) {
    EXPECT_EQ(out.home_outbound_evaluated, b);
  }
  if (BoolField(expect, "mfaAccepted", &b)) {
    EXPECT_EQ(out.inbound_trust.mfa_accepted, b);
  }
  if (BoolField(expect, "automaticRedemption", &b)) {
    EXPECT_EQ(out.automatic_redemption, b);
  }
  if (BoolField(expect, "tenantRestrictionsEvaluated", &b)) {
    EXPECT_EQ(out.tenant_restrictions_evaluated, b);
  }
  EXPECT_EQ(out.extra_user_type_bits,
            UserTypes(StringField(expect, "extraUserTypes")));
}

void CheckInvite(const ScenarioRunner& run,
                 const std::map<Guid, std::unique_ptr<CompiledTenant>>& bundle,
                 const Struct& invite, const Struct& expect) {
  const CompiledTenant* r = Find(bundle, run.Id(invite, "tenant"));
  ASSERT_NE(r, nullptr);
  collaboration::Inviter inviter;
  const std::string type = StringField(invite, "inviter");
  inviter.type = type == "guest" ? collaboration::InviterType::kGuest
                 : type == "application"
                     ? collaboration::InviterType::kApplication
                     : collaboration::InviterType::kMember;
  const std::vector<Guid> roles = run.Ids(invite, "roles");
  inviter.roles = roles;
  absl::optional<Guid> home;
  if (!StringField(invite, "inviteeTenant").empty())
    home = run.Id(invite, "inviteeTenant");
  const collaboration::InvitationDecision d = collaboration::CanInvite(
      r->collaboration, r->access, inviter, StringField(invite, "email"), home);
  SCOPED_TRACE(collaboration::FormatInvitationDecision(d));
  bool allowed = false;
  ASSERT_TRUE(BoolField(expect, "allowed", &allowed));
  EXPECT_EQ(d.allowed, allowed);
  EXPECT_EQ(collaboration::InvitationReasonName(d.reason),
            StringField(expect, "reason"));
}

void CheckSignUp(const ScenarioRunner& run,
                 const std::map<Guid, std::unique_ptr<CompiledTenant>>& bundle,
                 const Struct& signup, const Struct& expect) {
  const CompiledTenant* r = Find(bundle, run.Id(signup, "tenant"));
  ASSERT_NE(r, nullptr);
  const collaboration::SignUpDecision d = collaboration::CanSelfServiceSignUp(
      r->collaboration, run.Id(signup, "app"));
  bool allowed = false;
  ASSERT_TRUE(BoolField(expect, "allowed", &allowed));
  EXPECT_EQ(d.allowed, allowed);
  EXPECT_EQ(collaboration::SignUpReasonName(d.reason),
            StringField(expect, "reason"));
}

void CheckRedemption(
    const ScenarioRunner& run,
    const std::map<Guid, std::unique_ptr<CompiledTenant>>& bundle,
    const Struct& question, const Struct& expect) {
  const CompiledTenant* r = Find(bundle, run.Id(question, "tenant"));
  ASSERT_NE(r, nullptr);
  absl::optional<Guid> partner;
  if (!StringField(question, "partner").empty())
    partner = run.Id(question, "partner");
  const collaboration::RedemptionPlan plan =
      collaboration::RedemptionOrder(r->collaboration, r->access, partner);
  std::vector<std::string> got, want;
  for (int i = 0; i < plan.primary_count; ++i) {
    got.emplace_back(collaboration::RedemptionProviderName(plan.primary[i]));
  }
  for (const Value& v : ListField(expect, "primary")->values())
    want.push_back(v.string_value());
  EXPECT_EQ(got, want);
  EXPECT_EQ(collaboration::RedemptionProviderName(plan.fallback),
            StringField(expect, "fallback"));
}

TEST(Scenarios, EndToEndTable) {
  XTAP_SKIP_JSON_UNDER_TSAN();
  auto text = xtap_testing::ReadFile(kDir + "/scenarios.json");
  ASSERT_TRUE(text.ok()) << text.status();
  auto doc = xtap_testing::ParseJson(*text);
  ASSERT_TRUE(doc.ok()) << doc.status();
  const Struct& root = doc->struct_value();
  ScenarioRunner run(*ObjectField(root, "aliases"));
  const auto* scenarios = ListField(root, "scenarios");
  ASSERT_NE(scenarios, nullptr);
  std::map<std::string, int> kinds;
  for (const Value& s : scenarios->values()) {
    const Struct& sc = s.struct_value();
    const std::string name = StringField(sc, "name");
    const std::string kind = StringField(sc, "kind");
    SCOPED_TRACE("scenario: " + name);
    ++kinds[kind];
    const auto bundle = run.Bundle(*ListField(sc, "tenants"));
    const Struct& expect = *ObjectField(sc, "expect");
    if (kind == "access") {
      CheckAccess(run, bundle, *ObjectField(sc, "request"), expect);
    } else if (kind == "invite") {
      CheckInvite(run, bundle, *ObjectField(sc, "invite"), expect);
    } else if (kind == "signup") {
      CheckSignUp(run, bundle, *ObjectField(sc, "signup"), expect);
    } else if (kind == "redemption") {
      CheckRedemption(run, bundle, *ObjectField(sc, "redemption"), expect);
    } else if (kind == "guestAccess") {
      const CompiledTenant* r =
          Find(bundle, run.Id(*ObjectField(sc, "guestAccess"), "tenant"));
      ASSERT_NE(r, nullptr);
      EXPECT_EQ(collaboration::GuestAccessLevelLabel(
                    r->collaboration.guest_access_level()),
                StringField(expect, "label"));
    } else {
      ADD_FAILURE() << "unknown kind " << kind;
    }
  }
  EXPECT_GE(scenarios->values_size(), 60);
  EXPECT_GE(kinds["access"], 40);
  EXPECT_GE(kinds["invite"], 15);
}

}  // namespace
}  // namespace crossgate
