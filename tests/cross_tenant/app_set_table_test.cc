// D18: the shipped application-set table and tenant overrides.

#include "lib/app_sets/app_set_table.h"

#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "lib/app_sets/shipped_app_sets.h"
#include "tests/cross_tenant/xtap_test_support.h"

namespace crossgate {
namespace {

using xtap_testing::G;
using xtap_testing::TenantFromText;

const Guid kExchange = G("00000002-0000-0ff1-ce00-000000000000");
const Guid kSharePoint = G("00000003-0000-0ff1-ce00-000000000000");
const Guid kGraph = G("00000003-0000-0000-c000-000000000000");
const Guid kTeams = G("cc15fd57-2c6c-4117-a88c-83b1d56b4bbe");
const Guid kAzurePortal = G("c44b4083-3bb0-49c1-b47d-974e53cbdf3c");
const Guid kThirdParty = G("bbbbbbbb-0000-0000-0000-000000000001");

TEST(D18, ShippedEntriesAreCanonicalGuidsAndUnique) {
  absl::flat_hash_set<Guid> seen;
  for (const ShippedAppEntry& e : ShippedAppEntries()) {
    absl::optional<Guid> id = ParseGuid(e.app_id);
    ASSERT_TRUE(id.has_value()) << e.app_id;
    EXPECT_EQ(FormatGuid(*id), e.app_id) << "not canonical";
    EXPECT_TRUE(seen.insert(*id).second) << "duplicate " << e.app_id;
    EXPECT_FALSE(e.display_name.empty());
    EXPECT_NE(e.sets & kInAllMicrosoftApps, 0) << e.app_id;
  }
  EXPECT_FALSE(AppSetTable::Default().version().empty());
  EXPECT_EQ(AppSetTable::Default().version(), kShippedAppSetVersion);
}

TEST(D18, ShippedOffice365HoldsTheSuite) {
  const AppSetTable& t = AppSetTable::Default();
  for (const Guid& app : {kExchange, kSharePoint, kTeams}) {
    EXPECT_TRUE(t.Contains(AppSetId::kOffice365, app)) << FormatGuid(app);
  }
  EXPECT_FALSE(t.Contains(AppSetId::kOffice365, kAzurePortal));
  EXPECT_FALSE(t.Contains(AppSetId::kOffice365, kGraph));
  EXPECT_FALSE(t.Contains(AppSetId::kOffice365, Guid{}));
}

TEST(D18, ShippedAdminPortalsHoldTheAzurePortal) {
  const AppSetTable& t = AppSetTable::Default();
  EXPECT_TRUE(t.Contains(AppSetId::kMicrosoftAdminPortals, kAzurePortal));
  EXPECT_FALSE(t.Contains(AppSetId::kMicrosoftAdminPortals, kExchange));
}

TEST(D18, AllMicrosoftAppsIsEveryShippedFirstPartyApp) {
  const AppSetTable& t = AppSetTable::Default();
  EXPECT_EQ(t.Members(AppSetId::kAllMicrosoftApps).size(),
            ShippedAppEntries().size());
  for (const Guid& app : {kExchange, kGraph, kTeams, kAzurePortal}) {
    EXPECT_TRUE(t.Contains(AppSetId::kAllMicrosoftApps, app));
  }
  EXPECT_FALSE(t.Contains(AppSetId::kAllMicrosoftApps, kThirdParty));
  for (const Guid& app : t.Members(AppSetId::kOffice365)) {
    EXPECT_TRUE(t.Contains(AppSetId::kAllMicrosoftApps, app));
  }
}

TEST(D18, KeywordsRoundTrip) {
  for (AppSetId id : {AppSetId::kOffice365, AppSetId::kMicrosoftAdminPortals,
                      AppSetId::kAllMicrosoftApps}) {
    EXPECT_EQ(AppSetFromKeyword(AppSetKeyword(id)), id);
  }
  EXPECT_FALSE(AppSetFromKeyword("office365").has_value());  // case-sensitive
  EXPECT_FALSE(AppSetFromKeyword("AllApplications").has_value());
}

TEST(D18, TenantOverrideReplacesOneSetAndExtendsAllMicrosoftApps) {
  auto tenant = TenantFromText(R"pb(
    app_sets {
      name: "Office365"
      app_ids: "bbbbbbbb-0000-0000-0000-000000000001"
    }
  )pb");
  IssueCollector issues;
  auto t = AppSetTable::Resolve(AppSetTable::Default(), tenant.app_sets(),
                                "tenants/x", &issues);
  ASSERT_TRUE(t.ok());
  EXPECT_FALSE(issues.has_errors());
  EXPECT_TRUE(t->overridden(AppSetId::kOffice365));
  EXPECT_FALSE(t->overridden(AppSetId::kMicrosoftAdminPortals));
  EXPECT_TRUE(t->Contains(AppSetId::kOffice365, kThirdParty));
  EXPECT_FALSE(t->Contains(AppSetId::kOffice365, kExchange));
  EXPECT_TRUE(t->Contains(AppSetId::kMicrosoftAdminPortals, kAzurePortal));
  // Office365 stays a subset of AllMicrosoftApps.
  EXPECT_TRUE(t->Contains(AppSetId::kAllMicrosoftApps, kThirdParty));
  EXPECT_TRUE(t->Contains(AppSetId::kAllMicrosoftApps, kExchange));
  EXPECT_TRUE(absl::EndsWith(t->version(), "+tenant"));
  // The shipped table is untouched.
  EXPECT_FALSE(
      AppSetTable::Default().Contains(AppSetId::kOffice365, kThirdParty));
}

TEST(D18, OverridingAllMicrosoftAppsGivesExactlyTheList) {
  auto tenant = TenantFromText(R"pb(
    app_sets {
      name: "AllMicrosoftApps"
      app_ids: "00000003-0000-0000-c000-000000000000"
    }
  )pb");
  auto t = AppSetTable::Resolve(AppSetTable::Default(), tenant.app_sets(),
                                "tenants/x", nullptr);
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->Members(AppSetId::kAllMicrosoftApps).size(), 1u);
  EXPECT_FALSE(t->Contains(AppSetId::kAllMicrosoftApps, kExchange));
}

TEST(D18, BadOverridesAreIssuesWithPaths) {
  auto tenant = TenantFromText(R"pb(
    app_sets {
      name: "Office365"
      app_ids: "not-a-guid"
      app_ids: "00000002-0000-0ff1-ce00-000000000000"
    }
    app_sets {
      name: "Office365"
      app_ids: "bbbbbbbb-0000-0000-0000-000000000001"
    }
    app_sets { name: "AllAgentIdResources" }
  )pb");
  IssueCollector issues;
  auto t = AppSetTable::Resolve(AppSetTable::Default(), tenant.app_sets(),
                                "tenants/x", &issues);
  ASSERT_TRUE(t.ok());
  ASSERT_EQ(issues.issues().size(), 3u);
  EXPECT_EQ(issues.issues()[0].path, "tenants/x/appSets/Office365/appIds[0]");
  EXPECT_EQ(issues.issues()[0].code, IssueCode::kBadGuid);
  EXPECT_EQ(issues.issues()[1].code, IssueCode::kDuplicateId);
  EXPECT_EQ(issues.issues()[2].path, "tenants/x/appSets[2]/name");
  EXPECT_FALSE(issues.issues()[2].is_error());
  // The first override wins; its bad member was dropped.
  EXPECT_EQ(t->Members(AppSetId::kOffice365).size(), 1u);
  EXPECT_TRUE(t->Contains(AppSetId::kOffice365, kExchange));
  // Without a collector the error becomes the status.
  auto t2 = AppSetTable::Resolve(AppSetTable::Default(), tenant.app_sets(),
                                 "tenants/x", nullptr);
  EXPECT_FALSE(t2.ok());
}

}  // namespace
}  // namespace crossgate
