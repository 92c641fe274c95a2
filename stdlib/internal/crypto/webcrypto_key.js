'use strict';
// CryptoKey and how every Web Crypto algorithm (ours and h-keys') makes one and reads it: newCryptoKey, keyMaterial, keyAlgorithm, keyUsages.

const { codes } = require('../errors');

const { ERR_INVALID_THIS, ERR_ILLEGAL_CONSTRUCTOR } = codes;

// A key's internal slots, one record: { type, algorithm, extractable,
// usages, material }. material is a Buffer for secret keys; for asymmetric
// keys whatever the algorithm's table entry keeps (h-keys: a KeyObject).
const kSlots = Symbol('CryptoKey slots');
const kToken = Symbol('CryptoKey construction');

function slotsOf(key, getter) {
  const slots = key instanceof CryptoKey ? key[kSlots] : undefined;
  if (slots === undefined) throw new ERR_INVALID_THIS('CryptoKey');
  return slots[getter];
}

class CryptoKey {
  constructor(token) {
    if (token !== kToken) throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  get type() { return slotsOf(this, 'type'); }
  get extractable() { return slotsOf(this, 'extractable'); }
  get algorithm() { return slotsOf(this, 'algorithm'); }
  get usages() { return Array.from(slotsOf(this, 'usages')); }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    if (depth < 0) return this;
    const { type, extractable, algorithm, usages } = this[kSlots];
    const inner = options.depth === null ? null : options.depth - 1;
    return `CryptoKey ${inspect({ type, extractable, algorithm,
      usages: Array.from(usages) }, { ...options, depth: inner })}`;
  }
}
Object.defineProperty(CryptoKey.prototype, Symbol.toStringTag, {
  value: 'CryptoKey', configurable: true,
});
for (const name of ['type', 'extractable', 'algorithm', 'usages']) {
  Object.defineProperty(CryptoKey.prototype, name, { enumerable: true });
}

function newCryptoKey(type, algorithm, extractable, usages, material) {
  const key = new CryptoKey(kToken);
  key[kSlots] = { type, algorithm, extractable, usages, material };
  return key;
}

const isCryptoKey = (value) => value instanceof CryptoKey;
const keyMaterial = (key) => key[kSlots].material;
const keyAlgorithm = (key) => key[kSlots].algorithm;
const keyUsages = (key) => key[kSlots].usages;
const keyExtractable = (key) => key[kSlots].extractable;

module.exports = {
  CryptoKey, isCryptoKey, keyAlgorithm, keyExtractable, keyMaterial,
  keyUsages, newCryptoKey,
};
