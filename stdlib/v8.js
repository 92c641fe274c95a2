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

// Node's wording for a non-view argument is not the usual
// ERR_INVALID_ARG_TYPE sentence, so the error is made here.
function notAView() {
  // eslint-disable-next-line no-restricted-syntax
  const err = new TypeError('buffer must be a TypedArray or a DataView');
  err.code = 'ERR_INVALID_ARG_TYPE';
  return err;
}

module.exports = {
  serialize: (data) => {
    const bytes = binding().serialize(data, Buffer.prototype);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  },
  deserialize: (bytes) => {
    if (isArrayBufferView(bytes)) return binding().deserialize(bytes, Buffer.prototype);
    throw notAView();
  },
};
