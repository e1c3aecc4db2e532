#!/usr/bin/env bash
# test_slurm.sh - the shipped Slurm job array (examples/slurm) on a throwaway single-node
# cluster: munged, slurmctld and slurmd started here, as root, with their configuration, keys,
# state, spool, sockets and logs in a temporary folder; the cluster talks over the loopback
# address only (SlurmctldHost and NodeAddr 127.0.0.1, both daemons bound to it, free ports).
# It submits examples/slurm/submit.sh over a folder of scenarios (4 shards and the merge as a
# job with --dependency=afterok), requeues one task while it runs (after it has recorded a
# scenario, so that its second run must --resume), waits, and asserts that the merged file is
# byte for byte the file of one `xbroute batch` run on this machine. It stops what it started
# and leaves nothing behind. Skips (exit 77) when not root or when the Debian packages slurmctld,
# slurmd, slurm-client and munge are absent, or when the daemons cannot be started here.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

skip() { echo "SKIP: $*"; exit 77; }
[[ $(id -u) == 0 ]] || skip "the daemons of a throwaway cluster need root"
for c in munged munge slurmctld slurmd sbatch squeue scontrol sinfo; do
  command -v "$c" >/dev/null || skip "$c is absent (.ci/setup --test installs munge, slurmctld, slurmd, slurm-client)"
done

C="$TMP/cluster"
mkdir -p "$C/munge" "$C/state" "$C/spool"
chmod 700 "$C" "$C/munge"
export SLURM_CONF="$C/slurm.conf"
started=0
stop_cluster() {
  if [[ $started == 1 ]]; then
    scancel --full --quiet --partition=xbrtest 2>/dev/null || true
    for _ in $(seq 50); do [[ -z $(squeue -h 2>/dev/null) ]] && break; sleep 0.2; done
  fi
  for p in slurmd slurmctld; do
    [[ -f "$C/$p.pid" ]] && kill "$(cat "$C/$p.pid")" 2>/dev/null
  done
  [[ -S "$C/munge/munge.sock" ]] && munged --stop --socket="$C/munge/munge.sock" >/dev/null 2>&1
  for _ in $(seq 50); do
    alive=0
    for p in slurmd slurmctld munged; do
      [[ -f "$C/$p.pid" ]] && kill -0 "$(cat "$C/$p.pid")" 2>/dev/null && alive=1
    done
    [[ $alive == 0 ]] && break
    sleep 0.1
  done
  rm -rf "$TMP"
}
trap stop_cluster EXIT

# ---- the cluster ----
head -c 1024 /dev/urandom >"$C/munge/munge.key"
chmod 600 "$C/munge/munge.key"
munged --force --socket="$C/munge/munge.sock" --key-file="$C/munge/munge.key" \
  --log-file="$C/munged.log" --pid-file="$C/munged.pid" --seed-file="$C/munged.seed" \
  >/dev/null 2>&1 || skip "munged does not start: $(tail -n 3 "$C/munged.log" 2>/dev/null)"
read -r p1 p2 < <(python3 -c '
import socket
s1, s2 = socket.socket(), socket.socket()
s1.bind(("127.0.0.1", 0)); s2.bind(("127.0.0.1", 0))
print(s1.getsockname()[1], s2.getsockname()[1])')
cat >"$SLURM_CONF" <<CONF
ClusterName=xbrtest
SlurmctldHost=$(hostname -s)(127.0.0.1)
SlurmctldPort=$p1
SlurmdPort=$p2
CommunicationParameters=NoCtldInAddrAny,NoInAddrAny
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$C/munge/munge.sock
CredType=cred/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SwitchType=switch/none
MpiDefault=none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MailProg=/bin/true
StateSaveLocation=$C/state
SlurmdSpoolDir=$C/spool
SlurmctldPidFile=$C/slurmctld.pid
SlurmdPidFile=$C/slurmd.pid
SlurmctldLogFile=$C/slurmctld.log
SlurmdLogFile=$C/slurmd.log
JobCompType=jobcomp/none
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
DebugFlags=NO_CONF_HASH
NodeName=xbrnode NodeAddr=127.0.0.1 NodeHostname=xbrnode CPUs=2 State=UNKNOWN
PartitionName=xbrtest Nodes=xbrnode Default=YES MaxTime=INFINITE State=UP
CONF
started=1
slurmctld -f "$SLURM_CONF" >/dev/null 2>&1 || skip "slurmctld does not start"
slurmd -f "$SLURM_CONF" -N xbrnode >/dev/null 2>&1 || skip "slurmd does not start"
up=0
for _ in $(seq 100); do
  if sinfo -h -o %T 2>/dev/null | grep -qx idle; then up=1; break; fi
  sleep 0.2
done
[[ $up == 1 ]] || skip "the node never came up: $(tail -n 3 "$C/slurmctld.log" 2>/dev/null)"
# Loopback only: every socket the two daemons listen on is bound to 127.0.0.1.
if command -v ss >/dev/null; then
  ss -ltnp 2>/dev/null | grep -E "\"(slurmctld|slurmd)\"" >"$C/listen"
  [[ -s "$C/listen" ]] && ! grep -vq "127\.0\.0\.1:" "$C/listen" && pass ||
    fail "the daemons listen beyond the loopback address: $(cat "$C/listen")"
fi

# ---- the scenarios: 8 baseline variants and one broken scenario ----
mkdir -p "$TMP/sweep"
for i in $(seq 11 18); do
  printf '{"name": "v%s", "extends": "%s/scenarios/baseline.json", "changes": [{"op": "scale_links", "mode": "air", "cost": 1.%s}]}\n' \
    "$i" "$SRC" "$i" >"$TMP/sweep/v$i.json"
done
printf '{"name": "broken", "extends": "%s/scenarios/baseline.json", "review_days": -1}\n' "$SRC" \
  >"$TMP/sweep/broken.json"
cd "$TMP"
run batch sweep --out "$TMP/single.jsonl"
expect_rc 2 "the single run (one broken scenario)"
[[ $(wc -l <"$TMP/single.jsonl") == 9 ]] && pass || fail "the single run holds 9 records"

# ---- the job array, a requeue, the merge ----
XBROUTE="$XBR" CPUS_PER_TASK=1 bash "$SRC/examples/slurm/submit.sh" sweep results 4 >"$out" 2>"$err"
rc=$?
expect_rc 0 "submit.sh"
read -r _ array _ merge <"$out"
[[ -n "$array" && -n "$merge" ]] && pass || fail "submit.sh prints the two job ids"
# Requeue task 2 once it has recorded a scenario and is still running.
requeued=0
for _ in $(seq 600); do
  state=$(squeue -h -j "${array}_2" -o %T 2>/dev/null)
  if [[ $state == RUNNING && -s results/shard.2.jsonl.partial ]]; then
    scontrol requeue "${array}_2" && requeued=1
    break
  fi
  [[ -z $state && -f results/shard.2.jsonl ]] && break # finished before it could be caught
  sleep 0.1
done
[[ $requeued == 1 ]] && pass || fail "task 2 was requeued while running"
# A requeued job waits for a begin time some minutes ahead; let it start as soon as it is
# pending again.
if [[ $requeued == 1 ]]; then
  for _ in $(seq 100); do
    [[ $(squeue -h -j "${array}_2" -o %T 2>/dev/null) == PENDING ]] && break
    sleep 0.1
  done
  scontrol update JobId="${array}_2" StartTime=now >/dev/null 2>&1 || true
fi
for _ in $(seq 1200); do
  [[ -z $(squeue -h 2>/dev/null) ]] && break
  sleep 0.25
done
[[ -z $(squeue -h 2>/dev/null) ]] && pass || fail "the jobs finished within 5 minutes"
[[ -f results/all.jsonl ]] && pass || fail "the merge job wrote all.jsonl: $(cat results/merge.log 2>/dev/null)"
cmp -s results/all.jsonl "$TMP/single.jsonl" && pass ||
  fail "the merged array differs from the single run: $(diff results/all.jsonl "$TMP/single.jsonl" | head -5)"
grep -q "xbroute merge: 9 records from 4 shard files; 1 scenarios failed" results/merge.log &&
  pass || fail "the merge log: $(cat results/merge.log 2>/dev/null)"
if [[ $requeued == 1 ]]; then
  grep -q "scenarios already recorded" results/shard.2.log && pass ||
    fail "the requeued task resumed: $(cat results/shard.2.log)"
fi
[[ $(ls results/*.partial 2>/dev/null | wc -l) == 0 ]] && pass || fail "no journal left behind"
finish
