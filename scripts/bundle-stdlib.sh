#!/usr/bin/env bash
# Builds the stdlib image the runtime embeds (scripts/stdlib-image.js says
# what it holds). The build runs this; a stdlib developer can run it too and
# try the result without a rebuild: JSPACK_STDLIB=<out> build/bin/jspack-runtime app.js
# Usage: scripts/bundle-stdlib.sh [--esbuild PATH] <stdlib-dir> <out>
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
esbuild="$root/node_modules/@esbuild/linux-x64/bin/esbuild"
if [ "${1:-}" = "--esbuild" ]; then esbuild="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; shift 2; fi
[ $# -eq 2 ] || { echo "usage: $0 [--esbuild PATH] <stdlib-dir> <out>" >&2; exit 2; }
lib="$(cd "$1" && pwd)"
out="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
work="$(mktemp -d "${TMPDIR:-/tmp}/jspack-stdlib.XXXXXX")"
trap 'rm -rf "$work"' EXIT
# esbuild resolves every require() of the stdlib once, from the bootstrap:
# npm packages bundled into the stdlib (readable-stream) import Node builtins
# by their npm names, and those resolve to jspack's own modules. Run from /
# so the metafile's paths are absolute minus the slash, wherever lib is.
cd /
"$esbuild" "$lib/internal/bootstrap.js" \
  --alias:buffer="$lib/buffer.js" --alias:events="$lib/events.js" \
  --alias:process="$lib/internal/process/object.js" \
  --alias:string_decoder="$lib/string_decoder.js" \
  --alias:abort-controller="$lib/internal/abort_controller.js" \
  --bundle --format=cjs --platform=neutral --target=es2022 \
  --log-level=warning --metafile="$work/meta.json" --outfile="$work/bundle.js"
exec node "$root/scripts/stdlib-image.js" "$esbuild" "$work/meta.json" "$work" "$out" "$lib"
