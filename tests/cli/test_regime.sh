#!/usr/bin/env bash
# CLI tests of issue #11 items 3 and 5 on the shipped data:
#  - the late-2026 baseline has the Red Sea closed, red-sea-reopened opens the Suez links, and
#    the stocked sofa's freight to Germany falls by the Cape-minus-Suez rate x its volume;
#  - regime 1210 is reachable through the Meishan bonded warehouse (class bonded);
#  - a warehouse route into its own market is labelled a 9810 export, then a domestic sale.
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
finish
