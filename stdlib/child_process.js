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
  checkTimeout,
} = require('./internal/child_process/options');
const { ChildProcess, watchAbortSignal } = require('./internal/child_process/child');
const process = require('./internal/process/object');

const kDefaultMaxBuffer = 1024 * 1024;

function spawn(command, argList, opts) {
  const request = normalizeSpawnArguments(command, argList, opts);
  validateAsyncOptions(request);
  const stopWith = request.killSignal ?? 'SIGTERM';
  const proc = new ChildProcess();
  proc.spawn(request);
  if (request.timeout > 0) {
    // Cleared by the exit, so a child that finishes in time is left alone.
    const timer = setTimeout(() => proc.kill(stopWith), request.timeout);
    proc.on('exit', () => clearTimeout(timer));
  }
  if (request.signal !== undefined) watchAbortSignal(proc, request.signal, stopWith);
  return proc;
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
  checkTimeout(settings.timeout);
  validateMaxBuffer(settings.maxBuffer);
  signalNumber(settings.killSignal, 'options.killSignal');

  const proc = spawn(file, args, {
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
    const outText = out.result(encoding);
    const errText = err.result(encoding);
    if (failure === null && code === 0 && signal === null) {
      callback(null, outText, errText);
      return;
    }
    let error = failure;
    if (error === null) {
      // eslint-disable-next-line no-restricted-syntax
      error = new Error(`Command failed: ${command}\n${errText}`);
      error.code = code < 0 ? codeNameOf(code) : code;
      error.killed = proc.killed;
      error.signal = signal;
    }
    error.cmd = command;
    callback(error, outText, errText);
  };
  const kill = () => {
    if (proc.stdout) proc.stdout.destroy();
    if (proc.stderr) proc.stderr.destroy();
    try {
      proc.kill(settings.killSignal);
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
  const collect = (source, collector, name) => {
    if (!source) return;
    if (encoding) source.setEncoding(encoding);
    source.on('data', (piece) => {
      collector.add(piece, encoding);
      if (collector.length > settings.maxBuffer) {
        const over = collector.length - settings.maxBuffer;
        // Keep exactly maxBuffer, as Node does.
        const last = collector.chunks.pop();
        collector.chunks.push(last.slice(0, last.length - over));
        collector.length = settings.maxBuffer;
        failure = failure ?? new codes.ERR_CHILD_PROCESS_STDIO_MAXBUFFER(name);
        kill();
      }
    });
  };
  collect(proc.stdout, out, 'stdout');
  collect(proc.stderr, err, 'stderr');
  proc.addListener('close', finish);
  proc.addListener('error', (e) => {
    failure = e;
    if (proc.stdout) proc.stdout.destroy();
    if (proc.stderr) proc.stderr.destroy();
    finish(null, null);
  });
  return proc;
}

let uvBinding;
function codeNameOf(errno) {
  if (uvBinding === undefined) uvBinding = internalBinding('uv');
  return uvBinding.errname(errno);
}

function exec(line, opts, done) {
  const shellCall = normalizeExecArgs(line, opts, done);
  return execFile(shellCall.file, shellCall.options, shellCall.callback);
}

// util.promisify(exec / execFile) resolves { stdout, stderr } and rejects
// the error with both attached; the promise carries the child.
function promisifyExec(run) {
  return function promised(...callArgs) {
    let settle;
    const pending = new Promise((ok, fail) => {
      settle = { ok, fail };
    });
    pending.child = run(...callArgs, (failure, out, errOut) => {
      if (failure === null) {
        settle.ok({ stdout: out, stderr: errOut });
        return;
      }
      Object.assign(failure, { stdout: out, stderr: errOut });
      settle.fail(failure);
    });
    return pending;
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
    if (typeof args !== 'object') throw new codes.ERR_INVALID_ARG_TYPE('args', 'Array', args);
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
  const given = options.stdio;
  if (given === undefined || given === null) {
    const word = options.silent ? 'pipe' : 'inherit';
    options.stdio = [word, word, word, 'ipc'];
  } else if (typeof given === 'string') {
    options.stdio = stdioFromString(given, 'ipc');
  } else if (!(Array.isArray(given) && given.includes('ipc'))) {
    throw new codes.ERR_CHILD_PROCESS_IPC_REQUIRED('options.stdio');
  }
  const execPath = options.execPath || process.execPath;
  const runMain = require('./internal/modules/run_main');
  if (execPath === process.execPath && runMain.isPackedApp()) {
    // A packed app is its own execPath and takes no script argument: the
    // copy is told what to run in its environment (it removes the variable
    // before the app runs) and sees `node file args` argv.
    options.env = {
      ...(options.env || process.env), [runMain.kForkTargetVariable]: file,
    };
    return spawn(execPath, args, options);
  }
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
  throw new codes.ERR_INVALID_ARG_TYPE(name,
    ['string', 'Buffer', 'TypedArray', 'DataView'], value);
}

function spawnSync(command, argList, opts) {
  const request = normalizeSpawnArguments(command, argList, opts);
  const settings = { maxBuffer: kDefaultMaxBuffer, ...request };
  checkTimeout(settings.timeout);
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
  const outputs = result.output ?? [null, null, null];
  [, result.stdout, result.stderr] = outputs;
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

function execSync(line, opts) {
  const shellCall = normalizeExecArgs(line, opts, undefined);
  const result = spawnSync(shellCall.file, shellCall.options);
  if (copiesStderr(opts) && result.stderr) process.stderr.write(result.stderr);
  return checkExecResult(result, line);
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
