'use strict';
// Key agreement: the ECDH class (createECDH, ECDH.convertKey) over raw EC
// points, and crypto.diffieHellman over two KeyObjects.

const binding = internalBinding('crypto_keys');
const { Buffer } = require('../../buffer');
const { codes } = require('../errors');
const { validateInt32, validateObject, validateString } =
  require('../validators');
const { errorWith } = require('./util');
const types = require('../util/types');
const keys = require('./keys');

const { KeyObject, handleOf } = keys;


const kCurve = Symbol('kCurve');
const kPrivate = Symbol('kPrivate');
const kPublic = Symbol('kPublic');

// The binding's numbers for the point forms; no format is uncompressed.
const kForms = new Map([[undefined, 0], [null, 0], ['uncompressed', 0],
  ['compressed', 1], ['hybrid', 2]]);

function pointForm(format) {
  const form = kForms.get(format);
  if (form === undefined) throw new codes.ERR_CRYPTO_ECDH_INVALID_FORMAT(format);
  return form;
}

// A key or point argument: a view as is, a string decoded.
function inputBytes(value, encoding, what) {
  if (types.isArrayBufferView(value)) return value;
  if (typeof value !== 'string') {
    throw new codes.ERR_INVALID_ARG_TYPE(what,
      ['string', 'Buffer', 'TypedArray', 'DataView'], value);
  }
  return Buffer.from(value, encoding);
}

function output(ab, encoding) {
  const buf = Buffer.from(ab);
  return encoding && encoding !== 'buffer' ? buf.toString(encoding) : buf;
}

function checkCurve(name) {
  validateString(name, 'curve');
  if (binding.ecCurveValid(name)) return name;
  throw new codes.ERR_CRYPTO_INVALID_CURVE();
}

// The curve of an ECDH object; a look-alike `this` is refused before it
// reaches the binding.
function curveOf(ecdh) {
  const curve = ecdh === null || typeof ecdh !== 'object' ? undefined :
    ecdh[kCurve];
  if (curve === undefined) throw new codes.ERR_INVALID_THIS('ECDH');
  return curve;
}

class ECDH {
  constructor(curveName) {
    this[kCurve] = checkCurve(curveName);
    this[kPrivate] = null;
    this[kPublic] = null;
  }

  static convertKey(key, curve, inputEncoding, outputEncoding, format) {
    const converted = binding.ecConvertPoint(checkCurve(curve),
      inputBytes(key, inputEncoding, 'key'), pointForm(format));
    if (converted === undefined) {
      throw new codes.ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY();
    }
    return output(converted, outputEncoding);
  }

  generateKeys(encoding, format) {
    const [priv, pub] = binding.ecGenerate(curveOf(this));
    this[kPrivate] = Buffer.from(priv);
    this[kPublic] = Buffer.from(pub);
    return this.getPublicKey(encoding, format === undefined ? null : format);
  }

  computeSecret(otherPublicKey, inputEncoding, outputEncoding) {
    const peer = inputBytes(otherPublicKey, inputEncoding, 'otherPublicKey');
    if (this[kPrivate] === null) {
      throw new codes.ERR_CRYPTO_OPERATION_FAILED('Failed to get ECDH private key');
    }
    const secret = binding.ecComputeSecret(curveOf(this), this[kPrivate], peer);
    if (secret === undefined) throw new codes.ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY();
    return output(secret, outputEncoding);
  }

  getPrivateKey(encoding) {
    if (this[kPrivate] === null) {
      throw new codes.ERR_CRYPTO_OPERATION_FAILED('Failed to get ECDH private key');
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
      throw new codes.ERR_CRYPTO_OPERATION_FAILED('Failed to get ECDH public key');
    }
    return output(binding.ecConvertPoint(curveOf(this), this[kPublic], form),
      encoding);
  }

  setPrivateKey(privateKey, encoding) {
    const priv = Buffer.from(inputBytes(privateKey, encoding, 'key'));
    const pub = binding.ecPublicFromPrivate(curveOf(this), priv);
    if (pub === undefined) {
      throw new codes.ERR_CRYPTO_INVALID_KEYTYPE(
        'Private key is not valid for specified curve.');
    }
    this[kPrivate] = priv;
    this[kPublic] = Buffer.from(pub);
    return this;
  }

  setPublicKey(publicKey, encoding) {
    const point = inputBytes(publicKey, encoding, 'key');
    const out = binding.ecConvertPoint(curveOf(this), point, 0);
    if (out === undefined) {
      throw new codes.ERR_CRYPTO_OPERATION_FAILED('Failed to convert Buffer to EC_POINT');
    }
    this[kPublic] = Buffer.from(out);
    return this;
  }
}

const createECDH = (curveName) => new ECDH(curveName);

// Agreement needs keys of one type that does agreement.
const kAgreeingTypes = new Set(['dh', 'ec', 'x448', 'x25519']);

// options[slot], which must be a KeyObject.
function agreementKey(options, slot) {
  const key = options[slot];
  if (!(key instanceof KeyObject)) {
    throw new codes.ERR_INVALID_ARG_VALUE(`options.${slot}`, key);
  }
  return key;
}

function diffieHellman(options) {
  validateObject(options, 'options');
  const mine = agreementKey(options, 'privateKey');
  const theirs = agreementKey(options, 'publicKey');
  if (mine.type !== 'private') {
    throw new codes.ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(mine.type, 'private');
  }
  if (theirs.type === 'secret') {
    throw new codes.ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(theirs.type,
      'private or public');
  }
  const types = [mine.asymmetricKeyType, theirs.asymmetricKeyType];
  if (types[0] !== types[1] || !kAgreeingTypes.has(types[0])) {
    throw new codes.ERR_CRYPTO_INCOMPATIBLE_KEY(
      'key types for Diffie-Hellman', types.join(' and '));
  }
  const secret = binding.deriveSecret(handleOf(mine), handleOf(theirs));
  return Buffer.from(secret);
}

// --- Finite-field groups: DiffieHellman, DiffieHellmanGroup -------------

const kDh = Symbol('kDh');

function encoded(buffer, encoding) {
  return output(buffer, encoding);
}

function missingKey(which) {
  return errorWith(Error, `No ${which} key - did you forget to generate one?`,
    'ERR_CRYPTO_INVALID_STATE');
}

// The generator argument as bytes: a number (big-endian), a string in
// `encoding`, or a view.
function generatorBytes(generator, encoding) {
  if (typeof generator === 'number') {
    validateInt32(generator, 'generator');
    let hex = generator.toString(16);
    if (hex.length % 2) hex = `0${hex}`;
    return Buffer.from(hex, 'hex');
  }
  return Buffer.from(inputBytes(generator, encoding, 'generator'));
}

// Shared by both classes; `state` is { prime, generator, priv, pub, check }.
const dhMethods = {
  get verifyError() {
    return this[kDh].check;
  },
  generateKeys(encoding) {
    const state = this[kDh];
    const [priv, pub] = binding.dhGenerateKeys(state.prime, state.generator,
      state.priv === null ? undefined : state.priv);
    state.priv = Buffer.from(priv);
    state.pub = Buffer.from(pub);
    return encoded(state.pub, encoding);
  },
  computeSecret(otherPublicKey, inputEncoding, outputEncoding) {
    const state = this[kDh];
    const peer = inputBytes(otherPublicKey, inputEncoding, 'otherPublicKey');
    if (state.priv === null) {
      throw new codes.ERR_CRYPTO_INVALID_KEYTYPE('Invalid key type');
    }
    const secret = binding.dhComputeSecret(state.prime, state.generator,
      state.priv, peer);
    if (typeof secret === 'number') {
      throw errorWith(RangeError, `Supplied key is too ${secret < 0 ?
        'small' : 'large'}`, 'ERR_CRYPTO_INVALID_KEYLEN');
    }
    return encoded(Buffer.from(secret), outputEncoding);
  },
  getPrime(encoding) {
    return encoded(this[kDh].prime, encoding);
  },
  getGenerator(encoding) {
    return encoded(this[kDh].generator, encoding);
  },
  getPublicKey(encoding) {
    const { pub } = this[kDh];
    if (pub === null) throw missingKey('public');
    return encoded(pub, encoding);
  },
  getPrivateKey(encoding) {
    const { priv } = this[kDh];
    if (priv === null) throw missingKey('private');
    return encoded(priv, encoding);
  },
};

function installDhMethods(target, extra) {
  const all = { ...Object.getOwnPropertyDescriptors(dhMethods),
    ...Object.getOwnPropertyDescriptors(extra) };
  for (const desc of Object.values(all)) desc.enumerable = false;
  Object.defineProperties(target.prototype, all);
}

function dhState(prime, generator) {
  return { prime, generator, priv: null, pub: null,
    check: binding.dhCheck(prime, generator) };
}

function DiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding) {
  if (new.target === undefined) {
    return new DiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding);
  }
  // (prime, generator[, genEncoding]): no prime encoding given.
  if (typeof keyEncoding !== 'string' || keyEncoding === 'buffer') {
    if (keyEncoding !== 'buffer') {
      genEncoding = generator;
      generator = keyEncoding;
    }
    keyEncoding = undefined;
  }
  const gen = generatorBytes(generator === undefined ? 2 : generator,
    genEncoding);
  let prime;
  if (typeof sizeOrKey === 'number') {
    validateInt32(sizeOrKey, 'sizeOrKey');
    prime = Buffer.from(binding.dhGeneratePrime(sizeOrKey,
      parseInt(gen.toString('hex'), 16)));
  } else if (typeof sizeOrKey === 'string' || types.isArrayBufferView(sizeOrKey) ||
      types.isAnyArrayBuffer(sizeOrKey)) {
    prime = Buffer.from(typeof sizeOrKey === 'string' ?
      Buffer.from(sizeOrKey, keyEncoding) : keys.toBuffer(sizeOrKey));
  } else {
    throw new codes.ERR_INVALID_ARG_TYPE('sizeOrKey', ['number', 'string',
      'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], sizeOrKey);
  }
  this[kDh] = dhState(prime, gen);
}

installDhMethods(DiffieHellman, {
  setPublicKey(publicKey, encoding) {
    this[kDh].pub = Buffer.from(inputBytes(publicKey, encoding, 'publicKey'));
    return this;
  },
  setPrivateKey(privateKey, encoding) {
    this[kDh].priv = Buffer.from(inputBytes(privateKey, encoding,
      'privateKey'));
    return this;
  },
});

function DiffieHellmanGroup(name) {
  if (new.target === undefined) return new DiffieHellmanGroup(name);
  validateString(name, 'name');
  const prime = binding.dhGroupPrime(name);
  if (prime === undefined) throw new codes.ERR_CRYPTO_UNKNOWN_DH_GROUP();
  this[kDh] = dhState(Buffer.from(prime), Buffer.from([2]));
}

installDhMethods(DiffieHellmanGroup, {});

const createDiffieHellman = (prime, primeEncoding, generator, genEncoding) =>
  new DiffieHellman(prime, primeEncoding, generator, genEncoding);
const getDiffieHellman = (groupName) => new DiffieHellmanGroup(groupName);

module.exports = {
  DiffieHellman, DiffieHellmanGroup, ECDH, createDiffieHellman,
  createDiffieHellmanGroup: getDiffieHellman, createECDH, diffieHellman,
  getDiffieHellman,
};
