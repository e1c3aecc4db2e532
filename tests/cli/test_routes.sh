#!/usr/bin/env bash
# CLI tests of `routes`, `compare` and `chain` against hand calculations.
#
# tests/data/cli/hand-scenario.json: widget 2 kg, 0.004 m3, value 20, 70 units/week at M,
# demand_cv 0, holding rate 0, review 14 days, service level 0.95, promise 5 days. US duty 10 %,
# clearance 1 day, no fees. By hand:
#   express F>M: chargeable max(2, 0.004 x 200) = 2 kg x 10 = 20; duty 2      -> 22.00, 3+1 = 4 days
#   post    F>M: 2 kg x 3 = 6; duty 2                                        ->  8.00, 15+1 = 16 days
#   stocked at W (bulk of 70 x 14/7 = 140 units):
#     truck CN  0.1 x max(280 kg, 0.56 m3 x 333) / 140 = 0.2;  sea 50 x 0.56 / 140 = 0.2
#     duty at P2 (bulk always pays) 2;  truck US 0.2;  W handling 1;  fixed 70/70 = 1
#     last mile 5 per parcel;  lead time L = 1 + 20 + 3.5 (weekly sailing) + 1 (clearance) + 1
#       = 26.5 days, var L = (7/1)^2/12 = 49/12 (the wait);  d = 10/day, sigma_d = 0
#     safety stock = 1.6448536 x sqrt(10^2 x 49/12) = 33.2380;  cycle = 10 x 14 / 2 = 70
#     storage = (70 + 33.2380) x 0.004 m3 x 1 /m3/day x 7 / 70 = 0.0412952
#     total 0.2+0.2+2+0.2+1+1+5+0.0412952 = 9.6412952, consumer days 1 (the last mile)
#   Pareto: post (8, 16) and stocked (9.64, 1); express (22, 4) is dominated by the stocked route.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
sc="$DATA/hand-scenario.json"

run routes "$sc" --product widget --to M --k 5 --format json -o "$TMP/r.json"
expect_rc 0 "routes json"
python3 - "$TMP/r.json" <<'PY' && pass || fail "routes figures against the hand calculation"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["schema"] == "xbroute.routes/1"
p = d["pareto"]
assert [r["class"] for r in p] == ["post", "warehouse-sea"], [r["class"] for r in p]
post, wh = p
assert abs(post["cost"]["total"] - 8.0) < 1e-9 and abs(post["days"] - 16) < 1e-9
assert post["regime"] == "9610" and post["nodes"] == ["F", "M"] and post["modes"] == ["post"]
assert abs(wh["cost"]["total"] - 9.6412952) < 1e-6, wh["cost"]["total"]
assert abs(wh["cost"]["storage"] - 0.0412952) < 1e-6
assert abs(wh["cost"]["warehouse_fixed"] - 1.0) < 1e-9 and abs(wh["cost"]["duty"] - 2.0) < 1e-9
assert abs(wh["days"] - 1.0) < 1e-9 and abs(wh["lead_time_days"] - 26.5) < 1e-9
assert wh["regime"] == "9810" and wh["stock_at"] == "W"
assert wh["nodes"] == ["F", "P1", "P2", "W", "M"]
assert wh["meets_promise"] is True and post["meets_promise"] is False
# components add up to the total
for r in p:
    c = r["cost"]
    assert abs(sum(v for k, v in c.items() if k != "total") - c["total"]) < 1e-9
alts = d["alternatives"]
assert [r["class"] for r in alts] == ["post", "warehouse-sea", "express"]
assert abs(alts[2]["cost"]["total"] - 22.0) < 1e-9 and abs(alts[2]["days"] - 4.0) < 1e-9
PY

run routes "$sc" --product widget --to M
expect_rc 0 "routes text"
expect_out "warehouse-sea +9810 +9.64 +1.0 +26.5" "text row of the stocked route"
expect_out "F >truck> P1 >sea> P2 >truck> W >last_mile> M  \(stock at W\)" "text path"

run routes "$sc" --product widget --to M --format csv
expect_rc 0 "routes csv"
expect_out "^set,rank,product,origin,market,class,regime,cost_total" "csv header"
expect_out "^pareto,1,widget,F,M,post,9610,8," "csv first row"

run routes "$sc" --product widget --to M2
expect_rc 3 "no route at all"
expect_err "no route for widget" "no-route message"
run routes "$sc" --product nothing --to M
expect_rc 2 "unknown product"
run routes "$sc" --product widget --to P1
expect_rc 2 "not a market"
run routes "$sc" --product widget
expect_rc 1 "missing --to"

# Several origins (the hand network plus factories G and E, CN, written to $TMP): G -> M post
# 2 kg x 2.5 = 5 + duty 2 = 7, 15 + 1 = 16 days, and air 2 x 4 = 8 + 2 = 10, 2 + 1 = 3 days;
# E -> M post exactly as G's. Merged on cost and days: G's post (7, 16) dominates F's (8, 16);
# the stocked route (9.64, 1) dominates G's air (10, 3); E's and G's posts tie, and the one
# whose node ids come first stays: E's. So: E post, F stocked.
python3 - "$DATA" "$TMP" <<'PY'
import json, os, sys
data, tmp = sys.argv[1], sys.argv[2]
net = json.load(open(os.path.join(data, "hand-network.json")))
for f in ("G", "E"):
    net["nodes"].append({"id": f, "type": "factory", "name": f, "country": "CN", "lat": 23, "lon": 113})
    net["links"].append({"id": f + "_POST", "from": f, "to": "M", "mode": "post", "cost": {"per_kg": 2.5}, "days": 15})
net["links"].append({"id": "G_AIR", "from": "G", "to": "M", "mode": "air", "cost": {"per_kg": 4}, "days": 2})
json.dump(net, open(os.path.join(tmp, "origins-network.json"), "w"))
sc = json.load(open(os.path.join(data, "hand-scenario.json")))
sc["network"] = "origins-network.json"
sc["products"][0]["origin"] = ["F", "G", "E"]
json.dump(sc, open(os.path.join(tmp, "origins-scenario.json"), "w"))
PY
run routes "$TMP/origins-scenario.json" --product widget --to M --k 3 --format json -o "$TMP/o.json"
expect_rc 0 "routes over several origins"
python3 - "$TMP/o.json" <<'PY' && pass || fail "several origins merged by the search's rule"
import json, sys
d = json.load(open(sys.argv[1]))
p = d["pareto"]
assert [r["nodes"] for r in p] == [["E", "M"], ["F", "P1", "P2", "W", "M"]], [r["nodes"] for r in p]
assert abs(p[0]["cost"]["total"] - 7.0) < 1e-9 and abs(p[0]["days"] - 16) < 1e-9
assert abs(p[1]["cost"]["total"] - 9.6412952) < 1e-6
# the 3 best by generalised cost (no value of time: cost): E post 7, G post 7 (the tie, by
# ids), F post 8
a = d["alternatives"]
assert [r["origin"] for r in a] == ["E", "G", "F"], [r["origin"] for r in a]
assert [round(r["cost"]["total"], 9) for r in a] == [7.0, 7.0, 8.0]
PY
run routes "$TMP/origins-scenario.json" --product widget --to M --from=G --format csv
expect_rc 0 "routes from one of several origins"
expect_out "^pareto,1,widget,G,M,post,9610,7," "G's own post first"
expect_out "^pareto,2,widget,G,M,air,9610,10," "G's air is on G's own front"
run routes "$TMP/origins-scenario.json" --product widget --to M --from P1
expect_rc 2 "--from a node that is no factory"
expect_err "no factory node 'P1' in " "not-a-factory message"

# The option table: did you mean, bounds, the criteria
run routes "$sc" --prodcut widget --to M
expect_rc 1 "misspelt option"
expect_err "did you mean '--product'" "did-you-mean for a misspelt option"
run routes "$sc" --product widget --to M --k 0
expect_rc 1 "--k 0"
run routes "$sc" --product widget --to M --k 1001
expect_rc 1 "--k over 1000"
run routes "$sc" --product widget --to M --criteria cost
expect_rc 1 "unknown criteria"
expect_err "--criteria is cost,days or cost,days,co2e" "criteria message"
run routes "$sc" --product widget --to M --criteria cost,days,co2e --k 2
expect_rc 0 "three criteria"
expect_out "Pareto set on landed cost, consumer days and CO2e" "three-criteria heading"
expect_out "2 best by generalised cost" "alternatives section"

# compare: promise 5 days -> the stocked route wins; post is too slow; express too costly by
# 22 - 9.6413 = 12.36; no air route exists.
run compare "$sc" --format json -o "$TMP/c.json"
expect_rc 0 "compare json"
python3 - "$TMP/c.json" <<'PY' && pass || fail "compare verdicts"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["schema"] == "xbroute.compare/1"
row = d["rows"][0]
assert row["product"] == "widget" and row["market"] == "M" and row["winner"] == "warehouse-sea"
v = {c["class"]: c for c in row["classes"]}
assert v["warehouse-sea"]["verdict"] == "winner"
assert v["post"]["verdict"] == "too slow" and "16.0 days > promise 5" in v["post"]["why"]
assert v["express"]["verdict"] == "too costly" and "+12.36" in v["express"]["why"]
assert v["air"]["verdict"] == "no route" and v["air"]["route"] is None
week = d["summary"].pop("week")
assert d["summary"] == {"pairs": 1, "late": 0, "unserved": 0, "winners": {"warehouse-sea": 1}}
# the week: 70 units a week at the stocked route's 9.6413 (by hand, above), 1 day each
assert week["units"] == 70 and abs(week["landed_cost"] - 70 * 9.6413) < 0.01, week
assert week["mean_days"] == 1 and week["stocked_units"] == 70 and week["unshared_fixed_cost"] == 0
PY

# compare --simulate: in the hand network every consumer-facing day is fixed (the only random
# part, the weekly sailing's wait, is upstream of the warehouse), so by hand: stocked route P90
# 1 day, on time 100 %; express 4 days, 100 %; post 16 days, 0 % against the 5-day promise.
run compare "$sc" --simulate 5000 --format json -o "$TMP/cs.json"
expect_rc 0 "compare --simulate"
python3 - "$TMP/cs.json" <<'PY' && pass || fail "compare --simulate figures"
import json, sys
row = json.load(open(sys.argv[1]))["rows"][0]
v = {c["class"]: c for c in row["classes"]}
for cls, days, share in [("warehouse-sea", 1, 1.0), ("express", 4, 1.0), ("post", 16, 0.0)]:
    s = v[cls]["simulation"]
    assert s["runs"] == 5000 and abs(s["p90"] - days) < 1e-9 and s["on_time_share"] == share, (cls, s)
assert v["air"]["simulation"] is None
PY
run compare "$sc" --simulate 0
expect_rc 1 "--simulate needs a positive count"

# With the POST link closed, the post class is "closed", not "no route".
run compare "$DATA/hand-post-closed.json" --format csv
expect_rc 0 "compare with a closed link"
expect_out '^widget,M,70,5,post,,closed,' "closed verdict"
expect_out '^widget,M,70,5,air,,no route,' "no route verdict"

run compare "$sc" --geojson "$TMP/c.geojson"
expect_rc 0 "compare geojson"
python3 - "$TMP/c.geojson" <<'PY' && pass || fail "compare geojson"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["type"] == "FeatureCollection"
kinds = [f["properties"].get("kind") for f in d["features"]]
assert kinds.count("leg") == 4 and kinds.count("route") == 1, kinds
PY

run compare "$sc" --svg "$TMP/c.svg"
expect_rc 0 "compare svg"
if command -v xmllint >/dev/null; then
  xmllint --noout "$TMP/c.svg" && pass || fail "compare svg is well-formed XML"
fi
grep -q "widget &gt; M (warehouse-sea)" "$TMP/c.svg" && pass || fail "compare svg labels the winner"

# chain on the teaching network: the markups of networks/six-link-teaching.json compound:
# 3.50 x 1.10 (exporter) = 3.85, x 1.20 (importer) = 4.62, x 1.20 (wholesaler) = 5.544,
# x 2.00 (retailer) = 11.088.
# The economic order interval: tests/data/cli/hand-economic.json is the hand scenario with a
# sea charge of 392 per shipment, holding 36.5 %/yr (h = 0.001 a day) and the sea interval
# "economic" (weekly sailings: r in 7, 14, ..., 91). Per unit, with d = 10 a day:
#   per-shipment K / q = 392 / (10 r) = 39.2 / r
#   cycle stock r/2 at both ends: h x (20 at the factory + 23.6 landed at W: 20 + freight
#     0.6 + duty 2 + handling 1) + storage 0.004 a day = 0.0476, so 0.0238 r
#   r* = sqrt(39.2 / 0.0238) = 40.6; f(35) = 1.120 + 0.833 = 1.953, f(42) = 0.933 + 1.000
#     = 1.933, f(49) = 0.800 + 1.166 = 1.966: r = 42 (the fixed review_days 14 before)
#   at r = 42: transport 0.2 + 0.2 + 392/420 + 0.2 + 5 = 6.5333; origin stock 21 x 20 x
#     0.001 = 0.42
run routes "$DATA/hand-economic.json" --product widget --to M --format json -o "$TMP/e.json"
expect_rc 0 "routes with an economic interval"
python3 - "$TMP/e.json" "$TMP/r.json" <<'PY' && pass || fail "economic interval against the hand calculation"
import json, sys
wh = [r for r in json.load(open(sys.argv[1]))["pareto"] if r["class"] == "warehouse-sea"][0]
assert wh["interval_days"] == 42 and wh["interval_economic"] is True, wh["interval_days"]
assert abs(wh["cost"]["transport"] - (0.6 + 392 / 420 + 5)) < 1e-9, wh["cost"]["transport"]
assert abs(wh["cost"]["origin_stock"] - 0.42) < 1e-9
fixed = [r for r in json.load(open(sys.argv[2]))["pareto"] if r["class"] == "warehouse-sea"][0]
assert fixed["interval_days"] == 14 and fixed["interval_economic"] is False
PY
run routes "$DATA/hand-economic.json" --product widget --to M
expect_out "\\(shipped every 42 days: the economic interval\\)" "the text states the economic interval"

run chain "$SRC/scenarios/six-link-teaching.json" --product P_TSHIRT --market M_US --format json -o "$TMP/ch.json"
expect_rc 0 "chain json"
python3 - "$TMP/ch.json" <<'PY' && pass || fail "chain build-up"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["schema"] == "xbroute.chain/1"
kinds = {c["kind"]: c for c in d["chains"]}
t = kinds["traditional"]
assert t["found"] and t["route"]["class"] == "traditional" and t["route"]["regime"] == "0110"
nodes = t["route"]["nodes"]
for n in ["X_NINGBO", "I_US", "WS_US", "RT_US"]:
    assert n in nodes, nodes
price = {s["node"]: s["price"] for s in t["steps"]}
assert abs(price["X_NINGBO"] - 3.85) < 1e-9 and abs(price["I_US"] - 4.62) < 1e-9
assert abs(price["WS_US"] - 5.544) < 1e-9 and abs(price["RT_US"] - 11.088) < 1e-9
for c in d["chains"]:
    r = c["route"]
    assert abs(r["factory_share"] - 3.5 / r["consumer_price"]) < 1e-9
    last = c["steps"][-1]["landed_cost"]["total"]
    assert abs(last - r["cost"]["total"]) < 1e-9
    assert abs(c["steps"][-1]["days"] - r["days"]) < 1e-9
# the shortcuts are shorter and leave the factory a larger share
assert kinds["b2b2c"]["route"]["class"] == "b2b2c" and kinds["b2b2c"]["route"]["regime"] == "9710"
assert kinds["direct"]["route"]["regime"] == "9610"
assert t["route"]["days"] > kinds["b2b2c"]["route"]["days"] > kinds["direct"]["route"]["days"]
# the six-link chain ends at a store (RT_US "store": true): the consumer collects the shirt, so
# the last step adds nothing and no days; the online retailer ships a parcel: 8 per parcel +
# 0.5 x 0.2 kg = 8.10 (S_LASTMILE)
ts = t["steps"]
assert ts[-2]["node"] == "RT_US" and ts[-1]["node"] == "M_US"
assert abs(ts[-1]["landed_cost"]["total"] - ts[-2]["landed_cost"]["total"]) < 1e-9
assert abs(ts[-1]["days"] - ts[-2]["days"]) < 1e-9
bs = kinds["b2b2c"]["steps"]
assert abs(bs[-1]["landed_cost"]["transport"] - bs[-2]["landed_cost"]["transport"] - 8.10) < 1e-9
# the split uses the product's cited retail_price, 12.00 (S_RETAIL_PRICE: the median of 4.50,
# 10.00, 12.00, 13.00, 16.50); the six links' exporter keeps what is left after the others'
# costs: 12.00 - (consumer price - its own markup 3.50 x 10 % = 0.35)
assert d["price_from"] == "retail_price" and d["price"] == 12.0
assert abs(t["split"]["exporter"] - (12.0 - (t["route"]["consumer_price"] - 0.35))) < 1e-6  # JSON: 10 digits
PY

# one meaning per name: compare's class traditional on the teaching scenario is the chain's
# six-link route (exporter, importer, wholesaler, store); the shortened chains are short-chain
run compare "$SRC/scenarios/six-link-teaching.json" --format json -o "$TMP/tc.json"
expect_rc 0 "compare teaching json"
python3 - "$TMP/tc.json" "$TMP/ch.json" <<'PY' && pass || fail "compare's traditional is the six-link chain"
import json, sys
d = json.load(open(sys.argv[1]))
ch = json.load(open(sys.argv[2]))
cls = {c["class"]: c for c in d["rows"][0]["classes"]}
trad = cls["traditional"]["route"]
assert trad["nodes"] == ch["chains"][0]["route"]["nodes"]
assert [n for n in trad["nodes"] if n[:2] in ("X_", "I_", "WS", "RT")] == ["X_NINGBO", "I_US", "WS_US", "RT_US"]
sc = cls["short-chain"]["route"]
assert sc["class"] == "short-chain" and sc["regime"] == "0110"
traders = [n for n in sc["nodes"] if n[:2] in ("X_", "I_", "WS")]
assert 1 <= len(set(n[:2] for n in traders)) <= 2, sc["nodes"]
assert cls["b2b2c"]["route"]["nodes"] == ["F_NINGBO", "P_CNNGB", "P_USLAX", "RT_ONLINE", "M_US"]
PY

run chain "$SRC/scenarios/six-link-teaching.json" --product P_TSHIRT --market M_US --svg "$TMP/chain.svg"
expect_rc 0 "chain text and svg"
expect_out "side by side" "chain text summary"
if command -v xmllint >/dev/null; then
  xmllint --noout "$TMP/chain.svg" && pass || fail "chain svg is well-formed XML"
fi
run chain "$sc" --product widget --market M
expect_rc 0 "chain without intermediaries still shows the direct route"
expect_out "no such route in the network" "missing chains said so"
finish
