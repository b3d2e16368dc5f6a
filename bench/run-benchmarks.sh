#!/usr/bin/env bash
# Runs every benchmark on this machine and prints the figures README quotes.
# usage: bench/run-benchmarks.sh BUILD_DIR    (the `bench` target passes its own)
# Test audio: a three-minute song rendered by fluidsynth (bench/make_song.py), in every format.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:?usage: run-benchmarks.sh BUILD_DIR}" && pwd)
data="$build/bench/data"
mkdir -p "$data"

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

echo "== decoding to 32 kHz mono float (best of 3) =="
"$build/bench/bench_decode" --runs 3 "$data"/song.{wav,flac,mp3,ogg,opus,m4a}

echo
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
