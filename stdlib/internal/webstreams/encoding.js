'use strict';
// TextEncoderStream and TextDecoderStream: TextEncoder/TextDecoder run chunk
// by chunk inside a TransformStream, as the Encoding standard describes.

const { ERR_INVALID_ARG_TYPE, ERR_INVALID_THIS } = require('../errors').codes;
const { TextEncoder, TextDecoder } = require('../encoding');
const { TransformStream, fieldsInspector } = require('./streams');

const kCustomInspect = Symbol.for('nodejs.util.inspect.custom');
const kPair = Symbol('kPair');
const kDecoder = Symbol('kDecoder');

function pairOf(self, name) {
  if (typeof self !== 'object' || self === null || self[kPair] === undefined ||
      !(self instanceof (name === 'TextEncoderStream' ? TextEncoderStream :
        TextDecoderStream))) {
    throw new ERR_INVALID_THIS(name);
  }
  return self[kPair];
}

const kReplacement = new Uint8Array([0xef, 0xbf, 0xbd]);

class TextEncoderStream {
  constructor() {
    const encoder = new TextEncoder();
    // A lead surrogate at the end of one chunk may pair with the first code
    // unit of the next, so it waits for it.
    let pending = '';
    const pair = new TransformStream({
      transform(chunk, controller) {
        let text = pending + `${chunk}`;
        pending = '';
        const last = text.charCodeAt(text.length - 1);
        if (last >= 0xd800 && last <= 0xdbff) {
          pending = text[text.length - 1];
          text = text.slice(0, -1);
        }
        if (text.length > 0) controller.enqueue(encoder.encode(text));
      },
      flush(controller) {
        if (pending !== '') controller.enqueue(kReplacement.slice());
      },
    });
    Object.defineProperty(this, kPair, { value: pair });
  }

  get encoding() {
    pairOf(this, 'TextEncoderStream');
    return 'utf-8';
  }

  get readable() {
    return pairOf(this, 'TextEncoderStream').readable;
  }

  get writable() {
    return pairOf(this, 'TextEncoderStream').writable;
  }
}

class TextDecoderStream {
  constructor(encoding = 'utf-8', options = {}) {
    if (options !== undefined && options !== null && typeof options !== 'object') {
      throw new ERR_INVALID_ARG_TYPE('options', 'object', options);
    }
    const decoder = new TextDecoder(encoding, options === null ? {} : options);
    const pair = new TransformStream({
      transform(chunk, controller) {
        const text = decoder.decode(chunk, { stream: true });
        if (text !== '') controller.enqueue(text);
      },
      flush(controller) {
        const text = decoder.decode();
        if (text !== '') controller.enqueue(text);
      },
    });
    Object.defineProperty(this, kPair, { value: pair });
    Object.defineProperty(this, kDecoder, { value: decoder });
  }

  get encoding() {
    pairOf(this, 'TextDecoderStream');
    return this[kDecoder].encoding;
  }

  get fatal() {
    pairOf(this, 'TextDecoderStream');
    return this[kDecoder].fatal;
  }

  get ignoreBOM() {
    pairOf(this, 'TextDecoderStream');
    return this[kDecoder].ignoreBOM;
  }

  get readable() {
    return pairOf(this, 'TextDecoderStream').readable;
  }

  get writable() {
    return pairOf(this, 'TextDecoderStream').writable;
  }
}

Object.defineProperty(TextEncoderStream.prototype, kCustomInspect, {
  value: fieldsInspector('TextEncoderStream', (s) => ({
    encoding: 'utf-8', readable: s[kPair].readable, writable: s[kPair].writable,
  })),
  writable: true, configurable: true,
});
Object.defineProperty(TextDecoderStream.prototype, kCustomInspect, {
  value: fieldsInspector('TextDecoderStream', (s) => ({
    encoding: s[kDecoder].encoding,
    fatal: s[kDecoder].fatal,
    ignoreBOM: s[kDecoder].ignoreBOM,
    readable: s[kPair].readable,
    writable: s[kPair].writable,
  })),
  writable: true, configurable: true,
});
for (const cls of [TextEncoderStream, TextDecoderStream]) {
  for (const key of Object.getOwnPropertyNames(cls.prototype)) {
    if (key !== 'constructor') {
      Object.defineProperty(cls.prototype, key, { enumerable: true });
    }
  }
}

module.exports = { TextEncoderStream, TextDecoderStream };
