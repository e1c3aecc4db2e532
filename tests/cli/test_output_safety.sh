#!/usr/bin/env bash
# CLI tests of what xbroute promises about files (README, "Reliability"): no output overwrites
# an input (the scenario, a file it extends, its network; by device and inode), an output that
# is a symbolic link writes its target, a FIFO or a device is written through and not
# replaced, an existing file keeps its mode and a new one gets 0666 less the umask, the LP
# model is whole or not written, inputs that are not regular files are refused with a
# position instead of hanging, '-' is standard input, source lines are quoted only from JSON
# input, and batch runs one at a time per --out, never writing through a link named
# OUT.partial, and takes a per-scenario --timeout.
#
# Everything happens in the test's temporary folder: FIFOs, links and device nodes are made
# there (no system path is ever written). Commands that could hang on a FIFO run under
# `timeout`, so a regression fails instead of stalling.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cp "$DATA/tiny-scenario.json" "$DATA/tiny-network.json" "$TMP/"
SC="$TMP/tiny-scenario.json"
NET="$TMP/tiny-network.json"
cp "$SC" "$TMP/scenario.orig"
cp "$NET" "$TMP/network.orig"
export TMPDIR="$TMP" # the scratch file of --write-model stays in here too

# run_bounded ARGS...: run, with at most 20 s for a command that could wait on a FIFO (a
# regression then fails with exit code 124 instead of stalling)
run_bounded() {
  out="$TMP/out"; err="$TMP/err"
  set +e; timeout 20 "$XBR" "$@" >"$out" 2>"$err"; rc=$?; set -e
}

# same FILE ORIG WHAT: FILE has exactly the bytes of ORIG (then it is put back from ORIG,
# so that a failure does not spoil the checks after it)
same() {
  if cmp -s "$1" "$2"; then pass; else fail "$3: $1 was changed"; fi
  rm -f "$1" && cp "$2" "$1"
}

# The reference output, written to a new regular file.
run compare "$SC" -o "$TMP/ref.txt"
expect_rc 0 "compare to a new file"
[[ -s "$TMP/ref.txt" ]] && pass || fail "compare wrote its output"

# ---- no output overwrites an input ----
run compare "$SC" -o "$SC"
expect_rc 1 "-o onto the scenario"
expect_err "--output '.*tiny-scenario.json' is an input of this run" "the refusal names the file"
same "$SC" "$TMP/scenario.orig" "-o onto the scenario"

run compare "$SC" --geojson "$NET"
expect_rc 1 "--geojson onto the network"
same "$NET" "$TMP/network.orig" "--geojson onto the network"

# another spelling of the same file, and a hard link to it: the same inode
mkdir "$TMP/sub"
run compare "$SC" -o "$TMP/sub/../tiny-network.json"
expect_rc 1 "-o onto the network by another path"
same "$NET" "$TMP/network.orig" "-o onto the network by another path"
ln "$NET" "$TMP/net-hardlink.json"
run compare "$SC" -o "$TMP/net-hardlink.json"
expect_rc 1 "-o onto a hard link of the network"
same "$NET" "$TMP/network.orig" "-o onto a hard link of the network"

# a file the scenario extends is an input too
printf '{"name": "child", "extends": "tiny-scenario.json"}\n' >"$TMP/child.json"
cp "$TMP/child.json" "$TMP/child.orig"
run routes "$TMP/child.json" --product widget --to M_ONE -o "$SC"
expect_rc 1 "-o onto the parent scenario"
same "$SC" "$TMP/scenario.orig" "-o onto the parent scenario"

run optimize "$SC" --write-model "$SC"
expect_rc 1 "--write-model onto the scenario"
same "$SC" "$TMP/scenario.orig" "--write-model onto the scenario"

# a design file read with --design is an input as well
printf '{"format": "xbroute.design/1", "open_warehouses": []}\n' >"$TMP/design.json"
cp "$TMP/design.json" "$TMP/design.orig"
run compare "$SC" --design "$TMP/design.json" -o "$TMP/design.json"
expect_rc 1 "-o onto the --design file"
expect_err "is an input of this run" "-o onto the --design file says why"
same "$TMP/design.json" "$TMP/design.orig" "-o onto the --design file"

run info "$NET" --dot "$NET"
expect_rc 1 "info --dot onto its network"
same "$NET" "$TMP/network.orig" "info --dot onto its network"

# ---- symbolic links, FIFOs, devices, modes ----
printf 'old\n' >"$TMP/real.txt"
ln -s real.txt "$TMP/link.txt"
run compare "$SC" -o "$TMP/link.txt"
expect_rc 0 "-o a symbolic link"
[[ -L "$TMP/link.txt" ]] && pass || fail "the link stays a link"
same "$TMP/real.txt" "$TMP/ref.txt" "the link's target holds the output"

mkfifo "$TMP/out.fifo"
timeout 20 cat "$TMP/out.fifo" >"$TMP/from-fifo.txt" &
reader=$!
set +e
timeout 20 "$XBR" compare "$SC" -o "$TMP/out.fifo"
rc=$?
set -e
wait "$reader" || true
expect_rc 0 "-o a FIFO"
[[ -p "$TMP/out.fifo" ]] && pass || fail "the FIFO is still a FIFO, not replaced by a file"
same "$TMP/from-fifo.txt" "$TMP/ref.txt" "the FIFO's reader got the output"
leftover=$(find "$TMP" -name '*.tmp*' | wc -l)
[[ "$leftover" == 0 ]] && pass || fail "no temporary file is left ($leftover)"

# Device nodes made here (root only): the null device discards and stays a device; the full
# device is a write error, exit 2, and stays a device.
if mknod "$TMP/null" c 1 3 2>/dev/null && mknod "$TMP/full" c 1 7 2>/dev/null; then
  run compare "$SC" -o "$TMP/null"
  expect_rc 0 "-o a null device"
  [[ -c "$TMP/null" ]] && pass || fail "the null device is still a character device"
  run compare "$SC" -o "$TMP/full"
  expect_rc 2 "-o a full device"
  expect_err "full: error: cannot write: No space left on device" "the write error is named"
  [[ -c "$TMP/full" ]] && pass || fail "the full device is still a character device"
else
  echo "note: cannot make device nodes here; the device checks are skipped"
fi

printf 'old\n' >"$TMP/mode.txt"
chmod 604 "$TMP/mode.txt"
run compare "$SC" -o "$TMP/mode.txt"
expect_rc 0 "-o an existing file"
[[ $(stat -c %a "$TMP/mode.txt") == 604 ]] && pass || fail "an existing file keeps its mode 604"
same "$TMP/mode.txt" "$TMP/ref.txt" "the existing file holds the output"
(umask 027 && "$XBR" compare "$SC" -o "$TMP/new-mode.txt") || true
# 0666 & ~027 = 0640
[[ $(stat -c %a "$TMP/new-mode.txt") == 640 ]] && pass || fail "a new file gets 0666 less the umask"

# ---- --write-model is whole or not written ----
# A file size limit of 4 KiB (ulimit -f counts 1024-byte blocks in bash) against a model of
# about 8 KB, with SIGXFSZ ignored so the write fails with EFBIG: the old model stays whole.
printf 'previous model\n' >"$TMP/m.lp"
cp "$TMP/m.lp" "$TMP/m.orig"
set +e
(ulimit -f 4 && trap '' XFSZ && exec "$XBR" optimize "$SRC/scenarios/rail-vs-sea-vs-air-europe.json" \
  --write-model "$TMP/m.lp" -o "$TMP/opt.txt") >"$out" 2>"$err"
rc=$?
set -e
expect_rc 2 "--write-model that cannot be written whole"
expect_err "cannot write the model" "the model error is named"
same "$TMP/m.lp" "$TMP/m.orig" "--write-model cut short"
run optimize "$SRC/scenarios/rail-vs-sea-vs-air-europe.json" --write-model "$TMP/m.lp" -o "$TMP/opt.txt"
expect_rc 0 "--write-model without a limit"
[[ $(tail -n 1 "$TMP/m.lp") == End ]] && pass || fail "the whole model ends with End"

# ---- inputs: FIFOs refused with a position, '-' is standard input, no foreign lines ----
mkfifo "$TMP/net.fifo"
sed 's/"tiny-network.json"/"net.fifo"/' "$SC" >"$TMP/fifo-net.json"
run_bounded validate "$TMP/fifo-net.json"
expect_rc 2 "a FIFO as the network"
expect_err "fifo-net.json:3:14: error: cannot read file \"[^\"]*net.fifo\": it is not a regular file" \
  "the FIFO network is refused at the place that names it"
run_bounded compare "$TMP/net.fifo"
expect_rc 2 "a FIFO as the scenario"
expect_err "net.fifo: error: cannot read file \"[^\"]*net.fifo\": it is not a regular file" \
  "the FIFO scenario is refused"

(cd "$TMP" && "$XBR" compare - <tiny-scenario.json >"$TMP/from-stdin.txt") || true
same "$TMP/from-stdin.txt" "$TMP/ref.txt" "a scenario on standard input, its network found from the working folder"

printf 'password=hunter2\n' >"$TMP/secret.txt"
sed 's/"tiny-network.json"/"secret.txt"/' "$SC" >"$TMP/secret-net.json"
run validate "$TMP/secret-net.json"
expect_rc 2 "a network that is not JSON"
expect_err "secret.txt:1:1: error: expected a value" "the syntax error is reported"
if grep -q hunter2 "$err" "$out"; then fail "a file that is not JSON is never quoted"; else pass; fi
printf '{\n  "name": "x",\n  "network": 7\n}\n' >"$TMP/typo.json"
run validate "$TMP/typo.json"
expect_err '^    "network": 7$' "a JSON file's line is still quoted"

# ---- batch ----
cp "$TMP/tiny-scenario.json" "$TMP/b.json"
printf 'precious\n' >"$TMP/victim.txt"
ln -s victim.txt "$TMP/out.jsonl.partial"
run batch "$TMP/b.json" --out "$TMP/out.jsonl" --no-optimize
expect_rc 2 "a journal that is a symbolic link"
expect_err "out.jsonl.partial: error: refusing to write through a symbolic link" "the link is named"
[[ $(cat "$TMP/victim.txt") == precious ]] && pass || fail "the link's target is not emptied"
rm -f "$TMP/out.jsonl.partial"

# A first run holds its --out until it ends: its CSV is a FIFO, which it opens (and waits on)
# only after writing out.jsonl, so once out.jsonl exists it is still running.
mkfifo "$TMP/csv.fifo"
"$XBR" batch "$TMP/b.json" --out "$TMP/out.jsonl" --csv "$TMP/csv.fifo" --no-optimize \
  >"$TMP/first.out" 2>"$TMP/first.err" &
first=$!
for _ in $(seq 200); do [[ -e "$TMP/out.jsonl" ]] && break; sleep 0.05; done
run batch "$TMP/b.json" --out "$TMP/out.jsonl" --no-optimize
expect_rc 2 "a second batch on the same --out"
expect_err "out.jsonl.partial: error: another batch run \(process $first\) is writing this output" \
  "the second run names the first"
timeout 20 cat "$TMP/csv.fifo" >"$TMP/csv.txt" || true
set +e
wait "$first"
rc=$?
set -e
expect_rc 0 "the first run ends well"
grep -q '^.*b.json,ok,' "$TMP/csv.txt" && pass || fail "the first run's CSV came through its FIFO"
[[ $(wc -l <"$TMP/out.jsonl") == 1 ]] && pass || fail "the first run's records are whole"

run batch "$TMP/b.json" --out "$TMP/b.json"
expect_rc 1 "batch --out onto a scenario"

run_bounded batch "$TMP/fifo-net.json" "$TMP/net.fifo" --no-optimize
expect_rc 2 "batch with FIFO inputs"
expect_out '"scenario":"[^"]*fifo-net.json","status":"error","error":"[^"]*fifo-net.json:3:14: error: cannot read file' \
  "a FIFO network is an error record with its position"
expect_out '"scenario":"[^"]*net.fifo","status":"error"' "a FIFO scenario is an error record"

# --timeout S (default 600) is the pool's worker timeout; the pool's own test
# (tests/unit/analysis/test_batch_pool.c) stops a job that never returns. No input can hang a
# worker any more (FIFOs are refused) and a race of a real scenario against a clock would
# assert on time, so here only the option itself is checked.
run batch "$TMP/b.json" --timeout 0 --no-optimize
expect_rc 0 "--timeout 0: no limit"
run batch "$TMP/b.json" --timeout -1
expect_rc 1 "a negative timeout"
run batch --help
expect_out "--timeout S +a scenario still running after S seconds gets an error record" "--timeout in the help"

finish
