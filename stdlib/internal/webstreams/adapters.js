'use strict';
// Bridges between Node streams and web streams: Readable/Writable/Duplex
// .toWeb() and .fromWeb(). Backpressure crosses the bridge both ways: a
// Node readable is paused while the web queue is full, and a Node writable's
// write callback is held until the web writer is ready again.

const { ERR_INVALID_ARG_TYPE } = require('../errors').codes;
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

const isNodeReadable = (v) => typeof v === 'object' && v !== null &&
  typeof v.on === 'function' && typeof v.pipe === 'function' &&
  typeof v._readableState === 'object';
const isNodeWritable = (v) => typeof v === 'object' && v !== null &&
  typeof v.on === 'function' && typeof v.write === 'function' &&
  typeof v._writableState === 'object';

// Web byte chunks are plain Uint8Arrays over the same memory.
function toUint8Array(chunk) {
  if (chunk instanceof Uint8Array && chunk.constructor !== Uint8Array) {
    return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  }
  return chunk;
}

function checkOptions(options) {
  if (options === undefined) return {};
  validateObject(options, 'options');
  return options;
}

function newReadableStreamFromStreamReadable(readable, options = undefined) {
  if (!isNodeReadable(readable)) {
    throw new ERR_INVALID_ARG_TYPE('streamReadable', 'stream.Readable', readable);
  }
  const { strategy } = checkOptions(options);
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
  const stop = (err) => {
    if (settled) return;
    settled = true;
    readable.removeListener('data', onData);
    if (err && err.code !== 'ERR_STREAM_PREMATURE_CLOSE') {
      controller.error(err);
    } else if (err && readable.errored) {
      controller.error(readable.errored);
    } else {
      controller.close();
    }
  };

  return new ReadableStream({
    start(c) {
      controller = c;
      if (readable.destroyed || readable.readableEnded) {
        const err = readable.errored;
        settled = true;
        if (err) c.error(err);
        else c.close();
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
  }, queueing);
}

function newStreamReadableFromReadableStream(readableStream, options = undefined) {
  if (!isReadableStream(readableStream)) {
    throw new ERR_INVALID_ARG_TYPE('readableStream', 'ReadableStream', readableStream);
  }
  const { highWaterMark, encoding, objectMode = false, signal } =
    checkOptions(options);
  validateBoolean(objectMode, 'options.objectMode');
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
    destroy(error, callback) {
      if (closed) {
        callback(error);
        return;
      }
      closed = true;
      reader.cancel(error).then(() => callback(error), (err) => callback(err));
    },
  });
  reader.closed.then(() => { closed = true; }, (err) => {
    closed = true;
    readable.destroy(err);
  });
  return readable;
}

function newWritableStreamFromStreamWritable(writable) {
  if (!isNodeWritable(writable)) {
    throw new ERR_INVALID_ARG_TYPE('streamWritable', 'stream.Writable', writable);
  }
  const { finished } = streams();
  const highWaterMark = writable.writableHighWaterMark;
  let controller;
  let drain = null;
  let closing = null;
  const waitDrain = () => new Promise((resolve, reject) => {
    drain = { resolve, reject };
  });
  const onDrain = () => {
    if (drain !== null) drain.resolve();
    drain = null;
  };
  const onDone = (err) => {
    writable.removeListener('drain', onDrain);
    const failure = err || writable.errored;
    if (failure && failure.code !== 'ERR_STREAM_PREMATURE_CLOSE') {
      controller.error(failure);
      if (drain !== null) drain.reject(failure);
      if (closing !== null) closing.reject(failure);
    } else if (closing !== null) {
      closing.resolve();
    } else if (failure) {
      controller.error(failure);
      if (drain !== null) drain.reject(failure);
    }
    drain = null;
  };

  return new WritableStream({
    start(c) {
      controller = c;
      writable.on('drain', onDrain);
      finished(writable, { readable: false }, onDone);
    },
    // WritableStream never calls this while an earlier write is pending, so
    // a full Node writable has drained before the next chunk comes.
    write(chunk) {
      return new Promise((resolve, reject) => {
        const more = writable.write(chunk, (err) => {
          if (err) reject(err);
          else if (more) resolve();
        });
        if (!more) waitDrain().then(resolve, reject);
      });
    },
    close() {
      return new Promise((resolve, reject) => {
        closing = { resolve, reject };
        writable.end();
      });
    },
    abort(reason) {
      writable.destroy(reason);
    },
  }, new CountQueuingStrategy({ highWaterMark }));
}

function newStreamWritableFromWritableStream(writableStream, options = undefined) {
  if (!isWritableStream(writableStream)) {
    throw new ERR_INVALID_ARG_TYPE('writableStream', 'WritableStream', writableStream);
  }
  const { highWaterMark, decodeStrings = true, objectMode = false, signal } =
    checkOptions(options);
  validateBoolean(objectMode, 'options.objectMode');
  validateBoolean(decodeStrings, 'options.decodeStrings');
  const writer = writableStream.getWriter();
  let closed = false;
  const writable = new (streams().Writable)({
    highWaterMark, objectMode, decodeStrings, signal,
    write(chunk, encoding, callback) {
      writer.ready.then(() => writer.write(chunk)).then(() => callback(), callback);
    },
    final(callback) {
      writer.close().then(() => {
        closed = true;
        callback();
      }, callback);
    },
    destroy(error, callback) {
      if (closed || error === null) {
        if (!closed) writer.releaseLock();
        callback(error);
        return;
      }
      closed = true;
      writer.abort(error).then(() => callback(error), (err) => callback(err));
    },
  });
  writer.closed.then(() => { closed = true; }, (err) => {
    if (closed) return;
    closed = true;
    writable.destroy(err);
  });
  return writable;
}

function newReadableWritablePairFromDuplex(duplex) {
  if (!isNodeReadable(duplex) || !isNodeWritable(duplex)) {
    throw new ERR_INVALID_ARG_TYPE('duplex', 'stream.Duplex', duplex);
  }
  return {
    writable: newWritableStreamFromStreamWritable(duplex),
    readable: newReadableStreamFromStreamReadable(duplex),
  };
}

function newStreamDuplexFromReadableWritablePair(pair, options = undefined) {
  validateObject(pair, 'pair');
  const { readable: readableStream, writable: writableStream } = pair;
  if (!isReadableStream(readableStream)) {
    throw new ERR_INVALID_ARG_TYPE('pair.readable', 'ReadableStream', readableStream);
  }
  if (!isWritableStream(writableStream)) {
    throw new ERR_INVALID_ARG_TYPE('pair.writable', 'WritableStream', writableStream);
  }
  const {
    allowHalfOpen = false, objectMode = false, encoding, decodeStrings = true,
    highWaterMark, signal,
  } = checkOptions(options);
  validateBoolean(objectMode, 'options.objectMode');
  const reader = readableStream.getReader();
  const writer = writableStream.getWriter();
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
    write(chunk, enc, callback) {
      writer.ready.then(() => writer.write(chunk)).then(() => callback(), callback);
    },
    final(callback) {
      writer.close().then(() => {
        writerClosed = true;
        callback();
      }, callback);
    },
    destroy(error, callback) {
      const pending = [];
      if (!writerClosed) {
        writerClosed = true;
        pending.push(error ? writer.abort(error) : writer.close().catch(() => {}));
      }
      if (!readerClosed) {
        readerClosed = true;
        pending.push(reader.cancel(error));
      }
      Promise.all(pending).then(() => callback(error), (err) => callback(err));
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
  newReadableStreamFromStreamReadable,
  newStreamReadableFromReadableStream,
  newWritableStreamFromStreamWritable,
  newStreamWritableFromWritableStream,
  newReadableWritablePairFromDuplex,
  newStreamDuplexFromReadableWritablePair,
};
