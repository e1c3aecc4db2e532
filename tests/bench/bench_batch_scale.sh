#!/usr/bin/env bash
# bench_batch_scale.sh - batch at scale (#17): N generated scenario variants in one run, with
# the scenarios per second per core, the peak memory of the run (the largest of the parent and
# its worker processes, from /usr/bin/time -v), and the bytes of output per scenario; then a
# smaller run of variants of the shipped baseline (the size a planner's scenarios have), from
# which the README estimates what a 16-node Slurm array would take.
#
# The variants are written under tests/bench/out/scale/ (never under a system path):
#   tiny/     N variants of tests/data/cli/hand-scenario.json (one product x market, 6 nodes),
#             variant i with holding_rate_per_year 0.05 + i / (10 N): the per-scenario
#             overhead of a batch (load, compare, optimize, fork, journal) at its smallest;
#   baseline/ M variants of scenarios/baseline.json (64 pairs), variant i with the air tariffs
#             scaled by 0.5 + i / M.
# Usage: tests/bench/bench_batch_scale.sh
# Environment: XBROUTE (default: a Release build in build-bench-scale/), BENCH_N (100000),
#   BENCH_M (200), BENCH_JOBS (the number of processors). Prints a Markdown table.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
OUT="$ROOT/tests/bench/out/scale"
N="${BENCH_N:-100000}"
M="${BENCH_M:-200}"
J="${BENCH_JOBS:-$(nproc)}"
if [[ -z "${XBROUTE:-}" ]]; then
  cmake -S "$ROOT" -B "$ROOT/build-bench-scale" -DCMAKE_BUILD_TYPE=Release -DXBR_TESTS=OFF >/dev/null
  cmake --build "$ROOT/build-bench-scale" -j"$J" --target xbroute_cli >/dev/null
  XBROUTE="$ROOT/build-bench-scale/xbroute"
fi
[[ -x /usr/bin/time ]] || { echo "needs /usr/bin/time (Debian package time)" >&2; exit 1; }
rm -rf "$OUT"
mkdir -p "$OUT/tiny" "$OUT/baseline"
python3 - "$OUT" "$N" "$M" "$ROOT" <<'PY'
import json, os, sys
out, n, m, root = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
hand = os.path.join(root, "tests/data/cli/hand-scenario.json")
for i in range(n):
    d = os.path.join(out, "tiny", "%03d" % (i % 1000))
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "v%06d.json" % i), "w") as f:
        json.dump({"format": "xbroute.scenario/1", "name": "v%d" % i, "extends": hand,
                   "holding_rate_per_year": round(0.05 + i / (10.0 * n), 9)}, f)
base = os.path.join(root, "scenarios/baseline.json")
for i in range(m):
    with open(os.path.join(out, "baseline", "b%05d.json" % i), "w") as f:
        json.dump({"format": "xbroute.scenario/1", "name": "b%d" % i, "extends": base,
                   "changes": [{"op": "scale_links", "mode": "air",
                                "cost": round(0.5 + i / m, 6)}]}, f)
PY
row() { # name dir count
  local tv="$OUT/$1.time"
  /usr/bin/time -v -o "$tv" "$XBROUTE" batch "$2" --jobs "$J" --out "$OUT/$1.jsonl" >/dev/null 2>&1 || true
  python3 - "$tv" "$OUT/$1.jsonl" "$3" "$J" "$1" <<'PY'
import re, sys, os
tv, out, n, j, name = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
t = open(tv).read()
def field(k):
    return re.search(re.escape(k) + r": (.*)", t).group(1).strip()
w = field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":")
wall = sum(float(x) * 60 ** (len(w) - 1 - i) for i, x in enumerate(w))
cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
rss = int(field("Maximum resident set size (kbytes)")) / 1024
recs = sum(1 for _ in open(out))
size = os.path.getsize(out)
print(f"| {name} | {n:,} | {recs:,} | {j} | {wall:.1f} | {n / wall:.1f} | {n / cpu:.1f} | {rss:.0f} | {size / recs:.0f} |")
PY
}
echo "| variants | scenarios | records | jobs | wall s | scenarios/s | scenarios per CPU-second | peak RSS MB (largest process) | bytes per record |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
row tiny "$OUT/tiny" "$N"
row baseline "$OUT/baseline" "$M"
