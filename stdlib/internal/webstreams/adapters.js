'use strict';
// Bridges between Node streams and web streams: Readable/Writable/Duplex
// .toWeb() and .fromWeb(). Backpressure crosses the bridge both ways: a
// Node readable is paused while the web queue is full, and a Node writable's
// write callback is held until the web writer is ready again.

const { AbortError, codes: { ERR_INVALID_ARG_TYPE } } = require('../errors');
const {
  ReadableStream, WritableStream, CountQueuingStrategy,
  isReadableStream, isWritableStream,
} = require('./streams');
const { validateObject, validateBoolean } = require('../validators');

// node:stream hands itself in (setNodeStreams) before its first bridge: it
// is what requires this file.
let nodeStreams;
const streams = () => nodeStreams;
function setNodeStreams(Stream) {
  nodeStreams = Stream;
}

// Node streams are recognised by shape, as node:stream does (process.stdin
// is an EventEmitter with the readable methods); the bridge needs pause and
// resume of a readable.
const {
  isReadableNodeStream, isWritableNodeStream,
} = require('readable-stream/lib/internal/streams/utils.js');
const isNodeReadable = (v) => isReadableNodeStream(v, true);
const isNodeWritable = (v) => isWritableNodeStream(v);

// Web byte chunks are plain Uint8Arrays over the same memory.
function toUint8Array(chunk) {
  if (chunk instanceof Uint8Array && chunk.constructor !== Uint8Array) {
    return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  }
  return chunk;
}

// The options object of a bridge, with its boolean members checked.
function bridgeOptions(options, booleans = []) {
  if (options === undefined) return {};
  validateObject(options, 'options');
  for (const key of booleans) {
    if (options[key] !== undefined) validateBoolean(options[key], `options.${key}`);
  }
  return options;
}

// A web stream of the given kind, or the bridge's argument error.
function expectWeb(value, label, isKind, kind) {
  if (!isKind(value)) throw new ERR_INVALID_ARG_TYPE(label, kind, value);
}

// Web writes from a Node write: settles when the chunk is handed over.
function writeThrough(writer, chunk, done) {
  writer.ready.then(() => writer.write(chunk)).then(() => done(), done);
}

function readableToWeb(readable, options = undefined) {
  if (!isNodeReadable(readable)) {
    throw new ERR_INVALID_ARG_TYPE('streamReadable', 'stream.Readable', readable);
  }
  const { strategy } = bridgeOptions(options);
  const objectMode = readable.readableObjectMode;
  const highWaterMark = readable.readableHighWaterMark;
  const { finished } = streams();
  let queueing = strategy;
  if (queueing === undefined) {
    queueing = objectMode ? new CountQueuingStrategy({ highWaterMark }) :
      { highWaterMark, size: (chunk) => chunk.byteLength };
  }

  let controller;
  let settled = false;
  const onData = (chunk) => {
    if (settled) return;
    controller.enqueue(objectMode ? chunk : toUint8Array(chunk));
    if (controller.desiredSize <= 0) readable.pause();
  };
  // A Node stream destroyed before its end aborts the web one.
  const stop = (err) => {
    if (settled) return;
    settled = true;
    readable.removeListener('data', onData);
    if (!err) {
      controller.close();
    } else if (err.code === 'ERR_STREAM_PREMATURE_CLOSE') {
      controller.error(readable.errored || new AbortError());
    } else {
      controller.error(err);
    }
  };

  const source = {
    start(c) {
      controller = c;
      // Node gives a closed stream for one already over, even by an error.
      if (readable.destroyed || readable.readableEnded) {
        settled = true;
        c.close();
        return;
      }
      readable.pause();
      readable.on('data', onData);
      finished(readable, { writable: false }, stop);
    },
    pull() {
      if (!settled) readable.resume();
    },
    cancel(reason) {
      settled = true;
      readable.removeListener('data', onData);
      readable.destroy(reason);
    },
  };
  return new ReadableStream(source, queueing);
}

function readableFromWeb(readableStream, options = undefined) {
  expectWeb(readableStream, 'readableStream', isReadableStream, 'ReadableStream');
  const { highWaterMark, encoding, objectMode = false, signal } =
    bridgeOptions(options, ['objectMode']);
  const reader = readableStream.getReader();
  let closed = false;
  const readable = new (streams().Readable)({
    objectMode, highWaterMark, encoding, signal,
    read() {
      reader.read().then(({ value, done }) => {
        if (done) readable.push(null);
        else readable.push(value);
      }, (err) => readable.destroy(err));
    },
    destroy(err, done) {
      if (closed) {
        done(err);
        return;
      }
      closed = true;
      reader.cancel(err).then(() => done(err), done);
    },
  });
  reader.closed.then(() => { closed = true; }, (err) => {
    closed = true;
    readable.destroy(err);
  });
  return readable;
}

const isStdio = (writable) => {
  const { process } = globalThis;
  return writable === process.stdout || writable === process.stderr;
};
function drained(writable) {
  if (!writable.writableNeedDrain) return Promise.resolve();
  return new Promise((resolve) => writable.once('drain', resolve));
}

// A promise with its settle functions beside it.
function deferred() {
  const out = {};
  out.promise = new Promise((resolve, reject) => {
    out.resolve = resolve;
    out.reject = reject;
  });
  return out;
}

function writableToWeb(writable) {
  if (!isNodeWritable(writable)) {
    throw new ERR_INVALID_ARG_TYPE('streamWritable', 'stream.Writable', writable);
  }
  const { finished } = streams();
  let controller;
  // The write waiting for 'drain', and the close waiting for 'finish'.
  let blocked = null;
  let ending = null;
  const onDrain = () => {
    if (blocked !== null) blocked.resolve();
    blocked = null;
  };
  const onDone = (err) => {
    writable.removeListener('drain', onDrain);
    const failure = err || writable.errored;
    const premature = failure && failure.code === 'ERR_STREAM_PREMATURE_CLOSE';
    if (ending !== null && (!failure || premature)) {
      ending.resolve();
    } else if (failure) {
      const reason = premature ? writable.errored || new AbortError() : failure;
      controller.error(reason);
      if (blocked !== null) blocked.reject(reason);
      if (ending !== null) ending.reject(reason);
    }
    blocked = null;
  };

  const sink = {
    start(c) {
      controller = c;
      writable.on('drain', onDrain);
      finished(writable, { readable: false }, onDone);
    },
    // WritableStream never calls this while an earlier write is pending, so
    // a full Node writable has drained before the next chunk comes. A chunk
    // the Node side took without filling up is done when its callback runs.
    write(chunk) {
      const step = deferred();
      const more = writable.write(chunk, (err) => {
        if (err) step.reject(err);
        else if (more) step.resolve();
      });
      if (!more) blocked = step;
      return step.promise;
    },
    // As in Node, closing the web side of process.stdout or stderr leaves
    // them open for the rest of the process.
    close() {
      if (isStdio(writable)) return drained(writable);
      if (ending === null) {
        ending = deferred();
        writable.end();
      }
      return ending.promise;
    },
    abort(reason) {
      writable.destroy(reason);
    },
  };
  const strategy = new CountQueuingStrategy({
    highWaterMark: writable.writableHighWaterMark,
  });
  const stream = new WritableStream(sink, strategy);
  // A Node writable that has already ended gives a closed web stream: the
  // close settles when finished() reports the end.
  if (writable.writableEnded && !writable.errored) {
    ending = deferred();
    stream.close();
  }
  return stream;
}

function writableFromWeb(writableStream, options = undefined) {
  expectWeb(writableStream, 'writableStream', isWritableStream, 'WritableStream');
  const { highWaterMark, decodeStrings = true, objectMode = false, signal } =
    bridgeOptions(options, ['objectMode', 'decodeStrings']);
  const sink = writableStream.getWriter();
  let closed = false;
  const writable = new (streams().Writable)({
    highWaterMark, objectMode, decodeStrings, signal,
    write(chunk, enc, done) {
      writeThrough(sink, chunk, done);
    },
    final(done) {
      sink.close().then(() => {
        closed = true;
        done();
      }, done);
    },
    destroy(err, done) {
      if (closed || err === null) {
        if (!closed) sink.releaseLock();
        done(err);
        return;
      }
      closed = true;
      sink.abort(err).then(() => done(err), done);
    },
  });
  sink.closed.then(() => { closed = true; }, (err) => {
    if (closed) return;
    closed = true;
    writable.destroy(err);
  });
  return writable;
}

function duplexToWeb(duplex) {
  if (!isNodeReadable(duplex) || !isNodeWritable(duplex)) {
    throw new ERR_INVALID_ARG_TYPE('duplex', 'stream.Duplex', duplex);
  }
  return {
    writable: writableToWeb(duplex),
    readable: readableToWeb(duplex),
  };
}

function duplexFromWeb(pair, options = undefined) {
  validateObject(pair, 'pair');
  expectWeb(pair.readable, 'pair.readable', isReadableStream, 'ReadableStream');
  expectWeb(pair.writable, 'pair.writable', isWritableStream, 'WritableStream');
  const {
    allowHalfOpen = false, objectMode = false, encoding, decodeStrings = true,
    highWaterMark, signal,
  } = bridgeOptions(options, ['objectMode']);
  const reader = pair.readable.getReader();
  const writer = pair.writable.getWriter();
  let readerClosed = false;
  let writerClosed = false;
  const duplex = new (streams().Duplex)({
    allowHalfOpen, objectMode, encoding, decodeStrings, highWaterMark, signal,
    read() {
      reader.read().then(({ value, done }) => {
        if (done) duplex.push(null);
        else duplex.push(value);
      }, (err) => duplex.destroy(err));
    },
    write(chunk, enc, done) {
      writeThrough(writer, chunk, done);
    },
    final(done) {
      writer.close().then(() => {
        writerClosed = true;
        done();
      }, done);
    },
    destroy(err, done) {
      const pending = [];
      if (!writerClosed) {
        writerClosed = true;
        pending.push(err ? writer.abort(err) : writer.close().catch(() => {}));
      }
      if (!readerClosed) {
        readerClosed = true;
        pending.push(reader.cancel(err));
      }
      Promise.all(pending).then(() => done(err), done);
    },
  });
  reader.closed.then(() => { readerClosed = true; }, (err) => {
    readerClosed = true;
    duplex.destroy(err);
  });
  writer.closed.then(() => { writerClosed = true; }, (err) => {
    writerClosed = true;
    duplex.destroy(err);
  });
  return duplex;
}

module.exports = {
  setNodeStreams,
  readableToWeb,
  readableFromWeb,
  writableToWeb,
  writableFromWeb,
  duplexToWeb,
  duplexFromWeb,
};
