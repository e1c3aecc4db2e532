#!/usr/bin/env bash
# tests/bench/bench_sealanes.sh - what routing sea links on the sea lanes adds to a load
# (README "Sea lanes"; issue #12: under 0.5 s for the shipped network, 10,000 sea links under
# 10 s). Not a test: CTest never runs it and nothing asserts on time.
#   tests/bench/bench_sealanes.sh
#   XBROUTE=build/xbroute RUNS=5 tests/bench/bench_sealanes.sh
# 1. `xbroute validate` of the shipped network, against a copy whose sea links are rail links
#    (same size, no lanes to route): the difference is the lane routing.
# 2. The same for a made-up network of 200 ports and 10,000 sea links between them (ports at
#    lane nodes of tools/data/marnet_edges.csv picked with a fixed seed, moved 0.05 degrees).
# Prints the median wall time of RUNS runs (default 5) of each, in seconds.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${RUNS:-5}
if [[ -z "${XBROUTE:-}" ]]; then
  cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DXBR_TESTS=OFF >/dev/null
  cmake --build build-bench -j"$(nproc)" >/dev/null
  XBROUTE=build-bench/xbroute
fi
out=tests/bench/out/sealanes
mkdir -p "$out"
python3 - "$out" <<'PY'
import csv, json, random, sys
out = sys.argv[1]

def no_lanes(net):
    for l in net["links"]:
        if l["mode"] == "sea":
            l["mode"] = "rail"
            l.pop("via", None)
    return net

net = json.load(open("networks/china-export.json"))
json.dump(net, open(out + "/shipped.json", "w"), indent=1)
json.dump(no_lanes(net), open(out + "/shipped-no-lanes.json", "w"), indent=1)

rng = random.Random(1)
pts = sorted({(float(r["lon1"]), float(r["lat1"]))
              for r in csv.DictReader(open("tools/data/marnet_edges.csv"))})
ports = rng.sample(pts, 200)
nodes = [{"id": "P%d" % i, "name": "port %d" % i, "type": "seaport", "country": "XX", "lon": max(-179.9, min(179.9, lon + 0.05)),
          "lat": max(-89.9, min(89.9, lat + 0.05))} for i, (lon, lat) in enumerate(ports)]
links = []
for k in range(10000):
    a, b = rng.sample(range(200), 2)
    links.append({"id": "S%d" % k, "from": "P%d" % a, "to": "P%d" % b, "mode": "sea", "days": 20})
big = {"format": "xbroute.network/1", "name": "sealanes-bench", "countries": {"XX": {}},
       "nodes": nodes, "links": links}


def write(net, path):
    """One node or link per line, as `xbroute generate` writes (the loader finds positions
    line by line)."""
    with open(path, "w") as f:
        f.write('{"format": "xbroute.network/1", "name": "sealanes-bench", "countries": {"XX": {}},\n')
        f.write('"nodes": [\n' + ",\n".join(json.dumps(n) for n in net["nodes"]) + "],\n")
        f.write('"links": [\n' + ",\n".join(json.dumps(l) for l in net["links"]) + "]}\n")


write(big, out + "/10k.json")
write(no_lanes(big), out + "/10k-no-lanes.json")
PY
median() {
  python3 - "$runs" "$@" <<'PY'
import statistics, subprocess, sys, time
runs = int(sys.argv[1]); cmd = sys.argv[2:]
subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)  # warm-up
t = []
for _ in range(runs):
    s = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    t.append(time.perf_counter() - s)
print("%.3f" % statistics.median(t))
PY
}
echo "| network | sea links | validate s | same without lanes s | lanes add s |"
echo "|---|---:|---:|---:|---:|"
for n in shipped 10k; do
  a=$(median "$XBROUTE" validate -q "$out/$n.json")
  b=$(median "$XBROUTE" validate -q "$out/$n-no-lanes.json")
  k=$(python3 -c "import json,sys; print(sum(l['mode']=='sea' for l in json.load(open(sys.argv[1]))['links']))" "$out/$n.json")
  echo "| $n | $k | $a | $b | $(python3 -c "print('%.3f' % ($a - $b))") |"
done
