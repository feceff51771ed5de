"""Enum names accepted in requests (case-insensitive) and their C values
(crossgate.h). Integers are accepted too and passed through unchecked: the
library validates them (CROSSGATE_EENUM)."""

import functools

PRINCIPAL_KIND = {"user": 1, "serviceprincipal": 2}
IDENTITY_SOURCE = {"entra": 1, "microsoftaccount": 2, "emailonetimepasscode": 3,
                   "social": 4, "samlwsfederation": 5}
TARGET_KIND = {"application": 1, "useraction": 2, "authenticationcontext": 3}
USER_ACTION = {"registersecurityinfo": 1, "registerdevice": 2}
CLIENT_APP = {"browser": 1, "mobileappsanddesktopclients": 2,
              "exchangeactivesync": 3, "other": 4}
PLATFORM = {"android": 1, "ios": 2, "windows": 3, "windowsphone": 4, "macos": 5,
            "linux": 6, "unknown": 7}
RISK = {"none": 1, "low": 2, "medium": 3, "high": 4, "hidden": 5}
INSIDER_RISK = {"minor": 1, "moderate": 2, "elevated": 3}
AUTH_FLOW = {"devicecodeflow": 1, "authenticationtransfer": 2}
ORIGIN = {"hometenant": 1, "resourcetenant": 2}
EXTERNAL_USER_TYPE = {"internalguest": 1 << 0, "b2bcollaborationguest": 1 << 1,
                      "b2bcollaborationmember": 1 << 2, "b2bdirectconnectuser": 1 << 3,
                      "otherexternaluser": 1 << 4, "serviceprovider": 1 << 5}
CLAIM = {"mfa": 1 << 0, "compliantdevice": 1 << 1, "hybridjoineddevice": 1 << 2,
         "approvedapplication": 1 << 3, "appprotectionpolicy": 1 << 4,
         "passwordchanged": 1 << 5, "riskremediated": 1 << 6}
INVITER_KIND = {"member": 1, "guest": 2, "application": 3}
FORMAT = {"auto": 0, "binary": 1, "json": 2}

# crossgate_enum_kind values for crossgate_enum_string.
ENUM_OUTCOME, ENUM_STAGE, ENUM_CHALLENGE_LOCATION, ENUM_REQUIREMENT = 1, 2, 3, 4
ENUM_POLICY_RESULT, ENUM_WHATIF_REASON, ENUM_DECISION_REASON, ENUM_ISSUE_CODE = 5, 6, 7, 8
ENUM_INVITATION_REASON, ENUM_SIGN_UP_REASON = 9, 10

REQUEST_COMPLIANT_NETWORK = 1 << 0
REQUEST_TENANT_RESTRICTIONS = 1 << 1
REQUEST_WHAT_IF = 1 << 2
LOAD_WARNINGS_AS_ERRORS = 1 << 0
LOAD_VALIDATE_ONLY = 1 << 1


@functools.lru_cache(maxsize=1024)
def _normalize(name: str) -> str:
    return name.replace("_", "").replace("-", "").lower()


def enum_value(table: dict, value, field: str) -> int:
    """Name or int -> C value; 0 for None."""
    if value is None:
        return 0
    if isinstance(value, int):
        return value
    key = _normalize(str(value))
    if key not in table:
        raise ValueError(f"request.{field}: unknown value {value!r} "
                         f"(one of {sorted(table)})")
    return table[key]


def flag_value(table: dict, value, field: str) -> int:
    """An int, or an iterable of names -> OR of bits."""
    if value is None:
        return 0
    if isinstance(value, int):
        return value
    bits = 0
    for name in value:
        bits |= enum_value(table, name, field)
    return bits
