// Shared helpers behind node:util (promisify, deprecate, ...) that other stdlib modules use directly.
'use strict';

const {
  codes: {
    ERR_FALSY_VALUE_REJECTION,
    ERR_INVALID_ARG_TYPE,
  },
} = require('../errors');
const { validateFunction, validateString } = require('../validators');

const kEmptyObject = Object.freeze(Object.create(null));
const customPromisifiedSymbol = Symbol.for('nodejs.util.promisify.custom');
// Callback APIs with several result values set this to name them.
const customPromisifyArgs = Symbol('customPromisifyArgs');

const codesWarned = new Set();

function emitWarningCompat(msg, type, code, ctor) {
  if (typeof process === 'object' && process !== null &&
      typeof process.emitWarning === 'function') {
    if (code !== undefined) {
      process.emitWarning(msg, type, code, ctor);
    } else {
      process.emitWarning(msg, type, ctor);
    }
    return;
  }
  // No process.emitWarning yet: print like Node does.
  const pid = typeof process === 'object' && process !== null ? process.pid : 0;
  const line = `(node:${pid}) ${code !== undefined ? `[${code}] ` : ''}${type}: ${msg}\n`;
  if (typeof process === 'object' && process !== null && process.stderr &&
      typeof process.stderr.write === 'function') {
    process.stderr.write(line);
  }
}

// Wraps fn so that its first call prints a DeprecationWarning (once per code).
function deprecate(fn, msg, code) {
  if (typeof process === 'object' && process !== null &&
      process.noDeprecation === true) {
    return fn;
  }
  if (code !== undefined) validateString(code, 'code');

  let warned = false;
  function deprecated(...args) {
    if (!warned) {
      warned = true;
      if (code !== undefined) {
        if (!codesWarned.has(code)) {
          emitWarningCompat(msg, 'DeprecationWarning', code, deprecated);
          codesWarned.add(code);
        }
      } else {
        emitWarningCompat(msg, 'DeprecationWarning', undefined, deprecated);
      }
    }
    if (new.target) {
      return Reflect.construct(fn, args, new.target);
    }
    return Reflect.apply(fn, this, args);
  }

  Object.setPrototypeOf(deprecated, fn);
  if (fn.prototype) {
    deprecated.prototype = fn.prototype;
  }
  return deprecated;
}

function promisify(original) {
  validateFunction(original, 'original');

  if (original[customPromisifiedSymbol]) {
    const fn = original[customPromisifiedSymbol];
    validateFunction(fn, 'util.promisify.custom');
    return Object.defineProperty(fn, customPromisifiedSymbol, {
      value: fn, enumerable: false, writable: false, configurable: true,
    });
  }

  const argumentNames = original[customPromisifyArgs];

  function fn(...args) {
    return new Promise((resolve, reject) => {
      args.push((err, ...values) => {
        if (err) {
          return reject(err);
        }
        if (argumentNames !== undefined && values.length > 1) {
          const obj = {};
          for (let i = 0; i < argumentNames.length; i++)
            obj[argumentNames[i]] = values[i];
          resolve(obj);
        } else {
          resolve(values[0]);
        }
      });
      Reflect.apply(original, this, args);
    });
  }

  Object.setPrototypeOf(fn, Object.getPrototypeOf(original));

  Object.defineProperty(fn, customPromisifiedSymbol, {
    value: fn, enumerable: false, writable: false, configurable: true,
  });

  const descriptors = Object.getOwnPropertyDescriptors(original);
  const propertiesValues = Object.values(descriptors);
  for (let i = 0; i < propertiesValues.length; i++) {
    Object.setPrototypeOf(propertiesValues[i], null);
  }
  return Object.defineProperties(fn, descriptors);
}

promisify.custom = customPromisifiedSymbol;

function nextTick(fn, ...args) {
  if (typeof process === 'object' && process !== null &&
      typeof process.nextTick === 'function') {
    process.nextTick(fn, ...args);
  } else {
    queueMicrotask(() => fn(...args));
  }
}

function callbackifyOnRejected(reason, cb) {
  // A falsy rejection reason is wrapped so the callback still sees an error.
  if (!reason) {
    reason = new ERR_FALSY_VALUE_REJECTION(reason);
  }
  return cb(reason);
}

function callbackify(original) {
  validateFunction(original, 'original');

  function callbackified(...args) {
    const maybeCb = args.pop();
    validateFunction(maybeCb, 'last argument');
    const cb = maybeCb.bind(this);
    Reflect.apply(original, this, args)
      .then((ret) => nextTick(cb, null, ret),
            (rej) => nextTick(callbackifyOnRejected, rej, cb));
  }

  const descriptors = Object.getOwnPropertyDescriptors(original);
  if (descriptors.length && typeof descriptors.length.value === 'number') {
    descriptors.length.value++;
  }
  if (descriptors.name && typeof descriptors.name.value === 'string') {
    descriptors.name.value += 'Callbackified';
  }
  const propertiesValues = Object.values(descriptors);
  for (let i = 0; i < propertiesValues.length; i++) {
    Object.setPrototypeOf(propertiesValues[i], null);
  }
  Object.defineProperties(callbackified, descriptors);
  return callbackified;
}

function inherits(ctor, superCtor) {
  if (ctor === undefined || ctor === null)
    throw new ERR_INVALID_ARG_TYPE('ctor', 'Function', ctor);

  if (superCtor === undefined || superCtor === null)
    throw new ERR_INVALID_ARG_TYPE('superCtor', 'Function', superCtor);

  if (superCtor.prototype === undefined) {
    throw new ERR_INVALID_ARG_TYPE('superCtor.prototype',
                                   'Object', superCtor.prototype);
  }
  Object.defineProperty(ctor, 'super_', {
    value: superCtor,
    writable: true,
    configurable: true,
  });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

// Replaces lone surrogates with U+FFFD.
function toUSVString(input) {
  const str = `${input}`;
  let out = '';
  let last = 0;
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) {
      if (c <= 0xdbff && i + 1 < str.length) {
        const d = str.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          i++;
          continue;
        }
      }
      out += str.slice(last, i) + '\ufffd';
      last = i + 1;
    }
  }
  return last === 0 ? str : out + str.slice(last);
}

// Calls fn at most once; later calls return undefined.
function once(callback) {
  let called = false;
  return function(...args) {
    if (called) return;
    called = true;
    return Reflect.apply(callback, this, args);
  };
}

module.exports = {
  callbackify,
  customPromisifiedSymbol,
  customPromisifyArgs,
  deprecate,
  emitWarningCompat,
  inherits,
  kEmptyObject,
  nextTick,
  once,
  promisify,
  toUSVString,
};
