'use strict';
// node:stream/web: the WHATWG streams (internal/webstreams/streams.js) and
// the encoding streams. CompressionStream and DecompressionStream come with
// zlib.
//
// Every builtin is evaluated while the base snapshot is built, but most apps
// never touch a web stream: the exports start as accessors, and the first
// use builds the classes and turns every export into a plain value, as Node
// has them.

const kNames = [
  'ReadableStream', 'ReadableStreamDefaultReader', 'ReadableStreamBYOBReader',
  'ReadableStreamBYOBRequest', 'ReadableByteStreamController',
  'ReadableStreamDefaultController', 'TransformStream',
  'TransformStreamDefaultController', 'WritableStream',
  'WritableStreamDefaultWriter', 'WritableStreamDefaultController',
  'ByteLengthQueuingStrategy', 'CountQueuingStrategy', 'TextEncoderStream',
  'TextDecoderStream',
];

function materialize() {
  const classes = {
    ...require('../internal/webstreams/streams'),
    ...require('../internal/webstreams/encoding'),
  };
  for (const name of kNames) {
    Object.defineProperty(module.exports, name, {
      value: classes[name], writable: true, enumerable: true, configurable: true,
    });
  }
}

for (const name of kNames) {
  Object.defineProperty(module.exports, name, {
    get() {
      materialize();
      return module.exports[name];
    },
    set(value) {
      materialize();
      module.exports[name] = value;
    },
    enumerable: true,
    configurable: true,
  });
}
