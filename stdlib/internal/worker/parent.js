'use strict';
// The Worker class: the parent's view of a worker thread. The thread, its
// isolate and its loop are native (binding 'worker'); this side checks the
// options, packs what the thread boots with, and turns the two ports it
// gets back (public messages, control) and the exit into Worker events.

const EventEmitter = require('../../events');
const process = require('../process/object');
const { resolve: resolvePath } = require('../../path');
const { codes } = require('../errors');
const {
  validateArray, validateString,
} = require('../validators');
const {
  binding: messagingBinding, makeCloneError, nativeStyleError,
  splitTransferList,
} = require('./io');
const { environmentDataForWorker, SHARE_ENV } = require('./shared');

const {
  ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_WORKER_INIT_FAILED,
  ERR_WORKER_INVALID_EXEC_ARGV, ERR_WORKER_OUT_OF_MEMORY, ERR_WORKER_PATH,
} = codes;

const kNativeHandle = Symbol('kNativeHandle');
const kPublicPort = Symbol('kPublicPort');
const kControl = Symbol('kControl');
const kExited = Symbol('kExited');
const kExitWaiters = Symbol('kExitWaiters');
const kLimits = Symbol('kLimits');
const kThreadId = Symbol('kThreadId');
const kOwner = Symbol('kOwner');
const kKeepsOutput = Symbol('kKeepsOutput');

let native;
function binding() {
  if (native === undefined) {
    // eslint-disable-next-line no-undef
    native = internalBinding('worker');
    native.setup(onExitFromNative);
    messagingBinding();
  }
  return native;
}

// Node's defaults, reported by worker.resourceLimits for unset fields.
const kDefaultLimits = {
  maxYoungGenerationSizeMb: 48,
  maxOldGenerationSizeMb: 4096,
  codeRangeSizeMb: 0,
  stackSizeMb: 4,
};
const kLimitNames = Object.keys(kDefaultLimits);

function readLimits(limits) {
  const out = [0, 0, 0, 4];
  if (typeof limits !== 'object' || limits === null) return out;
  kLimitNames.forEach((name, i) => {
    const value = limits[name];
    if (typeof value === 'number' && value > 0) out[i] = value;
  });
  return out;
}

// The worker's entry: [kind, what, argv1]. A filename must be absolute or
// start with ./ or ../ (resolved against the cwd), or be a file: or data:
// URL.
function readEntry(spec, isEval) {
  if (isEval) {
    if (typeof spec !== 'string') {
      throw new ERR_INVALID_ARG_VALUE('options.eval', true,
                                      'must be false when \'filename\' is ' +
                                      'not a string');
    }
    return ['eval', spec, '[worker eval]'];
  }
  let path = spec;
  const isUrl = spec !== null && typeof spec === 'object' &&
    typeof spec.href === 'string' && typeof spec.protocol === 'string';
  if (isUrl) {
    if (spec.protocol === 'data:') return ['data', spec.href, spec.href];
    if (spec.protocol !== 'file:') {
      throw new codes.ERR_INVALID_URL_SCHEME('file');
    }
    path = require('../../url').fileURLToPath(spec);
  } else if (typeof spec !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('filename', ['string', 'URL'], spec);
  } else if (spec.startsWith('data:')) {
    return ['data', spec, spec];
  } else if (spec.startsWith('file:')) {
    path = require('../../url').fileURLToPath(spec);
  } else if (!/^\.{0,2}\//.test(spec)) {
    throw new ERR_WORKER_PATH(spec);
  }
  const absolute = resolvePath(path);
  return ['file', absolute, absolute];
}

// The env the worker starts with: a copy of ours (or of options.env), or
// the process's own environment itself with SHARE_ENV.
function readEnv(env) {
  if (env === SHARE_ENV) return SHARE_ENV;
  const source = env === undefined || env === null ? process.env : env;
  if (env !== undefined && env !== null && typeof env !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('options.env', ['object', 'undefined',
      'null', 'worker_threads.SHARE_ENV'], env);
  }
  const copy = {};
  for (const key of Object.keys(source)) copy[key] = `${source[key]}`;
  return copy;
}

function toStrings(list, name) {
  if (list === undefined) return [];
  validateArray(list, name);
  return list.map((item) => `${item}`);
}

class Worker extends EventEmitter {
  constructor(filename, options = undefined) {
    super();
    // Anything but an object means no options, as in Node.
    const opts = typeof options === 'object' && options !== null ? options :
      {};
    const [kind, what, argv1] = readEntry(filename, !!opts.eval);
    const argv = toStrings(opts.argv, 'options.argv');
    let execArgv = process.execArgv;
    if (opts.execArgv !== undefined) {
      execArgv = toStrings(opts.execArgv, 'options.execArgv');
      const bad = execArgv.filter((a) => !a.startsWith('-'));
      if (bad.length > 0) throw new ERR_WORKER_INVALID_EXEC_ARGV(bad);
    }
    if (opts.name !== undefined) validateString(opts.name, 'options.name');
    const env = readEnv(opts.env);
    const limits = readLimits(opts.resourceLimits);
    const { buffers, ports } = splitTransferList(opts.transferList, null);
    const boot = { kind, what, execArgv, limits };
    boot.workerData = opts.workerData;
    boot.environmentData = environmentDataForWorker();
    boot.env = env === SHARE_ENV ? null : env;
    boot.name = opts.name === undefined ? '' : opts.name;
    boot.stdout = !!opts.stdout;
    this[kKeepsOutput] = { stdout: !!opts.stdout, stderr: !!opts.stderr };
    boot.stderr = !!opts.stderr;
    boot.stdin = !!opts.stdin;
    const io = binding();
    const [appEntry] = io.appEntry();
    // A file bundled into the app (its own entry, or another one packed
    // with it) runs from the bundle; others load from disk.
    let file = argv1;
    if (kind === 'file') {
      // A relative path as given: it may name a bundled file relative to
      // the app when it is not on disk relative to the cwd.
      const asGiven = typeof filename === 'string' &&
        !filename.startsWith('file:') ? filename : what;
      const found = require('../modules/run_main').bundledEntry(
        asGiven, process.cwd());
      if (found !== undefined) {
        boot.isApp = true;
        boot.entry = { mainFile: appEntry, key: found[0] };
        file = found[1];
      }
    }
    boot.isApp = boot.isApp === true ||
      (kind === 'file' && what === appEntry);
    const mode = boot.isApp ? 'app' : kind === 'file' ? 'file' : 'worker';
    const [handle, port, control, threadId] = io.create(
      boot, buffers, ports, makeCloneError, file, argv, limits, mode,
      execArgv);
    handle[kOwner] = this;
    this[kNativeHandle] = handle;
    this[kPublicPort] = port;
    this[kControl] = control;
    this[kExited] = false;
    this[kExitWaiters] = [];
    this[kThreadId] = threadId;
    this[kLimits] = limits;
    this.performance = { eventLoopUtilization: () => ({
      idle: 0, active: 0, utilization: 0,
    }) };
    this.stdin = null;
    // The exit handle keeps the loop alive while the worker runs; the two
    // ports only deliver.
    port.on('message', (value) => this.emit('message', value));
    port.on('messageerror', (err) => this.emit('messageerror', err));
    port.unref();
    control.on('message', (message) => this.#onControl(message));
    control.unref();
    this.#makeStreams();
    if (opts.stdin) this.#makeStdin(control);
    const err = io.start(handle);
    if (err !== 0) {
      throw new ERR_WORKER_INIT_FAILED(
        require('../errors').getSystemErrorName(err));
    }
  }

  // worker.stdout and worker.stderr: the worker's output arrives here, in
  // the order it wrote it, and ends at its exit. Without the stdout/stderr
  // options it is also written to this process's own stream as it arrives
  // (before the 'exit' event, as in Node), and these streams only get it
  // while someone reads them, so that an unread one does not grow.
  #makeStreams() {
    const { Readable } = require('../../stream');
    this.stdout = new Readable({ read() {} });
    this.stderr = new Readable({ read() {} });
  }

  #onOutput(name, chunk) {
    const stream = this[name];
    if (this[kKeepsOutput][name]) {
      stream.push(chunk);
      return;
    }
    process[name].write(chunk);
    if (stream.readableFlowing === true || stream.listenerCount('data') > 0 ||
        stream.listenerCount('readable') > 0) {
      stream.push(chunk);
    }
  }

  // stdin: true: what is written here is the worker's process.stdin.
  #makeStdin(control) {
    const { Writable } = require('../../stream');
    this.stdin = new Writable({
      write(chunk, encoding, callback) {
        control.postMessage({ type: 'stdin', chunk });
        callback();
      },
      final(callback) {
        control.postMessage({ type: 'stdin', chunk: null });
        callback();
      },
    });
  }

  #onControl(message) {
    switch (message.type) {
      case 'online':
        this.emit('online');
        break;
      case 'error':
        this.emit('error', rebuildError(message));
        break;
      case 'stdio':
        this.#onOutput(message.stream, message.chunk);
        break;
      default:
        break;
    }
  }

  postMessage(value, transferList = undefined) {
    if (this[kExited]) return;
    if (arguments.length < 1) {
      throw nativeStyleError('ERR_MISSING_ARGS',
                             'Not enough arguments to MessagePort.postMessage');
    }
    this[kPublicPort].postMessage(value, transferList);
  }

  terminate(callback = undefined) {
    const hasCallback = typeof callback === 'function';
    if (hasCallback) {
      process.emitWarning('Passing a callback to worker.terminate() is ' +
        'deprecated. It returns a Promise instead.', 'DeprecationWarning',
                          'DEP0132');
    }
    if (this[kExited]) {
      if (hasCallback) callback(null, undefined);
      return Promise.resolve(undefined);
    }
    return new Promise((settle) => {
      this[kExitWaiters].push((code) => {
        if (hasCallback) callback(null, code);
        settle(code);
      });
      binding().terminate(this[kNativeHandle]);
    });
  }

  ref() {
    if (!this[kExited]) binding().setRef(this[kNativeHandle], true);
  }

  unref() {
    if (!this[kExited]) binding().setRef(this[kNativeHandle], false);
  }

  get threadId() {
    return this[kExited] ? -1 : this[kThreadId];
  }

  get resourceLimits() {
    if (this[kExited]) return {};
    const out = {};
    kLimitNames.forEach((name, i) => {
      out[name] = this[kLimits][i] > 0 ? this[kLimits][i] :
        kDefaultLimits[name];
    });
    return out;
  }

  getHeapSnapshot() {
    return Promise.reject(new codes.ERR_WORKER_NOT_RUNNING());
  }
}

// An error the worker did not catch, as the parent sees it: the clone V8
// made (an Error of the same standard class with message and stack), with
// the own properties it carried; other thrown values come as they were.
function rebuildError(message) {
  const { error, props } = message;
  if (error !== null && typeof error === 'object' && props !== undefined) {
    for (const key of Object.keys(props)) {
      if (!(key in error)) error[key] = props[key];
    }
  }
  if (message.text !== undefined) {
    const err = new Error(message.text);
    err.stack = message.text;
    return err;
  }
  return error;
}

function onExitFromNative(handle, code, outOfMemory) {
  const worker = handle[kOwner];
  if (worker === undefined) return;
  // Messages the worker posted before it ended come first, then its error.
  messagingBinding().drain(worker[kPublicPort]);
  messagingBinding().drain(worker[kControl]);
  worker[kExited] = true;
  worker[kPublicPort].close();
  worker[kControl].close();
  if (outOfMemory) {
    worker.emit('error', new ERR_WORKER_OUT_OF_MEMORY(
      'JS heap out of memory'));
  }
  worker.stdout.push(null);
  worker.stderr.push(null);
  worker.emit('exit', code);
  const waiters = worker[kExitWaiters];
  worker[kExitWaiters] = [];
  for (const resolve of waiters) resolve(code);
}

module.exports = { Worker };
