#!/usr/bin/env bash
# CLI tests of --design (issue #10, "One story"):
#  - compare --design none gives the stand-alone view on every shipped scenario (that it
#    priced as compare did before designs was checked byte for byte against an earlier build's
#    outputs while designs were added; the model has changed since, so those snapshots went);
#  - on every shipped scenario, compare's winners (default design: optimize --single-source)
#    are optimize --single-source's flows pair by pair (class and cost before fixed costs), or
#    the row's design_note names the capacity that binds; and the winners' weekly cost (units x
#    cost per unit, plus fixed costs no unit carries) is the optimizer's total;
#  - bad design files: exit 2 with FILE:LINE:COL.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
D="$SRC/tests/data/design"

for f in "$SRC"/scenarios/*.json; do
  name=$(basename "$f" .json)
  [[ $name == scenario.schema ]] && continue
  # (1) --design none runs and says so
  run compare "$f" --design none --format json -o "$TMP/n.json"
  expect_rc 0 "$name: compare --design none"
  python3 -c 'import json, sys; d = json.load(open(sys.argv[1]))["design"]; assert d["source"] == "none", d' \
    "$TMP/n.json" && pass || fail "$name: --design none is not the stand-alone view"

  # (2) compare within optimize's design against optimize --single-source itself
  run optimize "$f" --single-source --format json -o "$TMP/o.json"
  expect_rc 0 "$name: optimize --single-source"
  run compare "$f" --format json -o "$TMP/c.json"
  expect_rc 0 "$name: compare"
  python3 - "$TMP/c.json" "$TMP/o.json" <<'PY' && pass || fail "$name: compare and optimize tell two stories"
import json, sys
c = json.load(open(sys.argv[1])); o = json.load(open(sys.argv[2]))
assert o["status"] == "optimal", o["status"]
d = c["design"]
assert d["source"] == "optimize" and d["open_warehouses"] == o["open_warehouses"], d
flows = {(f["route"]["product"], f["route"]["market"]): f for f in o["flows"]}
assert len(flows) == len(o["flows"]) == len(c["rows"])  # single source: one flow a pair
total = d["unshared_fixed_cost_per_week"]
for r in c["rows"]:
    f = flows[(r["product"], r["market"])]
    win = [k for k in r["classes"] if k["verdict"] == "winner"]
    assert len(win) == 1, r["product"] + r["market"]
    w = win[0]["route"]
    before_fixed = w["cost"]["total"] - w["cost"]["warehouse_fixed"]
    same = (w["class"] == f["route"]["class"] and w["nodes"] == f["route"]["nodes"]
            and abs(before_fixed - f["cost_per_unit"]) <= 1e-6 * max(1, f["cost_per_unit"]))
    assert same or "binds" in r.get("design_note", ""), (r["product"], r["market"], w["class"], f["route"]["class"])
    total += r["demand_per_week"] * w["cost"]["total"]
tol = 1e-6 * max(1, abs(o["total_cost_per_week"]))
assert abs(total - o["total_cost_per_week"]) <= max(tol, 1e-3), (total, o["total_cost_per_week"])
# compare's own weekly total (summary.week) is the same sum
wk = c["summary"]["week"]
assert abs(wk["landed_cost"] - total) <= max(tol, 1e-3), (wk, total)
assert abs(wk["unshared_fixed_cost"] - d["unshared_fixed_cost_per_week"]) <= 1e-9
assert abs(d["plan_cost_per_week"] - o["total_cost_per_week"]) <= 1e-6 * o["total_cost_per_week"]
PY
done

# The fixed cost per unit is the warehouse's fixed cost per m3 times the unit's m3: for the
# baseline's earbuds (0.0006 m3, scenarios/baseline.json) into US West, stocked at W_US_WEST.
run compare "$SRC/scenarios/baseline.json" --format json -o "$TMP/c.json"
python3 - "$TMP/c.json" <<'PY' && pass || fail "the share is by volume"
import json, sys
c = json.load(open(sys.argv[1]))
wh = {x["id"]: x for x in c["design"]["warehouses"]}
n = 0
for r in c["rows"]:
    for k in r["classes"]:
        rt = k["route"]
        if k["verdict"] in ("winner", "too costly") and rt and rt["stock_at"] in wh and r["product"] == "P_EARBUDS":
            assert abs(rt["cost"]["warehouse_fixed"] - 0.0006 * wh[rt["stock_at"]]["fixed_per_m3"]) < 1e-9
            n += 1
assert n > 0
PY

# --summary: the winners and the week only, the same figures as the full text.
run compare "$SRC/scenarios/baseline.json" --summary
expect_rc 0 "compare --summary"
cp "$out" "$TMP/summary.txt"
run compare "$SRC/scenarios/baseline.json"
[[ $(wc -l <"$TMP/summary.txt") -lt $(($(wc -l <"$out") / 4)) ]] && pass || fail "--summary is short"
grep -q "^within the design the winners land" "$TMP/summary.txt" && pass || fail "--summary totals"
[[ $(grep -c "^within the design" "$out") == 1 ]] && diff <(grep "^within the design" "$out") \
  <(grep "^within the design" "$TMP/summary.txt") >/dev/null && pass || fail "the same week in both"

# The text says which design, how the costs read, and the week's total beside optimize's.
run compare "$D/scenario.json"
expect_rc 0 "compare on the hand fixture"
expect_out "^design: optimize --single-source opens WA, WB$" "design line"
expect_out "^  WA +300.00 +500.0 +2.400 +125.00$" "WA's share: 300 / 2.4 m3 = 125 a m3"
expect_out "needs WC opened +WC is not open in this design" "needs W opened"
expect_out "^within the design the winners land 2750.00 per week; optimize --single-source: 2750.00$" "totals"
run compare "$D/scenario-tight.json"
expect_rc 0 "compare on the tight fixture"
expect_out "^  note: optimize sends it by air, 6.50 per unit before fixed costs: the capacity of warehouse WA binds" "binding capacity named"
expect_out "^1 pair is served otherwise by optimize" "count of differences"
run compare "$D/scenario.json" --design "$D/open-wa.json" --format csv
expect_rc 0 "compare --design FILE"
expect_out '^box,MB,50,5,warehouse-sea,9810,winner,5.66667,' "box into MB by WA: 4 + 0.02 x 300 / 3.6"
expect_out '^box,MA,100,5,warehouse-rail,9810,needs opening,21.5,' "csv verdict"

# Bad design files: the loader's positioned errors, exit 2.
printf '{"format": "xbroute.design/1",\n "open_warehouses": ["WA", "W_X"]}\n' >"$TMP/bad.json"
run compare "$D/scenario.json" --design "$TMP/bad.json"
expect_rc 2 "unknown node in a design file"
expect_err "bad.json:2:28: error: unknown node \"W_X\" \(field open_warehouses\): the id of a warehouse node" "position of the unknown node"
printf '{"format": "xbroute.design/1", "open_warehouses": ["MA"]}' >"$TMP/bad.json"
run compare "$D/scenario.json" --design "$TMP/bad.json"
expect_rc 2 "a market in a design file"
expect_err "bad.json:1:52: error: node \"MA\" is a market, not a warehouse" "position of the market"
run compare "$D/scenario.json" --design "$TMP/missing.json"
expect_rc 2 "a missing design file"
run compare "$D/scenario.json" --design
expect_rc 1 "--design without a value"

# routes within a design, by hand: box into MB by WB costs 3 before fixed costs; WB's share
# within optimize's design is 0.02 m3 x 200 / 1.2 m3 = 3.3333 (total 6.3333), stand-alone
# 200 / 50 = 4 (total 7); within open-wa.json WB is not open (stand-alone, 7) and WA's share
# is 0.02 x 300 / 3.6 = 1.6667 on its 4 (5.6667, which dominates air's 6.2 in 4 days).
cat >"$TMP/expect.py" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
want = json.loads(sys.argv[2])
got = {(r["class"], r["stock_at"]): round(r["cost"]["total"], 4) for r in d["pareto"]}
assert got == {tuple(json.loads(k)): v for k, v in want.items()}, got
PY
run routes "$D/scenario.json" --product box --to MB --format json
expect_rc 0 "routes in optimize's design"
python3 "$TMP/expect.py" "$out" '{"[\"warehouse-sea\", \"WB\"]": 6.3333, "[\"air\", null]": 6.2}' && pass || fail "routes box MB in optimize's design"
run routes "$D/scenario.json" --product box --to MB --format json --design none
python3 "$TMP/expect.py" "$out" '{"[\"warehouse-sea\", \"WB\"]": 7.0, "[\"air\", null]": 6.2}' && pass || fail "routes box MB stand-alone"
run routes "$D/scenario.json" --product box --to MB --format json --design "$D/open-wa.json"
python3 "$TMP/expect.py" "$out" '{"[\"warehouse-sea\", \"WA\"]": 5.6667}' && pass || fail "routes box MB within open-wa.json"
run routes "$D/scenario.json" --product box --to MB --k 3 --design "$D/open-wa.json"
expect_out "F >sea> WB >last_mile> MB  \(stock at WB, not open in the design\)" "a warehouse the design does not open"
expect_out "^design: .*open-wa.json opens WA$" "routes names its design"
run routes "$SRC/scenarios/baseline.json" --product P_EARBUDS --to M_US_WEST --design none
expect_rc 0 "routes --design none"
expect_no_out "^design:" "no design block without a design"

# report: the design paragraph, and the binding capacity where optimize differs
run report "$D/scenario-tight.json" -o "$TMP/r.html"
expect_rc 0 "report in optimize's design"
grep -q "Priced within the network design of <code>optimize --single-source</code>, which opens WA and WB" "$TMP/r.html" && pass || fail "report names the design"
grep -q "box into MA: optimize sends it by air, 6.50 per unit before fixed costs: the capacity of warehouse WA binds" "$TMP/r.html" && pass || fail "report names the binding capacity"
run report "$D/scenario-tight.json" -o "$TMP/r.html" --design none
grep -q "Priced within" "$TMP/r.html" && fail "report --design none has a design paragraph" || pass

# batch records: the compare summary is priced in the design and says which; within
# optimize's design its weekly total is the optimizer's single-source total (2750 by hand)
mkdir -p "$TMP/b"; cp "$D/scenario.json" "$D/network.json" "$TMP/b/"
run batch "$TMP/b" --jobs 1 --no-optimize
expect_rc 0 "batch in optimize's design"
expect_out '"total_cost_per_week":2750,"mean_days":1,"design":"optimize"\}' "batch record within optimize's design"
run batch "$TMP/b" --jobs 1 --no-optimize --design none
expect_out '"design":"none"\}' "batch record stand-alone"
run batch "$TMP/b" --jobs 1 --no-optimize --design "$TMP/bad.json"
expect_rc 2 "batch with a bad design file"
expect_out '"status":"error","error":"[^"]*bad.json:1:52: error: node \\"MA\\" is a market' "the design file's error in the record"

# chain: nothing it shows stocks, so a design changes nothing; a bad file is still an error
run chain "$D/scenario.json" --product box --market MA --format json
cp "$out" "$TMP/chain-default"
run chain "$D/scenario.json" --product box --market MA --format json --design "$D/open-wa.json"
expect_rc 0 "chain --design FILE"
cmp -s "$out" "$TMP/chain-default" && pass || fail "chain differs within a design"
run chain "$D/scenario.json" --product box --market MA --design "$TMP/bad.json"
expect_rc 2 "chain with a bad design file"
finish
