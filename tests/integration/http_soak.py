#!/usr/bin/env python3
"""A packed http server under repeated 100,000-request runs keeps its RSS
flat (no per-request or per-connection leak).

  http_soak.py --jspack J --tmp T [--rounds 5] [--requests 100000]

The server (http-soak/server.js) is packed with --libs=system and driven by
Node's own http client run by node: 64 concurrent keep-alive requests, GETs
and POSTs with bodies, every 50th request with `Connection: close` so
sockets come and go too. After each round the server reports its RSS. The
first two rounds are warm-up (V8's heap and the allocator grow to their
working size: RSS levels off in the third or fourth round); from the third
round's RSS to the last one's, growth must stay under 4 MB, about 20 bytes
a request. Exit 77: skipped (no node).
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

from run_case import BASE_ENV, SKIP, Failure, pack, read_line_with_timeout

HERE = os.path.dirname(os.path.abspath(__file__))
LIMIT_KB = 4096
WARMUP_ROUNDS = 2

CLIENT = r"""
const http = require('http');
const [port, total] = process.argv.slice(1).map(Number);
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
let sent = 0, done = 0, bad = 0;
function one() {
  if (sent >= total) return;
  const n = sent++;
  const post = n % 3 === 0;
  const headers = { 'x-at': String(n) };
  if (n % 50 === 0) headers.connection = 'close';
  const req = http.request({ host: '127.0.0.1', port, agent, headers,
                             method: post ? 'POST' : 'GET', path: post ? '/upload' : `/item/${n}` }, (res) => {
    let body = '';
    res.setEncoding('utf8');
    res.on('data', (d) => { body += d; });
    res.on('end', () => {
      const want = post ? '{"received":300}' : `{"id":"${n}","tags":["a","b"],"at":"${n}"}`;
      if (res.statusCode !== 200 || body !== want) bad++;
      done++;
      if (done === total) {
        agent.destroy();
        console.log(JSON.stringify({ done, bad }));
      } else {
        one();
      }
    });
  });
  req.on('error', (err) => { console.error(err); process.exit(1); });
  req.end(post ? 'x'.repeat(300) : undefined);
}
for (let i = 0; i < 64; i++) one();
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jspack", required=True)
    ap.add_argument("--tmp", default=None)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--requests", type=int, default=100000)
    a = ap.parse_args()
    node = shutil.which("node")
    if node is None:
        print("skipped: node is not on PATH (it runs the client)")
        return SKIP
    if a.tmp:
        os.makedirs(a.tmp, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="http-soak-", dir=a.tmp)
    server = None
    try:
        exe = pack(a.jspack, os.path.join(HERE, "http-soak", "server.js"),
                   os.path.join(tmp, "server"), ["--libs=system"])
        server = subprocess.Popen([exe], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, env=BASE_ENV)
        port = read_line_with_timeout(server, 20).decode().strip()
        if not port.isdigit():
            raise Failure(f"the server printed {port!r} instead of its port")
        rss = []
        for r in range(a.rounds):
            proc = subprocess.run([node, "-e", CLIENT, port, str(a.requests)],
                                  capture_output=True, text=True, timeout=600)
            if proc.returncode != 0 or proc.stdout.strip() != f'{{"done":{a.requests},"bad":0}}':
                raise Failure(f"round {r + 1}: client exit {proc.returncode}, "
                              f"stdout {proc.stdout.strip()!r}, stderr {proc.stderr[-800:]!r}")
            server.stdin.write(b"rss\n")
            server.stdin.flush()
            kb = read_line_with_timeout(server, 20).decode().strip()
            if not kb.isdigit():
                raise Failure(f"round {r + 1}: the server printed {kb!r} instead of its RSS")
            rss.append(int(kb))
            print(f"round {r + 1}: {a.requests} requests served, RSS {int(kb)} KB", flush=True)
        if a.rounds <= WARMUP_ROUNDS:
            raise Failure(f"--rounds must be above the {WARMUP_ROUNDS} warm-up rounds")
        growth = rss[-1] - rss[WARMUP_ROUNDS]
        print(f"RSS growth from round {WARMUP_ROUNDS + 1} to round {a.rounds}: {growth} KB "
              f"(limit {LIMIT_KB} KB)")
        if growth > LIMIT_KB:
            measured = (a.rounds - WARMUP_ROUNDS - 1) * a.requests
            raise Failure(f"RSS grew {growth} KB over {measured} requests: a leak")
        server.stdin.close()
        code = server.wait(timeout=20)
        if code != 0:
            raise Failure(f"the server exited {code} after its stdin closed: "
                          f"{server.stderr.read().decode(errors='replace')[-800:]}")
        server = None
        print("PASS")
        return 0
    except Failure as err:
        print(f"FAIL: {err}")
        return 1
    finally:
        if server is not None:
            server.kill()
            server.wait()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
