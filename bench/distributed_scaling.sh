#!/usr/bin/env bash
# Data-parallel training on one machine: phase 1's VAE at `tiny` trained by one process on all the
# cores, against two ranks (`--world_size 2`), each held to its own half of the cores with taskset,
# on the same combined batch. Reports examples per second from each run's metrics log.
# usage: bench/distributed_scaling.sh BUILD_DIR DATASET.json [STEPS]
set -euo pipefail
build=$(cd "${1:?usage: distributed_scaling.sh BUILD_DIR DATASET.json [STEPS]}" && pwd)
dataset=${2:?usage: distributed_scaling.sh BUILD_DIR DATASET.json [STEPS]}
steps=${3:-200}
muze="$build/app/muze"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cores=$(nproc)
half=$((cores / 2))
[ "$half" -ge 1 ] || { echo "needs two cores or more"; exit 1; }
common=(train --phase 1 --model vae --annotations "$dataset" --max_steps "$steps" --validate_every 100000 --seed 1)

# The mean examples/s of a run's metrics log, from its second line on (the first pays for warming up).
speed() { /usr/bin/python3 -c '
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1]) if "examples_per_s" in l]
rates = [l["examples_per_s"] for l in lines[1:]] or [l["examples_per_s"] for l in lines]
print("%.1f" % (sum(rates) / len(rates)))' "$1"; }

"$muze" "${common[@]}" --out_dir "$work/one" --batch_size 8 > /dev/null 2>&1
port=$((29500 + RANDOM % 1000))
taskset -c "0-$((half - 1))" "$muze" "${common[@]}" --out_dir "$work/two" --batch_size 4 --world_size 2 --rank 0 --master_port "$port" > /dev/null 2>&1 &
taskset -c "$half-$((cores - 1))" "$muze" "${common[@]}" --out_dir "$work/two-rank1" --batch_size 4 --world_size 2 --rank 1 --master_port "$port" > /dev/null 2>&1
wait
one=$(speed "$work/one/vae/metrics.jsonl")
two=$(speed "$work/two/vae/metrics.jsonl")
echo "phase 1 VAE, tiny, $steps steps of 8 examples, $cores cores"
printf '%-44s %8s examples/s\n' "one process, $cores threads" "$one" "two ranks, $half core(s) each (Gloo on 127.0.0.1)" "$two"
/usr/bin/python3 -c "import sys; print('two ranks / one process: %.2f' % (float(sys.argv[2]) / float(sys.argv[1])))" "$one" "$two"
