#!/usr/bin/env bash
# Checks the `crossgate compile` and `crossgate inspect` verbs end to end:
# exit codes (0 ok, 1 load errors, 2 usage), the issue line format, and that
# a compiled bundle inspects to the same counts as its source.
# Usage: cli_test.sh <path to crossgate> <shared dir>
set -u
CLI="$1"
SHARED="$2"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
fail=0
check() {  # check <name> <expected rc> <cmd...>
  local name="$1" want="$2"; shift 2
  "$@" >"$TMP/out" 2>"$TMP/err"
  local rc=$?
  if [ "$rc" -ne "$want" ]; then
    echo "FAIL $name: exit $rc, want $want"; cat "$TMP/out" "$TMP/err"; fail=1
  fi
}

J0EYV="$SHARED/corpus/j0eyv__ConditionalAccessBaseline/Config"
TEMPLATE="$SHARED/corpus/AlexFilipin__ConditionalAccess/PolicyRepository/Admin protection/100 - RING - Admin protection - All apps Require Strong Auth For admins.json"

check "usage: no verb" 2 "$CLI"
check "usage: unknown verb" 2 "$CLI" frobnicate
check "usage: compile without -o" 2 "$CLI" compile "$J0EYV"
check "usage: compile without inputs" 2 "$CLI" compile -o "$TMP/x.pb"
check "usage: bad bundle version" 2 "$CLI" compile "$J0EYV" -o "$TMP/x.pb" --bundle-version x
check "usage: unknown flag" 2 "$CLI" inspect --frob "$J0EYV"
check "help" 0 "$CLI" help

check "compile j0eyv" 0 "$CLI" compile "$J0EYV" -o "$TMP/j0eyv.pb" --bundle-version 9
[ -s "$TMP/j0eyv.pb" ] || { echo "FAIL compile wrote nothing"; fail=1; }
check "inspect bundle" 0 "$CLI" inspect "$TMP/j0eyv.pb"
grep -q "bundle_version 9, 1 tenants" "$TMP/out" || { echo "FAIL bundle version"; cat "$TMP/out"; fail=1; }
grep -q "conditionalAccessPolicies *36 " "$TMP/out" || { echo "FAIL policy count"; cat "$TMP/out"; fail=1; }
grep -q "namedLocations *3 " "$TMP/out" || { echo "FAIL location count"; cat "$TMP/out"; fail=1; }

check "compile template fails" 1 "$CLI" compile "$TEMPLATE" -o "$TMP/t.pb"
[ ! -e "$TMP/t.pb" ] || { echo "FAIL a failed compile wrote a bundle"; fail=1; }
grep -q "^error placeholder_id tenants/00000000-0000-0000-0000-000000000000/conditionalAccessPolicies\[0\]/conditions/users/includeGroups\[0\]: " "$TMP/err" \
  || { echo "FAIL issue line format"; cat "$TMP/err"; fail=1; }
check "inspect template with placeholders allowed" 0 "$CLI" inspect --allow-placeholders "$TEMPLATE"
grep -q "^warning placeholder_id " "$TMP/out" || { echo "FAIL placeholder warning"; cat "$TMP/out"; fail=1; }

exit $fail
