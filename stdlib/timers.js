'use strict';
// node:timers: setTimeout, setInterval, setImmediate and their clear twins.

const {
  Timeout, Immediate, clearTimer, clearImmediate,
} = require('./internal/timers');
const { validateFunction } = require('./internal/validators');

// The callback comes first and must be a function; extra arguments are
// passed to it (kept as undefined when there are none, the common case).
function schedule(make, callback, args) {
  validateFunction(callback, 'callback');
  return make(callback, args.length === 0 ? undefined : args);
}

function setTimeout(callback, after, ...args) {
  return schedule((fn, extra) => new Timeout(fn, after, extra, false, true),
                  callback, args);
}

function setInterval(callback, repeat, ...args) {
  return schedule((fn, extra) => new Timeout(fn, repeat, extra, true, true),
                  callback, args);
}

function setImmediate(callback, ...args) {
  return schedule((fn, extra) => new Immediate(fn, extra), callback, args);
}

// Like Node, either clear function clears either kind of timer.
const clearTimeout = function clearTimeout(timer) {
  clearTimer(timer);
};
const clearInterval = function clearInterval(timer) {
  clearTimer(timer);
};

const promises = require('./timers/promises');
setTimeout[Symbol.for('nodejs.util.promisify.custom')] = promises.setTimeout;
setImmediate[Symbol.for('nodejs.util.promisify.custom')] =
  promises.setImmediate;

module.exports = {
  setTimeout,
  clearTimeout,
  setInterval,
  clearInterval,
  setImmediate,
  clearImmediate,
  promises,
};
