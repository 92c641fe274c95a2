'use strict';
// createHash, createHmac and hash(): the digest objects (streams too) over the binding's native contexts.

const { codes } = require('../errors');
const {
  validateString, validateObject, validateUint32,
} = require('../validators');
const { LazyTransform } = require('./lazy_transform');
const {
  binding, encodeOutput, errorWith, isBytes, normalizeEncoding, secretBytes,
} = require('./util');
const { Buffer } = require('../../buffer');

const {
  ERR_CRYPTO_HASH_FINALIZED, ERR_CRYPTO_HASH_UPDATE_FAILED,
  ERR_CRYPTO_INVALID_DIGEST, ERR_INVALID_ARG_TYPE,
} = codes;

const kHandle = Symbol('kHandle');
const kState = Symbol('kState');

// Passes update() data to `feed` the cheapest way: utf8 and latin1 text go
// to the binding as strings; other encodings are decoded here first.
function feedData(feed, handle, data, encoding, name = 'data') {
  if (typeof data === 'string') {
    const enc = normalizeEncoding(encoding) || 'utf8';
    if (enc === 'utf8') return feed(handle, data, false);
    if (enc === 'latin1') return feed(handle, data, true);
    return feed(handle, Buffer.from(data, enc), false);
  }
  if (!isBytes(data)) {
    throw new ERR_INVALID_ARG_TYPE(name,
      ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  return feed(handle, data, false);
}

function outputLengthOf(options) {
  if (options === undefined || options === null) return -1;
  const length = options.outputLength;
  if (length === undefined) return -1;
  validateUint32(length, 'options.outputLength');
  return length;
}

function Hash(algorithm, options) {
  if (!(this instanceof Hash)) return new Hash(algorithm, options);
  const copyFrom = algorithm instanceof Hash ? algorithm : undefined;
  if (copyFrom === undefined) validateString(algorithm, 'algorithm');
  const outLen = outputLengthOf(options);
  const handle = copyFrom !== undefined ?
    binding().hashCopy(copyFrom[kHandle], outLen) :
    binding().hashNew(algorithm, outLen);
  if (handle === undefined) throw new Error('Digest method not supported');
  this[kHandle] = handle;
  this[kState] = { finalized: false };
  LazyTransform.call(this, options);
}
Object.setPrototypeOf(Hash.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Hash, LazyTransform);

Hash.prototype.copy = function copy(options) {
  if (this[kState].finalized) throw new ERR_CRYPTO_HASH_FINALIZED();
  return new Hash(this, options);
};

Hash.prototype.update = function update(data, encoding) {
  if (this[kState].finalized) throw new ERR_CRYPTO_HASH_FINALIZED();
  if (!feedData(binding().hashUpdate, this[kHandle], data, encoding)) {
    throw new ERR_CRYPTO_HASH_UPDATE_FAILED();
  }
  return this;
};

Hash.prototype.digest = function digest(outputEncoding) {
  if (this[kState].finalized) throw new ERR_CRYPTO_HASH_FINALIZED();
  this[kState].finalized = true;
  return encodeOutput(binding().hashDigest(this[kHandle]), outputEncoding);
};

Hash.prototype._transform = function _transform(chunk, encoding, callback) {
  this.update(chunk, encoding);
  callback();
};

Hash.prototype._flush = function _flush(callback) {
  this.push(this.digest());
  callback();
};

function Hmac(hmac, key, options) {
  if (!(this instanceof Hmac)) return new Hmac(hmac, key, options);
  validateString(hmac, 'hmac');
  const encoding = options !== null && typeof options === 'object' ?
    options.encoding : undefined;
  const keyBytes = secretBytes(key, 'key', encoding);
  const handle = binding().hmacNew(hmac, keyBytes);
  if (handle === undefined) throw new ERR_CRYPTO_INVALID_DIGEST(hmac);
  this[kHandle] = handle;
  this[kState] = { finalized: false };
  LazyTransform.call(this, options);
}
Object.setPrototypeOf(Hmac.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Hmac, LazyTransform);

Hmac.prototype.update = function update(data, encoding) {
  if (this[kState].finalized) throw new ERR_CRYPTO_HASH_FINALIZED();
  if (!feedData(binding().hmacUpdate, this[kHandle], data, encoding)) {
    throw new ERR_CRYPTO_HASH_UPDATE_FAILED();
  }
  return this;
};

// A second digest() of an HMAC gives empty output, as in Node.
Hmac.prototype.digest = function digest(outputEncoding) {
  const state = this[kState];
  const bytes = state.finalized ? new Uint8Array(0) :
    binding().hmacDigest(this[kHandle]);
  state.finalized = true;
  return encodeOutput(bytes, outputEncoding);
};

Hmac.prototype._transform = Hash.prototype._transform;
Hmac.prototype._flush = Hash.prototype._flush;

function createHash(algorithm, options) {
  return new Hash(algorithm, options);
}

function createHmac(hmac, key, options) {
  return new Hmac(hmac, key, options);
}

// hash(algorithm, data[, outputEncoding]): one call, no object.
function hash(algorithm, data, outputEncoding = 'hex') {
  validateString(algorithm, 'algorithm');
  if (typeof data !== 'string' && !isBytes(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['Buffer', 'TypedArray', 'DataView',
      'string'], data);
  }
  if (outputEncoding !== undefined) {
    validateString(outputEncoding, 'outputEncoding');
  }
  const enc = normalizeEncoding(outputEncoding);
  if (enc === undefined) {
    throw new codes.ERR_INVALID_ARG_VALUE('outputEncoding', outputEncoding);
  }
  const bytes = binding().hashOneShot(algorithm, data, false, -1);
  if (bytes === undefined) throw errorWith(Error, 'Digest method not supported');
  return encodeOutput(bytes, enc);
}

module.exports = { Hash, Hmac, createHash, createHmac, hash, feedData };
