// Spec 2.6 (service defaults), 2.7 (partner -> default inheritance) and D1
// (property-wise: top-level settings, each half, each trust member), plus the
// strict reading behind CrossTenantCompileOptions::strict_partner_inheritance.

#include <string>

#include "gtest/gtest.h"
#include "lib/cross_tenant/compiled_cross_tenant.h"
#include "tests/cross_tenant/xtap_test_support.h"

namespace crossgate::cross_tenant {
namespace {

using xtap_testing::G;
using xtap_testing::TenantFromText;

constexpr char kTenant[] = "11111111-1111-1111-1111-111111111111";
constexpr char kPartner[] = "22222222-2222-2222-2222-222222222222";
constexpr char kOtherTenant[] = "33333333-3333-3333-3333-333333333333";
constexpr char kG1[] = "aaaaaaaa-0000-0000-0000-000000000001";
constexpr char kA1[] = "bbbbbbbb-0000-0000-0000-000000000001";
constexpr char kA2[] = "bbbbbbbb-0000-0000-0000-000000000002";

// A default where every setting is customized (so inherited values are
// distinguishable from service defaults).
const char kDefault[] = R"pb(
  b2b_collaboration_inbound {
    users_and_groups {
      access_type: ACCESS_TYPE_ALLOWED
      targets { target: "AllUsers" target_type: TARGET_TYPE_USER }
    }
    applications {
      access_type: ACCESS_TYPE_ALLOWED
      targets {
        target: "bbbbbbbb-0000-0000-0000-000000000001"
        target_type: TARGET_TYPE_APPLICATION
      }
    }
  }
  b2b_collaboration_outbound {
    users_and_groups {
      access_type: ACCESS_TYPE_ALLOWED
      targets {
        target: "aaaaaaaa-0000-0000-0000-000000000001"
        target_type: TARGET_TYPE_GROUP
      }
    }
    applications {
      access_type: ACCESS_TYPE_ALLOWED
      targets { target: "AllApplications" target_type: TARGET_TYPE_APPLICATION }
    }
  }
  b2b_direct_connect_inbound {
    users_and_groups {
      access_type: ACCESS_TYPE_ALLOWED
      targets { target: "AllUsers" target_type: TARGET_TYPE_USER }
    }
    applications {
      access_type: ACCESS_TYPE_ALLOWED
      targets {
        target: "bbbbbbbb-0000-0000-0000-000000000001"
        target_type: TARGET_TYPE_APPLICATION
      }
    }
  }
  b2b_direct_connect_outbound {
    users_and_groups {
      access_type: ACCESS_TYPE_ALLOWED
      targets {
        target: "aaaaaaaa-0000-0000-0000-000000000001"
        target_type: TARGET_TYPE_GROUP
      }
    }
    applications {
      access_type: ACCESS_TYPE_ALLOWED
      targets {
        target: "bbbbbbbb-0000-0000-0000-000000000001"
        target_type: TARGET_TYPE_APPLICATION
      }
    }
  }
  tenant_restrictions {
    users_and_groups {
      access_type: ACCESS_TYPE_ALLOWED
      targets { target: "AllUsers" target_type: TARGET_TYPE_USER }
    }
    applications {
      access_type: ACCESS_TYPE_ALLOWED
      targets {
        target: "bbbbbbbb-0000-0000-0000-000000000001"
        target_type: TARGET_TYPE_APPLICATION
      }
    }
  }
  inbound_trust {
    is_mfa_accepted: true
    is_compliant_device_accepted: false
    is_hybrid_azure_ad_joined_device_accepted: true
  }
)pb";

// A partner B2B setting that differs from every default setting.
const char kPartnerSetting[] = R"pb(
  users_and_groups {
    access_type: ACCESS_TYPE_BLOCKED
    targets {
      target: "aaaaaaaa-0000-0000-0000-000000000001"
      target_type: TARGET_TYPE_GROUP
    }
  }
  applications {
    access_type: ACCESS_TYPE_BLOCKED
    targets {
      target: "bbbbbbbb-0000-0000-0000-000000000002"
      target_type: TARGET_TYPE_APPLICATION
    }
  }
)pb";

CompiledCrossTenantAccess Compile(
    const std::string& partner_settings, bool strict = false,
    const std::string& default_settings = kDefault,
    const std::string& partner_extra = "") {
  policy::v1::TenantPolicies t = TenantFromText(
      std::string("tenant_id: '") + kTenant +
      "' cross_tenant_access_policy { default_configuration { settings { " +
      default_settings + " } } partners { tenant_id: '" + kPartner +
      "' settings { " + partner_settings + " } " + partner_extra + " } }");
  CrossTenantCompileOptions options;
  options.strict_partner_inheritance = strict;
  IssueCollector issues;
  auto c = CompiledCrossTenantAccess::Compile(t, AppSetTable::Default(),
                                              options, &issues);
  EXPECT_TRUE(c.ok()) << c.status();
  return *std::move(c);
}

struct SettingCase {
  const char* field;  // proto field in CrossTenantAccessSettings
  XtapSetting setting;
};
const SettingCase kSettings[] = {
    {"b2b_collaboration_inbound", XtapSetting::kB2bCollaborationInbound},
    {"b2b_collaboration_outbound", XtapSetting::kB2bCollaborationOutbound},
    {"b2b_direct_connect_inbound", XtapSetting::kB2bDirectConnectInbound},
    {"b2b_direct_connect_outbound", XtapSetting::kB2bDirectConnectOutbound},
    {"tenant_restrictions", XtapSetting::kTenantRestrictions},
};

TEST(Section2_6, NoCrossTenantPolicyMeansServiceDefaults) {
  auto c = CompiledCrossTenantAccess::Compile(
      TenantFromText(std::string("tenant_id: '") + kTenant + "'"),
      AppSetTable::Default(), {}, nullptr);
  ASSERT_TRUE(c.ok());
  const EffectiveConfiguration& d = c->ForPartner(G(kPartner));
  EXPECT_FALSE(d.source.is_partner);
  struct Want {
    XtapSetting setting;
    AccessType access;
  };
  for (const Want& w :
       {Want{XtapSetting::kB2bCollaborationInbound, AccessType::kAllowed},
        Want{XtapSetting::kB2bCollaborationOutbound, AccessType::kAllowed},
        Want{XtapSetting::kB2bDirectConnectInbound, AccessType::kBlocked},
        Want{XtapSetting::kB2bDirectConnectOutbound, AccessType::kBlocked},
        Want{XtapSetting::kTenantRestrictions, AccessType::kBlocked}}) {
    for (const TargetHalf* h : {d.setting(w.setting).users_and_groups,
                                d.setting(w.setting).applications}) {
      ASSERT_NE(h, nullptr);
      EXPECT_TRUE(h->all) << XtapSettingName(w.setting);
      EXPECT_EQ(h->access, w.access) << XtapSettingName(w.setting);
      EXPECT_EQ(h->origin, SettingOrigin::kServiceDefault);
    }
  }
  EXPECT_FALSE(d.inbound_trust.mfa_accepted);
  EXPECT_FALSE(d.inbound_trust.compliant_device_accepted);
  EXPECT_FALSE(d.inbound_trust.hybrid_joined_device_accepted);
  EXPECT_FALSE(d.automatic_consent_inbound);
  EXPECT_FALSE(d.automatic_consent_outbound);
  EXPECT_EQ(c->partner_count(), 0u);
  EXPECT_EQ(c->cloud(), Cloud::kGlobal);
  EXPECT_FALSE(c->AllowsCloud(Cloud::kUsGovernment));
}

TEST(Section2_6, DefaultMissingPropertyHasServiceDefault) {
  auto c = Compile("", false, R"pb(
    b2b_collaboration_inbound {
      users_and_groups {
        access_type: ACCESS_TYPE_BLOCKED
        targets { target: "AllUsers" target_type: TARGET_TYPE_USER }
      }
      applications {
        access_type: ACCESS_TYPE_BLOCKED
        targets {
          target: "AllApplications"
          target_type: TARGET_TYPE_APPLICATION
        }
      }
    })pb");
  const EffectiveConfiguration& d = c.default_configuration();
  EXPECT_EQ(d.b2b_collaboration_inbound.users_and_groups->origin,
            SettingOrigin::kDefault);
  EXPECT_EQ(d.b2b_collaboration_inbound.users_and_groups->access,
            AccessType::kBlocked);
  EXPECT_EQ(d.b2b_collaboration_outbound.users_and_groups->origin,
            SettingOrigin::kServiceDefault);
  EXPECT_EQ(d.b2b_collaboration_outbound.users_and_groups->access,
            AccessType::kAllowed);
  EXPECT_EQ(d.b2b_direct_connect_inbound.applications->access,
            AccessType::kBlocked);
}

TEST(Section2_6, DefaultMissingHalfHasServiceDefaultHalf) {
  auto c = Compile("", false, R"pb(
    b2b_direct_connect_inbound {
      users_and_groups {
        access_type: ACCESS_TYPE_ALLOWED
        targets { target: "AllUsers" target_type: TARGET_TYPE_USER }
      }
    })pb");
  const EffectiveB2BSetting& s =
      c.default_configuration().b2b_direct_connect_inbound;
  EXPECT_EQ(s.users_and_groups->origin, SettingOrigin::kDefault);
  EXPECT_EQ(s.applications->origin, SettingOrigin::kServiceDefault);
  EXPECT_EQ(s.applications->access, AccessType::kBlocked);
}

TEST(Section2_7, TenantWithoutPartnerEntryGetsDefaultEntirely) {
  auto c = Compile(std::string("b2b_collaboration_inbound {") +
                   kPartnerSetting + "}");
  const EffectiveConfiguration& other = c.ForPartner(G(kOtherTenant));
  EXPECT_EQ(&other, &c.default_configuration());
  EXPECT_EQ(c.FindPartner(G(kOtherTenant)), nullptr);
  EXPECT_NE(c.FindPartner(G(kPartner)), nullptr);
  EXPECT_TRUE(c.ForPartner(G(kPartner)).source.is_partner);
  EXPECT_EQ(c.ForPartner(G(kPartner)).source.partner_tenant_id, G(kPartner));
}

// D1 / spec 2.7: every top-level B2B-shaped property, null vs present.
TEST(Section2_7, EachTopLevelSettingInheritsWhenNullAndOverridesWhenPresent) {
  for (const SettingCase& configured : kSettings) {
    auto c =
        Compile(std::string(configured.field) + " {" + kPartnerSetting + "}");
    const EffectiveConfiguration& d = c.default_configuration();
    const EffectiveConfiguration& p = c.ForPartner(G(kPartner));
    for (const SettingCase& s : kSettings) {
      const EffectiveB2BSetting& ps = p.setting(s.setting);
      const EffectiveB2BSetting& ds = d.setting(s.setting);
      if (s.setting == configured.setting) {
        EXPECT_EQ(ps.users_and_groups->origin, SettingOrigin::kPartner)
            << s.field;
        EXPECT_EQ(ps.users_and_groups->access, AccessType::kBlocked) << s.field;
        EXPECT_TRUE(ps.applications->apps.Contains(G(kA2))) << s.field;
      } else {
        EXPECT_EQ(ps.users_and_groups, ds.users_and_groups)
            << configured.field << " configured, " << s.field << " inherited";
        EXPECT_EQ(ps.applications, ds.applications) << s.field;
      }
    }
    // The trust of the default is inherited when the partner has none.
    EXPECT_TRUE(p.inbound_trust.mfa_accepted);
    EXPECT_FALSE(p.inbound_trust.compliant_device_accepted);
    EXPECT_TRUE(p.inbound_trust.hybrid_joined_device_accepted);
    EXPECT_EQ(p.inbound_trust_origin[0], SettingOrigin::kDefault);
  }
}

// D1: a missing half of a present partner setting inherits the same half of
// the default, for every B2B-shaped setting.
TEST(Section2_7, EachMissingHalfInheritsSameHalfOfDefault) {
  const std::string users_only =
      R"pb(users_and_groups {
             access_type: ACCESS_TYPE_BLOCKED
             targets {
               target: "aaaaaaaa-0000-0000-0000-000000000001"
               target_type: TARGET_TYPE_GROUP
             }
           })pb";
  const std::string apps_only =
      R"pb(applications {
             access_type: ACCESS_TYPE_ALLOWED
             targets {
               target: "bbbbbbbb-0000-0000-0000-000000000002"
               target_type: TARGET_TYPE_APPLICATION
             }
           })pb";
  for (const SettingCase& s : kSettings) {
    {
      auto c = Compile(std::string(s.field) + " {" + users_only + "}");
      const EffectiveB2BSetting& p =
          c.ForPartner(G(kPartner)).setting(s.setting);
      const EffectiveB2BSetting& d =
          c.default_configuration().setting(s.setting);
      EXPECT_EQ(p.users_and_groups->origin, SettingOrigin::kPartner) << s.field;
      EXPECT_EQ(p.applications, d.applications) << s.field;
    }
    {
      auto c = Compile(std::string(s.field) + " {" + apps_only + "}");
      const EffectiveB2BSetting& p =
          c.ForPartner(G(kPartner)).setting(s.setting);
      const EffectiveB2BSetting& d =
          c.default_configuration().setting(s.setting);
      EXPECT_EQ(p.applications->origin, SettingOrigin::kPartner) << s.field;
      EXPECT_EQ(p.users_and_groups, d.users_and_groups) << s.field;
    }
  }
}

TEST(Section2_7, PresentSettingWithNeitherHalfIsInherited) {
  for (bool strict : {false, true}) {
    auto c = Compile("b2b_collaboration_inbound {}", strict);
    EXPECT_EQ(
        c.ForPartner(G(kPartner)).b2b_collaboration_inbound.users_and_groups,
        c.default_configuration().b2b_collaboration_inbound.users_and_groups);
    EXPECT_EQ(c.ForPartner(G(kPartner)).b2b_collaboration_inbound.applications,
              c.default_configuration().b2b_collaboration_inbound.applications);
  }
}

// D1: each inboundTrust member.
TEST(Section2_7, EachInboundTrustMemberInheritsWhenNull) {
  struct Case {
    const char* text;
    int member;
  };
  for (const Case& m :
       {Case{"is_mfa_accepted: false", 0},
        Case{"is_compliant_device_accepted: true", 1},
        Case{"is_hybrid_azure_ad_joined_device_accepted: false", 2}}) {
    auto c = Compile(std::string("inbound_trust { ") + m.text + " }");
    const EffectiveConfiguration& p = c.ForPartner(G(kPartner));
    const bool values[3] = {p.inbound_trust.mfa_accepted,
                            p.inbound_trust.compliant_device_accepted,
                            p.inbound_trust.hybrid_joined_device_accepted};
    const bool defaults[3] = {true, false, true};
    for (int i = 0; i < 3; ++i) {
      if (i == m.member) {
        EXPECT_EQ(values[i], !defaults[i]) << m.text;
        EXPECT_EQ(p.inbound_trust_origin[i], SettingOrigin::kPartner);
      } else {
        EXPECT_EQ(values[i], defaults[i]) << m.text << " member " << i;
        EXPECT_EQ(p.inbound_trust_origin[i], SettingOrigin::kDefault);
      }
    }
  }
}

TEST(Section2_7, AutomaticUserConsentMembersInheritDefaultFalse) {
  auto c = Compile("automatic_user_consent_settings { inbound_allowed: true }");
  const EffectiveConfiguration& p = c.ForPartner(G(kPartner));
  EXPECT_TRUE(p.automatic_consent_inbound);
  EXPECT_EQ(p.automatic_consent_origin[0], SettingOrigin::kPartner);
  EXPECT_FALSE(p.automatic_consent_outbound);
  EXPECT_EQ(p.automatic_consent_origin[1], SettingOrigin::kServiceDefault);
  auto c2 =
      Compile("automatic_user_consent_settings { outbound_allowed: true }");
  EXPECT_FALSE(c2.ForPartner(G(kPartner)).automatic_consent_inbound);
  EXPECT_TRUE(c2.ForPartner(G(kPartner)).automatic_consent_outbound);
}

TEST(Section2_2, DefaultAutomaticConsentIsReadOnlyFalse) {
  IssueCollector issues;
  policy::v1::TenantPolicies t = TenantFromText(
      std::string("tenant_id: '") + kTenant +
      "' cross_tenant_access_policy { default_configuration { settings { "
      "automatic_user_consent_settings { inbound_allowed: true } } } }");
  auto c = CompiledCrossTenantAccess::Compile(t, AppSetTable::Default(), {},
                                              &issues);
  ASSERT_TRUE(c.ok());
  EXPECT_FALSE(c->default_configuration().automatic_consent_inbound);
  ASSERT_EQ(issues.issues().size(), 1u);
  EXPECT_FALSE(issues.issues()[0].is_error());
}

TEST(Section2_3, PartnerOnlyFlagsAreNotInherited) {
  auto c = Compile(
      "", false, kDefault,
      "is_service_provider: true is_in_multi_tenant_organization: true");
  EXPECT_TRUE(c.ForPartner(G(kPartner)).is_service_provider);
  EXPECT_TRUE(c.ForPartner(G(kPartner)).is_in_multi_tenant_organization);
  EXPECT_FALSE(c.ForPartner(G(kOtherTenant)).is_service_provider);
  EXPECT_FALSE(c.ForPartner(G(kOtherTenant)).is_in_multi_tenant_organization);
}

// Strict reading: the missing half is "not configured" and neutral.
TEST(StrictPartnerInheritance, MissingHalfIsNotConfiguredAndNeutral) {
  const std::string users_only =
      R"pb(b2b_direct_connect_outbound {
             users_and_groups {
               access_type: ACCESS_TYPE_BLOCKED
               targets {
                 target: "aaaaaaaa-0000-0000-0000-000000000001"
                 target_type: TARGET_TYPE_GROUP
               }
             }
           })pb";
  auto loose = Compile(users_only, false);
  auto strict = Compile(users_only, true);
  const EffectiveB2BSetting& l =
      loose.ForPartner(G(kPartner)).b2b_direct_connect_outbound;
  const EffectiveB2BSetting& s =
      strict.ForPartner(G(kPartner)).b2b_direct_connect_outbound;
  EXPECT_EQ(
      l.applications,
      loose.default_configuration().b2b_direct_connect_outbound.applications);
  ASSERT_NE(
      s.applications,
      strict.default_configuration().b2b_direct_connect_outbound.applications);
  EXPECT_EQ(s.applications->origin, SettingOrigin::kNotConfigured);
  EXPECT_TRUE(s.applications->all);
  EXPECT_EQ(s.applications->access,
            AccessType::kBlocked);  // as the present half

  // Behaviour: "block g1" alone blocks g1 from everything and nobody else.
  const std::vector<Guid> in_g1 = {G(kG1)};
  const B2BSubject member{G(kOtherTenant), in_g1, G(kA2), Guid{}};
  const B2BSubject outsider{G(kOtherTenant), {}, G(kA2), Guid{}};
  EXPECT_FALSE(EvaluateB2BSetting(s, strict.app_sets(), member).permitted);
  EXPECT_TRUE(EvaluateB2BSetting(s, strict.app_sets(), outsider).permitted);
  // Loose: the default's applications half (allowed a1 only) still narrows.
  EXPECT_FALSE(EvaluateB2BSetting(l, loose.app_sets(), outsider).permitted);
}

TEST(StrictPartnerInheritance, AllowedHalfAloneAllowsOnlyItsTargets) {
  const std::string apps_only = R"pb(b2b_direct_connect_inbound {
                                       applications {
                                         access_type: ACCESS_TYPE_ALLOWED
                                         targets {
                                           target: "Office365"
                                           target_type: TARGET_TYPE_APPLICATION
                                         }
                                       }
                                     })pb";
  // Default direct connect inbound is the service default: blocked / blocked.
  auto strict = Compile(apps_only, true, "");
  auto loose = Compile(apps_only, false, "");
  const B2BSubject teams{
      G(kG1), {}, G("cc15fd57-2c6c-4117-a88c-83b1d56b4bbe"), Guid{}};
  const B2BSubject other{G(kG1), {}, G(kA1), Guid{}};
  const auto& s = strict.ForPartner(G(kPartner)).b2b_direct_connect_inbound;
  EXPECT_TRUE(EvaluateB2BSetting(s, strict.app_sets(), teams).permitted);
  EXPECT_FALSE(EvaluateB2BSetting(s, strict.app_sets(), other).permitted);
  // Loose: users half inherited from the service default (blocked AllUsers)
  // keeps everything blocked.
  const auto& l = loose.ForPartner(G(kPartner)).b2b_direct_connect_inbound;
  EXPECT_FALSE(EvaluateB2BSetting(l, loose.app_sets(), teams).permitted);
}

TEST(StrictPartnerInheritance, NullTrustMemberIsNotTrusted) {
  auto c =
      Compile("inbound_trust { is_compliant_device_accepted: true }", true);
  const EffectiveConfiguration& p = c.ForPartner(G(kPartner));
  EXPECT_FALSE(p.inbound_trust.mfa_accepted);  // default says true
  EXPECT_EQ(p.inbound_trust_origin[0], SettingOrigin::kNotConfigured);
  EXPECT_TRUE(p.inbound_trust.compliant_device_accepted);
  EXPECT_FALSE(p.inbound_trust.hybrid_joined_device_accepted);
  // A null inboundTrust is still inherited whole.
  auto c2 = Compile("", true);
  EXPECT_TRUE(c2.ForPartner(G(kPartner)).inbound_trust.mfa_accepted);
}

}  // namespace
}  // namespace crossgate::cross_tenant
