#!/usr/bin/env bash
# Runs every benchmark of bench/ on a Release build, prints the results table
# of issue #7 (figure, value, target, ratio to baseline, machine) and writes
# it, with the date and CPU model, to bench/RESULTS.md.
#
#   bench/run.sh [<build-dir>]      (scripts/dev bench passes build-release)
#
# Without a build dir it configures and builds Release in build-bench. Each
# figure is the median of BENCH_REPETITIONS (default 5) repetitions; the
# machines are shared and noisy, so latency figures come from per-call
# samples and throughput/overhead figures from CPU time where the benchmark
# allows it (bench/report.py says which, per row). Budget: under 10 minutes.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${1:-}"
if [ -z "$BUILD" ]; then
  BUILD="$ROOT/build-bench"
  cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DCROSSGATE_BUILD_TESTS=ON >/dev/null
  cmake --build "$BUILD" -j "${JOBS:-$(nproc)}"
fi
case "$BUILD" in /*) ;; *) BUILD="$ROOT/$BUILD" ;; esac
[ -n "${1:-}" ] && shift
OUT="$ROOT/bench/RESULTS.md"
RES="$BUILD/bench-results"
REPS="${BENCH_REPETITIONS:-5}"
rm -rf "$RES" && mkdir -p "$RES"
START=$(date +%s)

log() { printf '== %s\n' "$*" >&2; }
run_as() {  # run_as <binary> <result name> [flags...]: JSON into $RES/<name>.json
  local bin="$1" name="$2"; shift 2
  [ -x "$BUILD/bin/$bin" ] || { log "skip $bin (not built)"; return 0; }
  log "$name"
  if ! "$BUILD/bin/$bin" --benchmark_repetitions="$REPS" \
      --benchmark_report_aggregates_only=true --benchmark_format=json "$@" \
      > "$RES/$name.json" 2> "$RES/$name.log"; then
    log "warning: $name failed (see $RES/$name.log)"
  fi
}
run() { run_as "$1" "$@"; }

run evaluate_benchmark --benchmark_min_time=0.3
run capi_benchmark --benchmark_min_time=0.3
# Instructions per decision through each API (deterministic, unlike the
# timings on a shared VM): one pass of the stream under callgrind.
if command -v valgrind >/dev/null && command -v callgrind_annotate >/dev/null; then
  log "capi_benchmark BM_StreamPass under callgrind"
  valgrind --tool=callgrind --callgrind-out-file="$RES/capi_callgrind.out" \
    --toggle-collect='crossgate::bench::*BM_StreamPass*' \
    "$BUILD/bin/capi_benchmark" --benchmark_filter=BM_StreamPass \
    > "$RES/capi_callgrind.log" 2>&1 &&
    callgrind_annotate --inclusive=yes --tree=calling \
      "$RES/capi_callgrind.out" > "$RES/capi_callgrind.txt" 2>/dev/null ||
    log "warning: callgrind run failed (see $RES/capi_callgrind.log)"
fi
run load_benchmark --benchmark_min_time=0.2 --benchmark_filter='-Huge'
# 100,000 tenants: one iteration, one repetition (tens of seconds each).
REPS=1 run_as load_benchmark load_100k_benchmark --benchmark_filter='Huge'
run memory_benchmark
run reload_benchmark --benchmark_min_time=0.3
for bin in "$BUILD"/bin/*_benchmark; do
  name="$(basename "$bin")"
  case "$name" in
    evaluate_benchmark|capi_benchmark|load_benchmark|memory_benchmark|reload_benchmark) ;;
    workload_benchmark) run "$name" --benchmark_min_time=0.1 ;;
    *) run "$name" --benchmark_min_time=0.1 ;;
  esac
done

# Python batch path on the same 200-policy workload.
log "python_batch_bench.py"
mkdir -p "$RES/workload"
if "$BUILD/bin/workload_benchmark" --write="$RES/workload" --policies=200 \
     --requests=100000 > "$RES/workload.log" 2>&1; then
  LIB="$(ls "$BUILD"/lib/libcrossgate.so.* 2>/dev/null | head -1 || true)"
  CROSSGATE_LIBRARY="$LIB" python3 "$ROOT/bench/python_batch_bench.py" \
    --workload "$RES/workload" --repetitions "$REPS" --json "$RES/python_batch.json" \
    > "$RES/python_batch.log" 2>&1 || log "warning: python batch bench failed"
fi

# The outcome mix and acceptance check of the workload (shown in the file).
{ "$BUILD/bin/workload_benchmark" --check --sizes=20,200 --tenants=1 &&
  "$BUILD/bin/workload_benchmark" --check --sizes=200 --tenants=1000; } \
  > "$RES/workload_check.txt" 2>&1 || log "warning: workload check failed"

CPU="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
MACHINE="$(nproc)-core shared VM"
ELAPSED=$(( $(date +%s) - START ))
{
  echo "# crossgate benchmark results"
  echo
  echo "Date: $(date -u '+%Y-%m-%d %H:%M UTC'). CPU: ${CPU}, $(nproc) cores,"
  echo "$(free -g | awk '/Mem:/ {print $2}') GiB. Build: $(basename "$BUILD")" \
       "($(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$BUILD/CMakeCache.txt"))."
  echo "Code: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)." \
       "Load average when the run ended: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  echo "The machine is shared with other builders: every figure is the median of"
  echo "${REPS} repetitions; throughput, overhead and compile figures use CPU time"
  echo "where possible; per-decision p50/p99 come from a cycle counter (rdtsc) read"
  echo "around each call (wall time, timer cost subtracted), so p99 includes"
  echo "preemption by other processes. Ratios compare figures measured in the same"
  echo "run: the baseline is the reference evaluator (tests/reference), which"
  echo "always computes per-policy results. Workload: bench/workload.h (seeded;"
  echo "frequencies from shared/corpus, cited in bench/workload.cc). Whole run: ${ELAPSED} s."
  echo
  python3 "$ROOT/bench/report.py" "$RES" "$MACHINE"
  echo
  echo "Why targets are missed and what would close them: bench/ANALYSIS.md"
  echo "(written against a specific run; re-check it when the figures move)."
  echo
  echo "## Workload check (accepted by loader and compiler; outcome mix)"
  echo
  echo '```'
  cat "$RES/workload_check.txt"
  echo '```'
  echo
  echo "## Every benchmark (median CPU time)"
  echo
  echo "| binary | benchmark | median CPU time | counters |"
  echo "|---|---|---|---|"
  python3 - "$RES" <<'PY'
import json, os, sys
res = sys.argv[1]
for f in sorted(os.listdir(res)):
    if not f.endswith("_benchmark.json"):
        continue
    try:
        data = json.load(open(os.path.join(res, f)))
    except Exception:
        continue
    for b in data.get("benchmarks", []):
        if b.get("aggregate_name", "median") != "median":
            continue
        skip = {"name", "run_name", "run_type", "repetitions", "threads", "aggregate_name",
                "aggregate_unit", "iterations", "real_time", "cpu_time", "time_unit",
                "family_index", "per_family_instance_index", "repetition_index", "label",
                "error_occurred", "error_message"}
        counters = ", ".join(f"{k}={v:.4g}" for k, v in b.items()
                             if k not in skip and isinstance(v, (int, float)))
        print(f"| {f[:-5]} | {b.get('run_name', b['name'])} | {b['cpu_time']:.4g} {b['time_unit']} | {counters} |")
PY
} > "$OUT"
cat "$OUT"
log "done in ${ELAPSED} s; wrote $OUT"
