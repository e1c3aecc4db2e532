#!/usr/bin/env bash
# CLI tests of `chain`: its options and errors (the figures of the chain are checked in
# tests/cli/test_routes.sh and tests/unit/analysis/test_chain.c).
#   hand-scenario.json (tests/data/cli): widget from F into M, no intermediaries: only the direct
#     way exists; the market isolated by closing every link into it has no way at all.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

sc="$DATA/hand-scenario.json"

run chain "$sc" --product=widget --market=M --format=json -o "$TMP/c.json"
expect_rc 0 "--opt=value spelling"
python3 - "$TMP/c.json" <<'PY' && pass || fail "only the direct way is found"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["schema"] == "xbroute.chain/1"
assert [c["kind"] for c in d["chains"]] == ["traditional", "b2b2c", "direct"]
assert [c["found"] for c in d["chains"]] == [False, False, True]
# who keeps what: with no traditional way, the direct way's own consumer price is split, and
# nothing is left to the exporter (hand-scenario.json sets no retail_price and no online fees)
assert d["price_from"] == "highest"
s = d["chains"][2]["split"]
assert abs(s["price"] - d["chains"][2]["route"]["consumer_price"]) < 1e-9
assert abs(s["exporter"]) < 1e-9 and s["ecommerce"]["total"] == 0
assert d["questions"]["more_kept"]["direct"] is None
PY

run chain "$sc" --product widget
expect_rc 1 "missing --market"
expect_err "needs SCENARIO, --product and --market" "missing --market named"
run chain --product widget --market M
expect_rc 1 "missing scenario"
run chain "$sc" --product nothing --market M
expect_rc 2 "unknown product"
expect_err "unknown product 'nothing' in .*hand-scenario.json" "unknown product named"
run chain "$sc" --product widget --market F
expect_rc 2 "not a market"
expect_err "no market node 'F' in .*; did you mean" "not a market named, with a suggestion"
run chain "$sc" --product widget --market M --format csv
expect_rc 1 "csv is not offered"
run chain "$sc" --product widget --market M --bogus
expect_rc 1 "unknown option"

# Every link into M closed: no way at all (exit 3).
python3 - "$SRC/tests/data/cli" "$TMP" <<'PY'
import json, os, sys
src, tmp = sys.argv[1], sys.argv[2]
net = json.load(open(os.path.join(src, "hand-network.json")))
for l in net["links"]:
    if l["to"] == "M":
        l["status"] = "closed"
json.dump(net, open(os.path.join(tmp, "net.json"), "w"))
sc = json.load(open(os.path.join(src, "hand-scenario.json")))
sc["network"] = "net.json"
json.dump(sc, open(os.path.join(tmp, "sc.json"), "w"))
PY
run chain "$TMP/sc.json" --product widget --market M
expect_rc 3 "no way at all"
expect_err "no route at all for widget into M" "no way named"

# A negative exporter's profit is said in words. On the teaching T-shirt at its retail price of
# 12.00 every way leaves the exporter less than nothing (tests/cli/test_routes.sh works the six
# links' -0.65 by hand: 12.00 - (13.00 consumer price at the chain's margins - 0.35 of its own))
run chain "$SRC/scenarios/six-link-teaching.json" --product P_TSHIRT --market M_US
expect_rc 0 "teaching chain"
expect_out "below zero \(traditional, b2b2c, direct\): at 12.00 USD" "a loss is named"
run chain "$DATA/hand-scenario.json" --product widget --market M
expect_no_out "below zero" "no loss, no line"

# Into a market of business buyers (B2B e-commerce) the direct way is a platform order, not B2C,
# and the one who pays is a business buyer; a consumer market keeps its words.
run chain "$SRC/scenarios/b2b-platform.json" --product P_EARBUDS --market B_LA_DIST
expect_rc 0 "business market chain"
expect_out "3\. B2B: factory -> business buyer" "the direct way is B2B"
expect_out "business buyer pays" "the buyer is named"
expect_no_out "consumer" "no consumer in a business market"
run chain "$SRC/scenarios/six-link-teaching.json" --product P_TSHIRT --market M_US
expect_out "3\. B2C: factory -> consumer" "a consumer market keeps B2C"
expect_out "consumer pays" "a consumer market keeps its consumer"

run chain --help
expect_rc 0 "help"
expect_out "Usage: xbroute chain" "help text"

finish
