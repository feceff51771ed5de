#!/usr/bin/env bash
# The scripted demo tour on the embedded example policies (examples/policies):
# inspect the tenants, compile them to a binary bundle, then decide every
# example request (examples/requests) through the C ABI from Python.
# Usage: examples/demo.sh [build-dir]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${1:-build}"
case "$BUILD" in /*) ;; *) BUILD="$ROOT/$BUILD" ;; esac
CG="$BUILD/bin/crossgate"
echo "== crossgate inspect examples/policies"
"$CG" inspect "$ROOT"/examples/policies/*.json
echo
echo "== crossgate compile -> $BUILD/example-bundle.pb"
"$CG" compile "$ROOT"/examples/policies/*.json -o "$BUILD/example-bundle.pb"
echo
echo "== decisions for examples/requests (expected outcomes: examples/requests/README.md)"
python3 "$ROOT/examples/demo_tour.py" "$BUILD"
