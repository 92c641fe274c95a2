#!/usr/bin/env python3
"""The stdlib's require() graph must have no cycle (STYLE: the bootstrap has
one direction). Every require() counts, top-level or inside a function; a
late lookup that is truly needed is listed in ALLOWED with its reason, and
its file says why in its opening comment.

Usage: check_import_cycles.py STDLIB_DIR
"""
import os
import re
import sys

# (file, required file) pairs allowed to close a cycle.
ALLOWED = {
    # errors describes values with inspect; inspect throws Node's ERR_*
    # codes from the few functions that validate options.
    ('internal/util/inspect.js', 'internal/errors.js'),
    # cluster.fork() is child_process.fork(), looked up at the first fork;
    # a worker's startup (process.js) loads node:cluster, and child_process
    # reaches process.js.
    ('internal/cluster/primary.js', 'child_process.js'),
}


def main(root):
    files = {}
    for folder, _, names in os.walk(root):
        for name in names:
            if name.endswith('.js'):
                path = os.path.relpath(os.path.join(folder, name), root)
                with open(os.path.join(root, path), encoding='utf-8') as f:
                    files[path] = f.read()

    def resolve(source, spec):
        if not spec.startswith('.'):
            return None
        base = os.path.normpath(os.path.join(os.path.dirname(source), spec))
        for candidate in (base, base + '.js', os.path.join(base, 'index.js')):
            if candidate in files:
                return candidate
        return None

    graph = {}
    for path, text in files.items():
        targets = set()
        for match in re.finditer(r"require\('([^']+)'\)", text):
            target = resolve(path, match.group(1))
            if target is not None and (path, target) not in ALLOWED:
                targets.add(target)
        graph[path] = targets

    # Depth-first search for a back edge; report the first cycle found.
    state = {}
    stack = []

    def visit(node):
        state[node] = 'open'
        stack.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == 'open':
                return stack[stack.index(target):] + [target]
            if target not in state:
                found = visit(target)
                if found:
                    return found
        stack.pop()
        state[node] = 'done'
        return None

    sys.setrecursionlimit(10000)
    for node in sorted(graph):
        if node not in state:
            cycle = visit(node)
            if cycle:
                print('import cycle in the stdlib: ' + ' -> '.join(cycle))
                print('Break it (a leaf module, or the dependency passed in); '
                      'a truly needed late require() goes in ALLOWED in '
                      + os.path.basename(__file__) + ' with its reason.')
                return 1
    print(f'{len(files)} stdlib files, no import cycle')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1]))
