#!/usr/bin/env bash
# A regression guard for analysis accuracy: a few rendered songs and melodies with known answers
# (bench/make_test_set.py), with one short song of every family of the second and third composers
# (bench/families.py, bench/songbook.py), built into a dataset and scored with mir_eval
# (bench/score_dataset.py).
# The bounds are looser than README's goals: four short songs are a small sample. bench/ measures
# the full set.
# usage: run_accuracy_regression.sh MUZE_BINARY WORK_DIR
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
muze=$1
work=$2
mkdir -p "$work"
if [ ! -f "$work/set/manifest.json" ]; then
  /usr/bin/python3 "$here/../../bench/make_test_set.py" "$work/set" --songs 4 --melodies 2 --families 1 --songbook 1 --seconds 40 --seed 11
fi
rm -f "$work/data.json"
"$muze" build-dataset --audio_dir "$work/set/audio" --output "$work/data.json" --no_asr
/usr/bin/python3 "$here/../../bench/score_dataset.py" "$work/set" "$work/data.json" --min \
  tempo_acc1=0.75 beat_f=0.8 downbeat_f=0.6 key_exact=0.5 chord_majmin=0.6 section_f3=0.3 section_labels=0.3 f0_raw_pitch=0.8 \
  vocals_accuracy=0.75 vocal_regions_f=0.5
