#!/usr/bin/env python3
"""Decisions per second through the Python binding's batch path.

    CROSSGATE_LIBRARY=build/lib/libcrossgate.so.1 \\
      python3 bench/python_batch_bench.py --workload DIR [--json OUT]

With --workload, reads the generated workload written by
`workload_benchmark --write=DIR` (bundle.pb and requests.jsonl: the same
corpus-modelled 200-policy tenant and sign-in mix as the C++ benchmarks).
Without it, builds a simple bundle of N policies (hand-encoded protobuf, no
dependencies). Converts the requests ONCE into a RequestBatch, then times
engine.evaluate_many(batch, out=...) repeatedly on one thread, --repetitions
times (the median is reported). Also reports the one-time conversion cost and
the single-request evaluate() path for contrast. Target: >= 1,000,000
decisions/s on the batch path.
"""

import argparse
import json
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "bindings", "python"))

import crossgate  # noqa: E402

TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47"


def _varint(v: int) -> bytes:
    out = bytearray()
    while True:
        b = v & 0x7F
        v >>= 7
        out.append(b | (0x80 if v else 0))
        if not v:
            return bytes(out)


def _len(field: int, payload: bytes) -> bytes:
    return _varint(field << 3 | 2) + _varint(len(payload)) + payload


def _num(field: int, value: int) -> bytes:
    return _varint(field << 3) + _varint(value)


def guid(prefix: int, i: int) -> str:
    return f"{prefix:08x}-0000-4000-8000-{i:012x}"


def bundle(policies: int) -> bytes:
    """Mirrors bench/capi_benchmark.cc MakeBundle."""
    tenant = _len(1, TENANT.encode())
    for i in range(policies):
        users = _len(1, b"All") if i % 3 == 0 else _len(3, guid(0x6E, i % 50).encode())
        app = b"All" if i % 4 == 0 else guid(0xA9, i % 20).encode()
        conditions = _len(1, users) + _len(3, _len(1, app))
        grant = _num(1, 2) + _num(2, 2 if i % 2 else 3) + _num(2, 2)
        state = 3 if i % 10 == 9 else 1
        policy = (_len(1, guid(0xCA, i).encode()) + _len(2, f"bench policy {i}".encode()) +
                  _num(3, state) + _len(4, conditions) + _len(5, grant))
        tenant += _len(3, policy)
    return _num(1, 1) + _len(2, tenant)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--policies", type=int, default=200)
    ap.add_argument("--requests", type=int, default=100_000)
    ap.add_argument("--seconds", type=float, default=1.0)
    ap.add_argument("--repetitions", type=int, default=5)
    ap.add_argument("--workload", help="directory written by workload_benchmark --write")
    ap.add_argument("--json", help="write the figures here as JSON")
    args = ap.parse_args()

    engine = crossgate.Engine()
    if args.workload:
        with open(os.path.join(args.workload, "bundle.pb"), "rb") as f:
            data = f.read()
        with open(os.path.join(args.workload, "requests.jsonl")) as f:
            requests = [json.loads(line) for line in f][: args.requests]
    else:
        data = bundle(args.policies)
        requests = [{"resource_tenant_id": TENANT,
                     "application_id": guid(0xA9, i % 20),
                     "client_app": "browser", "platform": ("windows", "iOS", "android")[i % 3],
                     "groups": [guid(0x6E, (i + k) % 50) for k in range(0, 30, 3)],
                     "claims": ["mfa"] if i % 2 else []}
                    for i in range(args.requests)]
    try:
        engine.load_bytes(data)
    except crossgate.CrossgateError as e:
        print(f"cannot load a bundle in this build: {e}")
        return 1

    t0 = time.perf_counter()
    batch = crossgate.RequestBatch(requests)
    convert = time.perf_counter() - t0
    out = engine.evaluate_many(batch)
    assert all(s == 0 for s in out.statuses()), "batch had failures"

    # Wall time and this process's CPU time: on a shared VM the CPU rate is
    # what one core delivers. Median over repetitions.
    rates, cpu_rates = [], []
    for _ in range(args.repetitions):
        done, t0, c0 = 0, time.perf_counter(), time.process_time()
        while time.perf_counter() - t0 < args.seconds:
            engine.evaluate_many(batch, out=out)
            done += len(batch)
        rates.append(done / (time.perf_counter() - t0))
        cpu_rates.append(done / (time.process_time() - c0))
    rate, cpu_rate = statistics.median(rates), statistics.median(cpu_rates)

    single_n, t0, c0 = 5000, time.perf_counter(), time.process_time()
    for r in requests[:single_n]:
        engine.evaluate(r)
    single = single_n / (time.perf_counter() - t0)
    single_cpu = single_n / (time.process_time() - c0)

    outcomes = out.outcomes()
    print(f"{'workload ' + args.workload if args.workload else f'policies={args.policies}'} "
          f"requests={len(batch)} "
          f"(allow {outcomes.count('allow')}, challenge {outcomes.count('challenge')}, "
          f"block {outcomes.count('block')})")
    print(f"RequestBatch conversion: {len(batch) / convert:,.0f} requests/s (once)")
    print(f"evaluate_many (batch):   {rate:,.0f} decisions/s wall, "
          f"{cpu_rate:,.0f} per CPU-second")
    print(f"evaluate (one by one):   {single:,.0f} decisions/s wall, "
          f"{single_cpu:,.0f} per CPU-second")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"batch_rate": rate, "batch_cpu_rate": cpu_rate,
                       "single_rate": single, "single_cpu_rate": single_cpu,
                       "conversion_rate": len(batch) / convert,
                       "requests": len(batch)}, f)
    return 0


if __name__ == "__main__":
    sys.exit(main())
