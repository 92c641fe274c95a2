'use strict';
// node:worker_threads. The values that differ in a worker (isMainThread,
// parentPort, workerData, threadId, resourceLimits) are the main thread's
// here; a worker's stdlib rewrites them at boot (internal/worker/child.js),
// since this module is evaluated once, while the snapshot is built.

const {
  BroadcastChannel, MessageChannel, MessagePort, markAsUntransferable,
  receiveMessageOnPort,
} = require('./internal/worker/io');
const { Worker } = require('./internal/worker/parent');
const {
  SHARE_ENV, getEnvironmentData, setEnvironmentData,
} = require('./internal/worker/shared');
const { codes } = require('./internal/errors');

// jspack has no vm contexts to move ports into, nor thread-addressed posts.
const unsupported = (name) => ({
  [name]() { throw new codes.ERR_JSPACK_UNSUPPORTED(name); },
})[name];

module.exports = {
  isMainThread: true,
  MessagePort,
  MessageChannel,
  markAsUntransferable,
  moveMessagePortToContext: unsupported('moveMessagePortToContext'),
  receiveMessageOnPort,
  resourceLimits: {},
  postMessageToThread: unsupported('postMessageToThread'),
  threadId: 0,
  SHARE_ENV,
  Worker,
  parentPort: null,
  workerData: null,
  BroadcastChannel,
  setEnvironmentData,
  getEnvironmentData,
};
