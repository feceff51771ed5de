#!/usr/bin/env bash
# The scripted demo tour on the embedded example policies (examples/policies).
# Usage: examples/demo.sh [build-dir]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${1:-build}"
case "$BUILD" in /*) ;; *) BUILD="$ROOT/$BUILD" ;; esac
CG="$BUILD/bin/crossgate"
"$CG" help
