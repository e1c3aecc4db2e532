#!/usr/bin/env bash
# tests/bench/bench_load.sh [SIZE...] - the loader against a bare cJSON parse (issue #15 item 2)
# and its peak memory against the file's size (issue #13 item 4): `xbroute validate -q` of a
# generated network (read, check, parse, positions, the model, sea lanes) and, alternating with
# it run by run, bench_cjson_parse on the same file (read it, call cJSON_ParseWithLength,
# nothing else); medians of RUNS (5) alternating runs after a warm-up (at least SMALL_RUNS,
# 30, for a file under 10 MB), and the peak resident memory of each
# (/usr/bin/time -v). Then the same for pathological files of many small values (PATHOLOGICAL=0
# leaves them out), about 20 MB each. Prints a Markdown table.
#
# The 8x column: (validate peak - base) / file, where base is the peak of validating a minimal
# network (tests/data/cli/tiny-network.json) in the same session: the program, its libraries
# and the sea-lane graph, a fixed cost that no file size scales and that dominates small files.
#
#   tests/bench/bench_load.sh              # 10k 200k
#   BUILD=/tmp/b RUNS=7 tests/bench/bench_load.sh 200k 1M
#   XBR_CLI=/tmp/old/xbroute BUILD=/tmp/b tests/bench/bench_load.sh 10k   # another xbroute
# Inputs are generated into tests/bench/out/ when missing; nothing else is written outside the
# build folder.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
source "$ROOT/tests/bench/alternate.sh"
BUILD=${BUILD:-$ROOT/build-bench-routes}
RUNS=${RUNS:-5}
SMALL_RUNS=${SMALL_RUNS:-30}
PATHOLOGICAL=${PATHOLOGICAL:-1}
SIZES=("$@")
((${#SIZES[@]})) || SIZES=(10k 200k)
command -v hyperfine >/dev/null || { echo "needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DXBR_BENCH=ON -DXBR_TESTS=OFF >/dev/null
cmake --build "$BUILD" -j2 --target xbroute_cli bench_cjson_parse >/dev/null
CLI=${XBR_CLI:-$(find "$BUILD" -name xbroute -type f -perm -u+x | head -n 1)}
PEER=$(find "$BUILD" -name bench_cjson_parse -type f -perm -u+x | head -n 1)
# The peak MiB of one run (its own output discarded: validate of a bad file exits 2).
peak_cmd() { local f; f=$(mktemp); /usr/bin/time -v -o "$f" "$@" >/dev/null 2>&1 || true; awk -F: '/Maximum resident/ {printf "%.1f", $2 / 1024}' "$f"; rm -f "$f"; }
BASE=$(peak_cmd "$CLI" validate -q "$ROOT/tests/data/cli/tiny-network.json")
echo "validate: $CLI; base (minimal network) peak $BASE MB" >&2

echo "| input | file MB | cJSON parse s | validate s | validate / cJSON | cJSON peak MB | validate peak MB | memory ratio | validate peak / file | (peak - base) / file |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
# row NAME FILE: one line of the table. The two commands alternate (alternate.sh) for RUNS
# rounds, a file under 10 MB at least SMALL_RUNS (30), its runs taking 20-40 ms.
row() {
  local name=$1 file=$2 runs=$RUNS p v
  if (($(stat -c %s "$file") < 10000000 && runs < SMALL_RUNS)); then runs=$SMALL_RUNS; fi
  read -r p v < <(alternate "$runs" "$PEER $file" "$CLI validate -q $file")
  echo "$name: $runs alternating rounds" >&2
  python3 - "$name" "$file" "$p" "$v" "$(peak_cmd "$PEER" "$file")" "$(peak_cmd "$CLI" validate -q "$file")" "$BASE" <<'PY'
import os, sys
name, path = sys.argv[1], sys.argv[2]
p, v, pm, vm, base = (float(x) for x in sys.argv[3:8])
mb = os.path.getsize(path) / 1e6
mib = os.path.getsize(path) / 2**20  # peaks are in MiB (KB / 1024)
print(f"| {name} | {mb:.1f} | {p:.3f} | {v:.3f} | {v / p:.2f} | {pm:.0f} | {vm:.0f} | {vm / pm:.2f} | {vm / mib:.1f} | {(vm - base) / mib:.1f} |")
PY
}

for size in "${SIZES[@]}"; do
  dir=$ROOT/tests/bench/out/$size
  mkdir -p "$dir"
  [[ -f $dir/network.json ]] || "$CLI" generate --links "$size" --seed 1 -o "$dir" >&2
  links=$(python3 -c "import json,sys; print(f\"{len(json.load(open(sys.argv[1]))['links']):,}\")" "$dir/network.json")
  row "$links links" "$dir/network.json"
done

((PATHOLOGICAL)) || exit 0
dir=$ROOT/tests/bench/out/pathological
mkdir -p "$dir"
# ~20 MB each: 10 million values of two bytes
python3 - "$ROOT/tests/data/cli/tiny-network.json" "$dir" <<'PY'
import json, os, sys
base, out = sys.argv[1], sys.argv[2]
zeros = "[" + "0," * 10_000_000 + "0]"
def write(name, text):
    path = os.path.join(out, name)
    if not os.path.exists(path):
        open(path, "w").write(text)
write("zeros.json", zeros)                 # valid: an array root of 10M zeros
write("zeros-cut.json", zeros[:20_000_000])  # invalid: the same cut short
def network(edit):
    d = json.load(open(base))
    edit(d)
    return json.dumps(d, indent=1).replace('"@"', zeros)
write("links-zeros.json", network(lambda d: d.update(links="@")))   # 10M links that are not objects
write("stray-zeros.json", network(lambda d: d.update(stray="@")))   # a stray member, valid
def one_link(d):
    d["links"][2]["source"] = "@"
write("one-link-zeros.json", network(one_link))  # one link of 10M values: over the budget
PY
row "valid [0,0,...] (array root)" "$dir/zeros.json"
row "invalid [0,0,... cut short" "$dir/zeros-cut.json"
row "network, links [0,0,...]" "$dir/links-zeros.json"
row "network, stray member [0,0,...]" "$dir/stray-zeros.json"
row "network, one link of 10M values" "$dir/one-link-zeros.json"
