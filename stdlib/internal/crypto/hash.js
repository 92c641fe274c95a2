'use strict';
// createHash, createHmac and hash(): digest objects (streams too) over the binding's native contexts.

const { Buffer } = require('../../buffer');
const { codes } = require('../errors');
const { validateUint32 } = require('../validators');
const { LazyTransform } = require('./lazy_transform');
const {
  binding, encodeOutput, errorWith, expectType, isBytes, normalizeEncoding,
  secretBytes,
} = require('./util');

const {
  ERR_CRYPTO_HASH_FINALIZED, ERR_CRYPTO_HASH_UPDATE_FAILED,
  ERR_CRYPTO_INVALID_DIGEST, ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE,
} = codes;

// Per object: { native, done }. `native` is the binding's handle.
const kDigestState = Symbol('kDigestState');

// Hands update() input to the binding: utf8 and latin1 strings go as they
// are (the binding encodes them without a copy in JS); other encodings are
// decoded into a Buffer first; views go as they are.
function feedData(feed, handle, data, encoding, name = 'data') {
  if (typeof data !== 'string') {
    if (!isBytes(data)) {
      throw new ERR_INVALID_ARG_TYPE(name,
        ['string', 'Buffer', 'TypedArray', 'DataView'], data);
    }
    return feed(handle, data, false);
  }
  const enc = normalizeEncoding(encoding) || 'utf8';
  if (enc === 'utf8' || enc === 'latin1') {
    return feed(handle, data, enc === 'latin1');
  }
  return feed(handle, Buffer.from(data, enc), false);
}

// -1 stands for "the digest's own size".
function outputLength(options) {
  const length = options == null ? undefined : options.outputLength;
  if (length === undefined) return -1;
  validateUint32(length, 'options.outputLength');
  return length;
}

// Hash and Hmac differ in how the native context is opened, fed and
// finished, and in what a second digest() does; the rest is shared here.
// Both may be called without `new`, as in Node.
function defineDigestClass(name, spec) {
  const Class = {
    [name]: function(...args) {
      if (!new.target) return new Class(...args);
      this[kDigestState] = { native: spec.open(...args), done: false };
      LazyTransform.call(this, args[spec.optionsAt]);
    },
  }[name];
  Object.setPrototypeOf(Class.prototype, LazyTransform.prototype);
  Object.setPrototypeOf(Class, LazyTransform);
  Object.defineProperty(Class, 'length', { value: spec.arity });
  const methods = {
    update(data, encoding) {
      const state = this[kDigestState];
      if (state.done) throw new ERR_CRYPTO_HASH_FINALIZED();
      if (!feedData(spec.feed, state.native, data, encoding)) {
        throw new ERR_CRYPTO_HASH_UPDATE_FAILED();
      }
      return this;
    },
    digest(outputEncoding) {
      const state = this[kDigestState];
      const bytes = state.done ? spec.again() : spec.finish(state.native);
      state.done = true;
      return encodeOutput(bytes, outputEncoding);
    },
    _transform(chunk, encoding, callback) {
      this.update(chunk, encoding);
      callback();
    },
    _flush(callback) {
      this.push(this.digest());
      callback();
    },
  };
  for (const key of Object.keys(methods)) {
    Object.defineProperty(Class.prototype, key, {
      value: methods[key], writable: true, enumerable: false,
      configurable: true,
    });
  }
  return Class;
}

const Hash = defineDigestClass('Hash', {
  arity: 2,
  optionsAt: 1,
  open(algorithm, options) {
    const from = algorithm instanceof Hash ? algorithm : undefined;
    if (from === undefined) expectType(algorithm, 'algorithm', 'string');
    const length = outputLength(options);
    const native = from === undefined ?
      binding().hashNew(algorithm, length) :
      binding().hashCopy(from[kDigestState].native, length);
    if (native === undefined) {
      throw errorWith(Error, 'Digest method not supported');
    }
    return native;
  },
  feed: (native, data, latin1) => binding().hashUpdate(native, data, latin1),
  finish: (native) => binding().hashDigest(native),
  again() {
    throw new ERR_CRYPTO_HASH_FINALIZED();
  },
});

Object.defineProperty(Hash.prototype, 'copy', {
  value: function copy(options) {
    if (this[kDigestState].done) throw new ERR_CRYPTO_HASH_FINALIZED();
    return new Hash(this, options);
  },
  writable: true, enumerable: false, configurable: true,
});

const Hmac = defineDigestClass('Hmac', {
  arity: 3,
  optionsAt: 2,
  open(digestName, key, options) {
    expectType(digestName, 'hmac', 'string');
    const encoding = options !== null && typeof options === 'object' ?
      options.encoding : undefined;
    const native = binding().hmacNew(digestName,
      secretBytes(key, 'key', encoding));
    if (native === undefined) throw new ERR_CRYPTO_INVALID_DIGEST(digestName);
    return native;
  },
  feed: (native, data, latin1) => binding().hmacUpdate(native, data, latin1),
  finish: (native) => binding().hmacDigest(native),
  // Node gives an empty digest the second time.
  again: () => new Uint8Array(0),
});

const createHash = (algorithm, options) => new Hash(algorithm, options);
const createHmac = (name, key, options) => new Hmac(name, key, options);

// hash(algorithm, data[, outputEncoding = 'hex']): one call, no object.
function hash(algorithm, data, outputEncoding = 'hex') {
  expectType(algorithm, 'algorithm', 'string');
  if (typeof data !== 'string' && !isBytes(data)) {
    throw new ERR_INVALID_ARG_TYPE('input', ['Buffer', 'TypedArray',
      'DataView', 'string'], data);
  }
  expectType(outputEncoding, 'outputEncoding', 'string');
  const enc = normalizeEncoding(outputEncoding);
  if (enc === undefined) {
    throw new ERR_INVALID_ARG_VALUE('outputEncoding', outputEncoding);
  }
  const bytes = binding().hashOneShot(algorithm, data, false, -1);
  if (bytes === undefined) {
    throw errorWith(Error, `Digest method ${algorithm} is not supported`);
  }
  return encodeOutput(bytes, enc);
}

module.exports = { Hash, Hmac, createHash, createHmac, hash, feedData };
