'use strict';
// Differential corpus for node:zlib: the module's shape and constants,
// option validation, decompression of fixed inputs (made once by Node, since
// compressed bytes differ between zlib builds) with trailing data and
// damage, error objects, stream events and byte counts, crc32, and the web
// compression streams.
// One JSON line per case: [label, result].

const zlib = require('zlib');
const { makeEmit, attempt } = require('./lib/emit');

const emit = makeEmit();
const text = 'The quick brown fox jumps over the lazy dog. '.repeat(20) +
  '0123456789';
const fixtures = {
  gzip: 'H4sIAAAAAAAAAwvJSFUoLM1MzlZIKsovz1NIy69QyCrNLShWyC9LLVIoyUhVyEmsqlRIyU' +
    '/XUwgZVTyqeFQxtRUbGBoZm5iamVtYAgD11TXhjgMAAA==',
  deflate: 'eJwLyUhVKCzNTM5WSCrKL89TSMuvUMgqzS0oVsgvSy1SKMlIVchJrKpUSMlP11MIGV' +
    'U8qnhUMbUVGxgaGZuYmplbWAIA8dBFKQ==',
  raw: 'C8lIVSgszUzOVkgqyi/PU0jLr1DIKs0tKFbIL0stUijJSFXISayqVEjJT9dTCBlVPKp4V' +
    'DG1FRsYGhmbmJqZW1gCAA==',
  br: 'G40DiIyUqONbEOYh6QPl0rHECzihVhkV9gYbcOCQQP5ANrHfoNMKp3V1PE6U8VLwIJyI23+' +
    '0U8BDjXU+xJQL',
  dict: 'eLsu6QXTC8lIVShEFVLIKs0tKFbIL0stUijJSFXISayqVEjJT9dTGFU8qnhUMdUVGxgaG' +
    'ZuYmplbWAIA8dBFKQ==',
};
const bytes = {};
for (const [k, v] of Object.entries(fixtures)) bytes[k] = Buffer.from(v, 'base64');
const decoders = { gzip: 'gunzip', deflate: 'inflate', raw: 'inflateRaw',
  br: 'brotliDecompress' };

function describeError(err) {
  return [err.name, err.code, err.errno, err.message,
    Object.keys(err).sort().join()];
}
function run(fn) {
  try {
    const out = fn();
    return ['ok', Buffer.isBuffer(out) ? [out.length, out.toString('latin1').slice(0, 40)] : out];
  } catch (err) {
    return ['throws', ...describeError(err)];
  }
}

// --- shape -----------------------------------------------------------------
emit('keys', Object.keys(zlib));
emit('hidden', Object.getOwnPropertyNames(zlib)
  .filter((k) => !Object.keys(zlib).includes(k)));
const constants = { ...zlib.constants };
delete constants.ZLIB_VERNUM;
emit('constants', constants);
emit('codes', zlib.codes);
emit('frozen', [Object.isFrozen(zlib.codes), Object.isFrozen(zlib.constants),
  Object.getPrototypeOf(zlib.constants)]);
for (const name of ['Gzip', 'Gunzip', 'Deflate', 'Inflate', 'DeflateRaw',
  'InflateRaw', 'Unzip', 'BrotliCompress', 'BrotliDecompress']) {
  const C = zlib[name];
  const chain = [];
  for (let p = Object.getPrototypeOf(C.prototype); p; p = Object.getPrototypeOf(p)) {
    chain.push(p.constructor.name);
    if (chain.length > 3) break;
  }
  const made = C();
  emit(`class:${name}`, [C.name, C.length, chain, made instanceof C,
    made._defaultFlushFlag, made._finishFlushFlag, made._defaultFullFlushFlag,
    made.bytesWritten, made._closed, made._level, made._strategy,
    made._chunkSize, made.readableHighWaterMark]);
  made.close();
}

// --- options ---------------------------------------------------------------
const optionCases = [
  ['Gzip', { level: 10 }], ['Gzip', { level: -2 }], ['Gzip', { level: 'x' }],
  ['Gzip', { level: NaN }], ['Gzip', { level: Infinity }],
  ['Gzip', { level: 1.5 }], ['Deflate', { windowBits: 7 }],
  ['Gzip', { windowBits: 8 }], ['DeflateRaw', { windowBits: 8 }],
  ['Inflate', { windowBits: 0 }], ['InflateRaw', { windowBits: 0 }],
  ['Unzip', { windowBits: 0 }], ['Deflate', { windowBits: 0 }],
  ['Gunzip', { windowBits: 16 }], ['Deflate', { memLevel: 0 }],
  ['Deflate', { memLevel: 10 }], ['Deflate', { strategy: 5 }],
  ['Deflate', { chunkSize: 63 }], ['Deflate', { chunkSize: 64 }],
  ['Deflate', { chunkSize: 'big' }], ['Deflate', { flush: 6 }],
  ['Deflate', { finishFlush: -1 }], ['Deflate', { maxOutputLength: 0 }],
  ['Deflate', { maxOutputLength: 2 ** 33 }], ['Deflate', { dictionary: 'x' }],
  ['Deflate', { dictionary: new ArrayBuffer(4) }], ['Deflate', 5],
  ['Deflate', null], ['BrotliCompress', { flush: 4 }],
  ['BrotliCompress', { params: { 10000: 1 } }],
  ['BrotliCompress', { params: { '00': 1 } }],
  ['BrotliCompress', { params: { 1: 'x' } }],
  ['BrotliCompress', { params: { 1: true } }],
  ['BrotliDecompress', { params: { 2: 1 } }],
  ['BrotliDecompress', { params: { 0: 1 } }],
];
for (const [i, [name, opts]] of optionCases.entries()) {
  emit(`options:${i}:${name}`, run(() => {
    const s = new zlib[name](opts);
    s.close();
    return 'made';
  }));
}
emit('params:range', [run(() => new zlib.Deflate().params(10, 0)),
  run(() => new zlib.Deflate().params(1, 9)),
  run(() => new zlib.Deflate().params('1', 0))]);
emit('input:types', [run(() => zlib.deflateSync(1)),
  run(() => zlib.deflateSync({})), run(() => zlib.deflateSync(null)),
  run(() => zlib.inflateSync(new Uint8Array(bytes.deflate))),
  run(() => zlib.inflateSync(new DataView(bytes.deflate.buffer,
    bytes.deflate.byteOffset, bytes.deflate.byteLength))),
  run(() => zlib.inflateSync(bytes.deflate.buffer.slice(bytes.deflate.byteOffset,
    bytes.deflate.byteOffset + bytes.deflate.length)))]);
emit('callback:missing', [run(() => zlib.gzip('x')),
  run(() => zlib.gzip('x', {}, 'nope')), run(() => zlib.gzip(5, () => {})),
  run(() => zlib.gzip({}, () => {}))]);
emit('closed', [run(() => {
  const g = zlib.createGzip();
  g.close();
  g.close();
  return g._closed;
}), run(() => {
  const g = zlib.createGzip();
  g.destroy();
  return g.reset();
})]);

// --- decompression of fixed data -------------------------------------------
for (const [kind, decoder] of Object.entries(decoders)) {
  const b = bytes[kind];
  emit(`decode:${kind}`, run(() => zlib[`${decoder}Sync`](b).toString() === text));
  emit(`truncated:${kind}`, run(() => zlib[`${decoder}Sync`](b.subarray(0, b.length - 5))));
  emit(`empty:${kind}`, run(() => zlib[`${decoder}Sync`](Buffer.alloc(0))));
  emit(`trailing:${kind}`, run(() => zlib[`${decoder}Sync`](
    Buffer.concat([b, Buffer.from('trailing')])).length));
  emit(`zeros:${kind}`, run(() => zlib[`${decoder}Sync`](
    Buffer.concat([b, Buffer.alloc(8)])).length));
  const damaged = Buffer.from(b);
  damaged[Math.floor(b.length / 2)] ^= 0xff;
  emit(`damaged:${kind}`, run(() => zlib[`${decoder}Sync`](damaged).length));
  emit(`small-chunks:${kind}`, run(() => zlib[`${decoder}Sync`](b,
    { chunkSize: 64 }).length));
  emit(`max-output:${kind}`, run(() => zlib[`${decoder}Sync`](b,
    { maxOutputLength: 100 })));
  emit(`info:${kind}`, run(() => {
    const r = zlib[`${decoder}Sync`](b, { info: true });
    return [Object.keys(r), r.engine.constructor.name, r.engine.bytesWritten];
  }));
}
emit('unzip:gzip', run(() => zlib.unzipSync(bytes.gzip).length));
emit('unzip:deflate', run(() => zlib.unzipSync(bytes.deflate).length));
emit('unzip:raw', run(() => zlib.unzipSync(bytes.raw)));
emit('gunzip:two-members', run(() => zlib.gunzipSync(
  Buffer.concat([bytes.gzip, bytes.gzip])).length));
emit('gunzip:deflate', run(() => zlib.gunzipSync(bytes.deflate)));
emit('inflate:gzip', run(() => zlib.inflateSync(bytes.gzip)));
emit('dict:missing', run(() => zlib.inflateSync(bytes.dict)));
emit('dict:wrong', run(() => zlib.inflateSync(bytes.dict,
  { dictionary: Buffer.from('nope') })));
emit('dict:right', run(() => zlib.inflateSync(bytes.dict,
  { dictionary: Buffer.from('quick brown fox') }).toString() === text));
emit('brotli:garbage', run(() => zlib.brotliDecompressSync(Buffer.from('garbage data'))));
for (const [pack, unpack] of [['deflateSync', 'inflateSync'],
  ['gzipSync', 'gunzipSync'], ['deflateRawSync', 'inflateRawSync'],
  ['brotliCompressSync', 'brotliDecompressSync']]) {
  emit(`roundtrip:${pack}`, run(() => zlib[unpack](zlib[pack](text, { level: 1 }))
    .toString() === text));
}
emit('roundtrip:levels', [-1, 0, 1, 5, 9].map((level) =>
  zlib.inflateSync(zlib.deflateSync(text, { level, strategy: 1 })).length));

// --- streams ---------------------------------------------------------------
function streamEvents(name, opts, feed) {
  return new Promise((resolve) => {
    const events = [];
    const s = zlib[name](opts);
    let out = 0;
    s.on('data', (c) => { out += c.length; });
    for (const ev of ['end', 'finish', 'close']) {
      s.on(ev, () => events.push(ev));
    }
    s.on('error', (err) => events.push(['error', ...describeError(err)]));
    // Compressed sizes differ between zlib builds: only decompressed ones
    // are compared.
    const plain = /^create(In|Gun|Un|BrotliDe)/.test(name);
    s.on('close', () => resolve([events, plain ? out : 'n/a',
      plain ? s.bytesWritten : 'n/a', s._closed, s.destroyed]));
    feed(s);
  });
}

const streamCases = [
  ['gunzip:end', 'createGunzip', {}, (s) => s.end(bytes.gzip)],
  ['gunzip:bytewise', 'createGunzip', {}, (s) => {
    for (const byte of bytes.gzip) s.write(Buffer.from([byte]));
    s.end();
  }],
  ['gunzip:truncated', 'createGunzip', {}, (s) => s.end(bytes.gzip.subarray(0, 30))],
  ['gunzip:garbage', 'createGunzip', {}, (s) => s.end(Buffer.from('garbage'))],
  ['inflate:trailing-no-end', 'createInflate', {}, (s) => {
    // The output ends without end(); only destroy() closes it then.
    s.on('end', () => s.destroy());
    s.write(bytes.deflate);
    s.write(Buffer.from('more'));
  }],
  ['inflateRaw:trailing', 'createInflateRaw', {}, (s) => s.end(
    Buffer.concat([bytes.raw, Buffer.from('junk')]))],
  ['brotli:end', 'createBrotliDecompress', {}, (s) => s.end(bytes.br)],
  ['brotli:truncated', 'createBrotliDecompress', {}, (s) => s.end(bytes.br.subarray(0, 20))],
  ['unzip:gzip', 'createUnzip', {}, (s) => s.end(bytes.gzip)],
  ['destroy:early', 'createGunzip', {}, (s) => {
    s.write(bytes.gzip);
    s.destroy();
  }],
  ['destroy:error', 'createGunzip', {}, (s) => s.destroy(new Error('boom'))],
  ['close:cb', 'createInflate', {}, (s) => s.close()],
  ['empty:end', 'createGzip', {}, (s) => s.end()],
  ['deflate:text', 'createDeflate', {}, (s) => s.end(text)],
];

const zeroByte = new Promise((resolve) => {
  // A compressor fed nothing still writes a complete (empty) stream.
  const gz = zlib.createGzip();
  const parts = [];
  gz.on('data', (c) => parts.push(c));
  gz.on('end', () => resolve(zlib.gunzipSync(Buffer.concat(parts)).length));
  gz.end(Buffer.alloc(0));
});

const flushCase = new Promise((resolve) => {
  const d = zlib.createDeflate();
  const parts = [];
  const seen = [];
  d.on('data', (c) => parts.push(c));
  d.write('abc');
  d.flush(() => {
    seen.push(zlib.inflateSync(Buffer.concat(parts),
      { finishFlush: zlib.constants.Z_SYNC_FLUSH }).toString());
    d.params(0, 0, () => {
      d.on('end', () => {
        seen.push(zlib.inflateSync(Buffer.concat(parts)).toString());
        d.flush(() => {
          seen.push('flushed after end');
          resolve(seen);
        });
      });
      d.end('def');
    });
  });
});

const resetCase = new Promise((resolve) => {
  const inf = zlib.createInflate();
  inf.reset();
  const parts = [];
  inf.on('data', (c) => parts.push(c));
  inf.on('end', () => resolve(Buffer.concat(parts).toString() === text));
  inf.end(bytes.deflate);
});

const arrayBufferAsync = new Promise((resolve) => {
  zlib.deflate(new ArrayBuffer(16), (err, out) => {
    resolve([err, zlib.inflateSync(out).length]);
  });
});

const callbackOrder = new Promise((resolve) => {
  const order = [];
  zlib.inflate(bytes.deflate, (err, out) => {
    order.push(['inflate', err, out.length]);
    zlib.gunzip(bytes.gzip.subarray(0, 20), (err2) => {
      order.push(['gunzip', ...describeError(err2)]);
      zlib.inflate(bytes.deflate, { maxOutputLength: 10 }, (err3) => {
        order.push(['max', ...describeError(err3)]);
        zlib.inflate(bytes.deflate, { info: true }, (err4, r) => {
          order.push(['info', Object.keys(r)]);
          resolve(order);
        });
      });
    });
  });
  order.push('sync');
});

const crcCases = [['hello'], ['hello', 5], [Buffer.from('hello')], [''],
  [new Uint16Array([1, 2])], [5], ['x', -1], ['x', 'a'], ['x', 2 ** 32],
  [text, 0xffffffff]];

async function webCase(format, input, decode) {
  const T = decode ? DecompressionStream : CompressionStream;
  const t = new T(format);
  const writer = t.writable.getWriter();
  const result = [];
  const readAll = (async () => {
    const parts = [];
    const reader = t.readable.getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      parts.push(Buffer.from(value));
      result.push(value.constructor.name);
    }
    return Buffer.concat(parts);
  })();
  writer.write(input).catch((e) => result.push(['write', e.code]));
  writer.close().catch((e) => result.push(['close', e.code]));
  try {
    const out = await readAll;
    return [decode ? out.toString() === text : zlib.unzipSync(out).length,
      [...new Set(result)]];
  } catch (err) {
    return ['error', ...describeError(err)];
  }
}

(async () => {
  for (const [label, name, opts, feed] of streamCases) {
    emit(`stream:${label}`, await streamEvents(name, opts, feed));
  }
  emit('stream:zero-byte', await zeroByte);
  emit('stream:flush-params', await flushCase);
  emit('stream:reset', await resetCase);
  emit('callback:array-buffer', await arrayBufferAsync);
  emit('callback:order', await callbackOrder);
  const promised = await require('util').promisify(zlib.gunzip)(bytes.gzip);
  emit('promisify', promised.toString() === text);
  emit('crc32', crcCases.map((args) => attempt(() => zlib.crc32(...args))));
  emit('web:shape', [typeof CompressionStream, typeof DecompressionStream,
    Object.prototype.toString.call(new CompressionStream('gzip')),
    Object.getOwnPropertyNames(CompressionStream.prototype),
    attempt(() => new CompressionStream('br')),
    attempt(() => new DecompressionStream())]);
  emit('web:gzip', await webCase('gzip', new TextEncoder().encode(text), false));
  emit('web:deflate', await webCase('deflate', Buffer.from(text), false));
  emit('web:gunzip', await webCase('gzip', bytes.gzip, true));
  emit('web:inflate', await webCase('deflate', bytes.deflate, true));
  emit('web:inflate-raw', await webCase('deflate-raw', bytes.raw, true));
  emit('web:bad', await webCase('gzip', new Uint8Array([1, 2, 3]), true));
  emit('web:truncated', await webCase('gzip', bytes.gzip.subarray(0, 25), true));
  emit('complete', true);
})();
