'use strict';
// process.env: a live view of the C environment. Reads and writes go straight
// to getenv/setenv, so native code and (later) child processes see what the
// app set; assigned values become strings, as in Node. A leaf module, so the
// stdio streams can read TERM and friends without requiring process.

const { getEnv, setEnv, unsetEnv, envKeys } = internalBinding('process');

const handler = {
  get(target, key) {
    return typeof key === 'string' ? getEnv(key) : undefined;
  },
  set(target, key, value) {
    if (typeof key === 'string') setEnv(key, `${value}`);
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
    if (typeof key === 'string' && 'value' in descriptor) {
      setEnv(key, `${descriptor.value}`);
    }
    return true;
  },
};

module.exports = new Proxy({}, handler);
