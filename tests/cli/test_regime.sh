#!/usr/bin/env bash
# CLI tests of issue #11 items 3 and 5 on the shipped data:
#  - the late-2026 baseline has the Red Sea closed, red-sea-reopened opens the Suez links, and
#    the stocked sofa's freight to Germany falls by the Cape-minus-Suez rate x its volume;
#  - regime 1210 is reachable through the Meishan bonded warehouse (class bonded);
#  - a warehouse route into its own market is labelled a 9810 export, then a domestic sale;
#  - B2B e-commerce (#16 item 3): business buyers' orders are 9710, consumers' parcels 9610;
#  - the export VAT rebate's cash timing (#11 item 5, scenarios/rebate-timing.json).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

# (1) Red Sea. Hand figures (tools/data/rules-2026.md sections 3.1-3.2, at 58 m3 per FEU):
# Cape, Shanghai-Rotterdam 2,052 x 2.15 / 58 = 76.07 USD/m3; Suez 1,272 / 58 = 21.93 USD/m3.
# The sofa (0.9 m3, scenarios/baseline.json) to Germany stocks at W_DE, filled by sea from
# Nansha to Rotterdam: the same route but for the sea link, so its transport falls by
# 0.9 x (76.07 - 21.93) = 48.726 per unit, and its sea link changes from _CAPE to _SUEZ.
for s in baseline red-sea-reopened; do
  run compare "$SRC/scenarios/$s.json" --design none --format json
  expect_rc 0 "compare $s"
  cp "$out" "$TMP/$s.json"
done
python3 - "$TMP/baseline.json" "$TMP/red-sea-reopened.json" <<'PY' && pass || fail "red-sea-reopened: the sofa's sea freight to Germany"
import json, sys
def sofa(path):
    for r in json.load(open(path))["rows"]:
        if r["product"] == "P_SOFA" and r["market"] == "M_DE":
            for c in r["classes"]:
                if c["class"] == "warehouse-sea":
                    return c["route"]
b, o = sofa(sys.argv[1]), sofa(sys.argv[2])
assert any(l.endswith("_CAPE") for l in b["links"]), b["links"]
assert any(l.endswith("_SUEZ") for l in o["links"]), o["links"]
assert abs((b["cost"]["transport"] - o["cost"]["transport"]) - 48.726) < 1e-6
assert o["lead_time_days"] < b["lead_time_days"]
assert b["sale"] == "domestic" and b["regime"] == "9810"
PY

# (2) 1210: the organizer (Yiwu) has a bonded class, stocked at W_CN_MEISHAN, sold abroad.
python3 - "$TMP/baseline.json" <<'PY' && pass || fail "bonded class of the organizer to Germany"
import json, sys
for r in json.load(open(sys.argv[1]))["rows"]:
    if r["product"] == "P_ORGANIZER" and r["market"] == "M_DE":
        c = [c for c in r["classes"] if c["class"] == "bonded"][0]
        rt = c["route"]
        assert rt["regime"] == "1210" and rt["stock_at"] == "W_CN_MEISHAN", rt
        assert rt["sale"] == "cross_border"
        assert rt["modes"][-1] in ("express", "post")
        break
else:
    raise SystemExit("no row")
PY

# (3) the labels in text
run compare "$SRC/scenarios/baseline.json" --design none
expect_out "W_DE >last_mile> M_DE  9810 export, then a domestic sale from stock" \
  "a German warehouse's German sale is labelled domestic"
expect_out "^  bonded +1210 " "the organizer's bonded class (regime 1210) in the comparison"
# (4) B2B e-commerce (9710), scenarios/b2b-platform.json: business buyers' orders come from
# China under 9710 (class b2b-<mode>) or from overseas stock under 9810, consumers' parcels under
# 9610. Distributors plan five weeks ahead (35 days), shops and consumers want 10 days. Los
# Angeles distributors take their pallet LCL by sea (30.9 days); without their volume the West
# warehouse does not pay, so LA shops order a carton by air and West consumers get air parcels.
# The sea to New York takes 45.4 days, too slow for the plan: the East warehouse opens for the
# NY distributors, and the NY shops and East consumers are served from its stock too. When the
# buyers want their orders within 3 days (b2b-platform-3-days.json) only stock (9810) is in time.
# Hand figures of the way F_SHENZHEN >truck> A_SZX >air> A_LAX >truck> buyer, for a carton of
# 100 earbuds (15 kg, 0.06 m3) and a pallet of 1,000 (150 kg, 0.6 m3), chargeable kg =
# max(kg, m3 x the mode's volumetric: truck 333, air 167):
#   carton: truck 0.005 x 19.98 = 0.0999; air 6.18 x 15 = 92.70; LTL 1.10 x 19.98 = 21.98 <
#     the minimum 120 -> 120; (0.0999 + 92.70 + 120) / 100 = 2.127999 per unit;
#     clearance: 9710 export 20, US import 3, express waybill fee 1.34: 24.34 / 100 = 0.2434;
#     platform fee (Alibaba.com, orders <= USD 5,000): 5 % x 12 = 0.60;
#   pallet: truck 0.005 x 199.8 = 0.999; air 6.18 x 150 = 927; LTL 1.10 x 199.8 = 219.78;
#     / 1000 = 1.147779; clearance 24.34 / 1000 = 0.02434; fee: 12,000 > 5,000, none.
# From stock the warehouse charges a business order AWD's 1.40 a box (boxes of at most 22.68 kg
# and 0.256 m3) instead of FBA's 3.95 an earbud (large standard, 4-8 oz): the carton is one box,
# 0.014 an earbud; the pallet 150 / 22.68 = 6.6 -> 7 boxes, 0.0098. The rest of the handling on
# the way to the warehouse is the same as a consumer's, so business handling = consumer handling
# - 3.95 + 0.014 (carton) or + 0.0098 (pallet).
for s in b2b-platform b2b-platform-3-days; do
  run compare "$SRC/scenarios/$s.json" --format json
  expect_rc 0 "compare $s"
  cp "$out" "$TMP/$s.json"
done
python3 - "$TMP/b2b-platform.json" "$TMP/b2b-platform-3-days.json" <<'PY' && pass || fail "b2b-platform: winners' regimes and the B2B order's costs"
import json, sys
def rows(path):
    return {r["market"]: {c["class"]: c for c in r["classes"]} for r in json.load(open(path))["rows"]}
def winners(path):
    return {m: [c for c in cl.values() if c["verdict"] == "winner"][0]["route"]
            for m, cl in rows(path).items()}
base, fast = winners(sys.argv[1]), winners(sys.argv[2])
want = {"B_LA_DIST": ("b2b-sea", "9710"), "B_LA_SHOPS": ("b2b-air", "9710"),
        "B_NY_DIST": ("warehouse-sea", "9810"), "B_NY_SHOPS": ("warehouse-sea", "9810"),
        "M_US_EAST": ("warehouse-sea", "9810"), "M_US_WEST": ("air", "9610")}
for m, rt in base.items():
    assert (rt["class"], rt["regime"]) == want[m], (m, rt["class"], rt["regime"])
for m, rt in fast.items():
    assert rt["regime"] == "9810" and rt["class"] == "warehouse-sea", (m, rt["class"])
shops = base["B_LA_SHOPS"]["cost"]
dist = rows(sys.argv[1])["B_LA_DIST"]["b2b-air"]["route"]["cost"]
assert abs(shops["transport"] - 2.127999) < 1e-9, shops
assert abs(shops["clearance"] - 0.2434) < 1e-9, shops
assert abs(shops["markup"] - 0.60) < 1e-9, shops
assert abs(dist["transport"] - 1.147779) < 1e-9, dist
assert abs(dist["clearance"] - 0.02434) < 1e-9, dist
assert dist["markup"] == 0, dist
consumer = fast["M_US_WEST"]["cost"]["handling"]
assert abs(fast["B_LA_SHOPS"]["cost"]["handling"] - (consumer - 3.95 + 0.014)) < 1e-9, fast["B_LA_SHOPS"]
assert abs(fast["B_LA_DIST"]["cost"]["handling"] - (consumer - 3.95 + 0.0098)) < 1e-9, fast["B_LA_DIST"]
# a business market's rows list the b2b-<mode> classes (b2b-rail too, which has no route here)
# and none of the consumer's direct classes, which a business buyer's order can never be;
# a consumer market's rows keep them
for r in json.load(open(sys.argv[1]))["rows"]:
    names = {c["class"] for c in r["classes"]}
    if r["market"].startswith("B_"):
        assert {"b2b-air", "b2b-rail", "warehouse-rail"} <= names, names
        assert not names & {"air", "express", "post", "sea", "rail", "b2b2c", "traditional"}, names
    else:
        assert {"air", "rail", "b2b2c", "traditional"} <= names and "b2b-rail" not in names, names
PY
run compare "$SRC/scenarios/b2b-platform.json"
expect_out "^  b2b-air +9710 " "a business buyer's winning class is b2b-air under 9710"
# chain's direct way into business buyers is their order from China, and the platform's
# fee (5 % x 12 = 0.60, the carton's order of 1,200 is under USD 5,000) is its own line
run chain "$SRC/scenarios/b2b-platform.json" --product P_EARBUDS --market B_LA_SHOPS
expect_rc 0 "chain into business buyers"
expect_out "class b2b-air, regime 9710" "chain: the direct way into business buyers is b2b-air"
expect_out "B2B platform's fee \(B_LA_SHOPS\) +- +- +0\.60" "chain: the platform's fee on its own line"

# (5) The export VAT rebate (docs/cost-model.md, "The export VAT rebate"). The laptop of
# rebate-timing.json: unit_value 380, rebate 13 % -> R = 49.40; holding 0.12 a year; payout
# 8.4 days; review 14 days (r / 2 = 7 at the origin); demand 60 a week (d = 60 / 7 a day),
# demand_cv 0.3, service level 0.95. Hand figures, from the network's figures for the legs:
#   bonded (1210, Meishan): 7 + truck F_SUZHOU-W_CN_MEISHAN 1.1 + handling 1 + 1210 clearance 1
#     + payout 8.4 = 18.5 days;
#   stock at home (W_CN_NINGBO, 9610): 7 + truck 1.1 + handling 1 + the dwell I / d + 9610
#     clearance 0.5 + payout 8.4, I / d = r / 2 + z sqrt(mu_L) s_d / d with mu_L = 2.1 (no
#     variance in those legs), s_d = 0.3 x 60 / sqrt 7, z = 1.6448536 (95 %): 26.89 days;
#   express from the factory (9610): clearance 0.5 + payout 8.4 = 8.9 days;
# each day costs R x 0.12 / 365 a unit, in capital; without the rate (the same file with
# export_vat_rebate_pct 0) capital is lower by exactly that, and nothing else changes (to 1e-6:
# the JSON prints 10 significant digits).
run compare "$SRC/scenarios/rebate-timing.json" --design none --format json
expect_rc 0 "compare rebate-timing"
cp "$out" "$TMP/rebate.json"
python3 - "$SRC/scenarios/rebate-timing.json" "$TMP/norate.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
s["network"] = sys.argv[1].rsplit("/", 2)[0] + "/networks/china-export.json"
for p in s["products"]:
    p["export_vat_rebate_pct"] = 0
json.dump(s, open(sys.argv[2], "w"))
PY
run compare "$TMP/norate.json" --design none --format json
expect_rc 0 "compare rebate-timing without the rate"
python3 - "$TMP/rebate.json" "$out" <<'PY' && pass || fail "rebate-timing: the laptop's rebate wait by regime"
import json, math, sys
def classes(path):
    for r in json.load(open(sys.argv[path]))["rows"]:
        if r["product"] == "P_LAPTOP":
            return {c["class"]: c["route"] for c in r["classes"] if c["route"]}
w, n = classes(1), classes(2)
per_day = 380 * 0.13 * 0.12 / 365
d, sd, z = 60 / 7, 0.3 * 60 / math.sqrt(7), 1.6448536269514722
dwell = 7 + z * math.sqrt(2.1) * sd / d
want = {"bonded": (18.5, "1210"), "warehouse": (7 + 1.1 + 1 + dwell + 0.5 + 8.4, "9610"),
        "express": (8.9, "9610")}
for k, (days, regime) in want.items():
    r = w[k]
    assert r["regime"] == regime, (k, r["regime"])
    assert abs(r["export_vat_rebate"]["wait_days"] - days) < 1e-6, (k, r["export_vat_rebate"])
    assert abs(r["export_vat_rebate"]["capital"] - days * per_day) < 1e-6, k
    assert abs(r["cost"]["capital"] - n[k]["cost"]["capital"] - days * per_day) < 1e-6, k
    assert abs(r["cost"]["total"] - n[k]["cost"]["total"] - days * per_day) < 1e-6, k
    assert "export_vat_rebate" not in n[k], k
# the 1210 zone ends the wait on entry: 8.39 days less than stock at home
assert w["bonded"]["export_vat_rebate"]["wait_days"] < w["warehouse"]["export_vat_rebate"]["wait_days"]
assert w["warehouse-rail"]["regime"] == "9810"
PY
run compare "$SRC/scenarios/rebate-timing.json" --design none
expect_out "^  export VAT rebate 13% of the factory value \(49\.40 a unit\), paid out 8\.4 days" "compare names the laptop's rebate"
expect_out "warehouse 26\.9 \(0\.437\), bonded 18\.5 \(0\.300\)" "compare lists each class's wait"
# a scenario without a rate prints no rebate line
run compare "$SRC/scenarios/baseline.json" --design none
expect_no_out "export VAT rebate" "no rebate line where no product gives a rate"
finish
