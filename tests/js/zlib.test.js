// node:zlib against real peers and bad input: data the system's gzip(1)
// made and reads back, every format's round trip in sync, callback, promise
// and stream forms, flush/params/reset, dictionaries, and the robustness
// cases: truncated and corrupt input, a stream destroyed mid-way, output over
// maxOutputLength, a worker ended while its streams work, and the web
// CompressionStream/DecompressionStream.
'use strict';

const assert = require('assert');
const cp = require('child_process');
const util = require('util');
const zlib = require('zlib');
const { once } = require('events');
const { pipeline, Readable, Writable } = require('stream');

const steps = [];
function step(name, fn) {
  steps.push([name, fn]);
}

// A few hundred KB that compress well but not trivially.
function sample(size, seed = 1) {
  const out = Buffer.alloc(size);
  for (let i = 0; i < size; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    out[i] = 97 + (seed >> 16) % 8;
  }
  return out;
}
const input = sample(300000);

const pairs = [
  ['deflate', 'inflate'], ['gzip', 'gunzip'], ['deflateRaw', 'inflateRaw'],
  ['gzip', 'unzip'], ['deflate', 'unzip'],
  ['brotliCompress', 'brotliDecompress'],
];

step('sync round trips, every format', () => {
  for (const [pack, unpack] of pairs) {
    const packed = zlib[`${pack}Sync`](input);
    assert.ok(packed.length < input.length / 2, pack);
    assert.ok(zlib[`${unpack}Sync`](packed).equals(input), unpack);
  }
  // Strings, ArrayBuffers and other views go in too.
  assert.strictEqual(zlib.inflateSync(zlib.deflateSync('héllo')).toString(),
                     'héllo');
  const view = new Uint16Array([1, 2, 3]);
  assert.deepStrictEqual(
    new Uint16Array(zlib.gunzipSync(zlib.gzipSync(view.buffer)).buffer.slice(
      0, 6)), view);
});

step('callback and promisified forms', async () => {
  for (const [pack, unpack] of pairs) {
    const packed = await util.promisify(zlib[pack])(input);
    const back = await new Promise((resolve, reject) => {
      zlib[unpack](packed, (err, out) => (err ? reject(err) : resolve(out)));
    });
    assert.ok(back.equals(input), unpack);
  }
  const info = zlib.gzipSync('x', { info: true });
  assert.ok(Buffer.isBuffer(info.buffer) && info.engine instanceof zlib.Gzip);
});

step('system gzip(1) reads our output and we read its', async () => {
  const child = cp.spawn('gzip', ['-dc'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const chunks = [];
  child.stdout.on('data', (c) => chunks.push(c));
  child.stdin.end(zlib.gzipSync(input, { level: 9 }));
  const [code] = await once(child, 'close');
  assert.strictEqual(code, 0);
  assert.ok(Buffer.concat(chunks).equals(input));

  const made = cp.spawnSync('gzip', ['-c', '-6'], { input });
  assert.strictEqual(made.status, 0);
  assert.ok(zlib.gunzipSync(made.stdout).equals(input));
  // Two members, as `cat a.gz b.gz` makes them, read as one.
  const two = Buffer.concat([made.stdout, zlib.gzipSync('tail')]);
  assert.strictEqual(zlib.gunzipSync(two).length, input.length + 4);
});

step('streams: pipeline through gzip and gunzip in small writes', async () => {
  const out = [];
  const source = Readable.from((function* pieces() {
    for (let at = 0; at < input.length; at += 7001) {
      yield input.subarray(at, at + 7001);
    }
  })());
  await util.promisify(pipeline)(source, zlib.createGzip(),
                                 zlib.createGunzip(), new Writable({
      write(chunk, encoding, cb) {
        out.push(chunk);
        cb();
      },
    }));
  assert.ok(Buffer.concat(out).equals(input));
});

step('flush() gives a decodable prefix; params() and reset()', async () => {
  const deflate = zlib.createDeflate();
  const seen = [];
  deflate.on('data', (c) => seen.push(c));
  deflate.write('first part ');
  await new Promise((resolve) => deflate.flush(resolve));
  const prefix = Buffer.concat(seen);
  const partial = zlib.inflateSync(prefix, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
  assert.strictEqual(partial.toString(), 'first part ');
  await new Promise((resolve) => deflate.params(9, zlib.constants.Z_FILTERED, resolve));
  deflate.end('second part');
  await once(deflate, 'end');
  assert.strictEqual(zlib.inflateSync(Buffer.concat(seen)).toString(),
                     'first part second part');
  assert.strictEqual(deflate.bytesWritten, 22);

  const gzip = zlib.createGzip();
  gzip.reset();
  const got = [];
  gzip.on('data', (c) => got.push(c));
  gzip.end('after reset');
  await once(gzip, 'end');
  assert.strictEqual(zlib.gunzipSync(Buffer.concat(got)).toString(),
                     'after reset');
});

step('dictionaries', () => {
  const dictionary = Buffer.from('common words common words');
  const packed = zlib.deflateSync('common words here', { dictionary });
  assert.strictEqual(zlib.inflateSync(packed, { dictionary }).toString(),
                     'common words here');
  assert.throws(() => zlib.inflateSync(packed),
                { code: 'Z_NEED_DICT', errno: 2, message: 'Missing dictionary' });
  assert.throws(() => zlib.inflateSync(packed, { dictionary: Buffer.from('x') }),
                { code: 'Z_NEED_DICT', message: 'Bad dictionary' });
  const raw = zlib.deflateRawSync('common words', { dictionary });
  assert.strictEqual(zlib.inflateRawSync(raw, { dictionary }).toString(),
                     'common words');
});

step('truncated input: Z_BUF_ERROR, sync, callback and stream', async () => {
  const packed = zlib.gzipSync(input);
  const cut = packed.subarray(0, packed.length - 100);
  const expected = { code: 'Z_BUF_ERROR', errno: -5,
    message: 'unexpected end of file' };
  assert.throws(() => zlib.gunzipSync(cut), expected);
  await assert.rejects(util.promisify(zlib.gunzip)(cut), expected);
  const brotli = zlib.brotliCompressSync(input);
  assert.throws(() => zlib.brotliDecompressSync(brotli.subarray(0, 50)), expected);
  const stream = zlib.createGunzip();
  stream.resume();
  stream.end(cut);
  const [err] = await once(stream, 'error');
  assert.strictEqual(err.code, 'Z_BUF_ERROR');
  stream.close();  // closing after the error is harmless
});

step('corrupt input: Z_DATA_ERROR and brotli\'s codes', async () => {
  assert.throws(() => zlib.gunzipSync(Buffer.from('definitely not gzip')),
                { code: 'Z_DATA_ERROR', errno: -3, message: 'incorrect header check' });
  const packed = zlib.deflateSync(input);
  const bad = Buffer.from(packed);
  for (let i = 10; i < 60; i++) bad[i] ^= 0x55;
  assert.throws(() => zlib.inflateSync(bad), { code: 'Z_DATA_ERROR' });
  assert.throws(() => zlib.brotliDecompressSync(Buffer.from('not brotli')),
                { message: 'Decompression failed', code: /^ERR__ERROR_FORMAT_/ });
  const inflate = zlib.createInflate();
  inflate.resume();
  inflate.end(bad);
  const [err] = await once(inflate, 'error');
  assert.strictEqual(err.code, 'Z_DATA_ERROR');
  assert.strictEqual(inflate.destroyed, true);
});

step('a stream destroyed mid-way stops quietly', async () => {
  const gunzip = zlib.createGunzip();
  const big = zlib.gzipSync(Buffer.alloc(20 * 1024 * 1024));
  let chunks = 0;
  gunzip.on('data', () => {
    chunks++;
    if (chunks === 3) gunzip.destroy();
  });
  gunzip.on('error', () => assert.fail('no error expected'));
  gunzip.write(big.subarray(0, big.length >> 1));
  gunzip.write(big.subarray(big.length >> 1));
  await once(gunzip, 'close');
  assert.strictEqual(gunzip._closed, true);
  assert.ok(chunks >= 3);
});

step('maxOutputLength: a bomb gives ERR_BUFFER_TOO_LARGE', async () => {
  const bomb = zlib.gzipSync(Buffer.alloc(8 * 1024 * 1024));
  const expected = { code: 'ERR_BUFFER_TOO_LARGE', name: 'RangeError',
    message: 'Cannot create a Buffer larger than 65536 bytes' };
  assert.throws(() => zlib.gunzipSync(bomb, { maxOutputLength: 65536 }), expected);
  await assert.rejects(
    util.promisify(zlib.gunzip)(bomb, { maxOutputLength: 65536 }), expected);
  assert.strictEqual(zlib.gunzipSync(bomb, { maxOutputLength: 8 * 1024 * 1024 }).length,
                     8 * 1024 * 1024);
});

step('a worker terminated while its gzip runs on the thread pool', async () => {
  const { Worker } = require('worker_threads');
  const worker = new Worker(`
    const zlib = require('zlib');
    const { parentPort } = require('worker_threads');
    zlib.gzip(Buffer.alloc(32 * 1024 * 1024, 'a'), () => {});
    const gunzip = zlib.createGunzip();
    gunzip.resume();
    gunzip.write(zlib.gzipSync(Buffer.alloc(8 * 1024 * 1024)));
    parentPort.postMessage('busy');
  `, { eval: true });
  const [message] = await once(worker, 'message');
  assert.strictEqual(message, 'busy');
  worker.terminate();
  const [code] = await once(worker, 'exit');
  assert.strictEqual(code, 1);
  // The process goes on compressing after the worker's streams are gone.
  assert.strictEqual(zlib.gunzipSync(zlib.gzipSync('still here')).toString(),
                     'still here');
});

step('option validation, Node\'s errors', () => {
  assert.throws(() => zlib.createGzip({ level: 10 }), {
    code: 'ERR_OUT_OF_RANGE', name: 'RangeError',
    message: 'The value of "options.level" is out of range. It must be >= -1 and <= 9. Received 10',
  });
  assert.throws(() => zlib.createDeflate({ chunkSize: 1 }),
                { code: 'ERR_OUT_OF_RANGE' });
  assert.throws(() => zlib.createGzip({ windowBits: 8 }),
                { code: 'ERR_OUT_OF_RANGE' });
  assert.throws(() => zlib.createBrotliCompress({ params: { 42: 1 } }),
                { code: 'ERR_BROTLI_INVALID_PARAM', name: 'RangeError' });
  assert.throws(() => zlib.gzipSync(42), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => zlib.gzip('x'), { code: 'ERR_INVALID_ARG_TYPE' });
});

step('crc32 and constants', () => {
  if (typeof zlib.crc32 === 'function') {
    assert.strictEqual(zlib.crc32('hello'), 907060870);
    assert.strictEqual(zlib.crc32('lo', zlib.crc32('hel')), 907060870);
  }
  assert.strictEqual(zlib.constants.Z_BUF_ERROR, -5);
  assert.strictEqual(zlib.Z_SYNC_FLUSH, 2);
  assert.strictEqual(zlib.codes.Z_DATA_ERROR, -3);
  assert.strictEqual(zlib.codes['-3'], 'Z_DATA_ERROR');
});

step('CompressionStream and DecompressionStream', async () => {
  const through = async (bytes, transform) => {
    const source = new ReadableStream({
      start(controller) {
        // Several chunks, so the transform runs more than once.
        for (let at = 0; at < bytes.length; at += 65536) {
          controller.enqueue(bytes.subarray(at, at + 65536));
        }
        controller.close();
      },
    });
    const parts = [];
    for await (const chunk of source.pipeThrough(transform)) {
      assert.ok(chunk instanceof Uint8Array);
      parts.push(chunk);
    }
    return Buffer.concat(parts);
  };
  for (const format of ['gzip', 'deflate', 'deflate-raw']) {
    const packed = await through(input, new CompressionStream(format));
    const back = await through(packed, new DecompressionStream(format));
    assert.ok(back.equals(input), format);
  }
  const cs = new CompressionStream('gzip');
  const writer = cs.writable.getWriter();
  writer.write(new TextEncoder().encode('web streams'));
  writer.close();
  const parts = [];
  for await (const chunk of cs.readable) parts.push(chunk);
  assert.strictEqual(zlib.gunzipSync(Buffer.concat(parts)).toString(),
                     'web streams');
  assert.throws(() => new CompressionStream('zip'),
                { code: 'ERR_INVALID_ARG_VALUE', name: 'TypeError' });
  const ds = new DecompressionStream('gzip');
  const w = ds.writable.getWriter();
  w.write(new Uint8Array([1, 2, 3])).catch(() => {});
  w.close().catch(() => {});
  await assert.rejects(ds.readable.getReader().read(), { code: 'Z_DATA_ERROR' });
});

(async () => {
  for (const [name, fn] of steps) {
    try {
      await fn();
    } catch (err) {
      console.error(`step failed: ${name}`);
      throw err;
    }
  }
  console.log(`zlib: ${steps.length} steps ok`);
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
