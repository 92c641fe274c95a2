// fs.watch, fs/promises' watch and fs.watchFile on a real temporary
// directory. Every wait is for an event: a change is made, then the test
// waits for the watcher to report it (no sleeps; the watchFile interval is
// only how often libuv polls).
'use strict';

const assert = require('assert');
const fs = require('fs');
const fsp = require('fs/promises');
const os = require('os');
const path = require('path');

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'jspack-fs-watch-'));
const at = (...parts) => path.join(root, ...parts);

// Resolves with the first 'change' whose arguments satisfy `match`.
function nextChange(watcher, match) {
  return new Promise((resolve) => {
    const onChange = (...args) => {
      if (!match(...args)) return;
      watcher.removeListener('change', onChange);
      resolve(args);
    };
    watcher.on('change', onChange);
  });
}

function once(emitter, name) {
  return new Promise((resolve) => emitter.once(name, (...args) => resolve(args)));
}

async function watchDirectory() {
  fs.mkdirSync(at('d'));
  const w = fs.watch(at('d'));
  assert.ok(w instanceof require('events').EventEmitter);
  assert.strictEqual(w.ref(), w);
  let seen = nextChange(w, (type, name) => type === 'rename' && name === 'new.txt');
  fs.writeFileSync(at('d', 'new.txt'), 'x');
  await seen;
  seen = nextChange(w, (type, name) => type === 'change' && name === 'new.txt');
  fs.appendFileSync(at('d', 'new.txt'), 'y');
  await seen;
  seen = nextChange(w, (type, name) => type === 'rename' && name === 'new.txt');
  fs.unlinkSync(at('d', 'new.txt'));
  await seen;
  const closed = once(w, 'close');
  w.close();
  w.close();
  await closed;

  // Buffer names, and a listener given as the last argument.
  await new Promise((resolve) => {
    const wb = fs.watch(at('d'), { encoding: 'buffer' }, (type, name) => {
      assert.ok(Buffer.isBuffer(name));
      assert.strictEqual(name.toString(), 'b.txt');
      wb.close();
      resolve();
    });
    fs.writeFileSync(at('d', 'b.txt'), 'b');
  });
}

async function watchFileItself() {
  fs.writeFileSync(at('single'), '1');
  const w = fs.watch(at('single'), { persistent: false });
  const seen = nextChange(w, (type) => type === 'change');
  fs.appendFileSync(at('single'), '2');
  const [, name] = await seen;
  assert.strictEqual(name, 'single');
  w.close();
}

async function watchRecursive() {
  fs.mkdirSync(at('tree', 'a', 'b'), { recursive: true });
  const w = fs.watch(at('tree'), { recursive: true });
  let seen = nextChange(w, (type, name) => name === path.join('a', 'b', 'deep.txt'));
  fs.writeFileSync(at('tree', 'a', 'b', 'deep.txt'), 'x');
  await seen;
  // A directory made after the watch began is watched too.
  seen = nextChange(w, (type, name) => name === path.join('later', 'inner.txt'));
  fs.mkdirSync(at('tree', 'later'));
  fs.writeFileSync(at('tree', 'later', 'inner.txt'), 'x');
  await seen;
  const closed = once(w, 'close');
  w.close();
  await closed;
}

async function watchErrors() {
  assert.throws(() => fs.watch(at('missing')), (err) => {
    assert.strictEqual(err.code, 'ENOENT');
    assert.strictEqual(err.syscall, 'watch');
    assert.strictEqual(err.path, at('missing'));
    assert.strictEqual(err.filename, at('missing'));
    assert.strictEqual(err.message,
      `ENOENT: no such file or directory, watch '${at('missing')}'`);
    return true;
  });
  assert.throws(() => fs.watch(root, { recursive: 1 }), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => fs.watch(root, 'nope'), { code: 'ERR_INVALID_ARG_VALUE' });
  assert.throws(() => fs.watch(root, { signal: 1 }), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => fs.watchFile(root), { code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "listener" argument must be of type function. Received undefined' });

  for (const interval of [NaN, -1, 1.5, 2 ** 32]) {
    assert.throws(() => fs.watchFile(root, { interval }, () => {}),
      { code: 'ERR_OUT_OF_RANGE' });
  }
  assert.throws(() => fs.watchFile(root, { interval: '5' }, () => {}),
    { code: 'ERR_INVALID_ARG_TYPE' });

  // A watched directory that is removed reports 'rename'; the process
  // goes on and the watcher still closes.
  fs.mkdirSync(at('doomed'));
  const dw = fs.watch(at('doomed'));
  const gone = nextChange(dw, (type) => type === 'rename');
  fs.rmdirSync(at('doomed'));
  await gone;
  const dwClosed = once(dw, 'close');
  dw.close();
  await dwClosed;

  // An AbortSignal closes the watcher.
  const ac = new AbortController();
  const w = fs.watch(root, { signal: ac.signal });
  const closed = once(w, 'close');
  ac.abort();
  await closed;
}

async function promisesWatch() {
  fs.mkdirSync(at('p'));
  const ac = new AbortController();
  const it = fsp.watch(at('p'), { signal: ac.signal });
  const first = it.next();
  // The watch starts with the first next(); the file comes after it.
  await null;
  fs.writeFileSync(at('p', 'one'), '1');
  const { value } = await first;
  assert.deepStrictEqual(Object.keys(value), ['eventType', 'filename']);
  assert.strictEqual(value.filename, 'one');
  const pending = it.next();
  ac.abort(new Error('stop'));
  await assert.rejects(pending, (err) => {
    assert.strictEqual(err.name, 'AbortError');
    assert.strictEqual(err.code, 'ABORT_ERR');
    assert.strictEqual(err.cause.message, 'stop');
    return true;
  });
  await assert.rejects(fsp.watch(at('missing')).next(), { code: 'ENOENT', syscall: 'watch' });

  // break ends the iteration and closes the watcher.
  // (libuv shares one inotify watch per path, so events of the earlier
  // watcher may still arrive: the loop waits for its own file.)
  const it2 = fsp.watch(at('p'));
  let got = it2.next();
  await null;
  fs.writeFileSync(at('p', 'two'), '2');
  while ((await got).value.filename !== 'two') got = it2.next();
  assert.deepStrictEqual(await it2.return(), { value: undefined, done: true });
}

async function watchFilePolling() {
  // The file is missing at first: libuv's first poll reports that (zeroed
  // stats), which says the poller has its baseline; then the file is made
  // and the next poll reports it.
  const target = at('polled');
  const calls = [];
  const done = new Promise((resolve) => {
    fs.watchFile(target, { interval: 10 }, function listener(curr, prev) {
      calls.push([curr, prev]);
      if (calls.length === 1) fs.writeFileSync(target, 'abcdef');
      else if (curr.size === 6) {
        fs.unwatchFile(target, listener);
        resolve();
      }
    });
  });
  await done;
  const [firstCurr, firstPrev] = calls[0];
  assert.ok(firstCurr instanceof fs.Stats);
  assert.strictEqual(firstCurr.size, 0);
  assert.strictEqual(firstCurr.mtimeMs, 0);
  assert.strictEqual(firstPrev.ino, 0);
  const [curr, prev] = calls[calls.length - 1];
  assert.ok(curr.isFile());
  assert.strictEqual(curr.size, 6);
  assert.ok(prev instanceof fs.Stats);

  // bigint gives BigIntStats.
  const missing = await new Promise((resolve) => {
    fs.watchFile(at('not-yet'), { interval: 10, bigint: true }, (c, p) => {
      fs.unwatchFile(at('not-yet'));
      resolve([c, p]);
    });
  });
  assert.strictEqual(missing[0].size, 0n);
  assert.strictEqual(missing[1].mtimeMs, 0n);

  // One StatWatcher per path; unref lets the process end while it polls.
  const a = fs.watchFile(target, () => {});
  const b = fs.watchFile(target, { interval: 5 }, () => {});
  assert.strictEqual(a, b);
  assert.strictEqual(a.unref(), a);
  const stopped = once(a, 'stop');
  fs.unwatchFile(target);
  await stopped;
}

async function main() {
  try {
    await watchDirectory();
    await watchFileItself();
    await watchRecursive();
    await watchErrors();
    await promisesWatch();
    await watchFilePolling();
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
  console.log('fs watch tests passed');
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
