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
const { prepareApp, runMain } = require('./modules/run_main');
const { prepareStackTrace } = require('./source_map');

// The builtins most apps load are evaluated now, so the snapshot holds
// them ready. The others are evaluated on first use: each object a module
// makes at load time is deserialized at every start, used or not, and these
// would add about a fifth to a small app's start-up (samples/hello: see the
// closing note of the session that made this list).
const kLoadedOnFirstUse = new Set([
  'child_process', 'constants', 'dgram', 'dns', 'dns/promises', 'net', 'perf_hooks', 'readline',
  'readline/promises', 'stream/web', 'sys', 'tty', 'v8', 'worker_threads',
]);
builtins.defineBuiltins(require('./modules/builtin_table'));
builtins.loadAll(kLoadedOnFirstUse);

function defineGlobal(name, value, enumerable = false) {
  Object.defineProperty(globalThis, name, {
    value, writable: true, configurable: true, enumerable,
  });
}

defineGlobal('global', globalThis);
defineGlobal('process', process);
defineGlobal('console', builtins.loadBuiltin('console'));
for (const name of ['setTimeout', 'clearTimeout', 'setInterval',
  'clearInterval', 'setImmediate', 'clearImmediate']) {
  defineGlobal(name, timers[name], true);
}
defineGlobal('queueMicrotask', queueMicrotask, true);
{
  const { Event, CustomEvent, EventTarget } = require('./event_target');
  const { AbortController, AbortSignal } = require('./abort_controller');
  const { DOMException } = require('./dom_exception');
  for (const [name, value] of Object.entries({ Event, CustomEvent,
    EventTarget, AbortController, AbortSignal, DOMException })) {
    defineGlobal(name, value);
  }
}
{
  // Accessors, as in Node: assigning replaces them with plain values.
  const defineReplaceable = (name, value, enumerable) => {
    Object.defineProperty(globalThis, name, {
      get() { return value; },
      set(v) { defineGlobal(name, v, enumerable); },
      enumerable,
      configurable: true,
    });
  };
  const buffer = builtins.loadBuiltin('buffer');
  defineReplaceable('Buffer', buffer.Buffer, false);
  defineReplaceable('atob', buffer.atob, true);
  defineReplaceable('btoa', buffer.btoa, true);
  defineReplaceable('Blob', buffer.Blob, false);
  defineReplaceable('File', buffer.File, false);
}
{
  const { URL, URLSearchParams } = require('./url/whatwg');
  defineGlobal('URL', URL);
  defineGlobal('URLSearchParams', URLSearchParams);
}
{
  const { TextEncoder, TextDecoder } = require('./encoding');
  defineGlobal('TextEncoder', TextEncoder);
  defineGlobal('TextDecoder', TextDecoder);
  defineGlobal('structuredClone',
               require('./structured_clone').structuredClone, true);
  // performance is an enumerable accessor in Node; assigning replaces it.
  let performance = builtins.loadBuiltin('perf_hooks').performance;
  Object.defineProperty(globalThis, 'performance', {
    get: function performanceGetter() { return performance; },
    set: function performanceSetter(value) { performance = value; },
    enumerable: true, configurable: true,
  });
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

module.exports = {
  runMain,
  prepareApp,
  processTicksAndRejections: drainQueues,
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
