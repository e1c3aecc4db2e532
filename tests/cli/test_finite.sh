#!/usr/bin/env bash
# test_finite.sh - finite results (issue #13 item 5; README "Reliability"): a number so large
# (or so small) that what is computed from it could overflow is an input error naming it
# (exit 2), and at the largest and smallest magnitudes accepted no command prints inf or nan.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
FIN="$SRC/tests/data/finite"

# A rate of 1e300 per kg: rejected where it is written, by validate and by every command.
run validate "$FIN/overflow-scenario.json"
expect_rc 2 "validate: a rate of 1e300"
expect_err "overflow-network.json:[0-9]+:[0-9]+: error: number 1e\+?300 is too large.*\(link POST, field cost.per_kg\)" "validate names the link, the field and the position"
for cmd in compare optimize simulate resilience "routes --product widget --to M" "report -o $TMP/r.html"; do
  # shellcheck disable=SC2086
  run $cmd "$FIN/overflow-scenario.json"
  expect_rc 2 "$cmd: a rate of 1e300"
  expect_err "number 1e\+?300 is too large" "$cmd names the number"
  expect_no_out "inf|nan|WINNER" "$cmd prints no result"
done
[[ ! -e "$TMP/r.html" ]] && pass || fail "report wrote its page"

# At the edges that are accepted (every figure 1e15, a demand or a day of 1e-12): every output
# finite. No number here is checked, only that none is inf or nan (in any spelling).
for scn in extreme-scenario.json extreme-tiny-scenario.json; do
  for cmd in compare "compare --format json" "routes --product widget --to M" \
    "routes --product widget --to M --format json" simulate "simulate --format json" optimize \
    "optimize --format json" resilience "resilience --format json" \
    "chain --product widget --market M"; do
    # shellcheck disable=SC2086
    run $cmd "$FIN/$scn"
    expect_rc 0 "$scn: $cmd"
    if grep -qiwE "inf|infinity|nan|-nan" "$out" "$err"; then fail "$scn: $cmd printed inf or nan"; else pass; fi
  done
  run report "$FIN/$scn" -o "$TMP/r.html"
  expect_rc 0 "$scn: report"
  if grep -qiwE "inf|infinity|nan" "$TMP/r.html"; then fail "$scn: report has inf or nan"; else pass; fi
done
finish
