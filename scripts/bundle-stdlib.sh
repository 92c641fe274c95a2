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
lib="$(cd "$1" && pwd)"
# npm packages bundled into the stdlib (readable-stream) import Node builtins
# by their npm names; those resolve to jspack's own modules. Whitespace and
# syntax are minified (names are kept): the source lives in every snapshot,
# and its size is start-up time.
exec "$esbuild" "$lib/internal/bootstrap.js" \
  --alias:buffer="$lib/buffer.js" --alias:events="$lib/events.js" \
  --alias:process="$lib/internal/process/object.js" \
  --alias:string_decoder="$lib/string_decoder.js" \
  --alias:abort-controller="$lib/internal/abort_controller.js" \
  --bundle --format=iife --global-name=jspackHooks \
  --platform=neutral --target=es2022 --keep-names --charset=ascii \
  --minify-whitespace --minify-syntax \
  '--footer:js=return jspackHooks;' \
  --log-level=warning --outfile="$2"
