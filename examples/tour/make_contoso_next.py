#!/usr/bin/env python3
"""Writes examples/tour/contoso-next.json: the next version of the Contoso
example tenant (examples/policies/contoso.json) an admin is about to publish,
for the tour's `diff` and `lint` steps. Changes:

- CA104 (admins outside trusted locations: block) goes from report-only to on;
- CA207: a report-only "lockdown drill" that blocks all users on all apps
  with no exclusion (lint: report-only-blocks-everyone);
- CA208: includes the internals group and excludes it again
  (lint: exclusion-covers-inclusion);
- CA209: includeApplications None (lint: never-applies);
- CA210: a `times` condition crossgate does not evaluate (lint: unknown-feature);
- a partner entry that sets nothing (lint: partner-same-as-default).

Run it again after changing contoso.json: python3 examples/tour/make_contoso_next.py
"""
import copy
import json
import os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
INTERNALS_GROUP = "10bccd7f-970d-519a-97ce-7568e45d1472"

with open(os.path.join(ROOT, "examples", "policies", "contoso.json"), encoding="utf-8") as f:
    tenant = json.load(f)
policies = tenant["conditionalAccessPolicies"]
by_prefix = {p["displayName"][:5]: p for p in policies}
by_prefix["CA104"]["state"] = "enabled"


def all_users_all_apps():
    return {
        "users": {"includeUsers": ["All"], "excludeUsers": [], "includeGroups": [],
                  "excludeGroups": [], "includeRoles": [], "excludeRoles": []},
        "applications": {"includeApplications": ["All"], "excludeApplications": [],
                         "includeUserActions": []},
        "clientAppTypes": ["all"],
    }


def policy(pid, name, state, conditions, control):
    return {"id": pid, "displayName": name, "state": state, "conditions": conditions,
            "grantControls": {"operator": "OR", "builtInControls": [control],
                              "customAuthenticationFactors": [], "termsOfUse": []},
            "sessionControls": None}


drill = all_users_all_apps()
excluded = all_users_all_apps()
excluded["users"]["includeUsers"] = []
excluded["users"]["includeGroups"] = [INTERNALS_GROUP]
excluded["users"]["excludeGroups"] = [INTERNALS_GROUP]
no_app = all_users_all_apps()
no_app["applications"]["includeApplications"] = ["None"]
hours = all_users_all_apps()
hours["times"] = {"includedRanges": ["weekdays"], "allDay": True}
policies += [
    policy("0a1b2c3d-0001-4000-8000-00000000a207",
           "CA207-Global-AttackSurfaceReduction-AnyApp-AnyPlatform-BLOCK-LockdownDrill",
           "enabledForReportingButNotEnforced", drill, "block"),
    policy("0a1b2c3d-0002-4000-8000-00000000a208",
           "CA208-Internals-IdentityProtection-AnyApp-AnyPlatform-MFA-ExcludedByMistake",
           "enabled", excluded, "mfa"),
    policy("0a1b2c3d-0003-4000-8000-00000000a209",
           "CA209-Global-IdentityProtection-NoApp-AnyPlatform-MFA-Placeholder",
           "enabled", no_app, "mfa"),
    policy("0a1b2c3d-0004-4000-8000-00000000a210",
           "CA210-Global-IdentityProtection-AnyApp-AnyPlatform-MFA-BusinessHours",
           "enabledForReportingButNotEnforced", hours, "mfa"),
]
tenant["crossTenantAccessPolicy"]["partners"].append(
    {"tenantId": "7d5e6f70-1111-4222-8333-444455556666"})
with open(os.path.join(ROOT, "examples", "tour", "contoso-next.json"), "w",
          encoding="utf-8") as f:
    json.dump(tenant, f, indent=2)
    f.write("\n")
