'use strict';
// Unhandled rejections reach 'unhandledRejection' listeners; a handler added
// later is reported with 'rejectionHandled'.
const assert = require('assert');

const seen = [];
process.on('unhandledRejection', (reason, promise) => {
  seen.push(reason.message);
  assert.ok(promise instanceof Promise);
  if (reason.message === 'late') {
    setTimeout(() => promise.catch(() => {}), 1);
  }
});
let handledLater = false;
process.on('rejectionHandled', () => { handledLater = true; });

Promise.reject(new Error('first'));
(async () => { throw new Error('late'); })();
Promise.reject(new Error('caught')).catch(() => {});

process.on('exit', () => {
  assert.deepStrictEqual(seen, ['first', 'late']);
  assert.strictEqual(handledLater, true);
});
