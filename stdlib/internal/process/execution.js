'use strict';
// Errors nothing caught, and the end of the event loop: what C++ calls when
// a callback from the loop throws (fatalException), when the loop empties
// (emitBeforeExit, then emitExit), and what the tick and rejection queues
// call for an exception that escaped (reportUncaught).

const process = require('./object');
const { printUncaught, runExitListeners, exitNow, toExitCode } =
  require('./exit');
const { writeString } = internalBinding('stdio');

// With an 'uncaughtException' listener the process goes on; without one the
// error is printed and the process ends with code 1.
// `where` is the source line the error was thrown at, with its caret line
// (C++ makes it, when it knows), printed above the error as Node does.
function reportUncaught(err, fromPromise, where) {
  const origin = fromPromise ? 'unhandledRejection' : 'uncaughtException';
  process.emit('uncaughtExceptionMonitor', err, origin);
  if (process.listenerCount('uncaughtException') === 0) {
    // In a worker the error goes to the parent's Worker 'error' event.
    if (uncaughtForwarder === undefined || !uncaughtForwarder(err)) {
      printUncaught(err, where);
    }
    exitNow(1);
    return;
  }
  process.emit('uncaughtException', err, origin);
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
  fatalException,
  setMainModuleAwaiting,
  setUncaughtForwarder,
  emitBeforeExit,
  emitExit,
};
