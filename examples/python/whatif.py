#!/usr/bin/env python3
"""What-If from Python over the crossgate C ABI.

    whatif.py <policy path>... --request '{"resource_tenant_id": "...", ...}'
    whatif.py --self-test

Loads the policies, evaluates the request (keys of crossgate.Request) in
What-If mode and prints the decision with every policy's result and reason.
--self-test runs on a tiny in-memory bundle (used by the test suite).

Runs from the source tree: PYTHONPATH=bindings/python, and the library from
CROSSGATE_LIBRARY or build/lib.
"""

import argparse
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "bindings", "python"))

import crossgate  # noqa: E402

TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47"


def show(decision: crossgate.Decision) -> None:
    print(f"{decision.outcome.upper()}  stage={decision.stage} reason={decision.reason} "
          f"generation={decision.generation}"
          + ("" if decision.status == 0 else
             f"  [{crossgate.status_string(decision.status)}]"))
    for r in decision.requirements:
        print(f"  requires {r['kind']} (at {r['location']})")
    for p in decision.policies:
        name = p.display_name or p.id or f"#{p.index}"
        print(f"  {p.result:<24} {name}  ({'applies' if p.applies else p.reason})")


def self_test() -> int:
    """Evaluates one request with nothing loaded (must block), then loads a
    one-tenant bundle if this build can and checks the generation."""
    bundle = (b"\x08\x07\x12\x26\x0a\x24" + TENANT.encode())  # version 7, one tenant
    with crossgate.Engine() as engine:
        request = {"resource_tenant_id": TENANT, "client_app": "browser",
                   "platform": "windows", "what_if": True}
        d = engine.evaluate(request)
        show(d)
        if d.outcome != "block" or d.status != crossgate.ENOTLOADED:
            print("FAIL: an empty engine must block", file=sys.stderr)
            return 1
        try:
            engine.load_bytes(bundle)
        except crossgate.CrossgateError as e:
            if e.code != crossgate.EUNSUPPORTED:
                raise
            print(f"(loading skipped: {e.message})")
            return 0
        d = engine.evaluate(request)
        show(d)
        return 0 if (d.generation, d.bundle_version) == (1, 7) else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--request", help="request as JSON (crossgate.Request keys)")
    parser.add_argument("--self-test", action="store_true")
    args = parser.parse_args()
    if args.self_test:
        return self_test()
    if not args.paths or not args.request:
        parser.error("give policy paths and --request")
    try:
        engine = crossgate.Engine.load(*args.paths)
    except crossgate.CrossgateError as e:
        print(f"load failed: {e}", file=sys.stderr)
        for issue in e.issues:
            print(f"  {issue}", file=sys.stderr)
        return 1
    with engine:
        request = json.loads(args.request)
        request.setdefault("what_if", True)
        show(engine.evaluate(request, policies=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
