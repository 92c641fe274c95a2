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
# undici (fetch) names the builtins it uses as node:X; each resolves to
# jspack's module. http, tls and http2 go through small bridges in
# internal/fetch/ that look the builtin up when undici first asks for it.
node_aliases=()
for m in assert async_hooks buffer console crypto diagnostics_channel dns \
         events net perf_hooks querystring stream string_decoder url util \
         worker_threads zlib; do
  node_aliases+=("--alias:node:$m=$lib/$m.js")
done
node_aliases+=("--alias:node:util/types=$lib/internal/util/types.js")
for m in http http2 tls; do
  node_aliases+=("--alias:node:$m=$lib/internal/fetch/builtin_$m.js")
done
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
  "${node_aliases[@]}" \
  --bundle --format=cjs --platform=neutral --target=es2022 \
  --log-level=warning --metafile="$work/meta.json" --outfile="$work/bundle.js"
# Not exec: the EXIT trap must still remove $work (8 MB per build).
node "$root/scripts/stdlib-image.js" "$esbuild" "$work/meta.json" "$work" "$out" "$lib"
