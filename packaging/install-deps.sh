#!/usr/bin/env bash
# Installs every Debian package Muze Studio needs to build, run and test. Safe to run again:
# packages already present are left alone, and apt is asked only when something is missing.
# usage: packaging/install-deps.sh [--bench]
# --bench adds what only the benchmarks read: real recordings (Debian's wesnoth-1.16-music, 150 MB).
set -euo pipefail

build=(build-essential cmake ninja-build pkg-config git help2man dpkg-dev)
qt=(qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n libgl-dev fonts-dejavu-core)
engine=(libtorch-dev libgloo-dev libopenblas0-pthread libfftw3-dev
        libavformat-dev libavcodec-dev libavutil-dev libswresample-dev
        libsndfile1-dev librtaudio-dev libqcustomplot-dev libqcustomplot2.1-qt6 nlohmann-json3-dev
        libqm-dsp-dev librubberband-dev libebur128-dev libespeak-ng-dev espeak-ng-data libcurl4-openssl-dev
        libpocketsphinx-dev pocketsphinx-en-us)
tests=(pulseaudio pulseaudio-utils xvfb xauth x11-apps imagemagick
       python3 python3-numpy python3-torchaudio python3-mir-eval
       ffmpeg sox time fluidsynth fluid-soundfont-gm pocketsphinx-testdata lintian)

bench=(wesnoth-1.16-music)

wanted=("${build[@]}" "${qt[@]}" "${engine[@]}" "${tests[@]}")
[ "${1:-}" = "--bench" ] && wanted+=("${bench[@]}")
missing=()
for pkg in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#wanted[@]} packages present"
  exit 0
fi

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "install-deps: installing ${#missing[@]} packages: ${missing[*]}"
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
