#!/usr/bin/env bash
# Hello-world HTTP benchmark: jspack vs node, rounds interleaved.
# Prints requests/s, p99 latency and server CPU time per request for each
# round, then the median ratio jspack/node.
#   bench/http/run.sh [rounds=5] [seconds=5] [connections=64] [threads=1]
# JSPACK (default build/bin/jspack-runtime) and NODE (default node) pick the
# binaries; APP (default bench/http/hello.js) the server. BUN=/path/to/bun
# adds a third server, `bun APP`, to every round, and the jspack/bun ratios.
# PIN=1 runs the server on CPU 0 and wrk on CPU 1 (taskset), so that the two
# do not take each other's core: steadier for an A/B of two builds.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
rounds=${1:-5}
secs=${2:-5}
conns=${3:-64}
threads=${4:-1}
jspack=${JSPACK:-$root/build/bin/jspack-runtime}
node=${NODE:-node}
app=${APP:-$here/hello.js}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
hz=$(getconf CLK_TCK)
pin_server=()
pin_client=()
if [ "${PIN:-0}" = 1 ]; then
  pin_server=(taskset -c 0)
  pin_client=(taskset -c 1)
fi

# one <name> <binary>: starts the server, runs wrk, prints "name rps p99_ms cpu_us_per_req rss_kb".
one() {
  local name=$1 bin=$2
  "${pin_server[@]}" "$bin" "$app" > "$tmp/port" &
  local pid=$!
  for _ in $(seq 50); do [ -s "$tmp/port" ] && break; sleep 0.05; done
  local port; port=$(head -1 "$tmp/port")
  wrk -t1 -c"$conns" -d1s "http://127.0.0.1:$port/" > /dev/null   # warm-up
  local before; before=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  "${pin_client[@]}" wrk -t"$threads" -c"$conns" -d"${secs}s" --latency "http://127.0.0.1:$port/" > "$tmp/wrk"
  local after; after=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  local rss; rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -f "$tmp/port"
  local total; total=$(awk '/requests in/ {print $1}' "$tmp/wrk")
  local rps; rps=$(awk '/Requests\/sec/ {print $2}' "$tmp/wrk")
  local p99; p99=$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; print v}' "$tmp/wrk")
  local cpu; cpu=$(awk -v t="$((after - before))" -v n="$total" -v hz="$hz" 'BEGIN {printf "%.2f", t / hz * 1e6 / n}')
  echo "$name $rps $p99 $cpu $rss"
}

printf '%-7s %-6s %12s %9s %14s %9s\n' round server 'req/s' 'p99 ms' 'CPU us/req' 'RSS KB'
for r in $(seq "$rounds"); do
  for who in node jspack ${BUN:+bun}; do
    case $who in
      node) line=$(one node "$node") ;;
      jspack) line=$(one jspack "$jspack") ;;
      bun) line=$(one bun "$BUN") ;;
    esac
    echo "$r $line" >> "$tmp/all"
    read -r _ n rps p99 cpu rss <<< "$r $line"
    printf '%-7s %-6s %12s %9s %14s %9s\n' "$r" "$n" "$rps" "$p99" "$cpu" "$rss"
  done
done
python3 - "$tmp/all" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
by = {}
for r, who, rps, p99, cpu, rss in rows:
    by.setdefault(r, {})[who] = (float(rps), float(p99), float(cpu), float(rss))
for peer in ('node', 'bun'):
    if not all(peer in v for v in by.values()):
        continue
    q = sorted(v['jspack'][0] / v[peer][0] for v in by.values())
    c = sorted(v['jspack'][2] / v[peer][2] for v in by.values())
    m = sorted(v['jspack'][3] / v[peer][3] for v in by.values())
    print(f"jspack/{peer} req/s: median {statistics.median(q):.2f}x (min {q[0]:.2f}x, max {q[-1]:.2f}x); "
          f"CPU per request: median {statistics.median(c):.2f}x; RSS: median {statistics.median(m):.2f}x")
PY
