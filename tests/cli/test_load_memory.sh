#!/usr/bin/env bash
# test_load_memory.sh XBROUTE SRCDIR - the loader's peak memory stays within 8x the
# file (issue #13 item 4; README "Reliability"), on a generated network, a scenario of many
# products and pathological networks and scenarios of many small values, valid and invalid;
# an element or a member over the loader's budget is refused with a positioned error.
#
# The bound is on the peak resident memory of `xbroute validate -q FILE` minus the peak of
# validating a minimal network (the program, its libraries and the sea-lane graph: a fixed
# cost that no file size scales), measured with getrusage(RUSAGE_CHILDREN) through python3.
# Under AddressSanitizer resident memory also holds the shadow (an eighth more) and redzones,
# and freed memory would be held in quarantine: the quarantine is turned off, and the same 8x
# holds. Files are generated into a temporary folder (mktemp -d).
set -euo pipefail
XBR="$1"
SRC="$2"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=0:thread_local_quarantine_size_kb=0:detect_leaks=0"
n_pass=0
n_fail=0
pass() { n_pass=$((n_pass + 1)); }
fail() { n_fail=$((n_fail + 1)); echo "FAIL: $*"; head -5 "$TMP/err" 2>/dev/null || true; }

# peak KB of one run of xbroute ARGS (stdout and stderr to $TMP/out, $TMP/err; exit in $rc)
peak() {
  read -r rc kb < <(python3 - "$XBR" "$TMP" "$@" <<'PY'
import resource, subprocess, sys
xbr, tmp, args = sys.argv[1], sys.argv[2], sys.argv[3:]
with open(tmp + "/out", "w") as o, open(tmp + "/err", "w") as e:
    rc = subprocess.run([xbr] + args, stdout=o, stderr=e).returncode
print(rc, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
PY
)
}

peak validate -q "$SRC/tests/data/cli/tiny-network.json"
[[ $rc == 0 ]] || fail "the minimal network does not validate (exit $rc)"
base=$kb
echo "baseline (minimal network): $base KB"

# within8 NAME FILE: the peak over the baseline is at most 8x the file
within8() {
  local bytes extra
  bytes=$(stat -c %s "$2")
  extra=$((kb - base))
  echo "$1: file $((bytes / 1024)) KB, peak $kb KB, over the baseline $extra KB ($(python3 -c "print(f'{$extra * 1024 / $bytes:.1f}')")x the file)"
  if ((extra * 1024 <= 8 * bytes)); then pass; else fail "$1: peak over the baseline $extra KB > 8x the file"; fi
}

# A generated network of 50,000 links (6.8 MB): before streaming, the whole tree cost ~13x.
"$XBR" generate --links 50k --seed 1 -o "$TMP/gen" >/dev/null
peak validate -q "$TMP/gen/network.json"
[[ $rc == 0 ]] && pass || fail "generated network: exit $rc"
within8 "generated network (50k links)" "$TMP/gen/network.json"

# A valid file of 1.5 million small values: [0,0,...,0] (3 MB; a tree of it costs ~37x).
python3 -c "import sys; sys.stdout.write('[' + '0,' * 1500000 + '0]')" >"$TMP/zeros.json"
peak validate -q "$TMP/zeros.json"
[[ $rc == 2 ]] && grep -q "zeros.json:1:1: error: neither a network nor a scenario" "$TMP/err" &&
  pass || fail "valid array of zeros: exit $rc, expected 2 at 1:1"
within8 "valid [0,0,...]" "$TMP/zeros.json"

# The same cut short (invalid): the scanner records nothing, so only the text is held.
head -c 3000000 "$TMP/zeros.json" >"$TMP/cut.json"
peak validate -q "$TMP/cut.json"
[[ $rc == 2 ]] && grep -q "cut.json:1:3000001: error" "$TMP/err" && pass ||
  fail "array cut short: exit $rc, expected 2 at 1:3000001"
within8 "invalid [0,0,... cut short" "$TMP/cut.json"

# with_member BASE KEY OUT TEXT: tests/data/cli/BASE.json (tiny-network or tiny-scenario) with
# member KEY set to the JSON text that the Python expression TEXT makes, into $TMP/OUT.json
with_member() {
  python3 - "$SRC/tests/data/cli/$1.json" "$2" "$TMP/$3.json" "$4" <<'PY'
import json, sys
base, key, out, text = sys.argv[1:]
d = json.load(open(base))
d[key] = "@"
open(out, "w").write(json.dumps(d, indent=1).replace('"@"', eval(text)))
PY
}
ZEROS="'[' + '0,' * 1500000 + '0]'" # 1.5 million zeros, 3 MB

# A network whose "links" are 1.5 million small values: each is an element (not an object:
# reported), streamed one at a time.
with_member tiny-network links links0 "$ZEROS"
peak validate -q "$TMP/links0.json"
[[ $rc == 2 ]] && grep -q "link #1" "$TMP/err" && pass || fail "links of zeros: exit $rc"
within8 "network with links [0,0,...]" "$TMP/links0.json"

# A valid network with a stray member of 1.5 million small values: warned about at its key,
# never built (exit 0).
with_member tiny-network stray stray "$ZEROS"
peak validate "$TMP/stray.json"
[[ $rc == 0 ]] && grep -q 'warning: unknown key "stray"' "$TMP/err" && pass ||
  fail "stray member: exit $rc, expected 0 and an unknown-key warning"
within8 "network with a stray member [0,0,...]" "$TMP/stray.json"

# One link holding 300,000 values (its "source": ["s","s",...]) is over the budget of one
# element (65,536 values, or the file's size / 16): refused at the link, exit 2.
python3 - "$SRC/tests/data/cli/tiny-network.json" "$TMP/big-link.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d["links"][2]["source"] = "@"
text = json.dumps(d, indent=1).replace('"@"', "[" + '"s",' * 300000 + '"s"]')
open(sys.argv[2], "w").write(text)
PY
start=$(python3 - "$TMP/big-link.json" <<'PY'
import json, sys
t = open(sys.argv[1]).read()
i = t.index('"links"')
i = t.index("{", t.index("{", t.index("{", i) + 1) + 1)  # the third link
print(t.count("\n", 0, i) + 1, i - t.rfind("\n", 0, i))
PY
)
peak validate -q "$TMP/big-link.json"
if [[ $rc == 2 ]] && grep -qE "big-link.json:${start/ /:}: error: element #3 of \"links\" holds [0-9]+ JSON values, more than the loader builds at once" "$TMP/err"; then
  pass
else
  fail "link over the budget: exit $rc, expected 2 at ${start/ /:} naming element #3"
fi
within8 "a link of 300,000 values (refused)" "$TMP/big-link.json"

# stops_at NAME FILE ARRAY K: validating FILE exits 2 with a note that ARRAY is not read from
# element #K on (past the 50 errors shown), within 8x the file
stops_at() {
  peak validate "$2"
  if [[ $rc == 2 ]] && grep -q "note: over 50 errors: \"$3\" is not read from element #$4 on" "$TMP/err"; then
    pass
  else
    fail "$1: exit $rc, expected 2 and a note at element #$4 of $3"
  fi
  within8 "$1" "$2"
}

# A network whose "links" are a million empty objects (3 MB): every one is an error, and every
# link read is kept (a later reference to it must not cascade) at 272 bytes, ~90x its two
# bytes. Past the shown errors (--max-errors, 50) the rest of the array is not read: a note at
# the first element left says so.
with_member tiny-network links empty-links "'[' + '{},' * 999999 + '{}]'"
# 4 errors a link (no from, to, mode, days): past 50 at link #13, so #14 is not read
stops_at "network with a million empty links" "$TMP/empty-links.json" links 14

# ---- scenarios: "products" and "changes" are streamed like "links"; every other member is
# built, within the budget

# the tiny scenario's network, beside the scenarios written from it
cp "$SRC/tests/data/cli/tiny-network.json" "$TMP/tiny-network.json"

# "products" of 1.5 million zeros: each element is reported (not an object), one at a time.
with_member tiny-scenario products products0 "$ZEROS"
peak validate -q "$TMP/products0.json"
[[ $rc == 2 ]] && grep -q "product #1" "$TMP/err" && pass || fail "products of zeros: exit $rc"
within8 "scenario with products [0,0,...]" "$TMP/products0.json"

# "changes" of 1.5 million zeros: the same, twice over (network changes, then product changes).
with_member tiny-scenario changes changes0 "$ZEROS"
peak validate -q "$TMP/changes0.json"
[[ $rc == 2 ]] && grep -q "change #1" "$TMP/err" && pass || fail "changes of zeros: exit $rc"
within8 "scenario with changes [0,0,...]" "$TMP/changes0.json"

# A member that is built ("sources") of 1.5 million values: more than the budget (the file's
# size / 16 values), refused at its key before anything is built, exit 2. It holds 1,500,001
# zeros and the array; with "name" and "network" (one value each; "products" and "changes" are
# streamed) the root's tree would hold 1,500,004.
with_member tiny-scenario sources sources0 "$ZEROS"
key=$(python3 - "$TMP/sources0.json" <<'PY'
import sys
t = open(sys.argv[1]).read()
i = t.index('"sources"')
print(f"{t.count(chr(10), 0, i) + 1}:{i - t.rfind(chr(10), 0, i)}")
PY
)
peak validate -q "$TMP/sources0.json"
if [[ $rc == 2 ]] && grep -qE "sources0.json:$key: error: member \"sources\" holds 1500002 JSON values, which with the file's other members come to 1500004, more than the loader builds at once" "$TMP/err"; then
  pass
else
  fail "sources over the budget: exit $rc, expected 2 at $key naming the member"
fi
within8 "scenario with sources [0,0,...] (refused)" "$TMP/sources0.json"

# A valid scenario of 30,000 products (each with its demand in both markets): the products are
# read one at a time, kept as a mark each, and built again when they are loaded.
python3 - "$SRC/tests/data/cli/tiny-scenario.json" "$TMP/many.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
p = d["products"][0]
d["products"] = [dict(p, id=f"p{i}") for i in range(30000)]
open(sys.argv[2], "w").write(json.dumps(d, indent=1))
PY
peak validate -q "$TMP/many.json"
[[ $rc == 0 ]] && pass || fail "30,000 products: exit $rc, expected 0"
within8 "scenario of 30,000 products" "$TMP/many.json"

# 300,000 products of nothing but an id ({"id":"p1"}, ~17 bytes): each is kept in the product
# list (its id, its place, its slot in the index: ~70 bytes), until the errors (each lacks
# category, origin, unit_kg, unit_m3, unit_value and demand) pass the cap: 6 a product, past
# 50 at product #9, so #10 is not read.
with_member tiny-scenario products ids "'[' + ','.join('{\"id\":\"p%d\"}' % i for i in range(300000)) + ']'"
stops_at "scenario of 300,000 products of an id only" "$TMP/ids.json" products 10

echo "$n_pass passed, $n_fail failed"
[[ $n_fail == 0 ]]
