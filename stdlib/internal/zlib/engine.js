'use strict';
// The engine under node:zlib's streams: one native zlib or brotli stream
// (runtime/bindings/zlib.cc) stepped through a chunk of input, synchronously
// or on the thread pool, with the output handed to a sink as it comes.

const { Buffer } = require('../../buffer');
const { codes: { ERR_BUFFER_TOO_LARGE } } = require('../errors');
const { buildConstants } = require('./constants');

// eslint-disable-next-line no-undef
const binding = internalBinding('zlib');
// The stream a native handle belongs to, for the one step-done callback.
const kOwner = Symbol('kOwner');
// The native step in flight: its input, output sink and completion.
const kStep = Symbol('kStep');
// Set once a decompressed stream is complete; later input is left unread.
const kEnded = Symbol('kEnded');
const kBusy = 'zlib binding busy: a write is in progress';
const constants = buildConstants(binding.ZLIB_VERNUM);

// Every native step reports here (binding.create takes it with each
// handle; the binding keeps the first).
function onStepDone(handle, err) {
  afterStep(handle[kOwner], err);
}

// Brotli decoder errors are named as Node names them, from the constants
// (the library's own strings differ between brotli versions).
const kBrotliErrorNames = new Map();
for (const name of Object.keys(constants)) {
  if (name.startsWith('BROTLI_DECODER_ERROR_')) {
    kBrotliErrorNames.set(constants[name],
                          `ERR_${name.slice('BROTLI_DECODER'.length)}`);
  }
}

function zlibError([errno, message, code]) {
  if (message === 'Decompression failed' && kBrotliErrorNames.has(errno)) {
    code = kBrotliErrorNames.get(errno);
  }
  const error = new Error(message);
  error.errno = errno;
  error.code = code;
  return error;
}

function closeHandle(engine) {
  if (engine._handle === null) return;
  binding.close(engine._handle);
  engine._handle = null;
}

// Largest block a one-shot call's output grows to.
const kMaxBlock = 4 * 1024 * 1024;

// The output of a one-shot call: blocks that double in size (from
// chunkSize to kMaxBlock) as they fill, since only their concatenation is
// ever seen; fewer, larger steps cost less than many of chunkSize. A step
// never gets room for more than one byte past `limit` (maxOutputLength).
class Collector {
  constructor(first, limit) {
    this.size = first;
    this.limit = limit;
    this.blocks = [];
    this.total = 0;
    this.block = Buffer.allocUnsafe(first);
    this.used = 0;
  }

  room() {
    if (this.used === this.block.length) {
      this.blocks.push(this.block);
      this.size = Math.min(this.size * 2, Math.max(kMaxBlock, this.size));
      this.block = Buffer.allocUnsafe(this.size);
      this.used = 0;
    }
    return Math.min(this.block.length - this.used,
                    this.limit - this.total + 1);
  }

  // Counts `have` new bytes; false once they are over the limit.
  took(have) {
    this.used += have;
    this.total += have;
    return this.total <= this.limit;
  }

  result() {
    const last = this.block.subarray(0, this.used);
    if (this.blocks.length === 0) return last;
    this.blocks.push(last);
    return Buffer.concat(this.blocks, this.total);
  }
}

function startStep(engine, step) {
  // One step at a time per native stream (Writable queues the chunks; this
  // catches a direct _processChunk call in the middle of one).
  if (engine[kStep]) throw new Error(kBusy);
  engine[kStep] = step;
  const into = step.collector;
  if (into) {
    step.outLength = into.room();
    binding.write(engine._handle, step.flush | 0, step.input, step.inOffset,
                  step.inLength, into.block, into.used, step.outLength);
    return;
  }
  step.outLength = engine._chunkSize - engine._outOffset;
  binding.write(engine._handle, step.flush | 0, step.input, step.inOffset,
                step.inLength, engine._outBuffer, engine._outOffset,
                step.outLength);
}

// The native step is over: take its output, and go on while the output
// buffer came back full (more is pending).
function afterStep(engine, err) {
  const step = engine[kStep];
  engine[kStep] = null;
  if (step === null || engine.destroyed) {
    closeHandle(engine);
    return;
  }
  if (err !== undefined) {
    fail(engine, err, step);
    return;
  }
  const [availOut, availIn, ended] = engine._writeState;
  const consumed = step.inLength - availIn;
  engine.bytesWritten += consumed;
  const have = step.outLength - availOut;
  if (step.collector) {
    if (!step.collector.took(have)) {
      closeHandle(engine);
      step.onError(new ERR_BUFFER_TOO_LARGE(engine._maxOutputLength));
      return;
    }
  } else {
    takeOutput(engine, have, step.sink);
  }
  if (engine.destroyed || engine._handle === null) return;
  if (ended) {
    engine[kEnded] = true;
    if (step.onEnd) step.onEnd(availIn);
  } else if (availOut === 0) {
    step.inOffset += consumed;
    step.inLength = availIn;
    startStep(engine, step);
    return;
  }
  if (step.resetAfter && !resetNow(engine)) return;
  step.done();
}

// reset(): back to a fresh stream, options kept. False if it failed (the
// engine is destroyed with the error).
function resetNow(engine) {
  const ret = binding.reset(engine._handle);
  if (ret === 0) {
    engine[kEnded] = false;
    return true;
  }
  fail(engine, [ret, 'Reset failed', 'Z_STREAM_ERROR']);
  return false;
}

// Hands out the `have` bytes just written at _outOffset, and starts a fresh
// output buffer once this one is used up (the pushed slices keep theirs).
function takeOutput(engine, have, sink) {
  if (have > 0) {
    const offset = engine._outOffset;
    engine._outOffset += have;
    sink(engine._outBuffer.subarray(offset, offset + have));
  }
  if (engine._outOffset >= engine._chunkSize) {
    engine._outBuffer = Buffer.allocUnsafe(engine._chunkSize);
    engine._outOffset = 0;
  }
}

function fail(engine, err, step) {
  const error = zlibError(err);
  closeHandle(engine);
  if (step && step.onError) {
    step.onError(error);
    return;
  }
  engine.destroy(error);
}

// The blocking form: every byte of `chunk` in, all output out, as one Buffer.
function runSync(engine, chunk, flush) {
  const handle = engine._handle;
  if (handle === null) throw new Error('zlib binding closed');
  if (engine[kStep]) throw new Error(kBusy);
  const into = new Collector(engine._chunkSize, engine._maxOutputLength);
  const state = engine._writeState;
  let inOffset = 0;
  let inLength = chunk.byteLength;
  for (;;) {
    const room = into.room();
    const err = binding.writeSync(handle, flush | 0, chunk, inOffset, inLength,
                                  into.block, into.used, room);
    if (err !== undefined) {
      closeHandle(engine);
      throw zlibError(err);
    }
    const consumed = inLength - state[1];
    engine.bytesWritten += consumed;
    inOffset += consumed;
    inLength = state[1];
    if (!into.took(room - state[0])) {
      closeHandle(engine);
      throw new ERR_BUFFER_TOO_LARGE(engine._maxOutputLength);
    }
    if (state[0] !== 0 || state[2]) break;
  }
  if (state[2]) engine[kEnded] = true;
  return into.result();
}

module.exports = {
  binding, constants, onStepDone, kOwner, kStep, kEnded, closeHandle,
  startStep, runSync, Collector, resetNow,
  zlibError, fail,
};
