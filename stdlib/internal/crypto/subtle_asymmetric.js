'use strict';
// Web Crypto's asymmetric algorithms (RSASSA-PKCS1-v1_5, RSA-PSS, RSA-OAEP,
// ECDSA, ECDH, Ed25519, Ed448, X25519, X448), registered into subtle.js's
// table. A CryptoKey's material is the KeyObject doing the work.

const binding = internalBinding('crypto_keys');
const { Buffer } = require('../../buffer');
const { DOMException } = require('../dom_exception');
const { kDigestNames, registerAlgorithm, toArrayBuffer } =
  require('./subtle_table');
const w = require('./webcrypto_key');
const keys = require('./keys');
const asymmetric = require('./asymmetric');
const sig = require('./sig');

const { createPrivateKey, createPublicKey } = keys;

function domError(message, name) {
  return new DOMException(message, name);
}

const kCurves = ['P-256', 'P-384', 'P-521'];
const kOpenSslCurve = { __proto__: null, 'P-256': 'prime256v1',
  'P-384': 'secp384r1', 'P-521': 'secp521r1' };
// The JWK `alg` each RSA algorithm and hash exports with.
const kJwkAlg = {
  __proto__: null,
  'RSASSA-PKCS1-v1_5': { 'SHA-1': 'RS1', 'SHA-256': 'RS256',
    'SHA-384': 'RS384', 'SHA-512': 'RS512' },
  'RSA-PSS': { 'SHA-1': 'PS1', 'SHA-256': 'PS256', 'SHA-384': 'PS384',
    'SHA-512': 'PS512' },
  'RSA-OAEP': { 'SHA-1': 'RSA-OAEP', 'SHA-256': 'RSA-OAEP-256',
    'SHA-384': 'RSA-OAEP-384', 'SHA-512': 'RSA-OAEP-512' },
};

// Which usages each half of a key pair may have.
const kUsageSets = {
  sign: { public: ['verify'], private: ['sign'] },
  encrypt: { public: ['encrypt', 'wrapKey'],
    private: ['decrypt', 'unwrapKey'] },
  derive: { public: [], private: ['deriveKey', 'deriveBits'] },
};

function article(name) {
  return /^[AEIOU]/.test(name) ? 'an' : 'a';
}

function checkUsages(name, kind, usages, allowed) {
  for (const usage of usages) {
    if (!allowed.includes(usage)) {
      throw domError(`Unsupported key usage for ${article(name)} ${name} key`,
        'SyntaxError');
    }
  }
}

function makePair(algorithm, family, extractable, usages, pair) {
  const sets = kUsageSets[family];
  checkUsages(algorithm.name, 'pair', usages,
    [...sets.public, ...sets.private]);
  const privateUsages = usages.filter((u) => sets.private.includes(u));
  if (privateUsages.length === 0) {
    throw domError('Usages cannot be empty when creating a key.',
      'SyntaxError');
  }
  const publicUsages = usages.filter((u) => sets.public.includes(u));
  return {
    publicKey: w.newCryptoKey('public', algorithm, true, publicUsages,
      pair.publicKey),
    privateKey: w.newCryptoKey('private', algorithm, extractable,
      privateUsages, pair.privateKey),
  };
}

function keygen(type, options) {
  return new Promise((resolve, reject) => {
    asymmetric.generateKeyPair(type, options, (err, publicKey, privateKey) => {
      if (err) reject(domError(err.message, 'OperationError'));
      else resolve({ publicKey, privateKey });
    });
  });
}

function exponentOf(bytes) {
  let value = 0;
  for (const b of bytes) value = value * 256 + b;
  return value;
}

function rsaAlgorithm(name, key, hash) {
  const details = key.asymmetricKeyDetails;
  let e = details.publicExponent.toString(16);
  if (e.length % 2) e = `0${e}`;
  return { name, modulusLength: details.modulusLength,
    publicExponent: new Uint8Array(Buffer.from(e, 'hex')), hash };
}

// Imports spki/pkcs8/jwk/raw data as a KeyObject, or throws DataError.
function importMaterial(format, data, name, allowRaw) {
  try {
    if (format === 'spki') {
      return createPublicKey({ key: data, format: 'der', type: 'spki' });
    }
    if (format === 'pkcs8') {
      return createPrivateKey({ key: data, format: 'der', type: 'pkcs8' });
    }
    if (format === 'jwk') {
      if (data === null || typeof data !== 'object') throw new TypeError();
      return data.d !== undefined ?
        createPrivateKey({ key: data, format: 'jwk' }) :
        createPublicKey({ key: data, format: 'jwk' });
    }
    if (format === 'raw' && allowRaw) return allowRaw(data);
  } catch (err) {
    if (err instanceof DOMException) throw err;
    throw domError('Invalid keyData', 'DataError');
  }
  throw domError(`Unable to import ${name} key with format ${format}`,
    'NotSupportedError');
}

function exportMaterial(format, key, jwkExtra) {
  const object = w.keyMaterial(key);
  const name = w.keyAlgorithm(key).name;
  const type = key.type;
  if (format === 'spki' || format === 'raw') {
    if (type !== 'public') {
      throw domError(`Unable to export a raw ${name} private key`,
        'InvalidAccessError');
    }
  } else if (format === 'pkcs8' && type !== 'private') {
    throw domError(`Unable to export a pkcs8 ${name} public key`,
      'InvalidAccessError');
  }
  if (format === 'spki' || format === 'pkcs8') {
    const der = object.export({ format: 'der', type: format });
    return toArrayBuffer(der);
  }
  if (format === 'jwk') {
    const jwk = { key_ops: Array.from(w.keyUsages(key)), ext: key.extractable,
      ...object.export({ format: 'jwk' }) };
    if (jwkExtra !== undefined) jwk.alg = jwkExtra;
    return jwk;
  }
  if (format === 'raw') {
    if (object.asymmetricKeyType === 'rsa') {
      throw domError(`Unable to export a raw ${name} public key`,
        'InvalidAccessError');
    }
    const jwk = object.export({ format: 'jwk' });
    if (jwk.kty === 'EC') {
      return toArrayBuffer(Buffer.concat([Buffer.from([4]),
        Buffer.from(jwk.x, 'base64url'), Buffer.from(jwk.y, 'base64url')]));
    }
    return toArrayBuffer(Buffer.from(jwk.x, 'base64url'));
  }
  throw domError(`Unable to export ${name} key with format ${format}`,
    'NotSupportedError');
}

function keyUsagesFor(family, type) {
  return kUsageSets[family][type];
}

function wrapImported(object, algorithm, extractable, usages, family) {
  const type = object.type;
  checkUsages(algorithm.name, type, usages, keyUsagesFor(family, type));
  if (type === 'private' && usages.length === 0) {
    throw domError('Usages cannot be empty when creating a key.',
      'SyntaxError');
  }
  return w.newCryptoKey(type, algorithm, extractable, usages, object);
}

// --- RSA ---------------------------------------------------------------

function registerRsa(name, family) {
  registerAlgorithm(name, {
    async generateKey(algorithm, extractable, usages) {
      const { modulusLength, publicExponent, hash } = algorithm;
      const sets = kUsageSets[family];
      checkUsages(name, 'pair', usages, [...sets.public, ...sets.private]);
      const pair = await keygen('rsa', { modulusLength,
        publicExponent: exponentOf(publicExponent) });
      const alg = rsaAlgorithm(name, pair.publicKey, hash);
      return makePair(alg, family, extractable, usages, pair);
    },
    importKey(format, data, algorithm, extractable, usages) {
      const object = importMaterial(format, data, name);
      const type = object.asymmetricKeyType;
      if (type !== 'rsa' && type !== 'rsa-pss') {
        throw domError('Invalid key type', 'DataError');
      }
      return wrapImported(object, rsaAlgorithm(name, object, algorithm.hash),
        extractable, usages, family);
    },
    exportKey(format, key) {
      const hash = w.keyAlgorithm(key).hash.name;
      return exportMaterial(format, key, kJwkAlg[name][hash]);
    },
    sign(algorithm, key, data) {
      return toArrayBuffer(sig.sign(kDigestNames[key.algorithm.hash.name],
        data, rsaSignOptions(algorithm, key)));
    },
    verify(algorithm, key, signature, data) {
      return sig.verify(kDigestNames[key.algorithm.hash.name], data,
        rsaSignOptions(algorithm, key), signature);
    },
    encrypt(algorithm, key, data) {
      if (key.type !== 'public') {
        throw domError('The requested operation is not valid for the ' +
          'provided key', 'InvalidAccessError');
      }
      return toArrayBuffer(asymmetric.publicEncrypt(oaepOptions(algorithm,
        key), data));
    },
    decrypt(algorithm, key, data) {
      if (key.type !== 'private') {
        throw domError('The requested operation is not valid for the ' +
          'provided key', 'InvalidAccessError');
      }
      try {
        return toArrayBuffer(asymmetric.privateDecrypt(
          oaepOptions(algorithm, key), data));
      } catch {
        throw domError('The operation failed for an operation-specific ' +
          'reason', 'OperationError');
      }
    },
  });
}

function rsaSignOptions(algorithm, key) {
  const options = { key: w.keyMaterial(key) };
  if (algorithm.name === 'RSA-PSS') {
    options.padding = 6;
    options.saltLength = algorithm.saltLength;
  }
  return options;
}

function oaepOptions(algorithm, key) {
  const options = { key: w.keyMaterial(key), padding: 4,
    oaepHash: kDigestNames[key.algorithm.hash.name] };
  if (algorithm.label !== undefined) {
    const label = algorithm.label;
    options.oaepLabel = Buffer.from(ArrayBuffer.isView(label) ?
      new Uint8Array(label.buffer, label.byteOffset, label.byteLength) :
      new Uint8Array(label));
  }
  return options;
}

registerRsa('RSASSA-PKCS1-v1_5', 'sign');
registerRsa('RSA-PSS', 'sign');
registerRsa('RSA-OAEP', 'encrypt');

// --- EC ----------------------------------------------------------------

function checkCurve(namedCurve) {
  if (!kCurves.includes(namedCurve)) {
    throw domError('Unrecognized namedCurve', 'NotSupportedError');
  }
}

function importEcRaw(namedCurve) {
  return (data) => {
    const x = binding.ecConvertPoint(kOpenSslCurve[namedCurve], data, 0);
    if (x === undefined) throw new TypeError();
    const point = Buffer.from(x);
    const size = (point.length - 1) / 2;
    return createPublicKey({ format: 'jwk', key: { kty: 'EC',
      crv: namedCurve, x: point.subarray(1, 1 + size).toString('base64url'),
      y: point.subarray(1 + size).toString('base64url') } });
  };
}

function registerEc(name, family) {
  registerAlgorithm(name, {
    async generateKey(algorithm, extractable, usages) {
      checkCurve(algorithm.namedCurve);
      const sets = kUsageSets[family];
      checkUsages(name, 'pair', usages, [...sets.public, ...sets.private]);
      const pair = await keygen('ec',
        { namedCurve: kOpenSslCurve[algorithm.namedCurve] });
      return makePair({ name, namedCurve: algorithm.namedCurve }, family,
        extractable, usages, pair);
    },
    importKey(format, data, algorithm, extractable, usages) {
      checkCurve(algorithm.namedCurve);
      const object = importMaterial(format, data, name,
        importEcRaw(algorithm.namedCurve));
      if (object.asymmetricKeyType !== 'ec' ||
          object.asymmetricKeyDetails.namedCurve !==
          kOpenSslCurve[algorithm.namedCurve]) {
        throw domError('Named curve mismatch', 'DataError');
      }
      return wrapImported(object, { name, namedCurve: algorithm.namedCurve },
        extractable, usages, family);
    },
    exportKey(format, key) {
      return exportMaterial(format, key);
    },
    sign(algorithm, key, data) {
      return toArrayBuffer(sig.sign(kDigestNames[algorithm.hash.name], data,
        { key: w.keyMaterial(key), dsaEncoding: 'ieee-p1363' }));
    },
    verify(algorithm, key, signature, data) {
      return sig.verify(kDigestNames[algorithm.hash.name], data,
        { key: w.keyMaterial(key), dsaEncoding: 'ieee-p1363' }, signature);
    },
    deriveBits: family === 'derive' ? deriveBits : undefined,
  });
}

function deriveBits(algorithm, baseKey, length) {
  const peer = algorithm.public;
  if (!w.isCryptoKey(peer) || peer.type !== 'public') {
    throw domError('algorithm.public must be a public key',
      'InvalidAccessError');
  }
  if (w.keyAlgorithm(peer).name !== w.keyAlgorithm(baseKey).name) {
    throw domError('The public and private keys must be of the same type',
      'InvalidAccessError');
  }
  const { diffieHellman } = require('./dh');
  let secret;
  try {
    secret = diffieHellman({ privateKey: w.keyMaterial(baseKey),
      publicKey: w.keyMaterial(peer) });
  } catch (err) {
    throw domError(err.message, 'OperationError');
  }
  if (length === undefined || length === null) return toArrayBuffer(secret);
  if (length > secret.length * 8) {
    // Node's wording.
    throw domError('derived bit length is too small', 'OperationError');
  }
  const bytes = Math.ceil(length / 8);
  const out = Buffer.from(secret.subarray(0, bytes));
  if (length % 8) out[bytes - 1] &= 0xff << (8 - (length % 8));
  return toArrayBuffer(out);
}

registerEc('ECDSA', 'sign');
registerEc('ECDH', 'derive');

// --- Edwards and Montgomery curves -------------------------------------

function registerOkp(name, family) {
  const type = name.toLowerCase();
  registerAlgorithm(name, {
    async generateKey(algorithm, extractable, usages) {
      const sets = kUsageSets[family];
      checkUsages(name, 'pair', usages, [...sets.public, ...sets.private]);
      const pair = await keygen(type, {});
      return makePair({ name }, family, extractable, usages, pair);
    },
    importKey(format, data, algorithm, extractable, usages) {
      const object = importMaterial(format, data, name, (raw) =>
        createPublicKey({ format: 'jwk', key: { kty: 'OKP', crv: name,
          x: Buffer.from(raw).toString('base64url') } }));
      if (object.asymmetricKeyType !== type) {
        throw domError('Invalid key type', 'DataError');
      }
      return wrapImported(object, { name }, extractable, usages, family);
    },
    exportKey(format, key) {
      return exportMaterial(format, key,
        family === 'sign' ? name : undefined);
    },
    sign(algorithm, key, data) {
      return toArrayBuffer(sig.sign(null, data, w.keyMaterial(key)));
    },
    verify(algorithm, key, signature, data) {
      return sig.verify(null, data, w.keyMaterial(key), signature);
    },
    deriveBits: family === 'derive' ? deriveBits : undefined,
  });
}

registerOkp('Ed25519', 'sign');
registerOkp('Ed448', 'sign');
registerOkp('X25519', 'derive');
registerOkp('X448', 'derive');

module.exports = {};
