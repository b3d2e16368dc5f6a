#!/usr/bin/env bash
# Configures (once) and builds Muze Studio in build/ with every core. Extra arguments go to CMake's
# configure step, e.g. -DMUZE_SANITIZE=ON or -DTorch_DIR=/opt/libtorch/share/cmake/Torch.
# usage: packaging/build.sh [CMAKE_ARGS...]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${MUZE_BUILD_DIR:-build}
if [ ! -f "$build/build.ninja" ] || [ $# -gt 0 ]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release "$@"
fi
cmake --build "$build" --parallel "$(nproc)"
