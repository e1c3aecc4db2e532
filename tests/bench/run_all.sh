#!/usr/bin/env bash
# run_all.sh - every benchmark of the README's "Benchmarks" section, in one go, with the
# commands and settings the README quotes (medians of 5 runs, the peers in the same run):
#   routes    tests/bench/bench_routes.sh 200k (BENCH_REPS=5), three times
#   compare   tests/bench/bench_compare.sh 10k 100k 200k 1M (RUNS=5)
#   load      tests/bench/bench_load.sh 10k 200k 1M (RUNS=5): validate against a bare cJSON parse
#   optimize  tests/bench/bench_optimize.sh 10x100x1 20x500x2 50x1000x5 (twice) and 100x2000x10
#   batch     tests/bench/bench_batch.sh (1,000 baseline variants, --jobs 1 and 2) and
#             tests/bench/bench_batch_scale.sh (100,000 generated variants)
#   sealanes  tests/bench/bench_sealanes.sh
# One Release build (build-bench-all/, with the bench target) serves them all. Writes the
# tables to stdout (and to tests/bench/out/run_all.md); progress to stderr. Takes about 15
# minutes on the 2-core build machine. Nothing is written outside tests/bench/out/ and the
# build folder.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BUILD="${BUILD:-$ROOT/build-bench-all}"
cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DXBR_BENCH=ON -DXBR_TESTS=OFF >/dev/null
cmake --build "$BUILD" -j"$(nproc)" >/dev/null
export XBROUTE="$BUILD/xbroute"
mkdir -p "$ROOT/tests/bench/out"
{
  echo "## routes (three runs)"
  for i in 1 2 3; do BUILD="$BUILD" BENCH_REPS=5 bash "$ROOT/tests/bench/bench_routes.sh" 200k; done
  echo; echo "## compare"
  RUNS=5 bash "$ROOT/tests/bench/bench_compare.sh" 10k 100k 200k 1M
  echo; echo "## load"
  BUILD="$BUILD" RUNS=5 bash "$ROOT/tests/bench/bench_load.sh" 10k 200k 1M
  echo; echo "## optimize (twice)"
  for i in 1 2; do BENCH_TIME_LIMIT=300 bash "$ROOT/tests/bench/bench_optimize.sh" 10x100x1 20x500x2 50x1000x5; done
  BENCH_TIME_LIMIT=600 bash "$ROOT/tests/bench/bench_optimize.sh" 100x2000x10
  echo; echo "## batch"
  bash "$ROOT/tests/bench/bench_batch.sh"
  bash "$ROOT/tests/bench/bench_batch_scale.sh"
  echo; echo "## sea lanes"
  RUNS=5 bash "$ROOT/tests/bench/bench_sealanes.sh"
} | tee "$ROOT/tests/bench/out/run_all.md"
