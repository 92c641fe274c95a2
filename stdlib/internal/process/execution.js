'use strict';
// Uncaught exceptions and the end of the process: 'uncaughtException',
// printing a fatal error, 'beforeExit', 'exit' and process.exit().

const processBinding = internalBinding('process');

function process() {
  return require('../../process');
}

// Node prints an uncaught Error as util.inspect does (stack plus own
// properties such as code); other thrown values are marked "Uncaught".
function formatFatal(err) {
  const { inspect } = require('../util/inspect');
  try {
    if (err instanceof Error || (typeof err === 'object' && err !== null &&
        typeof err.stack === 'string')) {
      return inspect(err);
    }
    return `Uncaught ${inspect(err)}`;
  } catch {
    try {
      return `Uncaught ${String(err)}`;
    } catch {
      return 'Uncaught exception (cannot be printed)';
    }
  }
}

function writeStderr(text) {
  try {
    internalBinding('stdio').writeString(2, text);
  } catch {
    // Nowhere left to report to.
  }
}

// Ends the process with `code`, emitting 'exit' first (once).
function exitNow(code) {
  const proc = process();
  if (!proc._exiting) {
    proc._exiting = true;
    proc.exitCode = code;
    try {
      proc.emit('exit', code);
    } catch (err) {
      writeStderr(`${formatFatal(err)}\n`);
      processBinding.reallyExit(7);
    }
  }
  const final = proc.exitCode === undefined ? code : proc.exitCode;
  processBinding.reallyExit(toExitCode(final));
}

function toExitCode(code) {
  const n = Number(code);
  return Number.isInteger(n) ? n & 0xff : 0;
}

// An exception nothing caught. With an 'uncaughtException' listener the
// process goes on; otherwise the error is printed and the process exits 1.
function triggerUncaughtException(err, fromPromise) {
  const proc = process();
  const origin = fromPromise ? 'unhandledRejection' : 'uncaughtException';
  proc.emit('uncaughtExceptionMonitor', err, origin);
  if (proc.listenerCount('uncaughtException') > 0) {
    proc.emit('uncaughtException', err, origin);
    return;
  }
  writeStderr(`${formatFatal(err)}\n`);
  exitNow(1);
}

// Called by C++ with an exception a callback from the loop threw.
function fatalException(err) {
  triggerUncaughtException(err, false);
}

function emitBeforeExit() {
  const proc = process();
  if (proc._exiting) return;
  const code = proc.exitCode === undefined ? 0 : proc.exitCode;
  proc.emit('beforeExit', toExitCode(code));
}

// The loop is empty: emit 'exit' and return the exit code.
function emitExit() {
  const proc = process();
  if (proc.exitCode === undefined &&
      require('../modules/run_main').unsettledMainModule()) {
    writeStderr('Warning: Detected unsettled top-level await at ' +
                `${proc.argv[1]}\n`);
    proc.exitCode = 13;
  }
  const code = proc.exitCode === undefined ? 0 : proc.exitCode;
  if (!proc._exiting) {
    proc._exiting = true;
    proc.emit('exit', toExitCode(code));
  }
  return toExitCode(proc.exitCode === undefined ? code : proc.exitCode);
}

module.exports = {
  triggerUncaughtException,
  fatalException,
  emitBeforeExit,
  emitExit,
  exitNow,
  toExitCode,
};
