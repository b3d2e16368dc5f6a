#!/usr/bin/env bash
# Builds Release and makes the Debian package of muze and muze-studio in build/package/.
# usage: packaging/build-deb.sh
set -euo pipefail
cd "$(dirname "$0")/.."
packaging/install-deps.sh
packaging/build.sh
build=${MUZE_BUILD_DIR:-build}
cpack --config "$build/CPackConfig.cmake" -B "$build/package" > /dev/null
ls "$build"/package/*.deb
