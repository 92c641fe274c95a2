'use strict';
// events.defaultMaxListeners, shared by EventEmitter (events.js) and
// EventTarget (internal/event_target.js): both warn past it, and neither
// may require the other for it.

let defaultLimit = 10;

module.exports = {
  getDefaultLimit() {
    return defaultLimit;
  },
  setDefaultLimit(limit) {
    defaultLimit = limit;
  },
};
