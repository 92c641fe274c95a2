'use strict';
// process.stdout on a pipe whose reader has gone, as Node v20 behaves:
// the console swallows the first EPIPE, the next one is an uncaught
// 'error' (exit 1, "write EPIPE"); with an 'error' listener every write
// fails again rather than waiting in the buffer forever.
const assert = require('assert');
const { spawn } = require('child_process');

function runWithClosedStdout(source) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', source], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();  // the reader goes away before the child writes
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => { child.kill(); reject(new Error(`child hung; stderr: ${stderr}`)); }, 10000);
    child.on('close', (code, signal) => { clearTimeout(timer); resolve({ code, signal, stderr }); });
  });
}

(async () => {
  // A console that keeps logging dies of the second EPIPE instead of spinning.
  const looping = await runWithClosedStdout(
    "setTimeout(() => { console.log('a'); setTimeout(() => { console.error('alive'); console.log('b'); " +
    "setTimeout(() => console.error('not reached'), 50); }, 50); }, 200);");
  assert.strictEqual(looping.code, 1, looping.stderr);
  assert.match(looping.stderr, /^alive\n/);
  assert.match(looping.stderr, /Error: write EPIPE/);
  assert.match(looping.stderr, /code: 'EPIPE'/);
  assert.doesNotMatch(looping.stderr, /not reached/);

  // With a listener: each failed write reaches its callback, one 'error'
  // per failing tick, and a later write is tried again, not buffered.
  const listened = await runWithClosedStdout(`
    const seen = [];
    process.stdout.on('error', (e) => seen.push('error ' + e.message));
    setTimeout(() => {
      for (let i = 0; i < 2; i++) process.stdout.write('a\\n', (e) => seen.push('cb ' + e.message));
      setTimeout(() => {
        process.stdout.write('b\\n', (e) => seen.push('cb b ' + e.message));
        setTimeout(() => console.error(JSON.stringify([seen, process.stdout.destroyed, process.stdout.writableLength])), 50);
      }, 50);
    }, 200);`);
  assert.strictEqual(listened.code, 0, listened.stderr);
  assert.deepStrictEqual(JSON.parse(listened.stderr), [[
    'cb write EPIPE', 'cb write EPIPE', 'error write EPIPE', 'cb b write EPIPE', 'error write EPIPE',
  ], false, 0]);
  console.log('ok');
})().catch((err) => { console.error(err); process.exit(1); });
