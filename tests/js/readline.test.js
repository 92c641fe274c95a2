'use strict';
// node:readline and node:readline/promises over real streams: lines split on
// \n, \r\n and \r across chunks, questions, async iteration, close, the
// promise API and the cursor helpers.
const assert = require('assert');
const readline = require('readline');
const readlinePromises = require('node:readline/promises');
const { PassThrough, Readable, Writable } = require('stream');

// A writable that keeps everything written to it as one string.
function capture() {
  const sink = new Writable({
    write(chunk, encoding, done) {
      sink.text += String(chunk);
      done();
    },
  });
  sink.text = '';
  return sink;
}

function linesOf(rl) {
  return new Promise((resolve) => {
    const lines = [];
    rl.on('line', (line) => lines.push(line));
    rl.on('close', () => resolve(lines));
  });
}

const tick = (ms = 1) => new Promise((resolve) => setTimeout(resolve, ms));

async function splitsAcrossChunks() {
  const input = new PassThrough();
  const rl = readline.createInterface({ input });
  const done = linesOf(rl);
  input.write('al');
  input.write('pha\r');
  input.write('\nbeta\rgam');
  input.write(Buffer.from([0xe2, 0x82]));
  input.write(Buffer.from([0xac, 0x0a]));
  input.end('last');
  assert.deepStrictEqual(await done, ['alpha', 'beta', 'gam€', 'last']);
  assert.strictEqual(rl.closed, true);
}

async function crlfDelay() {
  // With the default delay a \n arriving much later is a line of its own.
  const input = new PassThrough();
  const rl = readline.createInterface({ input });
  const done = linesOf(rl);
  input.write('a\r');
  await tick(250);
  input.end('\nb\n');
  assert.deepStrictEqual(await done, ['a', '', 'b']);

  const input2 = new PassThrough();
  const rl2 = readline.createInterface({ input: input2, crlfDelay: Infinity });
  assert.strictEqual(rl2.crlfDelay, Infinity);
  const done2 = linesOf(rl2);
  input2.write('a\r');
  await tick(250);
  input2.end('\nb\n');
  assert.deepStrictEqual(await done2, ['a', 'b']);
  assert.strictEqual(readline.createInterface({ input: new PassThrough(),
                                                crlfDelay: 5 }).crlfDelay, 100);
}

async function questions() {
  const input = new PassThrough();
  const output = capture();
  const rl = readline.createInterface({ input, output, prompt: '% ' });
  const seen = [];
  rl.on('line', (line) => seen.push(line));
  const answer = new Promise((resolve) => rl.question('name? ', resolve));
  input.write('Ada\nnext\n');
  assert.strictEqual(await answer, 'Ada');
  await tick();
  assert.deepStrictEqual(seen, ['next']);
  assert.strictEqual(rl.getPrompt(), '% ');
  rl.prompt();
  rl.setPrompt('>>> ');
  rl.prompt();
  await tick();
  assert.strictEqual(output.text, 'name? % >>> ');

  const ac = new AbortController();
  let called = false;
  rl.question('never? ', { signal: ac.signal }, () => { called = true; });
  ac.abort();
  input.write('plain\n');
  await tick();
  assert.strictEqual(called, false);
  assert.deepStrictEqual(seen, ['next', 'plain']);
  rl.close();
  assert.throws(() => rl.question('late', () => {}),
                { code: 'ERR_USE_AFTER_CLOSE', message: 'readline was closed' });
}

async function closeAndPause() {
  const input = new PassThrough();
  const rl = readline.createInterface({ input });
  const events = [];
  for (const name of ['pause', 'resume', 'close']) {
    rl.on(name, () => events.push(name));
  }
  assert.strictEqual(rl.pause(), rl);
  assert.strictEqual(input.isPaused(), true);
  assert.strictEqual(rl.resume(), rl);
  assert.strictEqual(input.isPaused(), false);
  rl.close();
  rl.close();
  assert.deepStrictEqual(events, ['pause', 'resume', 'pause', 'close']);
  assert.strictEqual(rl.closed, true);

  // The unterminated last line comes before 'close'.
  const rl2 = readline.createInterface({ input: Readable.from(['x\ny']) });
  const order = [];
  rl2.on('line', (line) => order.push(line));
  await new Promise((resolve) => rl2.on('close', resolve));
  assert.deepStrictEqual(order, ['x', 'y']);

  // An aborted signal closes the interface.
  const ac = new AbortController();
  const rl3 = readline.createInterface({ input: new PassThrough(),
                                         signal: ac.signal });
  ac.abort();
  assert.strictEqual(rl3.closed, true);
}

async function asyncIteration() {
  const input = new PassThrough();
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  setTimeout(() => {
    input.write('1\n2\r\n3');
    input.end('\n4');
  }, 1);
  const lines = [];
  for await (const line of rl) {
    lines.push(line);
    await tick();
  }
  assert.deepStrictEqual(lines, ['1', '2', '3', '4']);

  const input2 = new PassThrough();
  const rl2 = readline.createInterface({ input: input2 });
  setTimeout(() => input2.write('a\nb\nc\n'), 1);
  const got = [];
  for await (const line of rl2) {
    got.push(line);
    if (line === 'b') break;
  }
  assert.deepStrictEqual(got, ['a', 'b']);
  rl2.close();
}

async function promisesApi() {
  const input = new PassThrough();
  const output = capture();
  const rl = readlinePromises.createInterface({ input, output });
  assert.ok(rl instanceof readlinePromises.Interface);
  setTimeout(() => input.write('42\n'), 1);
  assert.strictEqual(await rl.question('n? '), '42');
  await assert.rejects(rl.question('x', { signal: AbortSignal.abort() }),
                       { name: 'AbortError', code: 'ABORT_ERR' });
  const ac = new AbortController();
  const pending = rl.question('y? ', { signal: ac.signal });
  ac.abort();
  await assert.rejects(pending, { name: 'AbortError' });
  rl.close();
  await assert.rejects(rl.question('z'), { code: 'ERR_USE_AFTER_CLOSE' });
  assert.strictEqual(output.text, 'n? y? \r\n');

  const sink = capture();
  const r = new readlinePromises.Readline(sink);
  assert.strictEqual(r.cursorTo(2, 3).moveCursor(-1, 2).clearLine(1), r);
  r.clearScreenDown();
  await r.commit();
  assert.strictEqual(sink.text, '\x1b[4;3H\x1b[1D\x1b[2B\x1b[0K\x1b[0J');
  r.cursorTo(0).rollback();
  await r.commit();
  assert.strictEqual(sink.text, '\x1b[4;3H\x1b[1D\x1b[2B\x1b[0K\x1b[0J');
  assert.throws(() => r.clearLine(2), { code: 'ERR_OUT_OF_RANGE' });
  assert.throws(() => new readlinePromises.Readline({}),
                { code: 'ERR_INVALID_ARG_TYPE' });
  const auto = capture();
  new readlinePromises.Readline(auto, { autoCommit: true }).cursorTo(5);
  await tick();
  assert.strictEqual(auto.text, '\x1b[6G');
}

async function cursorHelpers() {
  const sink = capture();
  assert.strictEqual(readline.cursorTo(sink, 3), true);
  readline.cursorTo(sink, 3, 1);
  readline.moveCursor(sink, -2, 4);
  readline.moveCursor(sink, 0, 0);
  readline.clearLine(sink, -1);
  readline.clearLine(sink, 0);
  readline.clearScreenDown(sink);
  await tick();
  assert.strictEqual(sink.text,
                     '\x1b[4G\x1b[2;4H\x1b[2D\x1b[4B\x1b[1K\x1b[2K\x1b[0J');
  assert.throws(() => readline.cursorTo(sink, NaN),
                { code: 'ERR_INVALID_ARG_VALUE' });
  assert.throws(() => readline.cursorTo(sink, 'a', 1),
                { code: 'ERR_INVALID_CURSOR_POS' });
  assert.throws(() => readline.moveCursor(sink, 1, 1, 'cb'),
                { code: 'ERR_INVALID_ARG_TYPE' });
  assert.strictEqual(readline.clearLine(null, 0), true);
}

async function terminalEditing() {
  const input = new PassThrough();
  const output = capture();
  const rl = readline.createInterface({ input, output, terminal: true });
  const lines = [];
  const histories = [];
  rl.on('line', (line) => lines.push(line));
  rl.on('history', (h) => histories.push(h.slice()));
  input.write('helo');
  input.write('\x1b[D');
  input.write('l');
  input.write('\r');
  input.write('\x1b[A');
  input.write('\r');
  await tick();
  assert.deepStrictEqual(lines, ['hello', 'hello']);
  assert.deepStrictEqual(histories, [['hello'], ['hello']]);
  const keys = [];
  readline.emitKeypressEvents(input);
  input.on('keypress', (s, key) => keys.push(key.name));
  input.write('\x1b[B');
  input.write('x\x7f');
  await tick();
  assert.deepStrictEqual(keys, ['down', 'x', 'backspace']);
  let sigint = 0;
  rl.on('SIGINT', () => sigint++);
  input.write('\x03');
  await tick();
  assert.strictEqual(sigint, 1);
  input.write('\x04');
  await tick();
  assert.strictEqual(rl.closed, true);
}

async function maskedOutput() {
  // The classic password prompt replaces _writeToOutput on the instance.
  const input = new PassThrough();
  const output = capture();
  const rl = readline.createInterface({ input, output, terminal: true });
  const shown = [];
  rl._writeToOutput = (text) => shown.push(text);
  const answer = new Promise((resolve) => rl.question('pw: ', resolve));
  input.write('s');
  input.write('3');
  input.write('\r');
  assert.strictEqual(await answer, 's3');
  assert.deepStrictEqual(shown, ['pw: ', 's', '3', '\r\n']);
  rl.close();
}

// A question on a real stdin that closes first (empty, or a last line with
// no newline) is never answered; 'close' comes and the process exits 0.
// Expected output recorded from node 20.
function stdinClosedEarly() {
  const { spawnSync } = require('child_process');
  const script = `const rl = require('readline').createInterface({ input: process.stdin, output: process.stdout });
rl.question('name? ', (a) => console.log('answer', a));
rl.on('close', () => console.log('[close]'));`;
  for (const input of ['', 'partial']) {
    const r = spawnSync(process.execPath, ['-e', script], { input, encoding: 'utf8' });
    assert.strictEqual(r.status, 0, r.stderr);
    assert.strictEqual(r.stdout, 'name? [close]\n');
  }
}

(async () => {
  stdinClosedEarly();
  await splitsAcrossChunks();
  await crlfDelay();
  await questions();
  await closeAndPause();
  await asyncIteration();
  await promisesApi();
  await cursorHelpers();
  await terminalEditing();
  await maskedOutput();
  console.log('readline ok');
})().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
