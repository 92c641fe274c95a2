'use strict';
// node:diagnostics_channel: named pub/sub channels and tracing channels that
// libraries (undici, fastify) publish to and tools subscribe to.

const { codes } = require('./internal/errors');
const { validateFunction } = require('./internal/validators');

const { ERR_INVALID_ARG_TYPE } = codes;

// name -> WeakRef(channel). A channel with subscribers or bound stores is
// also kept in `inUse`, so it cannot be collected while someone listens;
// an idle one lives only as long as the caller holds it, as in Node.
const registry = new Map();
const inUse = new Set();
const forget = new FinalizationRegistry((name) => {
  const ref = registry.get(name);
  if (ref !== undefined && ref.deref() === undefined) registry.delete(name);
});

// Errors thrown by a subscriber must not stop the publisher nor the other
// subscribers: they surface later as uncaught exceptions.
function reportLater(err) {
  process.nextTick(() => { throw err; });
}

class Channel {
  constructor(name) {
    this._subscribers = undefined;
    this._stores = undefined;
    this.name = name;
  }

  // An active channel has its own prototype (as Node's does), yet it stays
  // an instance of Channel.
  static [Symbol.hasInstance](value) {
    if (value === null || typeof value !== 'object') return false;
    const proto = Object.getPrototypeOf(value);
    return proto === Channel.prototype || proto === ActiveChannel.prototype;
  }

  get hasSubscribers() { return false; }

  subscribe(subscription) {
    validateFunction(subscription, 'subscription');
    activate(this);
    this.subscribe(subscription);
  }

  unsubscribe() { return false; }

  bindStore(store, transform) {
    activate(this);
    this.bindStore(store, transform);
  }

  unbindStore() { return false; }

  publish() {}

  runStores(data, fn, thisArg, ...args) {
    return Reflect.apply(fn, thisArg, args);
  }
}

// The prototype a channel switches to while it has listeners: publishing
// on an idle channel stays a no-op call.
class ActiveChannel {
  get hasSubscribers() { return true; }

  subscribe(subscription) {
    validateFunction(subscription, 'subscription');
    // Copy on write: a publish in progress keeps iterating its own list.
    this._subscribers = [...this._subscribers, subscription];
  }

  unsubscribe(subscription) {
    const at = this._subscribers.indexOf(subscription);
    if (at === -1) return false;
    const rest = this._subscribers.slice();
    rest.splice(at, 1);
    this._subscribers = rest;
    deactivateIfIdle(this);
    return true;
  }

  bindStore(store, transform) {
    const stores = new Map(this._stores);
    stores.set(store, transform);
    this._stores = stores;
  }

  unbindStore(store) {
    if (!this._stores.has(store)) return false;
    const stores = new Map(this._stores);
    stores.delete(store);
    this._stores = stores;
    deactivateIfIdle(this);
    return true;
  }

  publish(data) {
    const list = this._subscribers;
    for (let i = 0; i < list.length; i++) {
      try {
        list[i](data, this.name);
      } catch (err) {
        reportLater(err);
      }
    }
  }

  runStores(data, fn, thisArg, ...args) {
    // Innermost step: publish inside every store, then run fn.
    let step = () => {
      this.publish(data);
      return Reflect.apply(fn, thisArg, args);
    };
    for (const [store, transform] of this._stores) {
      const inner = step;
      let value = data;
      if (typeof transform === 'function') {
        try {
          value = transform(data);
        } catch (err) {
          // A failing transform skips its store but not the work.
          reportLater(err);
          continue;
        }
      }
      step = () => store.run(value, inner);
    }
    return step();
  }
}

function activate(channel) {
  Object.setPrototypeOf(channel, ActiveChannel.prototype);
  channel._subscribers = [];
  channel._stores = new Map();
  inUse.add(channel);
}

function deactivateIfIdle(channel) {
  if (channel._subscribers.length !== 0 || channel._stores.size !== 0) return;
  Object.setPrototypeOf(channel, Channel.prototype);
  channel._subscribers = undefined;
  channel._stores = undefined;
  inUse.delete(channel);
}

function channel(name) {
  const ref = registry.get(name);
  const known = ref === undefined ? undefined : ref.deref();
  if (known !== undefined) return known;
  if (typeof name !== 'string' && typeof name !== 'symbol') {
    throw new ERR_INVALID_ARG_TYPE('channel', ['string', 'symbol'], name);
  }
  const made = new Channel(name);
  registry.set(name, new WeakRef(made));
  forget.register(made, name);
  return made;
}

function hasSubscribers(name) {
  const ref = registry.get(name);
  const known = ref === undefined ? undefined : ref.deref();
  return known !== undefined && known.hasSubscribers;
}

function subscribe(name, subscription) {
  channel(name).subscribe(subscription);
}

function unsubscribe(name, subscription) {
  return channel(name).unsubscribe(subscription);
}

const kTraceEvents = ['start', 'end', 'asyncStart', 'asyncEnd', 'error'];

class TracingChannel {
  constructor(nameOrChannels) {
    for (const event of kTraceEvents) {
      let ch;
      if (typeof nameOrChannels === 'string') {
        ch = channel(`tracing:${nameOrChannels}:${event}`);
      } else {
        ch = nameOrChannels[event];
        if (!(ch instanceof Channel)) {
          throw new ERR_INVALID_ARG_TYPE(`nameOrChannels.${event}`,
                                         'Channel', ch);
        }
      }
      Object.defineProperty(this, event, { value: ch });
    }
  }

  get hasSubscribers() {
    for (const event of kTraceEvents) {
      if (this[event].hasSubscribers) return true;
    }
    return false;
  }

  subscribe(handlers) {
    for (const event of kTraceEvents) {
      if (handlers[event]) this[event].subscribe(handlers[event]);
    }
  }

  unsubscribe(handlers) {
    let all = true;
    for (const event of kTraceEvents) {
      if (handlers[event] && !this[event].unsubscribe(handlers[event])) {
        all = false;
      }
    }
    return all;
  }

  traceSync(fn, context = {}, thisArg, ...args) {
    if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args);
    const { start, end, error } = this;
    return start.runStores(context, () => {
      try {
        const result = Reflect.apply(fn, thisArg, args);
        context.result = result;
        return result;
      } catch (err) {
        context.error = err;
        error.publish(context);
        throw err;
      } finally {
        end.publish(context);
      }
    });
  }

  tracePromise(fn, context = {}, thisArg, ...args) {
    if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args);
    const { start, end, asyncStart, asyncEnd, error } = this;
    const settled = () => {
      asyncStart.publish(context);
      asyncEnd.publish(context);
    };
    return start.runStores(context, () => {
      try {
        const pending = Reflect.apply(fn, thisArg, args);
        return Promise.prototype.then.call(pending, (result) => {
          context.result = result;
          settled();
          return result;
        }, (err) => {
          context.error = err;
          error.publish(context);
          settled();
          throw err;
        });
      } catch (err) {
        context.error = err;
        error.publish(context);
        throw err;
      } finally {
        end.publish(context);
      }
    });
  }

  traceCallback(fn, position = -1, context = {}, thisArg, ...args) {
    if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args);
    const { start, end, asyncStart, asyncEnd, error } = this;
    const callback = args.at(position);
    validateFunction(callback, 'callback');
    function traced(err, result) {
      if (err) {
        context.error = err;
        error.publish(context);
      } else {
        context.result = result;
      }
      return asyncStart.runStores(context, () => {
        try {
          return Reflect.apply(callback, this, arguments);
        } finally {
          asyncEnd.publish(context);
        }
      });
    }
    args.splice(position, 1, traced);
    return start.runStores(context, () => {
      try {
        return Reflect.apply(fn, thisArg, args);
      } catch (err) {
        context.error = err;
        error.publish(context);
        throw err;
      } finally {
        end.publish(context);
      }
    });
  }
}

function tracingChannel(nameOrChannels) {
  if (typeof nameOrChannels !== 'string' &&
      (nameOrChannels === null || typeof nameOrChannels !== 'object')) {
    throw new ERR_INVALID_ARG_TYPE('nameOrChannels',
                                   ['string', 'TracingChannel', 'Object'],
                                   nameOrChannels);
  }
  if (nameOrChannels instanceof TracingChannel) return nameOrChannels;
  return new TracingChannel(nameOrChannels);
}

module.exports = {
  channel,
  hasSubscribers,
  subscribe,
  tracingChannel,
  unsubscribe,
  Channel,
};
