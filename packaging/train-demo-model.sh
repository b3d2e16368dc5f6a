#!/usr/bin/env bash
# Trains the demo model that ships in resources/demo-model: General MIDI songs composed by the
# project's own generator (bench/make_test_set.py: known tempo, key, chords and sections), rendered
# with Debian's soundfont, built into a dataset, and every part trained at `tiny` for a fixed number
# of steps (about 90 minutes on an idle 2-core machine). The same script on the same machine gives
# the same weights, bit for bit: every step count, seed and thread count is fixed here.
# usage: packaging/train-demo-model.sh [WORK_DIR]   (default: build/demo-model; resumable: a part
#        whose checkpoint is there is not trained again)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${MUZE_BUILD_DIR:-$root/build}
work=$(mkdir -p "${1:-$build/demo-model}" && cd "${1:-$build/demo-model}" && pwd)
seed=2024
# Steps for each part, at batch 16; the minutes are what they took here on an idle machine.
planner_epochs=200  # 20 seconds
vocoder_steps=2700  # ~14 minutes
vae_steps=2600      # ~15 minutes
ldm_steps=3600      # ~55 minutes
muze="$build/app/muze"
[ -x "$muze" ] || { echo "build first: packaging/build.sh" >&2; exit 1; }

songs="$work/songs"
[ -f "$songs/manifest.json" ] || /usr/bin/python3 "$root/bench/make_test_set.py" "$songs" --songs 40 --melodies 12 --seed "$seed"
dataset="$work/dataset/data.json"
if [ ! -f "$work/dataset/.complete" ]; then
  rm -rf "$work/dataset" && mkdir -p "$work/dataset"
  "$muze" build-dataset --audio_dir "$songs/audio" --output "$dataset" --no_asr
  touch "$work/dataset/.complete"
fi

run="$work/run"
trained() { [ -f "$run/$1/checkpoints/best.safetensors" ] && [ -f "$run/$1/.complete" ]; }
train() {
  local part=$1
  shift
  trained "$part" && return
  rm -rf "${run:?}/$part"
  local start=$SECONDS
  "$muze" train --annotations "$dataset" --out_dir "$run" --batch_size 16 --seed 0 "$@"
  echo "$((SECONDS - start))" > "$run/$part/.complete"
}
train planner --phase 2 --epochs "$planner_epochs"
train vocoder --phase 1 --model vocoder --max_steps "$vocoder_steps"
train vae --phase 1 --model vae --max_steps "$vae_steps"
train ldm --phase 3 --max_steps "$ldm_steps"
