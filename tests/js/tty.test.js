// node:tty and the standard streams on a real terminal: a child runs under
// `script` (a pty) and reports isatty, isTTY, raw mode on and off (checked
// with `stty -a` on the same terminal), a tty.WriteStream, and
// process.stdout's 'resize' event after `stty cols 101 rows 33` (SIGWINCH). Skipped where
// `script` is missing.
'use strict';

const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn, spawnSync } = require('child_process');

if (spawnSync('script', ['--version']).error) {
  console.log('skip: no script(1)');
  process.exit(0);
}

const child = `
const tty = require('tty');
const { execSync } = require('child_process');
const out = {};
out.isatty = [tty.isatty(0), tty.isatty(1)];
out.stdoutTTY = process.stdout.isTTY;
out.stdinTTY = process.stdin.isTTY;
out.columnsType = typeof process.stdout.columns;
out.depth = process.stdout.getColorDepth();
out.hasColors = process.stdout.hasColors(256);
const ws = new tty.WriteStream(1);
out.ws = [ws.isTTY, typeof ws.columns, ws.getWindowSize().length];
out.rawBefore = process.stdin.isRaw;
process.stdin.setRawMode(true);
out.rawOn = process.stdin.isRaw;
const stty = () => execSync('stty -a', { stdio: ['inherit', 'pipe', 'ignore'] }).toString();
out.sttyRaw = stty().includes('-icanon');
process.stdin.setRawMode(false);
out.rawOff = process.stdin.isRaw;
out.sttyCooked = !stty().includes('-icanon');
// Keeps the process alive until the resize arrives (the signal watcher
// alone does not).
const keepAlive = setInterval(() => {}, 1000);
process.stdout.on('resize', () => {
  clearInterval(keepAlive);
  out.resized = [process.stdout.columns, process.stdout.rows];
  console.log('RESULT ' + JSON.stringify(out));
  process.exit(0);
});
execSync('stty cols 101 rows 33', { stdio: ['inherit', 'inherit', 'ignore'] });
`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jspack-tty-'));
const file = path.join(dir, 'child.js');
fs.writeFileSync(file, child);
const command = `'${process.execPath}' '${file}' 2>/dev/null`;
const env = { ...process.env, TERM: 'xterm-256color' };
for (const key of ['FORCE_COLOR', 'NO_COLOR', 'NODE_DISABLE_COLORS', 'CI', 'TMUX', 'COLORTERM', 'TERM_PROGRAM']) {
  delete env[key];
}
const proc = spawn('script', ['-qec', command, '/dev/null'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
let text = '';
proc.stdout.on('data', (d) => { text += d; });
proc.on('exit', (code) => {
  fs.rmSync(dir, { recursive: true, force: true });
  const line = text.split(/\r?\n/).find((l) => l.startsWith('RESULT '));
  assert.ok(line, `no result in ${JSON.stringify(text)}`);
  const out = JSON.parse(line.slice(7));
  assert.deepStrictEqual(out, {
    isatty: [true, true], stdoutTTY: true, stdinTTY: true, columnsType: 'number',
    depth: 8, hasColors: true, ws: [true, 'number', 2],
    rawBefore: false, rawOn: true, sttyRaw: true, rawOff: false, sttyCooked: true,
    resized: [101, 33],
  });
  assert.strictEqual(code, 0);
  console.log('ok - tty streams on a pty');
});
