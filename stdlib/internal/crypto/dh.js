'use strict';
// Key agreement: the ECDH class (createECDH, ECDH.convertKey) over raw EC
// points, and crypto.diffieHellman over two KeyObjects.

const binding = internalBinding('crypto_keys');
const { Buffer } = require('../../buffer');
const { codes } = require('../errors');
const { isArrayBufferView } = require('../util/types');
const { validateObject, validateString } = require('../validators');
const { KeyObject, handleOf } = require('./keys');

const {
  ERR_CRYPTO_ECDH_INVALID_FORMAT,
  ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY,
  ERR_CRYPTO_INCOMPATIBLE_KEY,
  ERR_CRYPTO_INVALID_CURVE,
  ERR_CRYPTO_INVALID_KEYTYPE,
  ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE,
  ERR_CRYPTO_OPERATION_FAILED,
  ERR_INVALID_ARG_TYPE,
  ERR_INVALID_ARG_VALUE,
} = codes;

const kCurve = Symbol('kCurve');
const kPrivate = Symbol('kPrivate');
const kPublic = Symbol('kPublic');

// The binding's numbers for the point forms.
function pointForm(format) {
  if (format === undefined || format === null || format === 'uncompressed') {
    return 0;
  }
  if (format === 'compressed') return 1;
  if (format === 'hybrid') return 2;
  throw new ERR_CRYPTO_ECDH_INVALID_FORMAT(format);
}

function inputBytes(value, encoding, name) {
  if (typeof value === 'string') return Buffer.from(value, encoding);
  if (isArrayBufferView(value)) return value;
  throw new ERR_INVALID_ARG_TYPE(name,
    ['string', 'Buffer', 'TypedArray', 'DataView'], value);
}

function output(ab, encoding) {
  const buf = Buffer.from(ab);
  return encoding && encoding !== 'buffer' ? buf.toString(encoding) : buf;
}

function checkCurve(curve) {
  validateString(curve, 'curve');
  if (!binding.ecCurveValid(curve)) throw new ERR_CRYPTO_INVALID_CURVE();
}

class ECDH {
  constructor(curve) {
    checkCurve(curve);
    this[kCurve] = curve;
    this[kPrivate] = null;
    this[kPublic] = null;
  }

  static convertKey(key, curve, inputEncoding, outputEncoding, format) {
    checkCurve(curve);
    const form = pointForm(format);
    const point = inputBytes(key, inputEncoding, 'key');
    const out = binding.ecConvertPoint(curve, point, form);
    if (out === undefined) throw new ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY();
    return output(out, outputEncoding);
  }

  generateKeys(encoding, format) {
    const [priv, pub] = binding.ecGenerate(this[kCurve]);
    this[kPrivate] = Buffer.from(priv);
    this[kPublic] = Buffer.from(pub);
    return this.getPublicKey(encoding, format);
  }

  computeSecret(otherPublicKey, inputEncoding, outputEncoding) {
    const peer = inputBytes(otherPublicKey, inputEncoding, 'otherPublicKey');
    if (this[kPrivate] === null) {
      throw new ERR_CRYPTO_OPERATION_FAILED('Failed to get ECDH private key');
    }
    const secret = binding.ecComputeSecret(this[kCurve], this[kPrivate], peer);
    if (secret === undefined) throw new ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY();
    return output(secret, outputEncoding);
  }

  getPrivateKey(encoding) {
    if (this[kPrivate] === null) {
      throw new ERR_CRYPTO_OPERATION_FAILED('Failed to get ECDH private key');
    }
    // The big-endian number without leading zero bytes, as OpenSSL's
    // BN_bn2bin gives it.
    let start = 0;
    const priv = this[kPrivate];
    while (start < priv.length - 1 && priv[start] === 0) start++;
    return output(priv.subarray(start), encoding);
  }

  getPublicKey(encoding, format) {
    const form = pointForm(format);
    if (this[kPublic] === null) {
      throw new ERR_CRYPTO_OPERATION_FAILED('Failed to get ECDH public key');
    }
    return output(binding.ecConvertPoint(this[kCurve], this[kPublic], form),
      encoding);
  }

  setPrivateKey(privateKey, encoding) {
    const priv = Buffer.from(inputBytes(privateKey, encoding, 'key'));
    const pub = binding.ecPublicFromPrivate(this[kCurve], priv);
    if (pub === undefined) {
      throw new ERR_CRYPTO_INVALID_KEYTYPE(
        'Private key is not valid for specified curve.');
    }
    this[kPrivate] = priv;
    this[kPublic] = Buffer.from(pub);
    return this;
  }

  setPublicKey(publicKey, encoding) {
    const point = inputBytes(publicKey, encoding, 'key');
    const out = binding.ecConvertPoint(this[kCurve], point, 0);
    if (out === undefined) {
      throw new ERR_CRYPTO_OPERATION_FAILED('Failed to convert Buffer to EC_POINT');
    }
    this[kPublic] = Buffer.from(out);
    return this;
  }
}

function createECDH(curve) {
  return new ECDH(curve);
}

function diffieHellman(options) {
  validateObject(options, 'options');
  const { privateKey, publicKey } = options;
  if (!(privateKey instanceof KeyObject)) {
    throw new ERR_INVALID_ARG_VALUE('options.privateKey', privateKey);
  }
  if (!(publicKey instanceof KeyObject)) {
    throw new ERR_INVALID_ARG_VALUE('options.publicKey', publicKey);
  }
  if (privateKey.type !== 'private') {
    throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(privateKey.type, 'private');
  }
  if (publicKey.type !== 'public' && publicKey.type !== 'private') {
    throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(publicKey.type,
      'private or public');
  }
  const a = privateKey.asymmetricKeyType;
  const b = publicKey.asymmetricKeyType;
  const agreeing = ['dh', 'ec', 'x448', 'x25519'];
  if (a !== b || !agreeing.includes(a)) {
    throw new ERR_CRYPTO_INCOMPATIBLE_KEY('key types for Diffie-Hellman',
      `${a} and ${b}`);
  }
  return Buffer.from(binding.deriveSecret(handleOf(privateKey),
    handleOf(publicKey)));
}

module.exports = { ECDH, createECDH, diffieHellman };
