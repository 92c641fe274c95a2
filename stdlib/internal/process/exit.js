'use strict';
// How the process ends: the exit code rules, the one-time 'exit' event, and
// printing an error nothing caught. process.exit() and the end of the event
// loop (execution.js) both come through here.

const process = require('./object');
const { closeTickQueue } = require('./ticks');
const { inspect } = require('../util/inspect');
const { reallyExit } = internalBinding('process');
const { writeString } = internalBinding('stdio');

// What the OS gets: the low 8 bits of an integer code; anything else is 0.
function toExitCode(code) {
  const n = Number(code);
  return Number.isInteger(n) ? n & 0xff : 0;
}

// An Error (or anything with a string stack) prints as util.inspect shows
// it: stack plus own properties such as code. Other values are marked.
function describeUncaught(value) {
  try {
    const errorLike = value instanceof Error ||
      (typeof value === 'object' && value !== null &&
       typeof value.stack === 'string');
    return errorLike ? inspect(value) : `Uncaught ${inspect(value)}`;
  } catch {
    try {
      return `Uncaught ${String(value)}`;
    } catch {
      return 'Uncaught exception (cannot be printed)';
    }
  }
}

function printUncaught(value, where) {
  try {
    const head = typeof where === 'string' && where !== '' ? `${where}\n` : '';
    writeString(2, `${head}${describeUncaught(value)}\n`);
  } catch {
    // stderr is gone: nowhere left to report to.
  }
}

function currentCode(fallback) {
  return process.exitCode === undefined ? fallback : process.exitCode;
}

// execution.js hands over how an uncaught error is offered to the app's
// handlers (true when one took it); it requires this module, not back.
let offerUncaught = () => false;

function setUncaughtHandler(fn) {
  offerUncaught = fn;
}

// Emits 'exit' unless it already ran, and returns the final exit code. A
// listener that throws is an uncaught error like any other: the app's
// handlers may take it; if none does it is printed and the process ends
// with process.exitCode, or 1 when that was never set (Node's rule).
function runExitListeners(code) {
  if (process._exiting) return toExitCode(currentCode(code));
  process._exiting = true;
  closeTickQueue();
  try {
    process.emit('exit', toExitCode(code));
  } catch (err) {
    if (!offerUncaught(err, false)) {
      printUncaught(err);
      return toExitCode(currentCode(1));
    }
  }
  return toExitCode(currentCode(code));
}

// process.exit(): the 'exit' listeners run, then the process ends now.
function exitNow(code) {
  reallyExit(runExitListeners(code));
}

module.exports = {
  toExitCode, describeUncaught, printUncaught, runExitListeners, exitNow,
  setUncaughtHandler,
};
