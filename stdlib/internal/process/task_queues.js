'use strict';
// What C++ runs after every callback from the event loop: the nextTick
// queue, then the microtasks those ticks queued, then the report of
// unhandled rejections, repeated until all three are quiet. Also
// queueMicrotask, whose exceptions are uncaught as in Node.

const { runMicrotasks, enqueueMicrotask } = internalBinding('task_queue');
const { ticksPending, runTicks } = require('./ticks');
const { reportUnhandledRejections, hasPendingRejections } = require('./promises');
const { reportUncaught } = require('./execution');
const { validateFunction } = require('../validators');
const asyncContext = require('../async_hooks/context');

// A tick that throws propagates to C++, which reports it and calls this
// again for the rest of the queue.
function drainQueues() {
  do {
    runTicks();
    runMicrotasks();
  } while (ticksPending() || reportUnhandledRejections());
}

// Between two timers or two immediates Node drains ticks and microtasks;
// the common case (nothing queued) costs one microtask checkpoint.
function drainBetweenCallbacks() {
  if (!ticksPending() && !hasPendingRejections()) runMicrotasks();
  if (ticksPending() || hasPendingRejections()) drainQueues();
}

function queueMicrotask(callback) {
  validateFunction(callback, 'callback');
  if (asyncContext.state.active) callback = asyncContext.bind(callback, 'Microtask');
  enqueueMicrotask(() => {
    try {
      callback();
    } catch (thrown) {
      reportUncaught(thrown, /* fromPromise= */ false);
    }
  });
}

module.exports = { drainQueues, drainBetweenCallbacks, queueMicrotask };
