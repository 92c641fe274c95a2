'use strict';
// node:timers: setTimeout, setInterval, setImmediate and their clear twins.

const {
  Timeout, Immediate, clearTimer, clearImmediate, enroll, unenroll, activate,
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

// Node's legacy scheduling of arbitrary objects, deprecated there with a
// warning on first use. util's deprecate is only loaded when one is called.
function legacy(name, impl, code, instead) {
  let wrapped;
  const holder = {
    [name](...args) {
      if (wrapped === undefined) {
        const { deprecate } = require('./internal/util/common');
        wrapped = deprecate(impl,
                            `timers.${name}() is deprecated. ` +
                            `Please use ${instead} instead.`, code);
      }
      return wrapped(...args);
    },
  };
  return holder[name];
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
  active: legacy('active', (item) => activate(item, true), 'DEP0126',
                 'timeout.refresh()'),
  _unrefActive: legacy('_unrefActive', (item) => activate(item, false),
                       'DEP0127', 'timeout.refresh()'),
  enroll: legacy('enroll', enroll, 'DEP0095', 'setTimeout'),
  unenroll: legacy('unenroll', unenroll, 'DEP0096', 'clearTimeout'),
};
