#!/usr/bin/env bash
# test_diff.sh - `xbroute diff A B`, checked against an independent reading of the two
# scenarios' `compare --format json` outputs (python): every pair's winner, cost and days on
# each side, which winners change, the week's totals (sum of demand x winner cost), units by
# class and by regime; a scenario against itself changes nothing; the text, CSV and usage.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

A="$SRC/scenarios/baseline.json"
B="$SRC/scenarios/us-de-minimis-800.json"

# Each pair priced alone (--design none): there the US de minimis of 800 moves winners.
run compare "$A" --design none --format json -o "$TMP/a.json"
expect_rc 0 "compare A"
run compare "$B" --design none --format json -o "$TMP/b.json"
expect_rc 0 "compare B"
run diff "$A" "$B" --design none --format json -o "$TMP/d.json"
expect_rc 0 "diff --format json"

python3 - "$TMP/a.json" "$TMP/b.json" "$TMP/d.json" >"$TMP/check" 2>&1 <<'PY' || true
import json, sys
a, b, d = (json.load(open(p)) for p in sys.argv[1:4])
assert d["schema"] == "xbroute.diff/1"
def winners(cmp):
    out = {}
    for r in cmp["rows"]:
        w = None
        for c in r["classes"]:
            if c["verdict"] == "winner":
                w = c["route"]
        out[(r["product"], r["market"])] = (r["demand_per_week"], w)
    return out
wa, wb = winners(a), winners(b)
keys = sorted(set(wa) | set(wb))
pairs = {(p["product"], p["market"]): p for p in d["pairs"]}
assert sorted(pairs) == keys, "the pairs are the union of both sides', sorted"
assert [(p["product"], p["market"]) for p in d["pairs"]] == keys, "pairs in id order"
changed = 0
def close(x, y):
    return abs(x - y) <= 1e-8 * max(1.0, abs(x), abs(y))
for k in keys:
    p = pairs[k]
    sides = []
    for side, w in (("a", wa), ("b", wb)):
        dem, route = w.get(k, (None, None))
        s = p[side]
        if dem is None:
            assert s is None, (k, side)
            sides.append(None)
            continue
        assert close(s["demand_per_week"], dem), (k, side)
        if route is None:
            assert s["winner"] is None, (k, side)
            sides.append(("", ""))
        else:
            assert s["winner"] == route["class"] and s["regime"] == route["regime"], (k, side)
            assert close(s["cost"], route["cost"]["total"]), (k, side, s["cost"])
            assert close(s["days"], route["days"]), (k, side)
            assert s["stock_at"] == route.get("stock_at"), (k, side)
            sides.append((route["class"], route.get("stock_at") or ""))
    ch = sides[0] != sides[1]
    assert p["winner_changed"] == ch, k
    changed += ch
assert d["winners_changed"] == changed, (d["winners_changed"], changed)
assert changed > 0, "the US de minimis of 800 changes some winners"
for side, w in (("a", wa), ("b", wb)):
    cost = sum(dem * r["cost"]["total"] for dem, r in w.values() if r)
    units = sum(dem for dem, r in w.values() if r)
    wk = d["week"][side]
    assert close(wk["landed_cost"], cost) and close(wk["units"], units), (side, wk, cost)
    by_class, by_regime = {}, {}
    for dem, r in w.values():
        if r:
            by_class[r["class"]] = by_class.get(r["class"], 0) + dem
            by_regime[r["regime"]] = by_regime.get(r["regime"], 0) + dem
    for name, u in d["units_by_class"].items():
        assert close(u[side], by_class.get(name, 0)), (side, name)
    for name, u in d["units_by_regime"].items():
        assert close(u[side], by_regime.get(name, 0)), (side, name)
    assert set(by_class) <= set(d["units_by_class"]) and set(by_regime) <= set(d["units_by_regime"])
print("ok", changed)
PY
grep -q "^ok" "$TMP/check" && pass || fail "diff JSON against the two compares: $(cat "$TMP/check")"
n_changed=$(awk '{print $2}' "$TMP/check")

# The text: the count of changed winners and a line per change.
run diff "$A" "$B" --design none
expect_rc 0 "diff text"
expect_out "^winners that change: $n_changed of 64 product x market pairs$" "text count"
[[ $(grep -c " -> " "$out") -ge "$n_changed" ]] && pass || fail "a line per changed pair"
expect_out "^open warehouses: " "open warehouses"
expect_out "^units per week by export regime of the winner:" "units by regime"

# A scenario against itself: nothing changes or moves.
run diff "$A" "$A"
expect_rc 0 "diff A A"
expect_out "^winners that change: 0 of 64 " "A against itself: no change"
expect_out "^same winner, cost or days move: 0 pairs$" "A against itself: nothing moves"
expect_out "\(the same in both\)$" "A against itself: the same warehouses"

# CSV: a header and one line per pair.
run diff "$A" "$B" --design none --format csv
expect_rc 0 "diff csv"
[[ $(head -1 "$out") == product,market,demand_a,* && $(wc -l <"$out") == 65 ]] && pass ||
  fail "CSV: header and 64 pairs"
[[ $(awk -F, 'NR > 1 && $15 == "true"' "$out" | wc -l) == "$n_changed" ]] && pass ||
  fail "CSV winner_changed column"

# Usage and bad input.
run diff "$A"
expect_rc 1 "one scenario"
run diff "$A" "$SRC/tests/data/bad/s_bad_date.json"
expect_rc 2 "a bad scenario"
expect_err "s_bad_date.json:[0-9]+:[0-9]+: error" "the bad scenario's position"
run diff "$A" "$B" -o "$A"
expect_rc 1 "the output onto an input"
finish
