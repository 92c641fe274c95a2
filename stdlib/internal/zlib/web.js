'use strict';
// CompressionStream and DecompressionStream: a node:zlib engine driven chunk
// by chunk from inside a TransformStream (the Compression Streams standard).

const { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_INVALID_THIS } =
  require('../errors').codes;
const { TransformStream, fieldsInspector } = require('../webstreams/streams');
const { isArrayBufferView, isAnyArrayBuffer } = require('../util/types');
const { startStep, closeHandle, kEnded } = require('./engine');

const kCustomInspect = Symbol.for('nodejs.util.inspect.custom');
const kPair = Symbol('kPair');

// format -> [compressing class, decompressing class] in node:zlib.
const kFormats = {
  __proto__: null,
  'deflate': ['Deflate', 'Inflate'],
  'deflate-raw': ['DeflateRaw', 'InflateRaw'],
  'gzip': ['Gzip', 'Gunzip'],
};

function toBytes(chunk) {
  const { Buffer } = require('../../buffer');
  if (typeof chunk === 'string') return Buffer.from(chunk);
  if (isArrayBufferView(chunk)) {
    return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  }
  if (isAnyArrayBuffer(chunk)) return Buffer.from(chunk);
  throw new ERR_INVALID_ARG_TYPE('chunk',
    ['string', 'Buffer', 'TypedArray', 'DataView'], chunk);
}

// The TransformStream that runs `engine`: each chunk goes through with the
// engine's default flush, the end with its finishing one.
function engineTransform(engine) {
  const run = (input, flush, controller) => new Promise((resolve, reject) => {
    if (engine._handle === null || engine[kEnded]) {
      resolve();
      return;
    }
    startStep(engine, {
      input, inOffset: 0, inLength: input.byteLength, flush,
      sink(bytes) {
        controller.enqueue(new Uint8Array(bytes.buffer, bytes.byteOffset,
                                          bytes.byteLength));
      },
      // As in Node, a bad chunk errors the stream, not its write().
      onError(err) {
        controller.error(err);
        resolve();
      },
      done: resolve,
    });
  });
  return new TransformStream({
    transform(chunk, controller) {
      return run(toBytes(chunk), engine._defaultFlushFlag, controller);
    },
    async flush(controller) {
      await run(new Uint8Array(0), engine._finishFlushFlag, controller);
      closeHandle(engine);
    },
  });
}

function makeClass(name, which) {
  const Class = {
    [name]: class {
      constructor(format) {
        const pair = kFormats[format];
        if (pair === undefined) {
          throw new ERR_INVALID_ARG_VALUE('format', format);
        }
        const zlib = require('../../zlib');
        Object.defineProperty(this, kPair, {
          value: engineTransform(new zlib[pair[which]]()),
        });
      }

      get readable() {
        return pairOf(this, Class).readable;
      }

      get writable() {
        return pairOf(this, Class).writable;
      }
    },
  }[name];
  Object.defineProperty(Class.prototype, Symbol.toStringTag, {
    value: name, configurable: true,
  });
  Object.defineProperty(Class.prototype, kCustomInspect, {
    value: fieldsInspector(name, (s) => ({
      readable: s[kPair].readable, writable: s[kPair].writable,
    })),
    writable: true, configurable: true,
  });
  return Class;
}

function pairOf(self, Class) {
  if (typeof self !== 'object' || self === null || !(self instanceof Class) ||
      self[kPair] === undefined) {
    throw new ERR_INVALID_THIS(Class.name);
  }
  return self[kPair];
}

const CompressionStream = makeClass('CompressionStream', 0);
const DecompressionStream = makeClass('DecompressionStream', 1);

module.exports = { CompressionStream, DecompressionStream };
