#!/usr/bin/env bash
# CLI tests of `resilience` on the hand-made networks of tests/data/resil/ (the figures are
# worked out in tests/unit/test_resilience.c):
#   hub: articulation point H; bridges L1, L6; disjoint paths F->M1 1, F->M2 1; hubs H 4,
#        A 1, B 1; closures ranked H (15 units/week cut off), L1 (15), L6 (5), A (+10 a
#        week: M1 from 3 to 4 per unit, 3 to 4 days), B (nothing).
#   cycle: X, FX and XM cut M off from F although the undirected view has no cut on the
#        cycle; its articulation point M and bridge MZ cut nothing.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

R="$SRC/tests/data/resil"

run resilience "$R/hub-scenario.json" --top 3 --format json -o "$TMP/hub.json"
expect_rc 0 "hub json"
python3 - "$TMP/hub.json" <<'PY' && pass || fail "hub figures against the hand calculation"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["schema"] == "xbroute.resilience/1"
assert [(p["factory"], p["market"], p["disjoint_paths"]) for p in d["pairs"]] == \
    [("F", "M1", 1), ("F", "M2", 1)]
assert d["articulation_points"] == [{"node": "H", "cuts": True}]
assert [b["link"] for b in d["bridges"]] == ["L1", "L6"]
assert [(h["node"], h["betweenness"]) for h in d["hubs"]] == [("H", 4), ("A", 1), ("B", 1)]
c = d["critical"]
assert [x["id"] for x in c] == ["H", "L1", "L6", "A", "B"], [x["id"] for x in c]
assert [x["rank"] for x in c] == [1, 2, 3, 4, 5]
assert c[0]["cut_off_demand_per_week"] == 15 and c[0]["cut_off"] == 2
assert c[2]["cut_off_demand_per_week"] == 5
a = c[3]
assert a["weekly_cost_increase"] == 10 and a["max_delta_days"] == 1 and a["hub"] is True
m1 = a["impacts"][0]
assert m1["market"] == "M1" and m1["base_cost"] == 3 and m1["cost"] == 4
assert m1["delta_cost"] == 1 and m1["delta_days"] == 1 and m1["cut_off"] is False
assert c[0]["impacts"][0]["cut_off"] is True and c[0]["impacts"][0]["cost"] is None
assert c[4]["weekly_cost_increase"] == 0
PY

run resilience "$R/hub-scenario.json" --top 3
expect_rc 0 "hub text"
expect_out "articulation points: H \(cuts\)" "text articulation points"
expect_out "bridges: L1 \(cuts\) L6 \(cuts\)" "text bridges"
expect_out "^ +4 node A .* 10.00 +1.0$" "text closure of A"
expect_out "gadget -> M1: domestic 3.00 -> domestic 4.00 \(\+1.00\), 3.0 -> 4.0 days \(\+1.0\)" \
  "text impact line"

run resilience "$R/cycle-scenario.json" --format json -o "$TMP/cyc.json" --no-closures --top 0
expect_rc 0 "cycle json"
python3 - "$TMP/cyc.json" <<'PY' && pass || fail "cycle: directed cuts beyond the undirected view"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["closures"] is False
assert d["articulation_points"] == [{"node": "M", "cuts": False}]
assert d["bridges"] == [{"link": "MZ", "from": "M", "to": "Z", "cuts": False}]
assert d["hubs"] == []
ids = sorted(x["id"] for x in d["critical"])
assert ids == ["FX", "X", "XM"], ids
assert all(not x["articulation"] and not x["bridge"] for x in d["critical"])
assert "impacts" not in d["critical"][0]
PY

# Determinism: the same input gives the same bytes.
run resilience "$SRC/scenarios/baseline.json" --format json -o "$TMP/b1.json"
expect_rc 0 "baseline"
run resilience "$SRC/scenarios/baseline.json" --format json -o "$TMP/b2.json"
if cmp -s "$TMP/b1.json" "$TMP/b2.json"; then pass; else fail "baseline output differs between runs"; fi

# Errors.
run resilience "$R/hub-scenario.json" --format csv
expect_rc 1 "csv is not offered"
run resilience "$R/hub-scenario.json" --top x
expect_rc 1 "bad --top"
run resilience "$R/hub-scenario.json" --no-closures=yes
expect_rc 1 "a flag takes no value"
run resilience "$R/hub-scenario.json" --top=1 --no-closures --format=json
expect_rc 0 "--opt=value spelling"
python3 - "$out" <<'PY' && pass || fail "--top=1: the one hub H, no closures"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["closures"] is False
assert [(h["node"], h["betweenness"]) for h in d["hubs"]] == [("H", 4)]
PY
run resilience
expect_rc 1 "no scenario"
run resilience "$R/missing.json"
expect_rc 2 "missing file"
run resilience --help
expect_rc 0 "help"
expect_out "Usage: xbroute resilience" "help text"

finish
