'use strict';
// Work V8 finishes through foreground tasks runs on the event loop, as in
// Node: async WebAssembly compilation (also in a worker and as the last
// thing a program waits for), FinalizationRegistry callbacks (an exception
// in one is uncaught), and a FileHandle dropped without close() closing
// its fd on collection with Node's two warnings. Expected outputs are
// Node v20's for the same scripts.
const assert = require('assert');
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jspack-platform-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
let scripts = 0;

// Runs `source` as a script file (not -e: Node keeps an -e script's
// FileHandle reachable).
function run(source, args = []) {
  const file = path.join(dir, `script${scripts++}.js`);
  fs.writeFileSync(file, source);
  const r = spawnSync(process.execPath, [...args, file], { encoding: 'utf8', timeout: 20000 });
  assert.strictEqual(r.error, undefined);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const addWasm = 'new Uint8Array([0,97,115,109,1,0,0,0,1,7,1,96,2,127,127,1,127,3,2,1,0,7,7,1,3,97,100,100,' +
  '0,0,10,9,1,7,0,32,0,32,1,106,11])';

// The compile is the only pending work: the process waits for it.
let r = run(`WebAssembly.instantiate(${addWasm}).then(({ instance }) => console.log('add', instance.exports.add(2, 3)))
  .then(() => WebAssembly.compile(${addWasm})).then((m) => WebAssembly.instantiate(m))
  .then((i) => console.log('module', i.exports.add(1, 2)));`);
assert.deepStrictEqual(r, { code: 0, stdout: 'add 5\nmodule 3\n', stderr: '' });

// A broken module rejects with V8's CompileError.
r = run("WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 2, 0, 0, 0])).catch((e) => console.log(e.name))");
assert.deepStrictEqual(r, { code: 0, stdout: 'CompileError\n', stderr: '' });

// In a worker thread, which has its own loop.
r = run(`const { Worker } = require('worker_threads');
  new Worker("WebAssembly.instantiate(${addWasm}).then(({ instance }) => console.log('worker', instance.exports.add(20, 22)))",
    { eval: true }).on('exit', (c) => console.log('exit', c));`);
assert.deepStrictEqual(r, { code: 0, stdout: 'worker 42\nexit 0\n', stderr: '' });

// FinalizationRegistry callbacks run after a collection.
r = run(`const reg = new FinalizationRegistry((v) => console.log('finalized', v));
  (function () { reg.register({}, 'x'); })();
  setTimeout(() => { gc(); setTimeout(() => console.log('done'), 100); }, 10);`, ['--expose-gc']);
assert.deepStrictEqual(r, { code: 0, stdout: 'finalized x\ndone\n', stderr: '' });

// ... and one that throws is an uncaught exception (exit 1, no later timer).
r = run(`process.on('exit', (c) => console.log('exit', c));
  const reg = new FinalizationRegistry((v) => { throw new Error('boom ' + v); });
  (function () { reg.register({}, 'x'); })();
  setTimeout(() => { gc(); setTimeout(() => console.log('not reached'), 100); }, 10);`, ['--expose-gc']);
assert.strictEqual(r.code, 1);
assert.strictEqual(r.stdout, 'exit 1\n');
assert.match(r.stderr, /Error: boom x/);

// A FileHandle collected while open: the fd is closed, with both warnings
// once. (Node prints the same for this script run from a terminal; under
// this test's pipes its collection comes later than the check.)
r = run(`const fsp = require('fs/promises');
  async function open() { const handle = await fsp.open(${JSON.stringify(__filename)}); return handle.fd; }
  open().then((fd) => setTimeout(() => { gc(); setTimeout(() => {
    try { require('fs').fstatSync(fd); console.log('still open'); } catch (e) { console.log(e.code); }
  }, 100); }, 10));`, ['--expose-gc']);
assert.strictEqual(r.code, 0);
assert.strictEqual(r.stdout, 'EBADF\n');
assert.match(r.stderr, /^\(node:\d+\) Warning: Closing file descriptor \d+ on garbage collection\n/);
assert.match(r.stderr, /\[DEP0137\] DeprecationWarning: Closing a FileHandle object on garbage collection is deprecated\./);
console.log('ok');
