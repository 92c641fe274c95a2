#!/usr/bin/env bash
# Instructions per request of an HTTP server, counted by callgrind: a number
# that, unlike req/s on a shared 2-core machine, moves by about 1% between
# runs of one build, so small changes to the request path can be compared.
#   bench/http/icount.sh [warm=40000] [requests=20000] [binary...]
# Each binary (default: build/bin/jspack-runtime APP) runs under valgrind
# with instrumentation off; h2load sends `warm` keep-alive GETs (64
# connections) so that the JIT settles, then instrumentation is on for
# `requests` more. Prints the main thread's user-space instructions per
# request, and all threads' (V8's compiler and GC threads add to the
# latter, unevenly). APP (default bench/http/hello-buffer.js) is the server
# the runtime runs; a packed binary given instead runs as it is, and must
# listen on $PORT. KEEP=DIR keeps each callgrind file there, for
# callgrind_annotate; JSPACK_V8_FLAGS=--perf-basic-prof then also writes
# /tmp/perf-PID.map, which names the JIT's code addresses in it.
# Needs valgrind, h2load (Debian's nghttp2-client) and curl.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
warm=${1:-40000}
requests=${2:-20000}
shift $(( $# > 2 ? 2 : $# ))
app=${APP:-$here/hello-buffer.js}
for tool in valgrind callgrind_control h2load curl; do
  command -v "$tool" >/dev/null ||
    { echo "$tool is not installed (apt-get install -y valgrind nghttp2-client curl)" >&2; exit 1; }
done
[ $# -gt 0 ] || set -- "$root/build/bin/jspack-runtime"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
port=${PORT:-8391}

for bin in "$@"; do
  bin=$(realpath "$bin")
  args=("$bin")
  case $(basename "$bin") in jspack-runtime*) args+=("$app") ;; esac
  out=$tmp/cg.out
  (cd "$tmp" && PORT=$port exec valgrind --tool=callgrind --separate-threads=yes \
      --smc-check=all-non-file --instr-atstart=no --callgrind-out-file="$out" \
      "${args[@]}") > "$tmp/server.log" 2>&1 &
  pid=$!
  for _ in $(seq 300); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.2; done
  h2load --h1 -n "$warm" -c 64 -m 1 "http://127.0.0.1:$port/" > /dev/null 2>&1
  callgrind_control -i on "$pid" > /dev/null 2>&1
  if ! h2load --h1 -n "$requests" -c 64 -m 1 "http://127.0.0.1:$port/" 2>&1 |
      grep -q "$requests succeeded"; then
    echo "$bin: not all $requests requests succeeded" >&2
  fi
  callgrind_control -i off "$pid" > /dev/null 2>&1
  callgrind_control -d "$pid" > /dev/null 2>&1
  sleep 1
  kill "$pid"; wait "$pid" 2>/dev/null || true
  # The dump after the run is part 1; thread 1 is the main thread.
  main=$(awk '/^totals:/ {s += $2} END {print s + 0}' "$out".1-01)
  all=$(cat "$out".1-* | awk '/^totals:/ {s += $2} END {print s + 0}')
  printf '%-40s %8d instructions/request (all threads %d)\n' "$(basename "$bin")" \
    "$((main / requests))" "$((all / requests))"
  if [ -n "${KEEP:-}" ]; then
    mkdir -p "$KEEP"
    cp "$out".1-01 "$KEEP/$(basename "$bin").callgrind"
  fi
  rm -f "$out"*
done
