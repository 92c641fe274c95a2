'use strict';
// node:diagnostics_channel: named pub/sub channels and tracing channels that
// libraries (undici, fastify) publish to and tools subscribe to.

const { codes } = require('./internal/errors');
const { validateFunction } = require('./internal/validators');

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
  process.nextTick(rethrow, err);
}

function rethrow(err) {
  throw err;
}

class Channel {
  constructor(name) {
    // Node's field names and order (they show in util.inspect).
    Object.assign(this, { _subscribers: undefined, _stores: undefined, name });
  }

  // An active channel has its own prototype (as Node's does), yet it stays
  // an instance of Channel.
  static [Symbol.hasInstance](value) {
    if (value === null || typeof value !== 'object') return false;
    const proto = Object.getPrototypeOf(value);
    return proto === Channel.prototype || proto === ActiveChannel.prototype;
  }

  get hasSubscribers() { return false; }

  subscribe(listener) {
    validateFunction(listener, 'subscription');
    activate(this).subscribe(listener);
  }

  unsubscribe() { return false; }

  bindStore(storage, transformFn) {
    activate(this).bindStore(storage, transformFn);
  }

  unbindStore() { return false; }

  publish() {}

  runStores(message, work, receiver, ...rest) {
    return Reflect.apply(work, receiver, rest);
  }
}

// The prototype a channel switches to while it has listeners: publishing
// on an idle channel stays a no-op call.
class ActiveChannel {
  get hasSubscribers() { return true; }

  subscribe(listener) {
    validateFunction(listener, 'subscription');
    // Copy on write: a publish in progress keeps iterating its own list.
    this._subscribers = this._subscribers.concat([listener]);
  }

  unsubscribe(listener) {
    const list = this._subscribers;
    const at = list.indexOf(listener);
    if (at < 0) return false;
    this._subscribers = list.filter((_, i) => i !== at);
    deactivateIfIdle(this);
    return true;
  }

  bindStore(storage, transformFn) {
    const next = new Map(this._stores);
    next.set(storage, transformFn);
    this._stores = next;
  }

  unbindStore(storage) {
    if (!this._stores.has(storage)) return false;
    const next = new Map(this._stores);
    next.delete(storage);
    this._stores = next;
    deactivateIfIdle(this);
    return true;
  }

  publish(message) {
    for (const listener of this._subscribers) {
      try {
        listener(message, this.name);
      } catch (err) {
        reportLater(err);
      }
    }
  }

  runStores(message, work, receiver, ...rest) {
    // Innermost step: publish inside every store, then run the work.
    let step = () => {
      this.publish(message);
      return Reflect.apply(work, receiver, rest);
    };
    for (const [storage, transformFn] of this._stores) {
      let value = message;
      if (typeof transformFn === 'function') {
        try {
          value = transformFn(message);
        } catch (err) {
          // A failing transform skips its store but not the work.
          reportLater(err);
          continue;
        }
      }
      const inner = step;
      step = () => storage.run(value, inner);
    }
    return step();
  }
}

function activate(ch) {
  Object.setPrototypeOf(ch, ActiveChannel.prototype);
  ch._subscribers = [];
  ch._stores = new Map();
  inUse.add(ch);
  return ch;
}

function deactivateIfIdle(ch) {
  if (ch._subscribers.length > 0 || ch._stores.size > 0) return;
  Object.setPrototypeOf(ch, Channel.prototype);
  Object.assign(ch, { _subscribers: undefined, _stores: undefined });
  inUse.delete(ch);
}

function lookup(key) {
  const ref = registry.get(key);
  return ref === undefined ? undefined : ref.deref();
}

function channel(key) {
  const known = lookup(key);
  if (known !== undefined) return known;
  const kind = typeof key;
  if (kind !== 'string' && kind !== 'symbol') {
    throw new codes.ERR_INVALID_ARG_TYPE('channel', ['string', 'symbol'], key);
  }
  const made = new Channel(key);
  registry.set(key, new WeakRef(made));
  forget.register(made, key);
  return made;
}

module.exports = {
  channel,
  hasSubscribers: (key) => lookup(key)?.hasSubscribers === true,
  subscribe: (key, listener) => channel(key).subscribe(listener),
  tracingChannel,
  unsubscribe: (key, listener) => channel(key).unsubscribe(listener),
  Channel,
};

const kTraceEvents = ['start', 'end', 'asyncStart', 'asyncEnd', 'error'];

// Runs work() between `start` (with its stores) and `end`; a throw is
// published on `error` and rethrown.
function traced(tc, ctx, work) {
  return tc.start.runStores(ctx, () => {
    try {
      return work();
    } catch (err) {
      ctx.error = err;
      tc.error.publish(ctx);
      throw err;
    } finally {
      tc.end.publish(ctx);
    }
  });
}

class TracingChannel {
  constructor(spec) {
    for (const event of kTraceEvents) {
      const ch = typeof spec === 'string' ?
        channel(`tracing:${spec}:${event}`) : spec[event];
      if (!(ch instanceof Channel)) {
        throw new codes.ERR_INVALID_ARG_TYPE(`nameOrChannels.${event}`,
          'Channel', ch);
      }
      Object.defineProperty(this, event, { value: ch });
    }
  }

  get hasSubscribers() {
    return kTraceEvents.some((event) => this[event].hasSubscribers);
  }

  subscribe(handlers) {
    for (const event of kTraceEvents) {
      if (handlers[event]) this[event].subscribe(handlers[event]);
    }
  }

  unsubscribe(handlers) {
    let every = true;
    for (const event of kTraceEvents) {
      if (handlers[event] && !this[event].unsubscribe(handlers[event])) {
        every = false;
      }
    }
    return every;
  }

  traceSync(work, ctx = {}, receiver, ...rest) {
    if (!this.hasSubscribers) return Reflect.apply(work, receiver, rest);
    return traced(this, ctx, () => {
      const result = Reflect.apply(work, receiver, rest);
      ctx.result = result;
      return result;
    });
  }

  tracePromise(work, ctx = {}, receiver, ...rest) {
    if (!this.hasSubscribers) return Reflect.apply(work, receiver, rest);
    const settled = () => {
      this.asyncStart.publish(ctx);
      this.asyncEnd.publish(ctx);
    };
    return traced(this, ctx, () => Promise.prototype.then.call(
      Reflect.apply(work, receiver, rest),
      (result) => {
        ctx.result = result;
        settled();
        return result;
      },
      (err) => {
        ctx.error = err;
        this.error.publish(ctx);
        settled();
        throw err;
      }));
  }

  traceCallback(work, position = -1, ctx = {}, receiver, ...rest) {
    if (!this.hasSubscribers) return Reflect.apply(work, receiver, rest);
    const original = rest.at(position);
    validateFunction(original, 'callback');
    const tc = this;
    rest.splice(position, 1, function wrappedCallback(err, result) {
      if (err) {
        ctx.error = err;
        tc.error.publish(ctx);
      } else {
        ctx.result = result;
      }
      const callbackArgs = arguments;
      // Node's wrapper gives back nothing of the callback's result.
      tc.asyncStart.runStores(ctx, () => {
        try {
          Reflect.apply(original, this, callbackArgs);
        } finally {
          tc.asyncEnd.publish(ctx);
        }
      });
    });
    return traced(this, ctx, () => Reflect.apply(work, receiver, rest));
  }
}

function tracingChannel(spec) {
  if (spec instanceof TracingChannel) return spec;
  if (typeof spec !== 'string' && (spec === null || typeof spec !== 'object')) {
    throw new codes.ERR_INVALID_ARG_TYPE('nameOrChannels',
      ['string', 'TracingChannel', 'Object'], spec);
  }
  return new TracingChannel(spec);
}
