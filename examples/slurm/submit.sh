#!/bin/bash
# examples/slurm/submit.sh SCENARIOS RESULTS [TASKS] - queues an xbroute batch run over the
# scenario folder SCENARIOS as a job array of TASKS shards (default 16), and its merge as a
# job that runs only when every task has succeeded. Prints the two job ids. CPUS_PER_TASK
# overrides the array script's 4 CPUs per task (each task's batch --jobs); other sbatch options
# (partition, account, time) can go in SBATCH_* environment variables, which sbatch reads
# itself (e.g. SBATCH_PARTITION=short).
set -euo pipefail
if (($# < 2)); then
  echo "usage: $0 SCENARIOS RESULTS [TASKS]" >&2
  exit 1
fi
here=$(cd "$(dirname "$0")" && pwd)
export SCENARIOS=$1 RESULTS=$2
tasks=${3:-16}
mkdir -p "$RESULTS"
array=$(sbatch --parsable --array="1-$tasks" --export=ALL ${CPUS_PER_TASK:+--cpus-per-task="$CPUS_PER_TASK"} \
  --output="$RESULTS/shard.%a.log" "$here/batch-array.sbatch")
array=${array%%;*} # "ID;CLUSTER" on a multi-cluster setup
merge=$(sbatch --parsable --dependency="afterok:$array" --kill-on-invalid-dep=yes \
  --export=ALL --output="$RESULTS/merge.log" "$here/merge.sbatch")
echo "array $array merge ${merge%%;*}"
