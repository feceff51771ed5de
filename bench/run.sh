#!/usr/bin/env bash
# Runs every benchmark binary in <build-dir>/bin with repetitions and writes
# the medians, with the date and CPU model, to bench/RESULTS.md.
# Usage: bench/run.sh <build-dir> [extra Google Benchmark flags]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${1:?usage: bench/run.sh <build-dir>}"; shift
case "$BUILD" in /*) ;; *) BUILD="$ROOT/$BUILD" ;; esac
OUT="$ROOT/bench/RESULTS.md"
CPU="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
{
  echo "# crossgate benchmark results"
  echo
  echo "Date: $(date -u +%Y-%m-%d). Machine: $(nproc) cores, ${CPU}; shared and noisy,"
  echo "so figures are medians of 5 repetitions. Build: $(basename "$BUILD")."
  echo
  echo "| benchmark | median real time | median CPU time |"
  echo "|---|---|---|"
  for bin in "$BUILD"/bin/*_benchmark; do
    "$bin" --benchmark_repetitions=5 --benchmark_report_aggregates_only=true \
      --benchmark_format=console "$@" 2>/dev/null |
      awk -v b="$(basename "$bin")" '$1 ~ /_median$/ {
        name=$1; sub(/_median$/, "", name);
        printf "| %s: %s | %s %s | %s %s |\n", b, name, $2, $3, $4, $5 }'
  done
} > "$OUT"
cat "$OUT"
