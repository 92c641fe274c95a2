'use strict';
// process.env: a live view of the C environment. Reads and writes go straight
// to getenv/setenv, so native code and (later) child processes see what the
// app set; assigned values become strings, as in Node. A leaf module, so the
// stdio streams can read TERM and friends without requiring process.

const { getEnv, setEnv, unsetEnv, envKeys } = internalBinding('process');

// Only plain data properties can stand for a variable (Node's rule).
function descriptorProblem(descriptor) {
  if ('get' in descriptor || 'set' in descriptor) {
    return 'does not accept an accessor(getter/setter) descriptor';
  }
  if (!('value' in descriptor) || descriptor.configurable !== true ||
      descriptor.writable !== true || descriptor.enumerable !== true) {
    return 'only accepts a configurable, writable, and enumerable data ' +
      'descriptor';
  }
  return undefined;
}

const handler = {
  get(target, key) {
    return typeof key === 'string' ? getEnv(key) : undefined;
  },
  set(target, key, value) {
    // Names and values are strings: a symbol in either is a TypeError,
    // the one a string conversion of it throws.
    setEnv(`${key}`, `${value}`);
    return true;
  },
  has(target, key) {
    return typeof key === 'string' && getEnv(key) !== undefined;
  },
  deleteProperty(target, key) {
    if (typeof key === 'string') unsetEnv(key);
    return true;
  },
  ownKeys() {
    return envKeys();
  },
  getOwnPropertyDescriptor(target, key) {
    const value = typeof key === 'string' ? getEnv(key) : undefined;
    if (value === undefined) return undefined;
    return { value, writable: true, enumerable: true, configurable: true };
  },
  defineProperty(target, key, descriptor) {
    const problem = descriptorProblem(descriptor);
    if (problem !== undefined) {
      const { ERR_INVALID_OBJECT_DEFINE_PROPERTY } = require('../errors').codes;
      throw new ERR_INVALID_OBJECT_DEFINE_PROPERTY(`'process.env' ${problem}`);
    }
    setEnv(`${key}`, `${descriptor.value}`);
    return true;
  },
};

module.exports = new Proxy({}, handler);
