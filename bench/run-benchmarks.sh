#!/usr/bin/env bash
# Runs every benchmark on this machine and prints the figures README quotes.
# usage: bench/run-benchmarks.sh BUILD_DIR [decode|logmel|gui|library|dataset|memory|families|songbook|keys|real|training|generation|distributed|vocoder|conditioning]...
#        (default: all but vocoder, which trains for 30 minutes, conditioning, which measures the demo model
#        that packaging/train-demo-model.sh trains, and real, which needs packaging/install-deps.sh --bench;
#        the `bench` target passes its own build folder)
# Test audio: a three-minute song rendered by fluidsynth (bench/make_song.py), in every format; and
# for the dataset, the accuracy test set (bench/make_test_set.py: 40 songs and 12 melodies with
# known answers). Run it on an otherwise idle machine: the figures are wall-clock speeds.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:?usage: run-benchmarks.sh BUILD_DIR [decode|logmel|gui|library|dataset|memory|families|songbook|keys|real|training|generation|distributed|vocoder|conditioning]...}" && pwd)
shift
parts=${*:-decode logmel gui library dataset memory families songbook keys training generation distributed}
data="$build/bench/data"
mkdir -p "$data"
wanted() { [[ " $parts " == *" $1 "* ]]; }
# The accuracy sets, rendered once: the first composer's songs and melodies, the second's families
# (and a second and third draw of them, measured only), and the third's songbook.
first_set="$data/test-set"
families_set="$data/families-set"
families_second_draw="$data/families-second-draw"
families_third_draw="$data/families-third-draw"
songbook_set="$data/songbook-set"
render_sets() {
  [ -f "$first_set/manifest.json" ] || /usr/bin/python3 "$here/make_test_set.py" "$first_set" --songs 40 --melodies 12 --seed 2024
  [ -f "$families_set/manifest.json" ] || /usr/bin/python3 "$here/make_test_set.py" "$families_set" --songs 0 --melodies 0 --families 9 --seed 77
  [ -f "$families_second_draw/manifest.json" ] || /usr/bin/python3 "$here/make_test_set.py" "$families_second_draw" --songs 0 --melodies 0 --families 9 --seed 78
  [ -f "$families_third_draw/manifest.json" ] || /usr/bin/python3 "$here/make_test_set.py" "$families_third_draw" --songs 0 --melodies 0 --families 9 --seed 79
  [ -f "$songbook_set/manifest.json" ] || /usr/bin/python3 "$here/make_test_set.py" "$songbook_set" --songs 0 --melodies 0 --songbook 8 --seed 91
}

if [ ! -f "$data/.complete" ]; then
  /usr/bin/python3 "$here/make_song.py" "$data/song.wav" --seconds 180 --bpm 124 --key A --minor --seed 3
  ff() { ffmpeg -nostdin -hide_banner -loglevel error -y -i "$data/song.wav" "$@"; }
  ff -c:a flac "$data/song.flac"
  ff -c:a libmp3lame -b:a 192k "$data/song.mp3"
  ff -c:a libvorbis -q:a 5 "$data/song.ogg"
  ff -ar 48000 -c:a libopus -b:a 128k "$data/song.opus"
  ff -c:a aac -b:a 192k "$data/song.m4a"
  touch "$data/.complete"
fi

if wanted decode; then
  echo "== decoding to 32 kHz mono float (best of 3) =="
  "$build/bench/bench_decode" --runs 3 "$data"/song.{wav,flac,mp3,ogg,opus,m4a}
  echo
fi

if wanted logmel; then
  echo "== log-mel of a 3-minute song: sr 32000, n_fft 1024, hop 320, 128 mels, dB (best of 5) =="
  cpp=$("$build/bench/bench_logmel" "$data/song.mp3" --runs 5 --dump "$data/song-32k-mono.f32")
  torch=$(/usr/bin/python3 "$here/torchaudio_logmel.py" "$data/song-32k-mono.f32" --runs 5)
  echo "muze (C++):  $cpp"
  echo "torchaudio:  $torch"
  /usr/bin/python3 - "$cpp" "$torch" <<'PY'
import json, sys
cpp, torch = (json.loads(a) for a in sys.argv[1:3])
assert cpp["frames"] == torch["frames"], "the two paths produced different frame counts"
print(f"muze {cpp['audio_seconds'] / cpp['best_seconds']:.0f}x real time, torchaudio "
      f"{torch['audio_seconds'] / torch['best_seconds']:.0f}x; "
      f"ratio (torchaudio time / muze time) = {torch['best_seconds'] / cpp['best_seconds']:.2f}")
PY
  echo
fi

if wanted gui; then
  echo "== the GUI thread while a ten-minute MP3 loads (goal: no gap over 50 ms) =="
  # The responsiveness test measures it; ctest brings up the fixtures it needs.
  ctest --test-dir "$build" -R '^test_gui_responsiveness$' -V | grep -o 'loaded .*gap [0-9]* ms'
  echo
fi

if wanted library; then
  echo "== the Library at 10,000 tracks =="
  QT_QPA_PLATFORM=offscreen "$build/bench/bench_library" 10000
  echo
  echo "== the Train page with a 100,000-step run =="
  QT_QPA_PLATFORM=offscreen "$build/bench/bench_train_page" 100000
  echo
  echo "== the Compose page while it generates (goal: no stall over 50 ms) =="
  QT_QPA_PLATFORM=offscreen "$build/bench/bench_compose_page"
  echo
fi

if wanted dataset; then
  render_sets
  set_dir=$first_set
  seconds=$(/usr/bin/python3 -c "import json,subprocess,sys; print(sum(float(subprocess.check_output(['ffprobe','-v','error','-show_entries','format=duration','-of','csv=p=0','$set_dir/'+i['audio']]).decode()) for i in json.load(open('$set_dir/manifest.json'))))")
  for mode in no_asr asr; do
    out="$data/dataset-$mode"
    rm -rf "$out" && mkdir -p "$out"
    flag=$([ $mode = no_asr ] && echo --no_asr || true)
    start=$(date +%s.%N)
    "$build/app/muze" build-dataset --audio_dir "$set_dir/audio" --output "$out/data.json" $flag 2>/dev/null
    end=$(date +%s.%N)
    /usr/bin/python3 -c "print(f'== dataset build, {\"without\" if \"$mode\" == \"no_asr\" else \"with\"} ASR, $(nproc) jobs: {$seconds:.0f} s of audio in {$end - $start:.1f} s = {$seconds / ($end - $start):.1f}x real time ==')"
  done
  echo
  echo "== accuracy on the test set (mir_eval), the build without ASR =="
  /usr/bin/python3 "$here/score_dataset.py" "$set_dir" "$data/dataset-no_asr/data.json"
fi

if wanted memory; then
  echo "== peak memory of one analysis (--jobs 1) by song length: the bench song looped =="
  # The figures AnalysisJobs.cpp's estimate comes from: the builder runs no more songs at once than fit.
  for seconds in 10 300 1799; do
    dir="$data/memory-$seconds"
    rm -rf "$dir" && mkdir -p "$dir/songs" "$dir/out"
    ffmpeg -nostdin -hide_banner -loglevel error -y -stream_loop -1 -i "$data/song.ogg" -t "$seconds" -c:a libvorbis -q:a 5 "$dir/songs/long.ogg"
    /usr/bin/time -f "%M %e" -o "$dir/usage" "$build/app/muze" build-dataset --audio_dir "$dir/songs" \
      --output "$dir/out/dataset.json" --jobs 1 --no_asr 2>/dev/null
    read -r kib wall < "$dir/usage"
    printf '%5d s of audio: peak %5d MiB resident, %6.1f s\n' "$seconds" $((kib / 1024)) "$wall"
  done
  echo
  echo "== the Listen page and the Library's detail panel with the 30-minute song =="
  QT_QPA_PLATFORM=offscreen "$build/bench/bench_song_memory" "$data/memory-1799/songs/long.ogg"
  echo
fi

# Analyses a rendered set and scores it against its truth.
score_set() {
  local set_dir=$1 out=$2
  rm -rf "$out" && mkdir -p "$out"
  "$build/app/muze" build-dataset --audio_dir "$set_dir/audio" --output "$out/data.json" --no_asr 2>/dev/null
  /usr/bin/python3 "$here/score_dataset.py" "$set_dir" "$out/data.json"
}

if wanted families; then
  # The second composer's families (bench/families.py): tuned on one half, the other held out.
  render_sets
  echo "== accuracy by family (mir_eval): 9 songs of each of 12 families =="
  score_set "$families_set" "$data/dataset-families"
  echo
  echo "== the same families, a second draw (--seed 78) that nothing was tuned or chosen on =="
  score_set "$families_second_draw" "$data/dataset-families-second-draw"
  echo
  echo "== a third draw (--seed 79), first measured after the slow songs' beat level was settled =="
  score_set "$families_third_draw" "$data/dataset-families-third-draw"
  echo
fi

if wanted songbook; then
  # The third composer (bench/songbook.py): never tuned on, only measured.
  render_sets
  echo "== accuracy on the third composer's songs (mir_eval): 8 songs of each of 8 families =="
  score_set "$songbook_set" "$data/dataset-songbook"
  echo
fi

if wanted keys; then
  # Where the key detector's weights come from: its evidence for every song with a key, fitted on the
  # tuning half (the first set and the tuning families), each tuning family left out in turn.
  render_sets
  for set_dir in "$first_set" "$families_set" "$songbook_set"; do
    /usr/bin/python3 -c "import json,sys; [print(sys.argv[1] + '/' + i['audio']) for i in json.load(open(sys.argv[1] + '/manifest.json')) if i['kind'] != 'melody']" "$set_dir" |
      xargs "$build/bench/bench_key_evidence" > "$set_dir/key-evidence.jsonl"
  done
  echo "== the key detector's evidence, weighed on the tuning half (bench/key_methods.py) =="
  /usr/bin/python3 "$here/key_methods.py" "$first_set/key-evidence.jsonl" "$families_set/key-evidence.jsonl" "$songbook_set/key-evidence.jsonl"
  echo
fi

if wanted real; then
  # Real recordings have no ground truth: agreement with qm-dsp's own detectors, disagreements listed.
  music=/usr/share/games/wesnoth/1.16/data/core/music
  [ -d "$music" ] || { echo "the real part needs Debian's wesnoth-1.16-music: packaging/install-deps.sh --bench" >&2; exit 1; }
  out="$data/dataset-real"
  rm -rf "$out" && mkdir -p "$out"
  "$build/app/muze" build-dataset --audio_dir "$music" --output "$out/data.json" --no_asr 2>/dev/null
  (cd "$here" && /usr/bin/python3 real_music.py "$build" "$out/data.json" "$music")
  echo
fi

if wanted training; then
  echo "== training steps, C++ against Python (python3-torch), same architectures and threads =="
  "$build/bench/bench_training_speed" "$here/torch_training_speed.py"
  echo "== memory a training step keeps for its backward pass, measured against muze models' estimate =="
  "$build/bench/bench_training_memory"
  echo
fi

if wanted generation; then
  echo "== generation speed: a 30 s song, sampler, VAE decoder and vocoder =="
  "$build/bench/bench_generation"
  echo
fi

if wanted distributed; then
  dataset="$data/dataset-no_asr/data.json"
  [ -f "$dataset" ] || { echo "run the dataset part first: the ranks train on its build" >&2; exit 1; }
  echo "== data-parallel training: two ranks on this machine against one process =="
  "$here/distributed_scaling.sh" "$build" "$dataset"
  echo
fi

if wanted vocoder; then
  set_dir="$data/test-set"
  dataset="$data/dataset-no_asr/data.json"
  [ -f "$dataset" ] || { echo "run the dataset part first: the vocoder trains on its build" >&2; exit 1; }
  run="$data/vocoder-run"
  rm -rf "$run"
  echo "== the tiny vocoder after 30 minutes of training, against Griffin-Lim on held-out songs =="
  "$build/app/muze" train --phase 1 --model vocoder --annotations "$dataset" --out_dir "$run" --batch_size 16 \
    --max_minutes 30 --max_steps 4400 --validate_every 500 2>/dev/null
  "$build/bench/bench_vocoder" "$dataset" "$run/vocoder/checkpoints/best.safetensors" "$data/vocoder-listen" --seconds 10
fi

if wanted conditioning; then
  # The demo model is the recipe's result: packaging/train-demo-model.sh trains it (every part at tiny
  # on the first bench set, in fixed steps) and writes these figures beside it, in conditioning.md.
  model="$here/../resources/demo-model"
  dataset="$data/dataset-no_asr/data.json"
  [ -f "$dataset" ] || { echo "run the dataset part first: the ceiling is measured on its songs" >&2; exit 1; }
  echo "== conditioning obeyed by the demo model: 24 songs of 20 s at asked tempos and keys, analysed by the dataset analyzer =="
  "$build/bench/bench_conditioning" --models "$model" --dataset "$dataset" --out "$data/conditioning-listen" 2>/dev/null
fi
