#!/usr/bin/env python3
"""Turns the Google Benchmark JSON outputs of bench/run.sh into the results
table (figure, value, target, ratio to baseline, machine) of issue #7.

    bench/report.py <results-dir> <machine text>

<results-dir> holds <binary>.json (--benchmark_format=json with
repetitions, aggregates only) and python_batch.json. Every figure is the
median over the repetitions. The baseline is the reference evaluator
(tests/reference) timed in the same run; figures without a baseline say so.
"""

import json
import os
import re
import sys


def load(results, name):
    path = os.path.join(results, name + ".json")
    if not os.path.exists(path):
        return {}
    with open(path) as f:
        try:
            data = json.load(f)
        except json.JSONDecodeError:
            return {}
    out = {}
    for b in data.get("benchmarks", []):
        if b.get("aggregate_name", "median") != "median":
            continue
        out[b.get("run_name", b["name"])] = b
    return out


def ns(b):
    """CPU time per iteration in ns."""
    scale = {"ns": 1, "us": 1e3, "ms": 1e6, "s": 1e9}[b.get("time_unit", "ns")]
    return b["cpu_time"] * scale


def real_ns(b):
    scale = {"ns": 1, "us": 1e3, "ms": 1e6, "s": 1e9}[b.get("time_unit", "ns")]
    return b["real_time"] * scale


def stream_pass_instructions(results):
    """Instructions per call of each entry point that BM_StreamPass calls
    (callgrind_annotate --tree=calling output, written by run.sh): the
    callee lines under BM_StreamPass, `> ???:<name> (<calls>x)`."""
    path = os.path.join(results, "capi_callgrind.txt")
    if not os.path.exists(path):
        return {}
    out, inside = {}, False
    with open(path) as f:
        for line in f:
            if "*  ???:crossgate::bench::" in line and "BM_StreamPass" in line:
                inside = True
                continue
            if inside and not line.strip():
                break
            m = re.match(r"\s*([\d,]+) .*>\s+\S+?:(.+?) \(([\d,]+)x\)", line)
            if inside and m:
                name = m.group(2).split("(")[0]
                calls = int(m.group(3).replace(",", ""))
                out[name] = int(m.group(1).replace(",", "")) / calls
    return out


def fmt_ns(v):
    if v is None:
        return "n/a"
    if v >= 1e9:
        return f"{v / 1e9:.2f} s"
    if v >= 1e6:
        return f"{v / 1e6:.2f} ms"
    if v >= 1e3:
        return f"{v / 1e3:.2f} µs"
    return f"{v:.0f} ns"


def fmt_rate(v):
    if v is None:
        return "n/a"
    if v >= 1e6:
        return f"{v / 1e6:.2f} M/s"
    return f"{v / 1e3:.0f} k/s"


def main():
    results, machine = sys.argv[1], sys.argv[2]
    ev = load(results, "evaluate_benchmark")
    capi = load(results, "capi_benchmark")
    ld = load(results, "load_benchmark")
    ld.update(load(results, "load_100k_benchmark"))
    mem = load(results, "memory_benchmark")
    rl = load(results, "reload_benchmark")
    cli = load(results, "cli_check_batch_benchmark")
    py = {}
    if os.path.exists(os.path.join(results, "python_batch.json")):
        with open(os.path.join(results, "python_batch.json")) as f:
            py = json.load(f)

    rows = []  # (figure, value, target, met, ratio, machine note)

    def get(table, key):
        return table.get(key)

    def counter(table, key, name):
        b = table.get(key)
        return None if b is None else b.get(name)

    def lat(p, t=1, r=0, what="p50_ns"):
        return counter(ev, f"BM_Latency/policies:{p}/tenants:{t}/report:{r}", what)

    def ref_ns(p):
        b = get(ev, f"BM_Reference/policies:{p}")
        return None if b is None else ns(b)

    def eng_cpu(p, r=1):
        b = get(ev, f"BM_Latency/policies:{p}/tenants:1/report:{r}")
        if b is None:
            return None
        return ns(b) - (b.get("timer_ns") or 0)  # minus the timer pair around each call

    def ratio(base, value):
        if base is None or value is None or value == 0:
            return "n/a"
        return f"{base / value:,.0f}×"

    def add(fig, value, target, met, rat="no baseline", note="CPU time"):
        verdict = "n/a" if met is None else ("met" if met else "MISSED")
        rows.append((fig, value, f"{target} ({verdict})" if target else "—", rat, note))

    # Latency, 200-policy tenant with 1,000 partners.
    p50, p99, mean = lat(200), lat(200, what="p99_ns"), lat(200, what="mean_ns")
    r200 = ref_ns(200)
    add("p50 per decision, C++ API (200 policies, 1,000 partners)", fmt_ns(p50), "≤ 150 ns",
        None if p50 is None else p50 <= 150, ratio(r200, p50), "per-call cycle counter, wall")
    add("p99 per decision, C++ API", fmt_ns(p99), "≤ 1 µs",
        None if p99 is None else p99 <= 1000, ratio(r200, p99), "per-call cycle counter, wall")
    add("mean per decision, C++ API", fmt_ns(mean), "", None, ratio(r200, mean),
        "per-call cycle counter, wall")
    p50r = lat(200, r=1)
    add("p50 with per-policy results (D14)", fmt_ns(p50r), "", None, ratio(r200, p50r),
        "per-call cycle counter, wall")
    c_p50 = counter(capi, "BM_CApiLatency/policies:200", "p50_ns")
    c_p99 = counter(capi, "BM_CApiLatency/policies:200", "p99_ns")
    add("p50 per decision, C ABI (crossgate_snapshot_evaluate)", fmt_ns(c_p50), "≤ 150 ns",
        None if c_p50 is None else c_p50 <= 150, ratio(r200, c_p50), "per-call cycle counter, wall")
    add("p99 per decision, C ABI", fmt_ns(c_p99), "≤ 1 µs",
        None if c_p99 is None else c_p99 <= 1000, ratio(r200, c_p99), "per-call cycle counter, wall")
    il = get(capi, "BM_CxxVsCApiInterleaved/policies:200")
    if il:
        over = il["overhead_p50_pct"]
        add("C ABI overhead, p50 (C and C++ calls interleaved on each request)",
            f"{over:+.0f}% ({fmt_ns(il['p50_ns'])} vs {fmt_ns(il['cxx_p50_ns'])})", "≤ +10%",
            over <= 10, "—", "per-call cycle counter, interleaved")
        add("C ABI overhead, mean (interleaved)", f"{il['overhead_mean_pct']:+.0f}%", "≤ +10%",
            il["overhead_mean_pct"] <= 10, "—", "per-call cycle counter, interleaved")
    cxx, cs = get(capi, "BM_Cxx/policies:200"), get(capi, "BM_CApiSnapshot/policies:200")
    if cxx and cs:
        over = ns(cs) / ns(cxx) - 1
        add("C ABI overhead, separate runs (snapshot_evaluate vs Evaluate)",
            f"{over * 100:+.0f}% ({fmt_ns(ns(cs))} vs {fmt_ns(ns(cxx))})", "≤ +10%", over <= 0.10,
            "—")
    ce, cxe = get(capi, "BM_CApi/policies:200"), get(capi, "BM_CxxEngine/policies:200")
    if cxe and ce:
        over = ns(ce) / ns(cxe) - 1
        add("C ABI overhead, separate runs (crossgate_evaluate vs Engine::Evaluate)",
            f"{over * 100:+.0f}% ({fmt_ns(ns(ce))} vs {fmt_ns(ns(cxe))})", "≤ +10%",
            over <= 0.10, "—")
    ins = stream_pass_instructions(results)
    for c_name, cxx_name, label in (
            ("crossgate_snapshot_evaluate", "crossgate::Evaluate", "snapshot_evaluate vs Evaluate"),
            ("crossgate_evaluate", "crossgate::Engine::Evaluate", "evaluate vs Engine::Evaluate")):
        if c_name in ins and cxx_name in ins:
            over = ins[c_name] / ins[cxx_name] - 1
            add(f"C ABI overhead, instructions ({label})",
                f"{over * 100:+.1f}% ({ins[c_name]:,.0f} vs {ins[cxx_name]:,.0f} per decision)",
                "≤ +10%", over <= 0.10, "—", "callgrind, one pass of the 4,096-request stream")

    # Throughput.
    t1 = counter(ev, "BM_Throughput/real_time/threads:1", "items_per_second")
    t2 = counter(ev, "BM_Throughput/real_time/threads:2", "items_per_second")
    ref_rate = None if r200 is None else 1e9 / r200
    add("throughput, 1 thread", fmt_rate(t1), "≥ 5 M/s", None if t1 is None else t1 >= 5e6,
        ratio(t1, ref_rate), "wall time")
    if t1 and t2:
        add("throughput, 2 threads sharing one snapshot", f"{fmt_rate(t2)} ({t2 / t1:.2f}× 1 thread)",
            "≥ 1.8× 1 thread", t2 / t1 >= 1.8, ratio(t2, ref_rate), "wall time, shared 2 cores")
    c1 = counter(ev, "BM_Throughput/real_time/threads:1", "per_thread_cpu_rate")
    c2 = counter(ev, "BM_Throughput/real_time/threads:2", "per_thread_cpu_rate")
    if c1 and c2:
        add("decisions per thread-CPU-second, 1 thread / each of 2 threads",
            f"{fmt_rate(c1)} / {fmt_rate(c2)} (2 threads ≙ {2 * c2 / c1:.2f}× 1 thread)",
            "≥ 5 M/s; ≥ 1.8×", c1 >= 5e6 and 2 * c2 / c1 >= 1.8, ratio(c1, ref_rate),
            "thread CPU time")

    # Scaling sweep.
    for p in (20, 200, 2000, 20000):
        v = lat(p)
        rv = ref_ns(p)
        add(f"p50 at {p:,} policies", fmt_ns(v), "", None, ratio(rv, v),
            "per-call cycle counter, wall")
    for p, limit in ((2000, 1.5), (20000, 2.0)):
        a, b = lat(p), p50
        if a and b:
            add(f"p50({p:,}) / p50(200)", f"{a / b:.2f}×", f"≤ {limit}×", a / b <= limit,
                f"reference grows {ref_ns(p) / r200:.1f}×" if ref_ns(p) and r200 else "n/a",
                "ratio of per-call p50s")
    for t in (1000, 100000):
        v = lat(200, t)
        add(f"p50 in a bundle of {t:,} tenants", fmt_ns(v), "", None, "no baseline",
            "per-call cycle counter, wall")
    for p, need in ((20, None), (200, 20), (2000, 200), (20000, None)):
        e, r = eng_cpu(p), ref_ns(p)
        if e and r:
            add(f"engine vs reference, {p:,} policies (mean CPU, both with per-policy results)"
                if p in (200, 2000) else f"engine vs reference, {p:,} policies",
                f"{fmt_ns(e)} vs {fmt_ns(r)}", f"≥ {need}×" if need else "",
                None if need is None else r / e >= need, ratio(r, e))

    # Load + compile.
    def ld_ms(key):
        b = get(ld, key)
        return None if b is None else ns(b)

    for key, fig, limit in (
        ("BM_LoadCompileBinary/policies:200/tenants:1", "load+compile, binary, 200 policies", 5e6),
        ("BM_LoadCompileJson/policies:200", "load+compile, Graph JSON, 200 policies", 20e6),
        ("BM_LoadCompileBinary/policies:2000/tenants:1", "load+compile, binary, 2,000 policies", None),
        ("BM_LoadCompileJson/policies:2000", "load+compile, Graph JSON, 2,000 policies", None),
        ("BM_LoadCompileBinary/policies:20000/tenants:1", "load+compile, binary, 20,000 policies", 500e6),
        ("BM_LoadCompileJson/policies:20000", "load+compile, Graph JSON, 20,000 policies", 500e6),
        ("BM_LoadCompileBinary/policies:200/tenants:1000", "load+compile, binary, 1,000 tenants", None),
        ("BM_LoadCompileBinaryHuge/policies:200/tenants:100000/iterations:1",
         "load+compile, binary, 100,000 tenants (1 run)", 2e9),
        ("BM_LoadOnlyBinary/policies:200/tenants:1", "  of which LoadBinaryBundle (parse + validate), 200 policies", None),
        ("BM_CompileOnly/policies:200/tenants:1", "  of which CompilePolicySet, 200 policies", None),
        ("BM_LoadOnlyBinary/policies:20000/tenants:1", "  of which LoadBinaryBundle, 20,000 policies", None),
        ("BM_CompileOnly/policies:20000/tenants:1", "  of which CompilePolicySet, 20,000 policies", None),
        ("BM_LoadOnlyBinary/policies:200/tenants:1000", "  of which LoadBinaryBundle, 1,000 tenants", None),
        ("BM_CompileOnly/policies:200/tenants:1000", "  of which CompilePolicySet, 1,000 tenants", None),
    ):
        v = ld_ms(key)
        add(fig, fmt_ns(v), fmt_ns(limit).replace(".00", "") if limit else "",
            None if (v is None or limit is None) else v <= limit)

    # Memory.
    for key, name, fig in (
        ("BM_CompiledBytes/policies:200/tenants:1/iterations:1", "bytes_per_policy",
         "memory per policy, 200-policy tenant (whole set / policies)"),
        ("BM_CompiledBytes/policies:20000/tenants:1/iterations:1", "bytes_per_policy",
         "memory per policy, 20,000-policy tenant (whole set / policies)"),
        ("BM_MarginalPolicyBytes/iterations:1", "bytes_per_policy",
         "memory per added policy (20,000 vs 2,000)"),
        ("BM_MarginalTenantBytes/iterations:1", "bytes_per_small_policy",
         "memory per policy of a small tenant (tenant / 5)"),
    ):
        v = counter(mem, key, name)
        add(fig, "n/a" if v is None else f"{v / 1024:.2f} KiB", "≤ 2 KiB",
            None if v is None else v <= 2048, "no baseline", "heap bytes (counting allocator)")
    v = counter(mem, "BM_MarginalTenantBytes/iterations:1", "bytes_per_tenant")
    add("memory per small tenant (5 policies, 1 location, 2 partners)",
        "n/a" if v is None else f"{v / 1024:.1f} KiB", "", None, "no baseline",
        "heap bytes (counting allocator)")
    v = counter(mem, "BM_CompiledBytes/policies:200/tenants:1/iterations:1", "rss_bytes")
    add("RSS growth, compiling the 200-policy tenant", "n/a" if v is None else f"{v / 1024:.0f} KiB",
        "", None, "no baseline", "/proc/self/statm")

    # Hot reload.
    b = get(rl, "BM_ReloadWithReader/policies:200/real_time")
    if b:
        add("hot reload (compile + publish), 200 policies, reader running", fmt_ns(real_ns(b)), "",
            None, "no baseline", "wall time")
        add("reader p99 / max during reloads",
            f"{fmt_ns(b.get('reader_p99_ns'))} / {fmt_ns(b.get('reader_max_ns'))}", "", None,
            "no baseline", "per-call cycle counter, wall")
    b = get(rl, "BM_ReloadIdle/policies:200/real_time")
    if b:
        add("reload with no reader, 200 policies", fmt_ns(real_ns(b)), "", None, "no baseline",
            "wall time")

    # Python and CLI.
    if py:
        v = py.get("batch_cpu_rate")
        add("Python evaluate_many (batch), 200 policies", fmt_rate(v), "≥ 1 M/s",
            None if v is None else v >= 1e6, ratio(v, ref_rate), "per CPU-second")
        v = py.get("single_cpu_rate")
        add("Python evaluate (one by one)", fmt_rate(v), "", None, ratio(v, ref_rate),
            "per CPU-second")
    else:
        add("Python evaluate_many (batch)", "not run", "≥ 1 M/s", None)
    if cli:
        # The whole per-line path (parse + decide + write), not its parts.
        for key, label in (("BM_CheckBatch_Line", "parse + decide + write"),
                           ("BM_CheckBatch_Line_PolicyResults",
                            "the same with --policy-results")):
            rate = cli.get(key, {}).get("items_per_second")
            if rate:
                target = "≥ 500 k/s" if key == "BM_CheckBatch_Line" else ""
                add(f"crossgate check --batch, per JSONL line ({label})",
                    fmt_rate(rate), target,
                    (rate >= 5e5) if target else None, "no baseline",
                    "CPU time")
    else:
        add("crossgate check --batch from JSONL", "not built (bench/cli_check_batch_benchmark.cc "
            "absent)", "≥ 500 k/s", None)

    print(f"| figure | value | target | ratio to baseline (reference evaluator) | machine |")
    print("|---|---|---|---|---|")
    for fig, value, target, rat, note in rows:
        print(f"| {fig} | {value} | {target} | {rat} | {machine}; {note} |")


if __name__ == "__main__":
    main()
