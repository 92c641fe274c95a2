#!/usr/bin/env python3
"""Express, Fastify and Koa (samples/web-frameworks, pinned npm packages)
packed with jspack, serving real clients: curl, and Node's own http client
run by node. fastify-h2 and koa-h2 are the same apps on node:http2
(cleartext): curl speaks HTTP/2 to them (--http2-prior-knowledge) and the
node client is an http2 session.

  web_frameworks.py --jspack J --tmp T --node N FRAMEWORK --mode pack|run|node

`pack` packs the sample and runs the executable; `run` goes through
`jspack run`; `node` runs the same sources under node (it checks the
expectations themselves). Each mode checks: JSON out and in, a streamed
(chunked) response, a static file, the framework's own 404 and 500, two
requests on one kept-alive connection (curl and Node's client), and a clean
exit on SIGTERM. Exit 77: skipped (no curl, no node, or the sample's
node_modules missing).
"""
import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile

from run_case import BASE_ENV, ROOT, SKIP, Failure, pack, read_line_with_timeout

SAMPLE = os.path.join(ROOT, "samples", "web-frameworks")

# The framework's own answer to a thrown error (NODE_ENV=production).
ERROR_BODY = {
    "express": r"<pre>Internal Server Error</pre>",
    "fastify": r'^\{"statusCode":500,"error":"Internal Server Error","message":"boom"\}$',
    "koa": r"^Internal Server Error$",
}
ERROR_BODY["fastify-h2"] = ERROR_BODY["fastify"]
ERROR_BODY["koa-h2"] = ERROR_BODY["koa"]
NOT_FOUND_BODY = {
    "express": r"<pre>Cannot GET /nope</pre>",
    "fastify": r'^\{"message":"Route GET:/nope not found","error":"Not Found","statusCode":404\}$',
    "koa": r"^Not Found$",
}
NOT_FOUND_BODY["fastify-h2"] = NOT_FOUND_BODY["fastify"]
# Koa's default body is the status message, which HTTP/2 does not have: Node
# answers "404".
NOT_FOUND_BODY["koa-h2"] = r"^404$"

# Node's http client: two requests through a keep-alive agent with one
# socket; prints what each saw as JSON.
NODE_CLIENT = r"""
const http = require('http');
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const port = Number(process.argv[1]);
function get(path) {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve({ status: res.statusCode, reused: req.reusedSocket, body }));
    });
    req.on('error', reject);
  });
}
(async () => {
  const first = await get('/json');
  const second = await get('/stream');
  console.log(JSON.stringify([first, second]));
  agent.destroy();
})().catch((e) => { console.error(e); process.exit(1); });
"""

# The same over HTTP/2: two requests on one session.
NODE_H2_CLIENT = r"""
const http2 = require('http2');
const port = Number(process.argv[1]);
const session = http2.connect(`http://127.0.0.1:${port}`);
function get(path) {
  return new Promise((resolve, reject) => {
    const req = session.request({ ':path': path });
    let status;
    let body = '';
    req.setEncoding('utf8');
    req.on('response', (headers) => { status = headers[':status']; });
    req.on('data', (d) => { body += d; });
    req.on('end', () => resolve({ status, reused: true, body }));
    req.on('error', reject);
  });
}
(async () => {
  const first = await get('/json');
  const second = await get('/stream');
  console.log(JSON.stringify([first, second]));
  session.close();
})().catch((e) => { console.error(e); process.exit(1); });
"""

H2_FLAGS = []


def curl(port, path, *extra):
    """(status, headers text, body) of one request."""
    with tempfile.TemporaryDirectory() as d:
        head = os.path.join(d, "head")
        r = subprocess.run(["curl", "-sS", "--max-time", "10", *H2_FLAGS, "-D", head,
                            "-o", os.path.join(d, "body"), *extra,
                            f"http://127.0.0.1:{port}{path}"],
                           capture_output=True, timeout=30)
        if r.returncode != 0:
            raise Failure(f"curl {path}: {r.stderr.decode(errors='replace')}")
        headers = open(head, encoding="latin-1").read()
        body = open(os.path.join(d, "body"), encoding="utf-8").read()
    status = int(headers.split(" ", 2)[1])
    return status, headers, body


def expect(cond, what):
    if not cond:
        raise Failure(what)


def header(headers, name):
    m = re.search(rf"^{name}:\s*(.*?)\r?$", headers, re.I | re.M)
    return m.group(1) if m else None


def check(framework, port, node):
    status, headers, body = curl(port, "/json")
    expect(status == 200, f"/json: status {status}")
    expect((header(headers, "content-type") or "").startswith("application/json"),
           f"/json: content-type {header(headers, 'content-type')}")
    expect(json.loads(body) == {"framework": framework, "hello": "world", "n": 42},
           f"/json: body {body!r}")

    sent = {"name": "jspack", "list": [1, 2, 3], "nested": {"ok": True}, "text": "h\u00e9llo"}
    status, _, body = curl(port, "/echo", "-X", "POST", "-H",
                           "content-type: application/json",
                           "--data-binary", json.dumps(sent))
    expect(status == 200, f"/echo: status {status}")
    expect(json.loads(body) == {"received": sent, "type": "application/json"},
           f"/echo: body {body!r}")

    status, headers, body = curl(port, "/stream")
    expect(status == 200, f"/stream: status {status}")
    if H2_FLAGS:
        expect(headers.startswith("HTTP/2 200"), f"/stream: not HTTP/2:\n{headers}")
    else:
        expect((header(headers, "transfer-encoding") or "").lower() == "chunked",
               f"/stream: not chunked:\n{headers}")
    expect(body == "".join(f"line {i}\n" for i in range(5)), f"/stream: body {body!r}")

    status, headers, body = curl(port, "/static/hello.txt")
    expect(status == 200, f"/static/hello.txt: status {status}")
    expect(body == open(os.path.join(SAMPLE, "public", "hello.txt")).read(),
           f"/static/hello.txt: body {body!r}")
    expect((header(headers, "content-type") or "").startswith("text/plain"),
           f"/static/hello.txt: content-type {header(headers, 'content-type')}")

    status, _, body = curl(port, "/boom")
    expect(status == 500, f"/boom: status {status}")
    expect(re.search(ERROR_BODY[framework], body, re.M), f"/boom: body {body!r}")

    status, _, body = curl(port, "/nope")
    expect(status == 404, f"/nope: status {status}")
    expect(re.search(NOT_FOUND_BODY[framework], body, re.M), f"/nope: body {body!r}")

    # curl: two URLs on one command line share the kept-alive connection.
    r = subprocess.run(["curl", "-sS", "--max-time", "10", *H2_FLAGS, "-o", "/dev/null",
                        "-o", "/dev/null", "-w", "%{num_connects}\n",
                        f"http://127.0.0.1:{port}/json",
                        f"http://127.0.0.1:{port}/json"],
                       capture_output=True, text=True, timeout=30)
    expect(r.stdout.split() == ["1", "0"],
           f"curl keep-alive: connections per request {r.stdout.split()} {r.stderr}")

    client = NODE_H2_CLIENT if H2_FLAGS else NODE_CLIENT
    r = subprocess.run([node, "-e", client, str(port)], capture_output=True,
                       text=True, timeout=30)
    expect(r.returncode == 0, f"node client: {r.stderr}")
    first, second = json.loads(r.stdout)
    expect(first["status"] == 200 and json.loads(first["body"])["framework"] == framework,
           f"node client /json: {first}")
    expect(second["status"] == 200 and second["reused"] is True and
           second["body"] == "".join(f"line {i}\n" for i in range(5)),
           f"node client /stream on the kept-alive socket: {second}")


def start(cmd, env):
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=env)
    try:
        line = read_line_with_timeout(proc, 60).decode(errors="replace")
    except Failure:
        proc.kill()
        raise
    m = re.match(r"listening (\d+)$", line.strip())
    if not m:
        proc.kill()
        out, err = proc.communicate(timeout=10)
        raise Failure(f"{cmd[0]} did not start: {line!r}{out!r}\nstderr:\n"
                      f"{err.decode(errors='replace')}")
    return proc, int(m.group(1))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jspack", required=True)
    ap.add_argument("--node", default=shutil.which("node"))
    ap.add_argument("--tmp", default=None)
    ap.add_argument("framework", choices=sorted(ERROR_BODY))
    ap.add_argument("--mode", choices=["pack", "run", "node"], default="pack")
    args = ap.parse_args()
    if args.framework.endswith("-h2"):
        H2_FLAGS.append("--http2-prior-knowledge")
    if not shutil.which("curl") or not args.node:
        print("skipped: needs curl and node")
        return SKIP
    if not os.path.isdir(os.path.join(SAMPLE, "node_modules")):
        print(f"skipped: {SAMPLE}/node_modules missing (run scripts/setup.sh)")
        return SKIP
    if args.tmp:
        os.makedirs(args.tmp, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="web-", dir=args.tmp)
    try:
        entry = os.path.join(SAMPLE, "app.js")
        public = os.path.join(SAMPLE, "public")
        if args.mode == "pack":
            exe = pack(args.jspack, entry, os.path.join(tmp, "app"))
            cmd = [exe, args.framework, public]
        elif args.mode == "run":
            cmd = [args.jspack, "run", entry, args.framework, public]
        else:
            cmd = [args.node, entry, args.framework, public]
        env = dict(BASE_ENV, NODE_ENV="production")
        proc, port = start(cmd, env)
        try:
            check(args.framework, port, args.node)
        finally:
            proc.send_signal(signal.SIGTERM)
            try:
                out, err = proc.communicate(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                raise Failure("the server did not stop on SIGTERM")
        if proc.returncode != 0:
            raise Failure(f"the server exited {proc.returncode}: "
                          f"{err.decode(errors='replace')}")
        print(f"{args.framework} ({args.mode}): every check passed")
        return 0
    except Failure as e:
        print(f"FAIL: {args.framework} ({args.mode}): {e}")
        return 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
