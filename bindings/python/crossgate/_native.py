"""ctypes view of libcrossgate: struct mirrors of crossgate.h and ONE table of
functions (the pattern of clang's cindex.py register_function).

Only the installed C ABI is used: no private headers, no C++ symbols.
The library is found through, in order: the CROSSGATE_LIBRARY environment
variable, the source checkout's build tree (build*/lib/libcrossgate.so.1),
then ctypes.util.find_library("crossgate").
"""

from __future__ import annotations

import ctypes
import ctypes.util
import glob
import os
from ctypes import (POINTER, Structure, c_char, c_char_p, c_int, c_int32,
                    c_size_t, c_uint8, c_uint32, c_uint64, c_void_p)
from typing import Any, Callable, List, Optional, Sequence, Tuple

ABI_MAJOR = 0  # CROSSGATE_VERSION_MAJOR this binding was written against


class CrossgateError(Exception):
    """A crossgate call failed.

    Attributes:
      code: the negative crossgate_status value (e.g. -4).
      status: its static text ("input breaks the policy schema").
      message: what went wrong, in one sentence.
      path: where in the input ("tenants/<id>/conditionalAccessPolicies/...",
        "request/platform"); "" when there is no location.
      issues: every load issue (list of Issue) for a failed load.
    """

    def __init__(self, code: int, message: str, path: str = "",
                 issues: Optional[List["Issue"]] = None) -> None:
        self.code = code
        self.status = status_string(code)
        self.message = message
        self.path = path
        self.issues = issues or []
        where = f" at {path}" if path else ""
        super().__init__(f"{self.status}: {message}{where}")


class Issue(tuple):
    """One load issue: (severity, code, path, message)."""

    __slots__ = ()

    def __new__(cls, severity: str, code: str, path: str, message: str):
        return tuple.__new__(cls, (severity, code, path, message))

    severity = property(lambda self: self[0])
    code = property(lambda self: self[1])
    path = property(lambda self: self[2])
    message = property(lambda self: self[3])

    def __repr__(self) -> str:
        return f"Issue({self.severity} {self.code} {self.path}: {self.message})"


# --- struct mirrors (crossgate.h; field order and types must match) --------

class Str(Structure):
    _fields_ = [("data", c_char_p), ("size", c_size_t)]


class Guid(Structure):
    _fields_ = [("bytes", c_uint8 * 16)]


class Ip(Structure):
    _fields_ = [("family", c_uint32), ("bytes", c_uint8 * 16)]


class _Sized(Structure):
    """A size-tagged struct: struct_size is filled on construction."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.struct_size = ctypes.sizeof(self)


class IssueStruct(_Sized):
    _fields_ = [("struct_size", c_uint32), ("severity", c_int32),
                ("code", c_int32), ("reserved0", c_uint32),
                ("code_name", c_char_p), ("path", c_char_p),
                ("message", c_char_p)]


class Device(_Sized):
    _fields_ = [("struct_size", c_uint32), ("is_compliant", c_int32),
                ("device_id", Str), ("display_name", Str),
                ("device_ownership", Str), ("enrollment_profile_name", Str),
                ("manufacturer", Str), ("mdm_app_id", Str), ("model", Str),
                ("operating_system", Str), ("operating_system_version", Str),
                ("profile_type", Str), ("trust_type", Str),
                ("physical_ids", POINTER(Str)), ("physical_id_count", c_size_t),
                ("system_labels", POINTER(Str)), ("system_label_count", c_size_t),
                ("extension_attributes", Str * 15)]


class Request(_Sized):
    _fields_ = [("struct_size", c_uint32), ("flags", c_uint32),
                ("resource_tenant_id", Guid), ("principal_id", Guid),
                ("home_tenant_id", Guid), ("home_user_id", Guid),
                ("principal_kind", c_int32), ("external_user_types", c_uint32),
                ("identity_source", c_int32), ("target_kind", c_int32),
                ("home_groups", POINTER(Guid)), ("home_group_count", c_size_t),
                ("groups", POINTER(Guid)), ("group_count", c_size_t),
                ("roles", POINTER(Guid)), ("role_count", c_size_t),
                ("application_id", Guid), ("client_application_id", Guid),
                ("user_action", c_int32), ("authentication_context", c_uint32),
                ("client_app", c_int32), ("platform", c_int32), ("ip", Ip),
                ("country", c_char * 2), ("gps_country", c_char * 2),
                ("sign_in_risk", c_int32), ("user_risk", c_int32),
                ("service_principal_risk", c_int32), ("insider_risk", c_int32),
                ("authentication_flow", c_int32), ("reserved0", c_uint32),
                ("device", POINTER(Device)),
                ("claims", c_uint32), ("mfa_origin", c_int32),
                ("device_origin", c_int32), ("authentication_methods", c_uint32),
                ("accepted_terms_of_use", POINTER(Guid)),
                ("accepted_terms_of_use_count", c_size_t),
                ("satisfied_custom_controls", POINTER(Str)),
                ("satisfied_custom_control_count", c_size_t),
                ("tenant_restrictions_tenant_id", Guid)]


class Requirement(Structure):
    _fields_ = [("kind", c_int32), ("ref", c_uint32), ("policy_index", c_uint32),
                ("group", c_uint32), ("location", c_int32), ("reserved0", c_uint32)]


class PolicyResult(Structure):
    _fields_ = [("policy_index", c_uint32), ("result", c_int32),
                ("reason", c_int32), ("applies", c_uint32)]


MAX_REQUIREMENTS = 32


class DecisionStruct(_Sized):
    _fields_ = [("struct_size", c_uint32), ("status", c_int32),
                ("outcome", c_int32), ("stage", c_int32),
                ("challenge_location", c_int32), ("reason", c_uint32),
                ("deciding_policy", c_int32), ("tenant_index", c_int32),
                ("bundle_version", c_uint64), ("generation", c_uint64),
                ("sign_in_frequency_minutes", c_int32),
                ("persistent_browser", c_int32), ("cloud_app_security", c_int32),
                ("session_flags", c_uint32),
                ("policy_results", POINTER(PolicyResult)),
                ("policy_results_capacity", c_uint32),
                ("policy_result_count", c_uint32),
                ("requirement_count", c_uint32), ("reserved0", c_uint32),
                ("requirements", Requirement * MAX_REQUIREMENTS)]


class EngineOptions(_Sized):
    _fields_ = [("struct_size", c_uint32), ("flags", c_uint32)]


class LoadOptions(_Sized):
    _fields_ = [("struct_size", c_uint32), ("format", c_int32),
                ("flags", c_uint32), ("reserved0", c_uint32),
                ("bundle_version", c_uint64)]


class PolicyInfo(_Sized):
    _fields_ = [("struct_size", c_uint32), ("reserved0", c_uint32),
                ("id", Str), ("display_name", Str)]


class Invitation(_Sized):
    _fields_ = [("struct_size", c_uint32), ("inviter_kind", c_int32),
                ("resource_tenant_id", Guid), ("inviter_id", Guid),
                ("inviter_roles", POINTER(Guid)), ("inviter_role_count", c_size_t),
                ("invitee_email", Str), ("invitee_home_tenant_id", Guid)]


class SignUp(_Sized):
    _fields_ = [("struct_size", c_uint32), ("identity_source", c_int32),
                ("resource_tenant_id", Guid), ("application_id", Guid),
                ("email", Str), ("home_tenant_id", Guid)]


class CheckResult(_Sized):
    _fields_ = [("struct_size", c_uint32), ("status", c_int32),
                ("outcome", c_int32), ("stage", c_int32), ("reason", c_uint32),
                ("reserved0", c_uint32), ("bundle_version", c_uint64),
                ("generation", c_uint64)]


# --- the library -----------------------------------------------------------

def _candidates() -> List[str]:
    env = os.environ.get("CROSSGATE_LIBRARY")
    if env:
        return [env]
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.normpath(os.path.join(here, "..", "..", ".."))
    found = sorted(glob.glob(os.path.join(root, "build*", "lib", "libcrossgate.so.1")))
    # Prefer the default build/ directory when several exist.
    found.sort(key=lambda p: os.path.basename(os.path.dirname(os.path.dirname(p))) != "build")
    system = ctypes.util.find_library("crossgate")
    return found + ([system] if system else [])


def _load_library() -> ctypes.CDLL:
    tried = _candidates()
    for path in tried:
        try:
            return ctypes.CDLL(path)
        except OSError:
            continue
    raise ImportError("libcrossgate not found; set CROSSGATE_LIBRARY "
                      f"(tried: {tried or 'nothing'})")


lib = _load_library()

_ErrP = POINTER(c_void_p)


def _error_from(err: c_void_p) -> CrossgateError:
    """Builds a CrossgateError from a crossgate_error* and frees it."""
    code = lib.crossgate_error_code(err)
    message = lib.crossgate_error_message(err).decode("utf-8", "replace")
    path = lib.crossgate_error_path(err).decode("utf-8", "replace")
    issues = [read_issue(lib.crossgate_error_issue, err, i)
              for i in range(lib.crossgate_error_issue_count(err))]
    lib.crossgate_error_free(err)
    return CrossgateError(code, message, path, issues)


def read_issue(getter: Callable[..., int], owner: Any, index: int) -> Issue:
    out = IssueStruct()
    rc = getter(ctypes.byref(out), owner, index)
    if rc != 0:
        raise CrossgateError(rc, "cannot read issue")
    severity = "error" if out.severity == 2 else "warning"
    return Issue(severity, out.code_name.decode(), out.path.decode("utf-8", "replace"),
                 out.message.decode("utf-8", "replace"))


def _check_status(result: int, func: Any, args: Tuple[Any, ...]) -> int:
    """errcheck for `int f(..., crossgate_error** err)`: raise on failure."""
    if result == 0:
        return result
    err_arg = args[-1]
    err = getattr(err_arg, "_obj", None)
    if err is not None and err.value:
        raise _error_from(err)
    raise CrossgateError(result, status_string(result))


def _check_code(result: int, func: Any, args: Tuple[Any, ...]) -> int:
    """errcheck for status-returning calls without an error argument."""
    if result != 0:
        raise CrossgateError(result, status_string(result))
    return result


_Handle = c_void_p
# (name, argtypes, restype, errcheck). One line per C function.
FUNCTIONS: Sequence[Tuple[str, list, Any, Optional[Callable]]] = [
    ("crossgate_version_number", [], c_int, None),
    ("crossgate_version_string", [], c_char_p, None),
    ("crossgate_status_string", [c_int], c_char_p, None),
    ("crossgate_enum_string", [c_int, c_int], c_char_p, None),
    ("crossgate_error_code", [c_void_p], c_int, None),
    ("crossgate_error_message", [c_void_p], c_char_p, None),
    ("crossgate_error_path", [c_void_p], c_char_p, None),
    ("crossgate_error_issue_count", [c_void_p], c_size_t, None),
    ("crossgate_error_issue", [POINTER(IssueStruct), c_void_p, c_size_t], c_int, None),
    ("crossgate_error_free", [c_void_p], None, None),
    ("crossgate_free", [c_void_p], None, None),
    ("crossgate_guid_parse", [POINTER(Guid), c_char_p, c_size_t, _ErrP], c_int, _check_status),
    ("crossgate_guid_format", [c_char_p, c_size_t, POINTER(Guid)], c_int, _check_code),
    ("crossgate_ip_parse", [POINTER(Ip), c_char_p, c_size_t, _ErrP], c_int, _check_status),
    ("crossgate_request_init", [POINTER(Request), c_size_t], c_int, _check_code),
    ("crossgate_decision_init", [POINTER(DecisionStruct), c_size_t], c_int, _check_code),
    ("crossgate_engine_create", [POINTER(_Handle), POINTER(EngineOptions), _ErrP],
     c_int, _check_status),
    ("crossgate_engine_destroy", [_Handle], None, None),
    ("crossgate_engine_load_paths", [POINTER(_Handle), _Handle, POINTER(Str), c_size_t,
                                     POINTER(LoadOptions), _ErrP], c_int, _check_status),
    ("crossgate_engine_load_memory", [POINTER(_Handle), _Handle, c_void_p, c_size_t,
                                      POINTER(LoadOptions), _ErrP], c_int, _check_status),
    ("crossgate_load_report_generation", [_Handle], c_uint64, None),
    ("crossgate_load_report_issue_count", [_Handle], c_size_t, None),
    ("crossgate_load_report_issue", [POINTER(IssueStruct), _Handle, c_size_t], c_int, None),
    ("crossgate_load_report_destroy", [_Handle], None, None),
    ("crossgate_engine_generation", [_Handle], c_uint64, None),
    ("crossgate_engine_snapshot", [POINTER(_Handle), _Handle, _ErrP], c_int, _check_status),
    ("crossgate_snapshot_release", [_Handle], None, None),
    ("crossgate_snapshot_generation", [_Handle], c_uint64, None),
    ("crossgate_snapshot_bundle_version", [_Handle], c_uint64, None),
    # Evaluation returns the status in the decision too; no errcheck here so
    # batch callers can inspect per-decision statuses.
    ("crossgate_evaluate", [POINTER(DecisionStruct), _Handle, POINTER(Request), _ErrP],
     c_int, None),
    ("crossgate_evaluate_batch", [POINTER(DecisionStruct), _Handle, POINTER(Request),
                                  c_size_t, _ErrP], c_int, None),
    ("crossgate_evaluate_json", [POINTER(DecisionStruct), _Handle, c_char_p, c_size_t,
                                 _ErrP], c_int, None),
    ("crossgate_snapshot_evaluate", [POINTER(DecisionStruct), _Handle, POINTER(Request),
                                     _ErrP], c_int, None),
    ("crossgate_snapshot_evaluate_batch", [POINTER(DecisionStruct), _Handle,
                                           POINTER(Request), c_size_t, _ErrP], c_int, None),
    ("crossgate_snapshot_policy", [POINTER(PolicyInfo), _Handle, POINTER(DecisionStruct),
                                   c_uint32, _ErrP], c_int, _check_status),
    ("crossgate_decision_to_json_alloc", [POINTER(c_void_p), POINTER(c_size_t), _Handle,
                                          POINTER(DecisionStruct), _ErrP],
     c_int, _check_status),
    ("crossgate_snapshot_can_invite", [POINTER(CheckResult), _Handle, POINTER(Invitation),
                                       _ErrP], c_int, None),
    ("crossgate_snapshot_can_self_service_sign_up", [POINTER(CheckResult), _Handle,
                                                     POINTER(SignUp), _ErrP], c_int, None),
]


def _register(item: Tuple[str, list, Any, Optional[Callable]]) -> None:
    name, argtypes, restype, errcheck = item
    try:
        func = getattr(lib, name)
    except AttributeError as e:
        raise ImportError(f"{name} is missing from {lib._name}: the crossgate "
                          "bindings and library versions differ") from e
    func.argtypes = argtypes
    func.restype = restype
    if errcheck is not None:
        func.errcheck = errcheck


for _item in FUNCTIONS:
    _register(_item)


def status_string(code: int) -> str:
    return lib.crossgate_status_string(code).decode()


def enum_string(kind: int, value: int) -> Optional[str]:
    name = lib.crossgate_enum_string(kind, value)
    return name.decode() if name is not None else None


def raise_from(rc: int, err: c_void_p) -> None:
    """Raises for a non-zero status from a call without errcheck."""
    if rc == 0:
        return
    if err.value:
        raise _error_from(err)
    raise CrossgateError(rc, status_string(rc))


if lib.crossgate_version_number() // 1000000 != ABI_MAJOR:
    raise ImportError(f"libcrossgate {lib.crossgate_version_string().decode()} "
                      f"is not ABI version {ABI_MAJOR}.x")
