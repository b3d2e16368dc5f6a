#!/usr/bin/env bash
# Draws the application icon, muze-studio.png, beside this script: a waveform of rounded bars,
# blue then orange, on a dark rounded square. Needs ImageMagick.
set -euo pipefail
cd "$(dirname "$0")"
bar() { echo "roundrectangle $1,$2 $(($1 + 16)),$3 8,8"; }
convert -size 256x256 xc:none \
  -fill '#1c1e22' -draw 'roundrectangle 8,8 247,247 48,48' \
  -fill '#46a0f0' -draw "$(bar 40 112 144)" -draw "$(bar 68 84 172)" -draw "$(bar 96 56 200)" -draw "$(bar 124 92 164)" \
  -fill '#f57d15' -draw "$(bar 152 68 188)" -draw "$(bar 180 100 156)" -draw "$(bar 208 116 140)" \
  muze-studio.png
