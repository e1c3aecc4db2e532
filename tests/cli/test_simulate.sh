#!/usr/bin/env bash
# CLI tests of `simulate` against closed forms, and of its determinism.
#
# The network written below has two markets in the factory's own country (no border, no
# clearance, no handling), one link each:
#   TRI  F -> M_TRI  air, triangular(2, 3, 10) days. The median (F(3) = 1/8 < 1/2, so above
#        the mode) is 10 - sqrt((10 - 2)(10 - 3) / 2) = 10 - sqrt(28) = 4.7085; the mean 5.
#   WAIT F -> M_WAIT truck, 0 days, 2 departures a week: a wait uniform on [0, 3.5];
#        P90 = 0.9 x 3.5 = 3.15, P50 = 1.75, mean 1.75. Promise 1.75 days: on time half.
#   hand-scenario.json (tests/data/cli): every class is a fixed route on the consumer side (express 3 + 1 day of
#        clearance = 4, post 15 + 1 = 16, stocked: last mile 1): on time exactly 1, 0 and 1
#        against the 5-day promise.
# With 200000 runs the standard error of the median is about 0.008 and of P90 about 0.003 days.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

cat >"$TMP/net.json" <<'EOF'
{
  "format": "xbroute.network/1",
  "name": "simulate closed forms",
  "countries": {"CN": {"name": "China"}},
  "nodes": [
    {"id": "F", "type": "factory", "name": "Factory", "country": "CN", "lat": 22.5, "lon": 114.1},
    {"id": "M_TRI", "type": "market", "name": "Triangular", "country": "CN", "lat": 31.2, "lon": 121.5},
    {"id": "M_WAIT", "type": "market", "name": "Waiting", "country": "CN", "lat": 23.1, "lon": 113.3}
  ],
  "links": [
    {"id": "TRI", "from": "F", "to": "M_TRI", "mode": "air", "days": {"min": 2, "mode": 3, "max": 10}},
    {"id": "WAIT", "from": "F", "to": "M_WAIT", "mode": "truck", "days": 0, "departures_per_week": 2}
  ]
}
EOF
cat >"$TMP/sc.json" <<'EOF'
{
  "name": "simulate closed forms",
  "network": "net.json",
  "max_days": {"M_TRI": 20, "M_WAIT": 1.75},
  "products": [
    {"id": "thing", "category": "home", "origin": "F", "unit_kg": 1, "unit_m3": 0.002,
     "unit_value": 10, "demand": {"M_TRI": 10, "M_WAIT": 10}}
  ]
}
EOF

run simulate "$TMP/sc.json" --runs 200000 --seed 5 --format json -o "$TMP/s.json"
expect_rc 0 "simulate json"
python3 - "$TMP/s.json" <<'PY' && pass || fail "simulate figures against the closed forms"
import json, math, sys
d = json.load(open(sys.argv[1]))
assert d["schema"] == "xbroute.simulate/1"
assert d["runs"] == 200000 and d["seed"] == "5"
rows = {r["market"]: r for r in d["rows"]}
tri = rows["M_TRI"]["classes"]
assert len(tri) == 1 and tri[0]["winner"] is True and tri[0]["stocked"] is False
t = tri[0]
assert abs(t["p50"] - (10 - math.sqrt(28))) < 0.042, t["p50"]
assert abs(t["model_days"] - 5.0) < 1e-9 and abs(t["mean"] - 5.0) < 0.03, t["mean"]
assert t["on_time_share"] == 1.0  # every draw is at most 10 < 20
assert 2.0 <= t["min"] and t["max"] <= 10.0
w = rows["M_WAIT"]["classes"][0]
assert abs(w["p90"] - 3.15) < 0.02, w["p90"]
assert abs(w["p50"] - 1.75) < 0.02 and abs(w["p95"] - 3.325) < 0.02
assert abs(w["on_time_share"] - 0.5) < 0.01, w["on_time_share"]
for k in ("class", "winner", "stocked", "model_days", "model_sd", "mean", "sd", "min", "p50",
          "p90", "p95", "max", "on_time_share", "stockout_share"):
    assert k in w, k
PY

run simulate "$DATA/hand-scenario.json" --runs 100000 --format json -o "$TMP/h.json"
expect_rc 0 "simulate hand scenario"
python3 - "$TMP/h.json" <<'PY' && pass || fail "fixed routes are on time always or never"
import json, sys
d = json.load(open(sys.argv[1]))
c = {x["class"]: x for x in d["rows"][0]["classes"]}
assert d["rows"][0]["winner"] == "warehouse-sea"
assert c["express"]["on_time_share"] == 1 and c["express"]["p95"] == 4 and c["express"]["sd"] == 0
assert c["post"]["on_time_share"] == 0 and c["post"]["p50"] == 16
assert c["warehouse-sea"]["on_time_share"] == 1 and c["warehouse-sea"]["max"] == 1
assert c["warehouse-sea"]["stocked"] is True
# demand_cv 0, so lead-time demand is d L; L = 23 + U(0, 7) (the weekly sailing's wait), mean
# 26.5, sd 7 / sqrt 12. Out of stock when d L > d (26.5 + z 7 / sqrt 12), i.e. when the wait
# U > 3.5 + z 7 / sqrt 12: probability 1/2 - z / sqrt 12 = 0.5 - 1.6448536 / 3.4641016
# = 0.025172 (standard error with 100000 runs 0.0005)
assert abs(c["warehouse-sea"]["stockout_share"] - 0.025172) < 0.0025, c["warehouse-sea"]
assert c["express"]["stockout_share"] is None
PY

# Determinism: the same seed gives the same bytes whatever --jobs; another seed differs.
sc="$SRC/scenarios/baseline.json"
run simulate "$sc" --runs 3000 --seed 11 --jobs 1 --format csv -o "$TMP/j1.csv"
expect_rc 0 "baseline jobs 1"
run simulate "$sc" --runs 3000 --seed 11 --jobs 2 --format csv -o "$TMP/j2.csv"
expect_rc 0 "baseline jobs 2"
if cmp -s "$TMP/j1.csv" "$TMP/j2.csv"; then pass; else fail "--jobs 1 and 2 differ"; fi
run simulate "$sc" --runs 3000 --seed 11 --jobs 1 --format csv -o "$TMP/j1b.csv"
if cmp -s "$TMP/j1.csv" "$TMP/j1b.csv"; then pass; else fail "same seed, different bytes"; fi
run simulate "$sc" --runs 3000 --seed 12 --jobs 2 --format csv -o "$TMP/s12.csv"
if cmp -s "$TMP/j1.csv" "$TMP/s12.csv"; then fail "seeds 11 and 12 give the same output"; else pass; fi
if head -1 "$TMP/j1.csv" | grep -q '^product,market,promise_days,class,winner,stocked,runs,model_days,mean,sd,min,p50,p90,p95,max,on_time_share,stockout_share$'; then pass; else fail "csv header"; fi

run simulate "$TMP/sc.json" --runs 1000
expect_rc 0 "simulate text"
expect_out "^thing -> M_WAIT  \(promise 1.75 days\)" "text pair header"
expect_out "^  domestic \* " "text winner marked"

# Histogram of the winner of a chosen pair.
run simulate "$TMP/sc.json" --runs 1000 --svg "$TMP/h.svg" --pair thing:M_WAIT -o "$TMP/t.txt"
expect_rc 0 "simulate --svg"
if grep -q '<svg' "$TMP/h.svg" && grep -q 'M_WAIT' "$TMP/h.svg"; then pass; else fail "histogram svg"; fi

# Errors.
run simulate "$TMP/sc.json" --pair thing:NOWHERE
expect_rc 2 "unknown pair"
expect_err "NOWHERE" "unknown pair named"
run simulate "$TMP/sc.json" --runs 0
expect_rc 1 "zero runs"
run simulate "$TMP/sc.json" --runs abc
expect_rc 1 "runs not a number"
run simulate "$TMP/sc.json" --jobs 0
expect_rc 1 "zero jobs"
run simulate "$TMP/sc.json" --bogus
expect_rc 1 "unknown option"
run simulate "$TMP/sc.json" --pair thing
expect_rc 1 "--pair without a colon"
expect_err "--pair wants PRODUCT:MARKET" "--pair form named"
run simulate "$TMP/sc.json" --runs=1000 --seed=5 --jobs=2 --format=csv
expect_rc 0 "--opt=value spelling"
expect_out "^thing,M_WAIT,1.75,domestic,1,0,1000," "csv row of the --opt=value run"
run simulate
expect_rc 1 "no scenario"
run simulate "$TMP/missing.json"
expect_rc 2 "missing scenario file"
run simulate --help
expect_rc 0 "help"
expect_out "Usage: xbroute simulate" "help text"

# simulate takes its routes from compare within the same design: the winners agree pair by pair,
# by default (the optimizer's design) and with --design none.
for d in optimize none; do
  run compare "$SRC/scenarios/baseline.json" --design $d --format json; cp "$out" "$TMP/cmp.json"
  run simulate "$SRC/scenarios/baseline.json" --design $d --runs 50 --format json
  expect_rc 0 "simulate --design $d"
  if python3 - "$TMP/cmp.json" "$out" <<'PY'
import json, sys
c = json.load(open(sys.argv[1])); s = json.load(open(sys.argv[2]))
cw = {(r["product"], r["market"]): r["winner"] for r in c["rows"]}
sw = {(r["product"], r["market"]): r["winner"] for r in s["rows"]}
sys.exit(0 if cw == sw and len(cw) == 64 else 1)
PY
  then pass; else fail "simulate --design $d: winners differ from compare's"; fi
done
run simulate "$SRC/scenarios/baseline.json" --design "$TMP/missing.json"; expect_rc 2 "missing design file"
# --progress: routes simulated on stderr up to all of them, the output unchanged; --quiet
run simulate "$SRC/scenarios/baseline.json" --runs 50 --jobs 2 --progress -o "$TMP/sp.txt"
expect_rc 0 "simulate --progress"
grep -qE "simulate: ([0-9]+)/\1 routes" "$err" && pass || fail "--progress reaches all routes"
run simulate "$SRC/scenarios/baseline.json" --runs 50 --jobs 2 --quiet -o "$TMP/sq.txt"
[[ ! -s "$err" ]] && pass || fail "simulate --quiet prints nothing on stderr"
cmp -s "$TMP/sp.txt" "$TMP/sq.txt" && pass || fail "the progress line changes the output"
finish
