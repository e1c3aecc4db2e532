#!/usr/bin/env bash
# tests/bench/bench_load.sh [SIZE...] - the loader against a bare cJSON parse (issue #15 item 2):
# `xbroute validate -q` of a generated network (read, parse, positions, checks, the model, sea
# lanes) and, in the same hyperfine run, bench_cjson_parse on the same file (read it, call
# cJSON_ParseWithLength, nothing else); medians of RUNS (5) runs after a warm-up, and the peak
# resident memory of each (/usr/bin/time -v). Prints a Markdown table.
#   tests/bench/bench_load.sh              # 10k 200k
#   BUILD=/tmp/b RUNS=7 tests/bench/bench_load.sh 200k 1M
# Networks are generated into tests/bench/out/SIZE/ when missing; nothing else is written
# outside the build folder.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=${BUILD:-$ROOT/build-bench-routes}
RUNS=${RUNS:-5}
SIZES=("$@")
((${#SIZES[@]})) || SIZES=(10k 200k)
command -v hyperfine >/dev/null || { echo "needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DXBR_BENCH=ON -DXBR_TESTS=OFF >/dev/null
cmake --build "$BUILD" -j2 --target xbroute_cli bench_cjson_parse >/dev/null
CLI=$(find "$BUILD" -name xbroute -type f -perm -u+x | head -n 1)
PEER=$(find "$BUILD" -name bench_cjson_parse -type f -perm -u+x | head -n 1)
peak_mb() { { /usr/bin/time -v "$@" >/dev/null; } 2>&1 | awk -F: '/Maximum resident/ {printf "%d", $2 / 1024}'; }
echo "| links | file MB | cJSON parse s | validate s | validate / cJSON | cJSON peak MB | validate peak MB | memory ratio | validate peak / file |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for size in "${SIZES[@]}"; do
  dir=$ROOT/tests/bench/out/$size
  mkdir -p "$dir"
  [[ -f $dir/network.json ]] || "$CLI" generate --links "$size" --seed 1 -o "$dir" >&2
  net=$dir/network.json
  hyperfine -N --runs "$RUNS" --warmup 1 --export-json "$dir/load.json" \
    "$PEER $net" "$CLI validate -q $net" >&2
  read -r p v < <(python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results']; print(r[0]['median'], r[1]['median'])" "$dir/load.json")
  pm=$(peak_mb "$PEER" "$net")
  vm=$(peak_mb "$CLI" validate -q "$net")
  mb=$(python3 -c "import os,sys; print(os.path.getsize(sys.argv[1]) / 1e6)" "$net")
  links=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['links']))" "$net")
  python3 -c "
import sys
links, mb, p, v, pm, vm = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
print(f'| {links:,} | {mb:.1f} | {p:.3f} | {v:.3f} | {v / p:.2f} | {pm} | {vm} | {vm / pm:.2f} | {vm / mb:.1f} |')
" "$links" "$mb" "$p" "$v" "$pm" "$vm"
done
