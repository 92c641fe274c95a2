#!/usr/bin/env python3
"""Differential test: runs one corpus under real Node and under jspack, and
compares what each prints, case by case.

A corpus (tests/js/diff/*.cases.js) is a plain script that runs unchanged on
both. It prints one JSON line per case, `["<label>", <result>]`, where the
result is whatever the corpus computed (an inspect string, a message, a list of
events...). Node's output is the expectation; jspack must print the same lines.

A corpus whose first lines hold `// diff-mode: node-command` runs on the bare
runtime as `jspack-runtime CORPUS` (the node-compatible command, files loaded
from disk) instead of `jspack run CORPUS` (bundled first).

Usage: run_diff.py --jspack build/bin/jspack [--node node] CORPUS.cases.js
Exit codes: 0 identical, 1 differences or a crash, 77 skipped (no Node 20 on
PATH: the expected output cannot be made, which is said loudly).
"""
import argparse, json, os, shutil, subprocess, sys

SKIP = 77
SHOWN = 25


def run(cmd, cwd):
    env = dict(os.environ, NO_COLOR='1', NODE_DISABLE_COLORS='1')
    env.pop('FORCE_COLOR', None)
    p = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=600)
    return p.returncode, p.stdout.decode('utf-8', 'replace'), \
        p.stderr.decode('utf-8', 'replace')


def records(text, who):
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        try:
            label, result = json.loads(line)
        except (ValueError, TypeError):
            raise SystemExit(f'{who} printed a line that is not a case record '
                             f'(line {n}): {line[:200]!r}')
        out.append((label, result))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--jspack', required=True)
    ap.add_argument('--node', default='node')
    ap.add_argument('corpus')
    a = ap.parse_args()
    corpus = os.path.abspath(a.corpus)
    name = os.path.basename(corpus)
    node = shutil.which(a.node)
    if node is None:
        print(f'SKIPPED {name}: `{a.node}` is not on PATH, so Node\'s expected '
              'output cannot be made. Install Node.js 20 to run this test.')
        return SKIP
    version = subprocess.run([node, '--version'], stdout=subprocess.PIPE,
                             text=True).stdout.strip()
    if not version.startswith('v20.'):
        print(f'SKIPPED {name}: the corpus is compared against Node 20, and '
              f'`{node}` is {version}.')
        return SKIP
    cwd = os.path.dirname(corpus)
    rc_n, out_n, err_n = run([node, corpus], cwd)
    if rc_n != 0:
        print(f'node failed on {name} (exit {rc_n}): the corpus itself is '
              f'broken.\n{err_n[-3000:]}')
        return 1
    with open(corpus, encoding='utf-8') as f:
        head = f.read(400)
    jspack = os.path.abspath(a.jspack)
    if '// diff-mode: node-command' in head:
        cmd = [os.path.join(os.path.dirname(jspack), 'jspack-runtime'), corpus]
    else:
        cmd = [jspack, 'run', corpus]
    rc_j, out_j, err_j = run(cmd, cwd)
    expected = records(out_n, 'node')
    actual = records(out_j, 'jspack')
    bad = 0
    for i, (label, want) in enumerate(expected):
        got = actual[i] if i < len(actual) else None
        if got is not None and got[0] == label and got[1] == want:
            continue
        bad += 1
        if bad <= SHOWN:
            print(f'--- case {i}: {label}')
            print(f'  node:   {json.dumps(want)[:1500]}')
            if got is None:
                print('  jspack: (missing: output ended early)')
            else:
                if got[0] != label:
                    print(f'  jspack label: {got[0]}')
                print(f'  jspack: {json.dumps(got[1])[:1500]}')
    if len(actual) > len(expected):
        bad += len(actual) - len(expected)
        print(f'jspack printed {len(actual) - len(expected)} extra records')
    if rc_j != 0:
        print(f'jspack exited {rc_j}:\n{err_j[-3000:]}')
    print(f'{name}: {len(expected)} cases, {bad} differ from Node {version}')
    if len(expected) == 0:
        print('the corpus printed no case')
        return 1
    return 0 if bad == 0 and rc_j == 0 else 1


if __name__ == '__main__':
    sys.exit(main())
