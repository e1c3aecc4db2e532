#!/usr/bin/env bash
# tests/bench/bench_compare.sh [SIZE...] - times `xbroute compare` on generated networks and
# records peak memory; the peer in the same run is `xbroute validate` on the same scenario (the
# loading alone), so the ratio is what the route searches add: medians of RUNS (3) rounds of the
# two, alternating (alternate.sh). Prints a Markdown table.
#   tests/bench/bench_compare.sh                 # 10k 100k 200k 1M
#   XBROUTE=build-release/xbroute RUNS=5 tests/bench/bench_compare.sh 200k
#   DESIGN=optimize tests/bench/bench_compare.sh 10k   # within optimize's design (default: none,
#                                                      # the figures in the README's table)
set -euo pipefail
cd "$(dirname "$0")/../.."
source tests/bench/alternate.sh
sizes=("$@")
((${#sizes[@]})) || sizes=(10k 100k 200k 1M)
runs=${RUNS:-3}
design=${DESIGN:-none}
if [[ -z "${XBROUTE:-}" ]]; then
  cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DXBR_TESTS=OFF >/dev/null
  cmake --build build-bench -j"$(nproc)" >/dev/null
  XBROUTE=build-bench/xbroute
fi
command -v hyperfine >/dev/null || { echo "needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
echo "| links | nodes | pairs | validate s (median) | compare s (median) | compare / validate | compare peak RSS MB |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
for size in "${sizes[@]}"; do
  dir=tests/bench/out/$size
  mkdir -p tests/bench/out
  if [[ ! -f $dir/scenario.json ]]; then
    "$XBROUTE" generate --links "$size" --seed 1 -o "$dir" >&2
  fi
  sc=$dir/scenario.json
  read -r v c < <(alternate "$runs" "$XBROUTE validate -q $sc" \
    "$XBROUTE compare $sc --design $design --format json -o $dir/compare.json")
  rss=$( { /usr/bin/time -v "$XBROUTE" compare "$sc" --design "$design" --format json -o "$dir/compare.json" >/dev/null; } 2>&1 | awk -F: '/Maximum resident/ {print int($2/1024)}')
  read -r nodes links pairs < <(python3 - "$dir/network.json" "$dir/compare.json" <<'PY'
import json, sys
n = json.load(open(sys.argv[1]))
c = json.load(open(sys.argv[2]))
print(len(n["nodes"]), len(n["links"]), c["summary"]["pairs"])
PY
)
  printf "| %s | %s | %s | %.2f | %.2f | %.2f | %s |\n" "$links" "$nodes" "$pairs" "$v" "$c" \
    "$(python3 -c "print($c / $v)")" "$rss"
done
