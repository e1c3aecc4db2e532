# tests/cli/lib.sh - tiny assertion helpers for the CLI tests (sourced).
# Each test script gets the xbroute binary as $1 and the source dir as $2.
XBR="$1"
SRC="$2"
DATA="$SRC/tests/data/cli"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
out="$TMP/out"
err="$TMP/err"
: >"$out"
: >"$err"
n_pass=0
n_fail=0

# run CMD...: runs xbroute with the arguments; sets $rc, $out (stdout file), $err (stderr file)
run() {
  out="$TMP/out"; err="$TMP/err"
  set +e; "$XBR" "$@" >"$out" 2>"$err"; rc=$?; set -e
}
pass() { n_pass=$((n_pass + 1)); }
fail() { n_fail=$((n_fail + 1)); echo "FAIL: $*"; echo "--- stdout"; head -40 "$out"; echo "--- stderr"; head -40 "$err"; }
expect_rc() { if [[ "$rc" == "$1" ]]; then pass; else fail "$2: exit code $rc, expected $1"; fi; }
expect_out() { if grep -qE -- "$1" "$out"; then pass; else fail "$2: stdout lacks /$1/"; fi; }
expect_err() { if grep -qE -- "$1" "$err"; then pass; else fail "$2: stderr lacks /$1/"; fi; }
expect_no_out() { if grep -qE -- "$1" "$out"; then fail "$2: stdout has /$1/"; else pass; fi; }
finish() { echo "$n_pass passed, $n_fail failed"; [[ $n_fail == 0 ]]; }
