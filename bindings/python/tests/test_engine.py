"""unittest suite for the crossgate Python binding (run by CTest as
python_binding; CROSSGATE_LIBRARY names the library under test)."""

import ctypes
import os
import pathlib
import tempfile
import threading
import unittest
import uuid

import crossgate
from crossgate import _native as N
from crossgate.request import guid

from .bundles import OTHER_TENANT, TENANT, bundle

EXAMPLES = pathlib.Path(__file__).resolve().parents[3] / "examples" / "policies"
CONTOSO = "26df84dc-8579-5daa-b6a2-459e1120abd7"
GUEST_INVITER_ROLE = "95e79109-95c0-4d8e-aee3-d01accf2d47b"


def loaded_engine(version=7, *tenants):
    """An engine with a bundle loaded, or None when this build cannot
    compile policies (CROSSGATE_EUNSUPPORTED)."""
    engine = crossgate.Engine()
    try:
        engine.load_bytes(bundle(version, *tenants))
    except crossgate.CrossgateError as e:
        engine.close()
        if e.code == crossgate.EUNSUPPORTED:
            return None
        raise
    return engine


REQUEST = {"resource_tenant_id": TENANT, "client_app": "browser",
           "platform": "iOS", "groups": [OTHER_TENANT], "claims": ["mfa"],
           "country": "US", "ip": "10.0.0.1"}


class ValuesTest(unittest.TestCase):
    def test_version(self):
        self.assertEqual(crossgate.__version__, "0.1.0")

    def test_status_strings(self):
        self.assertEqual(crossgate.status_string(0), "ok")
        self.assertEqual(crossgate.status_string(crossgate.ENOTLOADED), "no policies loaded")
        self.assertEqual(crossgate.status_string(-999), "unknown status")

    def test_guid_byte_order_matches_uuid(self):
        g = guid(TENANT)
        self.assertEqual(bytes(g.bytes), uuid.UUID(TENANT).bytes)
        self.assertEqual(bytes(guid(uuid.UUID(TENANT)).bytes), uuid.UUID(TENANT).bytes)
        with self.assertRaises(ValueError):
            guid("not-a-guid")

    def test_struct_sizes_match_library(self):
        # The library accepts exactly [v1, its sizeof]; v1 == sizeof today.
        for struct, init in ((N.Request, N.lib.crossgate_request_init),
                             (N.DecisionStruct, N.lib.crossgate_decision_init)):
            value = struct()
            init(ctypes.byref(value), ctypes.sizeof(struct))
            with self.assertRaises(crossgate.CrossgateError) as ctx:
                init(ctypes.byref(value), ctypes.sizeof(struct) + 8)
            self.assertEqual(ctx.exception.code, crossgate.EVERSION)

    def test_unknown_request_names_raise(self):
        with crossgate.Engine() as engine:
            with self.assertRaises(ValueError):
                engine.evaluate({"platform": "amiga"})
            with self.assertRaises(ValueError):
                engine.evaluate({"no_such_field": 1})
            with self.assertRaises(ValueError):
                engine.evaluate({"country": "USA"})


class NothingLoadedTest(unittest.TestCase):
    def setUp(self):
        self.engine = crossgate.Engine()

    def tearDown(self):
        self.engine.close()

    def test_evaluate_fails_closed(self):
        d = self.engine.evaluate(REQUEST)
        self.assertEqual(d.outcome, "block")
        self.assertFalse(d.allowed)
        self.assertEqual(d.status, crossgate.ENOTLOADED)
        self.assertEqual(self.engine.generation, 0)

    def test_evaluate_many_fails_closed(self):
        batch = crossgate.RequestBatch([REQUEST, crossgate.Request(platform="android")])
        out = self.engine.evaluate_many(batch)
        self.assertEqual(out.outcomes(), ["block", "block"])
        self.assertEqual(out.statuses(), [crossgate.ENOTLOADED] * 2)

    def test_evaluate_json_fails_closed(self):
        d = self.engine.evaluate_json('{"resourceTenantId": "%s"}' % TENANT)
        self.assertEqual((d.outcome, d.status), ("block", crossgate.ENOTLOADED))

    def test_snapshot_raises(self):
        with self.assertRaises(crossgate.CrossgateError) as ctx:
            self.engine.snapshot()
        self.assertEqual(ctx.exception.code, crossgate.ENOTLOADED)

    def test_missing_file_names_path(self):
        with self.assertRaises(crossgate.CrossgateError) as ctx:
            self.engine.reload("/nonexistent/crossgate/policies.pb")
        e = ctx.exception
        self.assertIn(e.code, (crossgate.EIO, crossgate.EUNSUPPORTED))
        if e.code == crossgate.EIO:
            self.assertIn("/nonexistent/", e.path)
            self.assertEqual(e.issues[0].code, "io")
        self.assertEqual(self.engine.generation, 0)

    def test_garbage_bundle(self):
        with self.assertRaises(crossgate.CrossgateError) as ctx:
            self.engine.load_bytes(b"\x08\xff\xff", format="binary")
        self.assertIn(ctx.exception.code, (crossgate.EPARSE, crossgate.EUNSUPPORTED))
        self.assertEqual(self.engine.generation, 0)

    def test_closed_engine(self):
        self.engine.close()
        self.engine.close()  # idempotent
        with self.assertRaises(ValueError):
            self.engine.evaluate(REQUEST)


class LoadedTest(unittest.TestCase):
    def setUp(self):
        self.engine = loaded_engine(7)
        if self.engine is None:
            self.skipTest("this build cannot compile policies yet")

    def tearDown(self):
        self.engine.close()

    def test_evaluate_reports_generation(self):
        d = self.engine.evaluate(REQUEST)
        self.assertEqual((d.generation, d.bundle_version), (1, 7))
        self.assertIn(d.outcome, ("allow", "block", "challenge"))
        self.assertIsInstance(d.policies, list)

    def test_unknown_tenant_blocks(self):
        d = self.engine.evaluate(dict(REQUEST, resource_tenant_id=OTHER_TENANT))
        self.assertEqual(d.outcome, "block")

    def test_bad_enum_value_fails_closed(self):
        d = self.engine.evaluate(dict(REQUEST, platform=99))
        self.assertEqual((d.outcome, d.status), ("block", crossgate.EENUM))

    def test_reload_and_pinned_snapshot(self):
        with self.engine.snapshot() as snap:
            report = self.engine.load_bytes(bundle(8))
            self.assertEqual(report.generation, 2)
            self.assertEqual(self.engine.generation, 2)
            self.assertEqual(snap.evaluate(REQUEST).bundle_version, 7)
        self.assertEqual(self.engine.evaluate(REQUEST).bundle_version, 8)

    def test_reload_from_file(self):
        with tempfile.NamedTemporaryFile(suffix=".pb", delete=False) as f:
            f.write(bundle(11))
        try:
            report = self.engine.reload(f.name)
            self.assertEqual(report.generation, 2)
            self.assertEqual(self.engine.evaluate(REQUEST).bundle_version, 11)
        finally:
            os.unlink(f.name)

    def test_failed_reload_keeps_serving(self):
        with self.assertRaises(crossgate.CrossgateError):
            self.engine.load_bytes(b"\x08\xff", format="binary")
        self.assertEqual(self.engine.generation, 1)
        self.assertEqual(self.engine.evaluate(REQUEST).bundle_version, 7)

    def test_validate_only_does_not_publish(self):
        report = self.engine.load_bytes(bundle(9), validate_only=True)
        self.assertEqual(report.generation, 0)
        self.assertEqual(self.engine.generation, 1)

    def test_batch_matches_single(self):
        requests = [REQUEST, dict(REQUEST, resource_tenant_id=OTHER_TENANT),
                    dict(REQUEST, platform=99), crossgate.Request(**REQUEST)]
        batch = crossgate.RequestBatch(requests)
        out = self.engine.evaluate_many(batch)
        self.assertEqual(len(out), 4)
        singles = [self.engine.evaluate(r) for r in requests]
        self.assertEqual(out.outcomes(), [d.outcome for d in singles])
        self.assertEqual(out.statuses(), [d.status for d in singles])
        self.assertEqual({d.generation for d in out.array}, {1})
        again = self.engine.evaluate_many(batch, out=out)
        self.assertIs(again, out)
        with self.engine.snapshot() as snap:
            self.assertEqual(snap.evaluate_many(batch).outcomes(), out.outcomes())

    def test_concurrent_reload(self):
        errors = []
        stop = threading.Event()

        def reader():
            batch = crossgate.RequestBatch([REQUEST] * 16)
            while not stop.is_set():
                out = self.engine.evaluate_many(batch)
                g = out.generation
                for d in out.array:
                    if d.generation != g or d.bundle_version != 100 + g or d.status not in (0,):
                        errors.append((d.generation, d.bundle_version, d.status))

        self.engine.load_bytes(bundle(102))  # generation 2 -> version 102
        threads = [threading.Thread(target=reader) for _ in range(2)]
        for t in threads:
            t.start()
        for g in range(3, 53):
            self.engine.load_bytes(bundle(100 + g))
        stop.set()
        for t in threads:
            t.join()
        self.assertEqual(errors, [])
        self.assertEqual(self.engine.generation, 52)

    def test_collaboration_checks_name_an_unknown_tenant(self):
        with self.engine.snapshot() as snap:
            with self.assertRaises(crossgate.CrossgateError) as ctx:
                snap.can_invite("99999999-9999-9999-9999-999999999999",
                                "guest@contoso.com")
            self.assertIn("resource_tenant_id", str(ctx.exception))

    def test_invitations_on_the_example_tenant(self):
        # Contoso (examples/policies/contoso.json) blocks mailinator.com and
        # lets admins and Guest Inviters invite (spec 3.1, 3.2, D6).
        engine = crossgate.Engine.load(str(EXAMPLES / "contoso.json"))
        inviter = {"inviter_roles": [GUEST_INVITER_ROLE]}
        with engine.snapshot() as snap:
            ok = snap.can_invite(CONTOSO, "alex@fabrikam.example", **inviter)
            self.assertTrue(ok["allowed"], ok)
            self.assertEqual(ok["stage"], "none")
            member = snap.can_invite(CONTOSO, "alex@fabrikam.example")
            self.assertFalse(member["allowed"])
            self.assertEqual(member["reason"], "inviterNotPermitted")
            blocked = snap.can_invite(CONTOSO, "someone@mailinator.com", **inviter)
            self.assertFalse(blocked["allowed"])
            self.assertEqual(blocked["stage"], "externalCollaboration")
            self.assertEqual(blocked["reason"], "domainBlocked")
            bad = snap.can_invite(CONTOSO, "not-an-email", **inviter)
            self.assertFalse(bad["allowed"])
            self.assertEqual(bad["reason"], "invalidInviteeEmail")


if __name__ == "__main__":
    unittest.main()
