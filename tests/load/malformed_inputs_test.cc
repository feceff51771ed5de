// A table of malformed inputs: each must fail the whole load (no bundle)
// with one specific issue code at one specific path.

#include <ostream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "lib/load/loader.h"
#include "tests/load/test_util.h"

namespace crossgate {
namespace {

using testing::Dump;
using testing::FindIssue;

const std::string kT = "tenants/00000000-0000-0000-0000-000000000000";
const std::string kP = kT + "/conditionalAccessPolicies/p1";
const std::string kLoc = "0a0a0a0a-0000-4000-8000-000000000001";
const std::string kPartner = "3d0f5dec-5d3d-455c-8016-e2af1ae4d31a";

// A valid policy `p1` with `conditions_extra` appended inside `conditions`
// and `extra` appended at the top level.
std::string Policy(absl::string_view conditions_extra = "",
                   absl::string_view extra = "") {
  return absl::StrCat(
      R"({"id":"p1","displayName":"x","state":"enabled","conditions":{)",
      R"("users":{"includeUsers":["All"]},)",
      R"("applications":{"includeApplications":["All"]})",
      conditions_extra.empty() ? "" : ",", conditions_extra, "}",
      extra.empty() ? "" : ",", extra, "}");
}

// A policy `p1` whose conditions are exactly `conditions` (inner members).
std::string PolicyWith(absl::string_view conditions) {
  return absl::StrCat(
      R"({"id":"p1","displayName":"x","state":"enabled","conditions":{)",
      conditions, "}}");
}

std::string Users(absl::string_view users) {
  return PolicyWith(
      absl::StrCat(R"("users":)", users,
                   R"(,"applications":{"includeApplications":["All"]})"));
}

std::string Apps(absl::string_view apps) {
  return PolicyWith(absl::StrCat(R"("users":{"includeUsers":["All"]},)",
                                 R"("applications":)", apps));
}

std::string Grant(absl::string_view grant) {
  return Policy("", absl::StrCat(R"("grantControls":)", grant));
}

std::string IpLocation(
    absl::string_view cidr,
    absl::string_view type = "#microsoft.graph.iPv4CidrRange") {
  return absl::StrCat(
      R"({"@odata.type":"#microsoft.graph.ipNamedLocation","id":")", kLoc,
      R"(","displayName":"l","ipRanges":[{"@odata.type":")", type,
      R"(","cidrAddress":")", cidr, R"("}]})");
}

std::string Partner(absl::string_view settings,
                    absl::string_view tenant = kPartner) {
  return absl::StrCat(R"({"tenantId":")", tenant, R"(",)", settings, "}");
}

std::string Targets(absl::string_view access, absl::string_view targets) {
  return absl::StrCat(R"({"accessType":")", access, R"(","targets":[)", targets,
                      "]}");
}

struct Case {
  std::string name;
  std::string input;
  IssueCode code;
  std::string path;
};

std::vector<Case> Cases() {
  std::string deep(40, '[');
  deep += std::string(40, ']');
  std::string long_rule(3073, 'x');
  return {
      {"not_json", "{", IssueCode::kMalformedInput, "input"},
      {"duplicate_key", R"({"id":"a","id":"b","conditions":{}})",
       IssueCode::kMalformedInput, "input"},
      {"invalid_utf8", "{\"displayName\":\"\xff\"}", IssueCode::kMalformedInput,
       "input"},
      {"utf16_odd_length", std::string("\xff\xfe{\0}\0x", 7),
       IssueCode::kMalformedInput, "input"},
      {"utf16_unpaired_surrogate", std::string("\xff\xfe{\0\x00\xd8}\0", 8),
       IssueCode::kMalformedInput, "input"},
      {"too_deep", deep, IssueCode::kLimitExceeded, "input"},
      {"top_level_string", R"("policy")", IssueCode::kWrongType, "input"},
      {"unrecognized_object", R"({"foo":1})", IssueCode::kUnrecognizedDocument,
       "input"},
      {"list_item_not_object", "[1]", IssueCode::kWrongType, "input[0]"},
      {"template_list",
       R"({"@odata.context":"https://graph.microsoft.com/beta/$metadata#conditionalAccess/templates","value":[{"id":"t","name":"n","details":{}}]})",
       IssueCode::kUnsupportedDocument, "input/value[0]"},
      {"paged_list",
       absl::StrCat(R"({"@odata.nextLink":"https://x","value":[)", Policy(),
                    "]}"),
       IssueCode::kUnsupportedDocument, "input"},
      {"state_unknown",
       R"({"id":"p1","state":"on","conditions":{"users":{"includeUsers":["All"]}}})",
       IssueCode::kUnknownEnum, kP + "/state"},
      {"state_wrong_type",
       R"({"id":"p1","state":1,"conditions":{"users":{"includeUsers":["All"]}}})",
       IssueCode::kWrongType, kP + "/state"},
      {"conditions_missing",
       R"([{"id":"p1","state":"enabled","displayName":"x","grantControls":{"operator":"OR","builtInControls":["block"]}}])",
       IssueCode::kMissingField, kP + "/conditions"},
      {"locations_is_array", Policy(R"("locations":[])"), IssueCode::kWrongType,
       kP + "/conditions/locations"},
      {"user_not_guid",
       R"({"id":"p1","state":"enabled","conditions":{"users":{"includeUsers":["user1"]}}})",
       IssueCode::kBadGuid, kP + "/conditions/users/includeUsers[0]"},
      {"group_placeholder",
       Users(R"({"includeUsers":["All"],"includeGroups":["<AdminGroup>"]})"),
       IssueCode::kPlaceholderId, kP + "/conditions/users/includeGroups[0]"},
      {"group_x_guid",
       Users(
           R"({"includeUsers":["All"],"excludeGroups":["xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"]})"),
       IssueCode::kPlaceholderId, kP + "/conditions/users/excludeGroups[0]"},
      {"display_name_token",
       R"({"id":"p1","displayName":"100 - <RING> - x","state":"enabled","conditions":{}})",
       IssueCode::kPlaceholderId, kP + "/displayName"},
      {"keyword_in_group_list", Users(R"({"includeGroups":["All"]})"),
       IssueCode::kBadGuid, kP + "/conditions/users/includeGroups[0]"},
      {"client_app_unknown", Policy(R"("clientAppTypes":["modern"])"),
       IssueCode::kUnknownEnum, kP + "/conditions/clientAppTypes[0]"},
      {"platform_unknown",
       Policy(R"("platforms":{"includePlatforms":["chromeOS"]})"),
       IssueCode::kUnknownEnum,
       kP + "/conditions/platforms/includePlatforms[0]"},
      {"risk_unknown_future",
       Policy(R"("signInRiskLevels":["unknownFutureValue"])"),
       IssueCode::kUnknownEnum, kP + "/conditions/signInRiskLevels[0]"},
      {"guest_type_unknown",
       Users(
           R"({"includeGuestsOrExternalUsers":{"guestOrExternalUserTypes":"internalGuest, alien"}})"),
       IssueCode::kUnknownEnum,
       kP + "/conditions/users/includeGuestsOrExternalUsers/"
            "guestOrExternalUserTypes"},
      {"enumerated_tenants_empty",
       Users(
           R"({"includeGuestsOrExternalUsers":{"guestOrExternalUserTypes":"b2bCollaborationGuest","externalTenants":{"membershipKind":"enumerated","members":[]}}})"),
       IssueCode::kMissingField,
       kP + "/conditions/users/includeGuestsOrExternalUsers/externalTenants/"
            "members"},
      {"all_tenants_with_members",
       Users(absl::StrCat(
           R"({"includeUsers":["All"],"excludeGuestsOrExternalUsers":{"guestOrExternalUserTypes":"serviceProvider","externalTenants":{"membershipKind":"all","members":[")",
           kPartner, R"("]}}})")),
       IssueCode::kInvalidCombination,
       kP + "/conditions/users/excludeGuestsOrExternalUsers/externalTenants/"
            "members"},
      {"transfer_method_unknown",
       Policy(
           R"("authenticationFlows":{"transferMethods":"deviceCodeFlow,teleport"})"),
       IssueCode::kUnknownEnum,
       kP + "/conditions/authenticationFlows/transferMethods"},
      {"grant_control_unknown",
       Grant(R"({"operator":"OR","builtInControls":["compliantNetwork"]})"),
       IssueCode::kUnknownEnum, kP + "/grantControls/builtInControls[0]"},
      {"grant_operator_missing", Grant(R"({"builtInControls":["mfa"]})"),
       IssueCode::kMissingField, kP + "/grantControls/operator"},
      {"grant_property_unknown",
       Grant(
           R"({"operator":"OR","builtInControls":["mfa"],"requireMagic":true})"),
       IssueCode::kUnsupportedFeature, kP + "/grantControls/requireMagic"},
      {"mfa_with_strength",
       Grant(
           R"({"operator":"AND","builtInControls":["mfa"],"authenticationStrength":{"id":"00000000-0000-0000-0000-000000000002"}})"),
       IssueCode::kInvalidCombination, kP + "/grantControls/builtInControls"},
      {"strength_dangling",
       absl::StrCat(
           R"({"authenticationStrengthPolicies":[],"conditionalAccessPolicies":[)",
           Grant(
               R"({"operator":"OR","authenticationStrength":{"id":"6e301588-db43-4d12-a79b-b2b2cc6cfad5"}})"),
           "]}"),
       IssueCode::kDanglingReference,
       kP + "/grantControls/authenticationStrength/id"},
      {"location_dangling",
       absl::StrCat(R"({"namedLocations":[],"conditionalAccessPolicies":[)",
                    Policy(absl::StrCat(R"("locations":{"includeLocations":[")",
                                        kLoc, R"("]})")),
                    "]}"),
       IssueCode::kDanglingReference,
       kP + "/conditions/locations/includeLocations[0]"},
      {"user_action_unknown",
       Apps(R"({"includeUserActions":["urn:user:doit"]})"),
       IssueCode::kUnknownEnum,
       kP + "/conditions/applications/includeUserActions[0]"},
      {"auth_context_out_of_range",
       Apps(R"({"includeAuthenticationContextClassReferences":["c100"]})"),
       IssueCode::kUnknownEnum,
       kP + "/conditions/applications/"
            "includeAuthenticationContextClassReferences[0]"},
      {"device_rule_too_long",
       Policy(absl::StrCat(
           R"("devices":{"deviceFilter":{"mode":"include","rule":")", long_rule,
           R"("}})")),
       IssueCode::kBadDeviceFilter,
       kP + "/conditions/devices/deviceFilter/rule"},
      {"device_rule_does_not_parse",
       Policy(
           R"("devices":{"deviceFilter":{"mode":"include","rule":"device.colour -eq \"red\""}})"),
       IssueCode::kBadDeviceFilter,
       kP + "/conditions/devices/deviceFilter/rule"},
      {"application_rule_does_not_parse",
       Apps(
           R"({"includeApplications":["All"],"applicationFilter":{"mode":"include","rule":"CustomSecurityAttribute.Set_attr -eq"}})"),
       IssueCode::kBadDeviceFilter,
       kP + "/conditions/applications/applicationFilter/rule"},
      {"device_filter_no_mode",
       Policy(
           R"("devices":{"deviceFilter":{"rule":"device.isCompliant -eq True"}})"),
       IssueCode::kMissingField, kP + "/conditions/devices/deviceFilter/mode"},
      {"duplicate_policy_ids", absl::StrCat("[", Policy(), ",", Policy(), "]"),
       IssueCode::kDuplicateId, kP},
      {"sign_in_frequency_no_value",
       Policy(
           "",
           R"("sessionControls":{"signInFrequency":{"isEnabled":true,"type":"hours"}})"),
       IssueCode::kMissingField, kP + "/sessionControls/signInFrequency/value"},
      {"sign_in_frequency_fraction",
       Policy(
           "",
           R"("sessionControls":{"signInFrequency":{"isEnabled":true,"type":"hours","value":1.5}})"),
       IssueCode::kWrongType, kP + "/sessionControls/signInFrequency/value"},
      {"cidr_prefix_8", IpLocation("10.0.0.0/8"), IssueCode::kBadCidr,
       kT + "/namedLocations/" + kLoc + "/ipRanges[0]/cidrAddress"},
      {"cidr_malformed", IpLocation("10.0.0.300/24"), IssueCode::kBadCidr,
       kT + "/namedLocations/" + kLoc + "/ipRanges[0]/cidrAddress"},
      {"cidr_family_mismatch", IpLocation("2001:db8::/32"), IssueCode::kBadCidr,
       kT + "/namedLocations/" + kLoc + "/ipRanges[0]/cidrAddress"},
      {"country_unknown",
       absl::StrCat(
           R"({"@odata.type":"#microsoft.graph.countryNamedLocation","id":")",
           kLoc, R"(","countriesAndRegions":["US","ZZ"]})"),
       IssueCode::kBadCountry,
       kT + "/namedLocations/" + kLoc + "/countriesAndRegions[1]"},
      {"country_empty",
       absl::StrCat(
           R"({"@odata.type":"#microsoft.graph.countryNamedLocation","id":")",
           kLoc, R"(","countriesAndRegions":[]})"),
       IssueCode::kMissingField,
       kT + "/namedLocations/" + kLoc + "/countriesAndRegions"},
      {"location_id_not_guid",
       R"({"@odata.type":"#microsoft.graph.countryNamedLocation","id":"office","countriesAndRegions":["US"]})",
       IssueCode::kBadGuid, kT + "/namedLocations/office/id"},
      {"duplicate_locations",
       absl::StrCat("[", IpLocation("10.1.0.0/16"), ",",
                    IpLocation("10.2.0.0/16"), "]"),
       IssueCode::kDuplicateId, kT + "/namedLocations/" + kLoc},
      {"location_kind_unknown",
       absl::StrCat(R"({"@odata.type":"#microsoft.graph.namedLocation","id":")",
                    kLoc, R"("})"),
       IssueCode::kUnrecognizedDocument, kT + "/namedLocations/" + kLoc},
      {"strength_mode_unknown",
       R"({"id":"6e301588-db43-4d12-a79b-b2b2cc6cfad5","allowedCombinations":["password,telepathy"]})",
       IssueCode::kUnknownEnum,
       kT + "/authenticationStrengthPolicies/"
            "6e301588-db43-4d12-a79b-b2b2cc6cfad5/allowedCombinations[0]"},
      {"strength_no_combinations",
       R"({"id":"6e301588-db43-4d12-a79b-b2b2cc6cfad5","policyType":"custom","allowedCombinations":[]})",
       IssueCode::kMissingField,
       kT + "/authenticationStrengthPolicies/"
            "6e301588-db43-4d12-a79b-b2b2cc6cfad5/allowedCombinations"},
      {"partner_tenant_not_guid",
       Partner(R"("inboundTrust":{"isMfaAccepted":true})", "contoso"),
       IssueCode::kBadGuid,
       kT + "/crossTenantAccessPolicy/partners/contoso/tenantId"},
      {"access_type_unknown",
       Partner(absl::StrCat(
           R"("b2bCollaborationInbound":{"usersAndGroups":)",
           Targets("maybe", R"({"target":"AllUsers","targetType":"user"})"),
           "}")),
       IssueCode::kUnknownEnum,
       kT + "/crossTenantAccessPolicy/partners/" + kPartner +
           "/b2bCollaborationInbound/usersAndGroups/accessType"},
      {"targets_empty",
       Partner(absl::StrCat(R"("b2bDirectConnectInbound":{"applications":)",
                            Targets("allowed", ""), "}")),
       IssueCode::kMissingField,
       kT + "/crossTenantAccessPolicy/partners/" + kPartner +
           "/b2bDirectConnectInbound/applications/targets"},
      {"keyword_target_type_mismatch",
       Partner(absl::StrCat(
           R"("b2bCollaborationOutbound":{"applications":)",
           Targets("blocked",
                   R"({"target":"AllUsers","targetType":"application"})"),
           "}")),
       IssueCode::kInvalidCombination,
       kT + "/crossTenantAccessPolicy/partners/" + kPartner +
           "/b2bCollaborationOutbound/applications/targets[0]/target"},
      {"default_inbound_targets_group",
       absl::StrCat(
           R"({"isServiceDefault":false,"b2bCollaborationInbound":{"usersAndGroups":)",
           Targets(
               "allowed",
               R"({"target":"6f546279-4da5-4b53-a095-09ea0cef9971","targetType":"group"})"),
           "}}"),
       IssueCode::kInvalidCombination,
       kT + "/crossTenantAccessPolicy/default/b2bCollaborationInbound/"
            "usersAndGroups/targets[0]/target"},
      {"duplicate_partners",
       absl::StrCat("[", Partner(R"("isServiceProvider":true)"), ",",
                    Partner(R"("isServiceProvider":false)"), "]"),
       IssueCode::kDuplicateId,
       kT + "/crossTenantAccessPolicy/partners/" + kPartner},
      {"cloud_endpoint_unknown",
       R"({"@odata.type":"#microsoft.graph.crossTenantAccessPolicy","allowedCloudEndpoints":["example.com"]})",
       IssueCode::kUnknownEnum,
       kT + "/crossTenantAccessPolicy/allowedCloudEndpoints[0]"},
      {"allow_invites_unknown",
       R"({"id":"authorizationPolicy","allowInvitesFrom":"anyone"})",
       IssueCode::kUnknownEnum, kT + "/authorizationPolicy/allowInvitesFrom"},
      {"two_authorization_policies",
       R"({"value":[{"allowInvitesFrom":"none"},{"allowInvitesFrom":"everyone"}]})",
       IssueCode::kDuplicateId, kT + "/authorizationPolicy"},
      {"domain_lists_both",
       R"({"invitationDomainPolicy":{"allowedDomains":["contoso.com"],"blockedDomains":["live.com"]}})",
       IssueCode::kInvalidCombination, kT + "/invitationDomainPolicy"},
      {"domain_wildcard",
       R"({"invitationDomainPolicy":{"blockedDomains":["*.contoso.com"]}})",
       IssueCode::kBadDomain, kT + "/invitationDomainPolicy/blockedDomains[0]"},
      {"legacy_definition_not_json",
       R"({"id":"x","type":"B2BManagementPolicy","definition":["{not json"]})",
       IssueCode::kMalformedInput,
       kT + "/invitationDomainPolicy/definition[0]"},
      {"domain_policy_legacy_definition",
       R"({"invitationDomainPolicy":{"definition":["{\"B2BManagementPolicy\":{}}"]}})",
       IssueCode::kUnknownProperty, kT + "/invitationDomainPolicy/definition"},
      {"domain_policy_misspelt_list",
       R"({"invitationDomainPolicy":{"blockDomains":["live.com"]}})",
       IssueCode::kUnknownProperty, kT + "/invitationDomainPolicy/blockDomains"},
      {"tenant_document_unknown_member",
       R"({"conditionalAccesPolicies":[],"namedLocations":[]})",
       IssueCode::kUnknownProperty, kT + "/conditionalAccesPolicies"},
      {"tenant_id_not_guid", R"({"tenantId":"contoso","namedLocations":[]})",
       IssueCode::kBadGuid, "tenants/contoso/tenantId"},
      {"mfa_trusted_ips_v6", R"({"mfaTrustedIps":["2001:db8::/32"]})",
       IssueCode::kBadCidr, kT + "/mfaTrustedIps[0]"},
      {"app_set_unknown",
       R"({"appSets":[{"name":"AllTheApps","appIds":["00000002-0000-0ff1-ce00-000000000000"]}]})",
       IssueCode::kUnknownEnum, kT + "/appSets[0]/name"},
      {"email_otp_state_unknown",
       R"({"@odata.type":"#microsoft.graph.emailAuthenticationMethodConfiguration","id":"Email","state":"maybe"})",
       IssueCode::kUnknownEnum, kT + "/emailOtpConfiguration/state"},
      {"tenant_cloud_unknown", R"({"cloud":"example.cloud"})",
       IssueCode::kUnknownEnum, kT + "/cloud"},
  };
}

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

class MalformedInputTest : public ::testing::TestWithParam<Case> {};

TEST_P(MalformedInputTest, FailsWithCodeAtPath) {
  const Case& c = GetParam();
  std::vector<LoadIssue> issues;
  absl::StatusOr<policy::v1::PolicyBundle> bundle =
      LoadJsonText(c.input, LoadOptions(), &issues);
  EXPECT_FALSE(bundle.ok()) << "nothing may be returned";
  const LoadIssue* issue = FindIssue(issues, c.code, c.path);
  ASSERT_NE(issue, nullptr)
      << "expected " << IssueCodeName(c.code) << " at " << c.path << "\ngot:\n"
      << Dump(issues);
  EXPECT_TRUE(issue->is_error()) << issue->ToString();
}

INSTANTIATE_TEST_SUITE_P(Table, MalformedInputTest,
                         ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           return info.param.name;
                         });

TEST(MalformedInputTableTest, HasAtLeastFortyCases) {
  EXPECT_GE(Cases().size(), 40u);
}

}  // namespace
}  // namespace crossgate
