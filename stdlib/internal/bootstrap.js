'use strict';
// The stdlib's entry, and the top of its one-way dependency order:
//   errors, validators, inspect  <-  ticks, warning  <-  events
//   <-  process object, exit  <-  execution, promises, task queues, timers
//   <-  node:process  <-  module registry, builtins  <-  app (run_main)
// It builds the global environment and returns the hooks C++ drives the app
// through. It runs once while the base snapshot is built (or at startup when
// no snapshot fits), so nothing here may read argv, env, the cwd, the clock
// or randomness, nor open anything (STYLE.md).

// Node 20 has Symbol.dispose and Symbol.asyncDispose ahead of V8, as the
// registered symbols nodejs.dispose and nodejs.asyncDispose; they must exist
// before any module below reads them.
for (const [name, description] of [['dispose', 'nodejs.dispose'],
  ['asyncDispose', 'nodejs.asyncDispose']]) {
  if (typeof Symbol[name] !== 'symbol') {
    Object.defineProperty(Symbol, name, { value: Symbol.for(description) });
  }
}

const builtins = require('./modules/builtins');
const process = require('../process');
const timers = require('../timers');
const { queueMicrotask, drainQueues } = require('./process/task_queues');
const { promiseRejectHandler } = require('./process/promises');
const {
  fatalException, emitBeforeExit, emitExit,
} = require('./process/execution');
const { processTimers, processImmediate } = require('./timers');
const {
  prepareApp, runMain, buildApp, finishAppBuild, startInitializedApp, setCodeCacheMaker,
} = require('./modules/run_main');
// The loader's pack-time code-cache maker (scripts/stdlib-image.js).
setCodeCacheMaker(require.makeCodeCaches);
const { prepareStackTrace } = require('./source_map');

// Builtins are evaluated on first require, not here: each module this
// bootstrap evaluates puts its source and objects into every snapshot, and
// every start deserializes them, used or not. A packed app's snapshot holds
// the builtins its bundle names (prepareApp loads them at pack time); the
// others compile when first required (samples/hello: 77 to 67 million
// instructions to exit, measured with callgrind; see the image builder,
// scripts/stdlib-image.js).
builtins.defineBuiltins(require('./modules/builtin_table'));


function defineGlobal(name, value, enumerable = false) {
  Object.defineProperty(globalThis, name, {
    value, writable: true, configurable: true, enumerable,
  });
}

defineGlobal('global', globalThis);
// As in Node, the global object is tagged [object global] (assert's deep
// comparisons tell it from a copy by that).
Object.defineProperty(globalThis, Symbol.toStringTag, {
  value: 'global', writable: false, enumerable: false, configurable: true,
});
defineGlobal('process', process);
defineGlobal('console', builtins.loadBuiltin('console'));
for (const name of ['setTimeout', 'clearTimeout', 'setInterval',
  'clearInterval', 'setImmediate', 'clearImmediate']) {
  defineGlobal(name, timers[name], true);
}
defineGlobal('queueMicrotask', queueMicrotask, true);
// Node's accessor globals: the getter loads the module on first use (so a
// start that never touches one pays nothing for it) and, as in Node, puts
// the value in its place, except for Buffer and performance, which stay
// accessors; assigning replaces the accessor with a plain value. The
// accessors are named as Node's are ("get TextEncoder"; Buffer's plainly
// "get" and "set").
function defineLazyGlobal(name, load, enumerable = false) {
  const stays = name === 'Buffer' || name === 'performance';
  let value;
  const get = () => {
    value ??= load();
    if (!stays) defineGlobal(name, value, enumerable);
    return value;
  };
  const set = (v) => defineGlobal(name, v, enumerable);
  const accessors = name === 'Buffer' ? { get, set } : {
    get [name]() { return get(); },
    set [name](v) { set(v); },
  };
  const own = Object.getOwnPropertyDescriptor(accessors, name);
  Object.defineProperty(globalThis, name, {
    get: own === undefined ? accessors.get : own.get,
    set: own === undefined ? accessors.set : own.set,
    enumerable,
    configurable: true,
  });
}

{
  // EventTarget, Event and CustomEvent are plain values in Node.
  const { Event, CustomEvent, EventTarget } = require('./event_target');
  for (const [name, value] of Object.entries({ Event, CustomEvent, EventTarget })) {
    defineGlobal(name, value);
  }
  defineLazyGlobal('AbortController', () => require('./abort_controller').AbortController);
  defineLazyGlobal('AbortSignal', () => require('./abort_controller').AbortSignal);
  defineLazyGlobal('DOMException', () => require('./dom_exception').DOMException);
  const buffer = () => builtins.loadBuiltin('buffer');
  defineLazyGlobal('Buffer', () => buffer().Buffer);
  defineLazyGlobal('atob', () => buffer().atob, true);
  defineLazyGlobal('btoa', () => buffer().btoa, true);
  defineLazyGlobal('Blob', () => buffer().Blob);
  defineLazyGlobal('File', () => buffer().File);
}
{
  const { URL, URLSearchParams } = require('./url/whatwg');
  defineGlobal('URL', URL);
  defineGlobal('URLSearchParams', URLSearchParams);
}
{
  defineLazyGlobal('TextEncoder', () => require('./encoding').TextEncoder);
  defineLazyGlobal('TextDecoder', () => require('./encoding').TextDecoder);
  defineGlobal('structuredClone',
               require('./structured_clone').structuredClone, true);
  // performance is an enumerable accessor in Node; node:perf_hooks loads on
  // first use.
  defineLazyGlobal('performance', () => builtins.loadBuiltin('perf_hooks').performance, true);
  // Node 20, whose API jspack implements, has no navigator global (Node
  // 21 added it): it is there for code that asks for it, but not among the
  // global object's enumerable keys, which stay Node 20's.
  const { navigator } = require('./navigator');
  Object.defineProperty(globalThis, 'navigator', {
    get: function navigatorGetter() { return navigator; },
    enumerable: false, configurable: true,
  });
}

{
  // The web streams are accessors that load node:stream/web on first use,
  // as in Node; assigning one replaces it with a plain value.
  for (const name of ['TransformStream', 'TransformStreamDefaultController',
    'WritableStream', 'WritableStreamDefaultController',
    'WritableStreamDefaultWriter', 'ReadableStream',
    'ReadableStreamDefaultReader', 'ReadableStreamBYOBReader',
    'ReadableStreamBYOBRequest', 'ReadableByteStreamController',
    'ReadableStreamDefaultController', 'ByteLengthQueuingStrategy',
    'CountQueuingStrategy', 'TextEncoderStream', 'TextDecoderStream']) {
    const accessors = {
      [`get ${name}`]() { return builtins.loadBuiltin('stream/web')[name]; },
      [`set ${name}`](value) { defineGlobal(name, value); },
    };
    Object.defineProperty(globalThis, name, {
      get: accessors[`get ${name}`], set: accessors[`set ${name}`],
      enumerable: false, configurable: true,
    });
  }
}
{
  // fetch is a plain function, as in Node, that loads undici (./fetch) on
  // its first call; its classes are lazy accessors. WebSocket and
  // EventSource come with --experimental-websocket/-eventsource (run_main).
  defineGlobal('fetch', function fetch(input, init = undefined) {
    return require('./fetch').fetch(input, init);
  }, true);
  for (const name of ['Request', 'Response', 'Headers', 'FormData']) {
    defineLazyGlobal(name, () => require('./fetch')[name]);
  }
}
{
  // worker_threads' classes as globals, looked up on first use.
  const lazyWorkerGlobal = (name) => {
    Object.defineProperty(globalThis, name, {
      get() { return require('./worker/io')[name]; },
      set(v) { defineGlobal(name, v); },
      enumerable: false,
      configurable: true,
    });
  };
  for (const name of ['MessageChannel', 'MessagePort', 'MessageEvent',
    'BroadcastChannel']) {
    lazyWorkerGlobal(name);
  }
}

{
  // Web Crypto: globalThis.crypto is an enumerable getter without a setter
  // (as in Node 20); the classes are accessors. All load on first use.
  const webcrypto = () => require('./crypto/webcrypto');
  Object.defineProperty(globalThis, 'crypto', {
    get: function crypto() { return webcrypto().crypto; },
    enumerable: true, configurable: true,
  });
  for (const name of ['Crypto', 'CryptoKey', 'SubtleCrypto']) {
    Object.defineProperty(globalThis, name, {
      get() { return webcrypto()[name]; },
      set(v) { defineGlobal(name, v); },
      enumerable: false, configurable: true,
    });
  }
}

{
  // CompressionStream and DecompressionStream load node:zlib on first use.
  for (const name of ['CompressionStream', 'DecompressionStream']) {
    const accessors = {
      [`get ${name}`]() { return require('./zlib/web')[name]; },
      [`set ${name}`](value) { defineGlobal(name, value); },
    };
    Object.defineProperty(globalThis, name, {
      get: accessors[`get ${name}`], set: accessors[`set ${name}`],
      enumerable: false, configurable: true,
    });
  }
}

module.exports = {
  runMain,
  prepareApp,
  // `jspack --build-snapshot` (runtime/core/snapshot.cc).
  buildApp,
  finishAppBuild,
  startInitializedApp,
  processTicksAndRejections: drainQueues,
  // Not a hook: the flags C++ reads before calling processTicksAndRejections.
  pendingQueues: require('./process/ticks').pendingQueues,
  processTimers,
  processImmediate,
  promiseRejectHandler,
  fatalException,
  emitBeforeExit,
  emitExit,
  prepareStackTrace,
  importBuiltin: builtins.importBuiltin,
  // A worker_threads Worker's thread starts here instead of runMain.
  runWorker: (boot) => require('./worker/child').runWorker(boot),
};
