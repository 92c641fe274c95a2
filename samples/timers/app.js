// timers: Node's ordering of the event loop's queues, printed as one log.
//
// Every line is deterministic under Node: only orderings Node guarantees are
// used (never setTimeout(0) against setImmediate from the main module, never
// two timers whose delays differ by less than the loop can tell apart unless
// they were scheduled in order with the same or increasing deadlines).
'use strict';

const log = (msg) => console.log(msg);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Runs the phases one after another so each one's output is grouped.
const phases = [];
function phase(name, fn) {
  phases.push({ name, fn });
}

phase('microtasks vs nextTick', (done) => {
  // nextTick queue drains before the promise microtask queue; queueMicrotask
  // and promise reactions share one FIFO queue.
  Promise.resolve().then(() => log('promise 1'));
  queueMicrotask(() => log('queueMicrotask 1'));
  process.nextTick(() => {
    log('nextTick 1');
    process.nextTick(() => log('nextTick 1 -> nested nextTick'));
    Promise.resolve().then(() => log('nextTick 1 -> promise'));
  });
  Promise.resolve().then(() => {
    log('promise 2');
    process.nextTick(() => log('promise 2 -> nextTick'));
    queueMicrotask(() => log('promise 2 -> queueMicrotask'));
  });
  process.nextTick(() => log('nextTick 2'));
  log('sync end');
  setTimeout(done, 5);
});

phase('timeouts', (done) => {
  // Same delay: insertion order. 0 and 1 are the same delay in Node.
  setTimeout(() => log('timeout 1 (a)'), 1);
  setTimeout(() => log('timeout 0 (b)'), 0);
  setTimeout(() => log('timeout 1 (c)'), 1);
  setTimeout(() => {
    log('timeout 10');
    clearTimeout(late);
    setTimeout(() => {
      log('nested timeout 0 inside timeout 10');
      setTimeout(() => {
        log('nested timeout 5, depth 3');
        done();
      }, 5);
    }, 0);
    process.nextTick(() => log('nextTick inside timeout 10'));
    Promise.resolve().then(() => log('promise inside timeout 10'));
  }, 10);
  const late = setTimeout(() => log('timeout 30 ran (bug: cleared at 10 ms)'), 30);
  const cleared = setTimeout(() => log('cleared timeout ran (bug)'), 0);
  clearTimeout(cleared);
  // Microtasks and nextTicks run between timers of the same expiry.
  setTimeout(() => {
    log('timeout 2 (x)');
    process.nextTick(() => log('nextTick after timeout 2 (x)'));
    Promise.resolve().then(() => log('promise after timeout 2 (x)'));
  }, 2);
  setTimeout((a, b) => log(`timeout 2 (y) with args ${a} ${b}`), 2, 'one', 2);
});

phase('interval', (done) => {
  let ticks = 0;
  const interval = setInterval(() => {
    ticks += 1;
    log(`interval tick ${ticks}`);
    if (ticks === 4) {
      clearInterval(interval);
      log('interval cleared');
      setTimeout(() => {
        log(`ticks after clear: ${ticks}`);
        done();
      }, 20);
    }
  }, 2);
  log(`interval hasRef: ${interval.hasRef()}`);
});

phase('immediates', (done) => {
  // From inside a timer callback, the check phase comes before the next
  // timers phase: both immediates (and the microtasks each one queues) run
  // before a 0 ms timer scheduled in the same callback. An immediate queued by
  // an immediate runs on the next loop turn, so it races that timer; that pair
  // is only checked once both have run.
  setTimeout(() => {
    let timerRan = false;
    setTimeout(() => {
      timerRan = true;
      log('timeout 0 from timeout (after both immediates)');
    }, 0);
    setImmediate(() => {
      log('immediate from timeout');
      process.nextTick(() => log('nextTick inside immediate'));
      Promise.resolve().then(() => log('promise inside immediate'));
      setImmediate(() => {
        setTimeout(() => {
          log('immediate from immediate ran');
          log(`timer ran by now: ${timerRan}`);
          done();
        }, 5);
      });
    });
    setImmediate((arg) => log(`second immediate from timeout, arg ${arg}`), 'x');
    const dropped = setImmediate(() => log('cleared immediate ran (bug)'));
    clearImmediate(dropped);
  }, 0);
});

phase('unref and refresh', (done) => {
  // An unref'd timer alone does not hold the loop; ref() makes it count again.
  const unrefd = setTimeout(() => log('unref timer fired while loop held'), 15);
  unrefd.unref();
  log(`unref hasRef: ${unrefd.hasRef()}`);
  unrefd.ref();
  log(`ref again hasRef: ${unrefd.hasRef()}`);
  // refresh() restarts the countdown: the refreshed 20 ms timer fires after the
  // 30 ms one set at the same time, because it is refreshed at 15 ms.
  const start = Date.now();
  const refreshed = setTimeout(() => {
    log('refreshed timer fired');
    log(`refreshed waited at least 35 ms: ${Date.now() - start >= 34}`);
    done();
  }, 20);
  setTimeout(() => log('30 ms timer fired'), 30);
  setTimeout(() => {
    log('refreshing');
    refreshed.refresh();
  }, 15);
});

phase('async/await', async (done) => {
  async function worker(name, delays) {
    for (const ms of delays) {
      await sleep(ms);
      log(`${name} after ${ms} ms`);
    }
    return name;
  }
  async function inner() {
    log('inner start');
    await null;
    log('inner after await null');
    return 'inner value';
  }
  const pending = inner();
  log('after calling inner (sync part ran)');
  log(`inner returned: ${await pending}`);
  const results = await Promise.all([worker('A', [5, 20]), worker('B', [12, 20])]);
  log(`all done: ${results.join(',')}`);
  const first = await Promise.race([sleep(30).then(() => 'slow'), sleep(3).then(() => 'fast')]);
  log(`race winner: ${first}`);
  try {
    await Promise.reject(new Error('handled rejection'));
  } catch (err) {
    log(`caught: ${err.message}`);
  }
  const timersPromises = require('timers/promises');
  log(`timers/promises setTimeout: ${await timersPromises.setTimeout(2, 'resolved value')}`);
  log(`timers/promises setImmediate: ${await timersPromises.setImmediate('immediate value')}`);
  done();
});

phase('unref lets the process exit', (done) => {
  // Last phase: an unref'd 60 s timer and interval must not keep the process
  // alive; the exit event proves the loop ended without waiting for them.
  setTimeout(() => log('unref 60 s timer fired (bug)'), 60000).unref();
  setInterval(() => log('unref interval fired (bug)'), 60000).unref();
  done();
});

let started;
function runPhase(index) {
  if (index === phases.length) {
    log('all phases scheduled');
    return;
  }
  const { name, fn } = phases[index];
  log(`--- ${name}`);
  let finished = false;
  fn(() => {
    if (finished) throw new Error(`phase ${name} finished twice`);
    finished = true;
    // Next phase starts from a fresh timer callback, outside this one.
    setTimeout(() => runPhase(index + 1), 1);
  });
}

process.on('exit', (code) => {
  log(`exit ${code}; waited less than 10 s: ${Date.now() - started < 10000}`);
});
started = Date.now();
runPhase(0);
