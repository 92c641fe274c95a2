// node:tty and the standard streams on a real terminal: a child runs under
// `script` (a pty) and reports isatty, isTTY, raw mode on and off (checked
// with `stty -a` on the same terminal), a tty.WriteStream, and
// process.stdout's 'resize' event after `stty cols 101 rows 33` (SIGWINCH).
// Then readline on that terminal, driven key by key by a small pty driver
// (python3's pty module) that waits for each echo before typing on: prompt,
// tab completion, history up, backspace and Ctrl+C (SIGINT). Skipped where
// `script` or python3 is missing.
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
  readlineOnPty();
});

// "expect<TAB>keys" lines: the driver waits for `expect` in the output, then
// types `keys` (Python escapes).
const kSteps = "> \tban\nban\t\\t\nana\t\\r\n> \thello\\r\n> \t\\x1b[A\nhello\t\\x1b[A\nbanana\t\\r\n> \tapr\napr\t\\t\nicot\t\\r\n> \tworld\\x7f\\x7fd\\r\n> \t\\x03\n";

const kDriver = "import os, pty, sys, select\n# ptydrive.py CMD... : runs CMD on a pty; reads steps \"expect\\tsend\" from stdin.\nsteps = [l.rstrip('\\n').split('\\t', 1) for l in sys.stdin.read().split('\\n') if l]\npid, fd = pty.fork()\nif pid == 0:\n    os.execvp(sys.argv[1], sys.argv[1:])\nbuf = b''\ndef read_until(token):\n    global buf\n    while token.encode() not in buf:\n        r, _, _ = select.select([fd], [], [], 10)\n        if not r: raise SystemExit('timeout waiting for %r, got %r' % (token, buf[-200:]))\n        try: chunk = os.read(fd, 4096)\n        except OSError: raise SystemExit('eof waiting for %r' % token)\n        buf += chunk\n    buf = buf[buf.index(token.encode()) + len(token):]\nfor expect, send in steps:\n    read_until(expect)\n    os.write(fd, send.encode().decode('unicode_escape').encode('latin1'))\ntry:\n    while os.read(fd, 4096): pass\nexcept OSError: pass\n_, status = os.waitpid(pid, 0)\nsys.exit(os.waitstatus_to_exitcode(status))\n";

const kReadlineChild = "const readline = require('readline');\nconst completer = (line) => {\n  const hits = ['apple', 'apricot', 'banana'].filter((c) => c.startsWith(line));\n  return [hits.length ? hits : [], line];\n};\nconst rl = readline.createInterface({ input: process.stdin, output: process.stdout, completer, history: ['old'] });\nconst seen = [];\nrl.setPrompt('> ');\nrl.prompt();\nrl.on('line', (line) => {\n  seen.push(line);\n  if (line === 'quit') rl.close();\n  else rl.prompt();\n});\nrl.on('SIGINT', () => { seen.push('SIGINT'); rl.close(); });\nrl.on('close', () => { require('fs').writeFileSync(process.argv[2], JSON.stringify(seen)); });\n";

function readlineOnPty() {
  if (spawnSync('python3', ['--version']).error) {
    console.log('skip: no python3 for the readline pty driver');
    fs.rmSync(dir, { recursive: true, force: true });
    return;
  }
  const driver = path.join(dir, 'ptydrive.py');
  const script = path.join(dir, 'readline.js');
  const result = path.join(dir, 'lines.json');
  fs.writeFileSync(driver, kDriver);
  fs.writeFileSync(script, kReadlineChild);
  const run = spawn('python3', [driver, process.execPath, script, result], {
    env, stdio: ['pipe', 'inherit', 'inherit'],
  });
  run.stdin.end(kSteps);
  run.on('exit', (status) => {
    assert.strictEqual(status, 0);
    assert.deepStrictEqual(JSON.parse(fs.readFileSync(result, 'utf8')),
      ['banana', 'hello', 'banana', 'apricot', 'word', 'SIGINT']);
    console.log('ok - readline prompt, completion, history and SIGINT on a pty');
    readStreamOnPty(driver);
  });
}

// A tty.ReadStream of its own on fd 0: raw mode on, one key read, off.
const kReadStreamChild = "const tty = require('tty');\nconst rs = new tty.ReadStream(0);\nrs.setRawMode(true);\nprocess.stdout.write('READY\\n');\nrs.once('data', (d) => {\n  rs.setRawMode(false);\n  require('fs').writeFileSync(process.argv[2], JSON.stringify([d.toString(), rs.isRaw, rs.isTTY, rs instanceof require('net').Socket]));\n  rs.destroy();\n});\n";

function readStreamOnPty(driver) {
  const script = path.join(dir, 'readstream.js');
  const result = path.join(dir, 'key.json');
  fs.writeFileSync(script, kReadStreamChild);
  const run = spawn('python3', [driver, process.execPath, script, result], {
    env, stdio: ['pipe', 'inherit', 'inherit'],
  });
  run.stdin.end('READY\tq\n');
  run.on('exit', (status) => {
    assert.strictEqual(status, 0);
    assert.deepStrictEqual(JSON.parse(fs.readFileSync(result, 'utf8')), ['q', false, true, true]);
    fs.rmSync(dir, { recursive: true, force: true });
    console.log('ok - tty.ReadStream raw mode and a key on a pty');
  });
}
