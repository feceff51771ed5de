"""The idiomatic layer over _native: Engine, Snapshot, Decision, DecisionBatch.

    import crossgate
    engine = crossgate.Engine.load("policies/")
    d = engine.evaluate({"resource_tenant_id": "72f988bf-...", "platform": "iOS",
                         "client_app": "browser"})
    if d.allowed: ...
    batch = crossgate.RequestBatch(many_requests)     # convert once
    results = engine.evaluate_many(batch)            # one C call
    engine.reload("policies/")                       # atomic hot reload

Thread safety mirrors the C ABI: an Engine may be used from several threads
(evaluate never waits for reload); a DecisionBatch is not shared.
"""

from __future__ import annotations

import ctypes
import os
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Union

from . import _enums as E
from . import _native as N
from .request import Request, RequestBatch, fill, guid

RequestLike = Union[Request, Mapping[str, Any]]
PathLike = Union[str, "os.PathLike[str]"]

#: Per-policy results copied out of each Python-level evaluation.
POLICY_RESULT_CAPACITY = 256


class PolicyResult:
    """One Conditional Access policy's result (spec 5.6, 5.7)."""

    __slots__ = ("index", "id", "display_name", "result", "reason", "applies")

    def __init__(self, index: int, id: Optional[str], display_name: Optional[str],
                 result: str, reason: str, applies: bool) -> None:
        self.index = index
        self.id = id
        self.display_name = display_name
        self.result = result      # "success", "reportOnlyInterrupted", ...
        self.reason = reason      # What-If analysisReasons: "none", "users", ...
        self.applies = applies    # What-If policyApplies

    def __repr__(self) -> str:
        return f"PolicyResult({self.id or self.index}: {self.result})"


class Decision:
    """The answer to one request.

    Attributes: outcome ("allow" | "block" | "challenge"), allowed (bool),
    status (0 or a negative crossgate status; always "block" when non-zero),
    stage, reason, challenge_location, deciding_policy (index or None),
    deciding_policy_id, generation, bundle_version, requirements (list of
    dicts), session (dict), policies (list of PolicyResult).
    """

    def __init__(self, c: N.DecisionStruct, snapshot: Optional["Snapshot"] = None) -> None:
        self.status: int = c.status
        self.outcome: str = N.enum_string(E.ENUM_OUTCOME, c.outcome) or str(c.outcome)
        self.stage: str = N.enum_string(E.ENUM_STAGE, c.stage) or str(c.stage)
        self.reason: str = (N.enum_string(E.ENUM_DECISION_REASON, c.reason)
                            or str(c.reason))
        self.challenge_location: str = (
            N.enum_string(E.ENUM_CHALLENGE_LOCATION, c.challenge_location) or "none")
        self.generation: int = c.generation
        self.bundle_version: int = c.bundle_version
        self.deciding_policy: Optional[int] = (
            c.deciding_policy if c.deciding_policy >= 0 else None)
        names = snapshot if snapshot is not None and snapshot.generation == c.generation else None
        self.deciding_policy_id: Optional[str] = (
            names.policy(c, self.deciding_policy)[0]
            if names is not None and self.deciding_policy is not None else None)
        self.requirements: List[Dict[str, Any]] = [
            {"kind": N.enum_string(E.ENUM_REQUIREMENT, r.kind), "ref": r.ref,
             "policy_index": r.policy_index, "group": r.group,
             "location": N.enum_string(E.ENUM_CHALLENGE_LOCATION, r.location)}
            for r in c.requirements[:min(c.requirement_count, N.MAX_REQUIREMENTS)]]
        self.session: Dict[str, Any] = {
            "sign_in_frequency_minutes": c.sign_in_frequency_minutes,
            "persistent_browser": c.persistent_browser,
            "cloud_app_security": c.cloud_app_security,
            "flags": c.session_flags,
        }
        self.policies: List[PolicyResult] = []
        if c.policy_results:
            for i in range(min(c.policy_result_count, c.policy_results_capacity)):
                p = c.policy_results[i]
                pid, pname = (names.policy(c, p.policy_index) if names is not None
                              else (None, None))
                self.policies.append(PolicyResult(
                    p.policy_index, pid, pname,
                    N.enum_string(E.ENUM_POLICY_RESULT, p.result) or str(p.result),
                    N.enum_string(E.ENUM_WHATIF_REASON, p.reason) or str(p.reason),
                    bool(p.applies)))
        self.policy_result_count: int = c.policy_result_count

    @property
    def allowed(self) -> bool:
        return self.status == 0 and self.outcome == "allow"

    def __repr__(self) -> str:
        status = "" if self.status == 0 else f", status={N.status_string(self.status)!r}"
        return (f"Decision({self.outcome}, stage={self.stage}, reason={self.reason}, "
                f"generation={self.generation}{status})")


class DecisionBatch:
    """Decisions of one batch call, kept in their packed C array. Index it for
    Decision objects, or read outcomes()/statuses() cheaply. Reusable as the
    `out` of the next evaluate_many with the same length."""

    __slots__ = ("array",)

    def __init__(self, count: int) -> None:
        self.array = (N.DecisionStruct * count)()
        size = ctypes.sizeof(N.DecisionStruct)
        for d in self.array:  # elements bypass __init__
            d.struct_size = size

    def __len__(self) -> int:
        return len(self.array)

    def __getitem__(self, index: int) -> Decision:
        return Decision(self.array[index])

    def outcomes(self) -> List[str]:
        names = {0: "block", 1: "allow", 2: "challenge"}
        return [names.get(d.outcome, "block") for d in self.array]

    def statuses(self) -> List[int]:
        return [d.status for d in self.array]

    @property
    def generation(self) -> int:
        return self.array[0].generation if len(self.array) else 0


class LoadReport:
    """What a successful load published, and its warnings."""

    def __init__(self, generation: int, issues: List[N.Issue]) -> None:
        self.generation = generation
        self.issues = issues

    @property
    def warnings(self) -> List[N.Issue]:
        return [i for i in self.issues if i.severity == "warning"]

    def __repr__(self) -> str:
        return f"LoadReport(generation={self.generation}, issues={len(self.issues)})"


def _load_options(format: str, warnings_as_errors: bool, validate_only: bool,
                  bundle_version: int) -> N.LoadOptions:
    opts = N.LoadOptions()
    opts.format = E.enum_value(E.FORMAT, format, "format")
    opts.flags = ((E.LOAD_WARNINGS_AS_ERRORS if warnings_as_errors else 0) |
                  (E.LOAD_VALIDATE_ONLY if validate_only else 0))
    opts.bundle_version = bundle_version
    return opts


def _report(handle: ctypes.c_void_p) -> LoadReport:
    try:
        issues = [N.read_issue(N.lib.crossgate_load_report_issue, handle, i)
                  for i in range(N.lib.crossgate_load_report_issue_count(handle))]
        return LoadReport(N.lib.crossgate_load_report_generation(handle), issues)
    finally:
        N.lib.crossgate_load_report_destroy(handle)


class _Handle:
    """close(), context manager and __del__ for a C handle."""

    _destroy = None  # set by subclasses
    _handle: Optional[ctypes.c_void_p] = None

    def close(self) -> None:
        handle, self._handle = self._handle, None
        if handle:
            type(self)._destroy(handle)

    def __enter__(self):
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:  # noqa: BLE001 - interpreter shutdown
            pass

    def _h(self) -> ctypes.c_void_p:
        if not self._handle:
            raise ValueError(f"{type(self).__name__} is closed")
        return self._handle


class Snapshot(_Handle):
    """An immutable view of one published generation (crossgate_snapshot)."""

    _destroy = staticmethod(lambda h: N.lib.crossgate_snapshot_release(h))

    def __init__(self, handle: ctypes.c_void_p) -> None:
        self._handle = handle
        self.generation: int = N.lib.crossgate_snapshot_generation(handle)
        self.bundle_version: int = N.lib.crossgate_snapshot_bundle_version(handle)

    def policy(self, decision: N.DecisionStruct, index: int):
        """(id, display name) of a policy index from a decision of this snapshot."""
        info = N.PolicyInfo()
        N.lib.crossgate_snapshot_policy(ctypes.byref(info), self._h(),
                                        ctypes.byref(decision), index,
                                        ctypes.byref(ctypes.c_void_p()))
        return (ctypes.string_at(info.id.data, info.id.size).decode(),
                ctypes.string_at(info.display_name.data, info.display_name.size).decode())

    def evaluate(self, request: RequestLike) -> Decision:
        """Decides one request; failures come back as block decisions with
        .status set (and never raise for request problems: fail closed) unless
        the request itself cannot be converted (ValueError)."""
        keep: List[Any] = []
        c_request = N.Request()
        fill(c_request, request, keep)
        results = (N.PolicyResult * POLICY_RESULT_CAPACITY)()
        out = N.DecisionStruct()
        out.policy_results = results
        out.policy_results_capacity = POLICY_RESULT_CAPACITY
        N.lib.crossgate_snapshot_evaluate(ctypes.byref(out), self._h(),
                                          ctypes.byref(c_request), None)
        return Decision(out, self)

    def evaluate_many(self, requests: Union[RequestBatch, Iterable[RequestLike]],
                      out: Optional[DecisionBatch] = None) -> DecisionBatch:
        """Decides every request with one C call against this snapshot."""
        return _evaluate_many(N.lib.crossgate_snapshot_evaluate_batch, self._h(),
                              requests, out)

    def can_invite(self, resource_tenant_id: Any, invitee_email: str, *,
                   inviter_kind: Any = "member", inviter_id: Any = None,
                   inviter_roles: Sequence[Any] = (),
                   invitee_home_tenant_id: Any = None) -> Dict[str, Any]:
        """May this inviter invite this invitee (spec 3.1, 3.2)?"""
        inv = N.Invitation()
        inv.inviter_kind = E.enum_value(E.INVITER_KIND, inviter_kind, "inviter_kind")
        inv.resource_tenant_id = guid(resource_tenant_id)
        inv.inviter_id = guid(inviter_id)
        roles = (N.Guid * len(inviter_roles))(*[guid(r) for r in inviter_roles])
        inv.inviter_roles = roles if inviter_roles else None
        inv.inviter_role_count = len(inviter_roles)
        email = invitee_email.encode()
        inv.invitee_email = N.Str(email, len(email))
        inv.invitee_home_tenant_id = guid(invitee_home_tenant_id)
        return self._check(N.lib.crossgate_snapshot_can_invite, inv,
                           E.ENUM_INVITATION_REASON)

    def can_self_service_sign_up(self, resource_tenant_id: Any, email: str, *,
                                 application_id: Any = None,
                                 identity_source: Any = "entra",
                                 home_tenant_id: Any = None) -> Dict[str, Any]:
        """May this identity sign itself up through the app's user flow (spec 3.3)?"""
        su = N.SignUp()
        su.application_id = guid(application_id)
        su.identity_source = E.enum_value(E.IDENTITY_SOURCE, identity_source,
                                          "identity_source")
        su.resource_tenant_id = guid(resource_tenant_id)
        data = email.encode()
        su.email = N.Str(data, len(data))
        su.home_tenant_id = guid(home_tenant_id)
        return self._check(N.lib.crossgate_snapshot_can_self_service_sign_up, su,
                           E.ENUM_SIGN_UP_REASON)

    def _check(self, func: Any, arg: Any, reason_kind: int) -> Dict[str, Any]:
        out = N.CheckResult()
        err = ctypes.c_void_p()
        rc = func(ctypes.byref(out), self._h(), ctypes.byref(arg), ctypes.byref(err))
        N.raise_from(rc, err)
        return {"allowed": out.outcome == 1,
                "outcome": N.enum_string(E.ENUM_OUTCOME, out.outcome),
                "stage": N.enum_string(E.ENUM_STAGE, out.stage),
                "reason": N.enum_string(reason_kind, out.reason),
                "generation": out.generation}


def _evaluate_many(func: Any, handle: ctypes.c_void_p,
                   requests: Union[RequestBatch, Iterable[RequestLike]],
                   out: Optional[DecisionBatch]) -> DecisionBatch:
    batch = requests if isinstance(requests, RequestBatch) else RequestBatch(requests)
    if out is None or len(out) != len(batch):
        out = DecisionBatch(len(batch))
    # Per-decision statuses are in the DecisionBatch; failures are blocks.
    func(out.array, handle, batch.array, len(batch), None)
    return out


class Engine(_Handle):
    """A policy engine: load policies, evaluate requests, reload atomically."""

    _destroy = staticmethod(lambda h: N.lib.crossgate_engine_destroy(h))

    def __init__(self) -> None:
        handle = ctypes.c_void_p()
        N.lib.crossgate_engine_create(ctypes.byref(handle), None,
                                      ctypes.byref(ctypes.c_void_p()))
        self._handle = handle

    @classmethod
    def load(cls, *paths: PathLike, **options: Any) -> "Engine":
        """A new engine with `paths` loaded (see reload for options)."""
        engine = cls()
        try:
            engine.reload(*paths, **options)
        except BaseException:
            engine.close()
            raise
        return engine

    def reload(self, *paths: PathLike, warnings_as_errors: bool = False,
               validate_only: bool = False, bundle_version: int = 0) -> LoadReport:
        """Loads files/directories (Graph JSON exports, tenant documents, binary
        bundles) and publishes them atomically. On failure raises
        CrossgateError (with .path and .issues) and the current policies keep
        serving."""
        if not paths:
            raise ValueError("reload() needs at least one path")
        encoded = [os.fsencode(p) for p in paths]
        strs = (N.Str * len(encoded))(*[N.Str(p, len(p)) for p in encoded])
        report = ctypes.c_void_p()
        opts = _load_options("auto", warnings_as_errors, validate_only, bundle_version)
        try:
            N.lib.crossgate_engine_load_paths(ctypes.byref(report), self._h(), strs,
                                              len(encoded), ctypes.byref(opts),
                                              ctypes.byref(ctypes.c_void_p()))
        finally:
            result = _report(report) if report else None
        return result  # type: ignore[return-value]

    def load_bytes(self, data: bytes, format: str = "auto", *,
                   warnings_as_errors: bool = False, validate_only: bool = False,
                   bundle_version: int = 0) -> LoadReport:
        """As reload, from one in-memory document or binary bundle."""
        report = ctypes.c_void_p()
        opts = _load_options(format, warnings_as_errors, validate_only, bundle_version)
        try:
            N.lib.crossgate_engine_load_memory(ctypes.byref(report), self._h(), data,
                                               len(data), ctypes.byref(opts),
                                               ctypes.byref(ctypes.c_void_p()))
        finally:
            result = _report(report) if report else None
        return result  # type: ignore[return-value]

    @property
    def generation(self) -> int:
        """The generation now serving (0 = nothing loaded)."""
        return N.lib.crossgate_engine_generation(self._h())

    def snapshot(self) -> Snapshot:
        """Pins the generation now serving (raises CrossgateError if none)."""
        handle = ctypes.c_void_p()
        N.lib.crossgate_engine_snapshot(ctypes.byref(handle), self._h(),
                                        ctypes.byref(ctypes.c_void_p()))
        return Snapshot(handle)

    def evaluate(self, request: RequestLike, *, policies: bool = False) -> Decision:
        """Decides one request against the current policies. With
        policies=True (or a What-If request) the decision lists every policy's
        result with its id and display name. With nothing loaded the decision
        is a block whose status is CROSSGATE_ENOTLOADED."""
        what_if = (request.what_if if isinstance(request, Request)
                   else bool(request.get("what_if")))
        if (policies or what_if) and self.generation != 0:
            with self.snapshot() as snapshot:
                return snapshot.evaluate(request)
        keep: List[Any] = []
        c_request = N.Request()
        fill(c_request, request, keep)
        out = N.DecisionStruct()
        N.lib.crossgate_evaluate(ctypes.byref(out), self._h(), ctypes.byref(c_request), None)
        return Decision(out)

    def evaluate_json(self, text: Union[str, bytes]) -> Decision:
        """Decides one request written as JSON (docs/c-api.md)."""
        data = text.encode() if isinstance(text, str) else text
        out = N.DecisionStruct()
        results = (N.PolicyResult * POLICY_RESULT_CAPACITY)()
        out.policy_results = results
        out.policy_results_capacity = POLICY_RESULT_CAPACITY
        err = ctypes.c_void_p()
        N.lib.crossgate_evaluate_json(ctypes.byref(out), self._h(), data, len(data),
                                      ctypes.byref(err))
        if err.value:
            N.lib.crossgate_error_free(err)
        return Decision(out)

    def evaluate_many(self, requests: Union[RequestBatch, Iterable[RequestLike]],
                      out: Optional[DecisionBatch] = None) -> DecisionBatch:
        """Decides many requests with one C call, all against one generation.
        Pass a RequestBatch (converted once) and reuse `out` for speed."""
        return _evaluate_many(N.lib.crossgate_evaluate_batch, self._h(), requests, out)
