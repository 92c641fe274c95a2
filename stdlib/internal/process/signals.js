'use strict';
// Signals: process.on('SIGINT', ...) watches the signal through a libuv
// handle while it has listeners (with none, the signal's default action
// applies, as in Node), and process.kill() sends one.

const process = require('./object');
const { errnoException, codes } = require('../errors');
const { signals } = require('../validators');

const binding = internalBinding('signal');

function isSignalName(name) {
  return typeof name === 'string' && signals[name] !== undefined;
}

// Listeners get the signal's name and number, as in Node.
function startListeningIfSignal(name) {
  if (!isSignalName(name) || process.listenerCount(name) !== 0) return;
  const number = signals[name];
  const err = binding.start(number, () => process.emit(name, name, number));
  if (err !== 0) throw errnoException(err, 'uv_signal_start');
}

function stopListeningIfSignal(name) {
  if (!isSignalName(name) || process.listenerCount(name) !== 0) return;
  binding.stop(signals[name]);
}

process.on('newListener', startListeningIfSignal);
process.on('removeListener', stopListeningIfSignal);

// `jspack --build-snapshot`: no signal handle may be in the snapshot, so the
// ones listeners made at pack time are closed (closeSignalHandles), and a
// start watches again each signal that still has listeners.
function signalsWithListeners() {
  return Object.keys(signals).filter((name) => process.listenerCount(name) > 0);
}

function closeSignalHandles() {
  for (const name of signalsWithListeners()) binding.stop(signals[name]);
}

function reopenSignalHandles() {
  for (const name of signalsWithListeners()) {
    const number = signals[name];
    const err = binding.start(number, () => process.emit(name, name, number));
    if (err !== 0) throw errnoException(err, 'uv_signal_start');
  }
}

// kill(pid[, signal]). As in Node: an integer signal goes to kill(2) as it
// is (0 only tests that the process exists); anything falsy means SIGTERM;
// otherwise it must be a signal name. A pid passes if it loosely equals
// its int32 value (so '1' does, NaN and 1.5 do not).
function kill(pid, signal) {
  // eslint-disable-next-line eqeqeq
  if (pid != (pid | 0)) {
    throw new codes.ERR_INVALID_ARG_TYPE('pid', 'number', pid);
  }
  let number = signal;
  if (signal !== (signal | 0)) {
    const name = signal || 'SIGTERM';
    if (!isSignalName(name)) throw new codes.ERR_UNKNOWN_SIGNAL(name);
    number = signals[name];
  }
  const err = binding.kill(pid | 0, number);
  if (err !== 0) throw errnoException(err, 'kill');
  return true;
}

module.exports = { kill, closeSignalHandles, reopenSignalHandles };
