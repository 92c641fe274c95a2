'use strict';
// cluster.Worker: one worker process as both sides see it. In the primary
// `process` is the ChildProcess fork() made; in a worker it is the worker's
// own process object. The side-specific methods (kill, destroy, disconnect)
// are added by primary.js and child.js.

const EventEmitter = require('../../events');

// Callable without `new`, as in Node.
function Worker(config) {
  if (new.target === undefined) return new Worker(config);
  EventEmitter.call(this);
  const given = config !== null && typeof config === 'object' ? config : {};
  // Own keys in Node's order: exitedAfterDisconnect, state, id, process.
  Object.assign(this, {
    exitedAfterDisconnect: undefined,
    state: given.state || 'none',
    id: given.id | 0,
  });
  const proc = given.process;
  if (!proc) return;
  this.process = proc;
  // The process's own messages and errors are the worker's too.
  proc.on('message', (message, handle) => this.emit('message', message, handle));
  proc.on('error', (err) => this.emit('error', err));
}
Object.setPrototypeOf(Worker.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Worker, EventEmitter);

Object.assign(Worker.prototype, {
  send(...args) {
    return this.process.send(...args);
  },

  kill(...args) {
    return this.destroy(...args);
  },

  // Dead once the process has an exit code or a signal.
  isDead() {
    return [this.process.exitCode, this.process.signalCode].some((fact) => fact != null);
  },

  isConnected() {
    return this.process.connected === true;
  },
});

// Moves `worker` to `state` and, when given, records whether its exit is
// one it was asked for (exitedAfterDisconnect).
function transition(worker, state, intended) {
  if (state !== undefined) worker.state = state;
  if (intended !== undefined) worker.exitedAfterDisconnect = intended;
}

module.exports = { Worker, transition };
