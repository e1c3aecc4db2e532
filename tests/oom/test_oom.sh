#!/usr/bin/env bash
# test_oom.sh XBROUTE SRCDIR SHIM - out of memory at each allocation point (issue #13 item 3;
# README "Reliability").
#
# For each command below, a first run under the shim (tests/oom/oom_shim.c, LD_PRELOAD)
# counts the allocations N of the whole process; then run k = 1..N makes the kth allocation
# fail (malloc, calloc, realloc, strdup, ... in any library: cJSON, igraph, GLPK, stdio) and
# the outcome must be one of:
#   - exit 4, "out of memory" on standard error, and no output file written; or
#   - the reference outcome exactly (same exit code, standard output, standard error and
#     output file): the failure was absorbed (e.g. stdio writes unbuffered without its buffer).
# Anything else fails: a signal (segfault, abort), another exit code (a false "syntax error"
# is exit 2), exit 4 without the message, an exit 0 whose output differs (a section dropped).
#
# Sampling: every allocation point up to XBR_OOM_ALL (default 1500: loading and the start of
# every command), then one point in XBR_OOM_STRIDE (default: every point while a command has
# at most 3000; else a stride giving about 1500 more runs). A run takes ~10 ms, so the test
# takes ~30-60 s. XBR_OOM_STRIDE=1 tries every point.
#
# SHIM is the shim's path, or "sanitized": AddressSanitizer replaces malloc itself and cannot
# run under another preloaded allocator, so the test is skipped (exit 77) in sanitizer builds;
# .ci/run runs it in its clang build.
set -uo pipefail
XBR="$1"
SRC="$2"
SHIM="${3:-}"
if [[ "$SHIM" == sanitized || -z "$SHIM" ]]; then
  echo "skipped: the out-of-memory test needs a build without sanitizers (ASan owns malloc)"
  exit 77
fi
DATA="$SRC/tests/data/cli"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
ALL=${XBR_OOM_ALL:-1500}
n_fail=0
n_runs=0

# The commands, each on the hand-made scenario (one product, one market, every class; its
# network has an exporter, so report draws the six-link chain too). XBR_OOM_SCENARIO=FILE runs
# them on another scenario.
scn=${XBR_OOM_SCENARIO:-$DATA/hand-scenario.json}
cmds=(
  "validate $scn"
  "validate $DATA/broken-two-errors.json"
  "compare $scn"
  "optimize $scn"
  "resilience $scn"
  "report $scn -o OUT"
  "compare $scn --format json -o OUT"
)

# run_one K ARGS...: runs xbroute with allocation K failing (0: none) into $TMP/run.*
run_one() {
  local k="$1"; shift
  rm -f "$TMP/OUT" "$TMP/count"
  (cd "$TMP" && timeout 60 env XBR_OOM_FAIL="$k" XBR_OOM_COUNT="$TMP/count" \
     LD_PRELOAD="$SHIM" "$XBR" "$@" >"$TMP/run.out" 2>"$TMP/run.err")
  rc=$?
  if [[ -e "$TMP/OUT" ]]; then cp "$TMP/OUT" "$TMP/run.file"; else : >"$TMP/run.file"; fi
}

for c in "${cmds[@]}"; do
  # shellcheck disable=SC2206
  args=($c)
  run_one 0 "${args[@]}"
  ref_rc=$rc
  n=$(head -1 "$TMP/count")
  for f in out err file; do cp "$TMP/run.$f" "$TMP/ref.$f"; done
  if [[ -n "${XBR_OOM_STRIDE:-}" ]]; then
    stride=$XBR_OOM_STRIDE
  elif ((n <= 3000)); then
    stride=1
  else
    stride=$(((n - ALL) / 1500 + 1))
  fi
  bad=0
  for ((k = 1; k <= n; k += (k < ALL ? 1 : stride))); do
    run_one "$k" "${args[@]}"
    n_runs=$((n_runs + 1))
    why=""
    if ((rc == 4)); then
      if ! grep -qi "out of memory" "$TMP/run.err"; then
        why="exit 4 without 'out of memory'"
      elif [[ -s "$TMP/run.file" ]]; then
        why="exit 4 but the output file was written"
      fi
    elif ((rc == ref_rc)); then
      if ! cmp -s "$TMP/run.out" "$TMP/ref.out"; then
        why="exit $rc with another standard output"
      elif ! cmp -s "$TMP/run.err" "$TMP/ref.err"; then
        why="exit $rc with another standard error"
      elif ! cmp -s "$TMP/run.file" "$TMP/ref.file"; then
        why="exit $rc with another output file"
      fi
    elif ((rc > 128)); then
      why="killed by signal $((rc - 128))"
    else
      why="exit $rc (expected 4, or $ref_rc as without the failure)"
    fi
    if [[ -n "$why" ]]; then
      bad=$((bad + 1))
      if ((bad <= ${XBR_OOM_SHOW:-5})); then
        echo "FAIL: xbroute $c, allocation $k of $n: $why"
        head -3 "$TMP/run.err" | sed 's/^/    /'
      fi
    fi
  done
  echo "xbroute $c: $n allocations, stride $stride after $ALL, $bad bad"
  n_fail=$((n_fail + bad))
done
echo "$n_runs runs, $n_fail failed"
((n_fail == 0))
