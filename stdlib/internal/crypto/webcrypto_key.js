'use strict';
// CryptoKey and how every Web Crypto algorithm (ours and h-keys') makes one: newCryptoKey and the internal slots.

const { codes } = require('../errors');

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

module.exports = {
  CryptoKey, isCryptoKey, newCryptoKey,
  kAlgorithm, kExtractable, kKeyMaterial, kKeyType, kUsages,
};
