#!/usr/bin/env bash
# CLI tests of `optimize`: exit codes, JSON keys, the exported model re-solved by glpsol, every
# flow traceable to a route `xbroute routes` shows, and the infeasibility explanations.
#
# tests/data/cli/hand-scenario.json (costed by hand in tests/cli/test_routes.sh): widget, 70
# units/week into M, promise 5 days. Within the promise: express 22.00/unit (4 days) and the
# route stocked at W, 9.6412952/unit of which 1.00 is W's fixed cost 70 / 70 (1 day). Optimum:
# open W, 70 x (9.6412952 - 1) + 70 = 674.890664 per week (express alone: 70 x 22 = 1540).
#
# tests/data/opt/scenario-tight.json: the express links closed, post too slow for 5 days, so
# everything must cross SEA_SMALL (100 kg/week): lamp 180 units x 1.5 kg + mug 350 x 0.5 kg =
# 270 + 175 = 445 kg/week, capacity exceeded by 345 kg/week.
# tests/data/opt/scenario-late.json: M2 promised in 0.5 days; its fastest route is the last
# mile from W2, 1 day.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
OPT="$SRC/tests/data/opt"

run optimize --help
expect_rc 0 "help"
expect_out "Usage: xbroute optimize" "help text"

run optimize
expect_rc 1 "no scenario"
run optimize "$DATA/hand-scenario.json" --gap 2
expect_rc 1 "bad gap"
run optimize "$DATA/hand-scenario.json" --svg "$TMP/x.svg"
expect_rc 1 "--svg without --frontier"
run optimize "$TMP/missing.json"
expect_rc 2 "missing scenario"

# the option table: each bad value is a usage error naming what the option wants
run optimize "$DATA/hand-scenario.json" --colgen sometimes
expect_rc 1 "bad --colgen"
expect_err "--colgen wants on, off or auto, not 'sometimes'" "--colgen message"
run optimize "$DATA/hand-scenario.json" --points 1
expect_rc 1 "--points below 2"
expect_err "--points wants 2..1000, not '1'" "--points message"
run optimize "$DATA/hand-scenario.json" --time-limit 0
expect_rc 1 "--time-limit 0"
expect_err "--time-limit wants seconds > 0, not '0'" "--time-limit message"
run optimize "$DATA/hand-scenario.json" --max-days -1
expect_rc 1 "--max-days -1"
expect_err "--max-days wants days > 0, not '-1'" "--max-days message"
run optimize "$DATA/hand-scenario.json" --frontir
expect_rc 1 "misspelt option"
expect_err "did you mean '--frontier'" "did-you-mean"
run optimize "$DATA/hand-scenario.json" "$DATA/hand-scenario.json"
expect_rc 1 "two scenarios"

# hand-calculated optimum, text and JSON
run optimize "$DATA/hand-scenario.json"
expect_rc 0 "hand optimum"
expect_out "status +optimal" "status line"
expect_out "total cost per week +674\.89" "total by hand"
expect_out "W +open +70\.00" "W opened"
run optimize "$DATA/hand-scenario.json" --format json -o "$TMP/hand.json"
expect_rc 0 "hand json"
python3 - "$TMP/hand.json" <<'PY' && pass || fail "hand JSON against the hand calculation"
import json, sys
d = json.load(open(sys.argv[1]))
for k in ["schema", "status", "total_cost_per_week", "cost_by_component", "open_warehouses",
          "flows", "utilisation", "gap", "lp_bound"]:
    assert k in d, k
assert d["schema"] == "xbroute.optimize/1"
assert d["status"] == "optimal"
assert abs(d["total_cost_per_week"] - 674.890664) < 1e-5, d["total_cost_per_week"]
assert d["open_warehouses"] == ["W"]
f = d["flows"]
assert len(f) == 1 and f[0]["share"] == 1 and f[0]["units_per_week"] == 70
assert f[0]["route"]["stock_at"] == "W" and f[0]["route"]["class"] == "warehouse-sea"
c = d["cost_by_component"]
assert abs(c["warehouse_fixed"] - 70) < 1e-9
assert abs(sum(v for k, v in c.items() if k != "total") - c["total"]) < 1e-6
PY

run optimize "$DATA/hand-scenario.json" --format csv
expect_rc 0 "csv"
expect_out "^product,market,class,regime,share,units_per_week,cost_per_unit,days,stock_at,nodes" "csv header"
expect_out "^widget,M,warehouse-sea,9810,1,70,8\.64129" "csv flow"

# --write-model: glpsol re-solves the exported MILP to the same objective (relative 1e-6)
if command -v glpsol >/dev/null; then
  for sc in "$DATA/hand-scenario.json" "$OPT/scenario.json" "$OPT/scenario-nocap.json"; do
    for ss in "" "--single-source"; do
      run optimize "$sc" $ss --format json -o "$TMP/o.json" --write-model "$TMP/m.lp"
      expect_rc 0 "write-model $sc $ss"
      glpsol --lp "$TMP/m.lp" -o "$TMP/glpsol.out" >"$TMP/glpsol.log" 2>&1 || true
      python3 - "$TMP/o.json" "$TMP/glpsol.out" <<'PY' && pass || fail "glpsol objective for $sc $ss"
import json, re, sys
ours = json.load(open(sys.argv[1]))["total_cost_per_week"]
text = open(sys.argv[2]).read()
m = re.search(r"Objective:\s+\S+\s+=\s+(\S+)", text)
assert m, text[:500]
theirs = float(m.group(1))
assert abs(ours - theirs) <= 1e-6 * max(1.0, abs(ours)), (ours, theirs)
PY
      grep -q "x_0_" "$TMP/m.lp" && grep -q "^ d_0_" "$TMP/m.lp" && pass || fail "readable names in the LP file"
    done
  done
else
  echo "note: glpsol not installed; the --write-model cross-check is skipped"
fi

# every flow is a route `xbroute routes` shows, with the same cost (no capacities here); the
# flows' routes are evaluated stand-alone (the whole fixed cost on the pair), as routes --design
# none prices them
run optimize "$OPT/scenario-nocap.json" --format json -o "$TMP/nocap.json"
expect_rc 0 "nocap"
for pm in lamp:M1 lamp:M2 mug:M1 mug:M2; do
  run routes "$OPT/scenario-nocap.json" --product "${pm%%:*}" --to "${pm##*:}" --k 200 --design none --format json -o "$TMP/routes-${pm/:/-}.json"
  expect_rc 0 "routes $pm"
done
python3 - "$TMP" <<'PY' && pass || fail "flows traceable to routes output"
import json, sys, os
tmp = sys.argv[1]
d = json.load(open(os.path.join(tmp, "nocap.json")))
assert d["flows"], "no flows"
for f in d["flows"]:
    r = f["route"]
    shown = json.load(open(os.path.join(tmp, "routes-%s-%s.json" % (f["product"], f["market"]))))
    cands = shown["pareto"] + shown["alternatives"]
    match = [c for c in cands if c["nodes"] == r["nodes"] and c["links"] == r["links"]
             and c["stock_at"] == r["stock_at"]]
    assert match, ("flow not shown by routes", f["product"], f["market"], r["nodes"])
    assert abs(match[0]["cost"]["total"] - r["cost"]["total"]) < 1e-9
    # the flow's per-unit cost is the route's minus the fixed cost, charged once per week
    assert abs(f["cost_per_unit"] - (r["cost"]["total"] - r["cost"]["warehouse_fixed"])) < 1e-6
PY

# infeasible: the promise
run optimize "$OPT/scenario-late.json"
expect_rc 3 "late promise"
expect_err "product lamp to market M2: promise 0.5 days, but the fastest route \(warehouse-sea\) takes 1.00 days" "promise reason"
run optimize "$OPT/scenario-late.json" --format json -o "$TMP/late.json"
expect_rc 3 "late json"
python3 - "$TMP/late.json" <<'PY' && pass || fail "late JSON reasons"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["status"] == "infeasible"
r = d["reasons"]
assert {(x["product"], x["market"], x["kind"]) for x in r} == {("lamp", "M2", "promise"), ("mug", "M2", "promise")}
assert all(x["limit"] == 0.5 and x["needed"] == 1 for x in r)
PY

# infeasible: a capacity
run optimize "$OPT/scenario-tight.json"
expect_rc 3 "tight capacity"
expect_err "link SEA_SMALL \(P1 > P2, sea\): the plan with the least excess needs 445 kg/week, capacity 100: raise it by 345 kg/week" "capacity reason"

# time limit and gap options are accepted; the frontier and its SVG
run optimize "$OPT/scenario.json" --time-limit 30 --gap 0.01
expect_rc 0 "time limit and gap"
run optimize "$DATA/hand-scenario.json" --frontier --format json -o "$TMP/f.json" --svg "$TMP/f.svg"
expect_rc 0 "frontier"
python3 - "$TMP/f.json" <<'PY' && pass || fail "frontier by hand"
import json, sys
# promise 1 day: only the stocked route (674.890664); 16 days or none: post 8.00 x 70 = 560
f = json.load(open(sys.argv[1]))["frontier"]
assert f[0]["max_days"] == 1 and abs(f[0]["total_cost_per_week"] - 674.890664) < 1e-5, f[0]
assert f[-1]["max_days"] is None and abs(f[-1]["total_cost_per_week"] - 560) < 1e-6, f[-1]
costs = [p["total_cost_per_week"] for p in f]
assert all(a >= b - 1e-9 for a, b in zip(costs, costs[1:])), costs
PY
grep -q "<svg" "$TMP/f.svg" && pass || fail "frontier SVG"

# --points 2: both ends only (promise 1 day: 674.890664; none: 560, by hand as above), and the
# --opt=value spelling; the CSV of the frontier
run optimize "$DATA/hand-scenario.json" --frontier --points=2 --format=csv
expect_rc 0 "frontier --points 2"
python3 - "$out" <<'PY' && pass || fail "two-point frontier by hand"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
assert len(rows) == 2, rows
assert rows[0]["max_days"] == "1" and abs(float(rows[0]["total_cost_per_week"]) - 674.890664) < 1e-5
assert rows[1]["max_days"] == "" and abs(float(rows[1]["total_cost_per_week"]) - 560) < 1e-6
PY

# --timing reports to stderr only: stdout is the same bytes as without it
run optimize "$DATA/hand-scenario.json" --format json
cp "$out" "$TMP/plain.json"
run optimize "$DATA/hand-scenario.json" --format json --timing
expect_rc 0 "--timing"
expect_err "s in all: candidate searches" "timing line"
cmp -s "$out" "$TMP/plain.json" && pass || fail "--timing changes stdout"

# --colgen off on the hand scenario (no capacities): the same optimum
run optimize "$DATA/hand-scenario.json" --colgen off --single-source
expect_rc 0 "--colgen off"
expect_out "total cost per week +674\.89" "colgen off total by hand"

# --geojson: one "route" feature per flow of the plan, legs split at the antimeridian.
run optimize "$SRC/scenarios/baseline.json" --format json -o "$TMP/ob.json" --geojson "$TMP/ob.geojson"
expect_rc 0 "optimize --geojson"
python3 - "$TMP/ob.json" "$TMP/ob.geojson" <<'PY' && pass || fail "optimize geojson has a route per flow"
import json, sys
plan = json.load(open(sys.argv[1]))
g = json.load(open(sys.argv[2]))
routes = [f for f in g["features"] if f["properties"].get("kind") == "route"]
assert len(routes) == len(plan["flows"]) > 0
for f in g["features"]:
    geo = f["geometry"]
    lines = geo["coordinates"] if geo["type"] == "MultiLineString" else [geo["coordinates"]]
    for line in lines:
        for lon, lat in line:
            assert -180 <= lon <= 180 and -90 <= lat <= 90
PY
# --progress: the phases on stderr, the output unchanged; --quiet: nothing on stderr
run optimize "$SRC/scenarios/baseline.json" --format json
cp "$out" "$TMP/plain.json"
run optimize "$SRC/scenarios/baseline.json" --format json --progress
expect_rc 0 "optimize --progress"
cmp -s "$out" "$TMP/plain.json" && pass || fail "--progress changes the output"
grep -q "candidate routes \([0-9]*\)/\1 " "$err" && grep -q "MILP 1/1" "$err" && pass ||
  fail "--progress shows the candidate searches to the end and the MILP"
run optimize "$SRC/scenarios/baseline.json" --format json --progress --quiet
[[ ! -s "$err" ]] && pass || fail "--quiet prints nothing on stderr"
finish
