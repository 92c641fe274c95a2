// Differential corpus for node:stream/web and the globals: read and write
// orders, backpressure, tee, pipeTo/pipeThrough with their options, BYOB
// reads, errors (code, class, message), util.inspect output, the encoding
// streams, and the bridges to Node streams (toWeb/fromWeb round trips,
// stream/consumers, finished/pipeline/addAbortSignal over web streams).
'use strict';

const web = require('stream/web');
const stream = require('stream');
const consumers = require('stream/consumers');
const util = require('util');
const { makeEmit } = require('./lib/emit');

const emit = makeEmit();
const scenarios = [];
function scenario(name, fn) {
  scenarios.push([name, fn]);
}
function short(value) {
  if (value instanceof Error) {
    return `${value.name}|${value.code}|${value.message}`;
  }
  if (Buffer.isBuffer(value)) return `<Buffer ${value.toString('hex')}>`;
  return util.inspect(value, { breakLength: Infinity });
}
// A promise's outcome, as text.
function settle(promise) {
  return promise.then((v) => `ok ${short(v)}`, (e) => `rejects ${short(e)}`);
}
function sync(fn) {
  try {
    return `ok ${short(fn())}`;
  } catch (e) {
    return `throws ${short(e)}`;
  }
}
const tick = () => new Promise((resolve) => setImmediate(resolve));

const kGlobals = ['ReadableStream', 'ReadableStreamDefaultReader',
  'ReadableStreamBYOBReader', 'ReadableStreamBYOBRequest',
  'ReadableByteStreamController', 'ReadableStreamDefaultController',
  'TransformStream', 'TransformStreamDefaultController', 'WritableStream',
  'WritableStreamDefaultWriter', 'WritableStreamDefaultController',
  'ByteLengthQueuingStrategy', 'CountQueuingStrategy', 'TextEncoderStream',
  'TextDecoderStream'];

scenario('globals are the module exports', () => kGlobals.map((name) => {
  const desc = Object.getOwnPropertyDescriptor(globalThis, name);
  return [name, globalThis[name] === web[name], typeof desc.get, desc.enumerable,
    globalThis[name].name, globalThis[name].length];
}));
scenario('toStringTag and prototype keys', () => kGlobals.map((name) => [
  name, web[name].prototype[Symbol.toStringTag],
  Object.keys(web[name].prototype),
]));
scenario('assigning a global replaces it', () => {
  const saved = globalThis.CountQueuingStrategy;
  globalThis.CountQueuingStrategy = 5;
  const desc = Object.getOwnPropertyDescriptor(globalThis, 'CountQueuingStrategy');
  globalThis.CountQueuingStrategy = saved;
  return desc;
});
scenario('illegal constructors', () => [
  'ReadableStreamBYOBRequest', 'ReadableByteStreamController',
  'ReadableStreamDefaultController', 'TransformStreamDefaultController',
  'WritableStreamDefaultController',
].map((name) => sync(() => new web[name]())));
scenario('constructor without new', () => sync(() => web.ReadableStream()));

scenario('no enumerable own state', () => {
  const rs = new R();
  const reader = rs.getReader();
  const ws = new W();
  const writer = ws.getWriter();
  return [rs, reader, ws, writer, new T(), new web.CountQueuingStrategy({ highWaterMark: 1 })]
    .map((x) => [Object.keys(x), JSON.stringify(x), String(x), Object.keys({ ...x })]);
});
scenario('subclasses', async () => {
  class Counted extends R {
    constructor() {
      super({ start(c) { c.enqueue('sub'); c.close(); } });
      this.extra = 1;
    }
  }
  const rs = new Counted();
  const got = [];
  for await (const x of rs) got.push(x);
  return [rs instanceof R, rs instanceof Counted, rs.extra, got, util.inspect(rs),
    Object.getPrototypeOf(new R()) === R.prototype, R.prototype.constructor === R];
});
scenario('iterator protocol', async () => {
  const rs = R.from([1, 2, 3]);
  const it = rs[Symbol.asyncIterator]();
  return [typeof it.next, typeof it.return, await it.next(), await it.return('r'),
    await it.next(), util.inspect(rs),
    R.prototype[Symbol.asyncIterator] === R.prototype.values];
});

scenario('method lengths and descriptors', () => kGlobals.map((name) => {
  const proto = web[name].prototype;
  return [name, Object.getOwnPropertyNames(proto).map((key) => {
    const desc = Object.getOwnPropertyDescriptor(proto, key);
    const fn = desc.value || desc.get;
    return `${key}:${typeof desc.value === 'function' ? `m${fn.length}` :
      desc.get ? 'get' : typeof desc.value}:${desc.enumerable}`;
  })];
}).concat([[Object.getOwnPropertyNames(R), R.from.length]]));

// --- constructor argument errors -------------------------------------------
const R = web.ReadableStream;
const W = web.WritableStream;
const T = web.TransformStream;
for (const [label, fn] of [
  ['rs source number', () => new R(1)],
  ['rs source null', () => new R(null)],
  ['rs strategy number', () => new R({}, 1)],
  ['rs strategy null', () => new R({}, null)],
  ['rs bad type', () => new R({ type: 'foo' })],
  ['rs pull not fn', () => new R({ pull: 1 })],
  ['rs cancel not fn', () => new R({ cancel: 'x' })],
  ['rs zero autoAllocate', () => new R({ type: 'bytes', autoAllocateChunkSize: 0 })],
  ['rs bytes with size', () => new R({ type: 'bytes' }, { size() { return 1; } })],
  ['rs hwm NaN', () => new R({}, { highWaterMark: 'a' })],
  ['rs hwm negative', () => new R({}, { highWaterMark: -1 })],
  ['rs size not fn', () => new R({}, { size: 1 })],
  ['rs type undefined', () => new R({ type: undefined })],
  ['ws sink number', () => new W(1)],
  ['ws type', () => new W({ type: 'x' })],
  ['ws write not fn', () => new W({ write: 1 })],
  ['ws hwm', () => new W({}, { highWaterMark: -1 })],
  ['ts transformer number', () => new T(1)],
  ['ts transform not fn', () => new T({ transform: 1 })],
  ['ts readableType', () => new T({ readableType: 'bytes' })],
  ['ts writableType', () => new T({ writableType: 'bytes' })],
  ['ts writableStrategy number', () => new T({}, 1)],
  ['ts readable hwm', () => new T({}, {}, { highWaterMark: -2 })],
  ['count no init', () => new web.CountQueuingStrategy()],
  ['count init number', () => new web.CountQueuingStrategy(1)],
  ['count no hwm', () => new web.CountQueuingStrategy({})],
  ['bytelength hwm string', () => new web.ByteLengthQueuingStrategy({ highWaterMark: 'x' })],
  ['default reader of number', () => new web.ReadableStreamDefaultReader(1)],
  ['byob reader of default stream', () => new web.ReadableStreamBYOBReader(new R())],
  ['writer of number', () => new web.WritableStreamDefaultWriter(1)],
  ['from number', () => R.from(1)],
  ['decoder stream bad label', () => new web.TextDecoderStream('nope')],
  ['decoder stream options number', () => new web.TextDecoderStream('utf8', 1)],
]) {
  scenario(`ctor ${label}`, () => sync(fn));
}

// --- method errors -----------------------------------------------------------
scenario('wrong this', async () => [
  sync(() => Object.getOwnPropertyDescriptor(R.prototype, 'locked').get.call({})),
  sync(() => R.prototype.getReader.call(1)),
  sync(() => R.prototype.tee.call(1)),
  await settle(R.prototype.cancel.call(1)),
  await settle(R.prototype.pipeTo.call(1)),
  sync(() => W.prototype.getWriter.call(1)),
  await settle(W.prototype.abort.call(1)),
  await settle(W.prototype.close.call(1)),
  await settle(web.ReadableStreamDefaultReader.prototype.read.call({})),
  sync(() => web.ReadableStreamBYOBRequest.prototype.respond.call(1)),
  sync(() => Object.getOwnPropertyDescriptor(web.CountQueuingStrategy.prototype,
                                             'highWaterMark').get.call(1)),
  sync(() => Object.getOwnPropertyDescriptor(web.TextEncoderStream.prototype,
                                             'encoding').get.call({})),
]);
scenario('locked readable', async () => {
  const rs = new R();
  rs.getReader();
  const w = new W();
  w.getWriter();
  return [
    rs.locked,
    sync(() => rs.getReader()),
    sync(() => rs.getReader({ mode: 'byob' })),
    sync(() => rs.tee()),
    sync(() => rs.values()),
    sync(() => rs.pipeThrough(new T())),
    sync(() => new R().pipeThrough({ readable: new R(), writable: w })),
    await settle(rs.cancel()),
    await settle(rs.pipeTo(new W())),
    await settle(new R().pipeTo(w)),
  ];
});
scenario('getReader and pipe options', async () => [
  sync(() => new R().getReader(1)),
  sync(() => new R().getReader(null)),
  sync(() => new R().getReader({ mode: 'x' })),
  sync(() => new R().values(1)),
  sync(() => new R().pipeThrough(1)),
  sync(() => new R().pipeThrough({ readable: new R() })),
  sync(() => new R().pipeThrough({ writable: new W() })),
  await settle(new R().pipeTo(1)),
  await settle(new R().pipeTo(new W(), 1)),
  await settle(new R().pipeTo(new W(), { signal: 1 })),
]);
scenario('released reader', async () => {
  const reader = new R().getReader();
  const pending = settle(reader.read());
  const closed = settle(reader.closed);
  reader.releaseLock();
  reader.releaseLock();
  return [await pending, await closed, await settle(reader.read()),
    await settle(reader.cancel()), await settle(reader.closed)];
});
scenario('released writer', async () => {
  const ws = new W();
  const writer = ws.getWriter();
  const closed = settle(writer.closed);
  writer.releaseLock();
  return [await closed, await settle(writer.closed), await settle(writer.ready),
    await settle(writer.write(1)), await settle(writer.close()),
    await settle(writer.abort()), sync(() => writer.desiredSize), ws.locked];
});
scenario('closing writable', async () => {
  const ws = new W();
  const writer = ws.getWriter();
  const closing = settle(writer.close());
  return [await settle(writer.write(1)), await settle(writer.close()),
    await closing, await settle(writer.closed)];
});
scenario('close a closing stream', async () => {
  const ws = new W();
  const first = settle(ws.close());
  return [await settle(ws.close()), await first, sync(() => ws.getWriter())];
});
scenario('controller after close and error', () => {
  let c;
  new R({ start(x) { c = x; } });
  c.close();
  const closed = [sync(() => c.enqueue(1)), sync(() => c.close()), c.desiredSize];
  let d;
  new R({ start(x) { d = x; } });
  d.error(new Error('boom'));
  return [closed, sync(() => d.enqueue(1)), sync(() => d.close()), d.desiredSize,
    sync(() => d.error(2))];
});
scenario('byte controller errors', () => {
  let c;
  new R({ type: 'bytes', start(x) { c = x; } });
  return [sync(() => c.enqueue(1)), sync(() => c.enqueue(new Uint8Array(0))),
    c.byobRequest, c.desiredSize, sync(() => c.close()), sync(() => c.close()),
    sync(() => c.enqueue(new Uint8Array(1)))];
});
scenario('byob read errors', async () => {
  const reader = () => new R({ type: 'bytes' }).getReader({ mode: 'byob' });
  const released = reader();
  released.releaseLock();
  return [
    await settle(reader().read(1)),
    await settle(reader().read(new Uint8Array(0))),
    await settle(reader().read(new Uint8Array(2), { min: 3 })),
    await settle(reader().read(new Uint8Array(2), { min: 0 })),
    await settle(released.read(new Uint8Array(2))),
  ];
});
scenario('transform controller after terminate', () => {
  let c;
  new T({ start(x) { c = x; } });
  c.terminate();
  return [sync(() => c.enqueue(1)), c.desiredSize];
});

// --- reads, writes and their order -----------------------------------------
for (const hwm of [0, 1, 3]) {
  scenario(`pull order hwm=${hwm}`, async () => {
    const log = [];
    let n = 0;
    const rs = new R({
      start(c) { log.push(`start ${c.desiredSize}`); },
      pull(c) {
        log.push(`pull ${c.desiredSize}`);
        n++;
        if (n > 4) c.close();
        else c.enqueue(n);
      },
    }, { highWaterMark: hwm });
    await tick();
    const reader = rs.getReader();
    for (;;) {
      const { value, done } = await reader.read();
      log.push(`read ${value} ${done}`);
      if (done) break;
    }
    log.push(util.inspect(rs));
    return log;
  });
}
scenario('microtask order of read and enqueue', async () => {
  const log = [];
  let c;
  const rs = new R({ start(x) { c = x; } });
  const reader = rs.getReader();
  reader.read().then((r) => log.push(`a ${r.value}`));
  reader.read().then((r) => log.push(`b ${r.value}`));
  Promise.resolve().then(() => log.push('tick1')).then(() => log.push('tick2'));
  c.enqueue(1);
  log.push('enqueued');
  c.enqueue(2);
  reader.closed.then(() => log.push('closed'));
  c.close();
  await tick();
  return log;
});
scenario('custom size strategy', async () => {
  const log = [];
  let c;
  new R({ start(x) { c = x; } }, { highWaterMark: 10, size: (ch) => ch.length });
  for (const s of ['abc', 'defgh', 'ij']) {
    c.enqueue(s);
    log.push(c.desiredSize);
  }
  return log;
});
scenario('size throws', async () => {
  let c;
  const rs = new R({ start(x) { c = x; } }, { size() { throw new Error('sz'); } });
  return [sync(() => c.enqueue(1)), util.inspect(rs), await settle(rs.getReader().read())];
});
scenario('bad chunk sizes', async () => {
  const out = [];
  for (const bad of [NaN, -1, Infinity, undefined, '5']) {
    let c;
    const rs = new R({ start(x) { c = x; } }, { size: () => bad, highWaterMark: 10 });
    out.push(sync(() => c.enqueue(1)), c.desiredSize, util.inspect(rs));
    const writer = new W({}, { size: () => bad, highWaterMark: 10 }).getWriter();
    const writing = settle(writer.write(1));
    out.push(writer.desiredSize, await writing);
  }
  let c2;
  new R({ start(x) { c2 = x; } }, new web.ByteLengthQueuingStrategy({ highWaterMark: 1 }));
  out.push(sync(() => c2.enqueue('str')));
  const ts = new T({}, { size: () => -2 });
  out.push(await settle(ts.writable.getWriter().write(1)));
  return out;
});
scenario('start and pull rejections', async () => [
  await settle(new R({ start() { throw new Error('s'); } }).getReader().read()),
  await settle(new R({ start() { return Promise.reject(new Error('sp')); } })
    .getReader().closed),
  await settle(new R({ pull() { throw new Error('p'); } }).getReader().read()),
]);
scenario('cancel reaches the source', async () => {
  const log = [];
  const rs = new R({
    cancel(reason) { log.push(`cancel ${reason}`); return 'ignored'; },
  });
  const reader = rs.getReader();
  log.push(await settle(reader.cancel('why')));
  log.push(await settle(reader.closed));
  log.push(util.inspect(rs));
  return log;
});
scenario('writable sink order', async () => {
  const log = [];
  const ws = new W({
    start() { log.push('start'); },
    write(chunk, c) {
      log.push(`write ${chunk}`);
      return new Promise((resolve) => setImmediate(resolve));
    },
    close() { log.push('close'); },
  }, { highWaterMark: 2 });
  const writer = ws.getWriter();
  log.push(`size ${writer.desiredSize}`);
  const writes = [1, 2, 3].map((n) => writer.write(n).then(() => log.push(`done ${n}`)));
  log.push(`size ${writer.desiredSize}`);
  writer.ready.then(() => log.push('ready'));
  await Promise.all(writes);
  await writer.close();
  log.push(util.inspect(ws), util.inspect(writer));
  return log;
});
scenario('writable sink errors', async () => {
  const ws = new W({ write() { throw new Error('w'); } });
  const writer = ws.getWriter();
  return [await settle(writer.write(1)), await settle(writer.closed),
    await settle(writer.ready), util.inspect(ws)];
});
scenario('abort', async () => {
  const log = [];
  const ws = new W({
    abort(reason) { log.push(`abort ${reason}`); },
    write() { log.push('write'); },
  });
  const writer = ws.getWriter();
  log.push(await settle(writer.abort('r')));
  log.push(await settle(writer.closed), await settle(writer.write(1)));
  return log;
});
scenario('controller signal', async () => {
  let c;
  const ws = new W({ start(x) { c = x; } });
  const before = c.signal.aborted;
  await ws.abort('stop');
  return [before, c.signal.aborted, c.signal.reason, Object.keys(web.WritableStreamDefaultController.prototype)];
});
scenario('transform stream', async () => {
  const log = [];
  const ts = new T({
    start() { log.push('start'); },
    transform(chunk, c) { log.push(`t ${chunk}`); c.enqueue(chunk * 2); c.enqueue(-chunk); },
    flush(c) { log.push('flush'); c.enqueue('end'); },
  });
  const writer = ts.writable.getWriter();
  writer.write(1);
  writer.write(2);
  writer.close();
  for await (const x of ts.readable) log.push(x);
  return log;
});
scenario('identity transform backpressure', async () => {
  const ts = new T();
  const writer = ts.writable.getWriter();
  const log = [writer.desiredSize, util.inspect(ts)];
  writer.write('a');
  log.push(writer.desiredSize);
  await tick();
  log.push(writer.desiredSize);
  const reader = ts.readable.getReader();
  log.push(await reader.read());
  await tick();
  log.push(writer.desiredSize);
  return log;
});
scenario('transform errors', async () => {
  const ts = new T({ transform() { throw new Error('tf'); } });
  const writer = ts.writable.getWriter();
  const reading = settle(ts.readable.getReader().read());
  return [await settle(writer.write(1)), await reading, await settle(writer.closed)];
});

// --- tee, pipes, iteration ---------------------------------------------------
scenario('tee', async () => {
  const rs = new R({ start(c) { c.enqueue('a'); c.enqueue('b'); c.close(); } });
  const [x, y] = rs.tee();
  const log = [x instanceof R, util.inspect(rs)];
  for await (const v of x) log.push(`x ${v}`);
  for await (const v of y) log.push(`y ${v}`);
  return log;
});
scenario('tee cancel both', async () => {
  const log = [];
  const rs = new R({ cancel(reason) { log.push(`cancel ${util.inspect(reason)}`); } });
  const [x, y] = rs.tee();
  x.cancel('one');
  await tick();
  log.push('after one');
  await y.cancel('two');
  return log;
});
scenario('byte tee', async () => {
  const rs = new R({ type: 'bytes', start(c) { c.enqueue(new Uint8Array([1, 2])); c.close(); } });
  const [x, y] = rs.tee();
  const a = await x.getReader({ mode: 'byob' }).read(new Uint8Array(4));
  const b = await y.getReader().read();
  return [a, b, util.inspect(x)];
});
scenario('pipeTo order', async () => {
  const log = [];
  const rs = new R({ start(c) { c.enqueue(1); c.enqueue(2); c.close(); } });
  const ws = new W({
    write(ch) { log.push(`w ${ch}`); },
    close() { log.push('close'); },
  });
  log.push(await settle(rs.pipeTo(ws)));
  log.push(util.inspect(rs), util.inspect(ws));
  return log;
});
scenario('pipeTo preventClose', async () => {
  const rs = new R({ start(c) { c.enqueue(1); c.close(); } });
  const ws = new W();
  await rs.pipeTo(ws, { preventClose: true });
  return [util.inspect(ws), ws.locked];
});
scenario('pipeTo source error and preventAbort', async () => {
  const log = [];
  const mk = () => new R({ start(c) { c.error(new Error('src')); } });
  const sink = () => new W({ abort(r) { log.push(`abort ${short(r)}`); } });
  log.push(await settle(mk().pipeTo(sink())));
  const kept = sink();
  log.push(await settle(mk().pipeTo(kept, { preventAbort: true })));
  log.push(util.inspect(kept));
  return log;
});
scenario('pipeTo destination error and preventCancel', async () => {
  const log = [];
  const src = () => new R({ cancel(r) { log.push(`cancel ${short(r)}`); } });
  const bad = () => new W({ start(c) { c.error(new Error('dst')); } });
  log.push(await settle(src().pipeTo(bad())));
  const kept = src();
  log.push(await settle(kept.pipeTo(bad(), { preventCancel: true })));
  log.push(util.inspect(kept));
  return log;
});
scenario('pipeTo signal', async () => {
  const log = [];
  const ac = new AbortController();
  const rs = new R({ cancel(r) { log.push(`cancel ${short(r)}`); } });
  const ws = new W({ abort(r) { log.push(`abort ${short(r)}`); } });
  const piping = settle(rs.pipeTo(ws, { signal: ac.signal }));
  ac.abort();
  log.push(await piping);
  const pre = AbortSignal.abort(new Error('early'));
  log.push(await settle(new R().pipeTo(new W(), { signal: pre })));
  return log;
});
scenario('pipeTo a closed destination', async () => {
  const log = [];
  const ws = new W();
  await ws.close();
  const rs = new R({ cancel(r) { log.push(`cancel ${short(r)}`); } });
  log.push(await settle(rs.pipeTo(ws)));
  const kept = new R();
  log.push(await settle(kept.pipeTo(ws, { preventCancel: true })), util.inspect(kept));
  return log;
});
scenario('writes after terminate', async () => {
  let c;
  const ts = new T({ start(x) { c = x; } });
  const writer = ts.writable.getWriter();
  c.terminate();
  return [await settle(writer.write(1)), await settle(writer.closed),
    await ts.readable.getReader().read()];
});
scenario('readable side cancelled under a transform', async () => {
  const ts = new T();
  const writer = ts.writable.getWriter();
  await ts.readable.cancel(new Error('no more'));
  return [await settle(writer.write(1)), await settle(writer.closed)];
});
scenario('pipeThrough', async () => {
  const rs = new R({ start(c) { c.enqueue('a'); c.enqueue('b'); c.close(); } });
  const out = rs.pipeThrough(new T({ transform(ch, c) { c.enqueue(ch.toUpperCase()); } }));
  const got = [];
  for await (const x of out) got.push(x);
  return [got, util.inspect(rs)];
});
scenario('async iteration break cancels', async () => {
  const log = [];
  const rs = new R({
    pull(c) { c.enqueue(1); },
    cancel(r) { log.push(`cancel ${r}`); },
  });
  for await (const x of rs) {
    log.push(x);
    break;
  }
  log.push(util.inspect(rs));
  return log;
});
scenario('values preventCancel', async () => {
  const log = [];
  const rs = new R({
    pull(c) { c.enqueue(1); },
    cancel() { log.push('cancel'); },
  });
  for await (const x of rs.values({ preventCancel: true })) {
    log.push(x);
    break;
  }
  log.push(util.inspect(rs));
  const reader = rs.getReader();
  log.push(await reader.read());
  return log;
});
scenario('iteration of an errored stream', async () => {
  const rs = new R({ start(c) { c.enqueue(1); c.error(new Error('it')); } });
  const got = [];
  try {
    for await (const x of rs) got.push(x);
  } catch (err) {
    got.push(short(err));
  }
  return got;
});
scenario('from iterables', async () => {
  const out = [];
  for (const source of [[1, 2], new Set(['a']), (function* g() { yield 'g'; })(),
    (async function* h() { yield 'h'; yield 'i'; })(), 'str']) {
    const rs = R.from(source);
    const got = [];
    for await (const x of rs) got.push(x);
    out.push([rs instanceof R, got]);
  }
  return out;
});
scenario('from with a bad iterator', async () => [
  sync(() => R.from({ [Symbol.asyncIterator]() { return 1; } })),
  await settle(R.from({ [Symbol.asyncIterator]() { return { next() { return 1; } }; } })
    .getReader().read()),
]);
scenario('from rejection', async () => {
  const rs = R.from((async function* bad() { yield 1; throw new Error('gen'); })());
  const reader = rs.getReader();
  return [await reader.read(), await settle(reader.read())];
});

// --- BYOB ----------------------------------------------------------------------
scenario('byob reads', async () => {
  const log = [];
  const rs = new R({
    type: 'bytes',
    pull(c) {
      const req = c.byobRequest;
      log.push(`pull ${req.view.byteLength}`);
      req.view[0] = 7;
      req.view[1] = 8;
      req.respond(2);
    },
  });
  const reader = rs.getReader({ mode: 'byob' });
  const first = await reader.read(new Uint8Array(4));
  log.push(first, first.value.buffer.byteLength);
  const second = await reader.read(new Uint16Array(2));
  log.push(second);
  log.push(util.inspect(reader));
  return log;
});
scenario('byob min', async () => {
  let n = 0;
  const rs = new R({
    type: 'bytes',
    pull(c) { c.enqueue(new Uint8Array([++n])); if (n === 6) c.close(); },
  });
  const reader = rs.getReader({ mode: 'byob' });
  return [await reader.read(new Uint8Array(4), { min: 3 }),
    await reader.read(new Uint8Array(4)), await reader.read(new Uint8Array(4)),
    await reader.read(new Uint8Array(4))];
});
scenario('auto allocate', async () => {
  const rs = new R({
    type: 'bytes',
    autoAllocateChunkSize: 8,
    pull(c) {
      const { view } = c.byobRequest;
      view[0] = 42;
      c.byobRequest.respond(1);
      c.close();
    },
  });
  const reader = rs.getReader();
  return [await reader.read(), await reader.read()];
});
scenario('byte stream default reads', async () => {
  const rs = new R({
    type: 'bytes',
    start(c) { c.enqueue(new Uint8Array([1, 2, 3])); c.enqueue(new Uint8Array([4])); c.close(); },
  });
  const got = [];
  for await (const x of rs) got.push(x);
  return got;
});
scenario('byob request inspect', async () => {
  let c;
  const rs = new R({ type: 'bytes', start(x) { c = x; } });
  const reading = rs.getReader({ mode: 'byob' }).read(new Uint8Array(3));
  const req = c.byobRequest;
  const shown = util.inspect(req);
  req.view.set([9, 9]);
  req.respond(2);
  return [shown, await reading, req.view, sync(() => req.respond(1))];
});

scenario('byob respond errors', async () => {
  const out = [];
  const detach = (buffer) => structuredClone(buffer, { transfer: [buffer] });
  const cases = [
    (c) => { c.close(); return c.byobRequest.respondWithNewView(new Uint8Array(new ArrayBuffer(10), 0, 0)); },
    (c) => { c.close(); return c.byobRequest.respondWithNewView(new Uint8Array(4)); },
    (c) => c.byobRequest.respondWithNewView(new Uint8Array(c.byobRequest.view.buffer, 0, 0)),
    (c) => c.byobRequest.respondWithNewView(new Uint8Array(c.byobRequest.view.buffer, 1, 1)),
    (c) => c.byobRequest.respondWithNewView(new Uint8Array(8)),
    (c) => c.byobRequest.respondWithNewView(new Uint8Array(c.byobRequest.view.buffer, 0, 2)),
    (c) => { c.close(); return c.byobRequest.respond(1); },
    (c) => c.byobRequest.respond(0),
    (c) => { detach(c.byobRequest.view.buffer); return c.byobRequest.respond(1); },
    (c) => {
      const view = new Uint8Array([1]);
      detach(view.buffer);
      return c.byobRequest.respondWithNewView(view);
    },
    (c) => c.byobRequest.respond(5),
    (c) => { c.close(); return c.byobRequest.respondWithNewView(new Uint8Array(new ArrayBuffer(4), 0, 0)); },
  ];
  for (const step of cases) {
    let seen;
    const rs = new R({ type: 'bytes', pull(c) { seen = sync(() => step(c)); } });
    const reading = settle(rs.getReader({ mode: 'byob' }).read(new Uint8Array(4)));
    await tick();
    out.push(seen, await Promise.race([reading, Promise.resolve('pending')]));
  }
  return out;
});

// --- strategies and inspect --------------------------------------------------
scenario('strategies', () => {
  const count = new web.CountQueuingStrategy({ highWaterMark: 3 });
  const bytes = new web.ByteLengthQueuingStrategy({ highWaterMark: 8 });
  return [count.highWaterMark, count.size(), count.size.name, bytes.highWaterMark,
    bytes.size(new Uint8Array(5)), bytes.size({ byteLength: 2 }), bytes.size.name,
    util.inspect(count), util.inspect(bytes)];
});
scenario('inspect', () => {
  let dc;
  let wc;
  let tc;
  const rs = new R({ start(c) { dc = c; } });
  const ws = new W({ start(c) { wc = c; } });
  const ts = new T({ start(c) { tc = c; } });
  return [rs, rs.getReader(), dc, new R({ type: 'bytes' }), ws, ws.getWriter(), wc,
    ts, tc, new web.TextEncoderStream(), new web.TextDecoderStream('utf-16le'),
    { deep: { deeper: { rs } } }].map((x) => util.inspect(x))
    .concat([util.inspect(rs, { depth: 0 }), util.inspect([rs], { depth: 0 })]);
});
scenario('inspect states', async () => {
  const errored = new R({ start(c) { c.error(new Error('x')); } });
  const closed = new R({ start(c) { c.close(); } });
  const ws = new W({ start(c) { c.error(new Error('w')); } });
  await tick();
  return [errored, closed, ws].map((x) => util.inspect(x));
});

// --- encoding streams ----------------------------------------------------------
scenario('text encoder stream', async () => {
  const s = new web.TextEncoderStream();
  const writer = s.writable.getWriter();
  for (const part of ['a\ud83d', '\ude00b', '', 'é', '\ud800']) writer.write(part);
  writer.close();
  const got = [];
  for await (const x of s.readable) got.push(x);
  return [s.encoding, got];
});
scenario('text decoder stream', async () => {
  const s = new web.TextDecoderStream('utf-8', { ignoreBOM: false });
  const writer = s.writable.getWriter();
  for (const part of [[0xef, 0xbb, 0xbf, 0x61, 0xe2, 0x82], [0xac], [0xe2]]) {
    writer.write(new Uint8Array(part));
  }
  writer.close();
  const got = [];
  for await (const x of s.readable) got.push(x);
  return [s.encoding, s.fatal, s.ignoreBOM, got];
});
scenario('fatal decoder stream', async () => {
  const s = new web.TextDecoderStream('utf-8', { fatal: true });
  const writer = s.writable.getWriter();
  const reading = settle(s.readable.getReader().read());
  return [await settle(writer.write(new Uint8Array([0xff]))), await reading];
});
scenario('encoder piped through decoder', async () => {
  const rs = R.from(['hé', 'llo ', '\u{1f600}']);
  const text = rs.pipeThrough(new web.TextEncoderStream())
    .pipeThrough(new web.TextDecoderStream());
  return consumers.text(text);
});

// --- Node bridges -------------------------------------------------------------
const { Readable, Writable, Duplex, PassThrough } = stream;
scenario('Readable.toWeb bytes', async () => {
  const r = new Readable({ read() {} });
  r.push('ab');
  r.push(Buffer.from('cd'));
  r.push(null);
  const rs = Readable.toWeb(r);
  const got = [util.inspect(rs)];
  for await (const c of rs) got.push(c);
  return got;
});
scenario('Readable.toWeb objects', async () => {
  const got = [];
  for await (const c of Readable.toWeb(Readable.from([1, 'x', { a: 1 }]))) got.push(c);
  return got;
});
scenario('Readable.toWeb error', async () => {
  const r = new Readable({ read() { this.destroy(new Error('boom')); } });
  const reader = Readable.toWeb(r).getReader();
  return settle(reader.read());
});
scenario('Readable.toWeb backpressure', async () => {
  const r = new Readable({ read() {}, highWaterMark: 100 });
  const rs = Readable.toWeb(r);
  for (let i = 0; i < 5; i++) r.push(Buffer.alloc(50));
  await tick();
  const log = [r.isPaused(), r.readableLength];
  const reader = rs.getReader();
  log.push((await reader.read()).value.length);
  await tick();
  log.push(r.isPaused(), r.readableLength);
  const o = new Readable({ read() {}, objectMode: true, highWaterMark: 3 });
  Readable.toWeb(o);
  for (let i = 0; i < 4; i++) o.push(i);
  await tick();
  log.push(o.isPaused(), o.readableLength);
  const s = new Readable({ read() {} });
  Readable.toWeb(s, { strategy: { highWaterMark: 1 } });
  s.push('a');
  s.push('b');
  await tick();
  log.push(s.isPaused(), s.readableLength);
  return log;
});
scenario('Readable.toWeb of ended and destroyed', async () => {
  const d = new Readable({ read() {} });
  d.destroy();
  const e = new Readable({ read() {} });
  e.destroy(new Error('gone'));
  e.on('error', () => {});
  return [util.inspect(Readable.toWeb(d)), await settle(Readable.toWeb(e).getReader().read())];
});
scenario('Readable.toWeb cancel destroys', async () => {
  const r = new Readable({ read() {} });
  const log = [];
  r.on('close', () => log.push(`close ${r.destroyed}`));
  r.on('error', (e) => log.push(`error ${short(e)}`));
  await Readable.toWeb(r).cancel(new Error('stop'));
  await tick();
  return log;
});
scenario('Readable.fromWeb', async () => {
  const n = Readable.fromWeb(new R({
    start(c) { c.enqueue('x'); c.enqueue(new Uint8Array([65])); c.close(); },
  }));
  const log = [n.readableObjectMode, n.readableHighWaterMark];
  n.on('data', (d) => log.push(short(d)));
  await new Promise((resolve) => n.on('end', resolve));
  log.push('end');
  const o = Readable.fromWeb(new R(), { objectMode: true, highWaterMark: 7 });
  log.push(o.readableObjectMode, o.readableHighWaterMark);
  return log;
});
scenario('Readable.fromWeb errors', async () => {
  const log = [];
  const rs = new R({ start(c) { c.error(new Error('rs')); } });
  const n = Readable.fromWeb(rs);
  n.on('error', (e) => log.push(short(e)));
  n.resume();
  await new Promise((resolve) => n.on('close', resolve));
  const src = new R({ cancel(r) { log.push(`cancel ${short(r)}`); } });
  const m = Readable.fromWeb(src);
  m.on('error', (e) => log.push(`m ${short(e)}`));
  m.destroy(new Error('q'));
  await new Promise((resolve) => m.on('close', resolve));
  log.push(util.inspect(src));
  return log;
});
scenario('Writable.toWeb', async () => {
  const chunks = [];
  const w = new Writable({ write(ch, enc, cb) { chunks.push([short(ch), enc]); cb(); } });
  const ws = Writable.toWeb(w);
  const writer = ws.getWriter();
  const log = [util.inspect(ws), writer.desiredSize];
  await writer.write('hi');
  await writer.write(new Uint8Array([1, 2]));
  await writer.close();
  log.push(chunks, w.writableFinished);
  return log;
});
scenario('Writable.toWeb backpressure and errors', async () => {
  const w = new Writable({ write() {}, highWaterMark: 5 });
  const writer = Writable.toWeb(w).getWriter();
  writer.write('abcdef');
  await tick();
  const log = [writer.desiredSize, w.writableLength];
  const bad = new Writable({ write(c, e, cb) { cb(new Error('wfail')); } });
  bad.on('error', () => {});
  const badWriter = Writable.toWeb(bad).getWriter();
  log.push(await settle(badWriter.write('x')), await settle(badWriter.closed));
  const gone = new Writable({ write(c, e, cb) { cb(); } });
  gone.on('error', (e) => log.push(`gone ${short(e)}`));
  log.push(await settle(Writable.toWeb(gone).abort(new Error('ab'))));
  await tick();
  log.push(gone.destroyed);
  return log;
});
scenario('Writable.fromWeb', async () => {
  const got = [];
  const nw = Writable.fromWeb(new W({ write(c) { got.push(short(c)); } }),
                              { decodeStrings: false });
  nw.write('s');
  await new Promise((resolve) => nw.end(Buffer.from('b'), resolve));
  const decoded = [];
  const nd = Writable.fromWeb(new W({ write(c) { decoded.push(short(c)); } }));
  nd.write('s');
  await new Promise((resolve) => nd.end(resolve));
  const plain = Writable.fromWeb(new W());
  return [got, decoded, plain.writableHighWaterMark, plain.writableObjectMode];
});
scenario('Writable.fromWeb errors', async () => {
  const log = [];
  const n = Writable.fromWeb(new W({ write() { throw new Error('ws'); } }));
  n.on('error', (e) => log.push(short(e)));
  n.write('a', (e) => log.push(`cb ${short(e)}`));
  await new Promise((resolve) => n.on('close', resolve));
  return log;
});
scenario('Duplex bridges', async () => {
  const pair = Duplex.toWeb(new PassThrough());
  const shown = util.inspect(pair);
  const writer = pair.writable.getWriter();
  writer.write('ping');
  writer.close();
  const got = [];
  for await (const c of pair.readable) got.push(c);
  const dd = Duplex.fromWeb({ readable: R.from(['a', 'b']), writable: new W() },
                            { encoding: 'utf8' });
  const read = [];
  dd.on('data', (c) => read.push(c));
  await new Promise((resolve) => dd.on('end', resolve));
  return [shown, got, dd.constructor.name, read];
});
scenario('bridges over destroyed and ended Node streams', async () => {
  const r1 = new Readable({ read() {} });
  const rd1 = Readable.toWeb(r1).getReader();
  r1.destroy();
  const w2 = new Writable({ write(c, e, cb) { cb(); } });
  const ws2 = Writable.toWeb(w2);
  w2.destroy();
  await tick();
  const wr2 = ws2.getWriter();
  const w3 = new Writable({ write(c, e, cb) { cb(); } });
  w3.end();
  await tick();
  const wr3 = Writable.toWeb(w3).getWriter();
  const w4 = new Writable({ write(c, e, cb) { cb(); } });
  const wr4 = Writable.toWeb(w4).getWriter();
  w4.on('error', () => {});
  w4.destroy(new Error('d4'));
  await tick();
  // (Node 20 fails an internal assertion on a write to any of these here.)
  return [await settle(rd1.read()), await settle(wr2.ready), await settle(wr2.closed),
    await settle(wr3.closed), wr3.desiredSize, await settle(wr4.ready)];
});
scenario('fromWeb ends and releases', async () => {
  const n5 = Readable.fromWeb(new R({ start(c) { c.enqueue(1); c.close(); } }), { objectMode: true });
  const got = [];
  for await (const x of n5) got.push(x);
  const rs6 = new R({ pull(c) { c.enqueue('z'); } });
  const n6 = Readable.fromWeb(rs6, { objectMode: true });
  for await (const x of n6) {
    got.push(x);
    break;
  }
  await tick();
  const ws7 = new W();
  const n7 = Writable.fromWeb(ws7);
  n7.end('a');
  await new Promise((resolve) => n7.on('finish', resolve));
  await tick();
  const n10 = Writable.fromWeb(new W(), { objectMode: true });
  const d11 = Duplex.fromWeb({ readable: new R({ start(c) { c.close(); } }), writable: new W() });
  d11.resume();
  d11.end();
  await new Promise((resolve) => d11.on('close', resolve));
  return [got, n5.destroyed, util.inspect(rs6), n6.destroyed, util.inspect(ws7), n7.destroyed,
    n10.writableObjectMode, n10.writableHighWaterMark, d11.destroyed,
    sync(() => Readable.fromWeb(new R(), { objectMode: 1 })),
    sync(() => Readable.toWeb(new Readable(), { strategy: 1 }))];
});
scenario('fromWeb destroy aborts the sink', async () => {
  const log = [];
  const n8 = Writable.fromWeb(new W({ abort(r) { log.push(`abort ${r && r.message}`); } }));
  n8.on('error', (e) => log.push(`error ${e.message}`));
  n8.destroy(new Error('boom8'));
  await new Promise((resolve) => n8.on('close', resolve));
  const n9 = Writable.fromWeb(new W({ start(c) { c.error(new Error('e9')); } }));
  n9.on('error', (e) => log.push(`error ${e.message}`));
  await new Promise((resolve) => n9.on('close', resolve));
  return log;
});
scenario('bridge argument errors', () => [
  sync(() => Readable.toWeb(1)),
  sync(() => Readable.fromWeb(1)),
  sync(() => Readable.fromWeb(new R(), 1)),
  sync(() => Writable.toWeb(1)),
  sync(() => Writable.fromWeb(1)),
  sync(() => Duplex.toWeb(1)),
  sync(() => Duplex.fromWeb(1)),
]);
scenario('consumers on web streams', async () => {
  const bytes = () => R.from([new TextEncoder().encode('{"a":'), new TextEncoder().encode('1}')]);
  return [await consumers.text(bytes()), await consumers.json(bytes()),
    short(await consumers.buffer(bytes())), (await consumers.arrayBuffer(bytes())).byteLength,
    (await consumers.blob(bytes())).size];
});
scenario('Blob.stream', async () => {
  const blob = new Blob(['abc']);
  const rs = blob.stream();
  const shown = util.inspect(rs);
  const reader = rs.getReader({ mode: 'byob' });
  const parts = [await reader.read(new Uint8Array(2)), await reader.read(new Uint8Array(2)),
    await reader.read(new Uint8Array(2))];
  const big = [];
  for await (const c of new Blob([new Uint8Array(70000)]).stream()) big.push(c.length);
  const empty = new Blob([]).stream().getReader({ mode: 'byob' });
  return [shown, parts, big, await new Blob([]).stream().getReader().read(),
    await empty.read(new Uint8Array(2))];
});
scenario('stream state helpers', async () => {
  const plain = new R();
  const errored = new R({ start(c) { c.error(new Error('e')); } });
  const cancelled = new R();
  cancelled.cancel();
  await tick();
  return [plain, errored, cancelled].map((s) =>
    [stream.isReadable(s), stream.isErrored(s), stream.isDisturbed(s)]);
});
scenario('finished on web streams', async () => {
  const log = [];
  const ok = new R({ start(c) { c.close(); } });
  stream.finished(ok, (err) => log.push(`ok ${err}`));
  const bad = new R({ start(c) { c.error(new Error('bad')); } });
  stream.finished(bad, (err) => log.push(`bad ${short(err)}`));
  const ws = new W();
  stream.finished(ws, (err) => log.push(`ws ${err}`));
  await ws.close();
  await tick();
  await tick();
  return log.sort();
});
scenario('pipeline web to node', async () => {
  const got = [];
  await stream.promises.pipeline(
    R.from(['a', 'b']),
    new T({ transform(c, ctl) { ctl.enqueue(c.toUpperCase()); } }),
    new Writable({ objectMode: true, write(c, e, cb) { got.push(c); cb(); } }));
  const sink = [];
  await stream.promises.pipeline(Readable.from(['x', 'y']),
                                 new W({ write(c) { sink.push(c); } }));
  return [got, sink];
});
scenario('addAbortSignal on web streams', async () => {
  const ac = new AbortController();
  const rs = stream.addAbortSignal(ac.signal, new R());
  const reader = rs.getReader();
  ac.abort();
  return [await settle(reader.read()), util.inspect(rs)];
});

// A scenario that never settles would end both runs early and alike: say so.
let ran = 0;
process.on('exit', () => {
  if (ran !== scenarios.length) {
    emit('INCOMPLETE', `${ran} of ${scenarios.length} scenarios ran`);
    process.exitCode = 1;
  }
});

(async () => {
  let n = 0;
  for (const [name, fn] of scenarios) {
    ran++;
    let result;
    try {
      result = await fn();
    } catch (e) {
      result = `THROWS ${short(e)}`;
    }
    emit(`${n++} ${name}`, util.inspect(result, {
      breakLength: Infinity, maxArrayLength: Infinity, depth: 6 }));
  }
})();
