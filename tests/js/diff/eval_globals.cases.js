'use strict';
// Differential corpus for the globals of `-e` / `-p` scripts: builtin
// modules with plain names are globals there, loaded when first read and
// replaced by assignment; the ones that already are globals stay as they are.
// One JSON line per case: [label, result].

const { spawnSync } = require('child_process');
const { makeEmit } = require('./lib/emit');

const emit = makeEmit();

function runEval(flag, script) {
  const child = spawnSync(process.execPath, ['--no-warnings', flag, script], { encoding: 'utf8' });
  return [child.status, child.stdout.trim(), child.stderr === '' ? '' : 'stderr'];
}

const probes = [
  ['types', "console.log([typeof fs, typeof path, typeof url, typeof os, typeof events, typeof util].join())"],
  ['same-as-require', "console.log(fs === require('fs'), url === require('node:url'), path.posix === require('path/posix'))"],
  ['hidden', "console.log(Object.keys(globalThis).includes('fs'), typeof Object.getOwnPropertyDescriptor(globalThis, 'fs').get)"],
  ['assign', "fs = 5; const d = Object.getOwnPropertyDescriptor(globalThis, 'fs'); console.log(fs, d.writable, d.enumerable, d.configurable)"],
  ['no-subpaths', "console.log(typeof globalThis['fs/promises'], typeof _stream_readable, typeof test)"],
  ['kept-globals', "console.log(typeof process.pid, typeof console.log, typeof Buffer.from, typeof module, typeof require)"],
  ['use', "console.log(url.parse('http://h/p?q').pathname, path.join('a', 'b'), querystring.stringify({ a: 1 }))"],
  ['declared', "const fs = 1; console.log(fs)"],
];
for (const [label, script] of probes) {
  emit(`eval:${label}`, runEval('-e', script));
}
emit('print:path', runEval('-p', "path.basename('/x/y.js')"));
{
  // ES module input has them too (`module` is node:module there); a script
  // read from stdin has none.
  const esm = spawnSync(process.execPath, ['--input-type=module', '-e',
    "console.log(typeof fs, typeof module, typeof module.builtinModules, typeof require)"], { encoding: 'utf8' });
  emit('eval:module', [esm.status, esm.stdout.trim()]);
  const stdin = spawnSync(process.execPath, ['-'], { input: 'console.log(typeof fs, typeof url)', encoding: 'utf8' });
  emit('stdin', [stdin.status, stdin.stdout.trim()]);
}
emit('print:typeof', runEval('-p', 'typeof readline.createInterface'));
