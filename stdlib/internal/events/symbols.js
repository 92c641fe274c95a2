// Private keys shared by node:events and its helpers.
'use strict';

// The descriptions are visible (util.inspect() prints the first two on every
// emitter), so they are Node's.
module.exports = {
  // Own boolean on each emitter: are rejected listener promises captured?
  kCapture: Symbol('kCapture'),
  // Own boolean on each emitter: was the listener table adopted from the
  // object (true) rather than created by init (false)?
  kShapeMode: Symbol('shapeMode'),
  kErrorMonitor: Symbol('events.errorMonitor'),
  // Where EventTarget-style objects keep their limit and warned flag.
  kMaxEventTargetListeners: Symbol('events.maxEventTargetListeners'),
  kMaxEventTargetListenersWarned:
    Symbol('events.maxEventTargetListenersWarned'),
  // EventTarget listeners registered with this flag ignore
  // stopImmediatePropagation().
  kResistStopPropagation: Symbol('kResistStopPropagation'),
  // EventTarget method: (type) -> its listeners, for events.getEventListeners.
  kListenersOf: Symbol('kListenersOf'),
};
