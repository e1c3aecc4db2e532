#!/usr/bin/env bash
# CLI tests of `batch`: exit codes, records against hand calculations, --jobs 1 and 2 give the
# same bytes, shards (and a GNU Parallel run of them) merge to the single run, a kill with
# SIGKILL midway followed by --resume gives the same file as an uninterrupted run, a broken
# file among good ones.
#
# tests/data/batch/ holds 6 scenarios (sorted by path) and files batch must skip (a network in
# net/, ignored.schema.json, .hidden/, notes.txt):
#   broken/bad-origin.json      error: unknown origin node NOPE (line 5, col 52)
#   broken/syntax.json          error: the file ends inside "products"
#   hand.json                   = tests/data/cli/hand-scenario.json, costed by hand in
#                                 tests/cli/test_routes.sh: winner warehouse-sea at 9.6412952
#                                 per unit, 1 consumer day, 70 units/week -> 70 x 9.6412952 =
#                                 674.890664 per week; optimize opens W: the same 674.890664
#   sub/baseline-rail-x2.json   the shipped baseline with rail tariffs doubled: status ok
#   sub/deeper/hand-late.json   promise 0.5 day < the fastest route (1 day): late 1, no winner,
#                                 weekly cost 0, mean days null; optimize infeasible
#   sub/hand-express-only.json  SEA closed: express 10 /kg x 2 kg = 20 + duty 10 % x 20 = 22
#                                 per unit in 3 + 1 = 4 days (post, 16 days, misses the 5-day
#                                 promise): 70 x 22 = 1540 per week, mean days 4
set -euo pipefail
source "$(dirname "$0")/lib.sh"
B="$SRC/tests/data/batch"

run batch --help
expect_rc 0 "help"
expect_out "Usage: xbroute batch" "help text"

# ---- usage errors ----
run batch
expect_rc 1 "no path"
run batch "$B" --jobs 0
expect_rc 1 "jobs 0"
run batch "$B" --shard 3/2
expect_rc 1 "shard index above count"
run batch "$B" --shard 1
expect_rc 1 "shard without /N"
run batch "$B" --csv -
expect_rc 1 "records and CSV both on standard output"
expect_err "cannot share standard output" "the reason named"
run batch "$B" --resume
expect_rc 1 "resume without --out"
run batch "$B" --frobnicate
expect_rc 1 "unknown option"
run batch "$TMP/does-not-exist"
expect_rc 2 "missing path"
expect_err "does-not-exist" "missing path named"

# ---- all good: exit 0; a broken file among good ones: exit 2, the others still done ----
run batch "$B/hand.json" "$B/sub/hand-express-only.json"
expect_rc 0 "good scenarios only"
run batch "$B" --jobs 2 --out "$TMP/all.jsonl" --csv "$TMP/all.csv"
expect_rc 2 "some broken"
expect_err "2 of 6 scenarios failed" "failure count"
[[ ! -e "$TMP/all.jsonl.partial" ]] && pass || fail "partial file removed at the end"
python3 - "$TMP/all.jsonl" "$B" <<'PY' && pass || fail "records against the hand calculations"
import json, sys
lines = open(sys.argv[1]).read().splitlines()
recs = [json.loads(l) for l in lines]
B = sys.argv[2]
names = [r["scenario"][len(B) + 1:] for r in recs]
assert names == ["broken/bad-origin.json", "broken/syntax.json", "hand.json",
                 "sub/baseline-rail-x2.json", "sub/deeper/hand-late.json",
                 "sub/hand-express-only.json"], names
for r in recs:
    assert list(r) == ["scenario", "status", "error", "compare", "optimize"], list(r)
bad, syn, hand, base, late, expr = recs
assert bad["status"] == "error" and bad["compare"] is None and bad["optimize"] is None
assert bad["error"].startswith(B + "/broken/bad-origin.json:5:52: error:"), bad["error"]
assert "NOPE" in bad["error"]
assert syn["status"] == "error" and syn["error"].startswith(B + "/broken/syntax.json:5:")
c = hand["compare"]
assert hand["status"] == "ok" and hand["error"] is None
assert (c["pairs"], c["late"], c["unserved"]) == (1, 0, 0) and c["winners"] == {"warehouse-sea": 1}
assert abs(c["total_cost_per_week"] - 70 * 9.6412952) < 1e-3, c
assert abs(c["mean_days"] - 1.0) < 1e-9
o = hand["optimize"]
assert o["status"] == "optimal" and abs(o["total_cost_per_week"] - 674.890664) < 1e-3 and o["gap"] == 0
assert base["status"] == "ok" and base["compare"]["pairs"] > 0
c = late["compare"]
assert (c["pairs"], c["late"], c["winners"], c["total_cost_per_week"], c["mean_days"]) == (1, 1, {}, 0, None)
assert late["optimize"]["status"] == "infeasible" and late["optimize"]["total_cost_per_week"] is None
c = expr["compare"]
assert c["winners"] == {"express": 1} and abs(c["total_cost_per_week"] - 1540) < 1e-9
assert abs(c["mean_days"] - 4) < 1e-9 and abs(expr["optimize"]["total_cost_per_week"] - 1540) < 1e-6
PY
python3 - "$TMP/all.csv" "$B" <<'PY' && pass || fail "CSV summary"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
B = sys.argv[2]
assert len(rows) == 6
assert list(rows[0]) == ["scenario", "status", "pairs", "late", "unserved", "total_cost_per_week",
                         "mean_days", "winners", "optimize_status",
                         "optimize_total_cost_per_week", "optimize_gap", "error"]
h = rows[2]
assert h["scenario"] == B + "/hand.json" and h["status"] == "ok" and h["pairs"] == "1"
assert abs(float(h["total_cost_per_week"]) - 674.890664) < 1e-3 and h["winners"] == "warehouse-sea:1"
assert h["optimize_status"] == "optimal" and h["error"] == ""
assert rows[0]["status"] == "error" and '"NOPE"' in rows[0]["error"] and rows[0]["pairs"] == ""
assert rows[4]["mean_days"] == "" and rows[4]["optimize_status"] == "infeasible"
PY

# ---- stdout, --jobs 1 and 2: the same bytes ----
run batch "$B" --jobs 1
cp "$out" "$TMP/j1.jsonl"
run batch "$B" --jobs 2
cp "$out" "$TMP/j2.jsonl"
cmp -s "$TMP/j1.jsonl" "$TMP/j2.jsonl" && pass || fail "--jobs 1 and --jobs 2 differ"
cmp -s "$TMP/j1.jsonl" "$TMP/all.jsonl" && pass || fail "stdout and --out differ"
run batch "$B" --jobs 3 --out "$TMP/j3.jsonl"
cmp -s "$TMP/j3.jsonl" "$TMP/all.jsonl" && pass || fail "--jobs 3 differs"

# Merges JSONL files by the "scenario" key (the documented merge of shard outputs).
merge() { python3 -c '
import json, sys
recs = [l for f in sys.argv[1:] for l in open(f).read().splitlines()]
recs.sort(key=lambda l: json.loads(l)["scenario"].encode())
sys.stdout.write("".join(l + "\n" for l in recs))' "$@"; }

# ---- shards: a partition; merged, the single run ----
for i in 1 2 3 4; do
  run batch "$B" --shard "$i/4" --out "$TMP/shard.$i.jsonl"
done
[[ $(cat "$TMP"/shard.*.jsonl | wc -l) == 6 ]] && pass || fail "4 shards hold 6 records"
[[ $(wc -l <"$TMP/shard.1.jsonl") == 2 && $(wc -l <"$TMP/shard.4.jsonl") == 1 ]] && pass ||
  fail "shard sizes: positions 1,5 | 2,6 | 3 | 4"
grep -q '"scenario":"[^"]*/broken/bad-origin.json"' "$TMP/shard.1.jsonl" &&
  grep -q '/sub/deeper/hand-late.json"' "$TMP/shard.1.jsonl" && pass || fail "shard 1/4 content"
merge "$TMP"/shard.*.jsonl >"$TMP/merged.jsonl"
cmp -s "$TMP/merged.jsonl" "$TMP/all.jsonl" && pass || fail "merged shards differ from one run"

# ---- xbroute merge: the shards checked against the scenario list, then the single run ----
run merge "$TMP"/shard.*.jsonl --scenarios "$B" --out "$TMP/m.jsonl" --csv "$TMP/m.csv"
expect_rc 2 "merge of 4 shards: exit 2 because 2 scenarios' records are error records"
expect_err "xbroute merge: 6 records from 4 shard files; 2 scenarios failed" "merge counts"
cmp -s "$TMP/m.jsonl" "$TMP/all.jsonl" && pass || fail "merge differs from the single run"
run batch "$B" --out "$TMP/all2.jsonl" --csv "$TMP/all2.csv"
cmp -s "$TMP/m.csv" "$TMP/all2.csv" && pass || fail "merge's CSV differs from the single run's"
# a shard missing: both of its scenarios named, nothing written
rm -f "$TMP/m2.jsonl"
run merge "$TMP/shard.2.jsonl" "$TMP/shard.3.jsonl" "$TMP/shard.4.jsonl" --scenarios "$B" \
  --out "$TMP/m2.jsonl"
expect_rc 2 "a missing shard"
expect_err "broken/bad-origin.json.*no record in any shard" "the missing shard's first scenario"
expect_err "sub/deeper/hand-late.json.*no record in any shard" "the missing shard's second scenario"
[[ $(grep -c "no record in any shard" "$err") == 2 ]] && pass || fail "exactly two named missing"
[[ ! -e "$TMP/m2.jsonl" ]] && pass || fail "a failed merge writes nothing"
# a shard given twice: every record of it named as recorded again, with both places
run merge "$TMP"/shard.*.jsonl "$TMP/shard.3.jsonl" --scenarios "$B" --out "$TMP/m2.jsonl"
expect_rc 2 "a shard given twice"
expect_err "shard.3.jsonl:1:1: .*recorded again \(first at line 1 of .*shard.3.jsonl\)" \
  "the duplicate's place and the first one's"
[[ ! -e "$TMP/m2.jsonl" ]] && pass || fail "a merge with duplicates writes nothing"
# a torn last line (a killed task's file without --resume): named with its line
head -c -5 "$TMP/shard.1.jsonl" >"$TMP/torn.jsonl"
run merge "$TMP/torn.jsonl" "$TMP/shard.2.jsonl" "$TMP/shard.3.jsonl" "$TMP/shard.4.jsonl" \
  --scenarios "$B" --out "$TMP/m2.jsonl"
expect_rc 2 "a torn shard"
expect_err "torn.jsonl:2:1: error: last line cut short" "the torn line's place"
# a record of a scenario outside the list (the shards ran over another folder)
run merge "$TMP"/shard.*.jsonl --scenarios "$B/sub" --out "$TMP/m2.jsonl"
expect_rc 2 "records outside the list"
expect_err "a record of a scenario that is not in the list" "records outside the list named"
# usage: --scenarios required; the output may not be a shard
run merge "$TMP/shard.1.jsonl" --out "$TMP/m2.jsonl"
expect_rc 1 "merge without --scenarios"
run merge "$TMP/shard.1.jsonl" --scenarios "$B" --out "$TMP/shard.1.jsonl"
expect_rc 1 "merge onto one of its shards"
[[ $(wc -l <"$TMP/shard.1.jsonl") == 2 ]] && pass || fail "the shard is untouched"

run batch "$B" --shard 7/9
expect_rc 0 "an empty shard"
[[ ! -s "$out" ]] && pass || fail "an empty shard writes nothing"

# ---- GNU Parallel: 4 shards side by side, merged ----
if command -v parallel >/dev/null; then
  (cd "$TMP" && parallel --will-cite "$XBR" batch "$B" --jobs 1 --shard {}/4 --out par.{}.jsonl \
    ::: 1 2 3 4 2>/dev/null) || true
  merge "$TMP"/par.*.jsonl >"$TMP/par-merged.jsonl"
  cmp -s "$TMP/par-merged.jsonl" "$TMP/all.jsonl" && pass || fail "GNU Parallel shards differ"
  # The merge the help text shows: gather into FILE.partial, then --resume runs nothing.
  cat "$TMP"/par.*.jsonl >"$TMP/par-all.jsonl.partial"
  run batch "$B" --resume --out "$TMP/par-all.jsonl"
  expect_rc 2 "merge by --resume (the broken files' records say failed)"
  expect_err "6 of 6 scenarios already recorded, 0 to run" "merge by --resume runs nothing"
  cmp -s "$TMP/par-all.jsonl" "$TMP/all.jsonl" && pass || fail "merge by --resume differs"
else
  echo "note: GNU Parallel (Debian package parallel) is absent: its test is skipped"
fi

# ---- kill -9 midway, then --resume: the same file as an uninterrupted run ----
# 24 variants of the shipped baseline (slow enough to be caught midway: about 0.1 s each).
mkdir -p "$TMP/many/x" "$TMP/many/y"
for i in $(seq 10 33); do
  d="$TMP/many/x"; [[ $((i % 2)) == 0 ]] && d="$TMP/many/y"
  printf '{"name": "v%s", "extends": "%s/scenarios/baseline.json", "changes": [{"op": "scale_links", "mode": "air", "cost": 1.%s}]}\n' \
    "$i" "$SRC" "$i" >"$d/v$i.json"
done
run batch "$TMP/many" --jobs 2 --out "$TMP/ref.jsonl"
expect_rc 0 "uninterrupted run"
[[ $(wc -l <"$TMP/ref.jsonl") == 24 ]] && pass || fail "24 records"
killed=0
for attempt in 1 2 3; do
  rm -f "$TMP/k.jsonl" "$TMP/k.jsonl.partial"
  "$XBR" batch "$TMP/many" --jobs 2 --out "$TMP/k.jsonl" >/dev/null 2>&1 &
  pid=$!
  # Poll (no fixed sleep): kill as soon as the partial file holds 3 whole records.
  while kill -0 "$pid" 2>/dev/null; do
    if [[ -f "$TMP/k.jsonl.partial" && $(wc -l <"$TMP/k.jsonl.partial") -ge 3 ]]; then
      kill -9 "$pid" 2>/dev/null || true
      break
    fi
  done
  wait "$pid" 2>/dev/null && status=0 || status=$?
  if [[ $status == 137 ]]; then killed=1; break; fi
done
if [[ $killed == 1 ]]; then
  pass
  [[ ! -e "$TMP/k.jsonl" ]] && pass || fail "a killed run leaves no final file"
  n=$(wc -l <"$TMP/k.jsonl.partial")
  [[ $n -ge 3 && $n -lt 24 ]] && pass || fail "killed midway: $n records"
  run batch "$TMP/many" --jobs 2 --out "$TMP/k.jsonl" --resume
  expect_rc 0 "resume"
  expect_err "[0-9]+ of 24 scenarios already recorded" "resume counts"
  cmp -s "$TMP/k.jsonl" "$TMP/ref.jsonl" && pass || fail "resumed file differs from one run"
  [[ ! -e "$TMP/k.jsonl.partial" ]] && pass || fail "partial removed after resume"
else
  fail "could not kill the run midway in 3 attempts"
fi
# A torn last line (a kill in the middle of a write) is dropped and that scenario run again.
head -c 1500 "$TMP/ref.jsonl" >"$TMP/t.jsonl.partial"
run batch "$TMP/many" --jobs 1 --out "$TMP/t.jsonl" --resume
expect_rc 0 "resume after a torn line"
cmp -s "$TMP/t.jsonl" "$TMP/ref.jsonl" && pass || fail "torn line: resumed file differs"
# Resuming a finished run runs nothing and changes nothing.
run batch "$TMP/many" --out "$TMP/t.jsonl" --resume
expect_err "24 of 24 scenarios already recorded, 0 to run" "nothing left"
cmp -s "$TMP/t.jsonl" "$TMP/ref.jsonl" && pass || fail "resume of a finished run changed it"
# Shards of the batch with --resume in one file each, then merged: the single run.
for i in 1 2; do run batch "$TMP/many" --shard "$i/2" --out "$TMP/r.$i.jsonl" --resume; done
merge "$TMP"/r.1.jsonl "$TMP"/r.2.jsonl >"$TMP/r.jsonl"
cmp -s "$TMP/r.jsonl" "$TMP/ref.jsonl" && pass || fail "resumable shards merged differ"

# A worker that dies (here: killed) costs its scenario an error record; the run goes on and
# every other record is as in the uninterrupted run.
"$XBR" batch "$TMP/many" --jobs 2 --out "$TMP/c.jsonl" >/dev/null 2>"$TMP/c.err" &
pid=$!
victim=""
while kill -0 "$pid" 2>/dev/null && [[ -z "$victim" ]]; do
  if [[ -f "$TMP/c.jsonl.partial" && $(wc -l <"$TMP/c.jsonl.partial") -ge 2 ]]; then
    victim=$(ps -o pid= --ppid "$pid" | head -1 | tr -d ' ')
    [[ -n "$victim" ]] && kill -9 "$victim" 2>/dev/null || true
  fi
done
wait "$pid" && status=0 || status=$?
python3 - "$TMP/c.jsonl" "$TMP/ref.jsonl" "$status" <<'PY' && pass || fail "a killed worker"
import json, sys
got = open(sys.argv[1]).read().splitlines()
ref = open(sys.argv[2]).read().splitlines()
assert len(got) == len(ref) == 24, len(got)
diff = [(g, r) for g, r in zip(got, ref) if g != r]
assert len(diff) <= 1, diff
for g, r in diff:  # the killed worker's scenario, if it was busy
    rec = json.loads(g)
    assert rec["scenario"] == json.loads(r)["scenario"]
    assert rec["status"] == "error" and "killed by signal 9" in rec["error"], rec
assert int(sys.argv[3]) == (2 if diff else 0), sys.argv[3]
PY

# ---- the option table: --opt=value, aliases, "-" for stdout, ranges, did you mean ----
run batch "$B" --jobs=2 -o "$TMP/eq.jsonl" --csv="$TMP/eq.csv"
expect_rc 2 "--opt=value forms (the broken files' records say failed)"
cmp -s "$TMP/eq.jsonl" "$TMP/all.jsonl" && pass || fail "--jobs=2 -o FILE differs"
cmp -s "$TMP/eq.csv" "$TMP/all.csv" && pass || fail "--csv=FILE differs"
run batch "$B" -j 1 --out -
cmp -s "$out" "$TMP/all.jsonl" && pass || fail "--out - (stdout) differs"
run batch "$B" --resume --out -
expect_rc 1 "resume to stdout"
run batch "$B" --job 2
expect_rc 1 "misspelt option"
expect_err "did you mean '--jobs'" "did you mean"
run batch "$B" --jobs 257
expect_rc 1 "jobs above 256"
run batch "$B" --time-limit -1
expect_rc 1 "negative time limit"
run batch "$B/hand.json" --no-optimize
expect_rc 0 "no optimize"
expect_out '"optimize":null}$' "no optimize: optimize is null"
expect_no_out '"optimize":\{' "no optimize: no optimize summary"

# --progress: the bar on stderr up to every scenario; --quiet: only the counts
run batch "$B" --jobs 1 --progress --out "$TMP/prog.jsonl"
expect_err "6/6" "--progress reaches 6 of 6"
run batch "$B" --jobs 1 --quiet --out "$TMP/quiet.jsonl"
grep -q "\[#" "$err" && fail "--quiet draws no bar" || pass
cmp -s "$TMP/prog.jsonl" "$TMP/quiet.jsonl" && pass || fail "the bar changes the records"
# --format csv: the CSV summary as the output, the same rows as --csv FILE beside the records
run batch "$B" --jobs 2 --format csv --out "$TMP/sum.csv"
expect_rc 2 "batch --format csv (the broken scenarios' rows say error)"
run batch "$B" --jobs 2 --out "$TMP/rec.jsonl" --csv "$TMP/rec.csv"
cmp -s "$TMP/sum.csv" "$TMP/rec.csv" && pass || fail "--format csv differs from --csv FILE"
run batch "$B" --jobs 1 --format csv
[[ $(head -1 "$out") == scenario,status,* && $(wc -l <"$out") == 7 ]] && pass ||
  fail "--format csv on stdout: a header and a row per scenario"
run batch "$B" --format csv --resume --out "$TMP/x.csv"
expect_rc 1 "--format csv with --resume"
finish
