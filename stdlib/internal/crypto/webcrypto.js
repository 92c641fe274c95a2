'use strict';
// The Web Crypto objects: globalThis.crypto (a Crypto), its subtle (a SubtleCrypto) and CryptoKey.

const { codes } = require('../errors');
const random = require('./random');

const { ERR_INVALID_THIS, ERR_ILLEGAL_CONSTRUCTOR } = codes;

const kKeyType = Symbol('kKeyType');
const kAlgorithm = Symbol('kAlgorithm');
const kExtractable = Symbol('kExtractable');
const kUsages = Symbol('kUsages');
// The key itself: a Buffer for secret keys; for asymmetric keys whatever
// the algorithm's table entry stores (h-keys: a KeyObject).
const kKeyMaterial = Symbol('kKeyMaterial');
const kConstructing = Symbol('kConstructing');

class CryptoKey {
  constructor(token) {
    if (token !== kConstructing) throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  get type() {
    if (!(this instanceof CryptoKey)) throw new ERR_INVALID_THIS('CryptoKey');
    return this[kKeyType];
  }

  get extractable() {
    if (!(this instanceof CryptoKey)) throw new ERR_INVALID_THIS('CryptoKey');
    return this[kExtractable];
  }

  get algorithm() {
    if (!(this instanceof CryptoKey)) throw new ERR_INVALID_THIS('CryptoKey');
    return this[kAlgorithm];
  }

  get usages() {
    if (!(this instanceof CryptoKey)) throw new ERR_INVALID_THIS('CryptoKey');
    return Array.from(this[kUsages]);
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    if (depth < 0) return this;
    const shown = {
      type: this[kKeyType], extractable: this[kExtractable],
      algorithm: this[kAlgorithm], usages: Array.from(this[kUsages]),
    };
    return `CryptoKey ${inspect(shown, { ...options, depth: options.depth === null ? null : options.depth - 1 })}`;
  }
}
Object.defineProperty(CryptoKey.prototype, Symbol.toStringTag, {
  value: 'CryptoKey', configurable: true,
});
for (const name of ['type', 'extractable', 'algorithm', 'usages']) {
  Object.defineProperty(CryptoKey.prototype, name, { enumerable: true });
}

// newCryptoKey(type, algorithm, extractable, usages, material): how every
// algorithm (ours and h-keys') makes its keys.
function newCryptoKey(type, algorithm, extractable, usages, material) {
  const key = new CryptoKey(kConstructing);
  key[kKeyType] = type;
  key[kAlgorithm] = algorithm;
  key[kExtractable] = extractable;
  key[kUsages] = usages;
  key[kKeyMaterial] = material;
  return key;
}

function isCryptoKey(value) {
  return value instanceof CryptoKey;
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

class Crypto {
  constructor(token) {
    if (token !== kConstructing) throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  get subtle() {
    if (!(this instanceof Crypto)) throw new ERR_INVALID_THIS('Crypto');
    return subtle;
  }

  getRandomValues(array) {
    if (!(this instanceof Crypto)) throw new ERR_INVALID_THIS('Crypto');
    return random.getRandomValues(array);
  }

  randomUUID() {
    if (!(this instanceof Crypto)) throw new ERR_INVALID_THIS('Crypto');
    return random.randomUUID();
  }
}
Object.defineProperty(Crypto.prototype, Symbol.toStringTag, {
  value: 'Crypto', configurable: true,
});
Object.defineProperty(Crypto.prototype, 'subtle', { enumerable: true });
const crypto = new Crypto(kConstructing);

module.exports = {
  Crypto, CryptoKey, SubtleCrypto, crypto, subtle,
  getRandomValues: random.getRandomValues,
  isCryptoKey, newCryptoKey,
  kAlgorithm, kExtractable, kKeyMaterial, kKeyType, kUsages,
};

// The methods of SubtleCrypto live in subtle.js.
require('./subtle').install(SubtleCrypto);
