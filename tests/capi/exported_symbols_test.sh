#!/usr/bin/env bash
# The dynamic symbols libcrossgate.so defines must be exactly the names in
# capi/crossgate.map, each under version node CROSSGATE_1, and exactly the
# functions crossgate.h declares with CROSSGATE_API.
# usage: exported_symbols_test.sh <libcrossgate.so> <crossgate.map> <crossgate.h>
set -euo pipefail
lib="$1" map="$2" header="$3"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT

# Defined symbols, excluding the version node itself (type A).
nm -D --defined-only "$lib" | awk '$2 != "A" {print $3}' | sort -u > "$tmp/versioned"
sed 's/@.*//' "$tmp/versioned" | sort -u > "$tmp/exported"
sed -n '/global:/,/local:/p' "$map" | grep -oE '\bcrossgate_[a-z0-9_]+' | sort -u > "$tmp/listed"
tr '\n' ' ' < "$header" | grep -oE 'CROSSGATE_API[^;(]*\bcrossgate_[a-z0-9_]+ *\(' \
  | grep -oE 'crossgate_[a-z0-9_]+ *\($' | tr -d ' (' | sort -u > "$tmp/declared"

status=0
if ! diff -u "$tmp/listed" "$tmp/exported"; then
  echo "FAIL: exported symbols differ from $map (- map, + library)"; status=1
fi
if ! diff -u "$tmp/declared" "$tmp/listed"; then
  echo "FAIL: crossgate.h declarations differ from $map (- header, + map)"; status=1
fi
if grep -v '@@CROSSGATE_1$' "$tmp/versioned"; then
  echo "FAIL: symbols above are not versioned CROSSGATE_1"; status=1
fi
[ "$status" -eq 0 ] && echo "exported symbols ok: $(wc -l < "$tmp/exported") functions"
exit "$status"
