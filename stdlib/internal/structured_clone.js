'use strict';
// structuredClone(value, { transfer }): the HTML structured clone of a value
// through V8's serializer (the native 'serdes' binding), moving the
// ArrayBuffers named in `transfer`.

const { DOMException } = require('./dom_exception');

let serdes;
function native() {
  // eslint-disable-next-line no-undef
  if (serdes === undefined) serdes = internalBinding('serdes');
  return serdes;
}

// Node checks these arguments in C++, which makes plain errors with a code.
function codedError(Base, code, message) {
  const err = new Base(message);
  err.code = code;
  return err;
}

// The serializer names a code for a MessagePort outside the transfer list.
function makeCloneError(message, code) {
  if (code !== undefined) return codedError(TypeError, code, message);
  return new DOMException(message, 'DataCloneError');
}

const kArrayBufferTag = '[object ArrayBuffer]';

// The `transfer` option as an array of distinct ArrayBuffers.
function transferListOf(options) {
  if (options === undefined || options === null) return [];
  const list = options.transfer;
  if (list === undefined || list === null) return [];
  if (typeof list !== 'object' && typeof list !== 'function') {
    throw codedError(TypeError, 'ERR_INVALID_ARG_TYPE',
                     'Optional transferList argument must be an iterable');
  }
  // An object that cannot be iterated names nothing to move.
  if (typeof list[Symbol.iterator] !== 'function') return [];
  const buffers = [];
  for (const item of list) {
    const isBuffer = item !== null && typeof item === 'object' &&
      Object.prototype.toString.call(item) === kArrayBufferTag;
    if (!isBuffer) {
      throw codedError(TypeError, 'ERR_INVALID_TRANSFER_OBJECT',
                       'Found invalid object in transferList');
    }
    if (buffers.includes(item)) {
      throw makeCloneError('Transfer list contains duplicate ArrayBuffer');
    }
    buffers.push(item);
  }
  return buffers;
}

// Both parameters have defaults so that structuredClone.length is 0, as in Node.
function structuredClone(value = undefined, options = undefined) {
  if (arguments.length === 0) {
    throw codedError(TypeError, 'ERR_MISSING_ARGS',
                     'The value argument must be specified');
  }
  if (options !== undefined && options !== null &&
      typeof options !== 'object' && typeof options !== 'function') {
    throw codedError(TypeError, 'ERR_INVALID_ARG_TYPE',
                     'The options argument must be either an object or ' +
                     'undefined');
  }
  return native().structuredClone(value, transferListOf(options),
                                  makeCloneError);
}

module.exports = { structuredClone };
