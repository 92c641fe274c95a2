'use strict';
// SubtleCrypto and its methods: argument checks, then the algorithm's entry in subtle_table.js does the work.

const { Buffer } = require('../../buffer');
const { DOMException } = require('../dom_exception');
const { codes } = require('../errors');
const { binding } = require('./util');
const {
  bufferSource, kAlgorithms, kDigestNames, normalizeAlgorithm, normalizeHash,
  notSupported, setLookupMiss,
} = require('./subtle_table');
const w = require('./webcrypto_key');

const { ERR_INVALID_THIS, ERR_ILLEGAL_CONSTRUCTOR } = codes;

// The secret-key algorithms are always there; the asymmetric ones load on
// the first name the table does not have.
require('./subtle_symmetric');
let asymmetricLoaded = false;
setLookupMiss(() => {
  if (asymmetricLoaded) return;
  asymmetricLoaded = true;
  require('./subtle_asymmetric');
});

const kConstructing = Symbol('kConstructing');

function checkKey(key, method, position = '2nd') {
  if (!w.isCryptoKey(key)) {
    const err = new TypeError(`Failed to execute '${method}' on ` +
      `'SubtleCrypto': ${position} argument is not of type CryptoKey.`);
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
}

function invalidAccess(message = 'The requested operation is not valid for ' +
  'the provided key') {
  return new DOMException(message, 'InvalidAccessError');
}

// The key may serve `usage` with the algorithm named in `algorithm`.
function checkUsage(key, algorithm, usage) {
  if (w.keyAlgorithm(key).name !== algorithm.name) throw invalidAccess();
  if (!w.keyUsages(key).includes(usage)) throw invalidAccess();
}

// Web Crypto methods run later (a promise), and argument errors become
// rejections.
function later(fn) {
  return new Promise((resolve) => resolve(fn()));
}

function makeMethods() {
  return {
    // On the thread pool, with a copy of the data taken now.
    digest(algorithm, data) {
      return later(() => {
        const alg = normalizeHash(algorithm);
        const bytes = bufferSource(data, 'digest', '2nd');
        return new Promise((resolve, reject) => {
          binding().digest(kDigestNames[alg.name], bytes, (err, out) => {
            if (err) reject(err);
            else resolve(out.buffer);
          });
        });
      });
    },
    generateKey(algorithm, extractable, keyUsages) {
      return later(() => {
        const alg = normalizeAlgorithm(algorithm, 'generateKey');
        return kAlgorithms[alg.name].generateKey(alg, !!extractable,
          usagesList(keyUsages));
      });
    },
    importKey(format, keyData, algorithm, extractable, keyUsages) {
      return later(() => {
        const alg = normalizeAlgorithm(algorithm, 'importKey');
        const data = format === 'jwk' ? keyData :
          bufferSource(keyData, 'importKey', '2nd');
        return kAlgorithms[alg.name].importKey(`${format}`, data, alg,
          !!extractable, usagesList(keyUsages));
      });
    },
    exportKey(format, key) {
      return later(() => {
        checkKey(key, 'exportKey');
        if (!w.keyExtractable(key)) {
          throw new DOMException('key is not extractable',
            'InvalidAccessException');
        }
        const entry = kAlgorithms[w.keyAlgorithm(key).name];
        if (entry === undefined || entry.exportKey === undefined) {
          throw notSupported();
        }
        return entry.exportKey(`${format}`, key);
      });
    },
    sign(algorithm, key, data) {
      return later(() => {
        const alg = normalizeAlgorithm(algorithm, 'sign');
        checkKey(key, 'sign');
        const bytes = bufferSource(data, 'sign', '3rd');
        if (w.keyAlgorithm(key).name !== alg.name ||
            !w.keyUsages(key).includes('sign')) {
          throw invalidAccess('Unable to use this key to sign');
        }
        return kAlgorithms[alg.name].sign(alg, key, bytes);
      });
    },
    verify(algorithm, key, signature, data) {
      return later(() => {
        const alg = normalizeAlgorithm(algorithm, 'verify');
        checkKey(key, 'verify');
        const sig = bufferSource(signature, 'verify', '3rd');
        const bytes = bufferSource(data, 'verify', '4th');
        if (w.keyAlgorithm(key).name !== alg.name ||
            !w.keyUsages(key).includes('verify')) {
          throw invalidAccess('Unable to use this key to verify');
        }
        return kAlgorithms[alg.name].verify(alg, key, sig, bytes);
      });
    },
    encrypt(algorithm, key, data) {
      return later(() => {
        const alg = normalizeAlgorithm(algorithm, 'encrypt');
        checkKey(key, 'encrypt');
        const bytes = bufferSource(data, 'encrypt', '3rd');
        checkUsage(key, alg, 'encrypt');
        return kAlgorithms[alg.name].encrypt(alg, key, bytes);
      });
    },
    decrypt(algorithm, key, data) {
      return later(() => {
        const alg = normalizeAlgorithm(algorithm, 'decrypt');
        checkKey(key, 'decrypt');
        const bytes = bufferSource(data, 'decrypt', '3rd');
        checkUsage(key, alg, 'decrypt');
        return kAlgorithms[alg.name].decrypt(alg, key, bytes);
      });
    },
    deriveBits(algorithm, baseKey, length) {
      return later(() => {
        const alg = normalizeAlgorithm(algorithm, 'deriveBits');
        checkKey(baseKey, 'deriveBits');
        checkUsage(baseKey, alg, 'deriveBits');
        return kAlgorithms[alg.name].deriveBits(alg, baseKey, length);
      });
    },
    deriveKey(algorithm, baseKey, derivedKeyType, extractable, keyUsages) {
      return later(async () => {
        const alg = normalizeAlgorithm(algorithm, 'deriveBits');
        checkKey(baseKey, 'deriveKey');
        const target = normalizeAlgorithm(derivedKeyType, 'importKey');
        const entry = kAlgorithms[target.name];
        if (typeof entry.getKeyLength !== 'function') throw notSupported();
        checkUsage(baseKey, alg, 'deriveKey');
        const length = entry.getKeyLength(target);
        const bits = await kAlgorithms[alg.name].deriveBits(alg, baseKey,
          length);
        return entry.importKey('raw', Buffer.from(bits), target, !!extractable,
          usagesList(keyUsages));
      });
    },
    wrapKey(format, key, wrappingKey, wrapAlgorithm) {
      return later(async () => {
        const alg = normalizeAlgorithm(wrapAlgorithm, 'encrypt');
        checkKey(wrappingKey, 'wrapKey', '3rd');
        checkUsage(wrappingKey, alg, 'wrapKey');
        let exported = await this.exportKey(format, key);
        if (format === 'jwk') {
          exported = Buffer.from(JSON.stringify(exported), 'utf8');
        } else {
          exported = Buffer.from(exported);
        }
        return kAlgorithms[alg.name].encrypt(alg, wrappingKey, exported);
      });
    },
    unwrapKey(format, wrappedKey, unwrappingKey, unwrapAlgorithm,
      unwrappedKeyAlgorithm, extractable, keyUsages) {
      return later(async () => {
        const alg = normalizeAlgorithm(unwrapAlgorithm, 'decrypt');
        checkKey(unwrappingKey, 'unwrapKey', '3rd');
        checkUsage(unwrappingKey, alg, 'unwrapKey');
        const bytes = bufferSource(wrappedKey, 'unwrapKey', '2nd');
        const plain = await kAlgorithms[alg.name].decrypt(alg, unwrappingKey,
          bytes);
        const keyData = format === 'jwk' ?
          JSON.parse(Buffer.from(plain).toString('utf8')) : plain;
        return this.importKey(format, keyData, unwrappedKeyAlgorithm,
          extractable, keyUsages);
      });
    },
  };
}

function usagesList(keyUsages) {
  if (!Array.isArray(keyUsages)) {
    throw new TypeError('keyUsages must be a sequence');
  }
  return Array.from(new Set(keyUsages.map(String)));
}

class SubtleCrypto {
  constructor(token) {
    if (token !== kConstructing) throw new ERR_ILLEGAL_CONSTRUCTOR();
  }
}
Object.defineProperty(SubtleCrypto.prototype, Symbol.toStringTag, {
  value: 'SubtleCrypto', configurable: true,
});
const subtle = new SubtleCrypto(kConstructing);


// Puts the methods on SubtleCrypto.prototype, each checking its `this`.
// Node's order of SubtleCrypto's methods.
const kMethodOrder = ['encrypt', 'decrypt', 'sign', 'verify', 'digest',
  'generateKey', 'deriveKey', 'deriveBits', 'importKey', 'exportKey',
  'wrapKey', 'unwrapKey'];

function install() {
  const methods = makeMethods();
  for (const name of kMethodOrder) {
    const impl = methods[name];
    const fn = {
      [name](...args) {
        if (!(this instanceof SubtleCrypto)) {
          return Promise.reject(new ERR_INVALID_THIS('SubtleCrypto'));
        }
        return impl.apply(this, args);
      },
    }[name];
    Object.defineProperty(fn, 'length', { value: impl.length });
    Object.defineProperty(SubtleCrypto.prototype, name, {
      value: fn, writable: true, enumerable: true, configurable: true,
    });
  }
}

install();

module.exports = { SubtleCrypto, subtle };
