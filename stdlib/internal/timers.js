'use strict';
// Timers and immediates with Node's ordering. All timers share one libuv
// timer (armed for the earliest expiry); C++ calls processTimers when it
// fires and processImmediate once per loop turn while immediates wait.

const binding = internalBinding('timers');
const { drainBetweenCallbacks } = require('./process/task_queues');
const { emitProcessWarning } = require('./process/warning');
const asyncContext = require('./async_hooks/context');
const { ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE } = require('./errors').codes;

// Node's bound: larger or invalid delays become 1 ms.
const kTimeoutMax = 2 ** 31 - 1;

const kRefed = Symbol('refed');
const kHeapIndex = Symbol('heapIndex');
// The async context a timer or immediate was made in (undefined while
// node:async_hooks is not loaded).
const kAsyncFrame = asyncContext.kFrame;

let nextId = 1;
let nextSeq = 0;
let timerRefCount = 0;
// The expiry the libuv timer is armed for (Infinity: not armed).
let armedExpiry = Infinity;

// A binary min-heap of active timers by (expiry, insertion order).
const heap = [];

function before(a, b) {
  return a._expiry < b._expiry ||
    (a._expiry === b._expiry && a._seq < b._seq);
}

function heapSwap(i, j) {
  const a = heap[i];
  const b = heap[j];
  heap[i] = b;
  heap[j] = a;
  b[kHeapIndex] = i;
  a[kHeapIndex] = j;
}

function heapUp(i) {
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!before(heap[i], heap[parent])) break;
    heapSwap(i, parent);
    i = parent;
  }
}

function heapDown(i) {
  for (;;) {
    const left = 2 * i + 1;
    const right = left + 1;
    let smallest = i;
    if (left < heap.length && before(heap[left], heap[smallest])) smallest = left;
    if (right < heap.length && before(heap[right], heap[smallest])) smallest = right;
    if (smallest === i) return;
    heapSwap(i, smallest);
    i = smallest;
  }
}

function heapRemove(timer) {
  const i = timer[kHeapIndex];
  // -1: not in the heap; undefined: a legacy object never activated.
  if (i === -1 || i === undefined) return;
  const last = heap.length - 1;
  if (i !== last) heapSwap(i, last);
  heap.pop();
  timer[kHeapIndex] = -1;
  if (i < heap.length) {
    heapDown(i);
    heapUp(i);
  }
}

function incRefCount() {
  if (timerRefCount++ === 0) binding.toggleTimerRef(true);
}

function decRefCount() {
  if (--timerRefCount === 0) binding.toggleTimerRef(false);
}

// Adds a timer whose _expiry and _seq are set to the heap.
function heapAdd(timer) {
  timer[kHeapIndex] = heap.length;
  heap.push(timer);
  heapUp(heap.length - 1);
}

// Puts an active timer into the heap, expiring `after` ms past `start`.
function insert(timer, after, start = binding.getLibuvNow()) {
  timer._idleStart = start;
  timer._expiry = start + after;
  timer._seq = nextSeq++;
  timer._laterExpiry = 0;
  heapAdd(timer);
  if (timer._expiry < armedExpiry) {
    armedExpiry = timer._expiry;
    binding.scheduleTimer(after);
  }
}

class Timeout {
  constructor(onTimeout, delay, extraArgs, repeats, refed) {
    let after = delay * 1;
    if (!(after >= 1 && after <= kTimeoutMax)) {
      if (after > kTimeoutMax) {
        emitProcessWarning(
          `${after} does not fit into a 32-bit signed integer.` +
          '\nTimeout duration was set to 1.', 'TimeoutOverflowWarning');
      }
      after = 1;
    }
    this._idleTimeout = after;
    this._onTimeout = onTimeout;
    this._timerArgs = extraArgs;
    this._repeat = repeats ? after : null;
    this._destroyed = false;
    this._idleStart = 0;
    this._expiry = 0;
    this._seq = 0;
    this._laterExpiry = 0;
    this._laterSeq = 0;
    this[kRefed] = refed;
    this[kHeapIndex] = -1;
    this._id = nextId++;
    asyncContext.attach(this, 'Timeout');
    if (refed) incRefCount();
    insert(this, after);
  }

  refresh() {
    if (this[kHeapIndex] !== -1) {
      const start = binding.getLibuvNow();
      if (start + this._idleTimeout >= this._expiry) {
        // A later expiry: the timer keeps its place in the heap and notes
        // the new expiry (and the order a fresh insert would give it);
        // processTimers moves it when the old one comes. A socket
        // refreshes its idle timer on every read and write.
        this._idleStart = start;
        this._laterExpiry = start + this._idleTimeout;
        this._laterSeq = nextSeq++;
      } else {
        heapRemove(this);
        insert(this, this._idleTimeout, start);
      }
    } else if (!this._destroyed) {
      // Refreshed from its own callback: it is out of the heap but still
      // counted as ref'd; processTimers sees it back in the heap.
      insert(this, this._idleTimeout);
    }
    return this;
  }

  unref() {
    if (this[kRefed]) {
      this[kRefed] = false;
      if (!this._destroyed) decRefCount();
    }
    return this;
  }

  ref() {
    if (!this[kRefed]) {
      this[kRefed] = true;
      if (!this._destroyed) incRefCount();
    }
    return this;
  }

  hasRef() {
    return this[kRefed];
  }

  close() {
    unenroll(this);
    return this;
  }

  [Symbol.dispose]() {
    clearTimer(this);
  }

  [Symbol.toPrimitive]() {
    knownTimersById.set(this._id, this);
    return this._id;
  }
}

// Timers whose numeric id was asked for (clearTimeout accepts the number).
const knownTimersById = new Map();

function unenroll(timer) {
  if (!timer._destroyed) {
    timer._destroyed = true;
    asyncContext.destroy(timer[kAsyncFrame]);
    if (timer[kRefed]) decRefCount();
    heapRemove(timer);
    knownTimersById.delete(timer._id);
  }
  timer._idleTimeout = -1;
}

function clearTimer(timer) {
  if (timer === null || timer === undefined) return;
  if (typeof timer === 'object' && timer instanceof Timeout) {
    unenroll(timer);
    timer._onTimeout = null;
  } else if (typeof timer === 'number' || typeof timer === 'string') {
    const known = knownTimersById.get(+timer);
    if (known !== undefined) clearTimer(known);
  }
}

// Called by C++ when the libuv timer fires, with the loop's time. Runs every
// due timer in order,
// draining ticks between them; returns the next expiry (positive if a ref'd
// timer remains, negative if only unref'd ones do, 0 if none).
function processTimers(now) {
  armedExpiry = Infinity;
  let ranOne = false;
  while (heap.length !== 0) {
    const timer = heap[0];
    // One `now` for the whole pass, as in Node: a timer created by a
    // callback here is never due in this pass, so the loop's other phases
    // (immediates, I/O) run before it.
    if (timer._expiry > now) {
      armedExpiry = timer._expiry;
      return timerRefCount > 0 ? timer._expiry : -timer._expiry;
    }
    heapRemove(timer);
    if (timer._laterExpiry !== 0) {
      // Refreshed since it was placed: back in where the refresh put it.
      timer._expiry = timer._laterExpiry;
      timer._seq = timer._laterSeq;
      timer._laterExpiry = 0;
      heapAdd(timer);
      continue;
    }
    if (typeof timer._onTimeout !== 'function') {
      // Its callback was taken away (cleared, or set to null by hand):
      // it ends here instead of throwing.
      retire(timer);
      continue;
    }
    if (ranOne) drainBetweenCallbacks();
    ranOne = true;
    const start = timer._repeat ? binding.getLibuvNow() : 0;
    try {
      const args = timer._timerArgs;
      if (timer[kAsyncFrame] !== undefined) {
        asyncContext.callIn(timer[kAsyncFrame], timer._onTimeout, timer,
          ...(args === undefined ? [] : args));
      } else if (args === undefined) {
        timer._onTimeout();
      } else {
        timer._onTimeout(...args);
      }
    } finally {
      if (timer[kHeapIndex] !== -1 || timer._destroyed) {
        // Refreshed or cleared by its own callback: nothing left to do.
      } else if (timer._repeat && timer._idleTimeout !== -1) {
        timer._idleTimeout = timer._repeat;
        insert(timer, timer._idleTimeout, start);
      } else {
        retire(timer);
      }
    }
  }
  return 0;
}

// A timer out of the heap that will not run again.
function retire(timer) {
  if (timer._destroyed) return;
  timer._destroyed = true;
  asyncContext.destroy(timer[kAsyncFrame]);
  if (timer[kRefed]) decRefCount();
  knownTimersById.delete(timer._id);
  // Legacy objects carry Node's list-node fields: a finished one is unlinked.
  if (timer._idleNext !== undefined) timer._idleNext = timer._idlePrev = null;
}

// The legacy API (timers.enroll/unenroll/active/_unrefActive) schedules any
// object with an _idleTimeout and an _onTimeout method. Ours are heap
// entries, not list nodes: an enrolled object is a ring of one (its
// _idleNext/_idlePrev are itself) until it fires or is unenrolled.
function enroll(item, msecs) {
  if (typeof msecs !== 'number') {
    throw new ERR_INVALID_ARG_TYPE('msecs', 'number', msecs);
  }
  if (!(msecs >= 0 && msecs !== Infinity)) {
    throw new ERR_OUT_OF_RANGE('msecs', 'a non-negative finite number', msecs);
  }
  if (msecs > kTimeoutMax) {
    emitProcessWarning(
      `${msecs} does not fit into a 32-bit signed integer.` +
      `\nTimer duration was truncated to ${kTimeoutMax}.`,
      'TimeoutOverflowWarning');
    msecs = kTimeoutMax;
  }
  // Enrolling again replaces a pending schedule.
  if (item[kHeapIndex] !== undefined && item[kHeapIndex] !== -1) {
    unenrollItem(item);
  }
  item._idleTimeout = msecs;
  item._idleNext = item;
  item._idlePrev = item;
}

function unenrollItem(item) {
  unenroll(item);
  if (!(item instanceof Timeout)) item._idleNext = item._idlePrev = null;
}

// (Re)starts an object's countdown from now; refed says whether it keeps
// the loop alive. Objects without a usable _idleTimeout are left untouched.
function activate(item, refed) {
  const ms = item._idleTimeout;
  if (typeof ms !== 'number' || !(ms >= 0)) return;
  // A live ref'd object is already counted (it may be running right now,
  // out of the heap).
  const counted = item[kRefed] === true && item._destroyed === false;
  heapRemove(item);
  if (counted !== refed) {
    if (refed) incRefCount(); else decRefCount();
  }
  item._destroyed = false;
  item[kRefed] = refed;
  if (!item._idleNext) item._idleNext = item._idlePrev = item;
  insert(item, Math.min(ms, kTimeoutMax));
}

// Immediates: a FIFO list per loop turn. Ones queued while the list runs wait
// for the next turn.
let immediateHead = null;
let immediateTail = null;
let immediateCount = 0;
let immediateRefCount = 0;
// What is left of a list when one of its callbacks threw.
let outstanding = null;

function updateImmediateInfo() {
  binding.immediateInfo(immediateCount, immediateRefCount);
}

class Immediate {
  constructor(onImmediate, extraArgs) {
    this._onImmediate = onImmediate;
    this._argv = extraArgs;
    this._destroyed = false;
    asyncContext.attach(this, 'Immediate');
    this[kRefed] = true;
    this._idleNext = null;
    this._idlePrev = immediateTail;
    if (immediateTail === null) {
      immediateHead = this;
    } else {
      immediateTail._idleNext = this;
    }
    immediateTail = this;
    immediateCount++;
    immediateRefCount++;
    updateImmediateInfo();
  }

  ref() {
    if (!this[kRefed]) {
      this[kRefed] = true;
      if (!this._destroyed) {
        immediateRefCount++;
        updateImmediateInfo();
      }
    }
    return this;
  }

  unref() {
    if (this[kRefed]) {
      this[kRefed] = false;
      if (!this._destroyed) {
        immediateRefCount--;
        updateImmediateInfo();
      }
    }
    return this;
  }

  hasRef() {
    return this[kRefed];
  }

  [Symbol.dispose]() {
    clearImmediate(this);
  }
}

// async_hooks' destroy batches run from an immediate.
asyncContext.setScheduler((fn) => new Immediate(fn, undefined));

function clearImmediate(immediate) {
  if (!immediate || !(immediate instanceof Immediate) || immediate._destroyed) {
    return;
  }
  immediate._destroyed = true;
  asyncContext.destroy(immediate[kAsyncFrame]);
  immediateCount--;
  if (immediate[kRefed]) immediateRefCount--;
  updateImmediateInfo();
  immediate._onImmediate = null;
  // Unlink it if it is still in the pending list.
  if (immediate._idlePrev !== null) {
    immediate._idlePrev._idleNext = immediate._idleNext;
  } else if (immediateHead === immediate) {
    immediateHead = immediate._idleNext;
  }
  if (immediate._idleNext !== null) {
    immediate._idleNext._idlePrev = immediate._idlePrev;
  } else if (immediateTail === immediate) {
    immediateTail = immediate._idlePrev;
  }
  // Its _idleNext stays: processImmediate may be holding this one as the
  // next to visit, and walks on through it to the rest of its list.
  immediate._idlePrev = null;
}

function processImmediate() {
  let next = outstanding;
  outstanding = null;
  if (next === null) {
    next = immediateHead;
    immediateHead = immediateTail = null;
  }
  let ranOne = false;
  while (next !== null) {
    const immediate = next;
    next = immediate._idleNext;
    immediate._idleNext = immediate._idlePrev = null;
    if (immediate._destroyed) continue;
    if (ranOne) drainBetweenCallbacks();
    ranOne = true;
    immediate._destroyed = true;
    immediateCount--;
    if (immediate[kRefed]) immediateRefCount--;
    updateImmediateInfo();
    const callback = immediate._onImmediate;
    const args = immediate._argv;
    try {
      if (immediate[kAsyncFrame] !== undefined) {
        asyncContext.callIn(immediate[kAsyncFrame], callback, immediate,
          ...(args === undefined ? [] : args));
      } else if (args === undefined) {
        callback();
      } else {
        callback(...args);
      }
    } catch (err) {
      outstanding = next;
      throw err;
    } finally {
      asyncContext.destroy(immediate[kAsyncFrame]);
    }
  }
}

// Timers and immediates still waiting (ref'd or not).
function pendingCount() {
  return { timers: heap.length, immediates: immediateCount };
}

module.exports = {
  pendingCount,
  Timeout,
  Immediate,
  clearTimer,
  clearImmediate,
  processTimers,
  processImmediate,
  kTimeoutMax,
  enroll,
  unenroll: unenrollItem,
  activate,
};
