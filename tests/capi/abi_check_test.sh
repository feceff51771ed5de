#!/usr/bin/env bash
# abidiff the built library against the committed ABI baseline (STYLE 4.5).
# abidiff's exit status is a bit field: 1 tool error, 2 usage error,
# 4 ABI change (compatible; review and update the baseline), 8 INCOMPATIBLE
# change. Bits 1, 2 and 8 fail the test. Appending a field to a size-tagged
# struct is allowed by capi/abi/crossgate.abignore.
# usage: abi_check_test.sh <libcrossgate.so.1> <include/crossgate> <baseline.xml> <suppressions>
set -uo pipefail
lib="$1" headers="$2" baseline="$3" suppressions="$4"
if ! command -v abidiff >/dev/null; then
  echo "FAIL: abidiff not installed (Debian package abigail-tools)"; exit 1
fi
abidiff --headers-dir2 "$headers" --suppressions "$suppressions" \
  "$baseline" "$lib"
rc=$?
if (( rc & 3 )); then echo "FAIL: abidiff could not run (exit $rc)"; exit 1; fi
if (( rc & 8 )); then
  echo "FAIL: incompatible ABI change against $baseline (exit $rc)"; exit 1
fi
if (( rc & 4 )); then
  echo "NOTE: compatible ABI change; review it and refresh the baseline with"
  echo "      capi/abi/update_baseline.sh <build dir>"
fi
# abidiff treats a field change behind a pointer parameter as an indirect
# (exit 4) change, and the suppression can hide it: check struct layouts
# member by member as well.
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
abidw --headers-dir "$headers" --no-corpus-path --drop-private-types \
  --exported-interfaces-only --out-file "$tmp/current.xml" "$lib" || {
  echo "FAIL: abidw could not read $lib"; exit 1; }
python3 "$(dirname "$0")/abi_layout_check.py" "$baseline" "$tmp/current.xml" || exit 1
echo "abi ok (abidiff exit $rc)"
exit 0
