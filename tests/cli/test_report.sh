#!/usr/bin/env bash
# `xbroute report`: a self-contained, well-formed HTML page, rendered by a real browser.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

run report "$SRC/scenarios/baseline.json" -o "$TMP/report.html"
expect_rc 0 "report on the baseline"
html="$TMP/report.html"
# Well-formed: the page is written as polyglot HTML5 (every element closed), so an XML parser
# must accept it whole, inline SVG included.
if command -v xmllint >/dev/null; then
  xmllint --noout "$html" && pass || fail "report is well-formed"
fi
# Self-contained: nothing to fetch.
grep -Eq '<(script|link|img|iframe)[ >]|src=|@import|url\([^#]' "$html" && fail "report references external resources" || pass
for s in "1. Which way each product goes" "2. Where the money goes" "3. Cost against speed" \
         "4. What each day of faster delivery costs" "5. How reliable the winners are" \
         "6. The traditional export chain" "7. The network and the data" "Sources of the figures"; do
  grep -q "$s" "$html" && pass || fail "section '$s'"
done
# One table row per product x market of the comparison (64 pairs in the baseline; counted
# independently from compare's JSON).
run compare "$SRC/scenarios/baseline.json" --format json -o "$TMP/c.json"
pairs=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['rows']))" "$TMP/c.json")
rows=$(python3 - "$html" <<'PY'
import sys, xml.etree.ElementTree as ET
t = ET.parse(sys.argv[1])
tables = t.getroot().iter("table")
print(len(next(tables).find("tbody").findall("tr")))
PY
)
[[ "$rows" == "$pairs" ]] && pass || fail "winner table has $rows rows, compare has $pairs pairs"

# Headless Chromium renders it to a non-blank PNG and logs no console error.
chrome=$(command -v chromium || command -v chromium-browser || true)
if [[ -n "$chrome" ]]; then
  set +e
  timeout 120 "$chrome" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$TMP/chrome" --enable-logging=stderr --v=0 --window-size=1200,1600 \
    --screenshot="$TMP/report.png" "file://$html" >"$TMP/chrome.out" 2>"$TMP/chrome.err"
  crc=$?
  set -e
  [[ $crc == 0 && -s "$TMP/report.png" ]] && pass || { fail "chromium screenshot (exit $crc)"; tail -5 "$TMP/chrome.err"; }
  python3 "$SRC/tests/cli/png_check.py" "$TMP/report.png" && pass || fail "screenshot is blank"
  if grep -E "CONSOLE" "$TMP/chrome.err" | grep -qi "error"; then
    fail "console errors"; grep CONSOLE "$TMP/chrome.err" | head
  else
    pass
  fi
  # The red-sea-reopened report renders too (its map shows the way through Suez: the geometry is
  # asserted in tests/unit/present/test_sea_over_land.c).
  run report "$SRC/scenarios/red-sea-reopened.json" -o "$TMP/red.html"
  expect_rc 0 "report on red-sea-reopened"
  set +e
  timeout 120 "$chrome" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$TMP/chrome2" --enable-logging=stderr --v=0 --window-size=1200,1600 \
    --screenshot="$TMP/red.png" "file://$TMP/red.html" >"$TMP/chrome2.out" 2>"$TMP/chrome2.err"
  crc=$?
  set -e
  [[ $crc == 0 && -s "$TMP/red.png" ]] && pass || { fail "chromium screenshot of red-sea-reopened (exit $crc)"; tail -5 "$TMP/chrome2.err"; }
  python3 "$SRC/tests/cli/png_check.py" "$TMP/red.png" && pass || fail "red-sea-reopened screenshot is blank"
  if grep -E "CONSOLE" "$TMP/chrome2.err" | grep -qi "error"; then
    fail "console errors (red-sea-reopened)"; grep CONSOLE "$TMP/chrome2.err" | head
  else
    pass
  fi
else
  echo "SKIP: chromium not installed (bash .ci/setup --test installs it): the baseline and red-sea-reopened reports were NOT rendered"
fi

run report "$SRC/scenarios/baseline.json"
expect_rc 1 "report needs -o"

# The option table's grammar: --output=FILE is -o FILE; the page is the same bytes.
run report "$SRC/scenarios/baseline.json" --output="$TMP/report2.html"
expect_rc 0 "report --output=FILE"
cmp -s "$TMP/report.html" "$TMP/report2.html" && pass || fail "--output=FILE writes the same page as -o FILE"
# -o is checked before the scenario is read: a missing -o is a usage error even for a file that
# does not exist, and nothing is written.
run report "$TMP/no-such-scenario.json"
expect_rc 1 "report with neither -o nor a readable scenario"
expect_err "needs SCENARIO and -o FILE.html" "the usage error names -o"
run report "$SRC/scenarios/baseline.json" -o
expect_rc 1 "report -o without a file name"
run report "$SRC/scenarios/baseline.json" --ouptut "$TMP/x.html"
expect_rc 1 "report with a misspelt option"
expect_err "did you mean '--output'" "a misspelt option gets a suggestion"
[[ ! -e "$TMP/x.html" ]] && pass || fail "a usage error writes no file"
run report --help
expect_rc 0 "report --help"
expect_out "Usage: xbroute report SCENARIO -o FILE.html" "the help shows the usage"
# --against: the page opens with what changes from A, the same pairs as xbroute diff names
run report "$SRC/scenarios/us-de-minimis-800.json" --against "$SRC/scenarios/baseline.json" \
  --design none -o "$TMP/against.html"
expect_rc 0 "report --against"
run diff "$SRC/scenarios/baseline.json" "$SRC/scenarios/us-de-minimis-800.json" --design none \
  --format json -o "$TMP/against-diff.json"
python3 - "$TMP/against.html" "$TMP/against-diff.json" <<'PY' && pass || fail "report --against names diff's changes"
import json, re, sys
html = open(sys.argv[1]).read(); d = json.load(open(sys.argv[2]))
assert "What changes against another scenario" in html
m = re.search(r"<p>(\d+) of (\d+) product &times; market pairs change winner", html)
assert m and int(m.group(1)) == d["winners_changed"] and int(m.group(2)) == len(d["pairs"]), m
for p in d["pairs"]:
    if p["winner_changed"]:
        assert "<td>%s</td><td>%s</td>" % (p["product"], p["market"]) in html, p
assert "Units per week by the winner" in html
PY
run report "$SRC/scenarios/us-de-minimis-800.json" --against "$SRC/scenarios/baseline.json" \
  -o "$SRC/scenarios/baseline.json"
expect_rc 1 "report -o onto the --against scenario"
finish
