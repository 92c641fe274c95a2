#!/usr/bin/env python3
"""jspack --build-snapshot: the app's main runs at pack time and each start
runs its deserialize main function. Compared with node --build-snapshot.

  build_snapshot.py sample --mode pack|node [--pack-arg=ARG ...]
      samples/startup-snapshot packed with --build-snapshot (or built into a
      blob by node --build-snapshot and run with --snapshot-blob): the build's
      stdout must be tests/integration/startup-snapshot/expected.build.stdout,
      the run's (with the case's args and env) expected.stdout and
      expected.code, both stderrs empty.
  build_snapshot.py refuse NAME
      an app jspack must refuse to snapshot: exit 1, one stderr line
      `jspack: error: cannot snapshot ...` naming what and how to fix it,
      and no output file (nor a temporary one) left.
  build_snapshot.py list-refusals
  build_snapshot.py workers
      a --build-snapshot app whose main starts a worker_threads Worker on its
      own file, forks another packed entry and a cluster worker: the worker
      and the forked entry run from the app compiled (their own code, not the
      main function); the cluster worker is the app again and runs the main
      function, as under node.
"""
import argparse
import os
import re
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run_case  # noqa: E402
from run_case import Failure, Skip, TempDir, log, run, show  # noqa: E402

CASE = os.path.join(run_case.HERE, "startup-snapshot")
ENTRY = os.path.join(run_case.ROOT, "samples", "startup-snapshot", "app.js")


def read(name):
    with open(os.path.join(CASE, name), "rb") as f:
        return f.read()


def case_env():
    env = {}
    for line in read("env").decode().splitlines():
        if line.strip() and not line.startswith("#"):
            key, _, value = line.partition("=")
            env[key] = value
    return env


def expect(proc, stdout, code, what):
    problems = []
    if proc.returncode != code:
        problems.append(f"{run_case.describe_status(proc.returncode)}, "
                        f"expected exit {code}")
    if proc.stdout != stdout:
        problems.append("stdout differs")
        show("expected stdout", stdout)
        show("actual stdout", proc.stdout)
    if proc.stderr:
        problems.append("stderr is not empty")
    if problems:
        show("stderr", proc.stderr)
        raise Failure(f"{what}: " + "; ".join(problems))
    log(f"ok: {what}")


def cmd_sample(opts):
    args = read("args").decode().splitlines()
    build_stdout = read("expected.build.stdout")
    run_stdout = read("expected.stdout")
    code = int(read("expected.code").decode().strip())
    with TempDir(opts.tmp) as tmp:
        cwd = os.path.join(tmp, "cwd")
        os.mkdir(cwd)
        if opts.mode == "node":
            if not opts.node:
                raise Skip("no node")
            blob = os.path.join(tmp, "app.blob")
            build = run([opts.node, "--snapshot-blob", blob, "--build-snapshot",
                         ENTRY], cwd=cwd)
            expect(build, build_stdout, 0, "node --build-snapshot")
            proc = run([opts.node, "--snapshot-blob", blob, ENTRY, *args],
                       env=case_env(), cwd=cwd)
            expect(proc, run_stdout, code, "node --snapshot-blob run")
            return
        out = os.path.join(tmp, "app")
        build = run([opts.jspack, ENTRY, "-o", out, "--build-snapshot",
                     *opts.pack_arg], cwd=cwd)
        expect(build, build_stdout, 0, "jspack --build-snapshot")
        # Twice: each start runs the main function on the same state.
        for turn in (1, 2):
            proc = run([out, *args], env=case_env(), cwd=cwd)
            expect(proc, run_stdout, code, f"packed app, run {turn}")


# name -> (file name, source, cause regex, fix regex). None: must pack fine
# and print `ran` at run time.
MAIN = ("require('v8').startupSnapshot.setDeserializeMainFunction("
        "() => console.log('ran'));\n")
REFUSALS = {
    "crypto-hash": ("app.js", "globalThis.h = require('crypto')"
                    ".createHash('sha256');\n" + MAIN,
                    r"the app left a crypto object \(Hash, .*\) reachable",
                    r"Create it in the main function given to "
                    r"v8\.startupSnapshot\.setDeserializeMainFunction\(\)"),
    "zlib-stream": ("app.js", "const z = require('zlib').createGzip();\n"
                    "require('v8').startupSnapshot.setDeserializeMainFunction("
                    "() => console.log(typeof z));\n",
                    r"the app left a zlib stream reachable",
                    r"Create it in the main function"),
    "open-server": ("app.js", "const s = require('net').createServer()"
                    ".listen(0, '127.0.0.1');\ns.unref();\n" + MAIN,
                    r"the app left a TCP server or socket \(net, http\) open",
                    r"Create it in the main function"),
    "unref-timer": ("app.js", "setInterval(() => {}, 1000).unref();\n" + MAIN,
                    r"1 timer is \(setTimeout/setInterval, unref'd\) still "
                    r"pending",
                    r"Clear it before the build ends"),
    "no-main": ("app.js", "globalThis.x = 1;\n",
                r"the app set no main function for its runs",
                r"Call v8\.startupSnapshot\.setDeserializeMainFunction"),
    "exit-at-build": ("app.js", "process.exit(3);\n",
                      r"the app ended the process \(exit code 3\)",
                      r"process\.exit\(\) call belongs in the main function"),
    "top-level-await": ("app.mjs", "await Promise.resolve();\n",
                        r"app\.mjs uses top-level await, so V8 cannot "
                        r"snapshot it",
                        r"Move the top-level await into the main function"),
    "with-no-snapshot": ("app.js", MAIN,
                         r"--build-snapshot and --no-snapshot contradict",
                         r"drop one of the two"),
    # A native object the app is done with (and drops) is no obstacle.
    "native-dropped": ("app.js", "const d = require('crypto').createHash("
                       "'md5').update('x').digest('hex');\n"
                       "require('v8').startupSnapshot.setDeserializeMainFunction"
                       "(() => console.log('ran', d));\n", None, None),
}


def cmd_refuse(opts):
    name, source, cause, fix = REFUSALS[opts.name]
    with TempDir(opts.tmp) as tmp:
        entry = os.path.join(tmp, name)
        with open(entry, "w") as f:
            f.write(source)
        outdir = os.path.join(tmp, "out")
        os.mkdir(outdir)
        out = os.path.join(outdir, "app")
        extra = ["--no-snapshot"] if opts.name == "with-no-snapshot" else []
        proc = run([opts.jspack, entry, "-o", out, "--build-snapshot",
                    "--libs=system", *extra], cwd=tmp)
        if cause is None:
            if proc.returncode != 0:
                show("stderr", proc.stderr)
                raise Failure(f"pack failed: {proc.returncode}")
            ran = run([out], cwd=tmp)
            if not ran.stdout.startswith(b"ran ") or ran.returncode != 0:
                show("stdout", ran.stdout)
                show("stderr", ran.stderr)
                raise Failure("the packed app did not run its main")
            log("ok: packed and ran")
            return
        stderr = proc.stderr.decode("utf-8", "replace")
        lines = stderr.splitlines()
        pattern = (r"^jspack: error: (cannot snapshot " + re.escape(name) +
                   r": )?.*" + cause + r".*\. .*" + fix + r".*\.$")
        if proc.returncode != 1 or len(lines) != 1 or \
                not re.match(pattern, lines[0]):
            show("stdout", proc.stdout)
            show("stderr", proc.stderr)
            raise Failure(f"expected exit 1 and one line matching /{pattern}/, "
                          f"got {run_case.describe_status(proc.returncode)}")
        if os.listdir(outdir):
            raise Failure(f"files left in the output folder: {os.listdir(outdir)}")
        log(f"ok: {lines[0]}")


WORKER_APP = r"""
const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');
const { startupSnapshot } = require('v8');
const cluster = require('cluster');
const path = require('path');
if (!isMainThread) {
  parentPort.postMessage(`worker ${workerData}, building ${Boolean(startupSnapshot.isBuildingSnapshot())}`);
} else {
  const state = { at: 'pack time' };
  startupSnapshot.setDeserializeMainFunction(() => {
    if (cluster.isWorker) {
      console.log('cluster worker runs main, state from', state.at);
      process.exit(0);
    }
    const worker = new Worker(__filename, { workerData: 42 });
    worker.on('message', (m) => {
      console.log('from worker:', m);
      const child = require('child_process').fork(path.join(__dirname, 'child.js'), ['a']);
      child.on('message', (m2) => {
        console.log('from child:', m2);
        cluster.fork().on('exit', (code) => console.log('cluster worker exit', code));
      });
    });
  });
}
"""
CHILD = ("process.send(`child ${process.argv.slice(2)}, building "
         "${Boolean(require('v8').startupSnapshot.isBuildingSnapshot())}`);\n"
         "process.disconnect();\n")
WORKER_OUTPUT = (b"from worker: worker 42, building false\n"
                 b"from child: child a, building false\n"
                 b"cluster worker runs main, state from pack time\n"
                 b"cluster worker exit 0\n")


def cmd_workers(opts):
    with TempDir(opts.tmp) as tmp:
        entry = os.path.join(tmp, "app.js")
        with open(entry, "w") as f:
            f.write(WORKER_APP)
        with open(os.path.join(tmp, "child.js"), "w") as f:
            f.write(CHILD)
        out = os.path.join(tmp, "out", "app")
        os.mkdir(os.path.dirname(out))
        build = run([opts.jspack, entry, os.path.join(tmp, "child.js"), "-o",
                     out, "--build-snapshot", "--libs=system"], cwd=tmp)
        expect(build, b"", 0, "jspack --build-snapshot app.js child.js")
        proc = run([out], cwd=tmp)
        expect(proc, WORKER_OUTPUT, 0, "worker, fork and cluster.fork")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--jspack", default=os.path.join(run_case.ROOT, "build",
                                                     "bin", "jspack"))
    ap.add_argument("--node")
    ap.add_argument("--tmp")
    sub = ap.add_subparsers(dest="cmd", required=True)
    sample = sub.add_parser("sample")
    sample.add_argument("--mode", choices=["pack", "node"], required=True)
    sample.add_argument("--pack-arg", action="append", default=[])
    refuse = sub.add_parser("refuse")
    refuse.add_argument("name", choices=sorted(REFUSALS))
    sub.add_parser("list-refusals")
    sub.add_parser("workers")
    opts = ap.parse_args()
    try:
        if opts.cmd == "list-refusals":
            print("\n".join(sorted(REFUSALS)))
        elif opts.cmd == "sample":
            cmd_sample(opts)
        elif opts.cmd == "workers":
            cmd_workers(opts)
        else:
            cmd_refuse(opts)
    except Skip as e:
        log(f"skipped: {e}")
        return 77
    except Failure as e:
        log(f"FAIL: {e}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
