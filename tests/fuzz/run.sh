#!/usr/bin/env bash
# tests/fuzz/run.sh BUILD_DIR SECONDS [TARGET...] - runs each libFuzzer target of BUILD_DIR (a
# clang build with -DXBR_FUZZ=ON) for SECONDS, one process at a time, niced, on a corpus in
# BUILD_DIR/fuzz-corpus/TARGET seeded from the repository (README "Reliability": fuzzing);
# prints each target's final coverage (edges) and exits non-zero at the first crash, leak or
# sanitizer report (the reproducer is left in BUILD_DIR/fuzz-artifacts/).
set -euo pipefail
src="$(cd "$(dirname "$0")/../.." && pwd)"
build="$1"
secs="$2"
shift 2
targets=("$@")
((${#targets[@]})) || targets=(fuzz_load fuzz_scenario fuzz_batch_record)
suite="$src/tests/data/JSONTestSuite/test_parsing"

seeds() { # the seed files of a target, one a line
  case "$1" in
  fuzz_load)
    ls "$src"/networks/*.json "$src"/tests/data/good/net_*.json "$src"/tests/data/bad/n_*.json \
      "$src"/tests/data/*/*network*.json "$suite"/*.json ;;
  fuzz_scenario)
    ls "$src"/scenarios/*.json "$src"/tests/data/good/scn_*.json "$src"/tests/data/bad/s_*.json \
      "$src"/tests/data/*/*scenario*.json "$suite"/*.json ;;
  fuzz_batch_record)
    ls "$src"/tests/fuzz/seeds/records.jsonl "$suite"/*.json ;;
  esac
}

mkdir -p "$build/fuzz-artifacts"
for t in "${targets[@]}"; do
  corpus="$build/fuzz-corpus/$t"
  mkdir -p "$corpus"
  seeds "$t" 2>/dev/null | grep -v schema.json | while read -r f; do
    cp "$f" "$corpus/seed-$(basename "$(dirname "$f")")-$(basename "$f")"
  done
  log="$build/fuzz-$t.log"
  echo "== $t: ${secs}s on $(ls "$corpus" | wc -l) inputs"
  # -max_len 64 KiB: the shipped network (larger) is a seed, cut to that length when mutated.
  if ! ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    nice "$build/$t" -max_total_time="$secs" -max_len=65536 -timeout=20 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$build/fuzz-artifacts/$t-" "$corpus" >"$log" 2>&1; then
    tail -60 "$log"
    echo "== $t: FAILED (log $log)"
    exit 1
  fi
  grep -E "^#[0-9]+.*(DONE|pulse)" "$log" | tail -1
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$log"
done
