'use strict';
// AsyncLocalStorage through 300,000 awaits and 3,000 timers, and 200 vm
// contexts each running a script: what async context tracking and vm cost.
const { AsyncLocalStorage } = require('async_hooks');
const vm = require('vm');

const als = new AsyncLocalStorage();
const start = process.hrtime.bigint();
let check = 0;

async function awaits(n) {
  for (let i = 0; i < n; i++) {
    await Promise.resolve(i);
    if (als.getStore() === 'ctx') check++;
  }
}

function timers(n) {
  return new Promise((resolve) => {
    let left = n;
    for (let i = 0; i < n; i++) {
      setTimeout(() => {
        if (als.getStore() === 'ctx') check++;
        if (--left === 0) resolve();
      }, 0);
    }
  });
}

als.run('ctx', async () => {
  await awaits(300000);
  await timers(3000);
  for (let i = 0; i < 200; i++) {
    check += vm.runInNewContext('a * 2', { a: i }) === i * 2 ? 1 : 0;
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  console.log(JSON.stringify({ ms, check }));
});
