'use strict';
// Errors nothing caught, and the end of the event loop: what C++ calls when
// a callback from the loop throws (fatalException), when the loop empties
// (emitBeforeExit, then emitExit), and what the tick and rejection queues
// call for an exception that escaped (reportUncaught).

const process = require('./object');
const {
  printUncaught, runExitListeners, toExitCode, setUncaughtHandler,
} = require('./exit');
const {
  ERR_INVALID_ARG_TYPE, ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET,
} = require('../errors').codes;
const { writeString } = internalBinding('stdio');
const { reallyExit } = internalBinding('process');

// The function process.setUncaughtExceptionCaptureCallback() installed:
// it takes errors nothing caught in place of 'uncaughtException'.
let captureCallback = null;

// null clears; a function is taken only while none is installed.
function installCapture(fn) {
  if (fn !== null && typeof fn !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('fn', ['Function', 'null'], fn);
  }
  if (fn !== null && captureCallback !== null) {
    throw new ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET();
  }
  captureCallback = fn;
}

const captureInstalled = () => captureCallback !== null;

// Offers an error nothing caught to whoever asked for it: the monitors
// always see it, then the capture callback or else the 'uncaughtException'
// listeners take it. False when nobody did.
function offerUncaught(err, fromPromise) {
  const origin = fromPromise ? 'unhandledRejection' : 'uncaughtException';
  process.emit('uncaughtExceptionMonitor', err, origin);
  if (captureCallback !== null) {
    captureCallback(err);
    return true;
  }
  if (process.listenerCount('uncaughtException') === 0) return false;
  process.emit('uncaughtException', err, origin);
  return true;
}
setUncaughtHandler(offerUncaught);

// process._fatalException(err, fromPromise), which apps may replace, as in
// Node. True when the error was taken; otherwise the process is ending
// with code 1: 'exit' runs, and the caller prints the error.
function processFatalException(err, fromPromise) {
  if (offerUncaught(err, fromPromise)) return true;
  if (!process._exiting) {
    process.exitCode = 1;
    runExitListeners(1);
  }
  return false;
}

// What C++ (a callback from the loop threw) and the tick and rejection
// queues call. `where` is the source line the error was thrown at, with its
// caret line (C++ makes it, when it knows), printed above the error as Node
// does. Anything but false from the hook means the error was dealt with.
function reportUncaught(err, fromPromise, where) {
  const handler = process._fatalException;
  if (typeof handler === 'function') {
    if (Reflect.apply(handler, process, [err, fromPromise]) !== false) return;
    // In a worker the error goes to the parent's Worker 'error' event.
    if (uncaughtForwarder === undefined || !uncaughtForwarder(err)) {
      printUncaught(err, where);
    }
    reallyExit(toExitCode(process.exitCode ?? 1));
  } else {
    // Node's exit code 6: the handler was replaced by a non-function.
    printUncaught(err, where);
    reallyExit(6);
  }
}

// worker_threads (internal/worker/child.js) sets this in a worker thread:
// it takes an error nothing caught and returns true once it has sent it.
let uncaughtForwarder;

function setUncaughtForwarder(fn) {
  uncaughtForwarder = fn;
}

function fatalException(err, where) {
  reportUncaught(err, false, where);
}

// The main ES module awaits at top level until this is cleared: an empty
// loop then means the await can never finish (Node's exit code 13).
let mainModuleAwaiting = false;

function setMainModuleAwaiting(awaiting) {
  mainModuleAwaiting = awaiting;
}

function emitBeforeExit() {
  if (process._exiting) return;
  const code = process.exitCode === undefined ? 0 : process.exitCode;
  process.emit('beforeExit', toExitCode(code));
}

// The loop is empty for good: emit 'exit' and return the exit code.
function emitExit() {
  if (mainModuleAwaiting && process.exitCode === undefined) {
    writeString(2, 'Warning: Detected unsettled top-level await at ' +
                   `${process.argv[1]}\n`);
    process.exitCode = 13;
  }
  return runExitListeners(process.exitCode === undefined ? 0 :
    process.exitCode);
}

module.exports = {
  reportUncaught,
  processFatalException,
  installCapture,
  captureInstalled,
  fatalException,
  setMainModuleAwaiting,
  setUncaughtForwarder,
  emitBeforeExit,
  emitExit,
};
