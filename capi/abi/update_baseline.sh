#!/usr/bin/env bash
# Refreshes capi/abi/crossgate.abi.xml from a build (with -g, e.g. the default
# RelWithDebInfo). Run at each release, or after reviewing a compatible change
# that tests/capi/abi_check_test.sh reported.
# usage: capi/abi/update_baseline.sh [build dir]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="${1:-$root/build}"
abidw --headers-dir "$root/include/crossgate" --no-corpus-path --drop-private-types --exported-interfaces-only \
  --out-file "$here/crossgate.abi.xml" "$build/lib/libcrossgate.so.1"
echo "wrote $here/crossgate.abi.xml"
