#!/usr/bin/env bash
# Runs every test (GoogleTest units, JS stdlib tests, pack-and-run
# integration tests) through CTest. Builds first if anything changed.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${JSPACK_BUILD_DIR:-$PWD/build}
[ -f "$build/build.ninja" ] || { echo "jspack: run scripts/setup.sh first" >&2; exit 1; }
cmake --build "$build"
ctest --test-dir "$build" --output-on-failure -j "$(nproc)" "$@"
