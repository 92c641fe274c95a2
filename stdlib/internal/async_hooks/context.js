'use strict';
// The current async context frame: which resource is running, what
// triggered it and the AsyncLocalStorage values in force. The stdlib's
// callback entry points (timers, ticks, fs, net, dns, child_process) call
// capture()/bind() when work is queued and callIn() when it runs; nothing
// happens until node:async_hooks is loaded, so other apps pay one boolean
// test per entry point.

// A frame is immutable once made: work queued later keeps seeing the values
// that were current when it was queued.
class Frame {
  constructor(asyncId, triggerAsyncId, resource, stores) {
    this.asyncId = asyncId;
    this.triggerAsyncId = triggerAsyncId;
    this.resource = resource;
    // null, or a Map AsyncLocalStorage -> value.
    this.stores = stores;
  }
}

const kTopLevel = new Frame(1, 0, {}, null);

const state = {
  // Set when node:async_hooks is loaded: from then on resources get frames.
  active: false,
  current: kTopLevel,
  // Enabled createHook() instances, and whether any is running right now
  // (a hook's own console.log must not feed the hooks again).
  hooks: [],
  inHook: false,
  nextId: 1,
  // A triggerAsyncId forced for resources made inside
  // AsyncResource's constructor or runInAsyncScope (Node's default trigger).
  forcedTrigger: -1,
};

const kFrame = Symbol('asyncFrame');

function emit(kind, frame, extra) {
  const hooks = state.hooks;
  if (hooks.length === 0 || state.inHook) return;
  state.inHook = true;
  try {
    for (let i = 0; i < hooks.length; i++) {
      const fn = hooks[i][kind];
      if (typeof fn !== 'function') continue;
      if (kind === 'init') {
        fn.call(hooks[i], frame.asyncId, extra, frame.triggerAsyncId,
          frame.resource);
      } else {
        fn.call(hooks[i], frame.asyncId);
      }
    }
  } catch (err) {
    // As in Node, a throwing hook is fatal.
    state.inHook = false;
    fatal(err);
  } finally {
    state.inHook = false;
  }
}

function fatal(err) {
  const msg = err !== null && typeof err === 'object' && err.stack ?
    err.stack : String(err);
  // process.stderr writes synchronously, so the message is out before exit.
  process.stderr.write(`${msg}\n`);
  process.exit(1);
}

// A new resource of `type` made now; its callbacks will run in the
// returned frame. Returns undefined while async_hooks is not loaded.
function capture(type, resource, triggerAsyncId) {
  if (!state.active) return undefined;
  const cur = state.current;
  let trigger = triggerAsyncId;
  if (trigger === undefined) {
    trigger = state.forcedTrigger !== -1 ? state.forcedTrigger : cur.asyncId;
  }
  const frame = new Frame(++state.nextId, trigger,
    resource === undefined ? {} : resource, cur.stores);
  if (state.hooks.length !== 0) emit('init', frame, type);
  return frame;
}

// Runs fn(...args) as `frame`'s callback; restores the previous frame even
// when fn throws.
function callIn(frame, fn, thisArg, ...args) {
  if (frame === undefined) return Reflect.apply(fn, thisArg, args);
  const prev = state.current;
  state.current = frame;
  if (state.hooks.length !== 0) emit('before', frame);
  try {
    return Reflect.apply(fn, thisArg, args);
  } finally {
    if (state.hooks.length !== 0) emit('after', frame);
    state.current = prev;
  }
}

// destroy hooks run later, in a batch on the next loop turn, as in Node:
// a resource is often destroyed while its own callback is still running.
let pendingDestroys = null;
// Queues a function for the next loop turn; timers passes it in (it
// depends on this module, not the other way round).
let scheduleLater = null;

function setScheduler(fn) {
  scheduleLater = fn;
}

function flushDestroys() {
  const frames = pendingDestroys;
  pendingDestroys = null;
  for (let i = 0; i < frames.length; i++) emit('destroy', frames[i]);
}

function destroy(frame) {
  if (frame === undefined || state.hooks.length === 0) return;
  if (pendingDestroys === null) {
    pendingDestroys = [];
    // The immediate that flushes is no resource of its own (else each
    // flush would schedule the next).
    state.active = false;
    try {
      scheduleLater(flushDestroys);
    } finally {
      state.active = true;
    }
  }
  pendingDestroys.push(frame);
}

// Records on `target` (a timer, a handle, a port) the frame its callbacks
// will run in. Hidden from util.inspect, and nothing at all while
// async_hooks is idle, so such objects look as they always did.
function attach(target, type) {
  if (!state.active) return;
  Object.defineProperty(target, kFrame, {
    value: capture(type, target), writable: true, configurable: true,
  });
}

// A one-shot callback: runs in the context current now, then the resource
// is destroyed. The callback itself comes back while async_hooks is idle.
// The wrappers here are anonymous on purpose: a named function expression
// made per call would cost the stdlib image's __name (esbuild's
// --keep-names) an Object.defineProperty per wrapper, which turns each one
// into a slow-mode function.
function bind(fn, type) {
  const frame = capture(type);
  if (frame === undefined) return fn;
  return function (...args) {
    return callOnce(frame, fn, this, args);
  };
}

// Runs fn as `frame`'s one callback (args: an array, or undefined), then
// destroys the frame: bind()'s work, for queues that keep the frame beside
// the callback instead of wrapping it.
function callOnce(frame, fn, thisArg, args) {
  try {
    return args === undefined ? callIn(frame, fn, thisArg) : callIn(frame, fn, thisArg, ...args);
  } finally {
    destroy(frame);
  }
}

// A callback that runs many times for one resource (a socket's reads, a
// server's connections), in the frame captured when the resource was made.
function bindTo(frame, fn) {
  if (frame === undefined || typeof fn !== 'function') return fn;
  return function (...args) {
    return callIn(frame, fn, this, ...args);
  };
}

module.exports = {
  attach,
  setScheduler,
  bindTo,
  Frame,
  kFrame,
  kTopLevel,
  state,
  capture,
  callIn,
  destroy,
  bind,
  callOnce,
  emit,
};
