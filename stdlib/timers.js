'use strict';
// node:timers: setTimeout, setInterval, setImmediate and their clear twins.

const {
  Timeout, Immediate, clearTimer, clearImmediate,
} = require('./internal/timers');
const { validateFunction } = require('./internal/validators');

function setTimeout(callback, after, ...args) {
  validateFunction(callback, 'callback');
  return new Timeout(callback, after, args.length ? args : undefined, false,
                     true);
}

function setInterval(callback, repeat, ...args) {
  validateFunction(callback, 'callback');
  return new Timeout(callback, repeat, args.length ? args : undefined, true,
                     true);
}

function setImmediate(callback, ...args) {
  validateFunction(callback, 'callback');
  return new Immediate(callback, args.length ? args : undefined);
}

function clearTimeout(timer) {
  clearTimer(timer);
}

function clearInterval(timer) {
  // Like Node: either clear function clears either kind of timer.
  clearTimer(timer);
}

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
