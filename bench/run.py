#!/usr/bin/env python3
"""jspack start-up benchmark: jspack (portable, small ICU, system libs) vs
node (same esbuild bundle) vs `bun build --compile` vs a Node single
executable application (node-sea), on samples/hello and larger apps.

  bench/run.py [--runs 15] [--only hello,prettier-one-line] [--systems jspack,node-sea,bun]
               [--jspack build/bin/jspack] [--json out.json]

Every number printed comes from a measurement made by this run. See README.md.
Python 3 standard library only; node and npm must be on PATH.
"""

import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

APPS = {
    "hello": os.path.join(ROOT, "samples", "hello", "app.js"),
    "tsc-one-line": os.path.join(HERE, "apps", "tsc-one-line", "app.js"),
    "prettier-one-line": os.path.join(HERE, "apps", "prettier-one-line", "app.js"),
    "worker-round-trip": os.path.join(HERE, "apps", "worker-round-trip", "app.js"),
    "fs-readwrite-200mb": os.path.join(HERE, "apps", "fs-readwrite-200mb", "app.js"),
    "fs-stream-copy-200mb": os.path.join(HERE, "apps", "fs-stream-copy-200mb", "app.js"),
    "fs-readdir-stat-20k": os.path.join(HERE, "apps", "fs-readdir-stat-20k", "app.js"),
}
# jspack: --libs=portable (the default), measured warm (its cache filled by
# the check run), plus first runs with an empty cache (extraction included)
# reported separately; jspack-small-icu: the same with --icu=small (first
# runs too); jspack-system: --libs=system. node-sea: the node on PATH with
# the same esbuild bundle injected as a single executable application
# (node --experimental-sea-config, then postject from bench/package.json).
SYSTEMS = ["jspack", "jspack-small-icu", "jspack-system", "node", "node-sea", "bun"]
PORTABLE = ("jspack", "jspack-small-icu")
# Systems whose output is one file: these get first runs (the portable ones
# with their extraction cache emptied before each) and the summary table.
SINGLE_FILE = ("jspack", "jspack-small-icu", "jspack-system", "node-sea", "bun")
# Node's fuse for single executable applications (its documentation's
# postject recipe); the node binary must carry it.
NODE_SEA_FUSE = "NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2"


def log(msg):
    print(msg, file=sys.stderr, flush=True)


class Unavailable(Exception):
    pass


def minimal_env(work):
    # Same for every system, and nothing inherited: NODE_EXTRA_CA_CERTS alone
    # (set on the development machine) doubles node's start-up, and
    # JSPACK_DEBUG, NODE_OPTIONS, BUN_* ... would change what is measured.
    # JSPACK_CACHE_DIR: portable apps' extraction cache, inside WORK.
    # JSPACK_PACKER_CACHE: the packer's compressed libraries, the user's own
    # (compressing them again would make "pack s" measure zstd -19 once).
    packer_cache = os.environ.get("JSPACK_PACKER_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"),
        "jspack-packer")
    return {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": os.path.join(work, "home"), "LANG": "C",
            "JSPACK_CACHE_DIR": os.path.join(work, "jspack-cache"),
            "JSPACK_PACKER_CACHE": packer_cache}


def sh(cmd, cwd=None, env=None, check=True):
    proc = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if check and proc.returncode != 0:
        raise Unavailable(f"{' '.join(cmd)} failed ({proc.returncode}): "
                          + proc.stderr.decode("utf-8", "replace").strip()[-800:])
    return proc


# ------------------------------------------------------------------ setup

def setup(work, reinstall):
    """npm ci of bench/package.json into WORK/deps (never into the repo).
    Apps are copied under WORK/deps/apps so their requires resolve there,
    while the built outputs (WORK/build) cannot see WORK/deps/node_modules:
    a dependency left out of a bundle makes the run fail instead of being
    loaded from disk unnoticed."""
    deps = os.path.join(work, "deps")
    os.makedirs(deps, exist_ok=True)
    for name in ("package.json", "package-lock.json"):
        src, dst = os.path.join(HERE, name), os.path.join(deps, name)
        if not os.path.exists(dst) or open(src, "rb").read() != open(dst, "rb").read():
            shutil.copyfile(src, dst)
            reinstall = True
    marker = os.path.join(deps, "node_modules", ".package-lock.json")
    if reinstall or not os.path.exists(marker):
        log(f"installing bench/package.json into {deps} (npm ci)")
        env = dict(os.environ)
        sh(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=deps, env=env)
    # Nothing the outputs could resolve a left-out dependency from.
    d = os.path.join(work, "build")
    while True:
        if os.path.isdir(os.path.join(d, "node_modules")):
            raise SystemExit(f"{os.path.join(d, 'node_modules')} is visible from the built "
                             "outputs; remove it or use another --work")
        if os.path.dirname(d) == d:
            break
        d = os.path.dirname(d)
    for sub in ("home", "run", os.path.join("deps", "apps"), "build"):
        os.makedirs(os.path.join(work, sub), exist_ok=True)


def tool_paths(work, opts):
    bun = os.path.join(work, "deps", "node_modules", "bun", "bin", "bun.exe")
    if not os.path.exists(bun):
        bun = os.path.join(work, "deps", "node_modules", ".bin", "bun")
    esbuild = opts.esbuild
    if not esbuild:
        for cand in (os.path.join(os.path.dirname(opts.jspack), "esbuild"),
                     os.path.join(ROOT, "node_modules", "@esbuild", "linux-x64", "bin", "esbuild")):
            if os.path.exists(cand):
                esbuild = cand
                break
    postject = os.path.join(work, "deps", "node_modules", "postject", "dist", "cli.js")
    return {"node": shutil.which("node"), "bun": bun, "esbuild": esbuild,
            "jspack": opts.jspack, "postject": postject}


def version_of(cmd):
    try:
        out = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=30)
        return out.stdout.decode("utf-8", "replace").strip().splitlines()[0]
    except (OSError, IndexError, subprocess.TimeoutExpired):
        return "unavailable"


# ------------------------------------------------------------------ pack

def pack(system, app, entry, work, tools, env):
    """Builds the app for one system. Returns (argv to run, output file,
    pack seconds)."""
    out_dir = os.path.join(work, "build", app, system)
    shutil.rmtree(out_dir, ignore_errors=True)
    os.makedirs(out_dir)
    cmds = None  # several steps (node-sea); else the one `cmd`
    if system in ("jspack", "jspack-small-icu", "jspack-system"):
        if not tools["jspack"] or not os.access(tools["jspack"], os.X_OK):
            raise Unavailable(f"no jspack at {tools['jspack']}")
        out = os.path.join(out_dir, "app")
        cmd = [tools["jspack"], entry, "-o", out]
        if system == "jspack-system":
            cmd.append("--libs=system")
        if system == "jspack-small-icu":
            cmd.append("--icu=small")
        argv = [out]
    elif system == "node":
        if not tools["esbuild"]:
            raise Unavailable("no esbuild found")
        if not tools["node"]:
            raise Unavailable("no node on PATH")
        out = os.path.join(out_dir, "app.js")
        cmd = [tools["esbuild"], entry, "--bundle", "--platform=node", "--format=cjs",
               "--log-level=warning", f"--outfile={out}"]
        argv = [tools["node"], out]
    elif system == "bun":
        if not os.path.exists(tools["bun"]):
            raise Unavailable(f"no bun at {tools['bun']}")
        out = os.path.join(out_dir, "app")
        cmd = [tools["bun"], "build", "--compile", entry, "--outfile", out]
        argv = [out]
    elif system == "node-sea":
        # Node's documented recipe: the bundle (one CommonJS file, as for
        # `node`) becomes a blob, injected into a copy of the node binary.
        if not tools["esbuild"]:
            raise Unavailable("no esbuild found")
        if not tools["node"]:
            raise Unavailable("no node on PATH")
        if not os.path.exists(tools["postject"]):
            raise Unavailable(f"no postject at {tools['postject']}")
        node_bin = os.path.realpath(tools["node"])
        if NODE_SEA_FUSE.encode() not in read(node_bin):
            raise Unavailable(f"{node_bin} has no single executable application fuse")
        bundle = os.path.join(out_dir, "bundle.js")
        blob = os.path.join(out_dir, "sea-prep.blob")
        config = os.path.join(out_dir, "sea-config.json")
        with open(config, "w") as f:
            json.dump({"main": bundle, "output": blob,
                       "disableExperimentalSEAWarning": True}, f)
        out = os.path.join(out_dir, "app")
        cmds = [[tools["esbuild"], entry, "--bundle", "--platform=node", "--format=cjs",
                 "--log-level=warning", f"--outfile={bundle}"],
                [tools["node"], "--experimental-sea-config", config],
                ["cp", node_bin, out],
                [tools["node"], tools["postject"], out, "NODE_SEA_BLOB", blob,
                 "--sentinel-fuse", NODE_SEA_FUSE]]
        argv = [out]
    else:
        raise ValueError(system)
    cmds = cmds or [cmd]
    with open(os.path.join(out_dir, "pack.sh"), "w") as f:
        f.write("#!/bin/sh\n# exact pack commands, run in " + os.path.dirname(entry) + "\n"
                + "".join(" ".join(c) + "\n" for c in cmds))
    t0 = time.perf_counter()
    for c in cmds:
        sh(c, cwd=os.path.dirname(entry), env=env)
    took = time.perf_counter() - t0
    if not os.path.isfile(out):
        raise Unavailable(f"pack reported success but wrote no {out}")
    return argv, out, took


# ------------------------------------------------------------------ measure

def measure(argv, cwd, env, out_path):
    """One run: fork + exec, wait4 for the child's own rusage. Returns a dict
    of wall ms, cpu ms (user+sys), peak RSS KiB, exit status."""
    err_path = out_path + ".err"
    t0 = time.perf_counter_ns()
    pid = os.fork()
    if pid == 0:  # child: only async-signal-safe-ish work, then exec
        try:
            os.chdir(cwd)
            fd_in = os.open(os.devnull, os.O_RDONLY)
            fd_out = os.open(out_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            fd_err = os.open(err_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.dup2(fd_in, 0)
            os.dup2(fd_out, 1)
            os.dup2(fd_err, 2)
            os.execve(argv[0], argv, env)
        finally:
            os._exit(127)
    _, status, ru = os.wait4(pid, 0)
    wall_ns = time.perf_counter_ns() - t0
    return {
        "wall_ms": wall_ns / 1e6,
        "cpu_ms": (ru.ru_utime + ru.ru_stime) * 1000.0,
        "rss_kib": ru.ru_maxrss,  # KiB on Linux
        "status": os.waitstatus_to_exitcode(status),
    }


def read(path):
    with open(path, "rb") as f:
        return f.read()


# ------------------------------------------------------------------ report

def fmt(x, digits=1):
    if x is None:
        return "–"
    if x >= 1000:
        return f"{x:,.0f}"
    return f"{x:.{digits}f}"


def ratio(a, b):
    if a is None or b is None or b == 0:
        return "–"
    return f"{a / b:.2f}"


def summarize(runs):
    def med(key):
        return statistics.median(r[key] for r in runs)
    walls = sorted(r["wall_ms"] for r in runs)
    q = statistics.quantiles(walls, n=4) if len(walls) >= 2 else [walls[0]] * 3
    return {"wall_ms": med("wall_ms"), "cpu_ms": med("cpu_ms"),
            "rss_mib": med("rss_kib") / 1024.0, "wall_iqr_pct": (q[2] - q[0]) / q[1] * 100,
            "wall_min_ms": walls[0], "runs": len(runs)}


def report(results, meta):
    lines = []
    lines.append("# jspack start-up benchmark")
    lines.append("")
    for k in ("date", "host", "tools", "settings", "command"):
        lines.append(f"- {k}: {meta[k]}")
    lines.append("")
    lines.append("| app | system | pack s | size MiB | wall ms | ±IQR | min ms | cpu ms | peak RSS MiB "
                 "| wall x node | wall x bun | cpu x node | cpu x bun | RSS x node | RSS x bun |")
    lines.append("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|")
    for app, systems in results.items():
        by = {s: r.get("summary") for s, r in systems.items()}
        for system, r in systems.items():
            if "error" in r:
                why = r["error"].replace("|", "\\|").replace("\n", " ")[:200]
                lines.append(f"| {app} | {system} | not measured: {why} |"
                             + " |" * 12)
                continue
            s = r["summary"]
            size = r["size_bytes"] / 2**20
            size_txt = (f"{r['size_bytes']} B" if r["size_bytes"] < 1024
                        else f"{size:.3f}" if size < 1 else f"{size:.1f}")
            if system == "node":
                size_txt += "†"
            row = [app, system, f"{r['pack_s']:.2f}", size_txt, fmt(s["wall_ms"]),
                   f"{s['wall_iqr_pct']:.0f}%", fmt(s["wall_min_ms"]), fmt(s["cpu_ms"]),
                   fmt(s["rss_mib"])]
            for key in ("wall_ms", "cpu_ms", "rss_mib"):
                for ref in ("node", "bun"):
                    row.append(ratio(s[key], by[ref][key]) if by.get(ref) else "–")
            lines.append("| " + " | ".join(row) + " |")
    firsts = [(app, system, systems[system]["first_run"])
              for app, systems in results.items() for system in SINGLE_FILE
              if "first_run" in systems.get(system, {})]
    if firsts:
        lines.append("")
        lines.append("| app | system | first run | wall ms | min ms | cpu ms | peak RSS MiB |")
        lines.append("|---|---|---|--:|--:|--:|--:|")
        for app, system, f in firsts:
            what = ("empty cache: extraction + run" if system in PORTABLE
                    else "nothing to extract")
            lines.append(f"| {app} | {system} | {what}, {f['runs']} runs | {fmt(f['wall_ms'])} | "
                         f"{fmt(f['wall_min_ms'])} | {fmt(f['cpu_ms'])} | {fmt(f['rss_mib'])} |")
    summary = [(app, system, r) for app, systems in results.items()
               for system, r in systems.items()
               if system in SINGLE_FILE and "summary" in r and "first_run" in r]
    if summary:
        lines.append("")
        lines.append("Single-file outputs (medians; size in bytes and in MB = 10^6 bytes):")
        lines.append("")
        lines.append("| app | system | size bytes | size MB | first run ms | warm wall ms | warm cpu ms "
                     "| peak RSS MiB | warm wall x jspack-system |")
        lines.append("|---|---|--:|--:|--:|--:|--:|--:|--:|")
        for app, system, r in summary:
            s, f = r["summary"], r["first_run"]
            ref = results[app].get("jspack-system", {}).get("summary")
            lines.append(f"| {app} | {system} | {r['size_bytes']:,} | {r['size_bytes'] / 1e6:.2f} | "
                         f"{fmt(f['wall_ms'])} | {fmt(s['wall_ms'])} | {fmt(s['cpu_ms'])} | "
                         f"{fmt(s['rss_mib'])} | {ratio(s['wall_ms'], ref['wall_ms']) if ref else '–'} |")
    lines.append("")
    lines.append("Columns: **pack s** time to build the output (node: the esbuild bundle); "
                 "**size** the output file († node: the bundle only, node itself not included); "
                 "**wall ms** median wall time from fork to exit; **±IQR** inter-quartile range "
                 "of wall time as % of the median; **cpu ms** median user+sys CPU of the process "
                 "(wait4 rusage); **peak RSS** median ru_maxrss; **x node / x bun** the system's "
                 "median divided by that peer's (< 1: faster or smaller).")
    return "\n".join(lines)


# ------------------------------------------------------------------ main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=15, help="measured runs per system (>= 10)")
    ap.add_argument("--warmup", type=int, default=1, help="unmeasured rounds first")
    ap.add_argument("--first-runs", type=int, help="first-run rounds (default: --runs)")
    ap.add_argument("--only", help="comma-separated apps: " + ",".join(APPS))
    ap.add_argument("--systems", default=",".join(SYSTEMS))
    ap.add_argument("--jspack", default=os.path.join(ROOT, "build", "bin", "jspack"))
    ap.add_argument("--esbuild", help="default: next to jspack, else the repo's pinned one")
    ap.add_argument("--work", default=os.environ.get("BENCH_WORK", "/tmp/jspack-bench"))
    ap.add_argument("--json", help="also write raw results to this file")
    ap.add_argument("--out", help="also write the Markdown report to this file")
    ap.add_argument("--reinstall", action="store_true")
    opts = ap.parse_args()
    if opts.runs < 10:
        ap.error("--runs must be at least 10")
    if opts.first_runs is None:
        opts.first_runs = opts.runs
    apps = opts.only.split(",") if opts.only else list(APPS)
    for a in apps:
        if a not in APPS:
            ap.error(f"unknown app {a}; known: {', '.join(APPS)}")
    systems = opts.systems.split(",")
    for s in systems:
        if s not in SYSTEMS:
            ap.error(f"unknown system {s}; known: {', '.join(SYSTEMS)}")
    opts.jspack = os.path.abspath(opts.jspack)
    work = os.path.abspath(opts.work)

    setup(work, opts.reinstall)
    tools = tool_paths(work, opts)
    env = minimal_env(work)
    run_dir = os.path.join(work, "run")
    for leftover in os.listdir(run_dir):
        shutil.rmtree(os.path.join(run_dir, leftover), ignore_errors=True)

    results = {}
    for app in apps:
        # A fresh copy under WORK/deps: require('typescript') resolves upward
        # to WORK/deps/node_modules, for every system alike.
        app_dir = os.path.join(work, "deps", "apps", app)
        os.makedirs(app_dir, exist_ok=True)
        entry = os.path.join(app_dir, "app.js")
        shutil.copyfile(APPS[app], entry)
        results[app] = {}
        built = {}
        for system in systems:
            try:
                argv, out, took = pack(system, app, entry, work, tools, env)
                built[system] = argv
                results[app][system] = {"pack_s": took, "size_bytes": os.path.getsize(out),
                                        "argv": argv, "runs": []}
                log(f"{app}/{system}: packed in {took:.2f} s, {os.path.getsize(out)} bytes")
            except Unavailable as e:
                results[app][system] = {"error": str(e)}
                log(f"{app}/{system}: not measured: {e}")

        # Check every system prints the same as node before timing anything.
        outputs = {}
        for system, argv in list(built.items()):
            out_path = os.path.join(work, "build", app, system, "run.out")
            r = measure(argv, run_dir, env, out_path)
            outputs[system] = read(out_path)
            if r["status"] != 0 or not outputs[system]:
                err = read(out_path + ".err").decode("utf-8", "replace").strip()
                lines = err.splitlines()
                first = next((l for l in lines if "Error" in l or "error" in l),
                             lines[0] if lines else "no stderr")
                results[app][system] = {"error": f"exit {r['status']}: {first.strip()[:200]}"}
                del built[system]
                log(f"{app}/{system}: not measured: {results[app][system]['error']}")
        reference = outputs.get("node")
        for system in list(built):
            if reference is not None and outputs[system] != reference:
                results[app][system] = {"error": f"output differs from node: {outputs[system][:80]!r}"}
                del built[system]
                log(f"{app}/{system}: not measured: output differs from node's")

        # Round robin: each round runs every system once, the starting system
        # rotating, so slow drifts of the machine hit all systems alike.
        order = list(built)
        for round_no in range(opts.warmup + opts.runs):
            k = round_no % max(1, len(order))
            for system in order[k:] + order[:k]:
                out_path = os.path.join(work, "build", app, system, "run.out")
                r = measure(built[system], run_dir, env, out_path)
                if r["status"] != 0 or read(out_path) != outputs[system]:
                    raise SystemExit(f"{app}/{system}: run {round_no} failed or printed "
                                     f"something else (exit {r['status']})")
                if round_no >= opts.warmup:
                    results[app][system]["runs"].append(r)
            if round_no == opts.warmup - 1:
                log(f"{app}: warm-up done")
        # First runs, round robin too, over every single-file output: the
        # extraction cache is emptied before each run of a portable one (its
        # libraries extracted and verified again); the others have nothing
        # to extract, so theirs are more runs like the warm ones.
        first_order = [system for system in order if system in SINGLE_FILE]
        firsts = {system: [] for system in first_order}
        for round_no in range(opts.first_runs):
            k = round_no % max(1, len(first_order))
            for system in first_order[k:] + first_order[:k]:
                if system in PORTABLE:
                    shutil.rmtree(env["JSPACK_CACHE_DIR"], ignore_errors=True)
                out_path = os.path.join(work, "build", app, system, "first.out")
                r = measure(built[system], run_dir, env, out_path)
                if r["status"] != 0 or read(out_path) != outputs[system]:
                    raise SystemExit(f"{app}/{system}: first run {round_no} failed or printed "
                                     f"something else (exit {r['status']})")
                firsts[system].append(r)
        for system, runs in firsts.items():
            results[app][system]["first_run"] = summarize(runs)
            f = results[app][system]["first_run"]
            log(f"{app}/{system} first run: wall {f['wall_ms']:.1f} ms, "
                f"cpu {f['cpu_ms']:.1f} ms")
        for system in order:
            results[app][system]["summary"] = summarize(results[app][system]["runs"])
            s = results[app][system]["summary"]
            log(f"{app}/{system}: wall {s['wall_ms']:.1f} ms, cpu {s['cpu_ms']:.1f} ms, "
                f"rss {s['rss_mib']:.1f} MiB")

    def dep_version(name):
        try:
            with open(os.path.join(work, "deps", "node_modules", name, "package.json")) as f:
                return json.load(f)["version"]
        except (OSError, ValueError, KeyError):
            return "?"
    ts_version = dep_version("typescript")
    try:
        load = os.getloadavg()
    except OSError:
        load = (0, 0, 0)
    meta = {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "host": f"{platform.machine()}, {os.cpu_count()} cpus, Linux {platform.release()}, "
                f"load average at end {load[0]:.2f}",
        "tools": f"{version_of([tools['jspack'], '--version'])}, node "
                 f"{version_of([tools['node'] or 'node', '--version'])}, bun "
                 f"{version_of([tools['bun'], '--version'])}, esbuild "
                 f"{version_of([tools['esbuild'] or 'esbuild', '--version'])}, typescript {ts_version}, "
                 f"postject {dep_version('postject')}",
        "settings": f"{opts.runs} measured runs per system after {opts.warmup} warm-up round(s), "
                    f"then {opts.first_runs} first-run rounds, round robin; env PATH, HOME, "
                    "LANG=C only; cwd an empty folder; stdin /dev/null",
        "command": "`bench/run.py " + " ".join(sys.argv[1:]) + "`",
    }
    text = report(results, meta)
    print(text)
    if opts.out:
        with open(opts.out, "w") as f:
            f.write(text + "\n")
    if opts.json:
        with open(opts.json, "w") as f:
            json.dump({"meta": meta, "results": results}, f, indent=1)
        log(f"raw results: {opts.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
