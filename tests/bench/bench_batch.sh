#!/usr/bin/env bash
# bench_batch.sh - `xbroute batch` on N variants of the shipped baseline scenario: scenarios per
# second at --jobs 1 and --jobs 2, and peak memory. Prints a Markdown table on stdout; progress
# goes to stderr.
#
# The variants are written by this script into tests/bench/out/batch/scenarios/ (10 folders):
# variant i extends scenarios/baseline.json and changes one thing, by i mod 3:
#   0: the promise, max_days = 5 + (i mod 21) days (products with their own promise keep it);
#   1: the US de minimis, USD 50 x (i mod 17) (0 = none, as in the baseline);
#   2: air tariffs scaled by 0.5 + 0.01 x (i mod 200).
# Same N, same files.
#
# Usage: tests/bench/bench_batch.sh
# Environment:
#   XBROUTE      the binary (default: a Release build made in build-bench-batch/)
#   BENCH_N      number of variants (default 1000)
#   BENCH_JOBS   the --jobs values to time (default "1 2")
#   BENCH_FLAGS  extra batch flags, e.g. --no-optimize
# Needs /usr/bin/time (Debian `time`) and python3.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
OUT="$ROOT/tests/bench/out/batch"
N="${BENCH_N:-1000}"
JOBS="${BENCH_JOBS:-1 2}"
FLAGS="${BENCH_FLAGS:-}"

if [[ -z "${XBROUTE:-}" ]]; then
  echo "building a Release xbroute in build-bench-batch/ ..." >&2
  cmake -S "$ROOT" -B "$ROOT/build-bench-batch" -DCMAKE_BUILD_TYPE=Release -DXBR_TESTS=OFF >/dev/null
  cmake --build "$ROOT/build-bench-batch" -j2 --target xbroute_cli >/dev/null
  XBROUTE="$ROOT/build-bench-batch/xbroute"
fi
if ! "$XBROUTE" batch --help >/dev/null 2>&1; then
  echo "bench_batch.sh: $XBROUTE has no 'batch' command" >&2
  exit 1
fi
[[ -x /usr/bin/time ]] || { echo "bench_batch.sh: needs /usr/bin/time (Debian package time)" >&2; exit 1; }

echo "writing $N variants into $OUT/scenarios ..." >&2
rm -rf "$OUT/scenarios"
mkdir -p "$OUT/scenarios"
python3 - "$OUT/scenarios" "$N" <<'PY'
import json, os, sys
out, n = sys.argv[1], int(sys.argv[2])
for i in range(n):
    d = os.path.join(out, "group-%02d" % (i % 10))
    os.makedirs(d, exist_ok=True)
    # From tests/bench/out/batch/scenarios/group-NN/ up to the repository root: six levels.
    sc = {"format": "xbroute.scenario/1", "name": "variant-%04d" % i,
          "extends": "../../../../../../scenarios/baseline.json"}
    kind = i % 3
    if kind == 0:
        sc["max_days"] = 5 + i % 21
    elif kind == 1:
        sc["changes"] = [{"op": "set_country", "country": "US", "de_minimis": 50 * (i % 17)}]
    else:
        sc["changes"] = [{"op": "scale_links", "mode": "air", "cost": round(0.5 + 0.01 * (i % 200), 2)}]
    with open(os.path.join(d, "variant-%04d.json" % i), "w") as f:
        json.dump(sc, f, indent=1)
        f.write("\n")
PY

commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo "?")
echo "| jobs | scenarios | failed | wall s | scenarios/s | CPU s (user+sys) | CPU % | peak RSS MB (largest process) |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
first=""
for j in $JOBS; do
  echo "batch --jobs $j ..." >&2
  res="$OUT/out.j$j.jsonl"
  set +e
  # shellcheck disable=SC2086
  /usr/bin/time -v "$XBROUTE" batch "$OUT/scenarios" --jobs "$j" --out "$res" $FLAGS \
    2>"$OUT/time.j$j.txt" >/dev/null
  rc=$?
  set -e
  if [[ $rc != 0 && $rc != 2 ]]; then
    echo "bench_batch.sh: batch --jobs $j failed (exit $rc); see $OUT/time.j$j.txt" >&2
    exit 1
  fi
  python3 - "$OUT/time.j$j.txt" "$res" "$j" <<'PY'
import json, re, sys
t = open(sys.argv[1]).read()
m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", t)
wall = int(m.group(1) or 0) * 3600 + int(m.group(2)) * 60 + float(m.group(3))
rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1))
cpu = sum(float(re.search(k + r" time \(seconds\): ([\d.]+)", t).group(1)) for k in ("User", "System"))
pct = re.search(r"Percent of CPU this job got: (\d+)%", t).group(1)
recs = [json.loads(l) for l in open(sys.argv[2])]
failed = sum(r["status"] != "ok" for r in recs)
print("| %s | %d | %d | %.1f | %.1f | %.1f | %s | %.0f |" % (sys.argv[3], len(recs), failed, wall,
      len(recs) / wall, cpu, pct, rss_kb / 1024))
PY
  if [[ -z "$first" ]]; then
    first="$res"
  elif ! cmp -s "$first" "$res"; then
    echo "bench_batch.sh: WARNING: $res differs from $first" >&2
  fi
done
echo >&2
echo "(commit $commit, $(nproc) processors, flags: ${FLAGS:-none})" >&2
