'use strict';
// events.defaultMaxListeners, shared by EventEmitter (events.js) and
// EventTarget (internal/event_target.js), and the warning both give past
// it: neither may require the other for these.

const { emitProcessWarning } = require('../process/warning');

let defaultLimit = 10;

// MaxListenersExceededWarning, worded as Node words it for `kind`
// ('EventEmitter' or 'EventTarget'); `owner` is { emitter } or { target }.
function warnOfLeak(kind, owner, shownAs, type, count, limit) {
  const advice = kind === 'EventTarget' ? 'events.setMaxListeners()' :
    'emitter.setMaxListeners()';
  const warning = new Error(`Possible ${kind} memory leak detected. ` +
    `${count} ${String(type)} listeners added to ${shownAs}. ` +
    `MaxListeners is ${limit}. Use ${advice} to increase limit`);
  warning.name = 'MaxListenersExceededWarning';
  Object.assign(warning, owner);
  warning.type = type;
  warning.count = count;
  emitProcessWarning(warning);
}

module.exports = {
  warnOfLeak,
  getDefaultLimit() {
    return defaultLimit;
  },
  setDefaultLimit(limit) {
    defaultLimit = limit;
  },
};
