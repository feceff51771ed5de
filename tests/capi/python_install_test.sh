#!/usr/bin/env bash
# pip install --no-build-isolation --no-index bindings/python into a temporary
# target, then import the installed package (not the source tree) and decide
# one request. Uses Debian's python3, which has setuptools and wheel
# (python3-setuptools, python3-wheel; PyPI is unreachable).
# usage: python_install_test.sh <source dir> <libcrossgate.so>
set -euo pipefail
src="$1" lib="$2"
py=/usr/bin/python3
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
# Build in a copy: pip writes build/ and *.egg-info next to the sources.
cp -r "$src/bindings/python" "$tmp/src"
"$py" -m pip install --quiet --no-build-isolation --no-index --target "$tmp/site" \
  "$tmp/src" 2>&1 | grep -v "Running pip as the 'root' user" || true
[ -f "$tmp/site/crossgate/__init__.py" ] || { echo "FAIL: package not installed"; exit 1; }
cd "$tmp"
PYTHONPATH="$tmp/site" CROSSGATE_LIBRARY="$lib" "$py" - <<'PY'
import crossgate, os
assert crossgate.__file__.startswith(os.environ["PYTHONPATH"]), crossgate.__file__
with crossgate.Engine() as engine:
    d = engine.evaluate({"resource_tenant_id": "72f988bf-86f1-41af-91ab-2d7cd011db47"})
    assert d.outcome == "block" and d.status == crossgate.ENOTLOADED, d
print("pip install ok:", crossgate.__version__, crossgate.__file__)
PY
