'use strict';
// The stdlib's entry. Builds the global environment and returns the hooks C++
// drives the app through. It runs once while the base snapshot is built (or
// at startup when no snapshot fits), so nothing here may read argv, env, the
// cwd, the clock or randomness, nor open anything (STYLE.md).

const builtins = require('./modules/builtins');
const process = require('../process');
const timers = require('../timers');
const { queueMicrotask, processTicksAndRejections } =
  require('./process/task_queues');
const { promiseRejectHandler } = require('./process/promises');
const {
  fatalException, emitBeforeExit, emitExit,
} = require('./process/execution');
const { processTimers, processImmediate } = require('./timers');
const { prepareApp, runMain } = require('./modules/run_main');
const { prepareStackTrace } = require('./source_map');

// Every builtin is evaluated now, so the snapshot holds it ready.
builtins.loadAll();

function defineGlobal(name, value, enumerable = false) {
  Object.defineProperty(globalThis, name, {
    value, writable: true, configurable: true, enumerable,
  });
}

defineGlobal('global', globalThis);
defineGlobal('process', process);
defineGlobal('console', builtins.loadBuiltin('console'));
defineGlobal('setTimeout', timers.setTimeout, true);
defineGlobal('clearTimeout', timers.clearTimeout, true);
defineGlobal('setInterval', timers.setInterval, true);
defineGlobal('clearInterval', timers.clearInterval, true);
defineGlobal('setImmediate', timers.setImmediate, true);
defineGlobal('clearImmediate', timers.clearImmediate, true);
defineGlobal('queueMicrotask', queueMicrotask, true);

module.exports = {
  runMain,
  prepareApp,
  processTicksAndRejections,
  processTimers,
  processImmediate,
  promiseRejectHandler,
  fatalException,
  emitBeforeExit,
  emitExit,
  prepareStackTrace,
  importBuiltin: builtins.importBuiltin,
};
