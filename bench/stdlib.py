#!/usr/bin/env python3
"""Standard-library throughput: the same workload under node and as a packed
jspack app, in one run, as a ratio to node.

  bench/stdlib.py [--runs 5] [--only buffer-codec,tcp-echo] [--jspack build/bin/jspack]
                  [--work /tmp/jspack-bench-stdlib] [--json out.json]

Each workload (bench/stdlib/*.js) times its own work with process.hrtime and
prints one JSON line {"ms": ..., "check": ...}; start-up is not in the number.
`check` must be the same for both systems (the work was really done). Runs
alternate between the systems, so a slow phase of the machine hits both.
The table gives medians; ratio = jspack / node (below 1: jspack is faster).
Python 3 standard library only; node must be on PATH. See README.md.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
WORKLOADS = ["async-context", "buffer-codec", "crypto-aes-gcm", "crypto-random",
             "crypto-sha256", "fs-readwrite", "fs-stream-copy", "fs-readdir-stat",
             "readline-lines", "spawn-true", "tcp-echo", "worker-roundtrip",
             "zlib-gzip", "zlib-brotli"]


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def run_once(cmd, data_dir, env):
    proc = subprocess.run(cmd + [data_dir], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          env=env, timeout=600)
    if proc.returncode != 0:
        raise RuntimeError(f"exit {proc.returncode}: {proc.stderr.decode(errors='replace')[-600:]}")
    lines = proc.stdout.decode().strip().splitlines()
    return json.loads(lines[-1])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--only", default="")
    ap.add_argument("--jspack", default=os.path.join(ROOT, "build", "bin", "jspack"))
    ap.add_argument("--work", default=os.environ.get("BENCH_WORK", "/tmp/jspack-bench-stdlib"))
    ap.add_argument("--json")
    a = ap.parse_args()
    names = [n for n in a.only.split(",") if n] or WORKLOADS
    node = shutil.which("node")
    if node is None:
        raise SystemExit("node is not on PATH: there is nothing to compare against")
    version = subprocess.run([node, "--version"], stdout=subprocess.PIPE, text=True).stdout.strip()
    build = os.path.join(a.work, "build")
    data = os.path.join(a.work, "data")
    os.makedirs(build, exist_ok=True)
    os.makedirs(data, exist_ok=True)
    env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": a.work, "LANG": "C"}
    results = {}
    for name in names:
        source = os.path.join(HERE, "stdlib", f"{name}.js")
        app = os.path.join(build, name)
        pack = subprocess.run([a.jspack, source, "-o", app], stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT)
        systems = {"node": [node, source]}
        row = {"node": [], "jspack": [], "error": None}
        if pack.returncode != 0:
            row["error"] = "does not pack: " + pack.stdout.decode(errors="replace")[-300:]
        else:
            systems["jspack"] = [app]
        checks = {}
        for i in range(a.runs):
            order = list(systems) if i % 2 == 0 else list(reversed(systems))
            for system in order:
                if system == "jspack" and row["error"]:
                    continue
                try:
                    out = run_once(systems[system], data, env)
                except Exception as err:  # noqa: BLE001 - reported, not measured
                    if system == "node":
                        raise
                    row["error"] = str(err).strip().splitlines()[-1][:300]
                    continue
                checks.setdefault(system, out["check"])
                if out["check"] != checks["node" if "node" in checks else system]:
                    row["error"] = f"check differs: {out['check']} vs {checks.get('node')}"
                row[system].append(out["ms"])
            log(f"{name}: run {i + 1}/{a.runs}")
        results[name] = row
    print(f"| workload | node {version} ms | jspack ms | ratio |")
    print("|---|---:|---:|---:|")
    for name, row in results.items():
        n = statistics.median(row["node"])
        if row["error"] or not row["jspack"]:
            print(f"| {name} | {n:.1f} | not measured: {row['error']} | |")
            continue
        j = statistics.median(row["jspack"])
        print(f"| {name} | {n:.1f} | {j:.1f} | {j / n:.2f}x |")
    if a.json:
        with open(a.json, "w") as f:
            json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
