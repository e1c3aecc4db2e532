#!/usr/bin/env bash
# bench_optimize.sh - `xbroute optimize` on generated instances of W warehouses x M markets x P
# products: wall time to proven optimality (or the time limit, with the gap), peak memory, model
# size, and the same exported model (--write-model, CPLEX LP) re-solved by CBC and by glpsol in
# the same run, with their objectives compared to ours. Prints a Markdown table on stdout;
# progress goes to stderr.
#
# Usage: tests/bench/bench_optimize.sh [WxMxP...]   (default: 10x100x1 20x500x2 50x1000x5 100x2000x10)
# Environment:
#   XBROUTE          the binary (default: a Release build made in build-bench-optimize/)
#   BENCH_TIME_LIMIT seconds per optimize run (default 120)
#   BENCH_GAP        relative gap to stop at (default 0: prove optimality)
#   BENCH_FLAGS      extra optimize flags, e.g. --single-source
#   BENCH_SEED       generator seed (default 1)
#   BENCH_ALL_PAIRS  1 (default): every product has demand in every market (the generator's
#                    scenario gives each product at most 200 markets), written to
#                    scenario-all.json beside it; 0: the generated scenario as it is
#   BENCH_M3_SCALE, BENCH_KG_SCALE  multiply every warehouse capacity_m3 / link
#                    capacity_kg_per_week (default 1; e.g. 0.006 and 0.0005 make capacities bind
#                    and exercise the column generation); written to network-scaled.json
# Needs /usr/bin/time (Debian `time`), python3, and for the cross-checks `cbc` (coinor-cbc) and
# `glpsol` (glpk-utils); a missing solver is reported as "-".
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
OUT="$ROOT/tests/bench/out"
SEED="${BENCH_SEED:-1}"
LIMIT="${BENCH_TIME_LIMIT:-120}"
GAP="${BENCH_GAP:-0}"
FLAGS="${BENCH_FLAGS:-}"
SIZES=("$@")
[[ ${#SIZES[@]} -gt 0 ]] || SIZES=(10x100x1 20x500x2 50x1000x5 100x2000x10)

BIN="${XBROUTE:-}"
if [[ -z "$BIN" ]]; then
  BIN="$ROOT/build-bench-optimize/xbroute"
  echo "building a Release binary in build-bench-optimize/ ..." >&2
  cmake -S "$ROOT" -B "$ROOT/build-bench-optimize" -DCMAKE_BUILD_TYPE=Release -DXBR_TESTS=OFF >/dev/null
  cmake --build "$ROOT/build-bench-optimize" -j2 --target xbroute_cli >/dev/null
fi
[[ -x "$BIN" ]] || { echo "bench_optimize.sh: no binary at $BIN" >&2; exit 1; }
mkdir -p "$OUT"

echo "| warehouses x markets x products | links | pairs | columns | rows | binaries | status | gap | optimize s | of which route searches s | peak RSS MB | CBC s | glpsol s | objectives agree |"
echo "|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---|"
for size in "${SIZES[@]}"; do
  IFS=x read -r W M P <<<"$size"
  dir="$OUT/opt-${W}x${M}x${P}-s$SEED"
  if [[ ! -f "$dir/scenario.json" ]]; then
    # 40 links per market, fewer when the generator cannot make that many with the default
    # number of factories (it says so and we halve)
    links=$((M * 40))
    until "$BIN" generate --links "$links" --warehouses "$W" --markets "$M" --products "$P" \
      --seed "$SEED" -o "$dir" >/dev/null 2>&1; do
      links=$((links / 2))
      [[ $links -ge 1000 ]] || { echo "cannot generate $size" >&2; exit 1; }
    done
    echo "generated $size: $links links" >&2
  fi
  links=$(python3 -c "import json,sys; print(sum(1 for l in open(sys.argv[1]) if '\"from\"' in l))" "$dir/network.json")
  scenario="$dir/scenario.json"
  if [[ "${BENCH_ALL_PAIRS:-1}" == 1 ]]; then
    # demand at every market: the product's generated demands repeated in market-id order
    python3 - "$dir" "${BENCH_M3_SCALE:-1}" "${BENCH_KG_SCALE:-1}" <<'PY'
import json, os, sys
d, m3s, kgs = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
sc = json.load(open(os.path.join(d, "scenario.json")))
if m3s != 1 or kgs != 1:
    with open(os.path.join(d, "network-scaled.json"), "w") as out:
        for line in open(os.path.join(d, "network.json")):
            s = line.rstrip("\n")
            body = s.rstrip(",")
            if body.strip().startswith('{"id"') and "capacity_" in body:
                o = json.loads(body)
                if "capacity_m3" in o:
                    o["capacity_m3"] *= m3s
                if "capacity_kg_per_week" in o:
                    o["capacity_kg_per_week"] *= kgs
                s = json.dumps(o) + ("," if s.endswith(",") else "")
            out.write(s + "\n")
    sc["network"] = "network-scaled.json"
    sc["name"] += "-capacities-scaled"
markets = sorted(json.loads(l.rstrip().rstrip(","))["id"] for l in open(os.path.join(d, "network.json"))
                 if '"type": "market"' in l or '"type":"market"' in l)
for p in sc["products"]:
    vals = [v for _, v in sorted(p["demand"].items())]
    p["demand"] = {m: p["demand"].get(m, vals[i % len(vals)]) for i, m in enumerate(markets)}
sc["name"] += "-all-pairs"
json.dump(sc, open(os.path.join(d, "scenario-all.json"), "w"), indent=1)
PY
    scenario="$dir/scenario-all.json"
  fi
  echo "optimize $size ..." >&2
  rm -f "$dir/model.lp" "$dir/opt.json" "$dir/cbc.log" "$dir/glpsol.out"
  set +e
  /usr/bin/time -f "%e %M" -o "$dir/time.txt" "$BIN" optimize "$scenario" $FLAGS \
    --time-limit "$LIMIT" --gap "$GAP" --format json -o "$dir/opt.json" \
    --write-model "$dir/model.lp" --timing 2>"$dir/opt.err"
  rc=$?
  cbc_s="-"; glp_s="-"
  if command -v cbc >/dev/null && [[ -f "$dir/model.lp" ]]; then
    echo "cbc $size ..." >&2
    /usr/bin/time -f "%e" -o "$dir/cbc.time" timeout "$((LIMIT * 5))" cbc "$dir/model.lp" solve >"$dir/cbc.log" 2>&1
    cbc_s=$(tail -1 "$dir/cbc.time")
  fi
  if command -v glpsol >/dev/null && [[ -f "$dir/model.lp" ]]; then
    echo "glpsol $size ..." >&2
    /usr/bin/time -f "%e" -o "$dir/glpsol.time" timeout "$((LIMIT * 5))" glpsol --lp "$dir/model.lp" -o "$dir/glpsol.out" >/dev/null 2>&1
    glp_s=$(tail -1 "$dir/glpsol.time")
  fi
  set -e
  python3 - "$dir" "$size" "$links" "$rc" "$cbc_s" "$glp_s" <<'PY'
import json, os, re, sys
d, size, links, rc, cbc_s, glp_s = sys.argv[1:]
wall, rss = open(os.path.join(d, "time.txt")).read().split()[-2:]
try:
    o = json.load(open(os.path.join(d, "opt.json")))
except Exception:
    print(f"| {size} | {int(links):,} | - | - | - | - | exit {rc} | - | {float(wall):.1f} | - | {int(rss)//1024} | {cbc_s} | {glp_s} | - |")
    sys.exit(0)
m = o["model"]
obj = o["total_cost_per_week"]
agree = []
def read(path, pat):
    try:
        t = open(path).read()
    except OSError:
        return None
    x = re.search(pat, t)
    return float(x.group(1)) if x else None
c = read(os.path.join(d, "cbc.log"), r"Objective value:\s+(\S+)")
g = read(os.path.join(d, "glpsol.out"), r"Objective:\s+\S+\s+=\s+(\S+)")
for name, v in (("CBC", c), ("glpsol", g)):
    if v is not None and obj is not None:
        agree.append(f"{name} {'yes' if abs(v - obj) <= 1e-6 * max(1, abs(obj)) else 'NO (%.10g)' % v}")
gap = o["gap"]
t = re.search(r"candidate searches ([0-9.]+) s", open(os.path.join(d, "opt.err")).read())
search = "%.1f" % float(t.group(1)) if t else "-"
print(f"| {size} | {int(links):,} | {m['pairs']:,} | {m['columns']:,} | {m['rows']:,} | {m['binaries']} | "
      f"{o['status']} | {'-' if gap is None else '%.4f%%' % (100 * gap)} | {float(wall):.1f} | {search} | "
      f"{int(rss)//1024} | {cbc_s} | {glp_s} | {', '.join(agree) or '-'} |")
PY
done
