'use strict';
// node:cluster, primary side only for now: what code asks of it at load time (isPrimary, settings, events); fork() is not implemented yet.

const EventEmitter = require('./events');
const env = require('./internal/process/env');
const process = require('./internal/process/object');
const { codes } = require('./internal/errors');

// NODE_UNIQUE_ID marks a cluster worker; jspack starts none yet, so this is
// a primary unless another runtime started us as its worker.
const worker = env.NODE_UNIQUE_ID !== undefined;

function setupPrimary(settings) {
  this.settings = { ...this.settings, ...settings };
  this.emit('setup', this.settings);
}

module.exports = Object.assign(new EventEmitter(), {
  isWorker: worker,
  isMaster: !worker,
  isPrimary: !worker,
  Worker: class Worker extends EventEmitter {},
  workers: {},
  settings: {},
  SCHED_NONE: 1,
  SCHED_RR: 2,
  schedulingPolicy: 2,
  setupPrimary,
  setupMaster: setupPrimary,
  fork() {
    throw new codes.ERR_JSPACK_NOT_IMPLEMENTED('cluster.fork()');
  },
  disconnect(callback) {
    if (typeof callback === 'function') process.nextTick(callback);
  },
});
