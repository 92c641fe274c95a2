// Dev-only: emulates jspack's internalBinding() under real Node so the stdlib can be compared with Node.
'use strict';

let real;
try {
  // Available only when node runs with --expose-internals.
  real = require('internal/test/binding').internalBinding;
} catch {
  real = undefined;
}

const nodeUtil = require('util');

function makeUtil() {
  if (real) {
    const u = real('util');
    return {
      getPromiseDetails: u.getPromiseDetails,
      getProxyDetails: u.getProxyDetails,
      previewEntries: (obj, isIterator) => (isIterator ? u.previewEntries(obj, true) : u.previewEntries(obj)),
      getOwnNonIndexProperties: u.getOwnNonIndexProperties,
      getConstructorName: u.getConstructorName,
      kPending: 0, kFulfilled: 1, kRejected: 2, ALL_PROPERTIES: 0, ONLY_ENUMERABLE: 2,
    };
  }
  // Fallback emulation through util.inspect tricks (good enough for smoke runs).
  return {
    getPromiseDetails(p) {
      const s = nodeUtil.inspect(p, { depth: 0 });
      if (s.includes('<pending>')) return [0];
      let result;
      p.then((v) => { result = v; }, (e) => { result = e; });
      return [s.includes('<rejected>') ? 2 : 1, result];
    },
    getProxyDetails(v, full = true) {
      if (!nodeUtil.types.isProxy(v)) return undefined;
      return full ? [{}, {}] : {};
    },
    previewEntries(v, isIter) {
      const out = [];
      return isIter ? [out, false] : out;
    },
    getOwnNonIndexProperties(obj, filter) {
      const keys = filter === 2 ? Object.keys(obj) : Object.getOwnPropertyNames(obj);
      const syms = Object.getOwnPropertySymbols(obj)
        .filter((s) => filter !== 2 || Object.prototype.propertyIsEnumerable.call(obj, s));
      return keys.filter((k) => !/^(0|[1-9][0-9]*)$/.test(k) || +k > 2 ** 32 - 2).concat(syms);
    },
    getConstructorName(obj) {
      const s = Object.prototype.toString.call(obj);
      return s.slice(8, -1);
    },
    kPending: 0, kFulfilled: 1, kRejected: 2, ALL_PROPERTIES: 0, ONLY_ENUMERABLE: 2,
  };
}

function makeUv() {
  if (real) {
    const uv = real('uv');
    const map = uv.getErrorMap();
    return {
      errname: uv.errname,
      getErrorMessage(errno) { const e = map.get(errno); return e ? e[1] : 'unknown error'; },
    };
  }
  const os = require('os');
  const table = new Map();
  for (const [name, num] of Object.entries(os.constants.errno)) table.set(-num, name);
  return {
    errname(errno) { return table.get(errno) || `Unknown system error ${errno}`; },
    getErrorMessage(errno) { return table.has(errno) ? table.get(errno) : 'unknown error'; },
  };
}

const bindings = {
  util: makeUtil(),
  types: Object.assign({}, nodeUtil.types),
  uv: makeUv(),
};

globalThis.internalBinding = function internalBinding(name) {
  const b = bindings[name];
  if (!b) throw new Error(`No such binding: ${name}`);
  return b;
};

module.exports = { hasRealBindings: real !== undefined };
