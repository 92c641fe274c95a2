'use strict';
// ChildProcess: one spawned program on a process_wrap handle, its stdio
// streams (node:net sockets on socketpairs), exit bookkeeping, kill, and the
// IPC channel when a slot is 'ipc'.

const asyncContext = require('../async_hooks/context');
const EventEmitter = require('../../events');
const { AbortError, codes, errnoException } = require('../errors');
const { validateObject, validateString } = require('../validators');
const { nextTick } = require('../process/ticks');
const { kUsedAsStdio, normalizeStdio, signalNames, signalNumber } = require('./options');
const pipes = require('./pipes');

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

const kId = Symbol('childId');
const kExited = Symbol('exited');

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
    this._handle = null;
  }

  // spawn(options) with the record normalizeSpawnArguments made. Returns 0
  // or the libuv error when the program could not be started (reported as
  // an 'error' event on the next tick, as in Node).
  spawn(record) {
    validateObject(record, 'options');
    validateString(record.file, 'options.file');
    if (!Array.isArray(record.args)) {
      throw new codes.ERR_INVALID_ARG_TYPE('options.args', 'Array', record.args);
    }
    const { slots, ipcIndex } = normalizeStdio(record.stdio, false);
    Object.assign(this, { spawnfile: record.file, spawnargs: record.args });
    let envPairs = record.envPairs;
    if (ipcIndex !== -1) {
      const mode = record.serialization || 'json';
      envPairs = (envPairs || []).filter((pair) =>
        !pair.startsWith('NODE_CHANNEL_FD=') &&
        !pair.startsWith('NODE_CHANNEL_SERIALIZATION_MODE='));
      envPairs.push(`NODE_CHANNEL_FD=${ipcIndex}`,
        `NODE_CHANNEL_SERIALIZATION_MODE=${mode}`);
    }
    const nativeSlots = slots.map((slot) =>
      (slot.type === 'ipc' ? { type: 'pipe' } : { type: slot.type, fd: slot.fd }));
    const request = { envPairs, stdio: nativeSlots };
    for (const key of ['file', 'args', 'cwd', 'detached', 'uid', 'gid']) {
      request[key] = record[key];
    }
    request.detached = request.detached === true;
    const result = wrap().spawn(request, asyncContext.bind((code, signal) => this[kExited](code, signal), 'PROCESSWRAP'));
    if (result < 0) return this._spawnFailed(result, slots);

    this[kId] = result;
    this._handle = { id: result };
    this.pid = wrap().pid(result);
    // A stream given as a slot (another child's stdout, say) is the new
    // child's to read now: as in Node, the parent stops reading it and
    // leaves it paused, and never drains it.
    for (const slot of slots) {
      const stream = slot.stream;
      if (stream === undefined || stream[kUsedAsStdio] === true) continue;
      stream[kUsedAsStdio] = true;
      const hw = stream._handle;
      if (hw && hw.reading && typeof hw.readStop === 'function') hw.readStop();
      if (typeof stream.pause === 'function' && stream.readable) stream.pause();
    }
    const streams = slots.map((slot, i) => {
      if (slot.type !== 'pipe') return null;
      // The child reads fd 0 and writes 1 and 2; extra pipes go both ways.
      const socket = pipes.openPipeSocket(nativeSlots[i].parentFd, i !== 0, i === 0 || i > 2);
      if (i !== 0) {
        this._closesNeeded++;
        socket.on('close', () => maybeClose(this));
      }
      return socket;
    });
    this._setStdio(streams);
    if (ipcIndex !== -1) {
      // The channel counts towards 'close', like an output stream.
      this._closesNeeded++;
      require('./ipc').attachChannel(this, nativeSlots[ipcIndex].parentFd,
        () => maybeClose(this), record.serialization || 'json');
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
      const stream = pipes.closedPipeStreams(i === 0);
      if (i !== 0) {
        this._closesNeeded++;
        stream.on('close', () => maybeClose(this));
      }
      return stream;
    });
    this._setStdio(streams);
    this.exitCode = err;
    nextTick(() => {
      const failure = errnoException(err, `spawn ${this.spawnfile}`);
      failure.path = this.spawnfile;
      failure.spawnargs = this.spawnargs.slice(1);
      this.emit('error', failure);
      nextTick(maybeClose, this);
    });
    return err;
  }

  [kExited](code, signal) {
    if (signal) this.signalCode = signalNames[signal] ?? signal;
    else this.exitCode = code;
    if (this.stdin) this.stdin.destroy();
    wrap().close(this[kId]);
    this[kId] = undefined;
    this._handle = null;
    const { exitCode, signalCode } = this;
    this.emit('exit', exitCode, signalCode);
    // Output nobody reads is drained, so that its pipe closes and 'close'
    // can come (as in Node); not output that another child reads.
    for (const stream of this.stdio ?? []) {
      if (stream && stream !== this.stdin && stream.readable &&
          stream.readableFlowing === null && stream[kUsedAsStdio] !== true) {
        stream.resume();
      }
    }
    // Output still buffered in the pipes is read before 'close'.
    nextTick(() => maybeClose(this));
  }

  kill(signal) {
    // 0 sends nothing and only asks whether the child is still there.
    let number = 0;
    if (signal === undefined) {
      number = signalNumber('SIGTERM', 'signal');
    } else if (signal !== 0) {
      // kill() names any other bad value an unknown signal.
      const known = typeof signal === 'number' || typeof signal === 'string';
      if (!known) throw new codes.ERR_UNKNOWN_SIGNAL(signal);
      number = signalNumber(signal, 'signal');
    }
    if (this[kId] === undefined) return false;
    const err = wrap().kill(this[kId], number);
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
    if (this[kId] !== undefined) wrap().ref(this[kId]);
  }

  unref() {
    if (this[kId] !== undefined) wrap().unref(this[kId]);
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
    const sent = child.kill(killSignal);
    if (sent) {
      const failure = new AbortError(undefined, { cause: signal.reason });
      nextTick(() => child.emit('error', failure));
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
