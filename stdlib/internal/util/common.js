// Helpers behind node:util that other stdlib modules also use: promisify, callbackify, deprecate, inherits, nextTick.
'use strict';

const { codes } = require('../errors');
const { validateFunction, validateString } = require('../validators');
const { nextTick } = require('../process/ticks');
const { emitProcessWarning } = require('../process/warning');

// A frozen, prototype-less default for optional option bags.
const kEmptyObject = Object.freeze({ __proto__: null });

// util.promisify.custom is a registered symbol, so copies of this module
// (or other runtimes' promisified functions) agree on it.
const customPromisifiedSymbol = Symbol.for('nodejs.util.promisify.custom');

// Callback APIs that report several values name them here; promisify then
// resolves with an object holding them by name.
const customPromisifyArgs = Symbol('customPromisifyArgs');

// process.noDeprecation and process.throwDeprecation are read on each call
// from the global: the process object requires events.js, which requires
// this file, so requiring it here would be a cycle.
function liveProcess() {
  const proc = globalThis.process;
  return proc !== null && typeof proc === 'object' ? proc : undefined;
}

// Copies every own property (name and length included) onto a wrapper; the
// descriptors lose their prototype so a polluted Object.prototype cannot add
// accessor fields to them.
function copyOwnProperties(target, source, adjust) {
  const descriptors = Object.getOwnPropertyDescriptors(source);
  for (const key of Reflect.ownKeys(descriptors)) {
    Object.setPrototypeOf(descriptors[key], null);
  }
  if (adjust !== undefined) adjust(descriptors);
  Object.defineProperties(target, descriptors);
  return target;
}

// --- deprecate ------------------------------------------------------------

// Codes already reported: one warning per code for the whole process.
const reportedCodes = new Set();

function deprecationFlag(name) {
  const proc = liveProcess();
  return proc !== undefined && proc[name] === true;
}

// The first call of the wrapper reports a DeprecationWarning, unless its
// code was reported already. process.throwDeprecation makes that report an
// exception; process.noDeprecation (checked when wrapping) silences it.
function deprecate(fn, msg, code) {
  if (deprecationFlag('noDeprecation')) return fn;
  if (code !== undefined) validateString(code, 'code');

  let reported = false;
  const report = () => {
    reported = true;
    if (code !== undefined && reportedCodes.has(code)) return;
    if (deprecationFlag('noDeprecation')) return;
    // With process.throwDeprecation the warning becomes an uncaught
    // exception on the next tick (warning.js); the call still completes.
    // Node's arguments: the code only when there is one, then the wrapper
    // (left out of the warning's stack).
    if (code === undefined) {
      emitProcessWarning(msg, 'DeprecationWarning', deprecated);
    } else {
      emitProcessWarning(msg, 'DeprecationWarning', code, deprecated);
    }
    if (code !== undefined) reportedCodes.add(code);
  };

  function deprecated(...args) {
    if (!reported) report();
    return new.target === undefined ?
      Reflect.apply(fn, this, args) :
      Reflect.construct(fn, args, new.target);
  }

  // The wrapper inherits fn's statics, and instances made through it are
  // instances of fn.
  Object.setPrototypeOf(deprecated, fn);
  if (fn.prototype !== undefined) deprecated.prototype = fn.prototype;
  return deprecated;
}

// --- promisify ------------------------------------------------------------

function settle(resolve, reject, names) {
  return (err, ...results) => {
    if (err) {
      reject(err);
    } else if (names !== undefined && results.length > 1) {
      const named = {};
      names.forEach((name, i) => { named[name] = results[i]; });
      resolve(named);
    } else {
      resolve(results[0]);
    }
  };
}

// Calls fn with a node-style callback appended and returns the promise that
// callback settles; a synchronous throw from fn rejects it too.
function callWithSettlingCallback(fn, thisArg, args, names) {
  let callback;
  let fail;
  const pending = new Promise((resolve, reject) => {
    callback = settle(resolve, reject, names);
    fail = reject;
  });
  try {
    Reflect.apply(fn, thisArg, [...args, callback]);
  } catch (err) {
    fail(err);
  }
  return pending;
}

function promisify(original) {
  validateFunction(original, 'original');

  const custom = original[customPromisifiedSymbol];
  if (custom) {
    validateFunction(custom, 'util.promisify.custom');
    return Object.defineProperty(custom, customPromisifiedSymbol, {
      value: custom, enumerable: false, writable: false, configurable: true,
    });
  }

  const resultNames = original[customPromisifyArgs];
  function promisified(...args) {
    return callWithSettlingCallback(original, this, args, resultNames);
  }

  Object.setPrototypeOf(promisified, Object.getPrototypeOf(original));
  // Promisifying the result again returns it unchanged.
  Object.defineProperty(promisified, customPromisifiedSymbol, {
    value: promisified, enumerable: false, writable: false, configurable: true,
  });
  return copyOwnProperties(promisified, original);
}

promisify.custom = customPromisifiedSymbol;

// --- callbackify ----------------------------------------------------------

function callbackify(original) {
  validateFunction(original, 'original');

  function callbackified(...args) {
    const callback = args.pop();
    validateFunction(callback, 'last argument');
    const done = callback.bind(this);
    const onFulfilled = (value) => nextTick(done, null, value);
    // A falsy rejection still reaches the callback as an error, with the
    // original reason kept on it.
    const onRejected = (reason) => nextTick(
      done, reason || new codes.ERR_FALSY_VALUE_REJECTION(reason));
    Reflect.apply(original, this, args).then(onFulfilled, onRejected);
  }

  // The callback counts as one more parameter; the name says what happened.
  return copyOwnProperties(callbackified, original, (descriptors) => {
    const { length, name } = descriptors;
    if (length && typeof length.value === 'number') length.value += 1;
    if (name && typeof name.value === 'string') name.value += 'Callbackified';
  });
}

// --- inherits -------------------------------------------------------------

function inherits(ctor, superCtor) {
  if (ctor === undefined || ctor === null) {
    throw new codes.ERR_INVALID_ARG_TYPE('ctor', 'Function', ctor);
  }
  if (superCtor === undefined || superCtor === null) {
    throw new codes.ERR_INVALID_ARG_TYPE('superCtor', 'Function', superCtor);
  }
  const parentPrototype = superCtor.prototype;
  if (parentPrototype === undefined) {
    throw new codes.ERR_INVALID_ARG_TYPE('superCtor.prototype', 'Object',
                                         parentPrototype);
  }
  Object.defineProperty(ctor, 'super_', {
    value: superCtor, writable: true, configurable: true,
  });
  Object.setPrototypeOf(ctor.prototype, parentPrototype);
}

// --- small helpers --------------------------------------------------------

// Lone surrogates become U+FFFD; well-formed strings come back as they are.
function toUSVString(input) {
  const text = `${input}`;
  if (typeof text.toWellFormed === 'function') return text.toWellFormed();
  return text.replace(
    /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    '\ufffd');
}

// The wrapped callback runs on the first call only.
function once(callback) {
  let pending = true;
  return function onlyOnce(...args) {
    if (!pending) return undefined;
    pending = false;
    return Reflect.apply(callback, this, args);
  };
}

module.exports = {
  callbackify,
  customPromisifiedSymbol,
  customPromisifyArgs,
  deprecate,
  inherits,
  kEmptyObject,
  nextTick,
  once,
  promisify,
  toUSVString,
};
