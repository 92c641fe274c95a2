// Differential corpus for node:stream (readable-stream bound to jspack's
// Buffer, events and process): event order, backpressure, object mode,
// errors and destroy, pipeline/finished/compose, async iteration,
// operators, stream/promises and stream/consumers.
'use strict';

const stream = require('stream');
const { Readable, Writable, Duplex, Transform, PassThrough } = stream;
const promises = require('stream/promises');
const consumers = require('stream/consumers');
const util = require('util');

const scenarios = [];
function scenario(name, fn) {
  scenarios.push([name, fn]);
}
function short(value) {
  if (value instanceof stream.Stream) return `<${value.constructor.name}>`;
  if (value instanceof Error) return `${value.name}|${value.code}|${value.message}`;
  if (Buffer.isBuffer(value)) return `<${value.toString('hex')}>`;
  return util.inspect(value, { breakLength: Infinity });
}
function watch(s, log, tag, events = ['data', 'end', 'finish', 'close',
  'error', 'drain', 'readable', 'pause', 'resume', 'prefinish', 'pipe',
  'unpipe']) {
  for (const e of events) {
    s.on(e, (...a) => log.push(`${tag}:${e}${a.length ? ` ${a.map(short).join(',')}` : ''}`));
  }
}

for (const objectMode of [false, true]) {
  for (const hwm of [0, 1, 2, 16]) {
    scenario(`readable push/read om=${objectMode} hwm=${hwm}`, async () => {
      const log = [];
      const r = new Readable({ objectMode, highWaterMark: hwm, read() {} });
      log.push(r.push(objectMode ? { a: 1 } : 'ab'), r.readableLength,
               r.readableFlowing, r.readableHighWaterMark);
      r.push(objectMode ? 2 : 'cd');
      r.push(null);
      watch(r, log, 'r', ['end', 'close', 'readable']);
      await new Promise((resolve) => r.once('readable', resolve));
      let chunk;
      while ((chunk = r.read()) !== null) log.push(`read ${short(chunk)}`);
      await new Promise((resolve) => r.once('close', resolve));
      log.push(r.readableEnded, r.destroyed);
      return log;
    });
    scenario(`writable backpressure om=${objectMode} hwm=${hwm}`, async () => {
      const log = [];
      const w = new Writable({
        objectMode, highWaterMark: hwm,
        // Node's docs leave the encoding of object-mode chunks open (Node 20
        // passes undefined, the published streams 'utf8'): only string
        // modes record it.
        write(c, enc, cb) {
          log.push(`write ${short(c)}${objectMode ? '' : ` ${enc}`}`);
          setImmediate(cb);
        },
        final(cb) {
          log.push('final');
          cb();
        },
      });
      watch(w, log, 'w');
      for (const v of objectMode ? [1, 'two', { x: 3 }] : ['a', 'bb', 'ccc']) {
        log.push(`ret ${w.write(v)} len ${w.writableLength} need ${w.writableNeedDrain}`);
      }
      w.end('z');
      await promises.finished(w);
      log.push(w.writableFinished, w.writableEnded);
      return log;
    });
  }
}

scenario('flowing with pause/resume', async () => {
  const log = [];
  const r = Readable.from(['a', 'b', 'c'], { objectMode: false });
  watch(r, log, 'r', ['data', 'end', 'close', 'pause', 'resume']);
  r.once('data', () => {
    r.pause();
    setImmediate(() => r.resume());
  });
  await promises.finished(r);
  return log;
});

scenario('pipe with transform', async () => {
  const log = [];
  const r = Readable.from(['x', 'y', 'z']);
  const t = new Transform({
    transform(c, e, cb) { cb(null, c.toString().toUpperCase()); },
    flush(cb) { this.push('!'); cb(); },
  });
  const out = [];
  const w = new Writable({ write(c, e, cb) { out.push(c.toString()); cb(); } });
  watch(t, log, 't', ['end', 'finish', 'close', 'pipe', 'unpipe']);
  watch(w, log, 'w', ['finish', 'close', 'pipe', 'unpipe']);
  r.pipe(t).pipe(w);
  await promises.finished(w);
  log.push(out.join(''));
  return log;
});

for (const where of ['read', 'write', 'transform', 'final', 'flush']) {
  scenario(`pipeline error in ${where}`, async () => {
    const log = [];
    const boom = new Error(`boom in ${where}`);
    const r = new Readable({
      read() {
        if (where === 'read') this.destroy(boom);
        else { this.push('a'); this.push(null); }
      },
    });
    const t = new Transform({
      transform(c, e, cb) { cb(where === 'transform' ? boom : null, c); },
      flush(cb) { cb(where === 'flush' ? boom : null); },
    });
    const w = new Writable({
      write(c, e, cb) { cb(where === 'write' ? boom : null); },
      final(cb) { cb(where === 'final' ? boom : null); },
    });
    for (const [tag, s] of [['r', r], ['t', t], ['w', w]]) {
      watch(s, log, tag, ['error', 'close']);
    }
    await new Promise((resolve) => stream.pipeline(r, t, w, (err) => {
      log.push(`done ${err ? short(err) : 'ok'}`);
      resolve();
    }));
    log.push(r.destroyed, t.destroyed, w.destroyed);
    return log;
  });
}

for (const arg of [undefined, new Error('why'), null]) {
  scenario(`destroy(${short(arg)})`, async () => {
    const log = [];
    const d = new Duplex({ read() {}, write(c, e, cb) { cb(); } });
    watch(d, log, 'd', ['error', 'close', 'end', 'finish']);
    d.destroy(arg);
    await new Promise((resolve) => setImmediate(resolve));
    log.push(d.destroyed, d.readable, d.writable, short(d.errored),
             d.closed);
    return log;
  });
}

scenario('write after end', async () => {
  const log = [];
  const w = new Writable({ write(c, e, cb) { cb(); } });
  watch(w, log, 'w', ['error', 'close', 'finish']);
  w.end();
  w.write('x', (err) => log.push(`cb ${short(err)}`));
  await new Promise((resolve) => setTimeout(resolve, 5));
  return log;
});

scenario('push after EOF', async () => {
  const log = [];
  const r = new Readable({ read() {} });
  watch(r, log, 'r', ['error', 'close']);
  r.push(null);
  r.push('late');
  await new Promise((resolve) => setTimeout(resolve, 5));
  return log;
});

// Known difference: Node 20's message lists "Buffer, TypedArray, or
// DataView" where the published streams (Node 18.19) say "Buffer or
// Uint8Array", so only the error's class and code are compared here.
scenario('invalid chunk types', async () => {
  const log = [];
  const short = (e) => `${e.name}|${e.code}`;
  for (const bad of [1, {}, true]) {
    const w = new Writable({ write(c, e, cb) { cb(); } });
    w.on('error', (e) => log.push(`error ${short(e)}`));
    try {
      w.write(bad);
    } catch (e) {
      log.push(`throws ${short(e)}`);
    }
  }
  const r = new Readable({ read() {} });
  r.on('error', (e) => log.push(`r error ${short(e)}`));
  try {
    r.push(5);
  } catch (e) {
    log.push(`push throws ${short(e)}`);
  }
  await new Promise((resolve) => setTimeout(resolve, 5));
  return log;
});

scenario('async iteration with break', async () => {
  const log = [];
  const r = Readable.from([1, 2, 3, 4]);
  watch(r, log, 'r', ['close', 'end', 'error']);
  for await (const v of r) {
    log.push(v);
    if (v === 2) break;
  }
  log.push(r.destroyed);
  return log;
});

scenario('operators', async () => {
  const r = () => Readable.from([1, 2, 3, 4, 5]);
  return [
    await r().map((x) => x * 2).toArray(),
    await r().filter((x) => x % 2).toArray(),
    await r().take(2).toArray(),
    await r().drop(3).toArray(),
    await r().reduce((a, b) => a + b, 0),
    await r().some((x) => x > 4),
    await r().every((x) => x > 0),
    await r().find((x) => x > 2),
    await r().flatMap((x) => [x, x]).toArray(),
    await r().asIndexedPairs().toArray(),
  ];
});

scenario('compose and Duplex.from', async () => {
  const upper = new Transform({
    transform(c, e, cb) { cb(null, c.toString().toUpperCase()); },
  });
  const composed = stream.compose(upper, async function* (source) {
    for await (const c of source) yield `[${c}]`;
  });
  const result = await consumers.text(Readable.from(['ab', 'cd']).pipe(composed));
  const d = Duplex.from(async function* (source) {
    for await (const c of source) yield c.toString().length;
  });
  const lens = await Readable.from(['a', 'bb']).pipe(d).toArray();
  return [result, lens];
});

scenario('stream/promises pipeline with generator', async () => {
  const out = [];
  await promises.pipeline(
    Readable.from(['a', 'b']),
    async function* (src) { for await (const c of src) yield `${c}${c}`; },
    new Writable({ write(c, e, cb) { out.push(c.toString()); cb(); } }));
  return out;
});

scenario('consumers', async () => {
  const mk = () => Readable.from([Buffer.from([0xe2, 0x82]), Buffer.from([0xac]),
    'x']);
  return [
    await consumers.text(mk()),
    short(await consumers.buffer(mk())),
    (await consumers.arrayBuffer(mk())).byteLength,
    await consumers.json(Readable.from(['[1,', '{"a":2}]'])),
    (await consumers.blob(mk())).size,
  ];
});

scenario('abort signal', async () => {
  const log = [];
  const ac = new AbortController();
  const r = new Readable({ read() {}, signal: ac.signal });
  watch(r, log, 'r', ['error', 'close']);
  ac.abort();
  await new Promise((resolve) => setImmediate(resolve));
  const ac2 = new AbortController();
  const w = stream.addAbortSignal(ac2.signal,
    new Writable({ write(c, e, cb) { cb(); } }));
  watch(w, log, 'w', ['error', 'close']);
  ac2.abort();
  await new Promise((resolve) => setImmediate(resolve));
  try {
    stream.addAbortSignal('x', w);
  } catch (e) {
    log.push(short(e));
  }
  return log;
});

scenario('shapes', async () => [
  typeof stream, stream === stream.Stream, Object.keys(stream).sort(),
  new Readable() instanceof require('events'),
  require('_stream_readable') === Readable,
  require('_stream_passthrough') === PassThrough,
  stream.promises === promises,
  util.inspect(new PassThrough()).split('\n')[0],
  stream.getDefaultHighWaterMark(false), stream.getDefaultHighWaterMark(true),
  typeof util.promisify(stream.pipeline), typeof util.promisify(stream.finished),
]);

scenario('setEncoding and decoder', async () => {
  const r = new PassThrough();
  r.setEncoding('utf8');
  const out = [];
  r.on('data', (c) => out.push(c));
  r.write(Buffer.from([0xe2]));
  r.write(Buffer.from([0x82, 0xac, 0x41]));
  r.end();
  await promises.finished(r);
  return out;
});

scenario('cork/uncork writev', async () => {
  const log = [];
  const w = new Writable({
    writev(chunks, cb) {
      log.push(`writev ${chunks.map((c) => c.chunk.toString()).join('|')}`);
      cb();
    },
    write(c, e, cb) {
      log.push(`write ${c}`);
      cb();
    },
  });
  w.cork();
  w.write('a');
  w.write('b');
  process.nextTick(() => w.uncork());
  await new Promise((resolve) => setImmediate(resolve));
  w.end('c');
  await promises.finished(w);
  return log;
});

(async () => {
  let n = 0;
  for (const [name, fn] of scenarios) {
    let result;
    try {
      result = await fn();
    } catch (e) {
      result = `THROWS ${short(e)}`;
    }
    console.log(JSON.stringify([`${n++} ${name}`, util.inspect(result, {
      breakLength: Infinity, maxArrayLength: Infinity, depth: 4 })]));
  }
})();
