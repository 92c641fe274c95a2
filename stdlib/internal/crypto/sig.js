'use strict';
// Signatures: crypto.sign/verify one-shots and the streaming Sign/Verify
// objects (RSA PKCS#1 v1.5 and PSS, ECDSA in DER or IEEE P1363, EdDSA).

// Our own modules first, then the stdlib's.
const { prepareAsymmetricKey, KeyObject } = require('./keys');
const { errorWith } = require('./util');
const binding = internalBinding('crypto_keys');
const { codes } = require('../errors');
const { validateFunction, validateString } = require('../validators');
const { isArrayBufferView, isAnyArrayBuffer } = require('../util/types');
const { Writable } = require('../../stream');
const { Buffer } = require('../../buffer');


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
      throw new codes.ERR_INVALID_ARG_VALUE(`options.${name}`, value);
    }
    out[slot] = value;
  }
  const { dsaEncoding } = key;
  if (dsaEncoding !== undefined && dsaEncoding !== 'der') {
    if (dsaEncoding !== 'ieee-p1363') {
      throw new codes.ERR_INVALID_ARG_VALUE('options.dsaEncoding', dsaEncoding);
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
  throw new codes.ERR_INVALID_ARG_TYPE(name, expected, data);
}

function checkAlgorithm(algorithm) {
  if (algorithm === undefined || algorithm === null) return null;
  validateString(algorithm, 'algorithm');
  return algorithm;
}

function signWith(algorithm, data, key) {
  if (key === undefined || key === null) throw new codes.ERR_CRYPTO_SIGN_KEY_REQUIRED();
  const opts = signatureOptions(key);
  const { handle } = prepareAsymmetricKey(key, 'private', false);
  const out = binding.sign(handle, algorithm, data, opts.padding, opts.salt,
    opts.dsa);
  if (out === null) throw new codes.ERR_CRYPTO_INVALID_DIGEST(algorithm);
  return Buffer.from(out);
}

function verifyWith(algorithm, data, key, signature) {
  const opts = signatureOptions(key);
  const { handle } = prepareAsymmetricKey(key, 'public', false);
  const ok = binding.verify(handle, algorithm, data, signature, opts.padding,
    opts.salt, opts.dsa);
  if (ok === null) throw new codes.ERR_CRYPTO_INVALID_DIGEST(algorithm);
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

// The one-shots: the work runs now; with a callback its outcome is handed
// over on a later tick.
function oneShot(work, callback) {
  if (callback === undefined) return work();
  validateFunction(callback, 'callback');
  deliver(work, callback);
}

function sign(algorithm, data, key, callback) {
  const digest = checkAlgorithm(algorithm);
  const message = dataBytes(data, 'data');
  return oneShot(() => signWith(digest, message, key), callback);
}

function verify(algorithm, data, key, signature, callback) {
  const digest = checkAlgorithm(algorithm);
  const message = dataBytes(data, 'data');
  const bytes = dataBytes(signature, 'signature', undefined, kViewTypes);
  return oneShot(() => verifyWith(digest, message, key, bytes), callback);
}

// The data written so far; digests are computed over it at the end (the
// one-shot native call hashes it in one pass).
const kChunks = Symbol('kChunks');
const kDigest = Symbol('kDigest');

const streamingMethods = {
  _write(chunk, encoding, done) {
    this.update(chunk, encoding);
    done();
  },
  update(data, encoding) {
    let chunk;
    if (isArrayBufferView(data)) {
      // A copy: the caller may reuse its buffer before the signature is made.
      chunk = Buffer.from(new Uint8Array(data.buffer, data.byteOffset,
        data.byteLength));
    } else if (typeof data === 'string') {
      chunk = Buffer.from(data, encoding || 'utf8');
    } else {
      throw new codes.ERR_INVALID_ARG_TYPE('data',
        ['string', 'Buffer', 'TypedArray', 'DataView'], data);
    }
    this[kChunks].push(chunk);
    return this;
  },
};

// Sign and Verify: Writables that may also be called without `new`, as old
// code does. `finish` is the method that ends one (sign or verify).
function streamingClass(name, finishName, finish) {
  // A plain function (not a method) so it can construct; it takes its name
  // from the computed key.
  const ctor = {
    [name]: function(algorithm, options) {
      if (new.target === undefined) return new ctor(algorithm, options);
      validateString(algorithm, 'algorithm');
      if (!binding.digestKnown(algorithm)) {
        // Node's message here names no digest.
        throw errorWith(TypeError, 'Invalid digest',
          'ERR_CRYPTO_INVALID_DIGEST');
      }
      Writable.call(this, options);
      this[kDigest] = algorithm;
      this[kChunks] = [];
    },
  }[name];
  Object.setPrototypeOf(ctor.prototype, Writable.prototype);
  Object.setPrototypeOf(ctor, Writable);
  Object.assign(ctor.prototype, streamingMethods);
  ctor.prototype[finishName] = finish;
  return ctor;
}

function drain(stream) {
  const all = Buffer.concat(stream[kChunks]);
  stream[kChunks] = [];
  return all;
}

const Sign = streamingClass('Sign', 'sign', function(privateKey, encoding) {
  if (privateKey == null) throw new codes.ERR_CRYPTO_SIGN_KEY_REQUIRED();
  const signature = signWith(this[kDigest], drain(this), privateKey);
  const wantsText = encoding !== undefined && encoding !== null &&
    encoding !== 'buffer';
  return wantsText ? signature.toString(encoding) : signature;
});

const Verify = streamingClass('Verify', 'verify',
  function(key, signature, signatureEncoding) {
    const bytes = dataBytes(signature, 'signature',
      signatureEncoding || 'utf8');
    return verifyWith(this[kDigest], drain(this), key, bytes);
  });

const createSign = (algorithm, options) => new Sign(algorithm, options);
const createVerify = (algorithm, options) => new Verify(algorithm, options);

module.exports = { Sign, Verify, createSign, createVerify, sign, verify };
