#!/usr/bin/env bash
# bench_generate.sh - generates synthetic networks of 1k, 10k, 100k and 1M links into
# tests/bench/out/ (git-ignored) and measures `xbroute validate` and `xbroute info` on each:
# the median wall time over several runs (hyperfine) and the peak resident memory of one run
# (GNU time -v). Prints a Markdown table on stdout; progress goes to stderr.
#
# Usage: tests/bench/bench_generate.sh [SIZE...]        (default: 1k 10k 100k 1M)
# Environment:
#   XBROUTE     the binary to measure (default: a Release build made in build-bench/)
#   BENCH_RUNS  hyperfine runs per command (default: 10 up to 10k links, 5 to 100k, 3 above)
#   BENCH_SEED  generator seed (default 1)
# Needs the Debian packages `time` (/usr/bin/time) and `hyperfine`, and python3.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
OUT="$ROOT/tests/bench/out"
SEED="${BENCH_SEED:-1}"
SIZES=("$@")
[[ ${#SIZES[@]} -gt 0 ]] || SIZES=(1k 10k 100k 1M)

for tool in /usr/bin/time hyperfine python3; do
  if ! command -v "$tool" >/dev/null; then
    echo "bench_generate.sh: $tool is missing (apt-get install time hyperfine python3)" >&2
    exit 1
  fi
done

BIN="${XBROUTE:-}"
if [[ -z "$BIN" ]]; then
  # Benchmarks measure an optimised build without sanitizers.
  BIN="$ROOT/build-bench/xbroute"
  echo "building a Release binary in build-bench/ ..." >&2
  cmake -S "$ROOT" -B "$ROOT/build-bench" -DCMAKE_BUILD_TYPE=Release -DXBR_TESTS=OFF >/dev/null
  cmake --build "$ROOT/build-bench" -j2 --target xbroute_cli >/dev/null
fi
[[ -x "$BIN" ]] || { echo "bench_generate.sh: no binary at $BIN" >&2; exit 1; }

mkdir -p "$OUT"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# links_of 10k -> 10000
links_of() {
  local s="$1"
  case "$s" in
    *k) echo $(( ${s%k} * 1000 )) ;;
    *M) echo $(( ${s%M} * 1000000 )) ;;
    *) echo "$s" ;;
  esac
}

# measure LABEL CMD...: prints "wall_s rss_mb" of one run under GNU time -v
measure() {
  /usr/bin/time -v "$@" >/dev/null 2>"$TMP/time.txt" || {
    echo "bench_generate.sh: failed: $*" >&2; tail -5 "$TMP/time.txt" >&2; exit 1; }
  python3 - "$TMP/time.txt" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", t).group(1)
secs = 0.0
for part in wall.split(":"):
    secs = secs * 60 + float(part)
rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1))
print(f"{secs:.2f} {rss_kb / 1024:.1f}")
PY
}

# median RUNS CMD...: prints hyperfine's median wall time in seconds
median() {
  local runs="$1"; shift
  hyperfine --style none --warmup 1 --runs "$runs" --export-json "$TMP/hf.json" \
    "$(printf '%q ' "$@")" >/dev/null 2>&1 || { echo "bench_generate.sh: hyperfine failed: $*" >&2; exit 1; }
  python3 -c 'import json,sys; print("%.3f" % json.load(open(sys.argv[1]))["results"][0]["median"])' "$TMP/hf.json"
}

echo "| links | nodes | network MB | command | median s (hyperfine) | runs | wall s (time -v) | peak RSS MB |"
echo "|---:|---:|---:|---|---:|---:|---:|---:|"
for size in "${SIZES[@]}"; do
  n=$(links_of "$size")
  dir="$OUT/$size"
  runs="${BENCH_RUNS:-}"
  if [[ -z "$runs" ]]; then
    if (( n <= 10000 )); then runs=10; elif (( n <= 100000 )); then runs=5; else runs=3; fi
  fi
  echo "generating $size links ..." >&2
  read -r gwall grss < <(measure "$BIN" generate --links "$n" --seed "$SEED" -o "$dir")
  nodes=$(python3 -c 'import sys,re
c=0
for line in open(sys.argv[1]):
    if line.startswith("    {\"id\":") and "\"type\":" in line: c+=1
print(c)' "$dir/network.json")
  mb=$(python3 -c 'import os,sys; print("%.1f" % (os.path.getsize(sys.argv[1]) / 1048576))' "$dir/network.json")
  gmed=$(median "$runs" "$BIN" generate --links "$n" --seed "$SEED" -o "$TMP/gen")
  echo "| $n | $nodes | $mb | generate | $gmed | $runs | $gwall | $grss |"
  for cmd in validate info; do
    echo "$cmd on $size links ..." >&2
    read -r wall rss < <(measure "$BIN" "$cmd" "$dir/network.json")
    med=$(median "$runs" "$BIN" "$cmd" "$dir/network.json")
    echo "| $n | $nodes | $mb | $cmd | $med | $runs | $wall | $rss |"
  done
done
