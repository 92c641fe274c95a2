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

function startStep(engine, step) {
  // One step at a time per native stream (Writable queues the chunks; this
  // catches a direct _processChunk call in the middle of one).
  if (engine[kStep]) throw new Error(kBusy);
  engine[kStep] = step;
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
  takeOutput(engine, step.outLength - availOut, step.sink);
  if (engine.destroyed || engine._handle === null) return;
  if (ended) {
    engine[kEnded] = true;
    if (step.onEnd) step.onEnd();
  } else if (availOut === 0) {
    step.inOffset += consumed;
    step.inLength = availIn;
    startStep(engine, step);
    return;
  }
  step.done();
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
  flush |= 0;
  const parts = [];
  let total = 0;
  let inOffset = 0;
  let inLength = chunk.byteLength;
  const state = engine._writeState;
  for (;;) {
    const outLength = engine._chunkSize - engine._outOffset;
    const err = binding.writeSync(handle, flush, chunk, inOffset, inLength,
                                  engine._outBuffer, engine._outOffset,
                                  outLength);
    if (err !== undefined) {
      closeHandle(engine);
      throw zlibError(err);
    }
    const availOut = state[0];
    const consumed = inLength - state[1];
    engine.bytesWritten += consumed;
    inOffset += consumed;
    inLength = state[1];
    const have = outLength - availOut;
    if (have > 0) {
      total += have;
      if (total > engine._maxOutputLength) {
        closeHandle(engine);
        throw new ERR_BUFFER_TOO_LARGE(engine._maxOutputLength);
      }
    }
    takeOutput(engine, have, (bytes) => parts.push(bytes));
    if (availOut !== 0 || state[2]) break;
  }
  if (parts.length === 1) return parts[0];
  return Buffer.concat(parts, total);
}

module.exports = {
  binding, constants, onStepDone, kOwner, kStep, kEnded, closeHandle,
  startStep, runSync,
  zlibError, fail,
};
