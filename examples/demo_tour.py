#!/usr/bin/env python3
"""The demo tour: load the example tenants, evaluate each example request
through the C ABI's JSON entry point, print the decision and its reason.

    demo_tour.py <build-dir>
"""
import glob
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bindings", "python"))
build = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build")
os.environ.setdefault("CROSSGATE_LIBRARY", os.path.join(build, "lib", "libcrossgate.so"))

import crossgate  # noqa: E402

policies = sorted(glob.glob(os.path.join(ROOT, "examples", "policies", "*.json")))
engine = crossgate.Engine.load(*policies)
print(f"loaded {len(policies)} tenant documents\n")
print(f"{'request':44} {'outcome':10} {'stage':20} reason")
for path in sorted(glob.glob(os.path.join(ROOT, "examples", "requests", "*.json"))):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    name = os.path.basename(path)[:-5]
    if name == "expected":  # the expectations table, not a request
        continue
    try:
        d = engine.evaluate_json(text)
        print(f"{name:44} {d.outcome:10} {d.stage:20} {d.reason}")
    except crossgate.CrossgateError as e:  # a request the reader rejects
        print(f"{name:44} {'error':10} {'request':20} {e}")
