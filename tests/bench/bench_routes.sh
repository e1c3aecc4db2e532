#!/usr/bin/env bash
# bench_routes.sh - the route-search benchmark (tests/bench/README.md, "Routes").
#
#   tests/bench/bench_routes.sh                 # 1k 10k 100k 200k 1M links
#   tests/bench/bench_routes.sh 10k 200k        # chosen sizes
#   BUILD=build-x BENCH_REPS=5 tests/bench/bench_routes.sh
#
# Builds a Release tree with the bench target (in $BUILD, default build-bench-routes), generates
# each network with `xbroute generate --links SIZE --seed 1` into tests/bench/out/SIZE/ (kept
# when already there: same arguments, same bytes), runs bench_routes on it under
# /usr/bin/time -v, and prints one Markdown table on stdout; progress goes to stderr.
# Never fails on timings; fails when a build, a generation or a run fails.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=${BUILD:-$ROOT/build-bench-routes}
REPS=${BENCH_REPS:-3}
SIZES=("$@")
if [ ${#SIZES[@]} -eq 0 ]; then
    SIZES=(1k 10k 100k 200k 1M)
fi
OUT=$ROOT/tests/bench/out
mkdir -p "$OUT"

log() { echo "bench_routes.sh: $*" >&2; }

# ---- build --------------------------------------------------------------------------------
if grep -q XBR_BENCH "$ROOT/CMakeLists.txt"; then
    SRC=$ROOT
    cmake -S "$SRC" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DXBR_BENCH=ON -DXBR_TESTS=OFF \
        >/dev/null
else
    # the top-level option is not there yet: a wrapper project adds the library and this folder
    SRC=$BUILD/wrap
    mkdir -p "$SRC"
    cat >"$SRC/CMakeLists.txt" <<EOF
cmake_minimum_required(VERSION 3.25)
project(xbroute_bench_wrap C)
set(XBR_TESTS OFF CACHE BOOL "" FORCE)
add_subdirectory($ROOT xbroute)
set(XBR_WARNINGS -Wall -Wextra)
add_subdirectory($ROOT/tests/bench bench)
EOF
    cmake -S "$SRC" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
log "building in $BUILD"
cmake --build "$BUILD" -j2 --target xbroute_cli bench_routes >/dev/null
CLI=$(find "$BUILD" -name xbroute -type f -perm -u+x | head -n 1)
BENCH=$(find "$BUILD" -name bench_routes -type f -perm -u+x | head -n 1)
[ -x "$CLI" ] && [ -x "$BENCH" ] || { log "no xbroute or bench_routes built"; exit 1; }

# ---- run ----------------------------------------------------------------------------------
echo "| links | nodes | pairs | load s | Pareto s | per pair ms | by class s | igraph Dijkstra s |" \
    "CSR Dijkstra s | Pareto / igraph | Pareto / CSR | routes | class routes | peak RSS MB |" \
    "process wall s | process peak RSS MB |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for size in "${SIZES[@]}"; do
    dir=$OUT/$size
    if [ ! -s "$dir/scenario.json" ] || [ ! -s "$dir/network.json" ]; then
        log "generating $size links"
        "$CLI" generate --links "$size" --seed 1 -o "$dir" >&2
    fi
    log "running $size (reps $REPS)"
    tv=$(mktemp)
    row=$(/usr/bin/time -v -o "$tv" "$BENCH" "$dir/scenario.json" --reps "$REPS")
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$tv" |
        awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
    rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$tv")
    rm -f "$tv"
    echo "$row $(printf '%.1f' "$wall") | $rss |"
done
