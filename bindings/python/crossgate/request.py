"""Requests: a dataclass (or a plain dict with the same keys) converted once
into the C crossgate_request, and RequestBatch, a packed array of them for
the batch call."""

from __future__ import annotations

import ctypes
import dataclasses
import functools
import uuid
from typing import Any, Iterable, List, Mapping, Optional, Sequence, Union

from . import _enums as E
from . import _native as N

GuidLike = Union[str, uuid.UUID, bytes, None]


@dataclasses.dataclass
class Request:
    """One access request. Every field is optional ("not supplied").

    Ids are GUID strings, uuid.UUID or 16 bytes. Enum fields take the names
    of docs/c-api.md (case-insensitive, e.g. platform="iOS",
    client_app="browser", sign_in_risk="high") or the C integer.
    """

    resource_tenant_id: GuidLike = None
    principal_id: GuidLike = None
    home_tenant_id: GuidLike = None
    home_user_id: GuidLike = None
    principal_kind: Any = None
    external_user_types: Any = None  # names, e.g. ["b2bCollaborationGuest"]
    identity_source: Any = None
    target_kind: Any = None
    home_groups: Sequence[GuidLike] = ()
    groups: Sequence[GuidLike] = ()
    roles: Sequence[GuidLike] = ()
    application_id: GuidLike = None
    client_application_id: GuidLike = None
    user_action: Any = None
    authentication_context: int = 0
    client_app: Any = None
    platform: Any = None
    ip: Optional[str] = None
    country: Optional[str] = None
    gps_country: Optional[str] = None
    compliant_network: bool = False
    sign_in_risk: Any = None
    user_risk: Any = None
    service_principal_risk: Any = None
    insider_risk: Any = None
    authentication_flow: Any = None
    claims: Any = None  # names, e.g. ["mfa", "compliantDevice"]
    mfa_origin: Any = None
    device_origin: Any = None
    authentication_methods: int = 0
    accepted_terms_of_use: Sequence[GuidLike] = ()
    satisfied_custom_controls: Sequence[str] = ()
    tenant_restrictions_tenant_id: GuidLike = None
    what_if: bool = False


_FIELDS = {f.name for f in dataclasses.fields(Request)}


@functools.lru_cache(maxsize=65536)
def _guid_bytes(text: str) -> bytes:
    return uuid.UUID(text).bytes  # ValueError for anything but a GUID


def guid(value: GuidLike) -> N.Guid:
    """GUID text / uuid.UUID / 16 bytes -> crossgate_guid (network order)."""
    if value is None:
        return N.Guid()
    if isinstance(value, uuid.UUID):
        raw = value.bytes
    elif isinstance(value, (bytes, bytearray)):
        raw = bytes(value)
        if len(raw) != 16:
            raise ValueError("a GUID is 16 bytes")
    else:
        raw = _guid_bytes(str(value))
    return N.Guid.from_buffer_copy(raw)


def _guids(values: Sequence[GuidLike], keep: list):
    if not values:
        return None, 0
    array = (N.Guid * len(values))(*[guid(v) for v in values])
    keep.append(array)
    return array, len(values)


def _country(text: Optional[str], field: str) -> bytes:
    if not text:
        return b"\0\0"
    data = text.encode("ascii")
    if len(data) != 2:
        raise ValueError(f"request.{field}: ISO 3166 alpha-2 code expected")
    return data


def fill(out: N.Request, request: Union[Request, Mapping[str, Any]], keep: list) -> None:
    """Writes `request` into the C struct `out`; arrays it points at are
    appended to `keep`, which must outlive every use of `out`."""
    if isinstance(request, Request):
        r = request
    else:
        unknown = set(request) - _FIELDS
        if unknown:
            raise ValueError(f"unknown request fields: {sorted(unknown)}")
        r = Request(**request)
    # Array elements are not constructed through __init__: tag explicitly.
    out.struct_size = ctypes.sizeof(N.Request)
    out.resource_tenant_id = guid(r.resource_tenant_id)
    out.principal_id = guid(r.principal_id)
    out.home_tenant_id = guid(r.home_tenant_id)
    out.home_user_id = guid(r.home_user_id)
    out.principal_kind = E.enum_value(E.PRINCIPAL_KIND, r.principal_kind, "principal_kind")
    out.external_user_types = E.flag_value(E.EXTERNAL_USER_TYPE, r.external_user_types,
                                           "external_user_types")
    out.identity_source = E.enum_value(E.IDENTITY_SOURCE, r.identity_source, "identity_source")
    out.target_kind = E.enum_value(E.TARGET_KIND, r.target_kind, "target_kind")
    out.home_groups, out.home_group_count = _guids(r.home_groups, keep)
    out.groups, out.group_count = _guids(r.groups, keep)
    out.roles, out.role_count = _guids(r.roles, keep)
    out.application_id = guid(r.application_id)
    out.client_application_id = guid(r.client_application_id)
    out.user_action = E.enum_value(E.USER_ACTION, r.user_action, "user_action")
    out.authentication_context = r.authentication_context
    out.client_app = E.enum_value(E.CLIENT_APP, r.client_app, "client_app")
    out.platform = E.enum_value(E.PLATFORM, r.platform, "platform")
    if r.ip:
        ip = N.Ip()
        text = r.ip.encode()
        try:
            N.lib.crossgate_ip_parse(ctypes.byref(ip), text, len(text),
                                     ctypes.byref(ctypes.c_void_p()))
        except N.CrossgateError as e:
            raise ValueError(f"request.ip: not an IP address: {r.ip!r}") from e
        out.ip = ip
    out.country = _country(r.country, "country")
    out.gps_country = _country(r.gps_country, "gps_country")
    out.sign_in_risk = E.enum_value(E.RISK, r.sign_in_risk, "sign_in_risk")
    out.user_risk = E.enum_value(E.RISK, r.user_risk, "user_risk")
    out.service_principal_risk = E.enum_value(E.RISK, r.service_principal_risk,
                                              "service_principal_risk")
    out.insider_risk = E.enum_value(E.INSIDER_RISK, r.insider_risk, "insider_risk")
    out.authentication_flow = E.enum_value(E.AUTH_FLOW, r.authentication_flow,
                                           "authentication_flow")
    out.claims = E.flag_value(E.CLAIM, r.claims, "claims")
    out.mfa_origin = E.enum_value(E.ORIGIN, r.mfa_origin, "mfa_origin")
    out.device_origin = E.enum_value(E.ORIGIN, r.device_origin, "device_origin")
    out.authentication_methods = r.authentication_methods
    out.accepted_terms_of_use, out.accepted_terms_of_use_count = _guids(
        r.accepted_terms_of_use, keep)
    if r.satisfied_custom_controls:
        encoded = [s.encode() for s in r.satisfied_custom_controls]
        strs = (N.Str * len(encoded))(*[N.Str(b, len(b)) for b in encoded])
        keep.extend([encoded, strs])
        out.satisfied_custom_controls = strs
        out.satisfied_custom_control_count = len(encoded)
    flags = 0
    if r.compliant_network:
        flags |= E.REQUEST_COMPLIANT_NETWORK
    if r.tenant_restrictions_tenant_id is not None:
        flags |= E.REQUEST_TENANT_RESTRICTIONS
        out.tenant_restrictions_tenant_id = guid(r.tenant_restrictions_tenant_id)
    if r.what_if:
        flags |= E.REQUEST_WHAT_IF
    out.flags = flags


class RequestBatch:
    """Requests converted once into one packed C array, for
    Engine.evaluate_many / Snapshot.evaluate_many. Immutable; evaluate it as
    often as you like."""

    __slots__ = ("array", "_keep")

    def __init__(self, requests: Iterable[Union[Request, Mapping[str, Any]]]) -> None:
        requests = list(requests)
        self.array = (N.Request * len(requests))()
        self._keep: List[Any] = []
        for slot, request in zip(self.array, requests):
            fill(slot, request, self._keep)

    def __len__(self) -> int:
        return len(self.array)
