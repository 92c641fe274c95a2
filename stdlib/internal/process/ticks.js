'use strict';
// The process.nextTick queue itself: a ring buffer of pending callbacks and
// the loop that runs them. It sits at the bottom of the bootstrap (it needs
// only the validators), so events, the stdio streams and process can all
// queue ticks without depending on each other; what runs between ticks
// (microtasks, rejection reports) is layered on top in task_queues.js.

const { validateFunction } = require('../validators');
const asyncContext = require('../async_hooks/context');

// A power-of-two ring, so taking the oldest entry is O(1) under load. Each
// tick takes two slots: the callback, then its arguments (or undefined).
let ring = new Array(128);
let readAt = 0;
let writeAt = 0;
// Set once the process is exiting: Node drops ticks queued from then on.
let closed = false;
// What C++ reads after each callback to skip the JS drain when nothing is
// queued (runtime.cc DrainTicks): [0] is 1 while ticks wait, [1] while
// rejections wait for their report (promises.js). Its own ArrayBuffer, so
// the memory never moves.
const pendingQueues = new Uint8Array(new ArrayBuffer(2));

function ticksPending() {
  return readAt !== writeAt;
}

function growRing() {
  const size = ring.length;
  const bigger = new Array(size * 2);
  for (let i = 0; i < size; i++) bigger[i] = ring[(readAt + i) & (size - 1)];
  ring = bigger;
  readAt = 0;
  writeAt = size;
}

function runInFrame(frame, callback, args) {
  asyncContext.callOnce(frame, callback, undefined, args);
}

function nextTick(callback, ...args) {
  validateFunction(callback, 'callback');
  if (closed) return;
  if (asyncContext.state.active) {
    // The frame rides with the callback (no wrapper function per tick).
    const frame = asyncContext.capture('TickObject');
    ring[writeAt] = runInFrame;
    ring[writeAt + 1] = [frame, callback, args.length === 0 ? undefined : args];
  } else {
    ring[writeAt] = callback;
    ring[writeAt + 1] = args.length === 0 ? undefined : args;
  }
  writeAt = (writeAt + 2) & (ring.length - 1);
  pendingQueues[0] = 1;
  if (writeAt === readAt) growRing();
}

// Runs ticks until the queue is empty, ticks queued meanwhile included. A
// callback that throws leaves the rest queued for the next call.
function runTicks() {
  while (readAt !== writeAt) {
    const fn = ring[readAt];
    const args = ring[readAt + 1];
    ring[readAt] = ring[readAt + 1] = undefined;
    readAt = (readAt + 2) & (ring.length - 1);
    if (args === undefined) fn();
    else if (args.length === 1) fn(args[0]);
    else Reflect.apply(fn, undefined, args);
  }
  pendingQueues[0] = 0;
}

function closeTickQueue() {
  closed = true;
}

module.exports = {
  nextTick, ticksPending, runTicks, closeTickQueue, pendingQueues,
};
