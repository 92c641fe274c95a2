// node:stream/web and the stream globals against real peers: a file copied
// through a byte stream read with BYOB requests and a sink writing to a file
// handle, a source failing mid-pipe, an abort during a pipe, bounded queues
// under backpressure, tee with a slow branch, the encoding streams over
// split multi-byte text, and the bridges to Node streams (toWeb/fromWeb,
// pipeline, finished, stream/consumers, Blob.stream()).
'use strict';

const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const stream = require('stream');
const consumers = require('stream/consumers');
const web = require('stream/web');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jspack-webstreams-'));
const steps = [];
function step(name, fn) {
  steps.push([name, fn]);
}

// A deterministic byte pattern that is not periodic in small chunk sizes.
function pattern(size) {
  const out = Buffer.alloc(size);
  let x = 7;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

// A byte stream over an open file: each pull reads into the BYOB view.
function fileSource(handle, log) {
  return new ReadableStream({
    type: 'bytes',
    autoAllocateChunkSize: 65536,
    async pull(controller) {
      const { view } = controller.byobRequest;
      const { bytesRead } = await handle.read(view, 0, view.byteLength, null);
      if (log) log.push(bytesRead);
      if (bytesRead === 0) {
        await handle.close();
        controller.close();
        controller.byobRequest.respond(0);
      } else {
        controller.byobRequest.respond(bytesRead);
      }
    },
    cancel() {
      return handle.close();
    },
  });
}

function fileSink(handle, events) {
  return new WritableStream({
    async write(chunk) {
      await handle.write(chunk);
    },
    async close() {
      events.push('close');
      await handle.close();
    },
    async abort(reason) {
      events.push(`abort ${reason && reason.message}`);
      await handle.close();
    },
  });
}

step('globals are lazy accessors of stream/web', () => {
  for (const name of ['ReadableStream', 'WritableStream', 'TransformStream',
    'TextEncoderStream', 'TextDecoderStream', 'CountQueuingStrategy',
    'ByteLengthQueuingStrategy', 'ReadableStreamBYOBReader']) {
    const desc = Object.getOwnPropertyDescriptor(globalThis, name);
    assert.strictEqual(typeof desc.get, 'function', name);
    assert.strictEqual(desc.enumerable, false);
    assert.strictEqual(globalThis[name], web[name]);
    // The encoding streams have no tag in Node 20.
    const tag = name.startsWith('Text') ? undefined : name;
    assert.strictEqual(web[name].prototype[Symbol.toStringTag], tag);
  }
  assert.strictEqual(require('node:stream/web'), web);
});

step('a file copied through a byte stream and a file sink', async () => {
  const data = pattern(300000);
  const from = path.join(dir, 'from.bin');
  const to = path.join(dir, 'to.bin');
  fs.writeFileSync(from, data);
  const input = await fs.promises.open(from, 'r');
  const output = await fs.promises.open(to, 'w');
  const reads = [];
  const events = [];
  let counted = 0;
  const counter = new TransformStream({
    transform(chunk, controller) {
      counted += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  await fileSource(input, reads).pipeThrough(counter).pipeTo(fileSink(output, events));
  assert.strictEqual(counted, data.length);
  assert.deepStrictEqual(events, ['close']);
  assert.ok(reads.every((n) => n <= 65536));
  assert.strictEqual(reads[reads.length - 1], 0);
  assert.ok(fs.readFileSync(to).equals(data));
});

step('BYOB reads of a file fill the caller\'s buffers', async () => {
  const file = path.join(dir, 'byob.bin');
  const data = pattern(1000);
  fs.writeFileSync(file, data);
  const handle = await fs.promises.open(file, 'r');
  const reader = fileSource(handle).getReader({ mode: 'byob' });
  const parts = [];
  let buffer = new ArrayBuffer(333);
  for (;;) {
    const { value, done } = await reader.read(new Uint8Array(buffer));
    if (done) break;
    parts.push(Buffer.from(value));
    // The view's buffer was transferred: the next read reuses it.
    assert.strictEqual(value.buffer.byteLength, 333);
    buffer = value.buffer;
  }
  assert.ok(Buffer.concat(parts).equals(data));
});

step('a source failing mid-pipe aborts the sink with its error', async () => {
  const to = path.join(dir, 'partial.bin');
  const output = await fs.promises.open(to, 'w');
  const events = [];
  let n = 0;
  const source = new ReadableStream({
    pull(controller) {
      n++;
      if (n === 4) throw new Error('disk went away');
      controller.enqueue(new Uint8Array([n]));
    },
  });
  await assert.rejects(source.pipeTo(fileSink(output, events)), { message: 'disk went away' });
  assert.deepStrictEqual(events, ['abort disk went away']);
  assert.deepStrictEqual([...fs.readFileSync(to)], [1, 2, 3]);
});

step('a sink failing cancels the source, and preventCancel keeps it', async () => {
  const reasons = [];
  const source = () => new ReadableStream({
    pull(controller) { controller.enqueue('x'); },
    cancel(reason) { reasons.push(reason.message); },
  });
  const failing = () => new WritableStream({ write() { throw new Error('full'); } });
  await assert.rejects(source().pipeTo(failing()), { message: 'full' });
  assert.deepStrictEqual(reasons, ['full']);
  const kept = source();
  await assert.rejects(kept.pipeTo(failing(), { preventCancel: true }), { message: 'full' });
  assert.deepStrictEqual(reasons, ['full']);
  assert.strictEqual(kept.locked, false);
  const { value } = await kept.getReader().read();
  assert.strictEqual(value, 'x');
});

step('an abort signal stops a running pipe', async () => {
  const controller = new AbortController();
  const events = [];
  let pulls = 0;
  const source = new ReadableStream({
    pull(c) {
      pulls++;
      c.enqueue(pulls);
      // The consumer is running: stop it from inside the pipe.
      if (pulls === 3) controller.abort();
    },
    cancel(reason) { events.push(`cancel ${reason.name}`); },
  });
  const sink = new WritableStream({
    write(chunk) { events.push(`write ${chunk}`); },
    abort(reason) { events.push(`abort ${reason.name}`); },
  });
  await assert.rejects(source.pipeTo(sink, { signal: controller.signal }), (err) => {
    assert.ok(err instanceof DOMException);
    assert.strictEqual(err.name, 'AbortError');
    return true;
  });
  assert.ok(events.includes('cancel AbortError'));
  assert.ok(events.includes('abort AbortError'));
  const aborted = AbortSignal.abort(new Error('before'));
  await assert.rejects(new ReadableStream().pipeTo(new WritableStream(), { signal: aborted }),
                       { message: 'before' });
});

step('queues stay within the high-water mark under backpressure', async () => {
  let pulled = 0;
  let read = 0;
  let worst = 0;
  const source = new ReadableStream({
    pull(c) {
      pulled++;
      worst = Math.max(worst, pulled - read);
      c.enqueue(pulled);
      if (pulled === 2000) c.close();
    },
  }, new CountQueuingStrategy({ highWaterMark: 4 }));
  const slow = new WritableStream({
    write() {
      read++;
      return new Promise((resolve) => setImmediate(resolve));
    },
  }, { highWaterMark: 2 });
  await source.pipeTo(slow);
  assert.strictEqual(read, 2000);
  // Pipe buffers the source's queue, one chunk in the pipe and the sink's.
  assert.ok(worst <= 4 + 2 + 2, `worst ${worst}`);
});

step('tee with a slow branch delivers everything to both', async () => {
  const chunks = Array.from({ length: 500 }, (_, i) => `c${i}`);
  const [fast, slow] = ReadableStream.from(chunks).tee();
  const got = { fast: [], slow: [] };
  await Promise.all([
    (async () => { for await (const c of fast) got.fast.push(c); })(),
    (async () => {
      for await (const c of slow) {
        got.slow.push(c);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })(),
  ]);
  assert.deepStrictEqual(got.fast, chunks);
  assert.deepStrictEqual(got.slow, chunks);
});

step('cancel settles pending reads, and iteration can keep the stream', async () => {
  const stream1 = new ReadableStream();
  const reader = stream1.getReader();
  const pending = [reader.read(), reader.read()];
  await reader.cancel('enough');
  assert.deepStrictEqual(await Promise.all(pending),
                         [{ value: undefined, done: true }, { value: undefined, done: true }]);
  let cancelled = 0;
  const ticking = () => new ReadableStream({
    pull(c) { c.enqueue(1); },
    cancel() { cancelled++; },
  });
  const kept = ticking();
  for await (const x of kept.values({ preventCancel: true })) {
    assert.strictEqual(x, 1);
    break;
  }
  assert.strictEqual(cancelled, 0);
  assert.strictEqual(kept.locked, false);
  for await (const x of ticking()) {
    assert.strictEqual(x, 1);
    break;
  }
  assert.strictEqual(cancelled, 1);
});

step('Node errors: codes, classes and messages', async () => {
  const locked = new ReadableStream();
  locked.getReader();
  assert.throws(() => locked.getReader(), {
    name: 'TypeError', code: 'ERR_INVALID_STATE',
    message: 'Invalid state: ReadableStream is locked',
  });
  await assert.rejects(locked.cancel(), { code: 'ERR_INVALID_STATE' });
  assert.throws(() => new ReadableStream({ type: 'nope' }), {
    name: 'TypeError', code: 'ERR_INVALID_ARG_VALUE',
    message: "The property 'source.type' is invalid. Received 'nope'",
  });
  assert.throws(() => new WritableStream({}, { highWaterMark: -1 }), {
    name: 'RangeError', code: 'ERR_INVALID_ARG_VALUE',
  });
  assert.throws(() => ReadableStream.prototype.tee.call({}), {
    code: 'ERR_INVALID_THIS', message: 'Value of "this" must be of type ReadableStream',
  });
  assert.throws(() => new ReadableStreamDefaultController(), { code: 'ERR_ILLEGAL_CONSTRUCTOR' });
  assert.throws(() => new CountQueuingStrategy({}), { code: 'ERR_MISSING_OPTION' });
  const writer = new WritableStream().getWriter();
  writer.releaseLock();
  await assert.rejects(writer.write('x'), {
    message: 'Invalid state: Writer is not bound to a WritableStream',
  });
  await assert.rejects(writer.closed, { message: 'Invalid state: Writer has been released' });
});

step('encoding streams over text split inside characters', async () => {
  const text = 'añ€😀 '.repeat(200);
  const bytes = Buffer.from(text);
  const file = path.join(dir, 'text.txt');
  fs.writeFileSync(file, bytes);
  const handle = await fs.promises.open(file, 'r');
  // Seven-byte reads cut most characters in two.
  const source = new ReadableStream({
    async pull(c) {
      const chunk = new Uint8Array(7);
      const { bytesRead } = await handle.read(chunk, 0, 7, null);
      if (bytesRead === 0) {
        await handle.close();
        c.close();
      } else {
        c.enqueue(chunk.subarray(0, bytesRead));
      }
    },
  });
  const decoded = await consumers.text(source.pipeThrough(new TextDecoderStream()));
  assert.strictEqual(decoded, text);
  const pieces = [...text].flatMap((ch) => (ch.length === 2 ? [ch[0], ch[1]] : [ch]));
  const encoded = ReadableStream.from(pieces).pipeThrough(new TextEncoderStream());
  assert.ok((await consumers.buffer(encoded)).equals(bytes));
});

step('Readable.toWeb and fromWeb round trip through pipeline', async () => {
  const chunks = Array.from({ length: 3000 }, (_, i) => Buffer.from(`line ${i}\n`));
  const webSide = stream.Readable.toWeb(stream.Readable.from(chunks));
  const back = stream.Readable.fromWeb(webSide);
  const got = [];
  await stream.promises.pipeline(back, new stream.Writable({
    write(chunk, encoding, done) {
      got.push(chunk);
      done();
    },
  }));
  assert.ok(Buffer.concat(got).equals(Buffer.concat(chunks)));
});

step('a destroyed Node readable errors its web side', async () => {
  const source = new stream.Readable({ read() {} });
  const reader = stream.Readable.toWeb(source).getReader();
  source.push('a');
  assert.deepStrictEqual((await reader.read()).value, new Uint8Array([97]));
  source.destroy(new Error('peer reset'));
  await assert.rejects(reader.read(), { message: 'peer reset' });
});

step('Writable.toWeb waits for drain', async () => {
  const seen = [];
  let release;
  const node = new stream.Writable({
    highWaterMark: 1,
    write(chunk, encoding, done) {
      seen.push(chunk.toString());
      release = done;
    },
  });
  const writer = stream.Writable.toWeb(node).getWriter();
  const first = writer.write('a');
  let firstDone = false;
  first.then(() => { firstDone = true; });
  await new Promise((resolve) => setImmediate(resolve));
  assert.strictEqual(firstDone, false);
  release();
  await first;
  const second = writer.write('b');
  await new Promise((resolve) => setImmediate(resolve));
  release();
  await second;
  await writer.close();
  assert.deepStrictEqual(seen, ['a', 'b']);
  assert.strictEqual(node.writableFinished, true);
});

step('Duplex.fromWeb over a transform', async () => {
  const upper = new TransformStream({
    transform(chunk, c) { c.enqueue(new TextEncoder().encode(String(chunk).toUpperCase())); },
  });
  const duplex = stream.Duplex.fromWeb(upper, { encoding: 'utf8' });
  duplex.end('shout');
  let out = '';
  for await (const chunk of duplex) out += chunk;
  assert.strictEqual(out, 'SHOUT');
});

step('closing the web side of process.stdout leaves it open', async () => {
  const writer = stream.Writable.toWeb(process.stdout).getWriter();
  await writer.write('webstreams: through the web side of stdout\n');
  await writer.close();
  assert.strictEqual(process.stdout.writableEnded, false);
  await new Promise((resolve, reject) => {
    process.stdout.write('webstreams: and stdout still writes\n', (err) => (err ? reject(err) : resolve()));
  });
});

step('finished, consumers and Blob.stream()', async () => {
  const closed = new ReadableStream({ start(c) { c.close(); } });
  await stream.promises.finished(closed);
  const errored = new ReadableStream({ start(c) { c.error(new Error('bad')); } });
  await assert.rejects(stream.promises.finished(errored), { message: 'bad' });
  assert.strictEqual(stream.isErrored(errored), true);
  assert.strictEqual(stream.isReadable(new ReadableStream()), true);
  const blob = new Blob(['hello ', 'blob']);
  const s = blob.stream();
  assert.ok(s instanceof ReadableStream);
  assert.strictEqual(await consumers.text(s), 'hello blob');
  assert.deepStrictEqual(await consumers.json(ReadableStream.from(['{"a":', '[1]}'])), { a: [1] });
});

// A step that never settles lets the loop go quiet and the process exit:
// that must fail too.
let finished = 0;
process.on('exit', () => {
  if (finished !== steps.length && !process.exitCode) {
    console.error(`webstreams: step ${finished + 1} (${steps[finished][0]}) never settled`);
    process.exitCode = 1;
  }
});

(async () => {
  try {
    for (const [name, fn] of steps) {
      try {
        await fn();
        finished++;
      } catch (err) {
        err.message = `${name}: ${err.message}`;
        throw err;
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(`webstreams: ${steps.length} steps passed`);
})().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
