#!/usr/bin/env bash
# test_sweep.sh - `xbroute sweep`, checked against `compare` run on scenario files that set
# the same value (written here as child scenarios of the baseline, independently of the sweep's
# in-memory setting): each point's classes, costs and winner; the crossovers against the
# points; the number of values; the formats and the errors.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

S="$SRC/scenarios/baseline.json"
run sweep "$S" --product P_TSHIRT --market M_DE --set unit_kg=0.1:2.1:0.4 --design none \
  --format json -o "$TMP/sw.json" --jobs 2 --svg "$TMP/sw.svg"
expect_rc 0 "sweep unit_kg"
# The child scenarios: the baseline's T-shirt with unit_kg set (the child repeats the product
# whole; a child product may also give only the fields it changes).
python3 - "$S" "$TMP" <<'PY'
import json, os, sys
base, tmp = sys.argv[1], sys.argv[2]
sc = json.load(open(base))
prod = next(p for p in sc["products"] if p["id"] == "P_TSHIRT")
for i, kg in enumerate([0.1, 0.5, 0.9, 1.3, 1.7, 2.1]):
    p = dict(prod, unit_kg=kg)
    child = {"format": "xbroute.scenario/1", "name": "kg%d" % i, "extends": os.path.abspath(base),
             "products": [p]}
    json.dump(child, open(os.path.join(tmp, "kg%d.json" % i), "w"))
PY
for i in 0 1 2 3 4 5; do
  run compare "$TMP/kg$i.json" --design none --format json -o "$TMP/c$i.json"
  expect_rc 0 "compare kg$i"
done
python3 - "$TMP" >"$TMP/check" 2>&1 <<'PY' || true
import json, os, sys
tmp = sys.argv[1]
sw = json.load(open(os.path.join(tmp, "sw.json")))
assert sw["schema"] == "xbroute.sweep/1" and sw["parameter"] == "unit_kg" and sw["unit"] == "kg"
pts = sw["points"]
assert [p["value"] for p in pts] == [0.1, 0.5, 0.9, 1.3, 1.7, 2.1], [p["value"] for p in pts]
def close(a, b):
    return abs(a - b) <= 1e-8 * max(1, abs(a), abs(b))
for i, p in enumerate(pts):
    c = json.load(open(os.path.join(tmp, "c%d.json" % i)))
    row = next(r for r in c["rows"] if r["product"] == "P_TSHIRT" and r["market"] == "M_DE")
    assert p["winner"] == row.get("winner"), (i, p["winner"], row.get("winner"))
    want = {k["class"]: k for k in row["classes"]}
    assert [k["class"] for k in p["classes"]] == [k["class"] for k in row["classes"]], i
    for k in p["classes"]:
        w = want[k["class"]]
        assert k["verdict"] == w["verdict"], (i, k["class"])
        if "route" in w and w["route"]:
            assert close(k["cost"], w["route"]["cost"]["total"]), (i, k["class"], k["cost"])
            assert close(k["days"], w["route"]["days"]), (i, k["class"])
        else:
            assert k["cost"] is None, (i, k["class"])
# crossovers: exactly the consecutive points whose winners differ, estimate between them
want = [(a["value"], b["value"], a["winner"], b["winner"]) for a, b in zip(pts, pts[1:])
        if a["winner"] != b["winner"]]
got = [(x["below"], x["at"], x["from"], x["to"]) for x in sw["crossovers"]]
assert got == want, (got, want)
for x in sw["crossovers"]:
    assert x["estimate"] is None or x["below"] <= x["estimate"] <= x["at"], x
print("ok", len(got))
PY
grep -q "^ok" "$TMP/check" && pass || fail "sweep against compare: $(cat "$TMP/check")"
grep -q "<svg" "$TMP/sw.svg" && grep -q "warehouse-sea" "$TMP/sw.svg" && pass || fail "the chart"

# A child product that gives only unit_kg prices as the full copy does (#14 item 3).
printf '{"format": "xbroute.scenario/1", "name": "kg0", "extends": "%s", "products": [{"id": "P_TSHIRT", "unit_kg": 0.1}]}\n' \
  "$S" >"$TMP/partial.json"
run compare "$TMP/partial.json" --design none --format json -o "$TMP/cp.json"
expect_rc 0 "compare on a partial product"
cmp -s "$TMP/cp.json" "$TMP/c0.json" && pass || fail "a partial product differs from the full copy"

# The same sweep with one worker gives the same bytes.
run sweep "$S" --product P_TSHIRT --market M_DE --set unit_kg=0.1:2.1:0.4 --design none \
  --format json --jobs 1
cmp -s "$out" "$TMP/sw.json" && pass || fail "--jobs 1 and --jobs 2 differ"

# Text: the table and the crossovers named.
run sweep "$S" --product P_TSHIRT --to M_DE --set unit_kg=0.1:2.1:0.4 --design none
expect_rc 0 "sweep text (--to for --market)"
expect_out "^sweep unit_kg of P_TSHIRT into M_DE: 0.1 to 2.1 step 0.4 kg" "text heading"
[[ $(grep -cE "^ +[0-9.]+  [a-z]" "$out") == 6 ]] && pass || fail "six value lines"
n_cross=$(awk '{print $2}' "$TMP/check")
if [[ "$n_cross" -gt 0 ]]; then
  expect_out "^  [a-z-]+ wins from [0-9.]+ kg \([a-z-]+ up to [0-9.]+" "a crossover named"
else
  expect_out "^no crossover" "no crossover said"
fi

# CSV: one line per value and class.
run sweep "$S" --product P_TSHIRT --market M_DE --set demand=100:300:100 --format csv
expect_rc 0 "sweep demand, csv"
[[ $(head -1 "$out") == "value,class,verdict,cost,days,winner" ]] && pass || fail "CSV header"
[[ $(awk -F, 'NR > 1 && $6 == "true"' "$out" | wc -l) == 3 ]] && pass || fail "one winner per value"

# Errors: unknown parameter (suggested), out of range, unknown ids, missing --set.
run sweep "$S" --product P_TSHIRT --market M_DE --set unit_gk=0.1:1:0.1
expect_rc 2 "unknown parameter"
expect_err 'unknown parameter "unit_gk"; did you mean "unit_kg"' "parameter suggestion"
run sweep "$S" --product P_TSHIRT --market M_DE --set unit_kg=0:1:0.5
expect_rc 2 "value out of range"
expect_err "value 0 is out of range for unit_kg" "the value named"
run sweep "$S" --product P_TSHIRT --market M_DE --set unit_kg=1:0:0.5
expect_rc 2 "FROM > TO"
run sweep "$S" --product P_TSHIRT --market M_DE --set unit_kg=0.001:100:0.001
expect_rc 2 "too many values"
run sweep "$S" --product P_TSIRT --market M_DE --set unit_kg=0.1:1:0.1
expect_rc 2 "unknown product"
expect_err "did you mean 'P_TSHIRT'" "product suggestion"
run sweep "$S" --product P_TSHIRT --market M_DE --set countries.XX.duty_pct=0:10:5
expect_rc 2 "unknown country"
run sweep "$S" --product P_TSHIRT --market M_DE
expect_rc 1 "no --set"
# --progress: the bar on stderr up to all values; --quiet: nothing
run sweep "$S" --product P_TSHIRT --market M_DE --set unit_kg=0.1:0.5:0.2 --progress -o "$TMP/p.txt"
expect_rc 0 "sweep --progress"
expect_err "3/3" "the progress bar reaches 3 of 3 values"
run sweep "$S" --product P_TSHIRT --market M_DE --set unit_kg=0.1:0.5:0.2 --quiet -o "$TMP/q.txt"
[[ ! -s "$err" ]] && pass || fail "sweep --quiet prints nothing on stderr"
cmp -s "$TMP/p.txt" "$TMP/q.txt" && pass || fail "the progress bar changes the output"

# A swept de minimis holds on every date: on 2028-04-01 Japan's dated consumption-tax threshold
# (0) takes the swept value too, so at 100 the T-shirt (3.50) by post pays no tax, as on
# 2028-03-31 (threshold JPY 10,000 = 66.7), and at 0 it pays it, as on 2028-04-01 (#11).
JPS="$SRC/scenarios/jp-consumption-tax.json"
run sweep "$JPS" --product P_TSHIRT --market M_JP --set countries.JP.vat_de_minimis=0:100:100 \
  --design none --format json -o "$TMP/jp.json" --jobs 1
expect_rc 0 "sweep countries.JP.vat_de_minimis"
run compare "$SRC/scenarios/jp-consumption-tax-before.json" --design none --format json -o "$TMP/jpb.json"
expect_rc 0 "compare jp-consumption-tax-before"
run compare "$JPS" --design none --format json -o "$TMP/jpa.json"
expect_rc 0 "compare jp-consumption-tax"
python3 - "$TMP" >"$TMP/jpcheck" 2>&1 <<'PY' || true
import json, os, sys
tmp = sys.argv[1]
pts = json.load(open(os.path.join(tmp, "jp.json")))["points"]
def post(doc):
    row = next(r for r in doc["rows"] if r["product"] == "P_TSHIRT" and r["market"] == "M_JP")
    return next(k for k in row["classes"] if k["class"] == "post")["route"]["cost"]["total"]
def swept(p):
    return next(k for k in p["classes"] if k["class"] == "post")["cost"]
after = post(json.load(open(os.path.join(tmp, "jpa.json"))))
before = post(json.load(open(os.path.join(tmp, "jpb.json"))))
assert abs(swept(pts[0]) - after) < 1e-9, (swept(pts[0]), after)
assert abs(swept(pts[1]) - before) < 1e-9, (swept(pts[1]), before)
assert after > before
print("ok")
PY
grep -q "^ok" "$TMP/jpcheck" && pass || fail "a swept vat_de_minimis on a dated threshold: $(cat "$TMP/jpcheck")"
finish
