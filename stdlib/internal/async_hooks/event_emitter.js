'use strict';
// events.EventEmitterAsyncResource: an EventEmitter whose listeners run in
// the async context it was made in. Built on first use from the
// EventEmitter class events.js passes in (so this file needs no events).

const { AsyncResource } = require('../../async_hooks');
const validators = require('../validators');

// The resource type: a string given for the options, else options.name
// (required when the class is used directly), else the subclass's name.
function typeFor(settings, target, base) {
  if (typeof settings === 'string') return settings;
  const given = settings === undefined || settings === null ?
    undefined : settings.name;
  if (target === base) validators.validateString(given, 'options.name');
  return given || target.name;
}

// Where each emitter keeps its resource.
const kResource = Symbol('asyncResource');

function makeEventEmitterAsyncResource(EventEmitter) {
  // The resource keeps a reference back to its emitter, as Node's does.
  class EventEmitterReferencingAsyncResource extends AsyncResource {
    constructor(emitter, type, settings) {
      super(type, settings);
      this.eventEmitter = emitter;
    }
  }

  class EventEmitterAsyncResource extends EventEmitter {
    constructor(settings) {
      const type = typeFor(settings, new.target, EventEmitterAsyncResource);
      const rest = typeof settings === 'string' ? undefined : settings;
      super(rest);
      Object.defineProperty(this, kResource, {
        value: new EventEmitterReferencingAsyncResource(this, type, rest),
      });
    }

    emit(event, ...args) {
      return this[kResource].runInAsyncScope(super.emit, this, event, ...args);
    }

    emitDestroy() {
      this[kResource].emitDestroy();
    }
  }
  // Accessors onto the resource, in Node's order.
  const views = {
    asyncId: (resource) => resource.asyncId(),
    triggerAsyncId: (resource) => resource.triggerAsyncId(),
    asyncResource: (resource) => resource,
  };
  for (const [key, view] of Object.entries(views)) {
    Object.defineProperty(EventEmitterAsyncResource.prototype, key, {
      get() { return view(this[kResource]); },
      configurable: true,
    });
  }
  return EventEmitterAsyncResource;
}

module.exports = { makeEventEmitterAsyncResource };
