'use strict';
// node:cluster, primary side only for now: what code asks of it at load time (isPrimary, settings, events); fork() is not implemented yet.

const EventEmitter = require('./events');
const env = require('./internal/process/env');
const process = require('./internal/process/object');
const { codes } = require('./internal/errors');

const cluster = new EventEmitter();
// NODE_UNIQUE_ID marks a cluster worker, which jspack cannot start yet, so
// this is a primary unless someone else started us as a worker.
const isWorker = env.NODE_UNIQUE_ID !== undefined;

Object.assign(cluster, {
  isWorker,
  isMaster: !isWorker,
  isPrimary: !isWorker,
  Worker: class Worker extends EventEmitter {},
  workers: {},
  settings: {},
  SCHED_NONE: 1,
  SCHED_RR: 2,
  schedulingPolicy: 2,
  setupPrimary(settings) {
    this.settings = { ...this.settings, ...settings };
    this.emit('setup', this.settings);
  },
  fork() {
    throw new codes.ERR_JSPACK_NOT_IMPLEMENTED('cluster.fork()');
  },
  disconnect(callback) {
    if (typeof callback === 'function') process.nextTick(callback);
  },
});
cluster.setupMaster = cluster.setupPrimary;

module.exports = cluster;
