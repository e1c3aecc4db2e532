#!/usr/bin/env bash
# CLI tests of `xbroute info`: counts and unreachable pairs, text and JSON.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

# tiny-network.json: F_A -> P_SHA -> {P_LAX -> M_ONE, P_RTM -> M_TWO}; F_B -> P_YTN -> P_LAX ->
# M_ONE, and its only way to M_TWO (link YTN_RTM) is closed. So exactly F_B -> M_TWO is
# unreachable.
run info "$DATA/tiny-network.json"
expect_rc 0 "info network"
expect_out "^factory +2$" "two factories"
expect_out "^seaport +4$" "four seaports"
expect_out "^sea +4 +1$" "four sea links, one closed"
expect_out "unreachable .*: 1 pairs" "one unreachable pair"
expect_out "^  F_B -> M_TWO$" "the unreachable pair"
expect_no_out "F_A -> " "F_A reaches both markets"

# The scenario reopens YTN_RTM: nothing is unreachable, and the product lists both markets.
run info "$DATA/tiny-scenario.json"
expect_rc 0 "info scenario"
expect_out "unreachable .*: none" "reopened link"
expect_out "M_ONE=100 M_TWO=50" "product demand"

run info --format json -o "$TMP/info.json" "$DATA/tiny-network.json"
expect_rc 0 "info json to file"
python3 - "$TMP/info.json" <<'PY' && pass || fail "info json contents"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["schema"] == "xbroute.info/1", d["schema"]
assert d["kind"] == "network"
n = d["network"]
assert n["nodes"]["total"] == 8 and n["nodes"]["by_type"]["factory"] == 2
assert n["nodes"]["by_type"]["market"] == 2
assert n["links"]["total"] == 8 and n["links"]["closed"] == 1
assert n["links"]["by_mode"]["sea"] == {"total": 4, "closed": 1}
assert [c["code"] for c in n["countries"]] == ["CN", "US", "NL"]
assert d["unreachable"] == [{"factory": "F_B", "market": "M_TWO"}]
PY

# --dot and --geojson: one DOT node line per node; a GeoJSON Feature per node and per link.
run info "$DATA/tiny-network.json" --dot "$TMP/n.dot" --geojson "$TMP/n.geojson"
expect_rc 0 "info --dot --geojson"
[[ $(grep -cE '^ +"[A-Z_]+" \[shape=' "$TMP/n.dot") == 8 ]] && pass || fail "DOT has 8 node lines"
python3 - "$TMP/n.geojson" <<'PY' && pass || fail "network GeoJSON"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["type"] == "FeatureCollection" and len(d["features"]) == 16
pts = [f for f in d["features"] if f["geometry"]["type"] == "Point"]
assert len(pts) == 8
fa = next(f for f in pts if f["properties"]["id"] == "F_A")
assert fa["geometry"]["coordinates"] == [121.5, 31.2]   # lon, lat (RFC 7946)
PY

# the option table: --opt=value and -o; one file only; did-you-mean
run info --format=json --output="$TMP/info2.json" "$DATA/tiny-network.json"
expect_rc 0 "info --format=json --output=FILE"
cmp -s "$TMP/info.json" "$TMP/info2.json" && pass || fail "--opt=value writes the same file"
run info "$DATA/tiny-network.json" "$DATA/tiny-scenario.json"
expect_rc 1 "two files"
run info --geojsn "$TMP/x.geojson" "$DATA/tiny-network.json"
expect_rc 1 "misspelt option"
expect_err "did you mean '--geojson'" "suggests the option"
run info "$TMP/missing.json"
expect_rc 2 "missing file"
expect_err "cannot read file" "says why"

run info --format xml "$DATA/tiny-network.json"
expect_rc 1 "bad format is a usage error"
run info "$DATA/broken-two-errors.json"
expect_rc 2 "bad input"
run info --help
expect_rc 0 "help"
# --nodes: every node of the file, in file order, with its type and country (checked against the
# file itself, read with python)
run info "$SRC/networks/china-export.json" --nodes --format json -o "$TMP/nodes.json"
expect_rc 0 "info --nodes --format json"
python3 - "$SRC/networks/china-export.json" "$TMP/nodes.json" <<'PY' && pass || fail "info --nodes lists the file's nodes"
import json, sys
net = json.load(open(sys.argv[1])); got = json.load(open(sys.argv[2]))
want = [(n["id"], n["type"], n["country"], n.get("status", "open")) for n in net["nodes"]]
assert [(g["id"], g["type"], g["country"], g["status"]) for g in got] == want
PY
run info "$SRC/networks/china-export.json" --nodes --format csv
[[ $(head -1 "$out") == "id,type,country,status,lat,lon,name" ]] && pass || fail "info --nodes csv header"
run info "$SRC/networks/china-export.json" --format csv
expect_rc 1 "csv without --nodes"
finish
