'use strict';
// Signatures: crypto.sign/verify one-shots and the streaming Sign/Verify
// objects (RSA PKCS#1 v1.5 and PSS, ECDSA in DER or IEEE P1363, EdDSA).

const binding = internalBinding('crypto_keys');
const { Buffer } = require('../../buffer');
const { Writable } = require('../../stream');
const { codes } = require('../errors');
const { isArrayBufferView, isAnyArrayBuffer } = require('../util/types');
const { validateFunction, validateString } = require('../validators');
const { prepareAsymmetricKey, KeyObject } = require('./keys');
const { errorWith } = require('./util');

const {
  ERR_CRYPTO_INVALID_DIGEST,
  ERR_CRYPTO_SIGN_KEY_REQUIRED,
  ERR_INVALID_ARG_TYPE,
  ERR_INVALID_ARG_VALUE,
} = codes;

const kDer = 0;
const kP1363 = 1;
// What the binding reads as "not given".
const kDefaultPadding = -1;
const kDefaultSalt = -(2 ** 31);

// Padding, salt length and DSA encoding come with the key when it is given
// as an options object.
function signatureOptions(key) {
  const out = { padding: kDefaultPadding, salt: kDefaultSalt, dsa: kDer };
  if (typeof key !== 'object' || key === null || key instanceof KeyObject ||
      isArrayBufferView(key) || isAnyArrayBuffer(key)) {
    return out;
  }
  for (const [name, slot] of [['padding', 'padding'],
    ['saltLength', 'salt']]) {
    const value = key[name];
    if (value === undefined) continue;
    if (value !== (value | 0)) {
      throw new ERR_INVALID_ARG_VALUE(`options.${name}`, value);
    }
    out[slot] = value;
  }
  const { dsaEncoding } = key;
  if (dsaEncoding !== undefined && dsaEncoding !== 'der') {
    if (dsaEncoding !== 'ieee-p1363') {
      throw new ERR_INVALID_ARG_VALUE('options.dsaEncoding', dsaEncoding);
    }
    out.dsa = kP1363;
  }
  return out;
}

const kDataTypes = ['string', 'ArrayBuffer', 'Buffer', 'TypedArray',
  'DataView'];
const kViewTypes = ['Buffer', 'TypedArray', 'DataView'];

function dataBytes(data, name, encoding, expected = kDataTypes) {
  if (isArrayBufferView(data)) return data;
  if (expected === kDataTypes) {
    if (typeof data === 'string') return Buffer.from(data, encoding);
    if (isAnyArrayBuffer(data)) return new Uint8Array(data);
  }
  throw new ERR_INVALID_ARG_TYPE(name, expected, data);
}

function checkAlgorithm(algorithm) {
  if (algorithm === undefined || algorithm === null) return null;
  validateString(algorithm, 'algorithm');
  return algorithm;
}

function signWith(algorithm, data, key) {
  if (key === undefined || key === null) throw new ERR_CRYPTO_SIGN_KEY_REQUIRED();
  const opts = signatureOptions(key);
  const { handle } = prepareAsymmetricKey(key, 'private', false);
  const out = binding.sign(handle, algorithm, data, opts.padding, opts.salt,
    opts.dsa);
  if (out === null) throw new ERR_CRYPTO_INVALID_DIGEST(algorithm);
  return Buffer.from(out);
}

function verifyWith(algorithm, data, key, signature) {
  const opts = signatureOptions(key);
  const { handle } = prepareAsymmetricKey(key, 'public', false);
  const ok = binding.verify(handle, algorithm, data, signature, opts.padding,
    opts.salt, opts.dsa);
  if (ok === null) throw new ERR_CRYPTO_INVALID_DIGEST(algorithm);
  return ok;
}

// Runs `work` now and hands its result to `callback` on a later tick, as
// the callback forms promise.
function deliver(work, callback) {
  let result;
  let error = null;
  try {
    result = work();
  } catch (e) {
    error = e;
  }
  process.nextTick(callback, error, result);
}

function sign(algorithm, data, key, callback) {
  algorithm = checkAlgorithm(algorithm);
  if (callback !== undefined) validateFunction(callback, 'callback');
  const bytes = dataBytes(data, 'data');
  if (callback === undefined) return signWith(algorithm, bytes, key);
  deliver(() => signWith(algorithm, bytes, key), callback);
}

function verify(algorithm, data, key, signature, callback) {
  algorithm = checkAlgorithm(algorithm);
  if (callback !== undefined) validateFunction(callback, 'callback');
  const bytes = dataBytes(data, 'data');
  const sigBytes = dataBytes(signature, 'signature', undefined, kViewTypes);
  if (callback === undefined) {
    return verifyWith(algorithm, bytes, key, sigBytes);
  }
  deliver(() => verifyWith(algorithm, bytes, key, sigBytes), callback);
}

// The data written so far; digests are computed over it at the end (the
// one-shot native call hashes it in one pass).
const kChunks = Symbol('kChunks');
const kAlgorithm = Symbol('kAlgorithm');

function setupStreaming(self, algorithm, options) {
  validateString(algorithm, 'algorithm');
  if (!binding.digestKnown(algorithm)) {
    // Node's message here names no digest.
    throw errorWith(TypeError, 'Invalid digest', 'ERR_CRYPTO_INVALID_DIGEST');
  }
  Writable.call(self, options);
  self[kAlgorithm] = algorithm;
  self[kChunks] = [];
}

function update(data, encoding) {
  if (typeof data === 'string') {
    this[kChunks].push(Buffer.from(data, encoding || 'utf8'));
  } else if (isArrayBufferView(data)) {
    this[kChunks].push(Buffer.from(Buffer.from(data.buffer, data.byteOffset,
      data.byteLength)));
  } else {
    throw new ERR_INVALID_ARG_TYPE('data',
      ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  return this;
}

function writeChunk(chunk, encoding, callback) {
  this.update(chunk, encoding);
  callback();
}

function takeData(self) {
  const data = Buffer.concat(self[kChunks]);
  self[kChunks] = [];
  return data;
}

function Sign(algorithm, options) {
  if (!new.target) return new Sign(algorithm, options);
  setupStreaming(this, algorithm, options);
}
Object.setPrototypeOf(Sign.prototype, Writable.prototype);
Object.setPrototypeOf(Sign, Writable);
Sign.prototype._write = writeChunk;
Sign.prototype.update = update;
Sign.prototype.sign = function sign(privateKey, outputEncoding) {
  if (privateKey === undefined || privateKey === null) {
    throw new ERR_CRYPTO_SIGN_KEY_REQUIRED();
  }
  const out = signWith(this[kAlgorithm], takeData(this), privateKey);
  if (outputEncoding && outputEncoding !== 'buffer') {
    return out.toString(outputEncoding);
  }
  return out;
};

function Verify(algorithm, options) {
  if (!new.target) return new Verify(algorithm, options);
  setupStreaming(this, algorithm, options);
}
Object.setPrototypeOf(Verify.prototype, Writable.prototype);
Object.setPrototypeOf(Verify, Writable);
Verify.prototype._write = writeChunk;
Verify.prototype.update = update;
Verify.prototype.verify = function verify(key, signature, sigEncoding) {
  const sigBytes = dataBytes(signature, 'signature', sigEncoding || 'utf8');
  return verifyWith(this[kAlgorithm], takeData(this), key, sigBytes);
};

function createSign(algorithm, options) {
  return new Sign(algorithm, options);
}

function createVerify(algorithm, options) {
  return new Verify(algorithm, options);
}

module.exports = { Sign, Verify, createSign, createVerify, sign, verify };
