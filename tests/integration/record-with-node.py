#!/usr/bin/env python3
"""Records expected.stdout and expected.code of integration cases by running
the samples under real Node, twice: a case whose two runs differ is not
deterministic and is not recorded. expected.stderr (regexes) is written by
hand and left alone.

  tests/integration/record-with-node.py [case ...]   (default: every case)
  --check: compare with the recorded files instead of writing them
"""
import argparse
import os
import shutil
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run_case  # noqa: E402


def cases():
    # A case with expected.build.stdout (startup-snapshot) runs under node
    # --build-snapshot; build_snapshot.py checks it, and it is recorded by
    # hand from that (see README.md).
    return sorted(d for d in os.listdir(run_case.HERE)
                  if (os.path.exists(os.path.join(run_case.HERE, d, "expected.code"))
                      or os.path.exists(os.path.join(run_case.HERE, d, "args"))
                      or os.path.isdir(os.path.join(run_case.ROOT, "samples", d)))
                  and not os.path.exists(os.path.join(run_case.HERE, d,
                                                      "expected.build.stdout")))


def run_under_node(name, node, esbuild):
    case_dir = os.path.join(run_case.HERE, name)
    sample_file = os.path.join(case_dir, "sample")
    sample = open(sample_file).read().strip() if os.path.exists(sample_file) else name
    entry = run_case.find_entry(os.path.join(run_case.ROOT, "samples", sample))
    args = []
    if os.path.exists(os.path.join(case_dir, "args")):
        args = open(os.path.join(case_dir, "args")).read().splitlines()
    env = {}
    if os.path.exists(os.path.join(case_dir, "env")):
        for line in open(os.path.join(case_dir, "env"), encoding="utf-8").read().splitlines():
            if line.strip() and not line.startswith("#"):
                k, _, v = line.partition("=")
                env[k] = v
    stdin = b""
    if os.path.exists(os.path.join(case_dir, "stdin")):
        stdin = open(os.path.join(case_dir, "stdin"), "rb").read()
    with run_case.TempDir() as tmp:
        script = run_case.bundle_for_node(esbuild, entry, tmp)
        env["JSPACK_SAMPLE_EXPECT_ARGV0"] = node
        env["JSPACK_SAMPLE_EXPECT_ARGV1"] = script
        cwd = os.path.join(tmp, "cwd")
        os.mkdir(cwd)
        proc = run_case.run([node, script, *args], env=env, cwd=cwd, stdin=stdin)
    return proc


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cases", nargs="*")
    ap.add_argument("--node", default=shutil.which("node"))
    ap.add_argument("--esbuild", default=os.path.join(
        run_case.ROOT, "node_modules", "@esbuild", "linux-x64", "bin", "esbuild"))
    ap.add_argument("--check", action="store_true")
    opts = ap.parse_args()
    node = os.path.realpath(opts.node)
    status = 0
    for name in opts.cases or cases():
        if name in ("sigint",):
            continue  # checked by run_case.py sigint, no recorded output
        first = run_under_node(name, node, opts.esbuild)
        second = run_under_node(name, node, opts.esbuild)
        if (first.stdout, first.returncode) != (second.stdout, second.returncode):
            print(f"{name}: NOT DETERMINISTIC under node; not recorded")
            status = 1
            continue
        case_dir = os.path.join(run_case.HERE, name)
        files = {"expected.stdout": first.stdout,
                 "expected.code": f"{first.returncode}\n".encode()}
        for fname, data in files.items():
            path = os.path.join(case_dir, fname)
            old = open(path, "rb").read() if os.path.exists(path) else None
            if opts.check:
                if old != data:
                    print(f"{name}: {fname} differs from node's output")
                    status = 1
            elif old != data:
                with open(path, "wb") as f:
                    f.write(data)
                print(f"{name}: wrote {fname}")
        print(f"{name}: exit {first.returncode}, {len(first.stdout)} bytes of stdout, "
              f"stderr {len(first.stderr)} bytes (same in two runs)")
    return status


if __name__ == "__main__":
    sys.exit(main())
