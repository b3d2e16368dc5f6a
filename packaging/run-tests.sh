#!/usr/bin/env bash
# Installs what is missing, builds Release and runs the whole test suite with CTest. Extra
# arguments go to ctest, e.g. packaging/run-tests.sh -L unit, or -R test_logmel.
# The playback and GUI tests start their own PulseAudio server with a null sink; no sound card
# or display is needed.
set -euo pipefail
cd "$(dirname "$0")/.."
packaging/install-deps.sh
packaging/build.sh
cd "${MUZE_BUILD_DIR:-build}"
ctest --output-on-failure --parallel "$(nproc)" "$@"
