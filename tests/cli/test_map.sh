#!/usr/bin/env bash
# `xbroute map`: the SVG map of the winning routes, or of a routes file (README "Maps").
set -euo pipefail
source "$(dirname "$0")/lib.sh"

run map --help
expect_rc 0 "map --help"
expect_out "Usage: xbroute map SCENARIO -o FILE.svg" "map --help"

run map "$SRC/scenarios/baseline.json"
expect_rc 1 "map needs -o"

for s in baseline red-sea-reopened; do
  run map "$SRC/scenarios/$s.json" -o "$TMP/$s.svg" --design none
  expect_rc 0 "map of $s"
  if command -v xmllint >/dev/null; then
    xmllint --noout "$TMP/$s.svg" && pass || fail "$s map is well-formed"
  fi
  grep -q 'class="route"' "$TMP/$s.svg" && pass || fail "$s map draws routes"
  grep -q '>Rotterdam<' "$TMP/$s.svg" && pass || fail "$s map labels nodes by name"
done
# The maps differ: the baseline's Asia-Europe legs go round the Cape, the reopened one's via Suez.
cmp -s "$TMP/baseline.svg" "$TMP/red-sea-reopened.svg" && fail "red-sea-reopened map equals the baseline's" || pass

# --routes: the routes of `routes --format json`, one drawn line per route of the file.
run routes "$SRC/scenarios/baseline.json" --product P_EARBUDS --to M_US_WEST --format json \
  --design none -o "$TMP/r.json"
expect_rc 0 "routes --format json"
n=$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(len(d['pareto']) + len(d['alternatives']))" "$TMP/r.json")
run map "$SRC/scenarios/baseline.json" --routes "$TMP/r.json" -o "$TMP/r.svg"
expect_rc 0 "map --routes"
[[ $(grep -c 'class="route"' "$TMP/r.svg") == "$n" ]] && pass || fail "map --routes draws $n routes"

# A routes file naming a link the network lacks: bad input, named.
printf '{"schema": "xbroute.routes/1", "pareto": [{"class": "sea", "links": ["NO_SUCH_LINK"]}]}' >"$TMP/bad.json"
run map "$SRC/scenarios/baseline.json" --routes "$TMP/bad.json" -o "$TMP/bad.svg"
expect_rc 2 "map --routes with an unknown link"
expect_err 'unknown link "NO_SUCH_LINK"' "the unknown link is named"
[[ ! -e "$TMP/bad.svg" ]] && pass || fail "no map written on bad input"
printf '{"schema": "other"}' >"$TMP/bad2.json"
run map "$SRC/scenarios/baseline.json" --routes "$TMP/bad2.json" -o "$TMP/bad2.svg"
expect_rc 2 "map --routes with another schema"

finish
