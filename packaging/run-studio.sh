#!/usr/bin/env bash
# Installs what is missing, builds Release and starts Muze Studio. Arguments go to the studio,
# e.g. packaging/run-studio.sh ~/Music/song.mp3 --play
set -euo pipefail
cd "$(dirname "$0")/.."
packaging/install-deps.sh
packaging/build.sh
exec "${MUZE_BUILD_DIR:-build}/app/muze-studio" "$@"
