'use strict';
// node:child_process: spawn, exec, execFile and fork on process_wrap, and
// their blocking twins on spawn_sync.

const { codes, errnoException } = require('./internal/errors');
const { validateArray, validateObject } = require('./internal/validators');
const { toPath } = require('./internal/fs/utils');
const { isArrayBufferView } = require('./internal/util/types');
const kPromisifyCustom = Symbol.for('nodejs.util.promisify.custom');
const {
  normalizeExecArgs,
  normalizeExecFileArgs,
  normalizeSpawnArguments,
  normalizeStdio,
  signalNames,
  signalNumber,
  stdioFromString,
  validateAsyncOptions,
  validateMaxBuffer,
  validateTimeout,
} = require('./internal/child_process/options');
const { ChildProcess, watchAbortSignal } = require('./internal/child_process/child');
const process = require('./internal/process/object');

const {
  ERR_CHILD_PROCESS_IPC_REQUIRED,
  ERR_CHILD_PROCESS_STDIO_MAXBUFFER,
  ERR_INVALID_ARG_TYPE,
  ERR_INVALID_ARG_VALUE,
} = codes;

const kDefaultMaxBuffer = 1024 * 1024;

function spawn(file, args, options) {
  const request = normalizeSpawnArguments(file, args, options);
  validateAsyncOptions(request);
  const killSignal = request.killSignal ?? 'SIGTERM';
  const child = new ChildProcess();
  child.spawn(request);
  if (request.timeout > 0) {
    let timer = setTimeout(() => {
      timer = null;
      child.kill(killSignal);
    }, request.timeout);
    child.once('exit', () => {
      if (timer !== null) clearTimeout(timer);
    });
  }
  if (request.signal !== undefined) watchAbortSignal(child, request.signal, killSignal);
  return child;
}

// Output collected by execFile: chunks and their total size per stream.
class Collector {
  constructor() {
    this.chunks = [];
    this.length = 0;
  }

  add(chunk, encoding) {
    this.chunks.push(chunk);
    this.length += encoding ? Buffer.byteLength(chunk, encoding) : chunk.length;
  }

  result(encoding) {
    if (encoding) return this.chunks.join('');
    return Buffer.concat(this.chunks);
  }
}

function execFile(file, givenArgs, givenOptions, givenCallback) {
  const { args, options, callback } =
    normalizeExecFileArgs(file, givenArgs, givenOptions, givenCallback);
  const settings = {
    encoding: 'utf8',
    timeout: 0,
    maxBuffer: kDefaultMaxBuffer,
    killSignal: 'SIGTERM',
    ...options,
  };
  validateTimeout(settings.timeout);
  validateMaxBuffer(settings.maxBuffer);
  signalNumber(settings.killSignal, 'options.killSignal');

  const child = spawn(file, args, {
    cwd: settings.cwd,
    env: settings.env,
    gid: settings.gid,
    shell: settings.shell,
    signal: settings.signal,
    uid: settings.uid,
    windowsHide: !!settings.windowsHide,
    windowsVerbatimArguments: !!settings.windowsVerbatimArguments,
    argv0: settings.argv0,
  });
  // Strings only for an encoding Buffer knows; 'buffer' or anything else
  // gives Buffers.
  const encoding = typeof settings.encoding === 'string' &&
    settings.encoding !== 'buffer' && Buffer.isEncoding(settings.encoding) ?
    settings.encoding : null;
  const out = new Collector();
  const err = new Collector();
  const command = [file, ...args].join(' ');
  let failure = null;
  let finished = false;
  let timer = null;

  const finish = (code, signal) => {
    if (finished) return;
    finished = true;
    if (timer !== null) clearTimeout(timer);
    if (!callback) return;
    const stdout = out.result(encoding);
    const stderr = err.result(encoding);
    if (failure === null && code === 0 && signal === null) {
      callback(null, stdout, stderr);
      return;
    }
    let error = failure;
    if (error === null) {
      // eslint-disable-next-line no-restricted-syntax
      error = new Error(`Command failed: ${command}\n${stderr}`);
      error.code = code < 0 ? codeNameOf(code) : code;
      error.killed = child.killed;
      error.signal = signal;
    } else if (error.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
      error.killed = child.killed;
      error.signal = signal;
    }
    error.cmd = command;
    callback(error, stdout, stderr);
  };
  const kill = () => {
    if (child.stdout) child.stdout.destroy();
    if (child.stderr) child.stderr.destroy();
    try {
      child.kill(settings.killSignal);
    } catch (e) {
      failure = failure ?? e;
      finish(null, null);
    }
  };

  if (settings.timeout > 0) {
    timer = setTimeout(() => {
      timer = null;
      kill();
    }, settings.timeout);
  }
  const collect = (stream, collector, name) => {
    if (!stream) return;
    if (encoding) stream.setEncoding(encoding);
    stream.on('data', (chunk) => {
      collector.add(chunk, encoding);
      if (collector.length > settings.maxBuffer) {
        const over = collector.length - settings.maxBuffer;
        // Keep exactly maxBuffer, as Node does.
        const last = collector.chunks.pop();
        collector.chunks.push(last.slice(0, last.length - over));
        collector.length = settings.maxBuffer;
        failure = failure ?? new ERR_CHILD_PROCESS_STDIO_MAXBUFFER(name);
        kill();
      }
    });
  };
  collect(child.stdout, out, 'stdout');
  collect(child.stderr, err, 'stderr');
  child.addListener('close', finish);
  child.addListener('error', (e) => {
    failure = e;
    if (child.stdout) child.stdout.destroy();
    if (child.stderr) child.stderr.destroy();
    finish(null, null);
  });
  return child;
}

let uvBinding;
function codeNameOf(errno) {
  if (uvBinding === undefined) uvBinding = internalBinding('uv');
  return uvBinding.errname(errno);
}

function exec(command, options, callback) {
  const normal = normalizeExecArgs(command, options, callback);
  return execFile(normal.file, normal.options, normal.callback);
}

// util.promisify(exec / execFile) resolves { stdout, stderr } and rejects
// the error with both attached; the promise carries the child.
function promisifyExec(run) {
  return (...args) => {
    let child;
    const promise = new Promise((resolve, reject) => {
      child = run(...args, (err, stdout, stderr) => {
        if (err !== null) {
          err.stdout = stdout;
          err.stderr = stderr;
          reject(err);
        } else {
          resolve({ stdout, stderr });
        }
      });
    });
    promise.child = child;
    return promise;
  };
}
Object.defineProperty(exec, kPromisifyCustom, {
  value: promisifyExec(exec), enumerable: false, writable: false, configurable: true,
});
Object.defineProperty(execFile, kPromisifyCustom, {
  value: promisifyExec(execFile), enumerable: false, writable: false, configurable: true,
});

function fork(modulePath, givenArgs, givenOptions) {
  const path = toPath(modulePath, 'modulePath');
  const file = typeof path === 'string' ? path : Buffer.from(path).toString();
  let args = givenArgs;
  let options = givenOptions;
  if (args == null) {
    args = [];
  } else if (!Array.isArray(args)) {
    if (typeof args !== 'object') throw new ERR_INVALID_ARG_VALUE('args', args);
    options = args;
    args = [];
  }
  if (options != null) validateObject(options, 'options');
  options = { ...options, shell: false };
  const execArgv = options.execArgv || process.execArgv || [];
  validateArray(execArgv, 'options.execArgv');
  if (execArgv === process.execArgv && execArgv.length > 0) {
    // Node drops the inspector flags the parent used.
    options.execArgv = execArgv.filter((flag) => !flag.startsWith('--inspect'));
  }
  let { stdio } = options;
  if (typeof stdio === 'string') {
    stdio = stdioFromString(stdio, 'ipc');
  } else if (stdio === undefined || stdio === null) {
    stdio = options.silent ? ['pipe', 'pipe', 'pipe', 'ipc'] :
      ['inherit', 'inherit', 'inherit', 'ipc'];
  } else if (!Array.isArray(stdio) || !stdio.includes('ipc')) {
    throw new ERR_CHILD_PROCESS_IPC_REQUIRED('options.stdio');
  }
  options.stdio = stdio;
  const execPath = options.execPath || process.execPath;
  return spawn(execPath, [...(options.execArgv || execArgv), file, ...args], options);
}

// The blocking half ----------------------------------------------------------

let syncBinding;
function syncSpawn(request) {
  if (syncBinding === undefined) syncBinding = internalBinding('spawn_sync');
  return syncBinding.spawnSync(request);
}

function asBuffer(bytes) {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
}

function toBytes(value, name) {
  if (typeof value === 'string') return Buffer.from(value);
  if (isArrayBufferView(value)) {
    return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  }
  throw new ERR_INVALID_ARG_TYPE(name,
    ['string', 'Buffer', 'TypedArray', 'DataView'], value);
}

function spawnSync(file, args, options) {
  const request = normalizeSpawnArguments(file, args, options);
  const settings = { maxBuffer: kDefaultMaxBuffer, ...request };
  validateTimeout(settings.timeout);
  validateMaxBuffer(settings.maxBuffer);
  const killSignal = settings.killSignal == null ? signalNumber('SIGTERM') :
    signalNumber(settings.killSignal, 'options.killSignal');
  const { slots } = normalizeStdio(settings.stdio, true);
  if (settings.input != null) {
    if (slots[0].type === 'pipe') slots[0].input = settings.input;
  }
  const nativeSlots = slots.map((slot, i) => {
    if (slot.type !== 'pipe') return slot;
    const entry = { type: 'pipe', readable: i === 0, writable: i !== 0 };
    if (slot.input !== undefined) {
      entry.input = toBytes(slot.input, `options.stdio[${i}]`);
    }
    return entry;
  });
  const native = syncSpawn({
    file: settings.file,
    args: settings.args,
    cwd: settings.cwd,
    envPairs: settings.envPairs,
    detached: settings.detached,
    uid: settings.uid,
    gid: settings.gid,
    stdio: nativeSlots,
    timeout: settings.timeout > 0 ? settings.timeout : 0,
    killSignal,
    maxBuffer: Number.isFinite(settings.maxBuffer) ? settings.maxBuffer : 0,
  });

  const result = {};
  if (native.error !== undefined) {
    const error = errnoException(native.error, `spawnSync ${settings.file}`);
    error.path = settings.file;
    error.spawnargs = settings.args.slice(1);
    result.error = error;
  }
  result.status = native.status;
  result.signal = native.signal === 0 ? null : (signalNames[native.signal] ?? native.signal);
  const { encoding } = settings;
  const decode = encoding && encoding !== 'buffer' && Buffer.isEncoding(encoding);
  result.output = native.output === null ? null : native.output.map((bytes) => {
    if (bytes === null) return null;
    const buffer = asBuffer(bytes);
    return decode ? buffer.toString(encoding) : buffer;
  });
  result.pid = native.pid;
  result.stdout = result.output && result.output[1];
  result.stderr = result.output && result.output[2];
  return result;
}

// Whether execSync and execFileSync pipe the child's stderr themselves and
// copy it to ours afterwards (only when options.stdio was not given).
function copiesStderr(options) {
  return options === undefined || options === null || options.stdio === undefined;
}

// Throws Node's execSync error when the child failed, else returns stdout.
function checkExecResult(result, command) {
  let error;
  if (result.error) {
    error = result.error;
    Object.assign(error, result);
  } else if (result.status !== 0) {
    let message = `Command failed: ${command}`;
    if (result.stderr && result.stderr.length > 0) message += `\n${result.stderr.toString()}`;
    // eslint-disable-next-line no-restricted-syntax
    error = new Error(message);
    Object.assign(error, result);
  }
  if (error) {
    Error.captureStackTrace?.(error, checkExecResult);
    throw error;
  }
  return result.stdout;
}

function execFileSync(file, givenArgs, givenOptions) {
  const { args, options } = normalizeExecFileArgs(file, givenArgs, givenOptions);
  const result = spawnSync(file, args, options);
  if (copiesStderr(givenOptions === undefined && !Array.isArray(givenArgs) ?
    givenArgs : options) && result.stderr) {
    process.stderr.write(result.stderr);
  }
  return checkExecResult(result, [file, ...args].join(' '));
}

function execSync(command, options) {
  const normal = normalizeExecArgs(command, options, undefined);
  const result = spawnSync(normal.file, normal.options);
  if (copiesStderr(options) && result.stderr) process.stderr.write(result.stderr);
  return checkExecResult(result, command);
}

module.exports = {
  ChildProcess,
  exec,
  execFile,
  execFileSync,
  execSync,
  fork,
  spawn,
  spawnSync,
};
