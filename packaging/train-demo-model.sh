#!/usr/bin/env bash
# Trains the demo model that ships in resources/demo-model: General MIDI songs composed by the
# project's own generator (bench/make_test_set.py: known tempo, key, chords and sections), rendered
# with Debian's soundfont, built into a dataset, and every part trained at `tiny` for a fixed number
# of steps (89½ minutes on a busy 2-core machine; the recipe allows 90). The same
# script on the same machine gives the same weights, bit for bit: every step count and seed is fixed
# here, and training is deterministic for a given number of cores. The kernels are pinned below so
# that a processor of another kind makes them too (not yet measured on one).
# usage: packaging/train-demo-model.sh [WORK_DIR]   (default: build/demo-model; resumable: a part
#        whose checkpoint is there is not trained again)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${MUZE_BUILD_DIR:-$root/build}
work=$(mkdir -p "${1:-$build/demo-model}" && cd "${1:-$build/demo-model}" && pwd)
seed=2024
# Steps for each part, at batch 16: the recipe of core/training/Recipe.h, which the studio's guided
# first run trains by. The minutes are what they have taken on 2-core machines, idle and busy.
planner_epochs=200  # a few seconds
vocoder_steps=2700  # 12-29 minutes
vae_steps=4000      # about 17 minutes
ldm_steps=3600      # 30-44 minutes
muze="$build/app/muze"
# OpenBLAS, oneDNN and LibTorch each pick their kernels for the processor they find, and kernels of
# another width add in another order: oneDNN alone, allowed AVX-512, gave other vocoder weights after
# 150 steps than limited to AVX2. Pinned to AVX2, which almost every x86-64 processor of the last ten
# years has, the kernels are the same on any of them; on a 2-core machine the pins cost little speed.
kernels="AVX2 (OPENBLAS_CORETYPE=HASWELL, DNNL_MAX_CPU_ISA=AVX2, ATEN_CPU_CAPABILITY=avx2)"
if grep -qw avx2 /proc/cpuinfo && grep -qw fma /proc/cpuinfo; then
  export OPENBLAS_CORETYPE=HASWELL DNNL_MAX_CPU_ISA=AVX2 ATEN_CPU_CAPABILITY=avx2
else
  kernels="the processor's own (no AVX2: the weights will not match ones trained elsewhere)"
  echo "This processor has no AVX2: training with its own kernels, so the weights will differ from the committed ones." >&2
fi
[ -f "$build/CMakeCache.txt" ] || { echo "build first: packaging/build.sh" >&2; exit 1; }
# The manifest names the commit the weights were trained at, so the programs that train them must be
# built from that commit: from this tree, with nothing in it changed, and built again now.
built_from=$(sed -n 's/^CMAKE_HOME_DIRECTORY:INTERNAL=//p' "$build/CMakeCache.txt")
if [ "$(realpath "$built_from")" != "$root" ]; then
  echo "$build is a build of $built_from, not of $root: set MUZE_BUILD_DIR to a build of this tree." >&2
  exit 1
fi
if [ -n "$(git -C "$root" status --porcelain --untracked-files=no -- . ':!resources/demo-model')" ]; then
  echo "$root has uncommitted changes, so the manifest's commit would not say what trained the weights: commit or stash them first." >&2
  exit 1
fi
cmake --build "$build" --target muze bench_conditioning

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
train vocoder --phase 1 --model vocoder --max_steps "$vocoder_steps" --one_key
train vae --phase 1 --model vae --max_steps "$vae_steps"
train ldm --phase 3 --max_steps "$ldm_steps" --one_key

# What ships: the weights alone (muze export-models), how well they obey what they are asked
# (bench_conditioning, issue "conditioning obeyed"), and a manifest of how they were made.
demo="$root/resources/demo-model"
exported="$work/export"
rm -rf "$exported"
"$muze" export-models --models "$run" --out "$exported" > /dev/null
"$build/bench/bench_conditioning" --models "$exported" --dataset "$dataset" --out "$work/conditioning-listen" > "$exported/conditioning.md" 2> /dev/null
/usr/bin/python3 - "$exported" "$run" "$dataset" "$seed" "$(git -C "$root" rev-parse HEAD)" "$(nproc)" "$kernels" <<'PY'
import hashlib, json, pathlib, sys
exported, run, dataset, seed, commit, cores, kernels = sys.argv[1:]
exported, run = pathlib.Path(exported), pathlib.Path(run)
records = json.load(open(dataset))
records = records["records"] if isinstance(records, dict) else records
parts = {}
for folder in sorted(p for p in exported.iterdir() if p.is_dir()):
    weights = folder / "checkpoints" / "best.safetensors"
    header = json.loads(weights.read_bytes()[8:8 + int.from_bytes(weights.read_bytes()[:8], "little")])["__metadata__"]
    parts[folder.name] = {
        "file": str(weights.relative_to(exported)),
        "sha256": hashlib.sha256(weights.read_bytes()).hexdigest(),
        "bytes": weights.stat().st_size,
        "best_step": int(header["step"]),
        "validation_loss": json.loads(header["validation_loss"]) if "validation_loss" in header else None,
        "training": json.loads(header["training"]),
        "training_seconds": int((run / folder.name / ".complete").read_text()),
    }
manifest = {
    "what": "Muze Studio's demo model: every part at tiny, trained on General MIDI songs composed by bench/make_test_set.py and rendered with Debian's fluid-soundfont-gm",
    "script": "packaging/train-demo-model.sh",
    "seed": int(seed),
    "commit": commit,
    "cores": int(cores),
    "kernels": kernels,
    "songs": len(records),
    "parts": parts,
    "conditioning": "conditioning.md (bench/bench_conditioning.cpp: 24 songs of 20 s asked for tempos across 70-160 BPM and all 24 keys)",
}
(exported / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
PY
# Trained again, the weights should be the committed ones, bit for bit: say whether they are.
if [ -f "$demo/manifest.json" ]; then
  /usr/bin/python3 -c 'import json,sys; old, new = (json.load(open(p))["parts"] for p in sys.argv[1:]);
same = [n for n in new if n in old and old[n]["sha256"] == new[n]["sha256"]];
print("the same weights as before, bit for bit:", ", ".join(same) or "none", "of", ", ".join(new))' "$demo/manifest.json" "$exported/manifest.json"
fi
rm -rf "$demo" && cp -r "$exported" "$demo"
echo "the demo model is in $demo:"
du -sh "$demo"
grep '^| generated' "$demo/conditioning.md"
