// fs.ReadStream / fs.WriteStream and the FileHandle streams on real files in
// a temporary directory: ranges, events, fds and FileHandles, a custom `fs`,
// a file deleted while it streams, a read-only file, a full file system
// (a 64 KiB tmpfs, when run as root), and a large piped copy.
'use strict';

const assert = require('assert');
const fs = require('fs');
const fsp = require('fs/promises');
const os = require('os');
const path = require('path');
const { pipeline } = require('stream');

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'jspack-fs-streams-'));
const at = (...parts) => path.join(root, ...parts);

// Collects a readable's chunks and its event order, resolving at 'close'.
function drain(stream) {
  return new Promise((resolve) => {
    const events = [];
    const chunks = [];
    let error = null;
    for (const name of ['open', 'ready', 'end', 'finish']) {
      stream.on(name, () => events.push(name));
    }
    stream.on('data', (c) => chunks.push(c));
    stream.on('error', (e) => { error = e; events.push('error'); });
    stream.on('close', () => {
      events.push('close');
      resolve({ events, error, data: Buffer.concat(chunks) });
    });
  });
}

function closed(stream) {
  return new Promise((resolve) => stream.on('close', resolve));
}

function fdIsOpen(fd) {
  try {
    fs.fstatSync(fd);
    return true;
  } catch {
    return false;
  }
}

async function readRanges() {
  fs.writeFileSync(at('ten'), 'abcdefghij');
  let r = await drain(fs.createReadStream(at('ten')));
  assert.deepStrictEqual(r.events, ['open', 'ready', 'end', 'close']);
  assert.strictEqual(r.data.toString(), 'abcdefghij');

  const s = fs.createReadStream(at('ten'), { start: 2, end: 4 });
  assert.strictEqual(s.pending, true);
  assert.strictEqual(s.path, at('ten'));
  r = await drain(s);
  assert.strictEqual(r.data.toString(), 'cde');
  assert.strictEqual(s.bytesRead, 3);
  assert.strictEqual(s.pos, 5);
  assert.strictEqual(s.fd, null);

  r = await drain(fs.createReadStream(at('ten'), { end: 0 }));
  assert.strictEqual(r.data.toString(), 'a');
  r = await drain(fs.createReadStream(at('ten'), { start: 9 }));
  assert.strictEqual(r.data.toString(), 'j');

  // Small highWaterMark: many reads, same bytes; encoding gives strings.
  const chunks = [];
  const small = fs.createReadStream(at('ten'), { highWaterMark: 3, encoding: 'latin1' });
  small.on('data', (c) => chunks.push(c));
  await closed(small);
  assert.deepStrictEqual(chunks, ['abc', 'def', 'ghi', 'j']);

  // Argument errors are thrown at once with Node's codes.
  assert.throws(() => fs.createReadStream(at('ten'), { start: 5, end: 2 }),
    { code: 'ERR_OUT_OF_RANGE', message: 'The value of "start" is out of range. ' +
      'It must be <= "end" (here: 2). Received 5' });
  assert.throws(() => fs.createReadStream(at('ten'), { start: -1 }),
    { code: 'ERR_OUT_OF_RANGE' });
  assert.throws(() => fs.createReadStream(at('ten'), 5),
    { code: 'ERR_INVALID_ARG_TYPE', message: 'The "options" argument must be one of ' +
      'type string or object. Received type number (5)' });
  assert.throws(() => fs.createReadStream(at('ten'), { fs: {} }),
    { code: 'ERR_INVALID_ARG_TYPE', message: 'The "options.fs.open" property must ' +
      'be of type function. Received undefined' });
  assert.throws(() => fs.createReadStream(null, { fd: 'a' }),
    { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => fs.createWriteStream(at('x'), { flush: 1 }),
    { code: 'ERR_INVALID_ARG_TYPE' });
}

async function openErrors() {
  let r = await drain(fs.createReadStream(at('missing')));
  assert.deepStrictEqual(r.events, ['error', 'close']);
  assert.strictEqual(r.error.code, 'ENOENT');
  assert.strictEqual(r.error.syscall, 'open');
  assert.strictEqual(r.error.path, at('missing'));
  assert.strictEqual(r.error.message,
    `ENOENT: no such file or directory, open '${at('missing')}'`);

  // A directory opens but fails to read.
  r = await drain(fs.createReadStream(root));
  assert.strictEqual(r.error.code, 'EISDIR');
  assert.strictEqual(r.error.syscall, 'read');
  assert.strictEqual(r.error.message, 'EISDIR: illegal operation on a directory, read');

  const w = fs.createWriteStream(at('no', 'such', 'dir'));
  const wr = await drain(w);
  assert.strictEqual(wr.error.code, 'ENOENT');
  assert.strictEqual(wr.error.syscall, 'open');
}

async function fds() {
  // With an fd there is no 'open'; destroy closes it, autoClose or not.
  let fd = fs.openSync(at('ten'), 'r');
  let r = await drain(fs.createReadStream(null, { fd, end: 2 }));
  assert.deepStrictEqual(r.events, ['end', 'close']);
  assert.strictEqual(r.data.toString(), 'abc');
  assert.strictEqual(fdIsOpen(fd), false);

  // autoClose: false keeps the fd after the end.
  fd = fs.openSync(at('ten'), 'r');
  const keep = fs.createReadStream(null, { fd, autoClose: false });
  const data = [];
  keep.on('data', (c) => data.push(c));
  await new Promise((resolve) => keep.on('end', resolve));
  assert.strictEqual(Buffer.concat(data).toString(), 'abcdefghij');
  assert.strictEqual(fdIsOpen(fd), true);
  fs.closeSync(fd);

  // close(cb) before the open finished.
  const early = fs.createReadStream(at('ten'));
  const err = await new Promise((resolve) => early.close(resolve));
  assert.strictEqual(err.code, 'ERR_STREAM_PREMATURE_CLOSE');
  assert.strictEqual(early.destroyed, true);

  // Writing at a position of an fd opened r+.
  fs.writeFileSync(at('patch'), '0123456789');
  fd = fs.openSync(at('patch'), 'r+');
  const w = fs.createWriteStream(null, { fd, start: 4 });
  w.end('XY');
  await closed(w);
  assert.strictEqual(fs.readFileSync(at('patch'), 'utf8'), '0123XY6789');
  assert.strictEqual(w.bytesWritten, 2);
}

async function writes() {
  const w = fs.createWriteStream(at('out'), { flush: true });
  const events = [];
  for (const name of ['open', 'ready', 'finish', 'close']) {
    w.on(name, () => events.push(name));
  }
  assert.strictEqual(w.pending, true);
  // Several writes before the open: they go out batched with writev.
  for (let i = 0; i < 100; i++) w.write(`line ${i}\n`);
  w.write(Buffer.from('bytes\n'));
  w.end('end\n');
  await closed(w);
  assert.deepStrictEqual(events, ['open', 'ready', 'finish', 'close']);
  const expected = Array.from({ length: 100 }, (_, i) => `line ${i}\n`).join('') +
    'bytes\nend\n';
  assert.strictEqual(fs.readFileSync(at('out'), 'utf8'), expected);
  assert.strictEqual(w.bytesWritten, Buffer.byteLength(expected));

  // flags 'a' appends; close(cb) ends the stream.
  const a = fs.createWriteStream(at('out'), { flags: 'a' });
  a.write('more');
  await new Promise((resolve) => a.close(resolve));
  assert.ok(fs.readFileSync(at('out'), 'utf8').endsWith('end\nmore'));

  // 'wx' on an existing file fails at open.
  const x = await drain(fs.createWriteStream(at('out'), { flags: 'wx' }));
  assert.strictEqual(x.error.code, 'EEXIST');

  // A custom fs gets Node's callback arguments.
  const calls = [];
  const custom = {
    open: (...args) => { calls.push('open'); fs.open(...args); },
    write: (...args) => { calls.push('write'); fs.write(...args); },
    close: (...args) => { calls.push('close'); fs.close(...args); },
  };
  const c = fs.createWriteStream(at('custom'), { fs: custom });
  c.write('a');
  c.write('b');
  c.end();
  await closed(c);
  assert.strictEqual(fs.readFileSync(at('custom'), 'utf8'), 'ab');
  assert.deepStrictEqual([...new Set(calls)], ['open', 'write', 'close']);
}

async function fileHandles() {
  const fh = await fsp.open(at('ten'), 'r');
  const r = await drain(fh.createReadStream({ start: 1, end: 3 }));
  assert.strictEqual(r.data.toString(), 'bcd');
  // The stream closed the handle.
  assert.strictEqual(fh.fd, -1);

  const wh = await fsp.open(at('viahandle'), 'w');
  const w = wh.createWriteStream();
  w.end('handle data');
  await closed(w);
  assert.strictEqual(wh.fd, -1);
  assert.strictEqual(fs.readFileSync(at('viahandle'), 'utf8'), 'handle data');

  // readableWebStream: ArrayBuffer chunks; the handle stays open.
  const webHandle = await fsp.open(at('ten'));
  const parts = [];
  for await (const chunk of webHandle.readableWebStream()) {
    assert.ok(chunk instanceof ArrayBuffer);
    parts.push(Buffer.from(chunk).toString());
  }
  assert.strictEqual(parts.join(''), 'abcdefghij');
  await webHandle.close();
  assert.throws(() => webHandle.readableWebStream(), { code: 'ERR_INVALID_STATE' });

  fs.writeFileSync(at('lines'), 'one\r\ntwo\nthree');
  const lh = await fsp.open(at('lines'));
  const lines = [];
  for await (const line of lh.readLines()) lines.push(line);
  assert.deepStrictEqual(lines, ['one', 'two', 'three']);
}

// Unlinking a file while it streams changes nothing on Linux: the open fd
// keeps the inode.
async function deletedWhileStreaming() {
  const big = Buffer.alloc(1 << 20, 'q');
  fs.writeFileSync(at('gone'), big);
  const s = fs.createReadStream(at('gone'), { highWaterMark: 4096 });
  let first = true;
  const chunks = [];
  s.on('data', (c) => {
    if (first) {
      first = false;
      fs.unlinkSync(at('gone'));
    }
    chunks.push(c);
  });
  await closed(s);
  assert.strictEqual(Buffer.concat(chunks).length, big.length);
  assert.strictEqual(fs.existsSync(at('gone')), false);

  // A write stream to an unlinked file keeps writing too.
  const w = fs.createWriteStream(at('gone2'));
  w.write('x');
  await new Promise((resolve) => w.once('ready', resolve));
  fs.unlinkSync(at('gone2'));
  w.end('y');
  await closed(w);
  assert.strictEqual(w.bytesWritten, 2);
}

// The fd closed under a running stream: EBADF as an 'error' event (from
// the stream's own close, as in Node), and nothing else breaks.
async function fdClosedUnderneath() {
  fs.writeFileSync(at('under'), Buffer.alloc(1 << 20));
  const fd = fs.openSync(at('under'), 'r');
  const s = fs.createReadStream(null, { fd, highWaterMark: 1024 });
  let chunks = 0;
  s.on('data', () => {
    if (++chunks === 2) fs.closeSync(fd);
  });
  const r = await drain(s);
  assert.strictEqual(r.error.code, 'EBADF');
  assert.strictEqual(r.error.syscall, 'close');
  assert.strictEqual(s.destroyed, true);
}

async function readOnly() {
  fs.writeFileSync(at('ro'), 'ro');
  fs.chmodSync(at('ro'), 0o444);
  const w = fs.createWriteStream(at('ro'), { flags: 'r' });
  w.end('data');
  const r = await drain(w);
  // An fd opened read-only fails at write with EBADF.
  assert.strictEqual(r.error.code, 'EBADF');
  assert.strictEqual(r.error.syscall, 'write');
  assert.ok(r.events.includes('open'));

  if (process.getuid && process.getuid() !== 0) {
    const denied = await drain(fs.createWriteStream(at('ro')));
    assert.strictEqual(denied.error.code, 'EACCES');
  }
}

// A 64 KiB tmpfs fills up: the write stream fails with ENOSPC and closes
// its fd; the process goes on.
async function fullDisk() {
  if (!process.getuid || process.getuid() !== 0) {
    console.log('skipped ENOSPC case: not root');
    return;
  }
  const mnt = at('small');
  fs.mkdirSync(mnt);
  const { spawnSync } = childProcess();
  if (spawnSync === null) {
    console.log('skipped ENOSPC case: no child_process');
    return;
  }
  const m = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mnt]);
  if (m.status !== 0) {
    console.log('skipped ENOSPC case: mount failed');
    return;
  }
  try {
    const w = fs.createWriteStream(path.join(mnt, 'fill'));
    const chunk = Buffer.alloc(16 * 1024, 1);
    let fd = null;
    w.on('open', (n) => { fd = n; });
    for (let i = 0; i < 16; i++) w.write(chunk);
    w.end();
    const r = await drain(w);
    assert.strictEqual(r.error.code, 'ENOSPC');
    assert.strictEqual(r.error.syscall, 'write');
    assert.strictEqual(r.error.message, 'ENOSPC: no space left on device, write');
    assert.ok(fd !== null && !fdIsOpen(fd));
    assert.ok(w.bytesWritten <= 64 * 1024);
  } finally {
    spawnSync('umount', [mnt]);
  }
}

function childProcess() {
  try {
    return require('child_process');
  } catch {
    return { spawnSync: null };
  }
}

// A piped copy of 32 MB keeps every byte in order.
async function bigCopy() {
  const size = 32 << 20;
  const src = Buffer.allocUnsafe(size);
  for (let i = 0; i < size; i += 4) src.writeUInt32LE(i, i);
  fs.writeFileSync(at('big'), src);
  await new Promise((resolve, reject) => {
    pipeline(fs.createReadStream(at('big')), fs.createWriteStream(at('big.copy')),
      (err) => (err ? reject(err) : resolve()));
  });
  assert.ok(fs.readFileSync(at('big.copy')).equals(src));
}

async function openAsBlob() {
  const blob = await fs.openAsBlob(at('ten'), { type: 'text/plain' });
  assert.strictEqual(blob.size, 10);
  assert.strictEqual(blob.type, 'text/plain');
  assert.strictEqual(await blob.text(), 'abcdefghij');
  assert.throws(() => fs.openAsBlob(at('missing')),
    { code: 'ERR_INVALID_ARG_VALUE', message: 'Unable to open file as blob' });
  assert.throws(() => fs.openAsBlob(at('ten'), { type: 5 }), { code: 'ERR_INVALID_ARG_TYPE' });
}

async function main() {
  try {
    await readRanges();
    await openErrors();
    await fds();
    await writes();
    await fileHandles();
    await deletedWhileStreaming();
    await fdClosedUnderneath();
    await readOnly();
    await fullDisk();
    await bigCopy();
    await openAsBlob();
    assert.strictEqual(typeof fs.ReadStream, 'function');
    const destroyed = fs.createReadStream(at('ten')).destroy();
    assert.ok(destroyed instanceof fs.ReadStream);
    await closed(destroyed);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
  console.log('fs streams tests passed');
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
