// worker_threads round trips: the main thread and one worker pass a small
// message back and forth 100,000 times (post, wake the other loop, reply).
'use strict';
const { Worker, isMainThread, parentPort } = require('worker_threads');

const kRoundTrips = 100000;

if (isMainThread) {
  const worker = new Worker(__filename);
  let left = kRoundTrips;
  worker.on('message', (n) => {
    if (--left === 0) {
      worker.postMessage(null);
      console.log(`${kRoundTrips} round trips, last reply ${n}`);
      return;
    }
    worker.postMessage({ n });
  });
  worker.postMessage({ n: 0 });
} else {
  parentPort.on('message', (m) => {
    if (m === null) {
      parentPort.close();
      return;
    }
    parentPort.postMessage(m.n + 1);
  });
}
