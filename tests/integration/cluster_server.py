#!/usr/bin/env python3
"""samples/cluster-server end to end (Python 3 standard library only).

    cluster_server.py --jspack build/bin/jspack --mode pack|run|node [--node node] [--tmp dir]
                      [--pack-arg=--libs=portable]

Starts the sample (packed with jspack, through `jspack run`, or under node)
with three workers on a free port, then:
  1. six new connections are served by all three workers, round robin, and
     each connection is reused (keep-alive) for a second request;
  2. a worker is killed with SIGKILL (its pid asked over HTTP): the primary
     reports it, forks a replacement that listens on the same port, and new
     connections keep being served, by the replacement too;
  3. the primary's counts (GET /stats, answered over IPC) say 3 workers and
     1 replaced;
  4. SIGTERM to the primary: it disconnects the workers and exits 0, and no
     worker process is left.
Exit 0 ok, 1 failure, 77 skipped.
"""
import argparse
import os
import re
import selectors
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

from run_case import BASE_ENV, ROOT, SKIP, Failure, Skip, log

ENTRY = os.path.join(ROOT, "samples", "cluster-server", "app.js")
WORKERS = 3


class Output:
    """The app's stdout, read line by line without blocking forever."""

    def __init__(self, proc):
        self.proc = proc
        self.lines = []
        self.buffer = b""
        self.sel = selectors.DefaultSelector()
        self.sel.register(proc.stdout, selectors.EVENT_READ)

    def pump(self, timeout):
        for _ in self.sel.select(timeout):
            chunk = os.read(self.proc.stdout.fileno(), 65536)
            if not chunk:
                return False
            self.buffer += chunk
            while b"\n" in self.buffer:
                line, self.buffer = self.buffer.split(b"\n", 1)
                text = line.decode("utf-8", "replace")
                log(f"  app| {text}")
                self.lines.append(text)
        return True

    def wait_for(self, pattern, timeout=30):
        deadline = time.monotonic() + timeout
        seen = 0
        while True:
            for i in range(seen, len(self.lines)):
                m = re.search(pattern, self.lines[i])
                if m:
                    del self.lines[: i + 1]
                    return m
            seen = len(self.lines)
            left = deadline - time.monotonic()
            if left <= 0:
                raise Failure(f"no line matching {pattern!r} within {timeout} s")
            if not self.pump(left) and self.proc.poll() is not None:
                raise Failure(f"app exited ({self.proc.returncode}) before {pattern!r}")


class Connection:
    """One keep-alive HTTP/1.1 client connection."""

    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        self.pending = b""

    def get(self, path):
        self.sock.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
        while b"\r\n\r\n" not in self.pending:
            self.recv()
        head, self.pending = self.pending.split(b"\r\n\r\n", 1)
        lines = head.decode("latin1").split("\r\n")
        status = int(lines[0].split(" ")[1])
        length = 0
        for line in lines[1:]:
            name, _, value = line.partition(":")
            if name.strip().lower() == "content-length":
                length = int(value.strip())
        while len(self.pending) < length:
            self.recv()
        body, self.pending = self.pending[:length], self.pending[length:]
        return status, body.decode()

    def recv(self):
        chunk = self.sock.recv(65536)
        if not chunk:
            raise Failure("server closed the connection")
        self.pending += chunk

    def close(self):
        self.sock.close()


def worker_of(body):
    m = re.fullmatch(r"hello from worker (\d+)\n", body)
    if not m:
        raise Failure(f"unexpected body {body!r}")
    return int(m.group(1))


def serve_round(port, what):
    """Six new connections, two requests each; returns the workers seen."""
    conns = [Connection(port) for _ in range(6)]
    seen = []
    try:
        for c in conns:
            status, body = c.get("/")
            if status != 200:
                raise Failure(f"{what}: status {status}")
            seen.append(worker_of(body))
        for c, first in zip(conns, seen):
            status, body = c.get("/")
            if status != 200 or worker_of(body) != first:
                raise Failure(f"{what}: a kept-alive connection changed worker ({body!r})")
    finally:
        for c in conns:
            c.close()
    log(f"{what}: connections served by workers {seen}")
    return seen


def alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(") ")[1][0] != "Z"
    except OSError:
        return False


def ask(port, path):
    c = Connection(port)
    try:
        return c.get(path)
    finally:
        c.close()


def check(proc, out):
    m = out.wait_for(r"^primary (\d+): (\d+) workers on http://127\.0\.0\.1:(\d+)/$")
    if int(m.group(2)) != WORKERS:
        raise Failure(f"expected {WORKERS} workers, got {m.group(2)}")
    port = int(m.group(3))

    seen = serve_round(port, "start")
    if sorted(set(seen)) != list(range(1, WORKERS + 1)):
        raise Failure(f"expected all of workers 1..{WORKERS} to serve, saw {seen}")

    pids = set()
    for _ in range(2 * WORKERS):
        status, body = ask(port, "/pid")
        pids.add(int(body))
    victim = min(pids)
    log(f"worker pids {sorted(pids)}; killing {victim} with SIGKILL")
    os.kill(victim, signal.SIGKILL)
    dead = out.wait_for(r"^worker (\d+) died \(SIGKILL\); forking a replacement$")
    again = out.wait_for(r"^worker (\d+) listening again on port (\d+)$")
    if int(again.group(2)) != port:
        raise Failure(f"replacement listens on {again.group(2)}, not {port}")
    replacement = int(again.group(1))
    if replacement != WORKERS + 1:
        raise Failure(f"replacement is worker {replacement}, expected {WORKERS + 1}")

    seen = serve_round(port, "after the kill")
    if int(dead.group(1)) in seen:
        raise Failure(f"the dead worker {dead.group(1)} still served")
    if replacement not in seen:
        raise Failure(f"the replacement {replacement} served nothing: {seen}")

    status, body = ask(port, "/stats")
    if status != 200 or body != '{"workers":3,"replaced":1}\n':
        raise Failure(f"/stats answered {status} {body!r}")
    for _ in range(2 * WORKERS):
        pids.add(int(ask(port, "/pid")[1]))

    proc.send_signal(signal.SIGTERM)
    out.wait_for(r"^primary: all workers gone$", timeout=20)
    try:
        code = proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        raise Failure("primary still running 20 s after SIGTERM")
    if code != 0:
        raise Failure(f"primary exited with {code} after SIGTERM, expected 0")
    # The primary exits at the first exit after all were disconnected; the
    # others are on their way out.
    deadline = time.monotonic() + 10
    left = [pid for pid in pids if alive(pid)]
    while left and time.monotonic() < deadline:
        time.sleep(0.1)
        left = [pid for pid in pids if alive(pid)]
    if left:
        raise Failure(f"worker processes left running: {left}")
    log("ok: served by every worker, replaced a killed one, stopped cleanly")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jspack")
    ap.add_argument("--node")
    ap.add_argument("--tmp")
    ap.add_argument("--mode", choices=["pack", "run", "node"], required=True)
    ap.add_argument("--pack-arg", action="append", default=[],
                    help="passed on to jspack when packing")
    opts = ap.parse_args()
    if opts.jspack:
        opts.jspack = os.path.abspath(opts.jspack)
    if opts.tmp:
        os.makedirs(opts.tmp, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="jspack-cluster-", dir=opts.tmp)
    proc = None
    try:
        if opts.mode == "node":
            node = opts.node or shutil.which("node")
            if not node:
                raise Skip("node is not installed")
            cmd = [node, ENTRY]
        elif opts.mode == "run":
            cmd = [opts.jspack, "run", ENTRY]
        else:
            app = os.path.join(tmp, "app")
            pack = subprocess.run([opts.jspack, ENTRY, "-o", app, *opts.pack_arg], capture_output=True)
            if pack.returncode != 0:
                log(pack.stderr.decode("utf-8", "replace"))
                raise Failure("jspack failed to pack the sample")
            cmd = [app]
        env = dict(BASE_ENV, PORT="0", WORKERS=str(WORKERS))
        log("$ " + " ".join(cmd))
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                env=env, cwd=tmp)
        check(proc, Output(proc))
        return 0
    except Skip as e:
        log(f"skipped: {e}")
        return SKIP
    except (Failure, OSError) as e:
        log(f"FAIL: {e}")
        return 1
    finally:
        if proc is not None and proc.poll() is None:
            proc.kill()
            proc.wait()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
