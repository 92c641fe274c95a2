'use strict';
// node:v8, the part child_process needs and packages probe: serialize and
// deserialize in V8's value format (the serdes binding). Typed arrays,
// DataViews and Buffers keep their class.

const { isArrayBufferView } = require('./internal/util/types');

let serdes;
function binding() {
  if (serdes === undefined) serdes = internalBinding('serdes');
  return serdes;
}

function serialize(value) {
  const bytes = binding().serialize(value, Buffer.prototype);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
}

function deserialize(buffer) {
  if (!isArrayBufferView(buffer)) {
    // Node's text here is not the usual ERR_INVALID_ARG_TYPE sentence.
    // eslint-disable-next-line no-restricted-syntax
    const err = new TypeError('buffer must be a TypedArray or a DataView');
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
  return binding().deserialize(buffer, Buffer.prototype);
}

module.exports = { deserialize, serialize };
