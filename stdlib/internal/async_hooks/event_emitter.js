'use strict';
// events.EventEmitterAsyncResource: an EventEmitter whose listeners run in
// the async context it was made in. Built on first use from the
// EventEmitter class events.js passes in (so this file needs no events).

const { AsyncResource } = require('../../async_hooks');
const { validateString } = require('../validators');

const kResource = Symbol('asyncResource');

function makeEventEmitterAsyncResource(EventEmitter) {
  // The resource keeps a reference back to its emitter, as Node's does.
  class EventEmitterReferencingAsyncResource extends AsyncResource {
    constructor(emitter, type, options) {
      super(type, options);
      this.eventEmitter = emitter;
    }
  }

  class EventEmitterAsyncResource extends EventEmitter {
    constructor(options = undefined) {
      let name;
      if (typeof options === 'string') {
        name = options;
        options = undefined;
      } else {
        if (new.target === EventEmitterAsyncResource) {
          validateString(options?.name, 'options.name');
        }
        name = options?.name || new.target.name;
      }
      super(options);
      Object.defineProperty(this, kResource, {
        value: new EventEmitterReferencingAsyncResource(this, name, options),
      });
    }

    emit(event, ...args) {
      return this[kResource].runInAsyncScope(super.emit, this, event, ...args);
    }

    emitDestroy() {
      this[kResource].emitDestroy();
    }

    get asyncId() {
      return this[kResource].asyncId();
    }

    get triggerAsyncId() {
      return this[kResource].triggerAsyncId();
    }

    get asyncResource() {
      return this[kResource];
    }
  }
  return EventEmitterAsyncResource;
}

module.exports = { makeEventEmitterAsyncResource };
