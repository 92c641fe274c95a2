'use strict';
// ChildProcess: one spawned program on a process_wrap handle, its stdio
// streams (node:net sockets on socketpairs), exit bookkeeping, kill, and the
// IPC channel when a slot is 'ipc'.

const EventEmitter = require('../../events');
const { AbortError, codes, errnoException } = require('../errors');
const { validateObject, validateString } = require('../validators');
const { nextTick } = require('../process/ticks');
const { normalizeStdio, signalNames, signalNumber } = require('./options');
const { openPipeSocket, closedPipeStreams } = require('./pipes');

const { ERR_INVALID_ARG_TYPE } = codes;

let binding;
function wrap() {
  if (binding === undefined) binding = internalBinding('process_wrap');
  return binding;
}

let uvBinding;
function codeName(err) {
  if (uvBinding === undefined) uvBinding = internalBinding('uv');
  return uvBinding.errname(err);
}

// Spawn failures that Node reports as an 'error' event (the program cannot
// be started) rather than a throw (the request itself was bad).
const kReportedErrors = ['EACCES', 'EAGAIN', 'EMFILE', 'ENFILE', 'ENOENT'];

const kHandle = Symbol('kHandle');
const kOnExit = Symbol('kOnExit');

class ChildProcess extends EventEmitter {
  constructor() {
    super();
    this._closesNeeded = 1;
    this._closesGot = 0;
    this.connected = false;
    this.signalCode = null;
    this.exitCode = null;
    this.killed = false;
    this.spawnfile = null;
    this[kHandle] = undefined;
    this._handle = null;
  }

  // spawn(options) with the record normalizeSpawnArguments made. Returns 0
  // or the libuv error when the program could not be started (reported as
  // an 'error' event on the next tick, as in Node).
  spawn(options) {
    validateObject(options, 'options');
    validateString(options.file, 'options.file');
    if (!Array.isArray(options.args)) {
      throw new ERR_INVALID_ARG_TYPE('options.args', 'Array', options.args);
    }
    const { slots, ipcIndex } = normalizeStdio(options.stdio, false);
    this.spawnfile = options.file;
    this.spawnargs = options.args;
    let envPairs = options.envPairs;
    if (ipcIndex !== -1) {
      const mode = options.serialization || 'json';
      envPairs = (envPairs || []).filter((pair) =>
        !pair.startsWith('NODE_CHANNEL_FD=') &&
        !pair.startsWith('NODE_CHANNEL_SERIALIZATION_MODE='));
      envPairs.push(`NODE_CHANNEL_FD=${ipcIndex}`,
        `NODE_CHANNEL_SERIALIZATION_MODE=${mode}`);
    }
    const nativeSlots = slots.map((slot) =>
      (slot.type === 'ipc' ? { type: 'pipe' } : { type: slot.type, fd: slot.fd }));
    const request = {
      file: options.file,
      args: options.args,
      cwd: options.cwd,
      envPairs,
      detached: !!options.detached,
      uid: options.uid,
      gid: options.gid,
      stdio: nativeSlots,
    };
    const result = wrap().spawn(request, (code, signal) => this[kOnExit](code, signal));
    if (result < 0) return this._spawnFailed(result, slots);

    this[kHandle] = result;
    this._handle = { id: result };
    this.pid = wrap().pid(result);
    const streams = slots.map((slot, i) => {
      if (slot.type !== 'pipe') return null;
      // The child reads fd 0 and writes the others, as Node sets them up.
      const socket = openPipeSocket(nativeSlots[i].parentFd, i !== 0, i === 0);
      if (i !== 0) {
        this._closesNeeded++;
        socket.on('close', () => maybeClose(this));
      }
      return socket;
    });
    this._setStdio(streams);
    if (ipcIndex !== -1) {
      const { setupParentChannel } = require('./ipc');
      setupParentChannel(this, nativeSlots[ipcIndex].parentFd,
        options.serialization || 'json');
    }
    nextTick(() => this.emit('spawn'));
    return 0;
  }

  _setStdio(streams) {
    this.stdio = streams;
    this.stdin = streams[0] ?? null;
    this.stdout = streams[1] ?? null;
    this.stderr = streams[2] ?? null;
  }

  _spawnFailed(err, slots) {
    const name = codeName(err);
    if (!kReportedErrors.includes(name)) {
      throw errnoException(err, `spawn ${this.spawnfile}`);
    }
    // The streams exist (and end at once) so that code listening on them
    // before the 'error' event arrives keeps working.
    const streams = slots.map((slot, i) => {
      if (slot.type !== 'pipe') return null;
      const stream = closedPipeStreams(i === 0);
      if (i !== 0) {
        this._closesNeeded++;
        stream.on('close', () => maybeClose(this));
      }
      return stream;
    });
    this._setStdio(streams);
    this.exitCode = err;
    nextTick(() => {
      const error = errnoException(err, `spawn ${this.spawnfile}`);
      error.path = this.spawnfile;
      error.spawnargs = this.spawnargs.slice(1);
      this.emit('error', error);
      maybeClose(this);
    });
    return err;
  }

  [kOnExit](code, signal) {
    if (signal) this.signalCode = signalNames[signal] ?? signal;
    else this.exitCode = code;
    if (this.stdin) this.stdin.destroy();
    wrap().close(this[kHandle]);
    this[kHandle] = undefined;
    this._handle = null;
    this.emit('exit', this.exitCode, this.signalCode);
    // Output still buffered in the pipes is read before 'close'.
    nextTick(() => maybeClose(this));
  }

  kill(signal) {
    const number = signal === undefined ? signalNumber('SIGTERM', 'signal') :
      signalNumber(signal, 'signal');
    if (this[kHandle] === undefined) return false;
    const err = wrap().kill(this[kHandle], number);
    if (err === 0) {
      this.killed = true;
      return true;
    }
    const name = codeName(err);
    if (name === 'ESRCH') return false;
    if (name === 'EINVAL' || name === 'ENOSYS') throw errnoException(err, 'kill');
    this.emit('error', errnoException(err, 'kill'));
    return false;
  }

  [Symbol.dispose]() {
    if (!this.killed) this.kill();
  }

  ref() {
    if (this[kHandle] !== undefined) wrap().ref(this[kHandle]);
  }

  unref() {
    if (this[kHandle] !== undefined) wrap().unref(this[kHandle]);
  }
}

// 'close' comes once the process has exited and every output stream (and
// the IPC channel) has closed.
function maybeClose(child) {
  child._closesGot++;
  if (child._closesGot === child._closesNeeded) {
    child.emit('close', child.exitCode, child.signalCode);
  }
}

// options.signal: aborting kills the child with killSignal and reports an
// AbortError carrying the signal's reason.
function watchAbortSignal(child, signal, killSignal) {
  const onAbort = () => {
    if (child.kill(killSignal)) {
      child.emit('error', new AbortError(undefined, { cause: signal.reason }));
    }
  };
  if (signal.aborted) {
    nextTick(onAbort);
    return;
  }
  signal.addEventListener('abort', onAbort, { once: true });
  child.once('exit', () => signal.removeEventListener('abort', onAbort));
}

module.exports = { ChildProcess, maybeClose, watchAbortSignal };
