'use strict';
// 100,000 messages to a worker thread and back, one at a time.
const { Worker } = require('worker_threads');
const worker = new Worker(
  "require('worker_threads').parentPort.on('message', (m) => " +
  "require('worker_threads').parentPort.postMessage(m + 1));",
  { eval: true });
let left = 100000;
let check = 0;
let start;
worker.on('message', (m) => {
  check += m;
  if (--left === 0) {
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    worker.terminate();
    console.log(JSON.stringify({ ms, check }));
    return;
  }
  worker.postMessage(left);
});
worker.on('online', () => {
  start = process.hrtime.bigint();
  worker.postMessage(left);
});
