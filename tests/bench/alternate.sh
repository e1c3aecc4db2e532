# tests/bench/alternate.sh - sourced by the benchmark scripts: time two commands against each
# other on a shared, noisy machine.
#
# alternate RUNS CMD_A CMD_B prints "MEDIAN_A MEDIAN_B" (seconds): RUNS rounds, each one
# `hyperfine -N --runs 1` of both commands, the order swapped every round (the first round also
# runs each once as a warm-up), so a busy moment of the machine falls on both rather than on all
# the runs of one. The commands are run without a shell (hyperfine -N splits them at spaces) and
# their exit codes are ignored (validate of a bad file exits 2).
alternate() {
  local runs=$1 a=$2 b=$3 i one times warm=(--warmup 1)
  one=$(mktemp)
  times=$(mktemp)
  for ((i = 0; i < runs; i++)); do
    if ((i % 2 == 0)); then
      hyperfine -N -i "${warm[@]}" --runs 1 --export-json "$one" "$a" "$b" >/dev/null 2>&1
    else
      hyperfine -N -i --runs 1 --export-json "$one" "$b" "$a" >/dev/null 2>&1
    fi
    warm=()
    python3 -c 'import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print("a" if r["command"] == sys.argv[2] else "b", r["times"][0])' "$one" "$a" >>"$times"
  done
  python3 -c 'import statistics, sys
t = {"a": [], "b": []}
for line in open(sys.argv[1]):
    k, v = line.split()
    t[k].append(float(v))
print(statistics.median(t["a"]), statistics.median(t["b"]))' "$times"
  rm -f "$one" "$times"
}
