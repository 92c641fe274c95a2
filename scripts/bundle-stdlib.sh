#!/usr/bin/env bash
# Bundles a stdlib folder into the one script the runtime evaluates. The build
# runs this; a stdlib developer can run it too and try the result without a
# rebuild: JSPACK_STDLIB=<out> build/bin/jspack run app.js
# Usage: scripts/bundle-stdlib.sh [--esbuild PATH] <stdlib-dir> <out.js>
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
esbuild="$root/node_modules/@esbuild/linux-x64/bin/esbuild"
if [ "${1:-}" = "--esbuild" ]; then esbuild="$2"; shift 2; fi
[ $# -eq 2 ] || { echo "usage: $0 [--esbuild PATH] <stdlib-dir> <out.js>" >&2; exit 2; }
exec "$esbuild" "$1/internal/bootstrap.js" \
  --bundle --format=iife --global-name=jspackHooks \
  --platform=neutral --target=es2022 --keep-names --charset=ascii \
  '--footer:js=return jspackHooks;' \
  --log-level=warning --outfile="$2"
