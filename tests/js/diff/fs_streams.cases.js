// Differential corpus for fs.ReadStream / fs.WriteStream edge cases: option
// checks, event order, properties before and after, ranges, errors, fds,
// custom fs. Each case runs in a fresh mkdtemp directory (its paths are made
// by at(), which refuses to leave it) and prints with the directory as <T>.
'use strict';

const fs = require('fs');
const fsp = require('fs/promises');
const os = require('os');
const path = require('path');
const { makeEmit } = require('./lib/emit');

const emit = makeEmit();

function caseDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jspack-streams-case-'));
  const at = (...parts) => {
    const p = path.join(dir, ...parts);
    if (p !== dir && !p.startsWith(dir + path.sep)) throw new Error(`escapes: ${p}`);
    return p;
  };
  return { dir, at };
}

function describe(err) {
  return ['error', err.name, err.code, err.message, err.errno, err.syscall,
    err.path === undefined ? null : String(err.path)];
}

// Event names in order (data as its text), until 'close'.
function record(stream) {
  return new Promise((resolve) => {
    const log = [];
    for (const name of ['open', 'ready', 'end', 'finish', 'pause', 'resume']) {
      stream.on(name, () => log.push(name));
    }
    stream.on('data', (c) => log.push(`data:${c}`));
    stream.on('error', (e) => log.push(describe(e)));
    stream.on('close', () => {
      log.push('close');
      resolve(log);
    });
  });
}

function props(s) {
  return { pending: s.pending, fd: typeof s.fd, pos: s.pos, start: s.start, end: s.end,
    bytesRead: s.bytesRead, bytesWritten: s.bytesWritten, flags: s.flags, mode: s.mode,
    autoClose: s.autoClose, destroyed: s.destroyed, closed: s.closed };
}

const cases = [];
function test(label, fn) { cases.push([label, fn]); }

// Option checks (thrown by the constructor).
for (const [label, opts] of [
  ['start > end', { start: 5, end: 2 }],
  ['start string', { start: '1' }],
  ['start negative', { start: -1 }],
  ['start float', { start: 1.5 }],
  ['end negative', { end: -1 }],
  ['end NaN', { end: NaN }],
  ['options number', 5],
  ['options bad encoding', 'nope'],
  ['highWaterMark string', { highWaterMark: 'a' }],
  ['highWaterMark negative', { highWaterMark: -1 }],
  ['fs.open not function', { fs: { open: 1 } }],
  ['fs.read missing', { fs: { open() {}, close() {} } }],
  ['fs.close missing', { fs: { open() {}, read() {} } }],
  ['fd string', { fd: 'a' }],
  ['fd negative', { fd: -2 }],
]) {
  test(`read options ${label}`, (at) => {
    fs.createReadStream(at('ten'), opts).destroy();
    return 'constructed';
  });
}
for (const [label, opts] of [
  ['start negative', { start: -3 }],
  ['flush number', { flush: 1 }],
  ['fs.write missing', { fs: { open() {}, close() {} } }],
  ['fs.writev only', { fs: { open() {}, writev() {}, close() {} } }],
  ['options bad encoding', { encoding: 'nope' }],
]) {
  test(`write options ${label}`, (at) => {
    const w = fs.createWriteStream(at('w'), opts);
    w.destroy();
    return 'constructed';
  });
}
test('read flags bogus', (at) => record(fs.createReadStream(at('ten'), { flags: 'bogus' })));
test('read mode bogus', (at) => record(fs.createReadStream(at('ten'), { mode: 'abc' })));
test('write flags bogus', (at) => record(fs.createWriteStream(at('w'), { flags: 'bogus' })));
test('path number', () => fs.createReadStream(1));
test('path with NUL', () => fs.createReadStream('a\u0000b'));

test('read whole', async (at) => {
  const s = fs.createReadStream(at('ten'));
  const before = props(s);
  const log = await record(s);
  return [before, log, props(s)];
});
test('read range', async (at) => {
  const s = fs.createReadStream(at('ten'), { start: 3, end: 6, encoding: 'utf8' });
  return [await record(s), props(s)];
});
test('read end only', async (at) => record(fs.createReadStream(at('ten'), { end: 1 })));
test('read start past end of file', async (at) =>
  record(fs.createReadStream(at('ten'), { start: 100 })));
test('read empty file', async (at) => {
  fs.writeFileSync(at('empty'), '');
  return record(fs.createReadStream(at('empty')));
});
test('read highWaterMark 4', async (at) =>
  record(fs.createReadStream(at('ten'), { highWaterMark: 4, encoding: 'latin1' })));
test('read missing', async (at) => record(fs.createReadStream(at('missing'))));
test('read directory', async (at) => record(fs.createReadStream(at('.'))));
test('read emitClose false', async (at) => {
  const s = fs.createReadStream(at('ten'), { emitClose: false });
  const log = [];
  s.on('close', () => log.push('close'));
  s.on('data', () => log.push('data'));
  await new Promise((resolve) => s.on('end', resolve));
  await new Promise((resolve) => setImmediate(resolve));
  return [log, s.destroyed];
});
test('read autoClose false', async (at) => {
  const s = fs.createReadStream(at('ten'), { autoClose: false });
  s.resume();
  await new Promise((resolve) => s.on('end', resolve));
  const open = s.fd !== null;
  await new Promise((resolve) => s.close(resolve));
  return [open, s.fd, s.destroyed];
});
test('read fd', async (at) => {
  const fd = fs.openSync(at('ten'), 'r');
  const s = fs.createReadStream(null, { fd, start: 2 });
  const before = [s.pending, s.path];
  return [before, await record(s)];
});
test('read close before open', async (at) => {
  const s = fs.createReadStream(at('ten'));
  const err = await new Promise((resolve) => s.close(resolve));
  return [err && err.code, s.destroyed];
});
test('read destroy with error', async (at) => {
  const s = fs.createReadStream(at('ten'));
  const log = record(s);
  s.destroy(new Error('mine'));
  return log;
});
test('read custom fs', async (at) => {
  const calls = [];
  const s = fs.createReadStream(at('ten'), { highWaterMark: 6, fs: {
    open: (...a) => { calls.push(['open', a.length]); fs.open(...a); },
    read: (...a) => { calls.push(['read', a.length, a[4]]); fs.read(...a); },
    close: (...a) => { calls.push(['close', a.length]); fs.close(...a); },
  } });
  const log = await record(s);
  return [log, calls];
});
test('read async iterate', async (at) => {
  const out = [];
  for await (const c of fs.createReadStream(at('ten'), { highWaterMark: 5 })) {
    out.push(c.toString());
  }
  return out;
});
test('filehandle read stream', async (at) => {
  const fh = await fsp.open(at('ten'));
  const s = fh.createReadStream({ start: 5 });
  const log = await record(s);
  return [log, fh.fd];
});
test('filehandle readLines', async (at) => {
  fs.writeFileSync(at('lines'), 'a\nb\r\n\nc');
  const fh = await fsp.open(at('lines'));
  const out = [];
  for await (const line of fh.readLines()) out.push(line);
  return out;
});

test('write basic', async (at) => {
  const w = fs.createWriteStream(at('w'));
  const before = props(w);
  const log = record(w);
  w.write('ab');
  w.write(Buffer.from('cd'));
  w.end('ef');
  return [before, await log, props(w), fs.readFileSync(at('w'), 'utf8')];
});
test('write start in existing file', async (at) => {
  fs.writeFileSync(at('w'), '0123456789');
  const w = fs.createWriteStream(at('w'), { flags: 'r+', start: 3 });
  w.end('XYZ');
  await record(w);
  return [fs.readFileSync(at('w'), 'utf8'), w.pos, w.bytesWritten];
});
test('write append', async (at) => {
  fs.writeFileSync(at('w'), 'head');
  const w = fs.createWriteStream(at('w'), { flags: 'a' });
  w.end('+tail');
  await record(w);
  return fs.readFileSync(at('w'), 'utf8');
});
test('write wx existing', async (at) => {
  fs.writeFileSync(at('w'), 'x');
  return record(fs.createWriteStream(at('w'), { flags: 'wx' }));
});
test('write missing dir', async (at) => record(fs.createWriteStream(at('no', 'w'))));
test('write to read-only fd', async (at) => {
  const w = fs.createWriteStream(at('ten'), { flags: 'r' });
  const log = record(w);
  w.end('data');
  return log;
});
test('write encoding', async (at) => {
  const w = fs.createWriteStream(at('w'), { encoding: 'hex' });
  w.end('414243');
  await record(w);
  return fs.readFileSync(at('w'), 'utf8');
});
test('write close cb', async (at) => {
  const w = fs.createWriteStream(at('w'));
  w.write('x');
  const args = await new Promise((resolve) => w.close((...a) => resolve(a.length)));
  return [args, fs.readFileSync(at('w'), 'utf8'), w.closed];
});
test('write after end', async (at) => {
  const w = fs.createWriteStream(at('w'));
  const log = record(w);
  w.end('a');
  w.write('b');
  return log;
});
test('write many then end', async (at) => {
  const w = fs.createWriteStream(at('w'), { highWaterMark: 4 });
  const results = [];
  for (let i = 0; i < 10; i++) results.push(w.write(`${i}`));
  w.end();
  await record(w);
  return [results, fs.readFileSync(at('w'), 'utf8'), w.bytesWritten];
});
test('write fd autoClose false', async (at) => {
  const fd = fs.openSync(at('w'), 'w');
  const w = fs.createWriteStream(null, { fd, autoClose: false });
  w.end('kept');
  await new Promise((resolve) => w.on('finish', resolve));
  await new Promise((resolve) => setImmediate(resolve));
  const stillOpen = (() => { try { fs.fstatSync(fd); return true; } catch { return false; } })();
  fs.closeSync(fd);
  return [stillOpen, w.closed, fs.readFileSync(at('w'), 'utf8')];
});
test('write flush', async (at) => {
  const w = fs.createWriteStream(at('w'), { flush: true });
  w.end('flushed');
  return [await record(w), w.flush];
});
test('filehandle write stream', async (at) => {
  const fh = await fsp.open(at('w'), 'w');
  const w = fh.createWriteStream();
  w.end('via handle');
  const log = await record(w);
  return [log, fh.fd, fs.readFileSync(at('w'), 'utf8')];
});
test('pipe copy', async (at) => {
  const data = Buffer.alloc(300000);
  for (let i = 0; i < data.length; i++) data[i] = (i * 7) & 0xff;
  fs.writeFileSync(at('src'), data);
  const r = fs.createReadStream(at('src'));
  const w = fs.createWriteStream(at('dst'));
  r.pipe(w);
  await record(w);
  return [fs.readFileSync(at('dst')).equals(data), r.bytesRead, w.bytesWritten];
});
test('called without new', async (at) => {
  const s = fs.ReadStream(at('ten'), { end: 2 });
  return [s instanceof fs.ReadStream, s.constructor.name, await record(s)];
});
test('subclass', async (at) => {
  class Mine extends fs.WriteStream {}
  const w = new Mine(at('w'));
  w.end('sub');
  await record(w);
  return [w instanceof fs.WriteStream, fs.readFileSync(at('w'), 'utf8')];
});
test('classes', () => [typeof fs.ReadStream, typeof fs.WriteStream,
  fs.ReadStream === fs.FileReadStream, Object.keys(fs).includes('ReadStream')]);
// Destroys the streams and waits until each has closed.
function closeAll(streams) {
  return Promise.all(streams.map((s) => new Promise((resolve) => {
    s.on('close', resolve);
    s.destroy();
  })));
}
test('constructor is the public class', async (at) => {
  const r = fs.createReadStream(at('ten'));
  const w = fs.createWriteStream(at('w'));
  const out = [r.constructor === fs.ReadStream, w.constructor === fs.WriteStream,
    fs.ReadStream.prototype.constructor === fs.ReadStream,
    Object.keys(fs).filter((k) => k.endsWith('Stream'))];
  await closeAll([r, w]);
  return out;
});
test('replaced classes make the streams', async (at) => {
  const { ReadStream, WriteStream } = fs;
  class MyRead extends ReadStream {}
  class MyWrite extends WriteStream {}
  const FileRead = fs.FileReadStream;
  try {
    fs.ReadStream = MyRead;
    fs.WriteStream = MyWrite;
    const r = fs.createReadStream(at('ten'));
    const w = fs.createWriteStream(at('w'));
    r.pipe(w);
    await record(w);
    fs.FileReadStream = class Other {};
    const out = [r instanceof MyRead, w instanceof MyWrite, fs.readFileSync(at('w'), 'utf8'),
      fs.ReadStream === MyRead, fs.FileReadStream.name, fs.FileWriteStream === WriteStream];
    fs.ReadStream = undefined;
    out.push(fs.ReadStream === ReadStream);
    return out;
  } finally {
    fs.ReadStream = ReadStream;
    fs.WriteStream = WriteStream;
    fs.FileReadStream = FileRead;
  }
});
// Streams made alike share one V8 map (hidden class), as in Node: a map per
// object would make every property load on them miss its inline cache.
test('streams share a map', async (at) => {
  require('v8').setFlagsFromString('--allow-natives-syntax');
  const sameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)');
  const pairs = [
    [fs.createReadStream(at('ten')), fs.createReadStream(at('ten'))],
    [new fs.ReadStream(at('ten')), new fs.ReadStream(at('ten'))],
    [fs.ReadStream(at('ten')), fs.ReadStream(at('ten'))],
    [fs.createWriteStream(at('a')), fs.createWriteStream(at('b'))],
  ];
  const out = pairs.map(([a, b]) => sameMap(a, b));
  await closeAll(pairs.flat());
  return out;
});

async function main() {
  for (const [label, fn] of cases) {
    const { dir, at } = caseDir();
    try {
      fs.writeFileSync(at('ten'), 'abcdefghij');
      let result;
      try {
        result = ['ok', await fn(at)];
      } catch (err) {
        result = describe(err);
      }
      emit(label, JSON.parse(JSON.stringify(result === undefined ? null : result)
        .split(dir).join('<T>')));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}

main();
