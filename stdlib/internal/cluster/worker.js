'use strict';
// cluster.Worker: one worker process as both sides see it. In the primary
// `process` is the ChildProcess fork() made; in a worker it is the worker's
// own process object. The side-specific methods (kill, destroy, disconnect)
// are added by primary.js and child.js.

const EventEmitter = require('../../events');

function Worker(options) {
  if (!(this instanceof Worker)) return new Worker(options);
  EventEmitter.call(this);
  const given = options === null || typeof options !== 'object' ? {} : options;
  // Own keys in Node's order: exitedAfterDisconnect, state, id, process.
  this.exitedAfterDisconnect = undefined;
  this.state = given.state || 'none';
  this.id = given.id | 0;
  if (given.process) {
    this.process = given.process;
    // The process's own messages and errors are the worker's too.
    this.process.on('message', (message, handle) => this.emit('message', message, handle));
    this.process.on('error', (err) => this.emit('error', err));
  }
}
Object.setPrototypeOf(Worker.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Worker, EventEmitter);

Worker.prototype.send = function send(...args) {
  return this.process.send(...args);
};

Worker.prototype.kill = function kill(...args) {
  return this.destroy(...args);
};

Worker.prototype.isDead = function isDead() {
  return this.process.exitCode != null || this.process.signalCode != null;
};

Worker.prototype.isConnected = function isConnected() {
  return this.process.connected === true;
};

module.exports = { Worker };
