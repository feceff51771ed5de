#!/usr/bin/env bash
# The scripted demo tour (`scripts/dev demo`) on the embedded example tenants
# (examples/policies: Contoso, its partner Fabrikam, and Northwind for direct
# connect both ways):
#   1. compile the three tenants into one bundle
#   2. six decisions with their reasons: a member, a guest from a trusted
#      partner, a guest from an unconfigured tenant, a direct-connect user,
#      a risky sign-in, an invitation to a blocked domain
#   3. the What-If table for the trusted partner's guest
#   4. the lint report for the next version of Contoso (examples/tour)
#   5. diff: which requests change decision if that version is published
#   6. every example request through the C ABI from Python (demo_tour.py)
# Usage: examples/demo.sh [build-dir]. Takes a few seconds after the build.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${1:-build}"
case "$BUILD" in /*) ;; *) BUILD="$ROOT/$BUILD" ;; esac
CG="$BUILD/bin/crossgate"
# Show paths relative to the repository when the build is inside it.
SHOW_BUILD="${BUILD#"$ROOT"/}"
BUNDLE="$SHOW_BUILD/example-bundle.pb"
CONTOSO=26df84dc-8579-5daa-b6a2-459e1120abd7
GUEST_INVITER_ROLE=95e79109-95c0-4d8e-aee3-d01accf2d47b
cd "$ROOT"

bold() { if [[ -t 1 && -z "${NO_COLOR:-}" ]]; then printf '\033[1m%s\033[0m\n' "$*"; else printf '%s\n' "$*"; fi; }
# Prints the command, runs it, and names its exit code (docs/cli.md): the
# tour shows blocks and challenges, so non-zero codes are expected here.
run() {
  printf '$ crossgate %s\n' "$*"
  local rc=0
  "$CG" "$@" || rc=$?
  case $rc in
    0) ;; 3) echo "(exit 3: block)" ;; 4) echo "(exit 4: challenge)" ;;
    5) echo "(exit 5: findings)" ;;
    *) echo "(exit $rc: error)"; exit "$rc" ;;
  esac
  echo
}
step() { echo; bold "== $*"; echo; }

step "1. compile the example tenants (Contoso, Fabrikam, Northwind)"
run compile examples/policies/contoso.json examples/policies/fabrikam.json \
    examples/policies/northwind.json -o "$BUNDLE"

step "2. six decisions, each with its reason"
bold "-- a member on a compliant laptop at HQ, MFA done"
run check -p "$BUNDLE" examples/requests/member-compliant-mfa.json
bold "-- a guest from Fabrikam, a trusted partner (Contoso accepts its MFA and compliant devices)"
run check -p "$BUNDLE" examples/requests/guest-fabrikam-trusted.json
bold "-- a guest from Wingtip, a tenant Contoso has not configured (default settings)"
run check -p "$BUNDLE" examples/requests/guest-unconfigured-tenant.json
bold "-- a Northwind user in a Contoso Teams shared channel (B2B direct connect)"
run check -p "$BUNDLE" examples/requests/directconnect-northwind-teams.json
bold "-- a member whose sign-in risk is high"
run check -p "$BUNDLE" examples/requests/risky-signin-high.json
bold "-- a guest inviter invites someone@mailinator.com (a blocked domain)"
run invite -p "$BUNDLE" --tenant "$CONTOSO" --inviter-role "$GUEST_INVITER_ROLE" \
    someone@mailinator.com

step "3. What-If: every Contoso policy for the Fabrikam guest"
run what-if -p "$BUNDLE" examples/requests/guest-fabrikam-trusted.json

step "4. lint: the next version of Contoso (examples/tour/contoso-next.json)"
run lint examples/tour/contoso-next.json

step "5. diff: which requests change decision if that version is published"
run compile examples/tour/contoso-next.json examples/policies/fabrikam.json \
    examples/policies/northwind.json -o "$SHOW_BUILD/example-bundle-next.pb" 2>/dev/null
run diff "$BUNDLE" "$SHOW_BUILD/example-bundle-next.pb" \
    --requests examples/tour/diff-requests.jsonl

step "6. every example request through the C ABI, from Python"
python3 "$ROOT/examples/demo_tour.py" "$BUILD"
