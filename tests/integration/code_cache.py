#!/usr/bin/env python3
"""Code caches for fetch: a packed app whose bundle calls fetch() has V8 code
caches of undici's modules (and the builtins they need) in its snapshot, and
its first fetch loads them from there.

  code_cache.py --jspack JSPACK --tmp DIR
      packs an app that serves one request on 127.0.0.1 and fetches it, and
      one that never names fetch; runs each with JSPACK_DEBUG=1. The fetch
      app must print its response, and on stderr say that modules loaded
      from code caches, with no cache V8 rejected (a cache made under other
      V8 flags than a start's is refused). The other app must not mention
      code caches at all. Both with nothing but [jspack] lines on stderr.
"""
import argparse
import os
import re
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run_case  # noqa: E402
from run_case import Failure, Skip, TempDir, log, run, show  # noqa: E402

FETCH_APP = r"""
const http = require('http');
const server = http.createServer((req, res) => res.end('hello ' + req.url));
server.listen(0, '127.0.0.1', async () => {
  const res = await fetch(`http://127.0.0.1:${server.address().port}/cached`);
  console.log(res.status, await res.text(), new Headers({ a: '1' }).get('a'));
  server.close();
});
"""

PLAIN_APP = r"""
const http = require('http');
console.log(typeof http.createServer, typeof globalThis['fet' + 'ch']);
"""

CACHE_LINE = r"^\[jspack\] stdlib: modules load from code caches"
REJECTED_LINE = r"^\[jspack\] stdlib: V8 rejected the code cache"


def check(jspack, tmp, name, source, want_stdout, want_caches):
    entry = os.path.join(tmp, f"{name}.js")
    with open(entry, "w") as f:
        f.write(source)
    app = run_case.pack(jspack, entry, os.path.join(tmp, name))
    proc = run([app], env={"JSPACK_DEBUG": "1"}, cwd=tmp)
    stderr = proc.stderr.decode("utf-8", "replace")
    show(f"{name} stdout", proc.stdout)
    show(f"{name} stderr", stderr)
    problems = []
    if proc.returncode != 0:
        problems.append(f"{name}: {run_case.describe_status(proc.returncode)}")
    if proc.stdout.decode() != want_stdout:
        problems.append(f"{name}: stdout {proc.stdout!r}, want {want_stdout!r}")
    used = re.search(CACHE_LINE, stderr, re.MULTILINE) is not None
    if used != want_caches:
        problems.append(f"{name}: code caches {'not ' if want_caches else ''}used")
    if re.search(REJECTED_LINE, stderr, re.MULTILINE):
        problems.append(f"{name}: V8 rejected a code cache")
    noise = [l for l in stderr.splitlines() if l and not l.startswith("[jspack]")]
    if noise:
        problems.append(f"{name}: stderr lines not starting with [jspack]: {noise[:3]}")
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--jspack", required=True)
    ap.add_argument("--tmp", required=True)
    opts = ap.parse_args()
    try:
        run_case.require_exe(opts.jspack, "jspack")
        with TempDir(opts.tmp) as tmp:
            problems = check(opts.jspack, tmp, "fetch-app", FETCH_APP,
                             "200 hello /cached 1\n", True)
            problems += check(opts.jspack, tmp, "plain-app", PLAIN_APP,
                              "function function\n", False)
        if problems:
            raise Failure("; ".join(problems))
        log("ok")
        return 0
    except Skip as e:
        log(f"skipped: {e}")
        return run_case.SKIP
    except Failure as e:
        log(f"FAIL: {e}")
        return 1


if __name__ == "__main__":
    sys.exit(main())
