// The worker thread: answers with its file and a computed value.
'use strict';
const { parentPort, workerData, isMainThread } = require('worker_threads');
const { describe } = require('./lib/shared');

parentPort.postMessage(`${describe('worker', __filename)}, main thread ${isMainThread}, data ${workerData * 2}`);
