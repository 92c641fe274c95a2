'use strict';
// The asymmetric half of node:crypto, gathered for crypto.js to re-export:
// key pair generation and RSA encryption here, keys, signatures, ECDH and
// X.509 from their own files.

const binding = internalBinding('crypto_keys');
const { Buffer } = require('../../buffer');
const { codes } = require('../errors');
const { isArrayBufferView } = require('../util/types');
const {
  validateFunction, validateInt32, validateObject, validateString,
  validateUint32,
} = require('../validators');
const keys = require('./keys');
const sig = require('./sig');
const dh = require('./dh');
const { X509Certificate } = require('./x509');
const { errorWith } = require('./util');

const {
  PrivateKeyObject, PublicKeyObject, encodeHandle, parseOutputEncoding,
  prepareAsymmetricKey,
} = keys;

const kPromisifyCustom = Symbol.for('nodejs.util.promisify.custom');

// RSA padding modes, as in crypto.constants.
const RSA_PKCS1_PADDING = 1;
const RSA_PKCS1_OAEP_PADDING = 4;

const kKeyTypes = ['rsa', 'rsa-pss', 'dsa', 'ec', 'ed25519', 'ed448',
  'x25519', 'x448', 'dh'];
const kOptionalOptions = new Set(['ed25519', 'ed448', 'x25519', 'x448']);

function readEncoding(options, name, isPrivate, keyType) {
  const value = options[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null) {
    throw new codes.ERR_INVALID_ARG_VALUE(`options.${name}`, value);
  }
  const enc = parseOutputEncoding(value, isPrivate, keyType,
    `options.${name}`);
  return enc;
}

// Checks everything before any work starts, so the async form throws the
// same errors synchronously as the sync one.
function keygenJob(type, options) {
  validateString(type, 'type');
  if (!kKeyTypes.includes(type)) {
    throw new codes.ERR_INVALID_ARG_VALUE('type', type,
      'must be a supported key type');
  }
  // Only the curve types may go without options.
  if (options !== undefined || !kOptionalOptions.has(type)) {
    validateObject(options, 'options');
  }
  const o = options || {};
  const args = { bits: 0, exponent: 65537, hash: '', mgf1: '', salt: -1,
    curve: '', explicit: false, divisor: -1, prime: undefined, generator: 2 };
  if (type === 'dh') dhGroupOptions(options, args);
  if (type === 'rsa' || type === 'rsa-pss' || type === 'dsa') {
    validateUint32(o.modulusLength, 'options.modulusLength');
    args.bits = o.modulusLength;
  }
  if (type === 'rsa' || type === 'rsa-pss') {
    if (o.publicExponent !== undefined) {
      validateUint32(o.publicExponent, 'options.publicExponent');
      args.exponent = o.publicExponent;
    }
  }
  if (type === 'rsa-pss') {
    const hash = o.hashAlgorithm !== undefined ? o.hashAlgorithm : o.hash;
    const mgf1 = o.mgf1HashAlgorithm !== undefined ? o.mgf1HashAlgorithm :
      o.mgf1Hash;
    if (hash !== undefined) {
      validateString(hash, 'options.hashAlgorithm');
      args.hash = hash;
    }
    if (mgf1 !== undefined) {
      validateString(mgf1, 'options.mgf1HashAlgorithm');
      args.mgf1 = mgf1;
    }
    if (o.saltLength !== undefined) {
      validateInt32(o.saltLength, 'options.saltLength', 0);
      args.salt = o.saltLength;
    }
    for (const digest of [args.hash, args.mgf1]) {
      if (digest !== '' && !binding.digestKnown(digest)) {
        throw new codes.ERR_CRYPTO_INVALID_DIGEST(digest);
      }
    }
  }
  if (type === 'dsa' && o.divisorLength !== undefined &&
      o.divisorLength !== null) {
    validateInt32(o.divisorLength, 'options.divisorLength', 0);
    args.divisor = o.divisorLength;
  }
  if (type === 'ec') {
    validateString(o.namedCurve, 'options.namedCurve');
    if (!binding.ecCurveValid(o.namedCurve)) {
      throw new codes.ERR_CRYPTO_INVALID_CURVE();
    }
    args.curve = o.namedCurve;
    const { paramEncoding } = o;
    if (paramEncoding !== undefined && paramEncoding !== null &&
        paramEncoding !== 'named' && paramEncoding !== 'explicit') {
      throw new codes.ERR_INVALID_ARG_VALUE('options.paramEncoding', paramEncoding);
    }
    args.explicit = paramEncoding === 'explicit';
  }
  const publicEncoding = readEncoding(o, 'publicKeyEncoding', false, type);
  const privateEncoding = readEncoding(o, 'privateKeyEncoding', true, type);
  return { type, args, publicEncoding, privateEncoding };
}

function runKeygen(job, callback) {
  const { args } = job;
  return binding.generateKeyPair(job.type, args.bits, args.exponent,
    args.hash, args.mgf1, args.salt, args.curve, args.explicit,
    args.divisor, args.prime, args.generator, callback);
}

// The group of a 'dh' key pair: exactly one of group, prime, primeLength;
// a named group brings its own generator.
function dhGroupOptions(options, args) {
  const { group, prime, primeLength, generator } = options;
  const given = [['group', group], ['prime', prime],
    ['primeLength', primeLength]].filter(([, value]) => value != null);
  if (given.length === 0) {
    throw new codes.ERR_MISSING_OPTION(
      'At least one of the group, prime, or primeLength options');
  }
  if (given.length > 1) {
    throw new codes.ERR_INCOMPATIBLE_OPTION_PAIR(given[0][0], given[1][0]);
  }
  if (generator != null) {
    if (group != null) {
      throw new codes.ERR_INCOMPATIBLE_OPTION_PAIR('group', 'generator');
    }
    validateInt32(generator, 'options.generator', 0);
    args.generator = generator;
  }
  if (group != null) {
    validateString(group, 'options.group');
    const bytes = binding.dhGroupPrime(group);
    if (bytes === undefined) throw new codes.ERR_CRYPTO_UNKNOWN_DH_GROUP();
    args.prime = Buffer.from(bytes);
  } else if (prime != null) {
    if (!isArrayBufferView(prime)) {
      throw new codes.ERR_INVALID_ARG_TYPE('options.prime',
        ['Buffer', 'TypedArray', 'DataView'], prime);
    }
    args.prime = prime;
  } else {
    validateInt32(primeLength, 'options.primeLength', 0);
    args.prime = Buffer.from(binding.dhGeneratePrime(primeLength,
      args.generator));
  }
}

function encodePair(job, handle) {
  const publicKey = job.publicEncoding === undefined ?
    new PublicKeyObject(handle) : encodeOne(handle, false, job.publicEncoding);
  const privateKey = job.privateEncoding === undefined ?
    new PrivateKeyObject(handle) : encodeOne(handle, true, job.privateEncoding);
  return { publicKey, privateKey };
}

function encodeOne(handle, isPrivate, enc) {
  if (enc.format === 'jwk') {
    const object = isPrivate ? new PrivateKeyObject(handle) :
      new PublicKeyObject(handle);
    return object.export({ format: 'jwk' });
  }
  return encodeHandle(handle, isPrivate, enc);
}

function generateKeyPairSync(type, options) {
  const job = keygenJob(type, options);
  return encodePair(job, runKeygen(job, undefined));
}

function generateKeyPair(type, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'callback');
  const job = keygenJob(type, options);
  runKeygen(job, (err, handle) => {
    if (err) {
      callback(err);
      return;
    }
    let pair;
    try {
      pair = encodePair(job, handle);
    } catch (e) {
      callback(e);
      return;
    }
    callback(null, pair.publicKey, pair.privateKey);
  });
}

Object.defineProperty(generateKeyPair, kPromisifyCustom, {
  value(type, options) {
    return new Promise((resolve, reject) => {
      generateKeyPair(type, options, (err, publicKey, privateKey) => {
        if (err) reject(err);
        else resolve({ publicKey, privateKey });
      });
    });
  },
  configurable: true,
});

// publicEncrypt and its three siblings: `op` as the binding numbers them.
function rsaOperation(op, kind, defaultPadding) {
  return function rsaCipher(key, buffer) {
    const { handle } = prepareAsymmetricKey(key, kind, false);
    const plain = typeof key === 'object' && key !== null &&
      !(key instanceof keys.KeyObject) && !isArrayBufferView(key);
    let padding = defaultPadding;
    let oaepHash = null;
    let oaepLabel = null;
    if (plain) {
      if (key.padding !== undefined) padding = key.padding;
      if (key.oaepHash !== undefined) {
        validateString(key.oaepHash, 'key.oaepHash');
        oaepHash = key.oaepHash;
      }
      if (key.oaepLabel !== undefined) {
        if (!isArrayBufferView(key.oaepLabel)) {
          throw new codes.ERR_INVALID_ARG_TYPE('key.oaepLabel',
            ['Buffer', 'TypedArray', 'DataView'], key.oaepLabel);
        }
        oaepLabel = key.oaepLabel;
      }
    }
    let data;
    if (typeof buffer === 'string') {
      data = Buffer.from(buffer, plain && key.encoding || 'utf8');
    } else if (isArrayBufferView(buffer)) {
      data = buffer;
    } else {
      throw new codes.ERR_INVALID_ARG_TYPE('buffer',
        ['string', 'Buffer', 'TypedArray', 'DataView'], buffer);
    }
    if (op === 1 && padding === RSA_PKCS1_PADDING) {
      // Node 20 refuses it since CVE-2023-46809 (Marvin attack).
      throw errorWith(TypeError, 'RSA_PKCS1_PADDING is no longer supported ' +
        'for private decryption, this can be reverted with ' +
        '--security-revert=CVE-2023-46809', 'ERR_INVALID_ARG_VALUE');
    }
    if (padding === RSA_PKCS1_OAEP_PADDING && oaepHash === null) {
      oaepHash = 'sha1';
    }
    const out = binding.rsaCipher(op, handle, data, padding, oaepHash,
      oaepLabel);
    if (out === null) throw new codes.ERR_CRYPTO_INVALID_DIGEST(oaepHash);
    return Buffer.from(out);
  };
}

const publicEncrypt = rsaOperation(0, 'public', RSA_PKCS1_OAEP_PADDING);
const privateDecrypt = rsaOperation(1, 'private', RSA_PKCS1_OAEP_PADDING);
const privateEncrypt = rsaOperation(2, 'private', RSA_PKCS1_PADDING);
const publicDecrypt = rsaOperation(3, 'public', RSA_PKCS1_PADDING);

module.exports = {
  KeyObject: keys.KeyObject,
  createPrivateKey: keys.createPrivateKey,
  createPublicKey: keys.createPublicKey,
  createSecretKey: keys.createSecretKey,
  generateKeyPair,
  generateKeyPairSync,
  publicEncrypt,
  privateDecrypt,
  privateEncrypt,
  publicDecrypt,
  sign: sig.sign,
  verify: sig.verify,
  createSign: sig.createSign,
  createVerify: sig.createVerify,
  Sign: sig.Sign,
  Verify: sig.Verify,
  createDiffieHellman: dh.createDiffieHellman,
  createDiffieHellmanGroup: dh.createDiffieHellmanGroup,
  getDiffieHellman: dh.getDiffieHellman,
  DiffieHellman: dh.DiffieHellman,
  DiffieHellmanGroup: dh.DiffieHellmanGroup,
  createECDH: dh.createECDH,
  ECDH: dh.ECDH,
  diffieHellman: dh.diffieHellman,
  X509Certificate,
  ...require('./prime'),
};
